#pragma once

#include "AmountParser.h"
#include "ImportMapping.h"
#include "PhoneNormalizer.h"
#include "TimestampParser.h"

#include "common/Time.h"
#include "identity/IdentityResolver.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clientele {

class ImportPreset;

/// A marketing permission a row states for its shopper (consents table).
struct ConsentUpdate {
    std::string channel; ///< email, sms or push
    std::string status; ///< granted, denied or unsubscribed
    /// When it was stated: an older statement never overwrites a newer one.
    Millis ts = 0;
    std::string source; ///< where it was stated ("shopify"); empty: the file's name
};

/// A further event a row implies beside its own, such as the cancellation of the order
/// the row completes: same shopper, channel, order and currency; its own type, time, value.
struct ImpliedEvent {
    std::string type;
    Millis ts = 0;
    std::optional<double> value;
};

/// One row turned into an event, before identity resolution.
struct MappedRow {
    Millis ts = 0;
    std::string type;
    std::string channel;
    std::vector<Identifier> identifiers;
    std::string sourceId;
    std::string sku, productName, category, brand, orderId, cartId, currency;
    std::string firstName, lastName, country, city;
    std::optional<double> value, price, quantity;
    nlohmann::json properties = nlohmann::json::object();
    /// Identifier cells that could not be used, with the reason each.
    std::vector<std::string> identifierProblems;
    /// Written for the row's profile when its event is new (a re-import changes nothing).
    std::vector<ConsentUpdate> consents;
    std::vector<ImpliedEvent> impliedEvents;
};

/**
 * Applies an ImportMapping to the fields of one row: parses timestamps, amounts and
 * identifiers with the import's time zone, region and decimal style.
 *
 * In line-item files it remembers the first line of the order being read: the lines after
 * it may leave the date, the event type and the identifiers empty (Shopify writes them on
 * the first line only) and take them from it, and when the first line is rejected, the
 * rest of its order is rejected with it, so an order is never imported without its head.
 */
class RowMapper {
public:
    /// snapshotTime dates the rows of a snapshot mapping (ImportMapping::snapshot).
    /// Throws std::invalid_argument for settings that cannot work (an unknown time zone).
    RowMapper(const ImportMapping &mapping, const std::vector<std::string> &header,
        Millis snapshotTime = 0);

    /// Fills row from fields, applying preset's rules when given; returns why the row
    /// cannot become an event, or "". line is the row's line in the file, for reasons that
    /// name another line (0: unknown).
    std::string map(const std::vector<std::string> &fields, MappedRow &row,
        const ImportPreset *preset = nullptr, std::int64_t line = 0);

    /// Normalises one identifier value of a kind (email, phone …) into row. Phone numbers
    /// written without a country code are read in the row's country when that is an ISO
    /// 3166 two-letter code, else in the mapping's country.
    void addIdentifier(const std::string &kind, const std::string &cell, MappedRow &row);

    /// The cell of a column named in the header, cleaned as mapped cells are (trimmed,
    /// text marker dropped); "" when the file has no such column. For presets' adjust().
    std::string cell(const std::vector<std::string> &fields, std::string_view column) const;
    /// The import's readers of times and amounts, for cells the mapping does not cover.
    Normalized<Millis> parseTimestamp(std::string_view text) { return timestamps_.parse(text); }
    Normalized<double> parseAmount(std::string_view text) const { return amounts_.parse(text); }

private:
    /// Column positions of the mapping in this file's header.
    struct BoundColumn {
        std::size_t index;
        const ColumnMapping *mapping;
    };
    /// The first line of the order being read in a line-item file.
    struct OrderHead {
        std::string orderId;
        std::int64_t line = 0;
        Millis ts = 0;
        std::string type;
        std::vector<Identifier> identifiers;
        std::string rejection; ///< why the line was rejected; "" when it was not
    };

    const PhoneNormalizer &phonesFor(const std::string &country);

    const ImportMapping &mapping_;
    std::vector<BoundColumn> columns_;
    std::unordered_map<std::string, std::size_t> columnIndex_;
    PhoneNormalizer phones_;
    /// Normalisers for the countries rows name, made when first needed.
    std::unordered_map<std::string, PhoneNormalizer> regionalPhones_;
    TimestampParser timestamps_;
    AmountParser amounts_;
    Millis snapshotTime_;
    std::optional<OrderHead> head_;
};

/// text without surrounding spaces, tabs and line breaks.
std::string trimmed(std::string_view text);

/// "'0151 12345678" → "0151 12345678": a leading apostrophe is how spreadsheets and Shopify
/// keep a number as text (leading zeros, long ids). It is dropped when what follows looks
/// like a number (digits with spaces, + - ( ) . /); "'Tis" keeps it.
std::string withoutTextMarker(std::string text);

/// "yes", "No", "true", "0", "granted", "unsubscribed" … → granted, denied or unsubscribed;
/// nullopt for a value that says none of these.
std::optional<std::string> consentStatusFromText(std::string_view text);

} // namespace clientele
