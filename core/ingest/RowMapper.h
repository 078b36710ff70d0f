#pragma once

#include "AmountParser.h"
#include "ImportMapping.h"
#include "PhoneNormalizer.h"
#include "TimestampParser.h"

#include "common/Time.h"
#include "identity/IdentityResolver.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace clientele {

class ImportPreset;

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
};

/**
 * Applies an ImportMapping to the fields of one row: parses timestamps, amounts and
 * identifiers with the import's time zone, region and decimal style.
 */
class RowMapper {
public:
    /// Throws std::invalid_argument for settings that cannot work (an unknown time zone).
    RowMapper(const ImportMapping &mapping, const std::vector<std::string> &header);

    /// Fills row from fields, applying preset's rules when given; returns why the row
    /// cannot become an event, or "".
    std::string map(const std::vector<std::string> &fields, MappedRow &row,
        const ImportPreset *preset = nullptr);

    /// Normalises one identifier value of a kind (email, phone …) into row.
    void addIdentifier(const std::string &kind, const std::string &cell, MappedRow &row);

private:
    /// Column positions of the mapping in this file's header.
    struct BoundColumn {
        std::size_t index;
        const ColumnMapping *mapping;
    };

    const ImportMapping &mapping_;
    std::vector<BoundColumn> columns_;
    PhoneNormalizer phones_;
    TimestampParser timestamps_;
    AmountParser amounts_;
};

/// text without surrounding spaces, tabs and line breaks.
std::string trimmed(std::string_view text);

} // namespace clientele
