#include "DemoCatalog.h"

#include "DemoRandom.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace clientele {

namespace {

/// One line of a range table; a brand's version costs base × its brand factor.
struct RangeItem {
    const char *name;
    std::int64_t baseCents;
    int replenishDays;
};

struct BrandFactor {
    const char *brand;
    int percent; ///< of the base price
};

/// Rounds to the shop's price points: x.95 above ten euros, x.49/x.99 below.
std::int64_t pricePoint(std::int64_t cents)
{
    if (cents >= 1000)
        return std::max<std::int64_t>(995, (cents + 50) / 100 * 100 - 5);
    const std::int64_t euros = cents / 100;
    return cents % 100 < 50 ? euros * 100 + 49 : euros * 100 + 99;
}

/// A stable popularity in (0.03, 1.03]: a few best-sellers and a long tail.
double popularity(int productId)
{
    const double u
        = static_cast<double>(mix64(0xCA7A106ull + static_cast<std::uint64_t>(productId)) >> 11)
        * 0x1.0p-53;
    return 0.03 + u * u * u;
}

const char *categoryCode(DemoCategory category)
{
    switch (category) {
    case DemoCategory::Shoes:
        return "SHO";
    case DemoCategory::Socks:
        return "SOC";
    case DemoCategory::Apparel:
        return "APP";
    case DemoCategory::Hydration:
        return "HYD";
    case DemoCategory::Nutrition:
        return "NUT";
    case DemoCategory::Accessories:
        return "ACC";
    }
    return "XXX";
}

struct ShoeModel {
    const char *brand;
    const char *model;
    std::int64_t cents;
};

// Invented brands and models: real ones would be trademarks.
constexpr ShoeModel kShoes[] = {
    { "Stridewell", "Glide 4", 13995 },
    { "Stridewell", "Tempo Pro", 17995 },
    { "Stridewell", "Daily 2", 9995 },
    { "Stridewell", "Cloudline", 14995 },
    { "Stridewell", "Summit Trail", 15995 },
    { "Stridewell", "Mudlark", 12995 },
    { "Stridewell", "Race Flat", 18995 },
    { "Stridewell", "Easy Miles", 8995 },
    { "Kestrel", "Aerion 3", 16995 },
    { "Kestrel", "Swift", 11995 },
    { "Kestrel", "Falcon Carbon", 19995 },
    { "Kestrel", "Hover", 13495 },
    { "Kestrel", "Talon Trail", 14995 },
    { "Kestrel", "Ridge GTX", 16995 },
    { "Kestrel", "Kite", 9495 },
    { "Kestrel", "Glide Max", 15495 },
    { "Northpeak", "Scree", 13995 },
    { "Northpeak", "Alpine Pro", 17995 },
    { "Northpeak", "Trailmaster", 15995 },
    { "Northpeak", "Fellrunner", 12995 },
    { "Northpeak", "Moraine GTX", 18495 },
    { "Northpeak", "Road Lite", 10995 },
    { "Northpeak", "Summit Sky", 16495 },
    { "Northpeak", "Basecamp", 8995 },
    { "Ridgeback", "Tarmac 5", 11995 },
    { "Ridgeback", "Tarmac 5 Wide", 12495 },
    { "Ridgeback", "Pace", 10495 },
    { "Ridgeback", "Pace Plus", 13495 },
    { "Ridgeback", "Gravel", 12995 },
    { "Ridgeback", "Rockhopper", 14495 },
    { "Ridgeback", "Sprint Spike", 8495 },
    { "Ridgeback", "Marathon Elite", 19495 },
    { "Velora", "Aura", 12995 },
    { "Velora", "Aura Trail", 13995 },
    { "Velora", "Nimbus Ride", 15995 },
    { "Velora", "Flux", 11495 },
    { "Velora", "Flux Carbon", 18995 },
    { "Velora", "Drift", 9995 },
    { "Velora", "Canyon", 14495 },
    { "Velora", "Lumen Reflect", 13495 },
    { "Trailhead", "Everyday Runner", 8495 },
    { "Trailhead", "Trail Runner", 9995 },
    { "Trailhead", "Winter Runner GTX", 11995 },
    { "Trailhead", "Tempo Trainer", 10995 },
    { "Trailhead", "Long Run", 11495 },
    { "Trailhead", "Forest Path", 10495 },
    { "Trailhead", "Track Day", 9495 },
    { "Trailhead", "Recovery", 8995 },
};

constexpr RangeItem kSocks[] = {
    { "Run Light No-Show Socks", 995, 60 },
    { "Cushion Quarter Socks", 1295, 75 },
    { "Merino Trail Crew Socks", 1995, 90 },
    { "Compression Knee-High Socks", 2295, 90 },
    { "Blister Guard Ankle Socks", 1495, 75 },
    { "Run Light No-Show Socks, 3-pack", 2295, 90 },
    { "Cushion Quarter Socks, 3-pack", 2195, 90 },
    { "Toe Socks", 1695, 75 },
    { "Winter Merino Socks", 2195, 90 },
    { "Race Day Micro Socks", 1195, 60 },
};
constexpr BrandFactor kSockBrands[]
    = { { "Stridewell", 100 }, { "Trailhead", 85 }, { "Merino Peak", 108 }, { "Kestrel", 95 } };

constexpr RangeItem kApparel[] = {
    { "Tech Tee", 3495, 0 },
    { "Long Sleeve Top", 4995, 0 },
    { "Running Shorts 5\"", 3995, 0 },
    { "Running Tights", 6995, 0 },
    { "Wind Jacket", 9995, 0 },
    { "Waterproof Jacket", 18995, 0 },
    { "Running Gilet", 7495, 0 },
    { "Thermal Half-Zip", 7995, 0 },
};
constexpr BrandFactor kApparelBrands[] = { { "Trailhead", 85 }, { "Northpeak", 115 },
    { "Velora", 105 }, { "Kestrel", 100 }, { "Ridgeback", 95 } };

constexpr RangeItem kHydration[] = {
    { "Soft Flask 500 ml", 2495, 0 },
    { "Soft Flask 250 ml", 1995, 0 },
    { "Bottle 750 ml", 1295, 0 },
    { "Insulated Bottle 600 ml", 2995, 0 },
    { "Race Vest 5 L", 10995, 0 },
    { "Trail Vest 12 L", 14495, 0 },
    { "Hip Belt", 3495, 0 },
    { "Handheld Bottle", 2795, 0 },
    { "Hydration Bladder 1.5 L", 3495, 0 },
    { "Filter Flask", 4495, 0 },
};
constexpr BrandFactor kHydrationBrands[]
    = { { "Trailhead", 90 }, { "Flowline", 100 }, { "Ridgeback", 105 } };

constexpr RangeItem kNutrition[] = {
    { "Energy Gel Citrus", 249, 20 },
    { "Energy Gel Berry", 249, 20 },
    { "Energy Gel Espresso + Caffeine", 279, 20 },
    { "Energy Gel Mixed, box of 12", 2795, 35 },
    { "Isotonic Gel, box of 24", 3795, 40 },
    { "Energy Bar Oat & Honey", 299, 20 },
    { "Energy Bar, box of 12", 3195, 35 },
    { "Energy Chews Cola", 349, 20 },
    { "Electrolyte Tabs Lemon (20)", 895, 25 },
    { "Electrolyte Tabs Berry (20)", 895, 25 },
    { "Drink Mix Orange 500 g", 1895, 30 },
    { "Drink Mix Neutral 1 kg", 3495, 40 },
    { "Recovery Shake Chocolate 500 g", 2495, 30 },
    { "Protein Bar Peanut", 279, 20 },
    { "Salt Capsules (60)", 1495, 40 },
};
constexpr BrandFactor kNutritionBrands[]
    = { { "Fuelcraft", 100 }, { "PeakFuel", 105 }, { "Trailhead", 90 } };

constexpr RangeItem kAccessories[] = {
    { "Headlamp 400 lm", 4995, 0 },
    { "Headlamp 900 lm", 10995, 0 },
    { "Running Belt", 2495, 0 },
    { "Sport Sunglasses", 7995, 0 },
    { "Running Cap", 2495, 0 },
    { "Running Gloves", 2995, 0 },
    { "Trail Poles (pair)", 12995, 0 },
    { "Cushioned Insoles", 3995, 0 },
    { "Elastic Laces", 695, 0 },
    { "Foam Roller", 3495, 0 },
};
constexpr BrandFactor kAccessoryBrands[]
    = { { "Trailhead", 90 }, { "Lumen", 110 }, { "Northpeak", 105 }, { "Kestrel", 100 } };

} // namespace

const char *categoryName(DemoCategory category)
{
    switch (category) {
    case DemoCategory::Shoes:
        return "shoes";
    case DemoCategory::Socks:
        return "socks";
    case DemoCategory::Apparel:
        return "apparel";
    case DemoCategory::Hydration:
        return "hydration";
    case DemoCategory::Nutrition:
        return "nutrition";
    case DemoCategory::Accessories:
        return "accessories";
    }
    return "";
}

DemoCatalog::DemoCatalog()
{
    for (const auto &shoe : kShoes) {
        for (const char *fit : { "Women's", "Men's" }) {
            add(DemoCategory::Shoes, shoe.brand,
                std::string(shoe.brand) + " " + shoe.model + " Running Shoe, " + fit, shoe.cents,
                0);
        }
    }
    auto addRange = [this](DemoCategory category, std::span<const BrandFactor> brands,
                        std::span<const RangeItem> items, bool byFit) {
        for (const auto &brand : brands) {
            for (const auto &item : items) {
                const auto cents = item.baseCents * brand.percent / 100;
                const std::string name = std::string(brand.brand) + " " + item.name;
                if (byFit) {
                    add(category, brand.brand, name + ", Women's", pricePoint(cents), 0);
                    add(category, brand.brand, name + ", Men's", pricePoint(cents), 0);
                } else {
                    add(category, brand.brand, name, pricePoint(cents), item.replenishDays);
                }
            }
        }
    };
    addRange(DemoCategory::Socks, kSockBrands, kSocks, false);
    addRange(DemoCategory::Apparel, kApparelBrands, kApparel, true);
    addRange(DemoCategory::Hydration, kHydrationBrands, kHydration, false);
    addRange(DemoCategory::Nutrition, kNutritionBrands, kNutrition, false);
    addRange(DemoCategory::Accessories, kAccessoryBrands, kAccessories, false);
}

void DemoCatalog::add(DemoCategory category, const std::string &brand, const std::string &name,
    std::int64_t priceCents, int replenishDays)
{
    DemoProduct product;
    product.id = static_cast<int>(products_.size()) + 1;
    char sku[32];
    std::snprintf(sku, sizeof sku, "TH-%s-%04d", categoryCode(category), product.id);
    product.sku = sku;
    product.name = name;
    product.category = category;
    product.brand = brand;
    product.priceCents = priceCents;
    product.replenishDays = replenishDays;

    const double weight = popularity(product.id);
    auto addTo = [&](Shelf &shelf) {
        shelf.ids.push_back(product.id);
        shelf.cumulativeWeight.push_back(
            (shelf.cumulativeWeight.empty() ? 0.0 : shelf.cumulativeWeight.back()) + weight);
    };
    addTo(shelves_[static_cast<int>(category)]);
    if (replenishDays > 0)
        addTo(replenishable_);
    products_.push_back(std::move(product));
}

const DemoProduct &DemoCatalog::pickFrom(const Shelf &shelf, DemoRandom &random) const
{
    const double target = random.uniform() * shelf.cumulativeWeight.back();
    const auto found
        = std::upper_bound(shelf.cumulativeWeight.begin(), shelf.cumulativeWeight.end(), target);
    const auto index = std::min<std::size_t>(
        static_cast<std::size_t>(found - shelf.cumulativeWeight.begin()), shelf.ids.size() - 1);
    return product(shelf.ids[index]);
}

const DemoProduct &DemoCatalog::pick(DemoCategory category, DemoRandom &random) const
{
    return pickFrom(shelves_[static_cast<int>(category)], random);
}

const DemoProduct &DemoCatalog::pickReplenishable(DemoRandom &random) const
{
    return pickFrom(replenishable_, random);
}

} // namespace clientele
