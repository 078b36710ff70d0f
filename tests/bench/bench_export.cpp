// Times campaign exports on a demo workspace (default: 1,000,000 shoppers): the whole
// audience to a generic CSV, to a Google Customer Match file and a Meta file (normalised and
// SHA-256 hashed), and a generic CSV with a unique discount code per row. Run with
// `make bench` or
//   build/tests/bench/bench_export [--shoppers N] [--workspace FILE] [--synthetic N]
//                                  [--runs R] [--keep]
// --workspace uses an existing demo workspace instead of generating one; each export adds
// its record (and codes) to it, as a real export would. --synthetic N writes N shoppers who
// all have an e-mail address, a phone and consent, so that every row of the audience is
// written and hashed: the worst case (in the demo about 4 in 10 shoppers consent).
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "export/ExportJob.h"
#include "store/Workspace.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace clientele;

namespace {

void removeFile(const std::string &path)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(path + suffix);
}

/// count shoppers with names, addresses, phones and email and sms consent.
void writeSynthetic(const std::string &path, std::int64_t count)
{
    auto workspace = Workspace::create(path);
    Database &db = workspace.db();
    Transaction transaction(db);
    auto run = [&](const std::string &sql) { db.prepare(sql).bind(1, count).run(); };
    run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
        "INSERT INTO profiles(id, created_at, first_name, last_name, country, city, is_known) "
        "SELECT i, 0, 'Zoë' || i, 'Müller-Lüdenscheidt', 'DE', 'Bad Tölz', 1 FROM n");
    run("INSERT INTO profile_traits(profile_id, email, phone, name, country, city, orders, "
        "revenue) SELECT id, 'Shopper.' || id || '@Example.com', '+49151' || printf('%08d', id), "
        "first_name || ' ' || last_name, country, city, id % 7, (id % 1000) / 10.0 FROM profiles "
        "WHERE id <= ?1");
    run("INSERT INTO consents(profile_id, channel, status, source, ts) "
        "SELECT id, 'email', 'granted', 'bench', 0 FROM profiles WHERE id <= ?1");
    run("INSERT INTO consents(profile_id, channel, status, source, ts) "
        "SELECT id, 'sms', 'granted', 'bench', 0 FROM profiles WHERE id <= ?1");
    transaction.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    DemoOptions options;
    options.shoppers = 1'000'000;
    options.end = *parseIsoDate("2026-11-25");
    const bench::Arguments args(argc, argv,
        "usage: bench_export [--shoppers N] [--workspace FILE] [--synthetic N] [--runs R] [--keep]",
        { "--shoppers", "--workspace", "--synthetic", "--runs" }, { "--keep" });
    if (!args.ok())
        return args.usageError();
    options.shoppers = static_cast<int>(args.number("--shoppers", options.shoppers));
    const std::string source = args.text("--workspace");
    const std::int64_t synthetic = args.number("--synthetic", 0, 0);
    const int runs = static_cast<int>(args.number("--runs", 2));
    const bool keep = args.has("--keep");
    const auto scratch = std::filesystem::temp_directory_path() / "clientele-bench-export";
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    std::string path = source;
    if (synthetic > 0) {
        path = (scratch / "synthetic.clientele").string();
        bench::Stopwatch generation;
        writeSynthetic(path, synthetic);
        std::printf("synthetic workspace: %lld shoppers, all consenting, written in %.1f s\n",
            static_cast<long long>(synthetic), generation.seconds());
    } else if (path.empty()) {
        path = (scratch / "demo.clientele").string();
        bench::Stopwatch generation;
        DemoStore::writeWorkspace(path, options);
        std::printf("demo workspace: %d shoppers written in %.1f s\n", options.shoppers,
            generation.seconds());
    } else {
        std::printf("workspace: %s\n", path.c_str());
    }

    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    std::printf("  profiles        %lld\n",
        static_cast<long long>(db.queryInt("SELECT count(*) FROM profiles")));

    struct Case {
        const char *name;
        ExportFormat format;
        std::string codePattern;
    };
    const Case cases[] {
        { "generic", ExportFormat::Generic, "" },
        { "customer-match", ExportFormat::CustomerMatch, "" },
        { "meta", ExportFormat::Meta, "" },
        { "generic+codes", ExportFormat::Generic, "BENCH-XXXXXXXX" },
    };
    int file = 0;
    for (int run = 1; run <= runs; ++run) {
        for (const Case &c : cases) {
            ExportRequest request;
            request.format = c.format;
            request.codePattern = c.codePattern;
            request.outputPath = (scratch / ("export-" + std::to_string(++file) + ".csv")).string();
            bench::Stopwatch stopwatch;
            const ExportSummary summary = ExportJob::run(db, request);
            const double seconds = stopwatch.seconds();
            std::printf("  run %d %-15s %.2f s: %lld of %lld shoppers exported, %.1f MB\n", run,
                c.name, seconds, static_cast<long long>(summary.exported),
                static_cast<long long>(summary.audience), static_cast<double>(summary.bytes) / 1e6);
            std::filesystem::remove(summary.path);
            std::filesystem::remove(summary.manifestPath);
        }
    }
    std::printf("  peak memory     %.1f MiB\n", bench::peakMemoryMiB());
    if (source.empty() && !keep)
        removeFile(path);
    else if (keep)
        std::printf("  kept            %s\n", path.c_str());
    if (!keep)
        std::filesystem::remove_all(scratch);
    return 0;
}
