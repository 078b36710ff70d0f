#include "ImportMapping.h"

#include "identity/MergeRules.h"

#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
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

/// The name's letters and digits in lower case ("E-Mail Address" → "emailaddress"), the
/// key the guesses compare; invalid UTF-8 bytes are dropped.
std::string squashed(const std::string &name)
{
    std::string key;
    const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(name.data());
    utf8proc_ssize_t position = 0;
    const auto size = static_cast<utf8proc_ssize_t>(name.size());
    while (position < size) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t length
            = utf8proc_iterate(bytes + position, size - position, &codepoint);
        if (length <= 0) {
            ++position;
            continue;
        }
        position += length;
        const utf8proc_category_t category = utf8proc_category(codepoint);
        const bool letterOrNumber
            = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO)
            || (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (!letterOrNumber)
            continue;
        utf8proc_uint8_t encoded[4];
        const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(codepoint), encoded);
        key.append(reinterpret_cast<const char *>(encoded), static_cast<std::size_t>(written));
    }
    return key;
}

} // namespace

ColumnMapping ImportMapping::guessColumn(const std::string &column)
{
    const std::string key = squashed(column);
    const auto is = [&key](std::initializer_list<const char *> names) {
        return std::any_of(
            names.begin(), names.end(), [&key](const char *name) { return key == name; });
    };
    const auto as = [&column](FieldTarget target, std::string detail = {}) {
        return ColumnMapping { column, target, std::move(detail) };
    };
    if (is({ "email", "mail", "emailaddress", "useremail", "customeremail" }))
        return as(FieldTarget::Identity, IdentityKind::Email);
    if (is({ "phone", "mobile", "tel", "telephone", "phonenumber", "mobilephone", "cell" }))
        return as(FieldTarget::Identity, IdentityKind::Phone);
    if (is({ "customerid", "customer", "customerno", "customernumber", "userid", "clientid",
            "memberid" }))
        return as(FieldTarget::Identity, IdentityKind::CustomerId);
    if (is({ "anonymousid", "deviceid", "cookieid", "visitorid", "anonid" }))
        return as(FieldTarget::Identity, IdentityKind::AnonymousId);
    if (is({ "loyaltycard", "loyalty", "loyaltyid", "cardnumber", "loyaltycardnumber" }))
        return as(FieldTarget::Identity, IdentityKind::LoyaltyCard);
    if (is({ "timestamp", "date", "time", "datetime", "createdat", "occurredat", "eventtime",
            "eventdate", "orderdate", "ts", "when" }))
        return as(FieldTarget::Timestamp);
    if (is({ "event", "type", "eventtype", "eventname", "action" }))
        return as(FieldTarget::EventType);
    if (is({ "eventid", "id", "messageid", "rowid" }))
        return as(FieldTarget::EventId);
    if (is({ "channel", "source" }))
        return as(FieldTarget::Channel);
    if (is({ "sku", "productsku", "productid", "stockcode", "itemid", "articlenumber" }))
        return as(FieldTarget::ProductSku);
    if (is({ "productname", "product", "description", "itemname", "title" }))
        return as(FieldTarget::ProductName);
    if (is({ "category", "productcategory" }))
        return as(FieldTarget::Category);
    if (is({ "brand" }))
        return as(FieldTarget::Brand);
    if (is({ "orderid", "order", "ordernumber", "orderno", "invoice", "invoiceno" }))
        return as(FieldTarget::OrderId);
    if (is({ "cartid", "basketid", "cart" }))
        return as(FieldTarget::CartId);
    if (is({ "value", "amount", "total", "revenue", "ordertotal", "ordervalue" }))
        return as(FieldTarget::Value);
    if (is({ "price", "unitprice" }))
        return as(FieldTarget::Price);
    if (is({ "quantity", "qty" }))
        return as(FieldTarget::Quantity);
    if (is({ "currency" }))
        return as(FieldTarget::Currency);
    if (is({ "firstname", "givenname" }))
        return as(FieldTarget::FirstName);
    if (is({ "lastname", "surname", "familyname" }))
        return as(FieldTarget::LastName);
    if (is({ "country", "countrycode" }))
        return as(FieldTarget::Country);
    if (is({ "city", "town" }))
        return as(FieldTarget::City);
    if (is({ "acceptsemailmarketing", "acceptsmarketing", "emailconsent", "emailoptin",
            "newsletter", "marketingconsent", "subscribed" }))
        return as(FieldTarget::Consent, "email");
    if (is({ "acceptssmsmarketing", "smsconsent", "smsoptin" }))
        return as(FieldTarget::Consent, "sms");
    if (is({ "pushconsent", "pushoptin", "acceptspush" }))
        return as(FieldTarget::Consent, "push");
    return as(FieldTarget::Ignore);
}

ImportMapping ImportMapping::guessFromHeader(const std::vector<std::string> &header)
{
    ImportMapping mapping;
    mapping.columns.reserve(header.size());
    for (const std::string &column : header)
        mapping.columns.push_back(guessColumn(column));
    return mapping;
}

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
