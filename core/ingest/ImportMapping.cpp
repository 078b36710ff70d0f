#include "ImportMapping.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <utility>

namespace clientele {

namespace {

constexpr std::array<std::pair<FieldTarget, const char *>, 22> kTargetNames { {
    { FieldTarget::Ignore, "ignore" },
    { FieldTarget::Timestamp, "timestamp" },
    { FieldTarget::EventType, "event_type" },
    { FieldTarget::EventId, "event_id" },
    { FieldTarget::Identity, "identity" },
    { FieldTarget::Channel, "channel" },
    { FieldTarget::ProductSku, "product_sku" },
    { FieldTarget::ProductName, "product_name" },
    { FieldTarget::Category, "category" },
    { FieldTarget::Brand, "brand" },
    { FieldTarget::OrderId, "order_id" },
    { FieldTarget::CartId, "cart_id" },
    { FieldTarget::Value, "value" },
    { FieldTarget::Price, "price" },
    { FieldTarget::Quantity, "quantity" },
    { FieldTarget::Currency, "currency" },
    { FieldTarget::FirstName, "first_name" },
    { FieldTarget::LastName, "last_name" },
    { FieldTarget::Country, "country" },
    { FieldTarget::City, "city" },
    { FieldTarget::Property, "property" },
    { FieldTarget::Consent, "consent" },
} };

/// The channels the consents table knows.
constexpr std::array<const char *, 3> kConsentChannels { "email", "sms", "push" };

bool isConsentChannel(const std::string &channel)
{
    return std::any_of(kConsentChannels.begin(), kConsentChannels.end(),
        [&channel](const char *known) { return channel == known; });
}

bool maps(const std::vector<ColumnMapping> &columns, FieldTarget target)
{
    return std::any_of(columns.begin(), columns.end(),
        [target](const ColumnMapping &c) { return c.target == target; });
}

} // namespace

std::string ImportMapping::targetName(FieldTarget target)
{
    for (const auto &[value, name] : kTargetNames)
        if (value == target)
            return name;
    return "ignore";
}

std::optional<FieldTarget> ImportMapping::targetFromName(const std::string &name)
{
    for (const auto &[value, known] : kTargetNames)
        if (name == known)
            return value;
    return std::nullopt;
}

std::vector<std::string> ImportMapping::problems(const std::vector<std::string> &header) const
{
    std::vector<std::string> found;
    for (const ColumnMapping &column : columns) {
        if (std::find(header.begin(), header.end(), column.column) == header.end())
            found.push_back(
                "The mapping uses a column '" + column.column + "' that the file does not have.");
        if ((column.target == FieldTarget::Identity || column.target == FieldTarget::Property)
            && column.detail.empty())
            found.push_back("Column '" + column.column + "' needs a name for its "
                + targetName(column.target) + ".");
        if (column.target == FieldTarget::Consent && !isConsentChannel(column.detail))
            found.push_back("Column '" + column.column
                + "' is a consent: say for which channel (email, sms or push).");
    }
    if (!maps(columns, FieldTarget::Timestamp) && !snapshot)
        found.emplace_back("Choose the column that says when each event happened.");
    if (!maps(columns, FieldTarget::EventType) && fixedEventType.empty())
        found.emplace_back(
            "Choose the column with the event type, or one event type for the whole file.");
    if (!maps(columns, FieldTarget::Identity))
        found.emplace_back("Choose at least one column that identifies the shopper "
                           "(email, phone, customer id, device id or loyalty card).");
    return found;
}

nlohmann::json ImportMapping::toJson() const
{
    nlohmann::json mapped = nlohmann::json::array();
    for (const ColumnMapping &column : columns) {
        nlohmann::json entry { { "column", column.column },
            { "target", targetName(column.target) } };
        if (!column.detail.empty())
            entry["detail"] = column.detail;
        mapped.push_back(std::move(entry));
    }
    return {
        { "version", kVersion },
        { "columns", mapped },
        { "event_type", fixedEventType },
        { "channel", fixedChannel },
        { "timezone", timezone },
        { "country", country },
        { "decimal", decimal },
        { "date_order", dateOrder },
        { "line_items", lineItems },
        { "order_total_on_first_line", orderTotalOnFirstLine },
        { "snapshot", snapshot },
        { "consent_source", consentSource },
    };
}

ImportMapping ImportMapping::fromJson(const nlohmann::json &document)
{
    if (!document.is_object())
        throw std::invalid_argument("A mapping must be a JSON object.");
    const int version = document.value("version", 0);
    if (version < 1 || version > kVersion)
        throw std::invalid_argument("This mapping has format version " + std::to_string(version)
            + "; this Clientele reads version " + std::to_string(kVersion) + ".");
    ImportMapping mapping;
    const auto columns = document.find("columns");
    if (columns == document.end() || !columns->is_array())
        throw std::invalid_argument("A mapping needs a \"columns\" list.");
    for (const auto &entry : *columns) {
        if (!entry.is_object() || !entry.contains("column") || !entry["column"].is_string())
            throw std::invalid_argument("Each mapped column needs a \"column\" name.");
        const std::string targetText = entry.value("target", std::string("ignore"));
        const auto target = targetFromName(targetText);
        if (!target)
            throw std::invalid_argument("Column '" + entry["column"].get<std::string>()
                + "' is mapped to '" + targetText + "', which Clientele does not know.");
        mapping.columns.push_back(
            { entry["column"].get<std::string>(), *target, entry.value("detail", std::string()) });
    }
    mapping.fixedEventType = toEventTypeKey(document.value("event_type", std::string()));
    mapping.fixedChannel = document.value("channel", mapping.fixedChannel);
    mapping.timezone = document.value("timezone", mapping.timezone);
    mapping.country = document.value("country", mapping.country);
    mapping.decimal = document.value("decimal", mapping.decimal);
    mapping.dateOrder = document.value("date_order", mapping.dateOrder);
    mapping.lineItems = document.value("line_items", mapping.lineItems);
    mapping.orderTotalOnFirstLine
        = document.value("order_total_on_first_line", mapping.orderTotalOnFirstLine);
    mapping.snapshot = document.value("snapshot", mapping.snapshot);
    mapping.consentSource = document.value("consent_source", mapping.consentSource);
    return mapping;
}

std::string toEventTypeKey(const std::string &text)
{
    std::string key;
    key.reserve(text.size() + 4);
    bool pendingSeparator = false;
    char previous = 0;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            // camelCase boundary: "orderCompleted" → "order_completed"
            if (std::isupper(u) && std::islower(static_cast<unsigned char>(previous)))
                pendingSeparator = true;
            if (pendingSeparator && !key.empty())
                key += '_';
            pendingSeparator = false;
            key += static_cast<char>(std::tolower(u));
        } else {
            pendingSeparator = true;
        }
        previous = c;
    }
    return key;
}

} // namespace clientele
