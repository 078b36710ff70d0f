// Times the Predictions area on a large workspace through the page the window uses: from
// showing it to the stored model and the distribution on screen ("opens"), and to the
// holdout check's charts (a fit of its own, in the background).
//   build/app/clientele demo --out /tmp/big.clientele --shoppers 1000000
//   build/tests/bench/bench_predictions_area --workspace /tmp/big.clientele [--runs 5]
#include "BenchReport.h"

#include "PredictionsPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace clientele;

int main(int argc, char *argv[])
{
    const bench::Arguments args(argc, argv,
        "usage: bench_predictions_area --workspace FILE [--runs N]", { "--workspace", "--runs" });
    if (!args.ok() || args.text("--workspace").empty())
        return args.usageError();
    const QString path = QString::fromStdString(args.text("--workspace"));
    const int runs = static_cast<int>(args.number("--runs", 5));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<double> opens, checks;
    for (int run = 0; run < runs; ++run) {
        PredictionsPage page;
        page.resize(1440, 900);
        page.setWorkspace(path, "EUR");
        QElapsedTimer timer;
        timer.start();
        double opened = -1;
        QEventLoop loop;
        QObject::connect(&page, &PredictionsPage::loaded, &loop, [&] { opened = timer.elapsed(); });
        QObject::connect(&page, &PredictionsPage::holdoutChecked, &loop, [&] { loop.quit(); });
        page.show();
        loop.exec();
        opens.push_back(opened);
        checks.push_back(static_cast<double>(timer.elapsed()));
        if (!page.model()) {
            std::printf("no stored model in %s: run clientele predict fit first\n", args.text("--workspace").c_str());
            return 1;
        }
    }
    std::sort(opens.begin(), opens.end());
    std::sort(checks.begin(), checks.end());
    std::printf("Predictions area (%d runs): model and distribution shown after median %.0f ms "
                "(max %.0f ms); holdout check charts after median %.0f ms (max %.0f ms)\n",
        runs, opens[opens.size() / 2], opens.back(), checks[checks.size() / 2], checks.back());
    return 0;
}
