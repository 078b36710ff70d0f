#pragma once

#include "PurchaseModels.h"

#include "common/Progress.h"
#include "common/Time.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;
using ProfileId = std::int64_t;

namespace predict {

enum class TimeUnit { Day, Week };
/// "day" / "week"; parseTimeUnit returns nullopt for anything else.
const char *timeUnitKey(TimeUnit unit);
std::optional<TimeUnit> parseTimeUnit(const std::string &key);

struct FittedModel;
/// The fitted parameters as JSON, as stored and as `clientele predict fit --json` prints
/// them: "bg_nbd" {r, alpha, a, b, log_likelihood}, "pareto_nbd" {r, alpha, s, beta,
/// log_likelihood} and "gamma_gamma" {p, q, gamma, log_likelihood, customers}, the last two
/// null when not fitted.
nlohmann::json parametersJson(const FittedModel &model);

/// Churn risk groups by probability alive: high below highBelow, medium below mediumBelow,
/// low from mediumBelow up. Shown beside the groups wherever they are listed.
struct ChurnCutPoints {
    double highBelow = 0.3;
    double mediumBelow = 0.7;
};
/// "low", "medium" or "high".
std::string churnRisk(double pAlive, const ChurnCutPoints &cuts = {});

/// Fewer buyers with repeat orders than this: no fit (the message says so).
constexpr std::int64_t kMinimumRepeatBuyers = 50;

struct FitOptions {
    /// Orders up to the end of this day (UTC) are the history; default: the day of the
    /// workspace's latest order.
    std::optional<Millis> calibrationEnd;
    TimeUnit unit = TimeUnit::Week;
    /// Yearly discount rate applied to predicted 12-month value month by month (0: none).
    double annualDiscountRate = 0.0;
    /// Also fit the Pareto/NBD (for comparison; slower than BG/NBD on large stores).
    bool paretoNbd = true;
    /// The time recorded as the fit's (default: now); the demo records its own "today".
    std::optional<Millis> now;
};

/// A fitted model as stored in the workspace (meta "predict.model").
struct FittedModel {
    Millis fittedAt = 0; ///< wall-clock time of the fit
    Millis calibrationEnd = 0; ///< end of the last day of history used (exclusive)
    TimeUnit unit = TimeUnit::Week;
    double annualDiscountRate = 0.0;
    /// Known shoppers (with an identifier) with at least one order in the history: the ones
    /// the models are fitted on.
    std::int64_t customers = 0;
    /// Anonymous profiles with orders (guest checkouts): predicted, not fitted on.
    std::int64_t anonymousBuyers = 0;
    std::int64_t repeatCustomers = 0; ///< known, with at least one repeat purchase day
    std::int64_t orders = 0; ///< orders read (completed, not cancelled)
    BgNbdParameters bgNbd;
    std::optional<ParetoNbdParameters> paretoNbd; ///< nullopt when not fitted or failed
    std::optional<GammaGammaParameters> gammaGamma; ///< nullopt when it did not converge
    ChurnCutPoints churnCuts;
    std::int64_t replenishableProducts = 0; ///< products/categories with a usual interval
    /// Order, cancellation and refund events in the workspace when it was fitted: an import
    /// that changes the number refits (refreshAfterImport).
    std::int64_t orderEvents = 0;
    // How long the fit took, by step (not stored): reading the orders, fitting BG/NBD and
    // Gamma-Gamma, Pareto/NBD, finding replenishments (on a second thread, beside the fits
    // and the forecasts), computing and writing every buyer's predictions; seconds is the
    // whole.
    double readSeconds = 0.0;
    double fitSeconds = 0.0;
    double paretoSeconds = 0.0;
    double replenishmentSeconds = 0.0;
    double forecastSeconds = 0.0; ///< every buyer's predictions from the fitted models
    double writeSeconds = 0.0;
    double seconds = 0.0;
};

/// Thrown when there is too little data or a fit does not converge; nothing is stored.
class PredictionError : public std::exception {
public:
    explicit PredictionError(std::string message) : message_(std::move(message)) { }
    const char *what() const noexcept override { return message_.c_str(); }

private:
    std::string message_;
};

/// One shopper's predictions (a row of the predictions table).
struct ShopperPrediction {
    ProfileId profileId = 0;
    double x = 0; ///< repeat purchase days, in the model's history
    double tx = 0; ///< days from first to last purchase day
    double T = 0; ///< days from first purchase day to the end of the history
    double expectedOrders30d = 0;
    double expectedOrders90d = 0;
    double expectedOrders365d = 0;
    double pAlive = 0;
    double expectedOrderValue = 0;
    double predictedValue12m = 0;
    std::string churnRisk; ///< low, medium, high
    std::optional<Millis> nextOrderExpected;
    std::string replenishmentItem; ///< a product name, else a category
    std::string replenishmentSku; ///< the product's SKU; empty for a category
    std::optional<Millis> replenishmentDue;
};

/// What the Predictions area charts about all shoppers.
struct PredictionDistribution {
    std::int64_t low = 0, medium = 0, high = 0; ///< shoppers per churn risk group
    /// Predicted 12-month value in eight buckets of equal width at round amounts: [upper
    /// bound (exclusive), shoppers], then, when anybody is above them, a ninth up to the
    /// maximum.
    std::vector<std::pair<double, std::int64_t>> valueBuckets;
    double totalPredictedValue = 0;
};

/// The holdout check: fit on history up to calibrationEnd, compare with what followed.
struct HoldoutCheck {
    struct ByFrequency {
        int x = 0; ///< calibration repeat purchase days (the last entry is "x or more")
        std::int64_t customers = 0;
        double expected = 0; ///< mean expected holdout purchase days per shopper
        double actual = 0; ///< mean actual holdout purchase days per shopper
    };
    struct Week {
        int week = 0; ///< 1 = the first week after the calibration end
        double expectedCumulative = 0;
        double actualCumulative = 0;
    };
    Millis calibrationEnd = 0;
    Millis holdoutEnd = 0;
    TimeUnit unit = TimeUnit::Week;
    std::int64_t customers = 0;
    BgNbdParameters bgNbd;
    std::vector<ByFrequency> byFrequency; ///< x = 0 … 7+
    std::vector<Week> tracking;
    double predictedTotal = 0;
    double actualTotal = 0;
    double mae = 0; ///< mean absolute error per shopper
};

struct ValidateOptions {
    std::optional<Millis> calibrationEnd; ///< default: two thirds into the order history
    std::optional<Millis> holdoutEnd; ///< default: the day of the latest order
    TimeUnit unit = TimeUnit::Week;
};

/**
 * Predictions for every buyer (core/predict): reads completed orders, fits the purchase
 * and spend models, and stores the results in the predictions table and the model in
 * meta. See docs/predictions.md for the rules.
 */
class Predictions {
public:
    static constexpr const char *kProgressStage = "Fitting purchase models";

    /// Fits and stores (one transaction: on failure or cancel nothing changes). Throws
    /// PredictionError, Cancelled or StoreError.
    static FittedModel fit(Database &db, const FitOptions &options = {},
        ProgressSink *progress = nullptr);
    /// After an import: refits when the workspace's orders, cancellations or refunds
    /// changed since the stored model was fitted (or no model is stored yet), keeping the
    /// stored model's time unit. Returns the new model, or nullopt when it did not refit:
    /// nothing changed, or too little data (not an error here).
    static std::optional<FittedModel> refreshAfterImport(Database &db, ProgressSink *progress = nullptr);

    /// What a refit keeps of the model it replaces (time unit, discount rate); the history
    /// grows to the latest order. Defaults when there is none.
    static FitOptions refitOptions(const std::optional<FittedModel> &previous);

    /// The stored model, if any.
    static std::optional<FittedModel> stored(Database &db);
    /// One shopper's stored predictions; nullopt when they have none (no order).
    static std::optional<ShopperPrediction> forProfile(Database &db, ProfileId profile);
    static PredictionDistribution distribution(Database &db);

    /// The holdout check (fits on the calibration period only, stores nothing).
    static HoldoutCheck validate(Database &db, const ValidateOptions &options = {},
        ProgressSink *progress = nullptr);
};

} // namespace predict
} // namespace clientele
