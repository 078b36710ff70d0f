#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "predict/Predictions.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QLocale>

#include <cmath>
#include <exception>
#include <optional>

namespace clientele {

using namespace cli;
using namespace predict;
using json = nlohmann::json;

namespace {

/// The options every `predict` sub-command takes.
struct PredictOptions {
    QCommandLineOption workspace { QStringLiteral("workspace"),
        CommandLine::tr("The workspace file."), CommandLine::tr("FILE") };
    QCommandLineOption calibrationEnd { QStringLiteral("calibration-end"),
        CommandLine::tr("The last day of the history the models learn from."),
        CommandLine::tr("YYYY-MM-DD") };
    QCommandLineOption timeUnit { QStringLiteral("time-unit"),
        CommandLine::tr("The unit of t_x, T, alpha and beta: day or week (default week)."),
        CommandLine::tr("UNIT"), QStringLiteral("week") };
    QCommandLineOption json { QStringLiteral("json"), CommandLine::tr("Print one JSON object.") };
};

bool readUnit(QCommandLineParser &parser, const PredictOptions &options, TimeUnit &unit)
{
    const auto parsed = parseTimeUnit(parser.value(options.timeUnit).toStdString());
    if (!parsed) {
        err() << CommandLine::tr("--time-unit must be day or week: %1")
                     .arg(parser.value(options.timeUnit))
              << Qt::endl;
        return false;
    }
    unit = *parsed;
    return true;
}

/// Money and rates rounded for reading; the JSON keeps full precision for the parameters.
double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

json modelJson(const FittedModel &model)
{
    json document {
        { "customers", model.customers },
        { "anonymous_buyers", model.anonymousBuyers },
        { "repeat_customers", model.repeatCustomers },
        { "orders", model.orders },
        { "time_unit", timeUnitKey(model.unit) },
        { "calibration_end", formatIsoDate(model.calibrationEnd - kMillisPerDay) },
        { "fitted_at", formatIsoDateTime(model.fittedAt) },
        { "churn_risk_cut_points",
            { { "high_below", model.churnCuts.highBelow },
                { "medium_below", model.churnCuts.mediumBelow } } },
        { "replenishable_items", model.replenishableProducts },
        { "annual_discount_rate", model.annualDiscountRate },
        { "seconds", rounded(model.seconds, 3) },
    };
    document.update(parametersJson(model));
    return document;
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

int CommandLine::runPredict(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("fit"))
        return runPredictFit(arguments.mid(1));
    if (action == QLatin1String("validate"))
        return runPredictValidate(arguments.mid(1));
    if (action == QLatin1String("show"))
        return runPredictShow(arguments.mid(1));
    err() << tr("Usage: clientele predict fit|validate|show --workspace FILE … (see clientele "
                "--help)")
          << Qt::endl;
    return 2;
}

int CommandLine::runPredictFit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Fits the purchase and spend models on the workspace's "
                                        "orders and stores every buyer's predictions."));
    parser.addHelpOption();
    const PredictOptions options;
    const QCommandLineOption discount(QStringLiteral("discount-rate"),
        tr("Yearly rate at which the predicted 12-month value is discounted, e.g. 0.1 for "
           "10 % (default 0: none)."),
        tr("RATE"), QStringLiteral("0"));
    parser.addOptions(
        { options.workspace, options.calibrationEnd, options.timeUnit, discount, options.json });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele predict fit --workspace FILE [--calibration-end "
                    "YYYY-MM-DD] [--time-unit day|week] [--discount-rate RATE] [--json]")
              << Qt::endl;
        return 2;
    }
    FitOptions fit;
    if (!readDay(parser, options.calibrationEnd, fit.calibrationEnd)
        || !readUnit(parser, options, fit.unit))
        return 2;
    bool rateOk = false;
    fit.annualDiscountRate = parser.value(discount).toDouble(&rateOk);
    if (!rateOk || !(fit.annualDiscountRate >= 0.0 && fit.annualDiscountRate <= 1.0)) {
        err() << tr("--discount-rate must be a number from 0 to 1: %1").arg(parser.value(discount))
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        StderrProgress progress;
        const FittedModel model = Predictions::fit(workspace.db(), fit, &progress);
        if (parser.isSet(options.json)) {
            printJson(modelJson(model));
            return 0;
        }
        const QLocale c = QLocale::c();
        out() << tr("Fitted on %1 buyers (%2 with repeat orders), history up to %3, in %4 s.")
                     .arg(c.toString(model.customers), c.toString(model.repeatCustomers),
                         fromStd(formatIsoDate(model.calibrationEnd - kMillisPerDay)),
                         number(model.seconds, 2))
              << Qt::endl;
        const auto &bg = model.bgNbd;
        out() << tr("BG/NBD      r = %1, alpha = %2, a = %3, b = %4, log-likelihood %5")
                     .arg(number(bg.r, 4), number(bg.alpha, 4), number(bg.a, 4), number(bg.b, 4),
                         number(bg.logLikelihood, 3))
              << Qt::endl;
        if (model.paretoNbd) {
            const auto &p = *model.paretoNbd;
            out() << tr("Pareto/NBD  r = %1, alpha = %2, s = %3, beta = %4, log-likelihood %5")
                         .arg(number(p.r, 4), number(p.alpha, 4), number(p.s, 4),
                             number(p.beta, 4), number(p.logLikelihood, 3))
                  << Qt::endl;
        } else {
            out() << tr("Pareto/NBD  did not converge") << Qt::endl;
        }
        if (model.gammaGamma) {
            const auto &g = *model.gammaGamma;
            out() << tr("Gamma-Gamma p = %1, q = %2, gamma = %3 (%4 repeat buyers)")
                         .arg(number(g.p, 4), number(g.q, 4), number(g.gamma, 4),
                             c.toString(g.customers))
                  << Qt::endl;
        } else {
            out() << tr("Gamma-Gamma did not converge: predicted value uses each shopper's own "
                        "average order")
                  << Qt::endl;
        }
        out() << tr("Time unit: %1.").arg(fromStd(timeUnitKey(model.unit))) << Qt::endl;
        return 0;
    } catch (const PredictionError &error) {
        err() << fromStd(error.what()) << Qt::endl;
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The fit failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runPredictValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Fits on the history up to a date and compares the "
                                        "predicted repeat orders after it with what happened."));
    parser.addHelpOption();
    const PredictOptions options;
    const QCommandLineOption holdoutEnd(QStringLiteral("holdout-end"),
        tr("The last day of the holdout period (default: the day of the latest order)."),
        tr("YYYY-MM-DD"));
    parser.addOptions(
        { options.workspace, options.calibrationEnd, holdoutEnd, options.timeUnit, options.json });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele predict validate --workspace FILE [--calibration-end DATE] "
                    "[--holdout-end DATE] [--time-unit day|week] [--json]")
              << Qt::endl;
        return 2;
    }
    ValidateOptions validate;
    if (!readDay(parser, options.calibrationEnd, validate.calibrationEnd)
        || !readDay(parser, holdoutEnd, validate.holdoutEnd) || !readUnit(parser, options, validate.unit))
        return 2;
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        StderrProgress progress;
        const HoldoutCheck check = Predictions::validate(workspace.db(), validate, &progress);
        if (parser.isSet(options.json)) {
            json byFrequency = json::array();
            for (const auto &group : check.byFrequency) {
                byFrequency.push_back({ { "x", group.x }, { "customers", group.customers },
                    { "expected", group.expected }, { "actual", group.actual } });
            }
            json tracking = json::array();
            for (const auto &week : check.tracking) {
                tracking.push_back({ { "week", week.week }, { "expected", week.expectedCumulative },
                    { "actual", week.actualCumulative } });
            }
            printJson({ { "calibration_end", formatIsoDate(check.calibrationEnd - kMillisPerDay) },
                { "holdout_end", formatIsoDate(check.holdoutEnd - kMillisPerDay) },
                { "time_unit", timeUnitKey(check.unit) }, { "customers", check.customers },
                { "bg_nbd",
                    { { "r", check.bgNbd.r }, { "alpha", check.bgNbd.alpha },
                        { "a", check.bgNbd.a }, { "b", check.bgNbd.b },
                        { "log_likelihood", check.bgNbd.logLikelihood } } },
                { "by_frequency", byFrequency }, { "tracking", tracking },
                { "predicted_total", check.predictedTotal }, { "actual_total", check.actualTotal },
                { "mae", check.mae } });
            return 0;
        }
        out() << tr("Calibration up to %1, holdout up to %2, %3 buyers.")
                     .arg(fromStd(formatIsoDate(check.calibrationEnd - kMillisPerDay)),
                         fromStd(formatIsoDate(check.holdoutEnd - kMillisPerDay)),
                         QLocale::c().toString(check.customers))
              << Qt::endl;
        out() << tr("Repeat orders  shoppers  expected  actual (per shopper, in the holdout)")
              << Qt::endl;
        for (const auto &group : check.byFrequency) {
            const QString label = group.x == static_cast<int>(check.byFrequency.size()) - 1
                ? QStringLiteral("%1+").arg(group.x)
                : QString::number(group.x);
            out() << QStringLiteral("%1  %2  %3  %4")
                         .arg(label, -13)
                         .arg(group.customers, 8)
                         .arg(number(group.expected, 3), 8)
                         .arg(number(group.actual, 3), 6)
                  << Qt::endl;
        }
        out() << tr("Predicted %1 repeat order days, actual %2; mean absolute error per shopper "
                    "%3.")
                     .arg(number(check.predictedTotal, 1), number(check.actualTotal, 0),
                         number(check.mae, 3))
              << Qt::endl;
        return 0;
    } catch (const PredictionError &error) {
        err() << fromStd(error.what()) << Qt::endl;
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The check failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runPredictShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows one shopper's stored predictions."));
    parser.addHelpOption();
    const PredictOptions options;
    const QCommandLineOption country(QStringLiteral("country"),
        tr("Country of phone numbers written without a country code (default DE)."), tr("CC"),
        QStringLiteral("DE"));
    parser.addOptions({ options.workspace, country, options.json });
    parser.addPositionalArgument(QStringLiteral("shopper"), tr("KIND:VALUE, e.g. email:ana@example.com"));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele predict show --workspace FILE KIND:VALUE [--json]")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        const auto profile
            = findProfile(workspace, parser.positionalArguments().front(), parser.value(country));
        if (!profile)
            return 1;
        const auto model = Predictions::stored(workspace.db());
        if (!model) {
            err() << tr("No predictions yet: run clientele predict fit first.") << Qt::endl;
            return 1;
        }
        const auto p = Predictions::forProfile(workspace.db(), *profile);
        const double perUnit = model->unit == TimeUnit::Week ? 7.0 : 1.0;
        if (parser.isSet(options.json)) {
            json document { { "profile_id", *profile }, { "time_unit", timeUnitKey(model->unit) },
                { "calibration_end", formatIsoDate(model->calibrationEnd - kMillisPerDay) } };
            if (!p) {
                document["predictions"] = nullptr;
                printJson(document);
                return 0;
            }
            document["x"] = p->x;
            document["t_x"] = p->tx / perUnit;
            document["T"] = p->T / perUnit;
            document["expected_orders_30d"] = p->expectedOrders30d;
            document["expected_orders_90d"] = p->expectedOrders90d;
            document["expected_orders_365d"] = p->expectedOrders365d;
            document["p_alive"] = p->pAlive;
            document["churn_risk"] = p->churnRisk;
            document["expected_order_value"] = rounded(p->expectedOrderValue, 2);
            document["predicted_value_12m"] = rounded(p->predictedValue12m, 2);
            document["next_order_expected"]
                = p->nextOrderExpected ? json(formatIsoDate(*p->nextOrderExpected)) : json(nullptr);
            document["replenishment_due"] = nullptr;
            if (p->replenishmentDue) {
                document["replenishment_due"] = { { "item", p->replenishmentItem },
                    { "sku", p->replenishmentSku.empty() ? json(nullptr) : json(p->replenishmentSku) },
                    { "date", formatIsoDate(*p->replenishmentDue) } };
            }
            printJson(document);
            return 0;
        }
        if (!p) {
            out() << tr("No predictions for this shopper: no completed order in the model's "
                        "history.")
                  << Qt::endl;
            return 0;
        }
        const QString unit = fromStd(timeUnitKey(model->unit));
        out() << tr("History: x = %1 repeat order days, t_x = %2, T = %3 (%4s)")
                     .arg(number(p->x, 0), number(p->tx / perUnit, 2), number(p->T / perUnit, 2), unit)
              << Qt::endl;
        out() << tr("Expected orders: %1 in 30 days, %2 in 90 days, %3 in 365 days")
                     .arg(number(p->expectedOrders30d, 3), number(p->expectedOrders90d, 3),
                         number(p->expectedOrders365d, 3))
              << Qt::endl;
        out() << tr("Probability still active: %1 (churn risk %2)")
                     .arg(number(p->pAlive, 4), fromStd(p->churnRisk))
              << Qt::endl;
        out() << tr("Expected order value %1, predicted value next 12 months %2")
                     .arg(number(p->expectedOrderValue, 2), number(p->predictedValue12m, 2))
              << Qt::endl;
        if (p->nextOrderExpected)
            out() << tr("Next order expected around %1").arg(fromStd(formatIsoDate(*p->nextOrderExpected)))
                  << Qt::endl;
        if (p->replenishmentDue)
            out() << tr("Replenishment: %1 due %2")
                         .arg(fromStd(p->replenishmentItem), fromStd(formatIsoDate(*p->replenishmentDue)))
                  << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The command failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

} // namespace clientele
