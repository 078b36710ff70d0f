#include "CustomerList.h"

#include "store/Database.h"

#include <algorithm>
#include <unordered_map>

namespace clientele {

namespace {

enum class ValueType { Integer, Real, Text };

/// How one sort reads profile_traits: its indexed column, whether that can be NULL, and
/// the second column of a two-column index (rfm_group, revenue).
struct SortSpec {
    const char *column;
    ValueType type;
    bool nullable;
    const char *secondary; ///< NOT NULL REAL column, or nullptr
};

SortSpec specOf(CustomerSort sort)
{
    switch (sort) {
    case CustomerSort::ProfileId:
        return { "profile_id", ValueType::Integer, false, nullptr };
    case CustomerSort::Revenue:
        return { "revenue", ValueType::Real, false, nullptr };
    case CustomerSort::Orders:
        return { "orders", ValueType::Integer, false, nullptr };
    case CustomerSort::LastOrder:
        return { "last_order", ValueType::Integer, true, nullptr };
    case CustomerSort::LastSeen:
        return { "last_seen", ValueType::Integer, true, nullptr };
    case CustomerSort::RfmGroup:
        return { "rfm_group", ValueType::Text, true, "revenue" };
    case CustomerSort::LoyaltyTier:
        return { "loyalty_tier", ValueType::Text, true, nullptr };
    case CustomerSort::EmailConsent:
        return { "email_consent", ValueType::Text, true, nullptr };
    case CustomerSort::CartAbandonedSince:
        return { "cart_abandoned_since", ValueType::Integer, true, nullptr };
    }
    return { "profile_id", ValueType::Integer, false, nullptr };
}

constexpr const char *kSelect
    = "SELECT profile_id, name, email, phone, customer_id, country, city, orders, revenue, "
      "last_order, last_seen, rfm_group, cart_value, cart_items, loyalty_tier, email_consent";
constexpr int kSelectColumns = 16;

CustomerRow readRow(const Statement &row)
{
    CustomerRow out;
    out.profileId = row.columnInt(0);
    out.name = row.columnText(1);
    out.email = row.columnText(2);
    out.phone = row.columnText(3);
    out.customerId = row.columnText(4);
    out.country = row.columnText(5);
    out.city = row.columnText(6);
    out.orders = row.columnInt(7);
    out.revenue = row.columnDouble(8);
    if (!row.isNull(9))
        out.lastOrder = row.columnInt(9);
    if (!row.isNull(10))
        out.lastSeen = row.columnInt(10);
    out.rfmGroup = row.columnText(11);
    out.cartValue = row.columnDouble(12);
    out.cartItems = row.columnInt(13);
    out.loyaltyTier = row.columnText(14);
    out.emailConsent = row.columnText(15);
    return out;
}

/// The two ranges of a sort: rows with a value of the sort column, rows without one.
enum class Range { Values, Nulls };

/// The SQL of one range. With a cursor, rows strictly after it; the key columns are
/// selected after the display columns.
std::string rangeSql(const SortSpec &spec, bool descending, Range range, bool after)
{
    const char *direction = descending ? " DESC" : "";
    const char *op = descending ? " < " : " > ";
    std::string sql = kSelect;
    sql += ", ";
    sql += spec.column;
    sql += spec.secondary ? std::string(", ") + spec.secondary : std::string(", 0");
    sql += " FROM profile_traits WHERE ";
    std::string order;
    if (range == Range::Values) {
        std::string keys = spec.column;
        std::string params = "?1";
        if (spec.secondary) {
            keys += std::string(", ") + spec.secondary;
            params += ", ?2";
        }
        if (spec.column != std::string_view("profile_id")) {
            keys += ", profile_id";
            params += ", ?3";
        }
        if (after)
            sql += "(" + keys + ")" + op + "(" + params + ")";
        else if (spec.nullable)
            sql += std::string(spec.column) + " IS NOT NULL";
        else
            sql += "1";
        order = std::string(spec.column) + direction;
        if (spec.secondary)
            order += std::string(", ") + spec.secondary + direction;
    } else {
        sql += std::string(spec.column) + " IS NULL";
        if (after) {
            if (spec.secondary)
                sql += std::string(" AND (") + spec.secondary + ", profile_id)" + op + "(?2, ?3)";
            else
                sql += std::string(" AND profile_id") + op + "?3";
        }
        if (spec.secondary)
            order = std::string(spec.secondary) + direction;
    }
    if (spec.column != std::string_view("profile_id")) {
        if (!order.empty())
            order += ", ";
        order += std::string("profile_id") + direction;
    }
    sql += " ORDER BY " + order + " LIMIT ?4";
    return sql;
}

void bindCursor(Statement &statement, const SortSpec &spec, const CustomerListCursor &cursor)
{
    if (spec.column == std::string_view("profile_id")) {
        statement.bind(1, cursor.profileId);
        return;
    }
    std::visit(
        [&](const auto &value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                statement.bindNull(1);
            else
                statement.bind(1, value);
        },
        cursor.value);
    statement.bind(2, cursor.secondary);
    statement.bind(3, cursor.profileId);
}

CustomerListCursor cursorOf(const Statement &row, const SortSpec &spec, Range range)
{
    CustomerListCursor cursor;
    cursor.inNulls = range == Range::Nulls;
    cursor.profileId = row.columnInt(0);
    if (range == Range::Values) {
        switch (spec.type) {
        case ValueType::Integer:
            cursor.value = row.columnInt(kSelectColumns);
            break;
        case ValueType::Real:
            cursor.value = row.columnDouble(kSelectColumns);
            break;
        case ValueType::Text:
            cursor.value = row.columnText(kSelectColumns);
            break;
        }
    }
    cursor.secondary = row.columnDouble(kSelectColumns + 1);
    return cursor;
}

} // namespace

CustomerListPage CustomerList::page(Database &db, const CustomerListQuery &query)
{
    const SortSpec spec = specOf(query.sort);
    // Descending, NULL sorts last; ascending, first (SQLite's order of NULL).
    std::vector<Range> ranges { Range::Values };
    if (spec.nullable)
        ranges = query.descending ? std::vector { Range::Values, Range::Nulls }
                                  : std::vector { Range::Nulls, Range::Values };
    std::size_t first = 0;
    if (query.after) {
        const Range at = query.after->inNulls ? Range::Nulls : Range::Values;
        first = static_cast<std::size_t>(
            std::find(ranges.begin(), ranges.end(), at) - ranges.begin());
    }

    CustomerListPage page;
    const int limit = std::max(1, query.limit);
    for (std::size_t i = first; i < ranges.size(); ++i) {
        const bool continuing = query.after && i == first && !query.after->rangeStart;
        const int wanted = limit - static_cast<int>(page.rows.size());
        auto statement = db.prepare(rangeSql(spec, query.descending, ranges[i], continuing));
        if (continuing)
            bindCursor(statement, spec, *query.after);
        // One row more than wanted tells whether the list goes on. A full page still asks
        // the next range for one row, so "more" is never a guess.
        statement.bind(4, wanted + 1);
        CustomerListCursor lastKept;
        if (continuing) {
            lastKept = *query.after;
        } else {
            lastKept.inNulls = ranges[i] == Range::Nulls;
            lastKept.rangeStart = true;
        }
        int read = 0;
        while (statement.step()) {
            if (read == wanted) {
                page.next = lastKept;
                return page;
            }
            page.rows.push_back(readRow(statement));
            lastKept = cursorOf(statement, spec, ranges[i]);
            ++read;
        }
    }
    return page;
}

std::int64_t CustomerList::count(Database &db)
{
    return db.queryInt("SELECT count(*) FROM profile_traits");
}

std::vector<CustomerRow> CustomerList::rows(Database &db, const std::vector<std::int64_t> &ids)
{
    auto statement
        = db.prepare(std::string(kSelect) + " FROM profile_traits WHERE profile_id = ?1");
    std::vector<CustomerRow> out;
    out.reserve(ids.size());
    for (const std::int64_t id : ids) {
        statement.reset();
        statement.bind(1, id);
        if (statement.step())
            out.push_back(readRow(statement));
    }
    return out;
}

std::vector<std::string> CustomerList::statements(CustomerSort sort, bool descending)
{
    const SortSpec spec = specOf(sort);
    std::vector<std::string> out;
    for (const bool after : { false, true }) {
        out.push_back(rangeSql(spec, descending, Range::Values, after));
        if (spec.nullable)
            out.push_back(rangeSql(spec, descending, Range::Nulls, after));
    }
    return out;
}

std::unordered_map<std::int64_t, ProductSummary> loadProducts(
    Database &db, const std::vector<std::int64_t> &ids)
{
    std::unordered_map<std::int64_t, ProductSummary> out;
    auto statement
        = db.prepare("SELECT id, sku, name, category, brand FROM products WHERE id = ?1");
    for (const std::int64_t id : ids) {
        if (out.contains(id))
            continue;
        statement.reset();
        statement.bind(1, id);
        if (statement.step())
            out.emplace(id,
                ProductSummary { statement.columnInt(0), statement.columnText(1),
                    statement.columnText(2), statement.columnText(3), statement.columnText(4) });
    }
    return out;
}

std::unordered_map<std::string, ProductSummary> loadProductsBySku(
    Database &db, const std::vector<std::string> &skus)
{
    std::unordered_map<std::string, ProductSummary> out;
    auto statement
        = db.prepare("SELECT id, sku, name, category, brand FROM products WHERE sku = ?1");
    for (const std::string &sku : skus) {
        if (out.contains(sku))
            continue;
        statement.reset();
        statement.bind(1, sku);
        if (statement.step())
            out.emplace(sku,
                ProductSummary { statement.columnInt(0), statement.columnText(1),
                    statement.columnText(2), statement.columnText(3), statement.columnText(4) });
    }
    return out;
}

} // namespace clientele
