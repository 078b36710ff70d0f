#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace clientele {

/// What one column of an imported file means.
enum class FieldTarget {
    Ignore,
    Timestamp, ///< when it happened (required)
    EventType, ///< "Order Completed", "product_viewed" … (or a fixed type for the file)
    EventId, ///< the source's own id of the row; re-imports are recognised by it
    Identity, ///< an identifier; detail = its kind (email, phone, customer_id …)
    Channel, ///< web, app, pos, email, support, loyalty
    ProductSku,
    ProductName,
    Category,
    Brand,
    OrderId,
    CartId,
    Value, ///< money: order total, line amount
    Price, ///< unit price; value = price × quantity when no Value column is mapped
    Quantity,
    Currency,
    FirstName,
    LastName,
    Country,
    City,
    Property, ///< kept in the event's JSON properties; detail = the property name
    /// Marketing permission (yes/no, true/false, 1/0, granted/denied/unsubscribed …);
    /// detail = the channel (email, sms or push). Written to the profile's consents.
    Consent
};

/// One column's meaning; detail carries the identity kind, the property name or the
/// consent channel.
struct ColumnMapping {
    std::string column;
    FieldTarget target = FieldTarget::Ignore;
    std::string detail;
};

/**
 * How the columns of a generic events file become events: saved as JSON (with a version)
 * so that a mapping made in the wizard can be reused by the CLI and by scheduled jobs.
 */
struct ImportMapping {
    static constexpr int kVersion = 1;

    std::vector<ColumnMapping> columns;
    /// The event type of every row when no column says it (e.g. "order_completed").
    std::string fixedEventType;
    /// The channel of every row when no column says it.
    std::string fixedChannel = "web";
    /// IANA zone for timestamps without an offset.
    std::string timezone = "UTC";
    /// Region for phone numbers written without a country code (ISO 3166 alpha-2).
    std::string country = "DE";
    /// "auto", "point" or "comma".
    std::string decimal = "auto";
    /// "DMY" or "MDY" for ambiguous dates such as 03/04/2025.
    std::string dateOrder = "DMY";
    /// One row per order line (Shopify orders, UCI Online Retail): consecutive rows with
    /// the same order id become one order event whose products are the lines.
    bool lineItems = false;
    /// With lineItems: the value column is the order's total, written on the order's first
    /// line only (Shopify), so the order's value is that total, not the sum of its lines.
    bool orderTotalOnFirstLine = false;
    /// The file is a snapshot without dates (a customer list): every row is dated at the
    /// import's snapshot time (ImportRequest::snapshotTime) and needs no timestamp column.
    bool snapshot = false;
    /// Where consents of this file come from, as the consents table records it ("shopify");
    /// empty means the file's name.
    std::string consentSource;

    /// What is missing for an import to work, one sentence each; empty when it is usable.
    std::vector<std::string> problems(const std::vector<std::string> &header) const;

    nlohmann::json toJson() const;
    /// Throws std::invalid_argument with a readable message for a malformed document.
    static ImportMapping fromJson(const nlohmann::json &document);

    /**
     * What a column's name suggests, as the import wizard proposes it and
     * `clientele import --guess-mapping` uses it: the name is compared case-insensitively
     * with its punctuation and spaces dropped against known names ("E-Mail" and "email"
     * → an email identity, "Order Date" → the timestamp, "Accepts Email Marketing" →
     * email consent); anything else is ignored.
     */
    static ColumnMapping guessColumn(const std::string &column);
    /// A mapping with every header column's guess (guessColumn) and the default settings.
    static ImportMapping guessFromHeader(const std::vector<std::string> &header);

    static std::string targetName(FieldTarget target);
    static std::optional<FieldTarget> targetFromName(const std::string &name);
};

/// "Order Completed", "order-completed", "orderCompleted" → "order_completed".
std::string toEventTypeKey(const std::string &text);

} // namespace clientele
