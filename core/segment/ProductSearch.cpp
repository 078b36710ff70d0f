#include "ProductSearch.h"

#include "store/Database.h"

#include <algorithm>

namespace clientele {

namespace {

constexpr const char *kColumns
    = "SELECT id, sku, name, category, coalesce(brand, ''), price, currency FROM products ";

ProductMatch readMatch(const Statement &row)
{
    ProductMatch match;
    match.id = row.columnInt(0);
    match.sku = row.columnText(1);
    match.name = row.columnText(2);
    match.category = row.columnText(3);
    match.brand = row.columnText(4);
    match.price = row.columnDouble(5);
    match.currency = row.columnText(6);
    return match;
}

} // namespace

std::vector<ProductMatch> ProductSearch::find(Database &db, std::string_view text, int limit)
{
    auto query = db.prepare(std::string(kColumns)
        + "WHERE ?1 = '' OR instr(clientele_fold(name), clientele_fold(?1)) > 0 "
          "OR instr(clientele_fold(sku), clientele_fold(?1)) > 0 "
          "ORDER BY clientele_fold(sku) = clientele_fold(?1) DESC, "
          "instr(clientele_fold(name), clientele_fold(?1)) = 1 "
          "OR instr(clientele_fold(sku), clientele_fold(?1)) = 1 DESC, name, sku LIMIT ?2");
    query.bind(1, std::string(text)).bind(2, static_cast<std::int64_t>(std::max(0, limit)));
    std::vector<ProductMatch> matches;
    while (query.step())
        matches.push_back(readMatch(query));
    return matches;
}

std::optional<ProductMatch> ProductSearch::bySku(Database &db, const std::string &sku)
{
    auto query = db.prepare(std::string(kColumns) + "WHERE sku = ?1");
    query.bind(1, sku);
    if (!query.step())
        return std::nullopt;
    return readMatch(query);
}

std::optional<ProductMatch> ProductSearch::byId(Database &db, std::int64_t id)
{
    auto query = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return readMatch(query);
}

} // namespace clientele
