#include "PredictionText.h"

#include "DisplayFormat.h"

#include "common/Time.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace clientele {

namespace {

QString formatLocalDay(std::int64_t millis)
{
    return formatLongDate(QDateTime::fromMSecsSinceEpoch(millis).toLocalTime().date());
}

} // namespace

QDate predictionDay(std::int64_t millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, QTimeZone::utc()).date();
}

QString formatLongDate(const QDate &day)
{
    // The format is translated with the rest: German writes "12. März 2027".
    return QLocale().toString(day, QCoreApplication::translate("Predictions", "d MMMM yyyy"));
}

QString formatPercent(double fraction)
{
    return QCoreApplication::translate("Predictions", "%1 %")
        .arg(QLocale().toString(std::lround(fraction * 100.0)));
}

QString churnRiskRule(const std::string &risk, const predict::ChurnCutPoints &cuts)
{
    if (risk == "high")
        return QCoreApplication::translate("Predictions", "chance still active below %1")
            .arg(formatPercent(cuts.highBelow));
    if (risk == "medium")
        return QCoreApplication::translate("Predictions", "chance still active from %1 to below %2")
            .arg(formatPercent(cuts.highBelow), formatPercent(cuts.mediumBelow));
    return QCoreApplication::translate("Predictions", "chance still active %1 or more")
        .arg(formatPercent(cuts.mediumBelow));
}

QString describePrediction(
    const predict::ShopperPrediction &prediction, const std::string &currency)
{
    const QString alive = formatPercent(prediction.pAlive);
    const QString value = formatMoney(prediction.predictedValue12m, currency);
    if (prediction.nextOrderExpected)
        return QCoreApplication::translate("Predictions",
            "Likely to order again around %1; %2 chance still active; predicted value "
            "next 12 months %3")
            .arg(formatLongDate(predictionDay(*prediction.nextOrderExpected)), alive, value);
    return QCoreApplication::translate("Predictions",
        "No further order expected soon; %1 chance still active; predicted value next "
        "12 months %2")
        .arg(alive, value);
}

QString describeReplenishment(const predict::ShopperPrediction &prediction)
{
    if (!prediction.replenishmentDue || prediction.replenishmentItem.empty())
        return {};
    return QCoreApplication::translate("Predictions", "Probably due to rebuy %1 around %2")
        .arg(QString::fromStdString(prediction.replenishmentItem),
            formatLongDate(predictionDay(*prediction.replenishmentDue)));
}

QString describePredictionBasis(const predict::ShopperPrediction &prediction,
    const predict::FittedModel &model, std::optional<std::int64_t> orders)
{
    // T and t_x count days from the first purchase day: the days shown are the first and
    // the last purchase day of the model's history.
    const std::int64_t days = std::llround(prediction.x) + 1;
    const Millis first = model.calibrationEnd - std::llround(prediction.T * kMillisPerDay);
    const Millis last = first + std::llround(prediction.tx * kMillisPerDay);
    const QString firstDay = formatLongDate(predictionDay(first));
    const QString lastDay = formatLongDate(predictionDay(last));
    const QString fitted = formatLocalDay(model.fittedAt);
    if (!orders)
        return QCoreApplication::translate(
            "Predictions", "From orders on %L1 days between %2 and %3; model fitted on %4")
            .arg(days)
            .arg(firstDay, lastDay, fitted);
    const QString orderCount = *orders == 1
        ? QCoreApplication::translate("Predictions", "1 order")
        : QCoreApplication::translate("Predictions", "%L1 orders")
              .arg(static_cast<qlonglong>(*orders));
    if (days == 1)
        return QCoreApplication::translate("Predictions", "From %1 on %2; model fitted on %3")
            .arg(orderCount, firstDay, fitted);
    return QCoreApplication::translate(
        "Predictions", "From %1 on %L2 days between %3 and %4; model fitted on %5")
        .arg(orderCount)
        .arg(days)
        .arg(firstDay, lastDay, fitted);
}

} // namespace clientele
