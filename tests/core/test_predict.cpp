// Predictions (core/predict): the purchase and spend models against the published CDNOW
// results, a synthetic store fitted back to the parameters it was drawn from, the
// workspace path (orders, refunds, cancellations, future orders), traits in segments and
// the demo's saved segments.

#include "TestFiles.h"

#include "demo/DemoStore.h"
#include "ingest/ImportJob.h"
#include "predict/OrderHistory.h"
#include "predict/Predictions.h"
#include "predict/PurchaseModels.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <cmath>
#include <random>

using namespace clientele;
using namespace clientele::predict;

namespace {

/// The 2,357 CDNOW customers' calibration summaries (weeks), as published.
std::vector<PurchaseSummary> cdnowSummaries()
{
    QFile file(test::sharedDataFile(QStringLiteral("cdnow/cdnow_customers_summary_with_transactions.csv")));
    std::vector<PurchaseSummary> rows;
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    file.readLine();
    while (!file.atEnd()) {
        const QList<QByteArray> cells = file.readLine().trimmed().split(',');
        if (cells.size() != 5)
            continue;
        rows.push_back({ cells[1].toDouble(), cells[2].toDouble(), cells[3].toDouble(),
            cells[4].toDouble(), 1.0 });
    }
    return rows;
}

/// Rounds to n significant digits.
double significant(double value, int digits)
{
    const double magnitude = std::pow(10.0, digits - 1 - std::floor(std::log10(std::abs(value))));
    return std::round(value * magnitude) / magnitude;
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

/// Writes text to a file in dir and returns its path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

/// Imports a CSV of orders: Time, Customer, Order, Value, Event (order_completed,
/// order_cancelled, order_refunded), Id.
ImportSummary importOrders(Workspace &workspace, const QString &path, bool withProducts = false)
{
    ImportRequest request;
    request.inputPath = test::toStd(path);
    request.mapping.columns = {
        { "Time", FieldTarget::Timestamp, {} },
        { "Customer", FieldTarget::Identity, "customer_id" },
        { "Order", FieldTarget::OrderId, {} },
        { "Value", FieldTarget::Value, {} },
        { "Event", FieldTarget::EventType, {} },
        { "Id", FieldTarget::EventId, {} },
    };
    if (withProducts) {
        request.mapping.columns.push_back({ "SKU", FieldTarget::ProductSku, {} });
        request.mapping.columns.push_back({ "Name", FieldTarget::ProductName, {} });
        request.mapping.columns.push_back({ "Category", FieldTarget::Category, {} });
    }
    request.mapping.timezone = "UTC";
    return ImportJob::run(workspace, request);
}

/// A store drawn from a BG/NBD process with known parameters (rates per day): each shopper
/// first buys on a day in the first half year, buys again at exponential intervals while
/// active and drops out after a repeat purchase with probability p.
struct SyntheticStore {
    double r = 0.6, alpha = 40.0, a = 0.8, b = 2.5;
    int shoppers = 0;
    int days = 365;
    std::uint32_t seed = 7;

    /// Each shopper's purchase days.
    std::vector<std::vector<int>> draw() const
    {
        std::mt19937 random(seed);
        std::gamma_distribution<double> rate(r, 1.0 / alpha);
        std::gamma_distribution<double> ga(a, 1.0), gb(b, 1.0);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        std::vector<std::vector<int>> result;
        for (int i = 0; i < shoppers; ++i) {
            const double lambda = rate(random);
            const double x1 = ga(random), x2 = gb(random);
            const double p = x1 / (x1 + x2);
            double t = uniform(random) * days / 2.0;
            std::vector<int> purchases { static_cast<int>(t) };
            while (true) {
                t += -std::log(1.0 - uniform(random)) / lambda;
                if (t >= days)
                    break;
                purchases.push_back(static_cast<int>(t));
                if (uniform(random) < p)
                    break;
            }
            result.push_back(purchases);
        }
        return result;
    }
};

} // namespace

class TestPredict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hypergeometricMatchesClosedForms();
    void cdnowBgNbdReproducesThePaper();
    void cdnowDerivedFigures();
    void cdnowGammaGamma();
    void cdnowParetoNbd();
    void cdnowFromAWorkspace();
    void syntheticStoreRecoversItsParameters();
    void tooFewRepeatBuyersStoresNothing();
    void awkwardOrdersAreHandled();
    void predictionsAreTraitsInSegments();
    void holdoutCheckCountsTheHoldout();
    void replenishmentFromRepeatPurchases();
    void demoHasPredictionsAndSavedSegments();
};

void TestPredict::hypergeometricMatchesClosedForms()
{
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z; 2F1(a, b; b; z) = (1 - z)^-a.
    for (const double z : { 0.0001, 0.3, 0.9, 0.999 })
        QVERIFY(std::abs(hypergeometric2F1(1, 1, 2, z) + std::log1p(-z) / z) < 1e-10 * (1 + 1 / (1 - z)));
    QVERIFY(std::abs(hypergeometric2F1(2.5, 3.0, 3.0, 0.6) - std::pow(0.4, -2.5)) < 1e-9);
    // Large parameters (a shopper with 200 purchases) do not overflow.
    QVERIFY(std::isfinite(std::log(hypergeometric2F1(250, 1.6, 251, 0.95))));
    QVERIFY_THROWS_EXCEPTION(std::domain_error, hypergeometric2F1(1, 1, 2, 1.0));
}

void TestPredict::cdnowBgNbdReproducesThePaper()
{
    const auto rows = cdnowSummaries();
    QCOMPARE(rows.size(), std::size_t(2357));
    FitFailure failure;
    const auto fit = BgNbd::fit(rows, failure);
    QVERIFY2(fit, failure.reason.c_str());
    // Fader, Hardie & Lee (2005); BTYD at full precision: r = 0.2425982, alpha = 4.4136842,
    // a = 0.7929899, b = 2.4261667, LL = -9582.429.
    QCOMPARE(roundTo(fit->r, 3), 0.243);
    QCOMPARE(roundTo(fit->alpha, 3), 4.414);
    QCOMPARE(roundTo(fit->a, 3), 0.793);
    QCOMPARE(roundTo(fit->b, 3), 2.426);
    QVERIFY2(std::abs(fit->logLikelihood - -9582.429) < 0.01,
        QByteArray::number(fit->logLikelihood, 'f', 4).constData());
}

void TestPredict::cdnowDerivedFigures()
{
    const BgNbdParameters p { 0.2425982, 4.4136842, 0.7929899, 2.4261667, 0 };
    QCOMPARE(significant(BgNbd::conditionalExpectedPurchases(p, 52, 26, 30.85714, 31), 4),
        significant(25.75659, 4));
    QCOMPARE(significant(BgNbd::probabilityAlive(p, 26, 30.85714, 31), 4), significant(0.9688523, 4));
    QCOMPARE(significant(BgNbd::expectedPurchases(p, 52), 4), significant(1.444004, 4));
    QCOMPARE(roundTo(BgNbd::conditionalExpectedPurchases(p, 39, 2, 30.43, 38.86), 3), 1.226);
    // A shopper who never bought again is assumed active; one silent for long is not.
    QCOMPARE(BgNbd::probabilityAlive(p, 0, 0, 38), 1.0);
    QVERIFY(BgNbd::probabilityAlive(p, 5, 5, 38) < 0.2);
}

void TestPredict::cdnowGammaGamma()
{
    const auto rows = cdnowSummaries();
    FitFailure failure;
    const auto fit = GammaGamma::fit(rows, failure);
    QVERIFY2(fit, failure.reason.c_str());
    QCOMPARE(fit->customers, std::int64_t(946));
    // Published: p = 6.25, q = 3.74, gamma = 15.44 (to two decimals).
    QVERIFY(std::abs(fit->p - 6.25) < 0.01);
    QVERIFY(std::abs(fit->q - 3.74) < 0.01);
    QVERIFY2(std::abs(fit->gamma - 15.44) < 0.01, QByteArray::number(fit->gamma, 'f', 4).constData());
    const double published[] = { 24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17 };
    for (int i = 0; i < 10; ++i) {
        const double spend = GammaGamma::expectedAverageValue(*fit, rows[i].x, rows[i].monetary);
        QVERIFY2(std::abs(spend - published[i]) < 0.01,
            qPrintable(QStringLiteral("customer %1: %2").arg(i + 1).arg(spend)));
    }
}

void TestPredict::cdnowParetoNbd()
{
    const auto rows = cdnowSummaries();
    FitFailure failure;
    const auto fit = ParetoNbd::fit(rows, failure);
    QVERIFY2(fit, failure.reason.c_str());
    // Published: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.
    QVERIFY(std::abs(fit->r - 0.553) < 0.002);
    QVERIFY(std::abs(fit->alpha - 10.578) < 0.01);
    QVERIFY(std::abs(fit->s - 0.606) < 0.002);
    QVERIFY(std::abs(fit->beta - 11.669) < 0.01);
    QVERIFY(std::abs(fit->logLikelihood - -9595.0) < 0.1);
    // Its probability alive falls for a one-time buyer as time passes, unlike BG/NBD's.
    QVERIFY(ParetoNbd::probabilityAlive(*fit, 0, 0, 38) < ParetoNbd::probabilityAlive(*fit, 0, 0, 2));
}

void TestPredict::cdnowFromAWorkspace()
{
    QFile sample(test::sharedDataFile(QStringLiteral("cdnow/CDNOW_sample.txt")));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QByteArray csv = "Time,Customer,Order,Value,Event,Id\n";
    int line = 0;
    while (!sample.atEnd()) {
        const QList<QByteArray> cells = sample.readLine().simplified().split(' ');
        if (cells.size() != 5)
            continue;
        const QByteArray &date = cells[2];
        csv += date.left(4) + '-' + date.mid(4, 2) + '-' + date.mid(6, 2) + ',' + cells[0] + ",,"
            + cells[4] + ",order_completed," + QByteArray::number(++line) + '\n';
    }
    QCOMPARE(line, 6919);
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("cdnow.clientele"))));
    const ImportSummary imported = importOrders(workspace, writeFile(dir, QStringLiteral("cdnow.csv"), csv));
    QCOMPARE(imported.imported, std::int64_t(6919));

    FitOptions options;
    options.calibrationEnd = parseIsoDate("1997-09-30");
    options.unit = TimeUnit::Week;
    const FittedModel model = Predictions::fit(workspace.db(), options);
    QCOMPARE(model.customers, std::int64_t(2357));
    QCOMPARE(roundTo(model.bgNbd.r, 3), 0.243);
    QCOMPARE(roundTo(model.bgNbd.alpha, 3), 4.414);
    QCOMPARE(roundTo(model.bgNbd.a, 3), 0.793);
    QCOMPARE(roundTo(model.bgNbd.b, 3), 2.426);
    QVERIFY2(std::abs(model.bgNbd.logLikelihood - -9582.429) < 0.01,
        QByteArray::number(model.bgNbd.logLikelihood, 'f', 4).constData());
    QVERIFY(model.gammaGamma);
    QVERIFY(model.paretoNbd);

    // The stored model is what the next reader sees.
    const auto stored = Predictions::stored(workspace.db());
    QVERIFY(stored);
    QCOMPARE(stored->bgNbd.r, model.bgNbd.r);
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM predictions"), std::int64_t(2357));
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM predictions WHERE p_alive IS NULL "
                                     "OR p_alive < 0 OR p_alive > 1 OR predicted_value_12m < 0"),
        std::int64_t(0));
}

void TestPredict::syntheticStoreRecoversItsParameters()
{
    SyntheticStore store;
    store.shoppers = 30000;
    std::vector<PurchaseSummary> rows;
    for (const auto &days : store.draw()) {
        // Purchase days, as a workspace counts them (one per day).
        std::vector<int> distinct = days;
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        rows.push_back({ static_cast<double>(distinct.size() - 1),
            static_cast<double>(distinct.back() - distinct.front()),
            static_cast<double>(store.days - 1 - distinct.front()), 0.0, 1.0 });
    }
    FitFailure failure;
    const auto fit = BgNbd::fit(rows, failure);
    QVERIFY2(fit, failure.reason.c_str());
    const QString found = QStringLiteral("r %1 alpha %2 a %3 b %4").arg(fit->r).arg(fit->alpha).arg(fit->a).arg(fit->b);
    QVERIFY2(std::abs(fit->r / store.r - 1) < 0.15, qPrintable(found));
    QVERIFY2(std::abs(fit->alpha / store.alpha - 1) < 0.2, qPrintable(found));
    QVERIFY2(std::abs(fit->a / store.a - 1) < 0.3, qPrintable(found));
    QVERIFY2(std::abs(fit->b / store.b - 1) < 0.3, qPrintable(found));
    // What the marketer reads off the model agrees closely with the truth.
    const BgNbdParameters truth { store.r, store.alpha, store.a, store.b, 0 };
    QVERIFY2(std::abs(BgNbd::expectedPurchases(*fit, 365) / BgNbd::expectedPurchases(truth, 365) - 1) < 0.05,
        qPrintable(found));
}

void TestPredict::tooFewRepeatBuyersStoresNothing()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("small.clientele"))));
    QByteArray csv = "Time,Customer,Order,Value,Event,Id\n";
    for (int i = 0; i < 30; ++i) {
        csv += QStringLiteral("2026-01-%1,c%2,o%2a,20,order_completed,%2a\n").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).arg(i).toUtf8();
        csv += QStringLiteral("2026-03-%1,c%2,o%2b,30,order_completed,%2b\n").arg(i % 28 + 1, 2, 10, QLatin1Char('0')).arg(i).toUtf8();
    }
    importOrders(workspace, writeFile(dir, QStringLiteral("orders.csv"), csv));
    try {
        Predictions::fit(workspace.db());
        QFAIL("a fit on 30 repeat buyers must be refused");
    } catch (const PredictionError &error) {
        QVERIFY2(QByteArray(error.what()).contains("at least 50"), error.what());
    }
    QVERIFY(!Predictions::stored(workspace.db()));
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM predictions"), std::int64_t(0));
    // After an import, a refit that cannot happen is not an error.
    QVERIFY(!Predictions::refreshAfterImport(workspace.db()));
}

void TestPredict::awkwardOrdersAreHandled()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("awkward.clientele"))));
    SyntheticStore store;
    store.shoppers = 400;
    const Millis start = *parseIsoDate("2025-01-01");
    QByteArray csv = "Time,Customer,Order,Value,Event,Id\n";
    int id = 0;
    auto row = [&](int day, const QString &customer, const QString &order, double value, const char *event) {
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                   .arg(QString::fromStdString(formatIsoDate(start + day * kMillisPerDay)), customer, order)
                   .arg(value)
                   .arg(QLatin1String(event))
                   .arg(++id)
                   .toUtf8();
    };
    const auto shoppers = store.draw();
    for (std::size_t i = 0; i < shoppers.size(); ++i) {
        int n = 0;
        for (const int day : shoppers[i])
            row(day, QStringLiteral("s%1").arg(i), QStringLiteral("s%1-%2").arg(i).arg(++n), 40 + (i % 7) * 5, "order_completed");
    }
    // Only a refund (of an order the workspace never saw): no order, no prediction.
    row(100, QStringLiteral("refund-only"), QStringLiteral("old-1"), 50, "order_refunded");
    // Zero-value orders on two days: a buyer with a value of 0.
    row(10, QStringLiteral("zero"), QStringLiteral("z1"), 0, "order_completed");
    row(40, QStringLiteral("zero"), QStringLiteral("z2"), 0, "order_completed");
    // Three orders on one day: one purchase day, x = 0.
    for (int k = 0; k < 3; ++k)
        row(50, QStringLiteral("sameday"), QStringLiteral("d%1").arg(k), 25, "order_completed");
    // An order refunded in full and one cancelled do not count; the third does.
    row(20, QStringLiteral("refunded"), QStringLiteral("r1"), 80, "order_completed");
    row(25, QStringLiteral("refunded"), QStringLiteral("r1"), 80, "order_refunded");
    row(60, QStringLiteral("refunded"), QStringLiteral("r2"), 30, "order_completed");
    row(61, QStringLiteral("refunded"), QStringLiteral("r2"), 30, "order_cancelled");
    row(90, QStringLiteral("refunded"), QStringLiteral("r3"), 45, "order_completed");
    // An order dated in the future is not history.
    row(200, QStringLiteral("future"), QStringLiteral("f1"), 60, "order_completed");
    csv += QStringLiteral("2999-01-01,future,f2,60,order_completed,%1\n").arg(++id).toUtf8();
    importOrders(workspace, writeFile(dir, QStringLiteral("orders.csv"), csv));

    Database &db = workspace.db();
    const FittedModel model = Predictions::fit(db);
    QVERIFY(model.calibrationEnd <= nowMillis() + kMillisPerDay);
    QCOMPARE(db.queryInt("SELECT count(*) FROM predictions WHERE NOT (p_alive BETWEEN 0 AND 1) "
                         "OR NOT (predicted_value_12m >= 0) OR NOT (expected_orders_90d >= 0) "
                         "OR p_alive IS NULL OR predicted_value_12m IS NULL"),
        std::int64_t(0));
    auto profileOf = [&](const char *customer) {
        auto query = db.prepare("SELECT profile_id FROM identities WHERE kind = 'customer_id' AND value = ?1");
        query.bind(1, customer);
        return query.step() ? query.columnInt(0) : ProfileId(0);
    };
    QVERIFY(!Predictions::forProfile(db, profileOf("refund-only")));
    const auto zero = Predictions::forProfile(db, profileOf("zero"));
    QVERIFY(zero);
    QCOMPARE(zero->x, 1.0);
    QVERIFY(std::isfinite(zero->predictedValue12m));
    const auto sameDay = Predictions::forProfile(db, profileOf("sameday"));
    QVERIFY(sameDay);
    QCOMPARE(sameDay->x, 0.0);
    QCOMPARE(sameDay->pAlive, 1.0);
    const auto refunded = Predictions::forProfile(db, profileOf("refunded"));
    QVERIFY(refunded);
    QCOMPARE(refunded->x, 0.0); // only r3 counts
    QCOMPARE(refunded->T, double(model.calibrationEnd / kMillisPerDay - 1 - (start / kMillisPerDay + 90)));
    const auto future = Predictions::forProfile(db, profileOf("future"));
    QVERIFY(future);
    QCOMPARE(future->x, 0.0);
    QVERIFY(future->nextOrderExpected);
    QVERIFY(*future->nextOrderExpected >= model.calibrationEnd);
}

void TestPredict::predictionsAreTraitsInSegments()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("seg.clientele"))));
    SyntheticStore store;
    store.shoppers = 600;
    QByteArray csv = "Time,Customer,Order,Value,Event,Id\n";
    const Millis start = *parseIsoDate("2025-01-01");
    int id = 0;
    const auto shoppers = store.draw();
    for (std::size_t i = 0; i < shoppers.size(); ++i) {
        for (const int day : shoppers[i]) {
            ++id;
            csv += QStringLiteral("%1,s%2,o%3,%4,order_completed,%3\n")
                       .arg(QString::fromStdString(formatIsoDate(start + day * kMillisPerDay)))
                       .arg(i)
                       .arg(id)
                       .arg(20 + (id % 11) * 3)
                       .toUtf8();
        }
    }
    importOrders(workspace, writeFile(dir, QStringLiteral("orders.csv"), csv));
    Database &db = workspace.db();
    Predictions::fit(db);
    SegmentEvaluator evaluator(db);
    auto count = [&](const char *rule) {
        return evaluator.count(SegmentDefinition::fromJson(nlohmann::json::parse(rule)));
    };
    QCOMPARE(count(R"({"version":1,"rule":{"type":"trait","field":"churn_risk","op":"is","value":"high"}})"),
        db.queryInt("SELECT count(*) FROM predictions WHERE churn_risk = 'high'"));
    QCOMPARE(count(R"({"version":1,"rule":{"type":"trait","field":"predicted_value_12m","op":">","value":50}})"),
        db.queryInt("SELECT count(*) FROM predictions WHERE predicted_value_12m > 50"));
    QCOMPARE(count(R"({"version":1,"rule":{"type":"trait","field":"p_alive","op":"<","value":0.5}})"),
        db.queryInt("SELECT count(*) FROM predictions WHERE p_alive < 0.5"));
    QVERIFY(db.queryInt("SELECT count(*) FROM predictions WHERE churn_risk = 'high'") > 0);
    // Shoppers without a prediction have no value: "is not set" finds none here (all bought).
    QCOMPARE(count(R"({"version":1,"rule":{"type":"trait","field":"expected_orders_90d","op":"is_not_set"}})"),
        std::int64_t(0));
}

void TestPredict::holdoutCheckCountsTheHoldout()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("holdout.clientele"))));
    SyntheticStore store;
    store.shoppers = 800;
    const Millis start = *parseIsoDate("2025-01-01");
    QByteArray csv = "Time,Customer,Order,Value,Event,Id\n";
    int id = 0;
    const auto shoppers = store.draw();
    for (std::size_t i = 0; i < shoppers.size(); ++i) {
        for (const int day : shoppers[i]) {
            ++id;
            csv += QStringLiteral("%1,s%2,o%3,30,order_completed,%3\n")
                       .arg(QString::fromStdString(formatIsoDate(start + day * kMillisPerDay)))
                       .arg(i)
                       .arg(id)
                       .toUtf8();
        }
    }
    importOrders(workspace, writeFile(dir, QStringLiteral("orders.csv"), csv));

    ValidateOptions options;
    options.calibrationEnd = start + 239 * kMillisPerDay; // days 0 … 239 are history
    options.unit = TimeUnit::Day;
    const HoldoutCheck check = Predictions::validate(workspace.db(), options);

    // Counted the plain way: shoppers whose first purchase is in the history, and their
    // purchase days after it.
    std::int64_t customers = 0;
    double actual = 0;
    std::vector<std::int64_t> byX(8, 0);
    for (const auto &days : shoppers) {
        std::vector<int> distinct = days;
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.front() > 239)
            continue;
        ++customers;
        const auto history = std::count_if(distinct.begin(), distinct.end(), [](int d) { return d <= 239; });
        ++byX[static_cast<std::size_t>(std::min<long>(history - 1, 7))];
        actual += static_cast<double>(distinct.size()) - static_cast<double>(history);
    }
    QCOMPARE(check.customers, customers);
    QCOMPARE(check.actualTotal, actual);
    QCOMPARE(check.byFrequency.size(), std::size_t(8));
    for (std::size_t x = 0; x < 8; ++x)
        QCOMPARE(check.byFrequency[x].customers, byX[x]);
    QVERIFY(!check.tracking.empty());
    QCOMPARE(check.tracking.back().actualCumulative, actual);
    QVERIFY(std::abs(check.tracking.back().expectedCumulative - check.predictedTotal) < 1e-6);
    // Drawn from the model itself: the prediction is close to what happened.
    QVERIFY2(std::abs(check.predictedTotal / check.actualTotal - 1) < 0.2,
        qPrintable(QStringLiteral("%1 vs %2").arg(check.predictedTotal).arg(check.actualTotal)));
    QVERIFY(check.mae > 0);
}

void TestPredict::replenishmentFromRepeatPurchases()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("gel.clientele"))));
    const Millis start = *parseIsoDate("2025-01-01");
    QByteArray csv = "Time,Customer,Order,Value,Event,Id,SKU,Name,Category\n";
    int id = 0;
    auto buy = [&](int day, const QString &customer, const char *sku, const char *name, const char *category) {
        ++id;
        csv += QStringLiteral("%1,%2,o%3,12.5,order_completed,%3,%4,%5,%6\n")
                   .arg(QString::fromStdString(formatIsoDate(start + day * kMillisPerDay)), customer)
                   .arg(id)
                   .arg(QLatin1String(sku), QLatin1String(name), QLatin1String(category))
                   .toUtf8();
    };
    // Sixty buyers of T-shirts, each on two days far apart (enough repeat buyers to fit).
    for (int i = 0; i < 60; ++i) {
        buy(i, QStringLiteral("tee%1").arg(i), "TEE", "Trail Tee", "apparel");
        buy(150 + i * 2, QStringLiteral("tee%1").arg(i), "TEE", "Trail Tee", "apparel");
    }
    // Twelve runners rebuy gels every 30 days: the usual interval is 30 days.
    for (int i = 0; i < 12; ++i) {
        for (int k = 0; k < 3; ++k)
            buy(10 + i + 30 * k, QStringLiteral("runner%1").arg(i), "GEL-1", "Running Gel", "nutrition");
    }
    buy(300, QStringLiteral("due"), "GEL-1", "Running Gel", "nutrition");
    buy(100, QStringLiteral("lapsed"), "GEL-1", "Running Gel", "nutrition");
    buy(320, QStringLiteral("late"), "TEE", "Trail Tee", "apparel"); // the last order day
    importOrders(workspace, writeFile(dir, QStringLiteral("orders.csv"), csv), true);
    Database &db = workspace.db();
    Predictions::fit(db);
    auto predictionOf = [&](const char *customer) {
        auto query = db.prepare("SELECT profile_id FROM identities WHERE kind = 'customer_id' AND value = ?1");
        query.bind(1, customer);
        return query.step() ? Predictions::forProfile(db, query.columnInt(0)) : std::nullopt;
    };
    const auto due = predictionOf("due");
    QVERIFY(due);
    QVERIFY(due->replenishmentDue);
    QCOMPARE(QString::fromStdString(due->replenishmentItem), QStringLiteral("Running Gel"));
    QCOMPARE(QString::fromStdString(due->replenishmentSku), QStringLiteral("GEL-1"));
    QCOMPARE(*due->replenishmentDue, start + 330 * kMillisPerDay);
    // Bought once 220 days before the end: overdue by more than an interval, not due.
    const auto lapsed = predictionOf("lapsed");
    QVERIFY(lapsed);
    QVERIFY(!lapsed->replenishmentDue);
    // The runners' own gels fell due long ago (day 100): lapsed as well.
    const auto runner = predictionOf("runner0");
    QVERIFY(runner && !runner->replenishmentDue);
    // T-shirts are bought again 150 to 209 days apart (median 180): tee0 bought on days 0
    // and 150, so is due on day 330.
    const auto tee = predictionOf("tee0");
    QVERIFY(tee && tee->replenishmentDue);
    QCOMPARE(QString::fromStdString(tee->replenishmentItem), QStringLiteral("Trail Tee"));
    QCOMPARE(*tee->replenishmentDue, start + 330 * kMillisPerDay);
    // The segment field finds the due shopper.
    SegmentEvaluator evaluator(db);
    const auto rule = nlohmann::json::parse(
        R"({"version":1,"rule":{"type":"trait","field":"replenishment_item","op":"is","value":"Running Gel"}})");
    QCOMPARE(evaluator.count(SegmentDefinition::fromJson(rule)),
        db.queryInt("SELECT count(*) FROM predictions WHERE replenishment_item = 'Running Gel'"));
}

void TestPredict::demoHasPredictionsAndSavedSegments()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("demo.clientele"))));
    DemoOptions options;
    options.shoppers = 3000;
    options.end = *parseIsoDate("2026-12-01");
    DemoStore::generate(workspace, options);
    Database &db = workspace.db();
    QVERIFY(Predictions::stored(db));
    QVERIFY(db.queryInt("SELECT count(*) FROM predictions") > 500);
    SegmentStore segments(db);
    const auto saved = segments.list();
    QStringList names;
    for (const auto &segment : saved)
        names << QString::fromStdString(segment.name);
    for (const char *name : { "Abandoned cart (last 24 h)", "High-value repeat customers", "First-time buyers",
             "Lapsed 90+ days", "Champions at risk of churning", "Due for replenishment" })
        QVERIFY2(names.contains(QLatin1String(name)), name);
    SegmentEvaluator evaluator(db, &segments);
    for (const auto &segment : saved) {
        const std::int64_t count = evaluator.count(segment.definition);
        QVERIFY2(count > 0, segment.name.c_str());
    }
}

QTEST_GUILESS_MAIN(TestPredict)
#include "test_predict.moc"
