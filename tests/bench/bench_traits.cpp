// Times the computed traits on a demo workspace (default: 1,000,000 shoppers): a full
// rebuild, then a refresh of the profiles of 10,000 events spread over the workspace, as
// an import of 10,000 new events would touch them. Run with `make bench` or
//   build/tests/bench/bench_traits [--shoppers N] [--events E] [--workspace FILE] [--keep]
// --workspace reuses an existing demo workspace (it is not modified: the run works on a
// copy) instead of generating one.
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "profile/TraitBuilder.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace clientele;

namespace {

void removeWorkspace(const std::string &path)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(path + suffix);
}

} // namespace

int main(int argc, char *argv[])
{
    DemoOptions options;
    options.shoppers = 1'000'000;
    options.end = *parseIsoDate("2026-11-25");
    std::int64_t touchedEvents = 10'000;
    std::string source;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--shoppers" && hasValue)
            options.shoppers = std::atoi(argv[++i]);
        else if (arg == "--events" && hasValue)
            touchedEvents = std::atoll(argv[++i]);
        else if (arg == "--workspace" && hasValue)
            source = argv[++i];
        else if (arg == "--keep")
            keep = true;
        else {
            std::fprintf(stderr,
                "usage: bench_traits [--shoppers N] [--events E] [--workspace FILE] [--keep]\n");
            return 2;
        }
    }
    const std::string path
        = (std::filesystem::temp_directory_path() / "clientele-bench-traits.clientele").string();
    removeWorkspace(path);

    if (source.empty()) {
        bench::Stopwatch generation;
        DemoStore::writeWorkspace(path, options);
        std::printf("demo workspace: %d shoppers written in %.1f s (traits included)\n",
            options.shoppers, generation.seconds());
    } else {
        std::filesystem::copy_file(source, path);
        std::printf("workspace: copy of %s\n", source.c_str());
    }

    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    const auto profiles = db.queryInt("SELECT count(*) FROM profiles");
    const auto events = db.queryInt("SELECT count(*) FROM events");
    std::printf("  profiles      %lld\n", static_cast<long long>(profiles));
    std::printf("  events        %lld\n", static_cast<long long>(events));

    // Full rebuild, as Repair or an upgrade runs it (cache as the workspace opens it).
    double rebuildSeconds = 0.0;
    {
        bench::Stopwatch stopwatch;
        Transaction transaction(db);
        TraitBuilder::rebuildAll(db);
        transaction.commit();
        rebuildSeconds = stopwatch.seconds();
    }
    std::printf("  rebuildAll    %.2f s (%.0f profiles/s, %.0f events/s)\n", rebuildSeconds,
        static_cast<double>(profiles) / rebuildSeconds,
        static_cast<double>(events) / rebuildSeconds);
    std::printf("  buyers        %lld\n",
        static_cast<long long>(
            db.queryInt("SELECT count(*) FROM profile_traits WHERE orders > 0")));

    // Two sets of touched profiles: those of the latest touchedEvents events (what a daily
    // import of that many events touches), and those of touchedEvents events spread evenly
    // over the table (the widest set such an import could touch).
    std::vector<ProfileId> latest;
    {
        auto query = db.prepare("SELECT profile_id FROM events ORDER BY ts DESC LIMIT ?1");
        query.bind(1, touchedEvents);
        while (query.step())
            latest.push_back(query.columnInt(0));
    }
    std::vector<ProfileId> spread;
    {
        const auto maxId = db.queryInt("SELECT max(id) FROM events");
        const std::int64_t step
            = std::max<std::int64_t>(1, maxId / std::max<std::int64_t>(1, touchedEvents));
        auto query = db.prepare("SELECT profile_id FROM events WHERE id = ?1");
        for (std::int64_t id = 1;
             id <= maxId && static_cast<std::int64_t>(spread.size()) < touchedEvents; id += step) {
            query.bind(1, id);
            if (query.step())
                spread.push_back(query.columnInt(0));
            query.reset();
        }
    }
    for (auto *touched : { &latest, &spread }) {
        std::sort(touched->begin(), touched->end());
        touched->erase(std::unique(touched->begin(), touched->end()), touched->end());
        bench::Stopwatch stopwatch;
        Transaction transaction(db);
        TraitBuilder::refresh(db, *touched);
        transaction.commit();
        std::printf(
            "  refresh       %.3f s: %s %lld events' profiles (%zu distinct), commit included\n",
            stopwatch.seconds(), touched == &latest ? "latest" : "spread",
            static_cast<long long>(touchedEvents), touched->size());
    }
    std::printf("  peak memory   %.1f MiB\n", bench::peakMemoryMiB());

    if (!keep)
        removeWorkspace(path);
    else
        std::printf("  kept          %s\n", path.c_str());
    return 0;
}
