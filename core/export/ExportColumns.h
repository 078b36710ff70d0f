#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clientele {

/**
 * One column a marketer can put in an export: a profile attribute, an identifier, a
 * computed trait, a consent status, or a per-row campaign field (the discount code and the
 * offer text, which the export makes rather than reads).
 */
struct ExportColumn {
    enum class Type {
        Text, ///< from the workspace: neutralised against formulas
        Integer,
        Money, ///< two decimals
        Number, ///< shortest exact decimal
        Date, ///< a time in the workspace, written YYYY-MM-DD (UTC)
        Phone, ///< E.164 with its "+", kept as it is (see CsvWriter)
        Country, ///< ISO 3166-1 alpha-2 code
        DateTime, ///< a time, written YYYY-MM-DDTHH:MM:SSZ (UTC)
        DiscountCode, ///< campaign field: one new code per row
        Offer ///< campaign field: the same offer text on every row
    };

    std::string name; ///< stable key for --columns and manifests: "first_name"
    std::string label; ///< header in a generic CSV and in the UI: "First name"
    Type type = Type::Text;
    /// What the exporter selects; empty for campaign fields. Aliases: p = profiles,
    /// t = profile_traits, ce/cs/cp = the email/sms/push consents rows.
    std::string sql;
    /// A field of a journey's outbox message (alias a = the outbox row): only for an
    /// outbox audience.
    bool fromOutbox = false;
};

/** Every column an export can have, in the order the UI offers them. */
namespace ExportColumns {

const std::vector<ExportColumn> &all();
/// The column called name, or nullptr.
const ExportColumn *find(std::string_view name);

} // namespace ExportColumns

} // namespace clientele
