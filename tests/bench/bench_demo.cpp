// Times writing a demo workspace (default: 1,000,000 shoppers) and prints wall time,
// throughput and peak memory. Run with `make bench` or
//   build/tests/bench/bench_demo [--shoppers N] [--seed S] [--out FILE] [--keep]
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "store/Workspace.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

using namespace clientele;

int main(int argc, char *argv[])
{
    DemoOptions options;
    options.shoppers = 1'000'000;
    options.end = *parseIsoDate("2026-11-25");
    std::string out
        = (std::filesystem::temp_directory_path() / "clientele-bench-demo.clientele").string();
    const bench::Arguments args(argc, argv,
        "usage: bench_demo [--shoppers N] [--seed S] [--out FILE] [--keep]",
        { "--shoppers", "--seed", "--out" }, { "--keep" });
    if (!args.ok())
        return args.usageError();
    options.shoppers = static_cast<int>(args.number("--shoppers", options.shoppers));
    options.seed = static_cast<std::uint64_t>(
        args.number("--seed", static_cast<long long>(options.seed), 0));
    out = args.text("--out", out);
    const bool keep = args.has("--keep");
    for (const char *suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(out + suffix);

    bench::Stopwatch stopwatch;
    const DemoSummary summary = DemoStore::writeWorkspace(out, options);
    const double seconds = stopwatch.seconds();
    const auto bytes = std::filesystem::file_size(out);

    std::printf("demo workspace: %d shoppers (seed %llu)\n", options.shoppers,
        static_cast<unsigned long long>(options.seed));
    std::printf("  profiles      %lld (%lld known)\n", static_cast<long long>(summary.profiles),
        static_cast<long long>(summary.knownProfiles));
    std::printf("  events        %lld\n", static_cast<long long>(summary.events));
    std::printf("  orders        %lld\n", static_cast<long long>(summary.orders));
    std::printf("  wall time     %.2f s\n", seconds);
    std::printf("  throughput    %.0f events/s, %.0f shoppers/s\n",
        static_cast<double>(summary.events) / seconds, options.shoppers / seconds);
    std::printf("  file size     %.1f MiB\n", static_cast<double>(bytes) / (1024.0 * 1024.0));
    std::printf("  peak memory   %.1f MiB\n", bench::peakMemoryMiB());
    if (!keep)
        std::filesystem::remove(out);
    else
        std::printf("  kept          %s\n", out.c_str());
    return 0;
}
