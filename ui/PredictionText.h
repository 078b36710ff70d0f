#pragma once

#include "predict/Predictions.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace clientele {

/// The day a core time falls on, read in UTC: core counts predictions in whole UTC days.
QDate predictionDay(std::int64_t millis);
/// A day as a marketer reads it in a sentence ("12 March 2027").
QString formatLongDate(const QDate &day);
/// A probability as a whole percentage ("87 %").
QString formatPercent(double fraction);

/// Which chances still active a churn risk group holds, from the model's cut points
/// ("chance still active below 30 %"); its name is churnRiskDisplayName (DisplayFormat.h).
QString churnRiskRule(const std::string &risk, const predict::ChurnCutPoints &cuts);

/**
 * One shopper's predictions as a sentence: "Likely to order again around 12 March 2027;
 * 87 % chance still active; predicted value next 12 months €310".
 */
QString describePrediction(
    const predict::ShopperPrediction &prediction, const std::string &currency);
/// "Probably due to rebuy Trail Socks around 3 April 2027"; empty when nothing is due.
QString describeReplenishment(const predict::ShopperPrediction &prediction);
/**
 * What the predictions were computed from: "From 4 orders on 3 days between 2 May 2026 and
 * 14 Nov 2026; model fitted on 8 Dec 2026". orders is the shopper's order count when all of
 * their orders fall into the model's history, else nullopt.
 */
QString describePredictionBasis(const predict::ShopperPrediction &prediction,
    const predict::FittedModel &model, std::optional<std::int64_t> orders);

} // namespace clientele
