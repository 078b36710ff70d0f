#include "Predictions.h"

#include "OrderHistory.h"

#include "store/Database.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>
#include <tuple>
#include <thread>
#include <unordered_map>

namespace clientele::predict {

using json = nlohmann::json;

namespace {

constexpr const char *kModelKey = "predict.model";
constexpr double kDaysPerMonth = 365.0 / 12.0;

double unitDays(TimeUnit unit)
{
    return unit == TimeUnit::Week ? 7.0 : 1.0;
}

/// Summaries in the model's unit, collapsed to distinct (x, t_x, T) for the purchase
/// models; the spend model needs each shopper's mean, so it keeps one row per repeat buyer.
void summarise(const std::vector<BuyerHistory> &buyers, TimeUnit unit,
    std::vector<PurchaseSummary> &purchase, std::vector<PurchaseSummary> &spend)
{
    const double perUnit = unitDays(unit);
    std::vector<std::tuple<int, int, int>> keys;
    keys.reserve(buyers.size());
    for (const BuyerHistory &buyer : buyers) {
        if (!buyer.known)
            continue;
        keys.emplace_back(buyer.x, buyer.txDays, buyer.ageDays);
        if (buyer.x > 0 && buyer.repeatMeanValue > 0)
            spend.push_back({ static_cast<double>(buyer.x), 0, 0, buyer.repeatMeanValue, 1.0 });
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i + 1;
        while (j < keys.size() && keys[j] == keys[i])
            ++j;
        const auto &[x, tx, age] = keys[i];
        purchase.push_back({ static_cast<double>(x), tx / perUnit, age / perUnit, 0.0,
            static_cast<double>(j - i) });
        i = j;
    }
}

json toJson(const FittedModel &model)
{
    json document {
        { "fitted_at", model.fittedAt },
        { "calibration_end", model.calibrationEnd },
        { "time_unit", timeUnitKey(model.unit) },
        { "annual_discount_rate", model.annualDiscountRate },
        { "customers", model.customers },
        { "anonymous_buyers", model.anonymousBuyers },
        { "repeat_customers", model.repeatCustomers },
        { "orders", model.orders },
        { "churn_cuts",
            { { "high_below", model.churnCuts.highBelow },
                { "medium_below", model.churnCuts.mediumBelow } } },
        { "replenishable", model.replenishableProducts },
        { "order_events", model.orderEvents },
    };
    document.update(parametersJson(model));
    return document;
}

FittedModel fromJson(const json &document)
{
    FittedModel model;
    model.fittedAt = document.at("fitted_at").get<Millis>();
    model.calibrationEnd = document.at("calibration_end").get<Millis>();
    model.unit = parseTimeUnit(document.at("time_unit").get<std::string>()).value_or(TimeUnit::Week);
    model.annualDiscountRate = document.value("annual_discount_rate", 0.0);
    model.customers = document.at("customers").get<std::int64_t>();
    model.anonymousBuyers = document.value("anonymous_buyers", std::int64_t { 0 });
    model.repeatCustomers = document.at("repeat_customers").get<std::int64_t>();
    model.orders = document.value("orders", std::int64_t { 0 });
    const json &bg = document.at("bg_nbd");
    model.bgNbd = { bg.at("r").get<double>(), bg.at("alpha").get<double>(),
        bg.at("a").get<double>(), bg.at("b").get<double>(), bg.at("log_likelihood").get<double>() };
    if (document.contains("pareto_nbd") && !document["pareto_nbd"].is_null()) {
        const json &p = document.at("pareto_nbd");
        model.paretoNbd = ParetoNbdParameters { p.at("r").get<double>(), p.at("alpha").get<double>(),
            p.at("s").get<double>(), p.at("beta").get<double>(),
            p.at("log_likelihood").get<double>() };
    }
    if (document.contains("gamma_gamma") && !document["gamma_gamma"].is_null()) {
        const json &g = document.at("gamma_gamma");
        model.gammaGamma = GammaGammaParameters { g.at("p").get<double>(), g.at("q").get<double>(),
            g.at("gamma").get<double>(), g.at("log_likelihood").get<double>(),
            g.at("customers").get<std::int64_t>() };
    }
    if (document.contains("churn_cuts")) {
        model.churnCuts.highBelow = document["churn_cuts"].value("high_below", 0.3);
        model.churnCuts.mediumBelow = document["churn_cuts"].value("medium_below", 0.7);
    }
    model.replenishableProducts = document.value("replenishable", std::int64_t { 0 });
    model.orderEvents = document.value("order_events", std::int64_t { 0 });
    return model;
}

double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

} // namespace

json parametersJson(const FittedModel &model)
{
    json document { { "bg_nbd",
                        { { "r", model.bgNbd.r }, { "alpha", model.bgNbd.alpha },
                            { "a", model.bgNbd.a }, { "b", model.bgNbd.b },
                            { "log_likelihood", model.bgNbd.logLikelihood } } },
        { "pareto_nbd", nullptr }, { "gamma_gamma", nullptr } };
    if (model.paretoNbd) {
        const auto &p = *model.paretoNbd;
        document["pareto_nbd"] = { { "r", p.r }, { "alpha", p.alpha }, { "s", p.s },
            { "beta", p.beta }, { "log_likelihood", p.logLikelihood } };
    }
    if (model.gammaGamma) {
        const auto &g = *model.gammaGamma;
        document["gamma_gamma"] = { { "p", g.p }, { "q", g.q }, { "gamma", g.gamma },
            { "log_likelihood", g.logLikelihood }, { "customers", g.customers } };
    }
    return document;
}

const char *timeUnitKey(TimeUnit unit)
{
    return unit == TimeUnit::Week ? "week" : "day";
}

std::optional<TimeUnit> parseTimeUnit(const std::string &key)
{
    if (key == "day")
        return TimeUnit::Day;
    if (key == "week")
        return TimeUnit::Week;
    return std::nullopt;
}

std::string churnRisk(double pAlive, const ChurnCutPoints &cuts)
{
    if (pAlive < cuts.highBelow)
        return "high";
    if (pAlive < cuts.mediumBelow)
        return "medium";
    return "low";
}

namespace {

/// What the purchase model says about every shopper with the same (x, t_x, T).
struct Forecast {
    double orders30d = 0, orders90d = 0, orders365d = 0;
    double discountedOrders12m = 0; ///< the year's expected orders, each month discounted
    double pAlive = 0;
    std::optional<double> waitDays;
};

Forecast forecast(const FittedModel &model, int repeatDays, int txDays, int ageDays)
{
    const double perUnit = unitDays(model.unit);
    const double x = repeatDays, tx = txDays / perUnit, T = ageDays / perUnit;
    const BgNbdParameters &bg = model.bgNbd;
    auto expected = [&](double days) {
        return finiteOr(BgNbd::conditionalExpectedPurchases(bg, days / perUnit, x, tx, T), 0.0);
    };
    Forecast f;
    f.orders30d = expected(30.0);
    f.orders90d = expected(90.0);
    f.orders365d = expected(365.0);
    f.discountedOrders12m = f.orders365d;
    if (model.annualDiscountRate > 0) {
        f.discountedOrders12m = 0.0;
        double before = 0.0;
        for (int month = 1; month <= 12; ++month) {
            const double upTo = month == 12 ? f.orders365d : expected(month * kDaysPerMonth);
            f.discountedOrders12m
                += (upTo - before) * std::pow(1.0 + model.annualDiscountRate, -month / 12.0);
            before = upTo;
        }
    }
    f.pAlive = std::clamp(finiteOr(BgNbd::probabilityAlive(bg, x, tx, T), 0.0), 0.0, 1.0);
    // The median wait for the next order of a shopper who is still active: their purchase
    // rate given the history is Gamma(r + x, alpha + T).
    const double wait = (bg.alpha + T) * (std::pow(2.0, 1.0 / (bg.r + x)) - 1.0) * perUnit;
    if (std::isfinite(wait) && wait >= 0 && wait < 365.0 * 50)
        f.waitDays = wait;
    return f;
}

/// Forecasts by (x, t_x, T): a million shoppers share far fewer distinct histories.
class ForecastCache {
public:
    explicit ForecastCache(const FittedModel &model) : model_(model) { }
    const Forecast &at(int x, int txDays, int ageDays)
    {
        const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(x)) << 42)
            ^ (static_cast<std::uint64_t>(static_cast<std::uint32_t>(txDays)) << 21)
            ^ static_cast<std::uint64_t>(static_cast<std::uint32_t>(ageDays));
        const auto it = cache_.find(key);
        if (it != cache_.end())
            return it->second;
        return cache_.emplace(key, forecast(model_, x, txDays, ageDays)).first->second;
    }

private:
    const FittedModel &model_;
    std::unordered_map<std::uint64_t, Forecast> cache_;
};

ShopperPrediction predictShopper(const FittedModel &model, const BuyerHistory &buyer, ForecastCache &cache)
{
    const Forecast &f = cache.at(buyer.x, buyer.txDays, buyer.ageDays);
    ShopperPrediction prediction;
    prediction.profileId = buyer.profile;
    prediction.x = buyer.x;
    prediction.tx = buyer.txDays;
    prediction.T = buyer.ageDays;
    prediction.expectedOrders30d = f.orders30d;
    prediction.expectedOrders90d = f.orders90d;
    prediction.expectedOrders365d = f.orders365d;
    prediction.pAlive = f.pAlive;
    prediction.churnRisk = churnRisk(f.pAlive, model.churnCuts);
    // The value of one order: the spend model's estimate, else the shopper's own mean.
    double orderValue = buyer.meanValue;
    if (model.gammaGamma)
        orderValue = GammaGamma::expectedAverageValue(
            *model.gammaGamma, buyer.x, buyer.repeatMeanValue);
    prediction.expectedOrderValue = std::max(0.0, finiteOr(orderValue, buyer.meanValue));
    prediction.predictedValue12m
        = std::max(0.0, finiteOr(f.discountedOrders12m * prediction.expectedOrderValue, 0.0));
    if (f.waitDays)
        prediction.nextOrderExpected
            = model.calibrationEnd + static_cast<Millis>(std::llround(*f.waitDays * kMillisPerDay));
    return prediction;
}

} // namespace

namespace {

/// Every buyer's predictions from the model (replenishment comes with the history).
std::vector<ShopperPrediction> predictAll(const FittedModel &model, const OrderHistory &history)
{
    std::vector<ShopperPrediction> predictions;
    predictions.reserve(history.buyers.size());
    ForecastCache cache(model);
    for (const BuyerHistory &buyer : history.buyers)
        predictions.push_back(predictShopper(model, buyer, cache));
    return predictions;
}

void writePredictions(Database &db, const std::vector<ShopperPrediction> &predictions,
    const OrderHistory &history, ProgressSink *progress)
{
    // Rows appended in profile order to a table without secondary indexes (segments read
    // it by profile id): rewriting 426,000 rows through four B-trees at random took 20 s
    // on the 1M demo, mostly cache misses; appended, about a second.
    db.exec("DELETE FROM predictions");
    auto insert = db.prepare(
        "INSERT INTO predictions(profile_id, repeat_days, recency_days, age_days, "
        "expected_orders_30d, expected_orders_90d, expected_orders_365d, p_alive, "
        "expected_order_value, predicted_value_12m, churn_risk, next_order_expected, "
        "replenishment_item, replenishment_sku, replenishment_due) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    const auto total = static_cast<std::int64_t>(predictions.size());
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        if ((i + 1) % 50000 == 0)
            reportProgress(progress, static_cast<std::int64_t>(i + 1), total, "Writing predictions");
        const ShopperPrediction &p = predictions[i];
        insert.bind(1, p.profileId)
            .bind(2, static_cast<std::int64_t>(p.x))
            .bind(3, p.tx)
            .bind(4, p.T)
            .bind(5, p.expectedOrders30d)
            .bind(6, p.expectedOrders90d)
            .bind(7, p.expectedOrders365d)
            .bind(8, p.pAlive)
            .bind(9, p.expectedOrderValue)
            .bind(10, p.predictedValue12m)
            .bind(11, p.churnRisk)
            .bind(12, p.nextOrderExpected);
        if (const auto &r = history.buyers[i].replenishment)
            insert.bind(13, r->item).bind(14, r->sku).bind(15, r->due);
        else
            insert.bindNull(13).bindNull(14).bindNull(15);
        insert.run();
    }
}

std::int64_t countOrderEvents(Database &db)
{
    return db.queryInt("SELECT count(*) FROM events WHERE type IN ('order_completed', "
                       "'order_cancelled', 'order_refunded')");
}

Millis defaultCalibrationEnd(Database &db)
{
    const auto latest = OrderHistory::latestOrderDay(db);
    if (!latest)
        throw PredictionError("The workspace has no completed orders to learn from.");
    return *latest;
}

} // namespace

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/**
 * Finds the buyers' replenishments on a second, read-only connection while the calling
 * thread fits the models (two cores, two independent reads of the same data). Inside a
 * caller's open transaction another connection would not see its writes, so there it
 * runs on the caller's connection when collect() is called.
 */
class ReplenishmentScan {
public:
    ReplenishmentScan(Database &db, OrderHistory &history, Millis calibrationEnd)
        : db_(db)
        , history_(history)
        , calibrationEnd_(calibrationEnd)
    {
        if (db.inTransaction())
            return;
        thread_ = std::thread([this] {
            const auto started = std::chrono::steady_clock::now();
            try {
                Database reader = Workspace::connect(db_.path(), Database::Mode::ReadOnly);
                items_ = history_.findReplenishments(reader, calibrationEnd_, &stop_);
            } catch (...) {
                failure_ = std::current_exception();
            }
            seconds_ = secondsSince(started);
        });
    }
    ~ReplenishmentScan()
    {
        if (thread_.joinable()) {
            stop_ = true;
            thread_.join();
        }
    }
    ReplenishmentScan(const ReplenishmentScan &) = delete;
    ReplenishmentScan &operator=(const ReplenishmentScan &) = delete;

    /// Waits for the scan (or runs it now); returns the number of replenishable items.
    std::int64_t collect(double &seconds)
    {
        if (!thread_.joinable()) {
            const auto started = std::chrono::steady_clock::now();
            items_ = history_.findReplenishments(db_, calibrationEnd_);
            seconds = secondsSince(started);
            return items_;
        }
        thread_.join();
        if (failure_)
            std::rethrow_exception(failure_);
        seconds = seconds_;
        return items_;
    }

private:
    Database &db_;
    OrderHistory &history_;
    Millis calibrationEnd_;
    std::thread thread_;
    std::atomic<bool> stop_ { false };
    std::exception_ptr failure_;
    std::int64_t items_ = 0;
    double seconds_ = 0.0;
};

} // namespace

FittedModel Predictions::fit(Database &db, const FitOptions &options, ProgressSink *progress)
{
    const auto started = std::chrono::steady_clock::now();
    reportProgress(progress, 0, 4, kProgressStage);
    const Millis calibrationEnd = options.calibrationEnd
        ? startOfDay(*options.calibrationEnd) + kMillisPerDay
        : defaultCalibrationEnd(db);
    OrderHistory history = OrderHistory::read(db, calibrationEnd, {}, progress);

    FittedModel model;
    model.readSeconds = secondsSince(started);
    model.calibrationEnd = calibrationEnd;
    model.unit = options.unit;
    model.annualDiscountRate = options.annualDiscountRate;
    for (const BuyerHistory &buyer : history.buyers) {
        model.customers += buyer.known ? 1 : 0;
        model.anonymousBuyers += buyer.known ? 0 : 1;
        model.repeatCustomers += buyer.known && buyer.x > 0 ? 1 : 0;
    }
    model.orders = history.orders;
    model.orderEvents = countOrderEvents(db);
    if (model.repeatCustomers < kMinimumRepeatBuyers)
        throw PredictionError("Predictions need at least " + std::to_string(kMinimumRepeatBuyers)
            + " shoppers who ordered on more than one day; this workspace has "
            + std::to_string(model.repeatCustomers) + " (of "
            + std::to_string(model.customers) + " known buyers). Nothing was stored.");

    std::vector<PurchaseSummary> purchase, spend;
    summarise(history.buyers, options.unit, purchase, spend);
    ReplenishmentScan replenishment(db, history, calibrationEnd);
    const auto fitting = std::chrono::steady_clock::now();
    reportProgress(progress, 1, 4, kProgressStage);
    FitFailure failure;
    const auto bg = BgNbd::fit(purchase, failure);
    if (!bg)
        throw PredictionError("The purchase model could not be fitted (" + failure.reason
            + "). Nothing was stored.");
    // a = 1 is the one point where the expectation's formula has no value.
    if (std::abs(bg->a - 1.0) < 1e-9)
        throw PredictionError("The purchase model could not be fitted (a degenerate solution). "
                              "Nothing was stored.");
    model.bgNbd = *bg;
    reportProgress(progress, 2, 4, kProgressStage);
    model.gammaGamma = GammaGamma::fit(spend, failure);
    model.fitSeconds = secondsSince(fitting);
    if (options.paretoNbd) {
        reportProgress(progress, 3, 4, kProgressStage);
        const auto pareto = std::chrono::steady_clock::now();
        model.paretoNbd = ParetoNbd::fit(purchase, failure);
        model.paretoSeconds = secondsSince(pareto);
    }
    reportProgress(progress, 4, 4, kProgressStage);
    const auto forecasting = std::chrono::steady_clock::now();
    const std::vector<ShopperPrediction> predictions = predictAll(model, history);
    model.forecastSeconds = secondsSince(forecasting);
    model.replenishableProducts = replenishment.collect(model.replenishmentSeconds);

    const auto writing = std::chrono::steady_clock::now();
    model.fittedAt = options.now.value_or(nowMillis());
    TransactionUnlessOpen transaction(db);
    writePredictions(db, predictions, history, progress);
    auto store = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    store.bind(1, kModelKey).bind(2, toJson(model).dump());
    store.run();
    transaction.commit();
    model.writeSeconds = secondsSince(writing);
    model.seconds = secondsSince(started);
    return model;
}

FitOptions Predictions::refitOptions(const std::optional<FittedModel> &previous)
{
    FitOptions options;
    if (previous) {
        options.unit = previous->unit;
        options.annualDiscountRate = previous->annualDiscountRate;
    }
    return options;
}

std::optional<FittedModel> Predictions::refreshAfterImport(Database &db, ProgressSink *progress)
{
    const auto before = stored(db);
    if (before && before->orderEvents == countOrderEvents(db))
        return std::nullopt;
    try {
        return fit(db, refitOptions(before), progress);
    } catch (const PredictionError &) {
        return std::nullopt;
    }
}

std::optional<FittedModel> Predictions::stored(Database &db)
{
    auto query = db.prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, kModelKey);
    if (!query.step())
        return std::nullopt;
    try {
        return fromJson(json::parse(query.columnText(0)));
    } catch (const json::exception &) {
        return std::nullopt;
    }
}

std::optional<ShopperPrediction> Predictions::forProfile(Database &db, ProfileId profile)
{
    auto query = db.prepare(
        "SELECT repeat_days, recency_days, age_days, expected_orders_30d, expected_orders_90d, "
        "expected_orders_365d, p_alive, expected_order_value, predicted_value_12m, churn_risk, "
        "next_order_expected, replenishment_item, replenishment_sku, replenishment_due "
        "FROM predictions WHERE profile_id = ?1");
    query.bind(1, profile);
    if (!query.step())
        return std::nullopt;
    ShopperPrediction p;
    p.profileId = profile;
    p.x = static_cast<double>(query.columnInt(0));
    p.tx = query.columnDouble(1);
    p.T = query.columnDouble(2);
    p.expectedOrders30d = query.columnDouble(3);
    p.expectedOrders90d = query.columnDouble(4);
    p.expectedOrders365d = query.columnDouble(5);
    p.pAlive = query.columnDouble(6);
    p.expectedOrderValue = query.columnDouble(7);
    p.predictedValue12m = query.columnDouble(8);
    p.churnRisk = query.columnText(9);
    if (!query.isNull(10))
        p.nextOrderExpected = query.columnInt(10);
    p.replenishmentItem = query.columnText(11);
    p.replenishmentSku = query.columnText(12);
    if (!query.isNull(13))
        p.replenishmentDue = query.columnInt(13);
    return p;
}

PredictionDistribution Predictions::distribution(Database &db)
{
    PredictionDistribution result;
    {
        auto query = db.prepare("SELECT churn_risk, count(*) FROM predictions GROUP BY churn_risk");
        while (query.step()) {
            const std::string group = query.columnText(0);
            const std::int64_t count = query.columnInt(1);
            if (group == "low")
                result.low = count;
            else if (group == "medium")
                result.medium = count;
            else if (group == "high")
                result.high = count;
        }
    }
    auto query = db.prepare("SELECT predicted_value_12m FROM predictions ORDER BY predicted_value_12m");
    std::vector<double> values;
    while (query.step()) {
        values.push_back(query.columnDouble(0));
        result.totalPredictedValue += values.back();
    }
    if (values.empty())
        return result;
    // Bounds at nice numbers that cover the 95th percentile; the last bucket takes the rest.
    const double p95 = values[static_cast<std::size_t>(0.95 * static_cast<double>(values.size() - 1))];
    const double rawStep = std::max(p95, 1.0) / 8.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    double step = magnitude;
    for (const double nice : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (nice * magnitude >= rawStep) {
            step = nice * magnitude;
            break;
        }
    }
    std::size_t index = 0;
    for (int bucket = 1; bucket <= 8; ++bucket) {
        const double bound = step * bucket;
        std::int64_t count = 0;
        while (index < values.size() && values[index] < bound) {
            ++count;
            ++index;
        }
        result.valueBuckets.emplace_back(bound, count);
    }
    if (index < values.size())
        result.valueBuckets.emplace_back(values.back(), static_cast<std::int64_t>(values.size() - index));
    return result;
}

HoldoutCheck Predictions::validate(Database &db, const ValidateOptions &options, ProgressSink *progress)
{
    HoldoutCheck check;
    check.unit = options.unit;
    const auto range = OrderHistory::orderDayRange(db);
    if (!range)
        throw PredictionError("The workspace has no completed orders to learn from.");
    const Millis holdoutEnd = options.holdoutEnd ? startOfDay(*options.holdoutEnd) + kMillisPerDay
                                                 : range->second;
    Millis calibrationEnd = 0;
    if (options.calibrationEnd) {
        calibrationEnd = startOfDay(*options.calibrationEnd) + kMillisPerDay;
    } else {
        // The last third of the history is the holdout.
        const Millis first = range->first - kMillisPerDay;
        calibrationEnd = startOfDay(first + (holdoutEnd - first) * 2 / 3) + kMillisPerDay;
    }
    if (calibrationEnd >= holdoutEnd)
        throw PredictionError("The holdout period is empty: the calibration end must be before "
                              "the end of the order history.");
    check.calibrationEnd = calibrationEnd;
    check.holdoutEnd = holdoutEnd;

    const OrderHistory history = OrderHistory::read(db, calibrationEnd, holdoutEnd, progress);
    std::int64_t repeat = 0;
    for (const BuyerHistory &buyer : history.buyers)
        repeat += buyer.known && buyer.x > 0 ? 1 : 0;
    if (repeat < kMinimumRepeatBuyers)
        throw PredictionError("The holdout check needs at least "
            + std::to_string(kMinimumRepeatBuyers)
            + " shoppers who ordered on more than one day before the calibration end; there are "
            + std::to_string(repeat) + ".");
    std::vector<PurchaseSummary> purchase, spend;
    summarise(history.buyers, options.unit, purchase, spend);
    FitFailure failure;
    const auto bg = BgNbd::fit(purchase, failure);
    if (!bg)
        throw PredictionError("The purchase model could not be fitted (" + failure.reason + ").");
    check.bgNbd = *bg;

    const double perUnit = unitDays(options.unit);
    const double holdoutDays = static_cast<double>(holdoutEnd - calibrationEnd) / kMillisPerDay;
    const int weeks = static_cast<int>(std::ceil(holdoutDays / 7.0));
    constexpr int kLastGroup = 7;
    check.byFrequency.resize(kLastGroup + 1);
    for (int x = 0; x <= kLastGroup; ++x)
        check.byFrequency[static_cast<std::size_t>(x)].x = x;
    std::vector<double> expectedByWeek(static_cast<std::size_t>(weeks), 0.0);
    std::vector<double> actualByWeek(static_cast<std::size_t>(weeks), 0.0);
    double absoluteError = 0.0;
    // Expectations per distinct (x, t_x, T): the holdout total, then week by week.
    std::map<std::tuple<int, int, int>, std::vector<double>> expectations;
    for (const BuyerHistory &buyer : history.buyers) {
        if (!buyer.known)
            continue;
        ++check.customers;
        auto [it, inserted] = expectations.try_emplace({ buyer.x, buyer.txDays, buyer.ageDays });
        if (inserted) {
            const double x = buyer.x, tx = buyer.txDays / perUnit, T = buyer.ageDays / perUnit;
            it->second.push_back(finiteOr(
                BgNbd::conditionalExpectedPurchases(check.bgNbd, holdoutDays / perUnit, x, tx, T), 0.0));
            for (int week = 1; week <= weeks; ++week) {
                const double days = std::min(holdoutDays, week * 7.0);
                it->second.push_back(finiteOr(
                    BgNbd::conditionalExpectedPurchases(check.bgNbd, days / perUnit, x, tx, T), 0.0));
            }
        }
        const std::vector<double> &e = it->second;
        const double expected = e[0];
        const double actual = static_cast<double>(buyer.holdoutDays.size());
        auto &group = check.byFrequency[static_cast<std::size_t>(std::min(buyer.x, kLastGroup))];
        ++group.customers;
        group.expected += expected;
        group.actual += actual;
        check.predictedTotal += expected;
        check.actualTotal += actual;
        absoluteError += std::abs(expected - actual);
        for (int week = 1; week <= weeks; ++week)
            expectedByWeek[static_cast<std::size_t>(week - 1)] += e[static_cast<std::size_t>(week)];
        for (const int day : buyer.holdoutDays) {
            const int week = day / 7; // days since the calibration end
            if (week < weeks)
                actualByWeek[static_cast<std::size_t>(week)] += 1.0;
        }
    }
    for (auto &group : check.byFrequency) {
        if (group.customers > 0) {
            group.expected /= static_cast<double>(group.customers);
            group.actual /= static_cast<double>(group.customers);
        }
    }
    double actualCumulative = 0.0;
    for (int week = 1; week <= weeks; ++week) {
        actualCumulative += actualByWeek[static_cast<std::size_t>(week - 1)];
        check.tracking.push_back(
            { week, expectedByWeek[static_cast<std::size_t>(week - 1)], actualCumulative });
    }
    check.mae = check.customers > 0 ? absoluteError / static_cast<double>(check.customers) : 0.0;
    return check;
}

} // namespace clientele::predict
