#include "ImportPreset.h"

#include "RowMapper.h"
#include "ShopifyPresets.h"

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

const std::vector<std::string> kOnlineRetailHeader { "InvoiceNo", "StockCode", "Description",
    "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country" };

/// "17850.0" → "17850": spreadsheets write integer ids as floats.
std::string withoutFloatSuffix(const std::string &id)
{
    const auto dot = id.find('.');
    if (dot == std::string::npos || dot == 0)
        return id;
    const bool zeros = std::all_of(id.begin() + static_cast<std::ptrdiff_t>(dot) + 1, id.end(),
        [](char c) { return c == '0'; });
    const bool digits = std::all_of(id.begin(), id.begin() + static_cast<std::ptrdiff_t>(dot),
        [](char c) { return c >= '0' && c <= '9'; });
    return zeros && digits ? id.substr(0, dot) : id;
}

} // namespace

std::string ImportPreset::adjust(const std::vector<std::string> &, MappedRow &, RowMapper &) const
{
    return {};
}

const std::vector<std::unique_ptr<ImportPreset>> &ImportPreset::all()
{
    static const std::vector<std::unique_ptr<ImportPreset>> presets = [] {
        std::vector<std::unique_ptr<ImportPreset>> list;
        list.push_back(std::make_unique<OnlineRetailPreset>());
        list.push_back(std::make_unique<ShopifyOrdersPreset>());
        list.push_back(std::make_unique<ShopifyCustomersPreset>());
        return list;
    }();
    return presets;
}

const ImportPreset *ImportPreset::find(const std::string &name)
{
    for (const auto &preset : all())
        if (preset->name() == name)
            return preset.get();
    return nullptr;
}

const ImportPreset *ImportPreset::detect(const std::vector<std::string> &header)
{
    for (const auto &preset : all())
        if (preset->matches(header))
            return preset.get();
    return nullptr;
}

bool OnlineRetailPreset::matches(const std::vector<std::string> &header) const
{
    return header == kOnlineRetailHeader;
}

ImportMapping OnlineRetailPreset::mapping(const std::vector<std::string> &) const
{
    ImportMapping mapping;
    mapping.columns = {
        { "InvoiceNo", FieldTarget::OrderId, {} },
        { "StockCode", FieldTarget::ProductSku, {} },
        { "Description", FieldTarget::ProductName, {} },
        { "Quantity", FieldTarget::Quantity, {} },
        { "InvoiceDate", FieldTarget::Timestamp, {} },
        { "UnitPrice", FieldTarget::Price, {} },
        { "CustomerID", FieldTarget::Identity, "customer_id" },
        { "Country", FieldTarget::Country, {} },
    };
    mapping.fixedEventType = "order_completed";
    mapping.fixedChannel = "web";
    mapping.timezone = "Europe/London";
    mapping.dateOrder = "MDY";
    mapping.decimal = "point";
    mapping.lineItems = true;
    return mapping;
}

std::string OnlineRetailPreset::adjust(
    const std::vector<std::string> &, MappedRow &row, RowMapper &) const
{
    if (!row.orderId.empty() && row.orderId.front() == 'A')
        return "invoice " + row.orderId + " is an accounting adjustment, not a purchase";
    if (!row.orderId.empty() && row.orderId.front() == 'C') {
        row.type = "order_refunded";
        if (row.quantity)
            row.quantity = std::abs(*row.quantity);
    }
    for (Identifier &identifier : row.identifiers)
        if (identifier.kind == "customer_id")
            identifier.value = withoutFloatSuffix(identifier.value);
    if (row.identifiers.empty() && row.identifierProblems.empty() && !row.orderId.empty())
        row.identifiers.push_back({ "anonymous_id", "guest-order:" + row.orderId });
    // A refund is money going back: its value is positive, its type says the direction.
    if (row.price)
        row.price = std::abs(*row.price);
    return {};
}

} // namespace clientele
