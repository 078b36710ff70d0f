#pragma once

#include <QString>

#include <string>

namespace clientele {

class StoreError;

/// The name a marketer reads for a channel key stored in the workspace ("pos" → "Store").
QString channelDisplayName(const std::string &channel);

/// The symbol for an ISO 4217 code ("EUR" → "€"); the code itself when none is known.
QString currencySymbol(const QString &isoCode);

/// A money amount in the user's locale with the currency's symbol, e.g. "€258,843".
QString formatMoney(double amount, const std::string &isoCode, int decimals = 0);

/// A workspace failure in the user's language, from the error's kind; core's English
/// text is kept as the technical detail where it adds something.
QString describeStoreError(const StoreError &error, const QString &path);

} // namespace clientele
