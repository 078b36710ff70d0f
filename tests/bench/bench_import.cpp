// Times a full import (parse, normalise, resolve identities, de-duplicate, insert, index) of
// a generated events CSV, and the sqlite3 shell's own `.import` of the same file into a plain
// table, in one run. Prints both rates, their ratio and peak memory.
//
//   build/tests/bench/bench_import [--events N] [--shoppers N] [--dir DIR] [--keep]
//                                  [--no-shell]
//
// Defaults: 10,000,000 events for 1,000,000 shoppers, files in the temp folder.
#include "BenchReport.h"

#include "ingest/ImportJob.h"
#include "store/Workspace.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

using namespace clientele;

namespace {

/// splitmix64: a fast, reproducible stream for the generated file.
class Stream {
public:
    explicit Stream(std::uint64_t seed)
        : state_(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t state_;
};

/// A shopper drawn with Zipf-like activity: a few are very active, most visit rarely.
std::uint64_t drawShopper(Stream &random, std::uint64_t shoppers)
{
    const double u = static_cast<double>(random.next() >> 11) / 9007199254740992.0;
    return static_cast<std::uint64_t>(static_cast<double>(shoppers) * u * u) % shoppers;
}

void writeEvents(const std::string &path, std::int64_t events, std::uint64_t shoppers)
{
    static const char *kTypes[] = { "Product Viewed", "Product Viewed", "Product Viewed",
        "Product Added", "Page Viewed", "Page Viewed", "Checkout Started", "Order Completed" };
    std::ofstream out(path, std::ios::binary);
    out << "event_id,timestamp,event,email,anonymous_id,sku,price,quantity\n";
    Stream random(42);
    const std::int64_t start = 1735689600; // 2025-01-01
    char line[256];
    for (std::int64_t i = 0; i < events; ++i) {
        const std::uint64_t shopper = drawShopper(random, shoppers);
        const char *type = kTypes[random.below(8)];
        const std::int64_t ts = start + static_cast<std::int64_t>(random.below(365 * 86400));
        const bool known = shopper % 5 != 0;
        const unsigned sku = static_cast<unsigned>(random.below(400));
        const unsigned cents = 500 + static_cast<unsigned>(random.below(19500));
        const int length = std::snprintf(line, sizeof line,
            "e%" PRId64 ",%" PRId64 ",%s,%s%" PRIu64 "%s,dev-%" PRIu64 ",SKU-%u,%u.%02u,%u\n", i,
            ts, type, known ? "shopper" : "", known ? shopper : 0, known ? "@example.com" : "",
            shopper * 2 + (i & 1), sku, cents / 100, cents % 100, 1 + (sku % 3));
        if (!known) {
            // Anonymous visitors have no email cell at all.
            std::string text(line, static_cast<std::size_t>(length));
            const auto first = text.find(',', text.find(',', text.find(',') + 1) + 1);
            const auto second = text.find(',', first + 1);
            text.erase(first + 1, second - first - 1);
            out << text;
        } else {
            out.write(line, length);
        }
    }
}

ImportMapping eventsMapping()
{
    ImportMapping mapping;
    mapping.columns = {
        { "event_id", FieldTarget::EventId, {} },
        { "timestamp", FieldTarget::Timestamp, {} },
        { "event", FieldTarget::EventType, {} },
        { "email", FieldTarget::Identity, "email" },
        { "anonymous_id", FieldTarget::Identity, "anonymous_id" },
        { "sku", FieldTarget::ProductSku, {} },
        { "price", FieldTarget::Price, {} },
        { "quantity", FieldTarget::Quantity, {} },
    };
    mapping.timezone = "UTC";
    mapping.decimal = "point";
    return mapping;
}

/// Records when each stage of the import began, for the breakdown.
class StageClock : public ProgressSink {
public:
    bool report(const Progress &progress) override
    {
        if (stages_.empty() || stages_.back().first != progress.stage)
            stages_.emplace_back(progress.stage, stopwatch_.seconds());
        return true;
    }
    void print(double total) const
    {
        for (std::size_t i = 0; i < stages_.size(); ++i) {
            const double end = i + 1 < stages_.size() ? stages_[i + 1].second : total;
            std::printf("  %-28s %7.2f s\n", stages_[i].first.c_str(), end - stages_[i].second);
        }
    }

private:
    bench::Stopwatch stopwatch_;
    std::vector<std::pair<std::string, double>> stages_;
};

double shellImportSeconds(const std::string &csv, const std::string &db)
{
    std::filesystem::remove(db);
    const std::string command
        = "sqlite3 " + db + " -cmd '.mode csv' '.import " + csv + " events' 2>&1";
    bench::Stopwatch stopwatch;
    const int status = std::system(command.c_str());
    const double seconds = stopwatch.seconds();
    std::filesystem::remove(db);
    return status == 0 ? seconds : -1.0;
}

} // namespace

int main(int argc, char *argv[])
{
    const bench::Arguments args(argc, argv,
        "usage: bench_import [--events N] [--shoppers N] [--dir DIR] [--keep] [--no-shell]",
        { "--events", "--shoppers", "--dir" }, { "--keep", "--no-shell" });
    if (!args.ok())
        return args.usageError();
    const std::int64_t events = args.number("--events", 10'000'000);
    const auto shoppers = static_cast<std::uint64_t>(args.number("--shoppers", 1'000'000));
    const std::filesystem::path dir
        = args.text("--dir", std::filesystem::temp_directory_path().string());
    const bool keep = args.has("--keep");
    const std::string csv = (dir / "clientele-bench-events.csv").string();
    const std::string workspacePath = (dir / "clientele-bench-import.clientele").string();
    const std::string shellDb = (dir / "clientele-bench-shell.db").string();

    bench::Stopwatch generate;
    writeEvents(csv, events, shoppers);
    std::printf("generated %" PRId64 " events for up to %" PRIu64 " shoppers: %.1f MiB in %.1f s\n",
        events, shoppers, static_cast<double>(std::filesystem::file_size(csv)) / (1 << 20),
        generate.seconds());

    // --no-shell: the import alone (profiling it, or a machine without sqlite3).
    const double shell = args.has("--no-shell") ? 0.0 : shellImportSeconds(csv, shellDb);
    if (shell > 0)
        std::printf("sqlite3 shell .import:   %.2f s  (%.0f rows/s)\n", shell,
            static_cast<double>(events) / shell);
    else if (!args.has("--no-shell"))
        std::printf("sqlite3 shell .import:   not available (install the sqlite3 package)\n");

    for (const char *suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(workspacePath + suffix);
    ImportSummary summary;
    StageClock stages;
    bench::Stopwatch import;
    {
        auto workspace = Workspace::create(workspacePath);
        ImportRequest request;
        request.inputPath = csv;
        request.mapping = eventsMapping();
        summary = ImportJob::run(workspace, request, &stages);
    }
    const double seconds = import.seconds();
    std::printf("clientele import:        %.2f s  (%.0f events/s)\n", seconds,
        static_cast<double>(summary.rowsRead) / seconds);
    stages.print(seconds);
    std::printf("  rows %" PRId64 ": imported %" PRId64 ", duplicates %" PRId64
                ", rejected %" PRId64 "\n",
        summary.rowsRead, summary.imported, summary.duplicates, summary.rejected);
    std::printf("  profiles created %" PRId64 ", merges %" PRId64 "\n", summary.profilesCreated,
        summary.merges);
    if (shell > 0)
        std::printf("ratio (shell time / clientele time): %.2f\n", shell / seconds);
    std::printf("peak memory: %.1f MiB\n", bench::peakMemoryMiB());
    if (!keep) {
        std::filesystem::remove(csv);
        for (const char *suffix : { "", "-wal", "-shm" })
            std::filesystem::remove(workspacePath + suffix);
    }
    return 0;
}
