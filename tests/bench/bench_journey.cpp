// Times the cart-recovery backtest over the last 90 days of a workspace, and the lift report.
// Make a workspace first:
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000 --end 2026-11-25
//   build/tests/bench/bench_journey --workspace /tmp/big.clientele [--days 90] [--runs 3]
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "journey/JourneyLift.h"
#include "journey/JourneySimulator.h"
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
    std::string path;
    int runs = 3;
    int days = 90;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--workspace" && hasValue)
            path = argv[++i];
        else if (arg == "--runs" && hasValue)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--days" && hasValue)
            days = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: bench_journey --workspace FILE [--days N] [--runs N]\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: bench_journey --workspace FILE [--days N] [--runs N]\n");
        return 2;
    }
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
    std::printf("peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}
