#include "ShopifyPresets.h"

#include "RowMapper.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <tuple>

namespace clientele {

namespace {

constexpr const char *kShopifySource = "shopify";

bool has(const std::vector<std::string> &header, std::string_view column)
{
    return std::find(header.begin(), header.end(), column) != header.end();
}

bool hasAll(const std::vector<std::string> &header, std::initializer_list<std::string_view> columns)
{
    return std::all_of(columns.begin(), columns.end(),
        [&header](std::string_view column) { return has(header, column); });
}

/// Adds a column's mapping when the file has the column: Shopify's exports differ by
/// vintage, and a mapping may only name the columns a file has.
class MappingBuilder {
public:
    MappingBuilder(ImportMapping &mapping, const std::vector<std::string> &header)
        : mapping_(mapping)
        , header_(header)
    {
    }

    /// Maps the first of the columns (alternative spellings) that the file has.
    void map(std::initializer_list<std::string_view> columns, FieldTarget target,
        std::string detail = {})
    {
        for (std::string_view column : columns) {
            if (has(header_, column)) {
                mapping_.columns.push_back({ std::string(column), target, std::move(detail) });
                return;
            }
        }
    }

private:
    ImportMapping &mapping_;
    const std::vector<std::string> &header_;
};

/// The phone of the first column that has one, when the mapped Phone column gave none.
void addFallbackPhone(const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper,
    std::string_view column)
{
    const bool hasPhone = std::any_of(row.identifiers.begin(), row.identifiers.end(),
        [](const Identifier &identifier) { return identifier.kind == IdentityKind::Phone; });
    if (hasPhone)
        return;
    if (const std::string phone = mapper.cell(fields, column); !phone.empty())
        mapper.addIdentifier(IdentityKind::Phone, phone, row);
}

} // namespace

std::pair<std::string, std::string> splitFullName(std::string_view name)
{
    const std::string full = trimmed(name);
    const auto space = full.find_last_of(' ');
    if (space == std::string::npos)
        return { full, {} };
    return { trimmed(std::string_view(full).substr(0, space)), full.substr(space + 1) };
}

bool ShopifyOrdersPreset::matches(const std::vector<std::string> &header) const
{
    return hasAll(header, { "Name", "Email", "Lineitem name", "Lineitem quantity", "Created at" });
}

ImportMapping ShopifyOrdersPreset::mapping(const std::vector<std::string> &header) const
{
    ImportMapping mapping;
    MappingBuilder columns(mapping, header);
    columns.map({ "Name" }, FieldTarget::OrderId);
    columns.map({ "Created at" }, FieldTarget::Timestamp);
    columns.map({ "Email" }, FieldTarget::Identity, IdentityKind::Email);
    columns.map({ "Phone" }, FieldTarget::Identity, IdentityKind::Phone);
    columns.map({ "Total" }, FieldTarget::Value);
    columns.map({ "Currency" }, FieldTarget::Currency);
    columns.map({ "Lineitem sku" }, FieldTarget::ProductSku);
    columns.map({ "Lineitem name" }, FieldTarget::ProductName);
    columns.map({ "Lineitem price" }, FieldTarget::Price);
    columns.map({ "Lineitem quantity" }, FieldTarget::Quantity);
    columns.map({ "Billing City" }, FieldTarget::City);
    columns.map({ "Billing Country" }, FieldTarget::Country);
    columns.map({ "Accepts Marketing" }, FieldTarget::Consent, "email");
    columns.map({ "Id" }, FieldTarget::Property, "shopify_order_id");
    columns.map({ "Financial Status" }, FieldTarget::Property, "financial_status");
    columns.map({ "Fulfillment Status" }, FieldTarget::Property, "fulfillment_status");
    columns.map({ "Discount Code" }, FieldTarget::Property, "discount_code");
    columns.map({ "Discount Amount" }, FieldTarget::Property, "discount_amount");
    columns.map({ "Shipping Method" }, FieldTarget::Property, "shipping_method");
    columns.map({ "Payment Method" }, FieldTarget::Property, "payment_method");
    columns.map({ "Source" }, FieldTarget::Property, "source");
    columns.map({ "Tags" }, FieldTarget::Property, "tags");
    mapping.fixedEventType = "order_completed";
    mapping.fixedChannel = "web";
    // Shopify writes every time with its offset (2025-10-07 09:50:26 +0200); one without
    // is rejected with a reason rather than guessed.
    mapping.timezone.clear();
    mapping.decimal = "point";
    mapping.lineItems = true;
    mapping.orderTotalOnFirstLine = true;
    mapping.consentSource = kShopifySource;
    return mapping;
}

std::string ShopifyOrdersPreset::adjust(
    const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const
{
    if (row.firstName.empty() && row.lastName.empty()) {
        if (const std::string name = mapper.cell(fields, "Billing Name"); !name.empty())
            std::tie(row.firstName, row.lastName) = splitFullName(name);
    }
    addFallbackPhone(fields, row, mapper, "Billing Phone");

    std::optional<Millis> cancelledAt;
    if (const std::string cell = mapper.cell(fields, "Cancelled at"); !cell.empty()) {
        const auto parsed = mapper.parseTimestamp(cell);
        if (!parsed)
            return "'Cancelled at': " + parsed.reason;
        cancelledAt = *parsed.value;
        row.impliedEvents.push_back({ "order_cancelled", *cancelledAt, std::nullopt });
    }
    if (const std::string cell = mapper.cell(fields, "Refunded Amount"); !cell.empty()) {
        const auto parsed = mapper.parseAmount(cell);
        if (!parsed)
            return "'Refunded Amount': " + parsed.reason;
        if (*parsed.value > 0)
            row.impliedEvents.push_back(
                { "order_refunded", cancelledAt.value_or(row.ts), *parsed.value });
    }
    return {};
}

bool ShopifyCustomersPreset::matches(const std::vector<std::string> &header) const
{
    return hasAll(header, { "First Name", "Last Name", "Email", "Total Spent", "Total Orders" })
        && (has(header, "Accepts Email Marketing") || has(header, "Accepts Marketing"));
}

ImportMapping ShopifyCustomersPreset::mapping(const std::vector<std::string> &header) const
{
    ImportMapping mapping;
    MappingBuilder columns(mapping, header);
    columns.map({ "Customer ID" }, FieldTarget::Identity, IdentityKind::CustomerId);
    columns.map({ "Email" }, FieldTarget::Identity, IdentityKind::Email);
    columns.map({ "Phone" }, FieldTarget::Identity, IdentityKind::Phone);
    columns.map({ "First Name" }, FieldTarget::FirstName);
    columns.map({ "Last Name" }, FieldTarget::LastName);
    columns.map({ "Default Address City", "City" }, FieldTarget::City);
    columns.map(
        { "Default Address Country Code", "Country Code", "Country" }, FieldTarget::Country);
    columns.map({ "Accepts Email Marketing", "Accepts Marketing" }, FieldTarget::Consent, "email");
    columns.map({ "Accepts SMS Marketing" }, FieldTarget::Consent, "sms");
    columns.map({ "Total Spent" }, FieldTarget::Property, "total_spent");
    columns.map({ "Total Orders" }, FieldTarget::Property, "total_orders");
    columns.map({ "Tags" }, FieldTarget::Property, "tags");
    mapping.fixedEventType = "identify";
    mapping.fixedChannel = "web";
    mapping.snapshot = true;
    mapping.decimal = "point";
    mapping.consentSource = kShopifySource;
    return mapping;
}

std::string ShopifyCustomersPreset::adjust(
    const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const
{
    addFallbackPhone(fields, row, mapper, "Default Address Phone");
    return {};
}

} // namespace clientele
