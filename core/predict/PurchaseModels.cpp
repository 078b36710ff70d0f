#include "PurchaseModels.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

namespace clientele::predict {

namespace {

constexpr double kNegativeInfinity = -std::numeric_limits<double>::infinity();

/// log(exp(a) + exp(b)) without overflow.
double logSumExp(double a, double b)
{
    if (a == kNegativeInfinity)
        return b;
    if (b == kNegativeInfinity)
        return a;
    const double high = std::max(a, b);
    return high + std::log1p(std::exp(std::min(a, b) - high));
}

/// log(exp(a) - exp(b)) for a >= b; -inf when they are equal.
double logDiffExp(double a, double b)
{
    if (b == kNegativeInfinity)
        return a;
    if (b >= a)
        return kNegativeInfinity;
    return a + std::log1p(-std::exp(b - a));
}

/**
 * log 2F1(a, b; c; z) for 0 <= z < 1 and c > 0, by the power series. The terms are summed
 * with a running scale, so that large parameters (a shopper with a hundred purchases)
 * neither overflow nor lose the sum. Terms may change sign where a or b is negative; the
 * sum itself must stay positive, as it does wherever the models use it.
 */
double logHypergeometric2F1(double a, double b, double c, double z)
{
    if (!(z >= 0.0 && z < 1.0) || !(c > 0.0) || !std::isfinite(a) || !std::isfinite(b))
        throw std::domain_error("2F1 outside its range");
    if (z == 0.0)
        return 0.0;
    double logScale = 0.0;
    double term = 1.0;
    double sum = 1.0;
    constexpr int kMaxTerms = 1'000'000;
    for (int n = 0; n < kMaxTerms; ++n) {
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if (std::abs(sum) > 1e250) {
            sum *= 1e-250;
            term *= 1e-250;
            logScale += 250.0 * std::log(10.0);
        }
        // Once the terms fall (n past the peak), stop when they no longer change the sum.
        const bool falling = std::abs((a + n + 1) * (b + n + 1) * z) < (c + n + 1) * (n + 2.0);
        if (term == 0.0 || (falling && std::abs(term) <= std::abs(sum) * 1e-17))
            break;
        if (n + 1 == kMaxTerms)
            throw std::domain_error("2F1 did not converge");
    }
    if (!(sum > 0.0))
        throw std::domain_error("2F1 lost its sign");
    return logScale + std::log(sum);
}

/// Minimises f over log-parameters with BOBYQA, then once more from the optimum (a cheap
/// guard against a stop on a flat stretch). Returns false when NLopt fails or the result
/// is not finite.
bool minimiseLog(std::vector<double> &logParams, const std::function<double(const std::vector<double> &)> &f,
    double &minimum)
{
    struct Context {
        const std::function<double(const std::vector<double> &)> *f;
    } context { &f };
    const unsigned n = static_cast<unsigned>(logParams.size());
    auto objective = [](unsigned count, const double *x, double *, void *data) -> double {
        const auto *ctx = static_cast<const Context *>(data);
        const double value = (*ctx->f)(std::vector<double>(x, x + count));
        return std::isfinite(value) ? value : 1e300;
    };
    for (const nlopt_algorithm algorithm : { NLOPT_LN_BOBYQA, NLOPT_LN_NELDERMEAD, NLOPT_LN_BOBYQA }) {
        nlopt_opt opt = nlopt_create(algorithm, n);
        std::vector<double> lower(n, -15.0), upper(n, 15.0), steps(n, 0.5);
        nlopt_set_lower_bounds(opt, lower.data());
        nlopt_set_upper_bounds(opt, upper.data());
        nlopt_set_initial_step(opt, steps.data());
        nlopt_set_min_objective(opt, objective, &context);
        nlopt_set_xtol_rel(opt, 1e-11);
        nlopt_set_ftol_abs(opt, 1e-13);
        nlopt_set_maxeval(opt, 20000);
        double value = 0.0;
        const nlopt_result result = nlopt_optimize(opt, logParams.data(), &value);
        nlopt_destroy(opt);
        if (result < 0 || !std::isfinite(value) || value >= 1e299)
            return false;
        minimum = value;
    }
    return std::all_of(logParams.begin(), logParams.end(),
        [](double v) { return std::isfinite(v) && std::abs(v) < 14.9; });
}

double totalWeight(const std::vector<PurchaseSummary> &rows)
{
    double total = 0.0;
    for (const PurchaseSummary &row : rows)
        total += row.weight;
    return total;
}

/// Per distinct x: the terms of a likelihood that depend on the parameters and x only.
template<typename F> std::vector<double> perCount(int maxX, F term)
{
    std::vector<double> values(static_cast<std::size_t>(maxX) + 1);
    for (int x = 0; x <= maxX; ++x)
        values[static_cast<std::size_t>(x)] = term(static_cast<double>(x));
    return values;
}

int maxCount(const std::vector<PurchaseSummary> &rows)
{
    double high = 0.0;
    for (const PurchaseSummary &row : rows)
        high = std::max(high, row.x);
    return static_cast<int>(high);
}

bool validRows(const std::vector<PurchaseSummary> &rows)
{
    return std::all_of(rows.begin(), rows.end(), [](const PurchaseSummary &row) {
        return row.x >= 0 && row.x == std::floor(row.x) && row.tx >= 0 && row.T >= row.tx
            && row.weight > 0 && std::isfinite(row.T);
    });
}

} // namespace

double hypergeometric2F1(double a, double b, double c, double z)
{
    return std::exp(logHypergeometric2F1(a, b, c, z));
}

// ---- BG/NBD ---------------------------------------------------------------------------

double BgNbd::logLikelihood(const BgNbdParameters &p, const std::vector<PurchaseSummary> &rows)
{
    const int maxX = maxCount(rows);
    const double base = std::lgamma(p.a + p.b) - std::lgamma(p.b) - std::lgamma(p.r)
        + p.r * std::log(p.alpha);
    const auto countTerm = perCount(maxX, [&](double x) {
        return std::lgamma(p.r + x) + std::lgamma(p.b + x) - std::lgamma(p.a + p.b + x);
    });
    const auto dropTerm = perCount(maxX, [&](double x) {
        return x > 0 ? std::log(p.a) - std::log(p.b + x - 1.0) : kNegativeInfinity;
    });
    double total = 0.0;
    for (const PurchaseSummary &row : rows) {
        const auto x = static_cast<std::size_t>(row.x);
        const double a3 = -(p.r + row.x) * std::log(p.alpha + row.T);
        const double a4 = row.x > 0 ? dropTerm[x] - (p.r + row.x) * std::log(p.alpha + row.tx)
                                    : kNegativeInfinity;
        total += row.weight * (base + countTerm[x] + logSumExp(a3, a4));
    }
    return total;
}

std::optional<BgNbdParameters> BgNbd::fit(const std::vector<PurchaseSummary> &rows, FitFailure &failure)
{
    if (rows.empty() || !validRows(rows)) {
        failure.reason = "no purchase histories to fit";
        return std::nullopt;
    }
    const double weight = totalWeight(rows);
    double meanT = 0.0;
    for (const PurchaseSummary &row : rows)
        meanT += row.weight * row.T;
    meanT /= weight;
    std::vector<double> start { 0.0, std::log(std::max(1.0, meanT / 10.0)), 0.0, 0.0 };
    double minimum = 0.0;
    const bool ok = minimiseLog(start,
        [&](const std::vector<double> &v) {
            const BgNbdParameters p { std::exp(v[0]), std::exp(v[1]), std::exp(v[2]),
                std::exp(v[3]), 0.0 };
            return -logLikelihood(p, rows) / weight;
        },
        minimum);
    if (!ok) {
        failure.reason = "the BG/NBD fit did not converge";
        return std::nullopt;
    }
    BgNbdParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]),
        std::exp(start[3]), 0.0 };
    p.logLikelihood = logLikelihood(p, rows);
    return p;
}

namespace {

/**
 * 1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z), z = t/(alpha+T+t), through
 * Euler's transformation: the product equals (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z),
 * whose series converges quickly however many purchases the shopper made.
 */
double bgNbdBracket(const BgNbdParameters &p, double t, double x, double T)
{
    const double z = t / (p.alpha + T + t);
    const double oneMinusZ = (p.alpha + T) / (p.alpha + T + t);
    const double hyper = hypergeometric2F1(p.a + p.b - 1.0 - p.r, p.a - 1.0, p.a + p.b + x - 1.0, z);
    return 1.0 - std::pow(oneMinusZ, p.a - 1.0) * hyper;
}

} // namespace

double BgNbd::expectedPurchases(const BgNbdParameters &p, double t)
{
    if (t <= 0)
        return 0.0;
    return (p.a + p.b - 1.0) / (p.a - 1.0) * bgNbdBracket(p, t, 0.0, 0.0);
}

double BgNbd::conditionalExpectedPurchases(
    const BgNbdParameters &p, double t, double x, double tx, double T)
{
    if (t <= 0)
        return 0.0;
    const double numerator = (p.a + p.b + x - 1.0) / (p.a - 1.0) * bgNbdBracket(p, t, x, T);
    double denominator = 1.0;
    if (x > 0)
        denominator += p.a / (p.b + x - 1.0) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + tx)));
    const double value = numerator / denominator;
    return std::isfinite(value) ? std::max(0.0, value) : 0.0;
}

double BgNbd::probabilityAlive(const BgNbdParameters &p, double x, double tx, double T)
{
    if (x <= 0)
        return 1.0;
    const double logOdds = std::log(p.a) - std::log(p.b + x - 1.0)
        + (p.r + x) * std::log((p.alpha + T) / (p.alpha + tx));
    return 1.0 / (1.0 + std::exp(std::min(logOdds, 700.0)));
}

// ---- Pareto/NBD -----------------------------------------------------------------------

namespace {

/// log of A0 (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model"): the
/// difference of two hypergeometric terms, written with the argument that stays in [0, 1).
double paretoLogA0(const ParetoNbdParameters &p, double x, double tx, double T)
{
    const double rsx = p.r + p.s + x;
    double high = 0.0, low = 0.0;
    if (p.alpha >= p.beta) {
        high = logHypergeometric2F1(rsx, p.s + 1.0, rsx + 1.0, (p.alpha - p.beta) / (p.alpha + tx))
            - rsx * std::log(p.alpha + tx);
        low = logHypergeometric2F1(rsx, p.s + 1.0, rsx + 1.0, (p.alpha - p.beta) / (p.alpha + T))
            - rsx * std::log(p.alpha + T);
    } else {
        high = logHypergeometric2F1(rsx, p.r + x, rsx + 1.0, (p.beta - p.alpha) / (p.beta + tx))
            - rsx * std::log(p.beta + tx);
        low = logHypergeometric2F1(rsx, p.r + x, rsx + 1.0, (p.beta - p.alpha) / (p.beta + T))
            - rsx * std::log(p.beta + T);
    }
    return logDiffExp(high, low);
}

/// The two parts of a shopper's Pareto/NBD likelihood without the constant factor:
/// alive through T, and dropped out between t_x and T.
void paretoParts(const ParetoNbdParameters &p, double x, double tx, double T, double &alive,
    double &dropped)
{
    alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
    dropped = std::log(p.s) - std::log(p.r + p.s + x) + paretoLogA0(p, x, tx, T);
}

} // namespace

double ParetoNbd::logLikelihood(const ParetoNbdParameters &p, const std::vector<PurchaseSummary> &rows)
{
    const double base = -std::lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
    double total = 0.0;
    for (const PurchaseSummary &row : rows) {
        double alive = 0.0, dropped = 0.0;
        paretoParts(p, row.x, row.tx, row.T, alive, dropped);
        total += row.weight * (base + std::lgamma(p.r + row.x) + logSumExp(alive, dropped));
    }
    return total;
}

std::optional<ParetoNbdParameters> ParetoNbd::fit(
    const std::vector<PurchaseSummary> &rows, FitFailure &failure)
{
    if (rows.empty() || !validRows(rows)) {
        failure.reason = "no purchase histories to fit";
        return std::nullopt;
    }
    const double weight = totalWeight(rows);
    double meanT = 0.0;
    for (const PurchaseSummary &row : rows)
        meanT += row.weight * row.T;
    meanT /= weight;
    const double scale = std::log(std::max(1.0, meanT / 4.0));
    std::vector<double> start { 0.0, scale, 0.0, scale };
    double minimum = 0.0;
    bool ok = false;
    try {
        ok = minimiseLog(start,
            [&](const std::vector<double> &v) {
                const ParetoNbdParameters p { std::exp(v[0]), std::exp(v[1]), std::exp(v[2]),
                    std::exp(v[3]), 0.0 };
                try {
                    return -logLikelihood(p, rows) / weight;
                } catch (const std::domain_error &) {
                    return std::numeric_limits<double>::infinity();
                }
            },
            minimum);
    } catch (const std::domain_error &) {
        ok = false;
    }
    if (!ok) {
        failure.reason = "the Pareto/NBD fit did not converge";
        return std::nullopt;
    }
    ParetoNbdParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]),
        std::exp(start[3]), 0.0 };
    p.logLikelihood = logLikelihood(p, rows);
    return p;
}

double ParetoNbd::probabilityAlive(const ParetoNbdParameters &p, double x, double tx, double T)
{
    double alive = 0.0, dropped = 0.0;
    paretoParts(p, x, tx, T, alive, dropped);
    return 1.0 / (1.0 + std::exp(std::min(dropped - alive, 700.0)));
}

// ---- Gamma-Gamma ----------------------------------------------------------------------

double GammaGamma::logLikelihood(const GammaGammaParameters &p, const std::vector<PurchaseSummary> &rows)
{
    const double base = -std::lgamma(p.q) + p.q * std::log(p.gamma);
    double total = 0.0;
    for (const PurchaseSummary &row : rows) {
        if (row.x <= 0 || row.monetary <= 0)
            continue;
        const double px = p.p * row.x;
        total += row.weight
            * (base + std::lgamma(px + p.q) - std::lgamma(px) + (px - 1.0) * std::log(row.monetary)
                + px * std::log(row.x) - (px + p.q) * std::log(p.gamma + row.monetary * row.x));
    }
    return total;
}

std::optional<GammaGammaParameters> GammaGamma::fit(
    const std::vector<PurchaseSummary> &rows, FitFailure &failure)
{
    std::vector<PurchaseSummary> repeat;
    double spend = 0.0;
    for (const PurchaseSummary &row : rows) {
        if (row.x > 0 && row.monetary > 0 && std::isfinite(row.monetary)) {
            repeat.push_back(row);
            spend += row.weight * row.monetary;
        }
    }
    const double weight = totalWeight(repeat);
    if (repeat.empty()) {
        failure.reason = "no shopper with a repeat purchase of positive value";
        return std::nullopt;
    }
    const double meanSpend = spend / weight;
    std::vector<double> start { 0.0, 0.0, std::log(std::max(1e-6, meanSpend)) };
    double minimum = 0.0;
    const bool ok = minimiseLog(start,
        [&](const std::vector<double> &v) {
            const GammaGammaParameters p { std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), 0.0, 0 };
            return -logLikelihood(p, repeat) / weight;
        },
        minimum);
    GammaGammaParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]), 0.0,
        static_cast<std::int64_t>(std::llround(weight)) };
    // The expected spend needs q > 1 (the mean of the inverse gamma exists).
    if (!ok || p.q <= 1.0) {
        failure.reason = "the Gamma-Gamma spend fit did not converge";
        return std::nullopt;
    }
    p.logLikelihood = logLikelihood(p, repeat);
    return p;
}

double GammaGamma::expectedAverageValue(const GammaGammaParameters &p, double x, double monetary)
{
    if (x <= 0 || monetary <= 0)
        return p.p * p.gamma / (p.q - 1.0);
    return p.p * (p.gamma + x * monetary) / (p.p * x + p.q - 1.0);
}

} // namespace clientele::predict
