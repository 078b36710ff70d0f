// Times the predictions (core/predict) on a demo workspace (default: 1,000,000 shoppers):
// reading the orders, the full fit that stores every buyer's predictions (BG/NBD and
// Gamma-Gamma, the figure of the issue), the same with the Pareto/NBD for comparison, the
// holdout check, one shopper's predictions and the Predictions area's distribution; and
// the CDNOW fit on the published summaries. Run with
//   build/tests/bench/bench_predict [--shoppers N] [--workspace FILE] [--cdnow FILE] [--keep]
// --workspace works on an existing workspace (its predictions are replaced).
#include "BenchReport.h"

#include "demo/DemoStore.h"
#include "predict/OrderHistory.h"
#include "predict/Predictions.h"
#include "store/Workspace.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace clientele;
using namespace clientele::predict;

namespace {

std::vector<PurchaseSummary> readSummaries(const std::string &path)
{
    std::vector<PurchaseSummary> rows;
    std::ifstream file(path);
    std::string line;
    std::getline(file, line);
    while (std::getline(file, line)) {
        std::stringstream cells(line);
        std::string id, x, tx, T, zbar;
        std::getline(cells, id, ',');
        std::getline(cells, x, ',');
        std::getline(cells, tx, ',');
        std::getline(cells, T, ',');
        std::getline(cells, zbar, ',');
        rows.push_back({ std::stod(x), std::stod(tx), std::stod(T), std::stod(zbar), 1.0 });
    }
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    DemoOptions options;
    options.shoppers = 1'000'000;
    options.end = *parseIsoDate("2026-11-25");
    const bench::Arguments args(argc, argv,
        "usage: bench_predict [--shoppers N] [--workspace FILE] [--cdnow FILE] [--keep]",
        { "--shoppers", "--workspace", "--cdnow" }, { "--keep" });
    if (!args.ok())
        return args.usageError();
    options.shoppers = static_cast<int>(args.number("--shoppers", options.shoppers));
    const std::string cdnow
        = args.text("--cdnow", "../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv");
    std::string path = args.text("--workspace");
    const bool generated = path.empty();
    if (generated) {
        path = (std::filesystem::temp_directory_path() / "clientele-bench-predict.clientele").string();
        bench::removeWorkspace(path);
        bench::Stopwatch generation;
        DemoStore::writeWorkspace(path, options);
        std::printf("demo workspace: %d shoppers written in %.1f s\n", options.shoppers,
            generation.seconds());
    }

    if (std::filesystem::exists(cdnow)) {
        const auto rows = readSummaries(cdnow);
        FitFailure failure;
        bench::Stopwatch bg;
        const auto bgNbd = BgNbd::fit(rows, failure);
        const double bgSeconds = bg.seconds();
        bench::Stopwatch gg;
        const auto gammaGamma = GammaGamma::fit(rows, failure);
        const double ggSeconds = gg.seconds();
        bench::Stopwatch pareto;
        const auto paretoNbd = ParetoNbd::fit(rows, failure);
        const double paretoSeconds = pareto.seconds();
        std::printf("CDNOW (%zu customers): BG/NBD %.1f ms (r %.4f alpha %.4f a %.4f b %.4f LL "
                    "%.3f), Gamma-Gamma %.1f ms, BG/NBD + Gamma-Gamma %.1f ms, Pareto/NBD %.1f ms\n",
            rows.size(), bgSeconds * 1000, bgNbd->r, bgNbd->alpha, bgNbd->a, bgNbd->b,
            bgNbd->logLikelihood, ggSeconds * 1000, (bgSeconds + ggSeconds) * 1000,
            paretoSeconds * 1000);
        (void)gammaGamma;
        (void)paretoNbd;
    }

    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    {
        bench::Stopwatch read;
        const auto end = OrderHistory::latestOrderDay(db);
        OrderHistory history = OrderHistory::read(db, *end, std::nullopt, nullptr);
        std::printf("read orders: %zu buyers, %lld orders in %.2f s\n", history.buyers.size(),
            static_cast<long long>(history.orders), read.seconds());
        bench::Stopwatch scan;
        const std::int64_t items = history.findReplenishments(db, *end);
        std::printf("replenishment alone: %lld replenishable items in %.2f s\n",
            static_cast<long long>(items), scan.seconds());
    }
    FitOptions fast;
    fast.paretoNbd = false;
    bench::Stopwatch fit;
    const FittedModel model = Predictions::fit(db, fast);
    std::printf("fit BG/NBD + Gamma-Gamma and write predictions: %.2f s (read %.2f, fit %.2f, "
                "replenishment %.2f beside the fit, write %.2f; %lld buyers, %lld "
                "repeat; r %.4f alpha %.4f a %.4f b %.4f)\n",
        fit.seconds(), model.readSeconds, model.fitSeconds, model.replenishmentSeconds,
        model.writeSeconds, static_cast<long long>(model.customers),
        static_cast<long long>(model.repeatCustomers), model.bgNbd.r, model.bgNbd.alpha,
        model.bgNbd.a, model.bgNbd.b);
    bench::Stopwatch full;
    const FittedModel withPareto = Predictions::fit(db, FitOptions {});
    std::printf("fit with Pareto/NBD as well: %.2f s (Pareto/NBD %.2f s, %s, LL %.1f vs BG/NBD "
                "%.1f)\n",
        full.seconds(), withPareto.paretoSeconds, withPareto.paretoNbd ? "converged" : "did not converge",
        withPareto.paretoNbd ? withPareto.paretoNbd->logLikelihood : 0.0,
        withPareto.bgNbd.logLikelihood);
    bench::Stopwatch validate;
    const HoldoutCheck check = Predictions::validate(db);
    std::printf("holdout check (last third): %.2f s (%lld buyers, predicted %.0f vs actual %.0f "
                "repeat order days, MAE %.3f)\n",
        validate.seconds(), static_cast<long long>(check.customers), check.predictedTotal,
        check.actualTotal, check.mae);
    const ProfileId someone = db.queryInt("SELECT max(profile_id) FROM predictions");
    bench::Stopwatch one;
    const auto prediction = Predictions::forProfile(db, someone);
    std::printf("one shopper's predictions: %.3f ms\n", one.seconds() * 1000);
    (void)prediction;
    bench::Stopwatch distribution;
    const auto spread = Predictions::distribution(db);
    std::printf("distribution (Predictions area): %.2f s (low %lld, medium %lld, high %lld)\n",
        distribution.seconds(), static_cast<long long>(spread.low),
        static_cast<long long>(spread.medium), static_cast<long long>(spread.high));
    std::printf("peak memory: %.0f MiB\n", bench::peakMemoryMiB());

    if (generated && !args.has("--keep"))
        bench::removeWorkspace(path);
    return 0;
}
