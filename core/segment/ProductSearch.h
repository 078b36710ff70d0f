#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class Database;

/// A product of the catalogue (table products) as a picker shows it.
struct ProductMatch {
    std::int64_t id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::string brand;
    double price = 0.0;
    std::string currency;
};

/**
 * Finds catalogue products for the segment builder's product picker: by a part of the
 * name or of the SKU, compared folded like segment text conditions (clientele_fold), so
 * "munchen" finds "MÜNCHEN Tee". A catalogue holds hundreds to a few thousand products;
 * the search reads the table once per call.
 */
class ProductSearch {
public:
    /// Products whose name or SKU contains text (all for an empty text), best first: an
    /// exact SKU, then names and SKUs that start with the text, then by name. At most limit.
    static std::vector<ProductMatch> find(Database &db, std::string_view text, int limit = 50);
    /// The product with this SKU (exact) or id, if the catalogue has it.
    static std::optional<ProductMatch> bySku(Database &db, const std::string &sku);
    static std::optional<ProductMatch> byId(Database &db, std::int64_t id);
};

} // namespace clientele
