#include "PurchaseModels.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
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
double logHypergeometric2F1(double a, double b, double c, double z, int maxTerms = 100'000)
{
    if (!(z >= 0.0 && z < 1.0) || !(c > 0.0) || !std::isfinite(a) || !std::isfinite(b))
        throw std::domain_error("2F1 outside its range");
    if (z == 0.0)
        return 0.0;
    double logScale = 0.0;
    double term = 1.0;
    double sum = 1.0;
    // Near z = 1 with small parameters the series converges only slowly; past maxTerms
    // terms it is given up (the fits treat that as an impossible point, see minimiseLog).
    const int kMaxTerms = maxTerms;
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
        if (term == 0.0 || (falling && std::abs(term) <= std::abs(sum) * 1e-16))
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
    double &minimum, double maxSeconds = 0.0)
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
        if (maxSeconds > 0)
            nlopt_set_maxtime(opt, maxSeconds / 3.0);
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

/// Numbers the distinct values collected in index, in order, and returns them: rows then
/// refer to a value by its number, and a likelihood term is computed once per value.
template<typename K> std::vector<K> numberDistinct(std::map<K, std::uint32_t> &index)
{
    std::vector<K> values;
    values.reserve(index.size());
    for (auto &[value, position] : index) {
        position = static_cast<std::uint32_t>(values.size());
        values.push_back(value);
    }
    return values;
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

namespace {

/**
 * Summaries prepared for many likelihood evaluations: the distinct values of x, t_x and T
 * (a few hundred each, however many shoppers), so that the logarithms that depend on the
 * parameters are taken once per distinct value instead of once per row.
 */
struct PreparedRows {
    struct Row {
        std::uint32_t x, tx, T;
        double weight;
    };
    std::vector<double> xs, txs, Ts;
    std::vector<Row> rows;

    explicit PreparedRows(const std::vector<PurchaseSummary> &summaries)
    {
        std::map<double, std::uint32_t> xIndex, txIndex, TIndex;
        for (const PurchaseSummary &row : summaries) {
            xIndex.emplace(row.x, 0);
            txIndex.emplace(row.tx, 0);
            TIndex.emplace(row.T, 0);
        }
        xs = numberDistinct(xIndex);
        txs = numberDistinct(txIndex);
        Ts = numberDistinct(TIndex);
        rows.reserve(summaries.size());
        for (const PurchaseSummary &row : summaries)
            rows.push_back({ xIndex[row.x], txIndex[row.tx], TIndex[row.T], row.weight });
    }
};

double bgNbdLogLikelihood(const BgNbdParameters &p, const PreparedRows &prepared)
{
    const double base = std::lgamma(p.a + p.b) - std::lgamma(p.b) - std::lgamma(p.r)
        + p.r * std::log(p.alpha);
    const std::size_t nx = prepared.xs.size();
    std::vector<double> countTerm(nx), dropTerm(nx), rx(nx);
    for (std::size_t i = 0; i < nx; ++i) {
        const double x = prepared.xs[i];
        countTerm[i] = std::lgamma(p.r + x) + std::lgamma(p.b + x) - std::lgamma(p.a + p.b + x);
        dropTerm[i] = x > 0 ? std::log(p.a) - std::log(p.b + x - 1.0) : kNegativeInfinity;
        rx[i] = p.r + x;
    }
    std::vector<double> logTx(prepared.txs.size()), logT(prepared.Ts.size());
    for (std::size_t i = 0; i < logTx.size(); ++i)
        logTx[i] = std::log(p.alpha + prepared.txs[i]);
    for (std::size_t i = 0; i < logT.size(); ++i)
        logT[i] = std::log(p.alpha + prepared.Ts[i]);
    double total = 0.0;
    for (const PreparedRows::Row &row : prepared.rows) {
        const double a3 = -rx[row.x] * logT[row.T];
        const double a4 = dropTerm[row.x] - rx[row.x] * logTx[row.tx];
        total += row.weight * (base + countTerm[row.x] + logSumExp(a3, a4));
    }
    return total;
}

} // namespace

double BgNbd::logLikelihood(const BgNbdParameters &p, const std::vector<PurchaseSummary> &rows)
{
    return bgNbdLogLikelihood(p, PreparedRows(rows));
}

std::optional<BgNbdParameters> BgNbd::fit(const std::vector<PurchaseSummary> &rows, FitFailure &failure)
{
    if (rows.empty() || !validRows(rows)) {
        failure.reason = "no purchase histories to fit";
        return std::nullopt;
    }
    const PreparedRows prepared(rows);
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
            return -bgNbdLogLikelihood(p, prepared) / weight;
        },
        minimum);
    if (!ok) {
        failure.reason = "the BG/NBD fit did not converge";
        return std::nullopt;
    }
    BgNbdParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]),
        std::exp(start[3]), 0.0 };
    p.logLikelihood = bgNbdLogLikelihood(p, prepared);
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
    double bracket = 0.0;
    try {
        bracket = bgNbdBracket(p, t, x, T);
    } catch (const std::domain_error &) {
        return std::numeric_limits<double>::quiet_NaN(); // see the header
    }
    const double numerator = (p.a + p.b + x - 1.0) / (p.a - 1.0) * bracket;
    double denominator = 1.0;
    if (x > 0)
        denominator += p.a / (p.b + x - 1.0) * std::exp((p.r + x) * std::log((p.alpha + T) / (p.alpha + tx)));
    const double value = numerator / denominator;
    return std::isfinite(value) ? std::max(0.0, value) : std::numeric_limits<double>::quiet_NaN();
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

/**
 * Summaries prepared for the Pareto/NBD: its costly part, a hypergeometric term, depends
 * on x and one time (t_x or T) only, so it is computed once per distinct (x, time) pair
 * rather than twice per row.
 */
struct PreparedPareto {
    struct Row {
        std::uint32_t x, T, atTx, atT; ///< atTx, atT: indices into pairs
        double weight;
    };
    std::vector<double> xs, Ts;
    std::vector<std::pair<double, double>> pairs; ///< (x, time)
    std::vector<Row> rows;

    explicit PreparedPareto(const std::vector<PurchaseSummary> &summaries)
    {
        std::map<double, std::uint32_t> xIndex, TIndex;
        std::map<std::pair<double, double>, std::uint32_t> pairIndex;
        for (const PurchaseSummary &row : summaries) {
            xIndex.emplace(row.x, 0);
            TIndex.emplace(row.T, 0);
            pairIndex.emplace(std::make_pair(row.x, row.tx), 0);
            pairIndex.emplace(std::make_pair(row.x, row.T), 0);
        }
        xs = numberDistinct(xIndex);
        Ts = numberDistinct(TIndex);
        pairs = numberDistinct(pairIndex);
        for (const PurchaseSummary &row : summaries) {
            rows.push_back({ xIndex[row.x], TIndex[row.T], pairIndex[{ row.x, row.tx }],
                pairIndex[{ row.x, row.T }], row.weight });
        }
    }
};

/// Pareto/NBD's series, summed with z close to 1 only where the lifetime and purchase rates
/// are far apart (the optimiser's excursions): there they are given up early, and the point
/// counts as impossible, instead of taking seconds per likelihood.
constexpr int kParetoTerms = 5'000;
/// The Pareto/NBD fit is a comparison; it gives up after this long (the data's optimum can
/// lie at the edge of the parameter space, with no dropout at all).
constexpr double kParetoSeconds = 15.0;

/// log of one of A0's two terms (Fader & Hardie 2005, "A note on deriving the Pareto/NBD
/// model"), at time t, written with the argument that stays in [0, 1).
double paretoLogTerm(const ParetoNbdParameters &p, double x, double t)
{
    const double rsx = p.r + p.s + x;
    if (p.alpha >= p.beta)
        return logHypergeometric2F1(
                   rsx, p.s + 1.0, rsx + 1.0, (p.alpha - p.beta) / (p.alpha + t), kParetoTerms)
            - rsx * std::log(p.alpha + t);
    return logHypergeometric2F1(
               rsx, p.r + x, rsx + 1.0, (p.beta - p.alpha) / (p.beta + t), kParetoTerms)
        - rsx * std::log(p.beta + t);
}

double paretoLogLikelihood(const ParetoNbdParameters &p, const PreparedPareto &prepared)
{
    const double base = -std::lgamma(p.r) + p.r * std::log(p.alpha) + p.s * std::log(p.beta);
    std::vector<double> terms(prepared.pairs.size());
    for (std::size_t i = 0; i < terms.size(); ++i)
        terms[i] = paretoLogTerm(p, prepared.pairs[i].first, prepared.pairs[i].second);
    std::vector<double> countTerm(prepared.xs.size()), dropTerm(prepared.xs.size());
    for (std::size_t i = 0; i < prepared.xs.size(); ++i) {
        countTerm[i] = std::lgamma(p.r + prepared.xs[i]);
        dropTerm[i] = std::log(p.s) - std::log(p.r + p.s + prepared.xs[i]);
    }
    std::vector<double> logAlphaT(prepared.Ts.size()), logBetaT(prepared.Ts.size());
    for (std::size_t i = 0; i < prepared.Ts.size(); ++i) {
        logAlphaT[i] = std::log(p.alpha + prepared.Ts[i]);
        logBetaT[i] = std::log(p.beta + prepared.Ts[i]);
    }
    double total = 0.0;
    for (const PreparedPareto::Row &row : prepared.rows) {
        const double x = prepared.xs[row.x];
        const double alive = -(p.r + x) * logAlphaT[row.T] - p.s * logBetaT[row.T];
        const double dropped = dropTerm[row.x] + logDiffExp(terms[row.atTx], terms[row.atT]);
        total += row.weight * (base + countTerm[row.x] + logSumExp(alive, dropped));
    }
    return total;
}

} // namespace

double ParetoNbd::logLikelihood(const ParetoNbdParameters &p, const std::vector<PurchaseSummary> &rows)
{
    return paretoLogLikelihood(p, PreparedPareto(rows));
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
    const PreparedPareto prepared(rows);
    double minimum = 0.0;
    bool ok = false;
    try {
        ok = minimiseLog(start,
            [&](const std::vector<double> &v) {
                const ParetoNbdParameters p { std::exp(v[0]), std::exp(v[1]), std::exp(v[2]),
                    std::exp(v[3]), 0.0 };
                try {
                    return -paretoLogLikelihood(p, prepared) / weight;
                } catch (const std::domain_error &) {
                    return std::numeric_limits<double>::infinity();
                }
            },
            minimum, kParetoSeconds);
    } catch (const std::domain_error &) {
        ok = false;
    }
    if (!ok) {
        failure.reason = "the Pareto/NBD fit did not converge";
        return std::nullopt;
    }
    ParetoNbdParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]),
        std::exp(start[3]), 0.0 };
    p.logLikelihood = paretoLogLikelihood(p, prepared);
    return p;
}

double ParetoNbd::probabilityAlive(const ParetoNbdParameters &p, double x, double tx, double T)
{
    const double alive = -(p.r + x) * std::log(p.alpha + T) - p.s * std::log(p.beta + T);
    const double dropped = std::log(p.s) - std::log(p.r + p.s + x)
        + logDiffExp(paretoLogTerm(p, x, tx), paretoLogTerm(p, x, T));
    return 1.0 / (1.0 + std::exp(std::min(dropped - alive, 700.0)));
}

// ---- Gamma-Gamma ----------------------------------------------------------------------

namespace {

/// Spend rows prepared for many evaluations: log m per row and the distinct x.
struct PreparedSpend {
    struct Row {
        std::uint32_t x;
        double m, logM, weight;
    };
    std::vector<double> xs;
    std::vector<Row> rows;

    explicit PreparedSpend(const std::vector<PurchaseSummary> &summaries)
    {
        std::map<double, std::uint32_t> index;
        for (const PurchaseSummary &row : summaries) {
            if (row.x > 0 && row.monetary > 0)
                index.emplace(row.x, 0);
        }
        xs = numberDistinct(index);
        for (const PurchaseSummary &row : summaries) {
            if (row.x > 0 && row.monetary > 0)
                rows.push_back({ index[row.x], row.monetary, std::log(row.monetary), row.weight });
        }
    }
};

double gammaGammaLogLikelihood(const GammaGammaParameters &p, const PreparedSpend &prepared)
{
    const double base = -std::lgamma(p.q) + p.q * std::log(p.gamma);
    const std::size_t nx = prepared.xs.size();
    std::vector<double> countTerm(nx), px(nx);
    for (std::size_t i = 0; i < nx; ++i) {
        const double x = prepared.xs[i];
        px[i] = p.p * x;
        countTerm[i] = std::lgamma(px[i] + p.q) - std::lgamma(px[i]) + px[i] * std::log(x);
    }
    double total = 0.0;
    for (const PreparedSpend::Row &row : prepared.rows) {
        const double pxi = px[row.x];
        total += row.weight
            * (base + countTerm[row.x] + (pxi - 1.0) * row.logM
                - (pxi + p.q) * std::log(p.gamma + row.m * prepared.xs[row.x]));
    }
    return total;
}

} // namespace

double GammaGamma::logLikelihood(const GammaGammaParameters &p, const std::vector<PurchaseSummary> &rows)
{
    return gammaGammaLogLikelihood(p, PreparedSpend(rows));
}

std::optional<GammaGammaParameters> GammaGamma::fit(
    const std::vector<PurchaseSummary> &rows, FitFailure &failure)
{
    const PreparedSpend prepared(rows);
    double weight = 0.0, spend = 0.0;
    for (const PreparedSpend::Row &row : prepared.rows) {
        weight += row.weight;
        spend += row.weight * row.m;
    }
    if (prepared.rows.empty() || !std::isfinite(spend)) {
        failure.reason = "no shopper with a repeat purchase of positive value";
        return std::nullopt;
    }
    const double meanSpend = spend / weight;
    std::vector<double> start { 0.0, 0.0, std::log(std::max(1e-6, meanSpend)) };
    double minimum = 0.0;
    const bool ok = minimiseLog(start,
        [&](const std::vector<double> &v) {
            const GammaGammaParameters p { std::exp(v[0]), std::exp(v[1]), std::exp(v[2]), 0.0, 0 };
            return -gammaGammaLogLikelihood(p, prepared) / weight;
        },
        minimum);
    GammaGammaParameters p { std::exp(start[0]), std::exp(start[1]), std::exp(start[2]), 0.0,
        static_cast<std::int64_t>(std::llround(weight)) };
    // The expected spend needs q > 1 (the mean of the inverse gamma exists).
    if (!ok || p.q <= 1.0) {
        failure.reason = "the Gamma-Gamma spend fit did not converge";
        return std::nullopt;
    }
    p.logLikelihood = gammaGammaLogLikelihood(p, prepared);
    return p;
}

double GammaGamma::expectedAverageValue(const GammaGammaParameters &p, double x, double monetary)
{
    if (x <= 0 || monetary <= 0)
        return p.p * p.gamma / (p.q - 1.0);
    return p.p * (p.gamma + x * monetary) / (p.p * x + p.q - 1.0);
}

} // namespace clientele::predict
