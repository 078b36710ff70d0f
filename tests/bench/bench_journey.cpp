// Times the cart-recovery backtest over the last 90 days of a workspace, the lift report, and
// the runtime: what a running cart-recovery journey adds to an import of N new add-to-cart
// events (--new N, default 20000), and to the next import when their hours run out. The
// runtime part runs in a transaction that is rolled back: the workspace is left unchanged.
// Make a workspace first:
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000 --end 2026-11-25
//   build/tests/bench/bench_journey --workspace /tmp/big.clientele [--days 90] [--runs 3]
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "journey/JourneyLift.h"
#include "journey/JourneyRuntime.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyStore.h"
#include "journey/JourneyTemplates.h"
#include "profile/TraitBuilder.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace clientele;

int main(int argc, char *argv[])
{
    const bench::Arguments args(argc, argv,
        "usage: bench_journey --workspace FILE [--days N] [--runs N] [--new N]",
        { "--workspace", "--runs", "--days", "--new" });
    const std::string path = args.text("--workspace");
    if (!args.ok() || path.empty())
        return args.usageError();
    const int runs = static_cast<int>(args.number("--runs", 3));
    const int days = static_cast<int>(args.number("--days", 90));
    const int fresh = static_cast<int>(args.number("--new", 20000));
    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    std::printf("workspace %s: %lld profiles, ~%lld events\n", path.c_str(),
        static_cast<long long>(db.queryInt("SELECT count(*) FROM profiles")),
        static_cast<long long>(db.queryInt("SELECT max(id) FROM events")));
    const Millis end = startOfDay(TraitBuilder::latestEventTime(db).value_or(nowMillis()));
    const Millis from = end - days * kMillisPerDay;
    const Journey journey = JourneyTemplates::cartRecovery();
    std::vector<double> seconds;
    SimulationResult result;
    for (int run = 0; run < runs; ++run) {
        const bench::Stopwatch watch;
        result = JourneySimulator::simulate(db, journey, from, end);
        seconds.push_back(watch.seconds());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("cart recovery %s … %s: %lld entries, %lld shoppers, %lld conversions\n",
        formatIsoDate(from).c_str(), formatIsoDate(end).c_str(),
        static_cast<long long>(result.entered), static_cast<long long>(result.shoppers),
        static_cast<long long>(result.conversions));
    std::printf("simulate: median %.2f s   min %.2f s   max %.2f s (%d runs)\n",
        seconds[seconds.size() / 2], seconds.front(), seconds.back(), runs);
    const bench::Stopwatch liftWatch;
    const LiftReport lift = JourneyLift::measure(db, DemoStore::kCampaign);
    std::printf("lift %s: treatment %.1f %% of %lld, holdout %.1f %% of %lld in %.2f s\n",
        lift.campaign.c_str(), lift.treatment.rate() * 100.0,
        static_cast<long long>(lift.treatment.sends), lift.holdout.rate() * 100.0,
        static_cast<long long>(lift.holdout.sends), liftWatch.seconds());

    {
        // An import of `fresh` add-to-carts by existing shoppers the day after the data ends,
        // then one at noon that lets their hour pass, then one two days later (timeouts).
        Transaction rollback(db);
        JourneyStore store(db);
        Journey running = journey;
        running.name = "bench runtime";
        store.save(running, nowMillis());
        store.setActive(running.name, true, nowMillis());
        std::vector<std::int64_t> profiles;
        Statement ids(db, "SELECT id FROM profiles");
        while (ids.step())
            profiles.push_back(ids.columnInt(0));
        const Millis day = end + kMillisPerDay;
        std::int64_t key = db.queryInt("SELECT max(event_key) FROM events") + 1;
        Statement insert(db,
            "INSERT INTO events(event_key, ts, type, profile_id, channel, value, "
            "cart_id) VALUES (?1, ?2, ?3, ?4, 'web', ?5, ?6)");
        auto add = [&](Millis ts, const char *type, std::int64_t profile) {
            insert.bind(1, key++).bind(2, ts).bind(3, type).bind(4, profile).bind(5, 40.0);
            insert.bind(6, "bench-" + std::to_string(profile));
            insert.run();
        };
        for (int i = 0; i < fresh; ++i)
            add(day + 9 * kMillisPerHour + i, "product_added",
                profiles[static_cast<std::size_t>(i * 7919LL) % profiles.size()]);
        const bench::Stopwatch first;
        const AdvanceSummary carts = JourneyRuntime::advanceAll(db);
        const double cartSeconds = first.seconds();
        add(day + 12 * kMillisPerHour, "page_viewed", profiles.front());
        const bench::Stopwatch second;
        const AdvanceSummary entries = JourneyRuntime::advanceAll(db);
        const double entrySeconds = second.seconds();
        add(day + 3 * kMillisPerDay, "page_viewed", profiles.front());
        const bench::Stopwatch third;
        const AdvanceSummary timeouts = JourneyRuntime::advanceAll(db);
        const double timeoutSeconds = third.seconds();
        std::printf("runtime, %d new add-to-carts: advance %.2f s (%lld entered); next import "
                    "(hour passed) %.2f s (%lld entered, %lld messages); two days later %.2f s "
                    "(%lld messages)\n",
            fresh, cartSeconds, static_cast<long long>(carts.entered), entrySeconds,
            static_cast<long long>(entries.entered), static_cast<long long>(entries.messages),
            timeoutSeconds, static_cast<long long>(timeouts.messages));
        std::printf("runtime: %lld shoppers in the journey, %lld messages in the outbox "
                    "(rolled back)\n",
            static_cast<long long>(store.summary(running.name)->inJourney),
            static_cast<long long>(db.queryInt("SELECT count(*) FROM outbox")));
    }
    std::printf("peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}
