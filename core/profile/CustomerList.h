#pragma once

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace clientele {

class Database;

/// One shopper as the customer list shows it: a few columns of profile_traits.
struct CustomerRow {
    std::int64_t profileId = 0;
    std::string name;
    std::string email;
    std::string phone;
    std::string customerId;
    std::string country;
    std::string city;
    std::int64_t orders = 0;
    double revenue = 0.0;
    std::optional<Millis> lastOrder;
    std::optional<Millis> lastSeen;
    std::string rfmGroup; ///< key, empty for non-buyers
    double cartValue = 0.0;
    std::int64_t cartItems = 0;
    std::string loyaltyTier;
    std::string emailConsent;
};

/// The orders the list can be sorted in: each follows an index of profile_traits.
enum class CustomerSort {
    ProfileId, ///< the order profiles were created in
    Revenue,
    Orders,
    LastOrder,
    LastSeen,
    RfmGroup, ///< by group key, then revenue
    LoyaltyTier,
    EmailConsent,
    CartAbandonedSince,
};

/// Where a page ended; the next page starts after it. Opaque to callers.
struct CustomerListCursor {
    bool inNulls = false; ///< past the rows with a value, in the rows without one
    bool rangeStart = false; ///< at the start of that range, before its first row
    std::variant<std::monostate, std::int64_t, double, std::string> value;
    double secondary = 0.0;
    std::int64_t profileId = 0;
};

struct CustomerListQuery {
    CustomerSort sort = CustomerSort::Revenue;
    bool descending = true;
    int limit = 200;
    std::optional<CustomerListCursor> after; ///< nullopt: the first page
};

struct CustomerListPage {
    std::vector<CustomerRow> rows;
    std::optional<CustomerListCursor> next; ///< nullopt when there are no more rows
};

/**
 * The customer list over profile_traits, read page by page with keyset pagination on
 * (sort column, profile_id), so the millionth row costs what the first does and nothing
 * is ever read whole. Every sort follows an index; the rows without a value (no order
 * yet) come last when descending and first when ascending, as SQLite orders NULL, read
 * as a second range of the same index.
 */
class CustomerList {
public:
    /// One page of the list.
    static CustomerListPage page(Database &db, const CustomerListQuery &query);

    /// How many shoppers the list holds (one profile_traits row each).
    static std::int64_t count(Database &db);

    /// The rows of these profiles, in the given order (for search results); profiles
    /// without traits are left out.
    static std::vector<CustomerRow> rows(Database &db, const std::vector<std::int64_t> &ids);

    /// The statements page() runs for a sort, for EXPLAIN QUERY PLAN in tests.
    static std::vector<std::string> statements(CustomerSort sort, bool descending);
};

/// What the timeline and the profile page say about a product.
struct ProductSummary {
    std::int64_t id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::string brand;
};

/// Products by id (unknown ids are left out); one primary-key lookup each.
std::unordered_map<std::int64_t, ProductSummary> loadProducts(
    Database &db, const std::vector<std::int64_t> &ids);
/// Products by SKU (the profile's last viewed products); unknown SKUs are left out.
std::unordered_map<std::string, ProductSummary> loadProductsBySku(
    Database &db, const std::vector<std::string> &skus);

} // namespace clientele
