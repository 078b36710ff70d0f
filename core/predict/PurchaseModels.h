#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele::predict {

/**
 * One shopper's purchase history as the buy-till-you-die models read it, in the model's
 * time unit (days or weeks): x repeat purchase days (days with an order after the first),
 * t_x the time from the first purchase day to the last, T the time from the first purchase
 * day to the end of calibration. monetary is the mean value of the repeat purchase days
 * (the first purchase excluded, as in the literature), 0 when x = 0. weight is how many
 * shoppers share these exact values: the likelihoods of a million shoppers collapse to
 * far fewer distinct rows.
 */
struct PurchaseSummary {
    double x = 0;
    double tx = 0;
    double T = 0;
    double monetary = 0;
    double weight = 1;
};

/// BG/NBD (Fader, Hardie & Lee 2005). alpha is in the summaries' time unit.
struct BgNbdParameters {
    double r = 0;
    double alpha = 0;
    double a = 0;
    double b = 0;
    double logLikelihood = 0;
};

/// Pareto/NBD (Schmittlein, Morrison & Colombo 1987). alpha and beta in the time unit.
struct ParetoNbdParameters {
    double r = 0;
    double alpha = 0;
    double s = 0;
    double beta = 0;
    double logLikelihood = 0;
};

/// Gamma-Gamma spend model (Fader, Hardie & Lee 2005b); gamma is in money.
struct GammaGammaParameters {
    double p = 0;
    double q = 0;
    double gamma = 0;
    double logLikelihood = 0;
    std::int64_t customers = 0; ///< shoppers with at least one repeat purchase day
};

/// Why a fit produced no parameters, in words a marketer can read.
struct FitFailure {
    std::string reason;
};

/// The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 (series summed in
/// log space where needed; throws std::domain_error outside its range or if it cannot
/// converge).
double hypergeometric2F1(double a, double b, double c, double z);

namespace BgNbd {
/// Log-likelihood of the weighted summaries.
double logLikelihood(const BgNbdParameters &p, const std::vector<PurchaseSummary> &rows);
/// Maximum-likelihood fit; nullopt and failure.reason when it does not converge.
std::optional<BgNbdParameters> fit(const std::vector<PurchaseSummary> &rows, FitFailure &failure);
/// E[X(t)]: a new shopper's expected repeat purchases in a period of length t.
double expectedPurchases(const BgNbdParameters &p, double t);
/// E[Y(t) | x, t_x, T]: expected purchases in the next t after the end of calibration; NaN
/// where the series behind it cannot be summed (parameters far outside any real store's).
double conditionalExpectedPurchases(
    const BgNbdParameters &p, double t, double x, double tx, double T);
/// P(alive | x, t_x, T). 1 for x = 0 (the model's assumption: nobody drops out before
/// their first repeat purchase).
double probabilityAlive(const BgNbdParameters &p, double x, double tx, double T);
} // namespace BgNbd

namespace ParetoNbd {
double logLikelihood(const ParetoNbdParameters &p, const std::vector<PurchaseSummary> &rows);
std::optional<ParetoNbdParameters> fit(
    const std::vector<PurchaseSummary> &rows, FitFailure &failure);
/// P(alive | x, t_x, T) under the Pareto/NBD.
double probabilityAlive(const ParetoNbdParameters &p, double x, double tx, double T);
} // namespace ParetoNbd

namespace GammaGamma {
/// Rows with x > 0 count; monetary must be positive.
double logLikelihood(const GammaGammaParameters &p, const std::vector<PurchaseSummary> &rows);
std::optional<GammaGammaParameters> fit(
    const std::vector<PurchaseSummary> &rows, FitFailure &failure);
/// E[M | p, q, gamma, x, m_x]: the expected value of one of the shopper's orders.
double expectedAverageValue(const GammaGammaParameters &p, double x, double monetary);
} // namespace GammaGamma

} // namespace clientele::predict
