#pragma once

#include "ImportPreset.h"

#include <string>
#include <string_view>
#include <utility>

namespace clientele {

/**
 * Shopify's orders export (Admin › Orders › Export): one row per line item, grouped by the
 * order's Name (`#1001`). Order-level cells (Total, Currency, Billing …, Accepts Marketing,
 * Cancelled at, Refunded Amount) are on the order's first row only; later rows may also
 * leave Email and Created at empty and take them from it.
 *
 * Each order becomes one `order_completed` event at Created at, channel web, order id = Name,
 * value = Total (not the sum of the line prices: Total includes shipping, taxes and
 * discounts), currency = Currency, the lines in props.products. The shopper is Email and
 * Phone (Billing Phone when Phone is empty); Billing Name gives the first and last name
 * (split at the last space: "Ana María López" → "Ana María" / "López"), Billing City and
 * Billing Country the place. Accepts Marketing yes/no is the email consent at Created at.
 *
 * A cancelled order keeps its `order_completed` event and gets an `order_cancelled` event
 * at Cancelled at (no value). A Refunded Amount above zero adds an `order_refunded` event
 * with that value, at Cancelled at when the order was cancelled, else at Created at: the
 * export does not say when money went back. A later export of the same orders adds the
 * cancellations and refunds that happened since, and updates a refund's amount.
 */
class ShopifyOrdersPreset : public ImportPreset {
public:
    std::string name() const override { return "shopify-orders"; }
    bool matches(const std::vector<std::string> &header) const override;
    ImportMapping mapping(const std::vector<std::string> &header) const override;
    std::string adjust(
        const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const override;
};

/**
 * Shopify's customers export (Admin › Customers › Export), in its current form (Customer
 * ID, Accepts Email Marketing, Accepts SMS Marketing, Default Address …) and its older one
 * (Accepts Marketing, Address1, City, Country Code …).
 *
 * Each row is an `identify` event ("who this shopper is"), channel web: customer_id
 * (Customer ID), email and phone (Phone, else Default Address Phone) identify the shopper;
 * first and last name, city and country code become profile attributes; Accepts Email
 * Marketing (or Accepts Marketing) and Accepts SMS Marketing the email and sms consents.
 * The file has no dates: it is a snapshot of the shop as it was exported, so events and
 * consents are dated at the import's snapshot time (ImportRequest::snapshotTime, by
 * default the import's start), and an event's key is its row's content, so importing the
 * same file again adds nothing.
 */
class ShopifyCustomersPreset : public ImportPreset {
public:
    std::string name() const override { return "shopify-customers"; }
    bool matches(const std::vector<std::string> &header) const override;
    ImportMapping mapping(const std::vector<std::string> &header) const override;
    std::string adjust(
        const std::vector<std::string> &fields, MappedRow &row, RowMapper &mapper) const override;
};

/// "Ana María López" → {"Ana María", "López"}: a full name split at its last space, the
/// way Shopify's single name fields are read; one word is a first name only. Wrong for
/// family names with a space ("van Dijk"), which no single-field name can tell apart.
std::pair<std::string, std::string> splitFullName(std::string_view name);

} // namespace clientele
