#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace clientele {

class DemoRandom;

/// The shop's departments; their names are the products.category values.
enum class DemoCategory { Shoes, Socks, Apparel, Hydration, Nutrition, Accessories };

inline constexpr int kDemoCategoryCount = 6;

/// "shoes", "socks", … as stored in products.category and events.category.
const char *categoryName(DemoCategory category);

struct DemoProduct {
    int id = 0;
    std::string sku;
    std::string name;
    DemoCategory category = DemoCategory::Shoes;
    std::string brand;
    std::int64_t priceCents = 0;
    /// How many days a pack lasts (socks, nutrition); 0 for things one does not rebuy.
    int replenishDays = 0;
};

/**
 * The product range of the demo shop: a few hundred running and outdoor products with
 * invented brands. Fixed, independent of the seed, so screenshots and docs can name
 * products; what varies with the seed is who buys what.
 */
class DemoCatalog {
public:
    DemoCatalog();

    const std::vector<DemoProduct> &products() const { return products_; }
    /// ids start at 1 and are dense.
    const DemoProduct &product(int id) const { return products_[static_cast<std::size_t>(id - 1)]; }

    /// A product of the category; best-sellers come up more often than the long tail.
    const DemoProduct &pick(DemoCategory category, DemoRandom &random) const;
    /// A product that is bought again when it runs out (socks, nutrition).
    const DemoProduct &pickReplenishable(DemoRandom &random) const;

private:
    struct Shelf {
        std::vector<int> ids;
        std::vector<double> cumulativeWeight; ///< popularity, for weighted picks
    };

    void add(DemoCategory category, const std::string &brand, const std::string &name,
        std::int64_t priceCents, int replenishDays);
    const DemoProduct &pickFrom(const Shelf &shelf, DemoRandom &random) const;

    std::vector<DemoProduct> products_;
    Shelf shelves_[kDemoCategoryCount];
    Shelf replenishable_;
};

} // namespace clientele
