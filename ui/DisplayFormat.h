#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace clientele {

class StoreError;

/// The name a marketer reads for a channel key stored in the workspace ("pos" → "Store").
QString channelDisplayName(const std::string &channel);

/// The symbol for an ISO 4217 code ("EUR" → "€"); the code itself when none is known.
QString currencySymbol(const QString &isoCode);

/// A money amount in the user's locale with the currency's symbol, e.g. "€258,843".
QString formatMoney(double amount, const std::string &isoCode, int decimals = 0);

/// The name of an RFM group key ("cant_lose_them" → "Can't Lose Them"); empty for none.
QString rfmGroupDisplayName(const std::string &key);

/// A consent status ("granted", "denied", "unsubscribed") as a marketer reads it.
QString consentDisplayName(const std::string &status);

/// A churn risk group key ("low", "medium", "high") as shown.
QString churnRiskDisplayName(const std::string &risk);

/// A loyalty tier key ("gold") as shown; empty for non-members.
QString loyaltyTierDisplayName(const std::string &tier);

/// A time in milliseconds as a local date ("25/11/2026"), or an em dash for none.
QString formatLocalDate(const std::optional<std::int64_t> &millis);
/// A time in milliseconds as local date and time.
QString formatLocalDateTime(std::int64_t millis);

/// What a cell shows when there is no value.
QString noValue();

/// A workspace failure in the user's language, from the error's kind; core's English
/// text is kept as the technical detail where it adds something.
QString describeStoreError(const StoreError &error, const QString &path);

} // namespace clientele
