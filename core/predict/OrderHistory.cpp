#include "OrderHistory.h"

#include "profile/TraitAccumulator.h"
#include "store/Database.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace clientele::predict {

namespace {

using json = nlohmann::json;

constexpr const char *kStage = "Reading orders";

/// The UTC calendar day of a time, as a day number.
int dayOf(Millis t)
{
    return static_cast<int>(startOfDay(t) / kMillisPerDay);
}

/// One shopper's orders while their index entries are read.
class ShopperOrders {
public:
    void clear()
    {
        orders_.clear();
        cancelled_.clear();
        refunds_.clear();
    }

    void add(std::string_view type, std::string_view orderId, Millis ts, double value)
    {
        if (type == "order_cancelled") {
            if (!orderId.empty())
                cancelled_.emplace_back(orderId);
            return;
        }
        if (type == "order_refunded") {
            if (!orderId.empty())
                refunds_.emplace_back(std::string(orderId), std::abs(value));
            return;
        }
        const int day = dayOf(ts);
        if (!orderId.empty()) {
            for (Order &order : orders_) {
                if (order.id == orderId) {
                    // Another line of an order already seen: one order, the earliest day.
                    order.value += value;
                    order.day = std::min(order.day, day);
                    return;
                }
            }
        }
        orders_.push_back({ std::string(orderId), day, value });
    }

    /// The counted orders' days and values, by day; what does not count goes to excluded.
    void finish(ProfileId profile, std::vector<std::pair<int, double>> &counted,
        std::vector<std::pair<ProfileId, std::string>> &excluded)
    {
        counted.clear();
        for (Order &order : orders_) {
            if (!order.id.empty()) {
                bool drop = std::find(cancelled_.begin(), cancelled_.end(), order.id) != cancelled_.end();
                double refunded = 0.0;
                for (const auto &[id, amount] : refunds_)
                    refunded += id == order.id ? amount : 0.0;
                if (refunded > 0) {
                    if (order.value > 0 && refunded >= order.value - 0.005)
                        drop = true;
                    order.value = std::max(0.0, order.value - refunded);
                }
                if (drop) {
                    excluded.emplace_back(profile, order.id);
                    continue;
                }
            }
            counted.emplace_back(order.day, order.value);
        }
        std::sort(counted.begin(), counted.end());
    }

private:
    struct Order {
        std::string id;
        int day = 0;
        double value = 0;
    };
    std::vector<Order> orders_;
    std::vector<std::string> cancelled_;
    std::vector<std::pair<std::string, double>> refunds_;
};

} // namespace

std::optional<Millis> OrderHistory::latestOrderDay(Database &db)
{
    auto query = db.prepare(
        "SELECT max(ts) FROM events WHERE type = 'order_completed' AND ts <= ?1");
    query.bind(1, nowMillis());
    if (!query.step() || query.isNull(0))
        return std::nullopt;
    return startOfDay(query.columnInt(0)) + kMillisPerDay;
}

std::optional<std::pair<Millis, Millis>> OrderHistory::orderDayRange(Database &db)
{
    const auto last = latestOrderDay(db);
    if (!last)
        return std::nullopt;
    auto query = db.prepare("SELECT min(ts) FROM events WHERE type = 'order_completed'");
    if (!query.step() || query.isNull(0))
        return std::nullopt;
    return std::make_pair(startOfDay(query.columnInt(0)), *last);
}

OrderHistory OrderHistory::read(
    Database &db, Millis calibrationEnd, std::optional<Millis> holdoutEnd, ProgressSink *progress)
{
    const Millis readUntil = std::min(holdoutEnd.value_or(calibrationEnd), nowMillis() + 1);
    auto query = db.prepare(
        "SELECT profile_id, ts, type, order_id, value FROM events INDEXED BY events_orders "
        "WHERE type IN ('order_completed', 'order_cancelled', 'order_refunded') AND ts < ?1");
    query.bind(1, readUntil);

    // Anonymous profiles (is_known = 0), in id order, to mark their buyers.
    std::vector<ProfileId> anonymous;
    {
        auto profiles = db.prepare("SELECT id FROM profiles WHERE is_known = 0 ORDER BY id");
        while (profiles.step())
            anonymous.push_back(profiles.columnInt(0));
    }

    OrderHistory history;
    const int endDay = dayOf(calibrationEnd); // the first day after the history
    const int holdoutEndDay = holdoutEnd ? dayOf(*holdoutEnd) : endDay;
    ShopperOrders shopper;
    std::vector<std::pair<int, double>> counted;
    ProfileId current = 0;
    bool any = false;

    std::vector<std::pair<int, double>> days;
    std::vector<int> holdout;
    auto finishShopper = [&]() {
        shopper.finish(current, counted, history.excludedOrders);
        // Purchase days (several orders on a day are one) and their values.
        days.clear();
        holdout.clear();
        for (const auto &[day, value] : counted) {
            if (day < endDay) {
                ++history.orders;
                if (!days.empty() && days.back().first == day)
                    days.back().second += value;
                else
                    days.emplace_back(day, value);
            } else if (day < holdoutEndDay) {
                const int since = day - endDay;
                if (holdout.empty() || holdout.back() != since)
                    holdout.push_back(since);
            }
        }
        if (days.empty())
            return; // no order before the end of the history
        BuyerHistory buyer;
        buyer.profile = current;
        buyer.known = !std::binary_search(anonymous.begin(), anonymous.end(), current);
        buyer.x = static_cast<int>(days.size()) - 1;
        buyer.txDays = days.back().first - days.front().first;
        buyer.ageDays = endDay - 1 - days.front().first;
        double total = 0.0;
        for (const auto &[day, value] : days)
            total += value;
        buyer.meanValue = total / static_cast<double>(days.size());
        buyer.repeatMeanValue
            = buyer.x > 0 ? (total - days.front().second) / static_cast<double>(buyer.x) : 0.0;
        buyer.holdoutDays = holdout;
        history.buyers.push_back(std::move(buyer));
    };

    std::int64_t rows = 0;
    while (query.step()) {
        if (++rows % 250000 == 0)
            reportProgress(progress, rows, 0, kStage);
        const ProfileId profile = query.columnInt(0);
        if (!any || profile != current) {
            if (any)
                finishShopper();
            shopper.clear();
            current = profile;
            any = true;
        }
        shopper.add(query.columnView(2), query.isNull(3) ? std::string_view() : query.columnView(3),
            query.columnInt(1), query.isNull(4) ? 0.0 : query.columnDouble(4));
    }
    if (any)
        finishShopper();
    std::sort(history.excludedOrders.begin(), history.excludedOrders.end());
    return history;
}

namespace {

struct Item {
    std::string name;
    std::string sku; ///< empty for a category
    int statedDays = 0; ///< the catalogue's replenishment interval, 0 when none
};

/// Products and categories, each interned once; products are known through the catalogue
/// that traits read (TraitCatalog).
class Items {
public:
    explicit Items(Database &db)
        : catalog_(TraitCatalog::load(db))
    {
    }

    /// The items a line names: its product (by id, else SKU; an SKU the catalogue does not
    /// know is a product of its own) and its category (the line's, else the catalogue's).
    void lineItems(std::optional<std::int64_t> id, std::string_view sku, std::string_view category,
        std::int32_t &product, std::int32_t &categoryItem)
    {
        const TraitCatalog::Product *known = id ? catalog_.byId(*id) : nullptr;
        if (!known && !sku.empty())
            known = catalog_.bySku(sku);
        product = -1;
        if (known) {
            auto [it, inserted] = knownItems_.try_emplace(known, -1);
            if (inserted)
                it->second = intern("p:" + known->sku, known->name, known->sku, known->replenishDays);
            product = it->second;
            if (category.empty())
                category = known->category;
        } else if (!sku.empty()) {
            product = intern("p:" + std::string(sku), std::string(sku), std::string(sku), 0);
        }
        categoryItem = category.empty()
            ? -1
            : intern("c:" + std::string(category), std::string(category), std::string(), 0);
    }

    const Item &at(std::int32_t index) const { return items_[static_cast<std::size_t>(index)]; }

private:
    std::int32_t intern(const std::string &key, std::string name, std::string sku, int days)
    {
        const auto [it, inserted] = index_.try_emplace(key, static_cast<std::int32_t>(items_.size()));
        if (inserted)
            items_.push_back({ std::move(name), std::move(sku), days });
        return it->second;
    }

    TraitCatalog catalog_;
    std::unordered_map<const TraitCatalog::Product *, std::int32_t> knownItems_;
    std::unordered_map<std::string, std::int32_t> index_;
    std::vector<Item> items_;
};

/// One line of an order's product list.
struct ListedLine {
    std::optional<std::int64_t> productId;
    std::string sku;
    std::string category;
};

/**
 * Reads the lines of props.products without building a document (nlohmann's SAX
 * interface): product_id, sku and category of each object in the top-level "products"
 * array; everything else is skipped. Malformed JSON ends the parse (the lines read so far
 * are dropped by the caller when it fails).
 */
class ProductListReader : public json::json_sax_t {
public:
    std::vector<ListedLine> lines;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t number) override
    {
        if (inLine() && key_ == "product_id")
            current_.productId = number;
        return value();
    }
    bool number_unsigned(number_unsigned_t number) override
    {
        if (inLine() && key_ == "product_id" && number <= static_cast<number_unsigned_t>(INT64_MAX))
            current_.productId = static_cast<std::int64_t>(number);
        return value();
    }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &text) override
    {
        if (inLine() && key_ == "sku")
            current_.sku = std::move(text);
        else if (inLine() && key_ == "category")
            current_.category = std::move(text);
        return value();
    }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override
    {
        ++depth_;
        if (productsDepth_ > 0 && depth_ == productsDepth_ + 1)
            current_ = {};
        key_.clear();
        return true;
    }
    bool key(string_t &name) override
    {
        key_ = std::move(name);
        return true;
    }
    bool end_object() override
    {
        if (productsDepth_ > 0 && depth_ == productsDepth_ + 1)
            lines.push_back(std::move(current_));
        --depth_;
        key_.clear();
        return true;
    }
    bool start_array(std::size_t) override
    {
        ++depth_;
        if (depth_ == 2 && key_ == "products")
            productsDepth_ = depth_;
        key_.clear();
        return true;
    }
    bool end_array() override
    {
        if (depth_ == productsDepth_)
            productsDepth_ = 0;
        --depth_;
        key_.clear();
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    bool inLine() const { return productsDepth_ > 0 && depth_ == productsDepth_ + 1; }
    bool value()
    {
        key_.clear();
        return true;
    }

    int depth_ = 0;
    int productsDepth_ = 0;
    std::string key_;
    ListedLine current_;
};

} // namespace

std::int64_t OrderHistory::findReplenishments(
    Database &db, Millis calibrationEnd, const std::atomic<bool> *stop)
{
    Items items(db);
    const int endDay = dayOf(calibrationEnd);
    // The order events' products are in events_orders: one pass over about a million index
    // entries instead of a scan of the events table or an index lookup per order.
    auto query = db.prepare(
        "SELECT profile_id, ts, type, order_id, product_id, category, props "
        "FROM events INDEXED BY events_orders "
        "WHERE type IN ('order_completed', 'order_cancelled', 'order_refunded') AND ts < ?1");
    query.bind(1, std::min(calibrationEnd, nowMillis() + 1));
    // Per item: every interval between two purchase days of the same shopper and how many
    // shoppers bought it again; per shopper and item: the last purchase day. The entries
    // come in profile order, so each shopper's lines are complete when the next begins.
    std::vector<std::vector<int>> intervals;
    std::vector<int> rebuyers;
    struct LastBuy {
        ProfileId profile;
        std::int32_t item;
        int day;
    };
    std::vector<LastBuy> lastBuys;
    std::vector<std::pair<std::int32_t, int>> shopperLines; // item, day
    ProfileId current = 0;
    auto finishShopper = [&]() {
        std::sort(shopperLines.begin(), shopperLines.end());
        shopperLines.erase(std::unique(shopperLines.begin(), shopperLines.end()), shopperLines.end());
        for (std::size_t i = 0; i < shopperLines.size();) {
            const std::int32_t item = shopperLines[i].first;
            if (static_cast<std::size_t>(item) >= intervals.size()) {
                intervals.resize(static_cast<std::size_t>(item) + 1);
                rebuyers.resize(static_cast<std::size_t>(item) + 1, 0);
            }
            std::size_t j = i + 1;
            for (; j < shopperLines.size() && shopperLines[j].first == item; ++j)
                intervals[static_cast<std::size_t>(item)].push_back(shopperLines[j].second - shopperLines[j - 1].second);
            rebuyers[static_cast<std::size_t>(item)] += j - i > 1 ? 1 : 0;
            lastBuys.push_back({ current, item, shopperLines[j - 1].second });
            i = j;
        }
        shopperLines.clear();
    };
    auto add = [&](int day, std::optional<std::int64_t> id, std::string_view sku,
                   std::string_view category) {
        std::int32_t product = -1, categoryItem = -1;
        items.lineItems(id, sku, category, product, categoryItem);
        if (product >= 0)
            shopperLines.emplace_back(product, day);
        if (categoryItem >= 0)
            shopperLines.emplace_back(categoryItem, day);
    };
    std::int64_t rows = 0;
    while (query.step()) {
        if (stop && ++rows % 10000 == 0 && stop->load(std::memory_order_relaxed))
            return 0;
        if (query.columnView(2) != "order_completed")
            continue;
        const ProfileId profile = query.columnInt(0);
        if (profile != current) {
            finishShopper();
            current = profile;
        }
        if (!excludedOrders.empty() && !query.isNull(3)) {
            const std::pair<ProfileId, std::string> key { profile, query.columnText(3) };
            if (std::binary_search(excludedOrders.begin(), excludedOrders.end(), key))
                continue;
        }
        const int day = dayOf(query.columnInt(1));
        bool listed = false;
        if (!query.isNull(6)) {
            const std::string_view props = query.columnView(6);
            if (props.find("\"products\"") != std::string_view::npos) {
                ProductListReader reader;
                if (json::sax_parse(props.begin(), props.end(), &reader) && !reader.lines.empty()) {
                    listed = true;
                    for (const ListedLine &line : reader.lines)
                        add(day, line.productId, line.sku, line.category);
                }
            }
        }
        if (!listed) {
            add(day, query.isNull(4) ? std::nullopt : std::optional(query.columnInt(4)), {},
                query.isNull(5) ? std::string_view() : query.columnView(5));
        }
    }
    finishShopper();

    // The usual interval: the median over everybody who bought the item again, when at
    // least kMinimumRebuyers did; else the catalogue's stated interval; 0 for none.
    std::vector<int> usual(intervals.size(), 0);
    std::int64_t replenishable = 0;
    for (std::size_t item = 0; item < intervals.size(); ++item) {
        usual[item] = items.at(static_cast<std::int32_t>(item)).statedDays;
        std::vector<int> &all = intervals[item];
        if (rebuyers[item] >= kMinimumRebuyers && !all.empty()) {
            std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(all.size() / 2), all.end());
            usual[item] = all[all.size() / 2];
        }
        replenishable += usual[item] > 0 ? 1 : 0;
    }

    // Per shopper: among the items they bought, the one due first that is not overdue by
    // more than its interval (then they have probably stopped buying it); products before
    // categories. lastBuys and buyers are both in profile order.
    std::size_t next = 0;
    for (BuyerHistory &buyer : buyers) {
        while (next < lastBuys.size() && lastBuys[next].profile < buyer.profile)
            ++next;
        std::int32_t bestProduct = -1, bestCategory = -1;
        int productDue = 0, categoryDue = 0;
        for (; next < lastBuys.size() && lastBuys[next].profile == buyer.profile; ++next) {
            const LastBuy &buy = lastBuys[next];
            const int interval = usual[static_cast<std::size_t>(buy.item)];
            if (interval <= 0)
                continue;
            const int due = buy.day + interval;
            if (due < endDay - interval)
                continue;
            const bool isProduct = !items.at(buy.item).sku.empty();
            std::int32_t &best = isProduct ? bestProduct : bestCategory;
            int &bestDue = isProduct ? productDue : categoryDue;
            if (best < 0 || due < bestDue) {
                best = buy.item;
                bestDue = due;
            }
        }
        const std::int32_t chosen = bestProduct >= 0 ? bestProduct : bestCategory;
        if (chosen < 0)
            continue;
        const Item &item = items.at(chosen);
        buyer.replenishment = Replenishment { item.name, item.sku,
            static_cast<Millis>(bestProduct >= 0 ? productDue : categoryDue) * kMillisPerDay };
    }
    return replenishable;
}

} // namespace clientele::predict
