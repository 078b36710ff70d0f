// Times the computed traits on a demo workspace (default: 1,000,000 shoppers): a full
// rebuild, then, twice, 10,000 new events written (copies of existing ones, untimed) and
// the refresh of their profiles, as an import would run it. Run with `make bench` or
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

int main(int argc, char *argv[])
{
    DemoOptions options;
    options.shoppers = 1'000'000;
    options.end = *parseIsoDate("2026-11-25");
    const bench::Arguments args(argc, argv,
        "usage: bench_traits [--shoppers N] [--events E] [--workspace FILE] [--keep]",
        { "--shoppers", "--events", "--workspace" }, { "--keep" });
    if (!args.ok())
        return args.usageError();
    options.shoppers = static_cast<int>(args.number("--shoppers", options.shoppers));
    const std::int64_t touchedEvents = args.number("--events", 10'000);
    const std::string source = args.text("--workspace");
    const bool keep = args.has("--keep");
    const std::string path
        = (std::filesystem::temp_directory_path() / "clientele-bench-traits.clientele").string();
    bench::removeWorkspace(path);

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

    // An import of touchedEvents new events, in two shapes: copies of the latest events a
    // minute later (what a daily import touches), and copies of events spread evenly over
    // the table (the widest set of profiles such an import could touch). The copies are
    // written untimed; refresh then recomputes the profiles they belong to.
    const auto maxId = db.queryInt("SELECT max(id) FROM events");
    const std::int64_t step
        = std::max<std::int64_t>(1, maxId / std::max<std::int64_t>(1, touchedEvents));
    const std::pair<const char *, std::string> shapes[] {
        { "latest", "SELECT id FROM events ORDER BY ts DESC LIMIT ?1" },
        { "spread", "SELECT id FROM events WHERE id % " + std::to_string(step) + " = 0 LIMIT ?1" },
    };
    std::int64_t round = 0;
    for (const auto &[name, selection] : shapes) {
        Transaction transaction(db);
        std::vector<ProfileId> touched;
        {
            auto copy = db.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, "
                                   "product_id, category, order_id, cart_id, value, quantity, "
                                   "currency, props) SELECT -(?2 * 100000000 + id), ts + 60000, "
                                   "type, profile_id, channel, product_id, category, order_id, "
                                   "cart_id, value, quantity, currency, props FROM events "
                                   "WHERE id IN ("
                + selection + ") RETURNING profile_id");
            copy.bind(1, touchedEvents).bind(2, ++round);
            while (copy.step())
                touched.push_back(copy.columnInt(0));
        }
        const auto copied = touched.size();
        bench::Stopwatch stopwatch;
        TraitBuilder::refresh(db, touched);
        const double refreshSeconds = stopwatch.seconds();
        // The commit writes the new events too, as the import's own commit would.
        bench::Stopwatch commit;
        transaction.commit();
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        std::printf("  refresh       %.3f s: %s, %zu new events of %zu profiles (then commit of "
                    "events and traits %.3f s)\n",
            refreshSeconds, name, copied, touched.size(), commit.seconds());
    }
    std::printf("  peak memory   %.1f MiB\n", bench::peakMemoryMiB());

    if (!keep)
        bench::removeWorkspace(path);
    else
        std::printf("  kept          %s\n", path.c_str());
    return 0;
}
