#include "OrderHistory.h"

#include "store/Database.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace clientele::predict {

namespace {

constexpr const char *kStage = "Reading orders";

int dayOf(Millis t)
{
    return static_cast<int>(std::floor(static_cast<double>(t) / static_cast<double>(kMillisPerDay)));
}

struct Order {
    ProfileId profile = 0;
    int day = 0;
    double value = 0;
    std::int32_t id = -1; ///< index into the order ids, -1 for an order without id
};

struct Line {
    std::uint32_t order = 0;
    std::int32_t item = -1;
};

struct Item {
    std::string name;
    std::string sku; ///< empty for a category
    int statedDays = 0; ///< the catalogue's replenishment interval, 0 when none
};

/// Products and categories, each interned once.
class Items {
public:
    explicit Items(Database &db)
    {
        auto query = db.prepare("SELECT id, sku, name, category, replenish_days FROM products");
        while (query.step()) {
            Product product { query.columnText(1), query.columnText(2), query.columnText(3),
                query.isNull(4) ? 0 : static_cast<int>(query.columnInt(4)) };
            bySku_.emplace(product.sku, query.columnInt(0));
            products_.emplace(query.columnInt(0), std::move(product));
        }
    }

    /// The product a line names by id or SKU; -1 when it names none the catalogue knows
    /// (an SKU unknown to the catalogue is still a product of its own).
    std::int32_t product(std::optional<std::int64_t> id, std::string_view sku, std::string &category)
    {
        const Product *known = nullptr;
        if (id) {
            const auto it = products_.find(*id);
            if (it != products_.end())
                known = &it->second;
        }
        if (!known && !sku.empty()) {
            const auto it = bySku_.find(std::string(sku));
            if (it != bySku_.end())
                known = &products_.at(it->second);
        }
        if (known) {
            if (category.empty())
                category = known->category;
            return intern("p:" + known->sku, known->name, known->sku, known->statedDays);
        }
        if (sku.empty())
            return -1;
        return intern("p:" + std::string(sku), std::string(sku), std::string(sku), 0);
    }

    std::int32_t category(const std::string &name)
    {
        if (name.empty())
            return -1;
        return intern("c:" + name, name, std::string(), 0);
    }

    const Item &at(std::int32_t index) const { return items_[static_cast<std::size_t>(index)]; }
    std::size_t size() const { return items_.size(); }

private:
    struct Product {
        std::string sku, name, category;
        int statedDays = 0;
    };

    std::int32_t intern(const std::string &key, std::string name, std::string sku, int days)
    {
        const auto [it, inserted] = index_.try_emplace(key, static_cast<std::int32_t>(items_.size()));
        if (inserted)
            items_.push_back({ std::move(name), std::move(sku), days });
        return it->second;
    }

    std::unordered_map<std::int64_t, Product> products_;
    std::unordered_map<std::string, std::int64_t> bySku_;
    std::unordered_map<std::string, std::int32_t> index_;
    std::vector<Item> items_;
};

std::optional<std::int64_t> optionalInt(const Statement &query, int column)
{
    if (query.isNull(column))
        return std::nullopt;
    return query.columnInt(column);
}

/// Each buyer's next due replenishment: per item, the usual interval between two purchase
/// days of the same shopper (the median over everybody who bought it again, when at least
/// kMinimumRebuyers did; else the catalogue's stated interval); per shopper, among the
/// items they bought, the one due first that is not overdue by more than its interval.
/// Products come before categories.
std::int64_t findReplenishments(std::vector<BuyerHistory> &buyers, const std::vector<Order> &orders,
    const std::vector<Line> &lines, const Items &items, int calibrationEndDay)
{
    struct Purchase {
        std::int32_t item;
        ProfileId profile;
        int day;
        auto operator<=>(const Purchase &) const = default;
    };
    std::vector<Purchase> purchases;
    purchases.reserve(lines.size());
    for (const Line &line : lines) {
        const Order &order = orders[line.order];
        if (order.day < calibrationEndDay)
            purchases.push_back({ line.item, order.profile, order.day });
    }
    std::sort(purchases.begin(), purchases.end());
    purchases.erase(std::unique(purchases.begin(), purchases.end()), purchases.end());

    struct Candidate {
        std::int32_t item = -1;
        int due = 0;
    };
    std::unordered_map<ProfileId, Candidate> productDue, categoryDue;
    std::int64_t replenishable = 0;
    std::vector<int> intervals;
    std::size_t begin = 0;
    while (begin < purchases.size()) {
        std::size_t end = begin;
        while (end < purchases.size() && purchases[end].item == purchases[begin].item)
            ++end;
        intervals.clear();
        int rebuyers = 0;
        for (std::size_t i = begin; i < end;) {
            std::size_t j = i + 1;
            while (j < end && purchases[j].profile == purchases[i].profile) {
                intervals.push_back(purchases[j].day - purchases[j - 1].day);
                ++j;
            }
            rebuyers += j - i > 1 ? 1 : 0;
            i = j;
        }
        const Item &item = items.at(purchases[begin].item);
        int usual = 0;
        if (rebuyers >= OrderHistory::kMinimumRebuyers) {
            std::nth_element(intervals.begin(), intervals.begin() + intervals.size() / 2, intervals.end());
            usual = intervals[intervals.size() / 2];
        } else {
            usual = item.statedDays;
        }
        if (usual > 0) {
            ++replenishable;
            auto &due = item.sku.empty() ? categoryDue : productDue;
            for (std::size_t i = begin; i < end; ++i) {
                if (i + 1 < end && purchases[i + 1].profile == purchases[i].profile)
                    continue; // only each shopper's latest purchase of the item
                const int nextDue = purchases[i].day + usual;
                if (nextDue < calibrationEndDay - usual)
                    continue; // lapsed: more than a whole interval overdue
                Candidate &best = due[purchases[i].profile];
                if (best.item < 0 || nextDue < best.due)
                    best = { purchases[i].item, nextDue };
            }
        }
        begin = end;
    }
    for (BuyerHistory &buyer : buyers) {
        auto it = productDue.find(buyer.profile);
        if (it == productDue.end()) {
            it = categoryDue.find(buyer.profile);
            if (it == categoryDue.end())
                continue;
        }
        const Item &item = items.at(it->second.item);
        buyer.replenishment
            = Replenishment { item.name, item.sku, static_cast<Millis>(it->second.due) * kMillisPerDay };
    }
    return replenishable;
}

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
    const bool withLines = !holdoutEnd;
    const Millis readUntil = std::min(holdoutEnd.value_or(calibrationEnd), nowMillis() + 1);
    // Line items come from the order's product list (props.products), else from the
    // event's own product columns. A list that is not valid JSON is read as no list.
    const std::string sql = withLines
        ? "SELECT e.id, e.profile_id, e.ts, e.type, e.order_id, e.value, e.product_id, "
          "e.category, CASE WHEN j.type = 'object' THEN j.value ->> 'product_id' END, "
          "CASE WHEN j.type = 'object' THEN j.value ->> 'sku' END, "
          "CASE WHEN j.type = 'object' THEN j.value ->> 'category' END "
          "FROM events e LEFT JOIN json_each(CASE WHEN e.type = 'order_completed' "
          "AND e.props LIKE '%\"products\"%' AND json_valid(e.props) THEN e.props END, "
          "'$.products') j "
          "WHERE e.type IN ('order_completed', 'order_cancelled', 'order_refunded') AND e.ts < ?1"
        : "SELECT e.id, e.profile_id, e.ts, e.type, e.order_id, e.value FROM events e "
          "WHERE e.type IN ('order_completed', 'order_cancelled', 'order_refunded') AND e.ts < ?1";
    auto query = db.prepare(sql);
    query.bind(1, readUntil);

    std::optional<Items> items;
    if (withLines)
        items.emplace(db);
    std::vector<Order> orders;
    std::vector<Line> lines;
    std::unordered_map<std::string, std::int32_t> orderIds;
    std::vector<std::uint32_t> orderOfId; ///< per order id: its index in orders
    std::vector<double> refunded; ///< per order id
    std::vector<char> cancelled; ///< per order id
    auto idOf = [&](std::string_view text) {
        const auto [it, inserted]
            = orderIds.try_emplace(std::string(text), static_cast<std::int32_t>(orderOfId.size()));
        if (inserted) {
            orderOfId.push_back(UINT32_MAX);
            refunded.push_back(0.0);
            cancelled.push_back(0);
        }
        return it->second;
    };

    std::int64_t lastEvent = -1;
    std::uint32_t currentOrder = 0;
    std::int64_t rows = 0;
    while (query.step()) {
        if (++rows % 200000 == 0)
            reportProgress(progress, rows, 0, kStage);
        const std::int64_t eventId = query.columnInt(0);
        const std::string_view type = query.columnView(3);
        if (eventId != lastEvent) {
            lastEvent = eventId;
            const std::string_view orderId = query.isNull(4) ? std::string_view() : query.columnView(4);
            const double value = query.isNull(5) ? 0.0 : query.columnDouble(5);
            if (type == "order_cancelled") {
                if (!orderId.empty())
                    cancelled[static_cast<std::size_t>(idOf(orderId))] = 1;
                continue;
            }
            if (type == "order_refunded") {
                if (!orderId.empty())
                    refunded[static_cast<std::size_t>(idOf(orderId))] += std::abs(value);
                continue;
            }
            const ProfileId profile = query.columnInt(1);
            const int day = dayOf(query.columnInt(2));
            std::int32_t id = -1;
            if (!orderId.empty()) {
                id = idOf(orderId);
                std::uint32_t &index = orderOfId[static_cast<std::size_t>(id)];
                if (index != UINT32_MAX && orders[index].profile == profile) {
                    // Another line of an order already seen: one order, the earliest day.
                    currentOrder = index;
                    orders[index].value += value;
                    orders[index].day = std::min(orders[index].day, day);
                } else {
                    index = static_cast<std::uint32_t>(orders.size());
                    currentOrder = index;
                    orders.push_back({ profile, day, value, id });
                }
            } else {
                currentOrder = static_cast<std::uint32_t>(orders.size());
                orders.push_back({ profile, day, value, -1 });
            }
            if (withLines && query.isNull(8) && query.isNull(9) && query.isNull(10)) {
                // No product list: the event's own product and category.
                std::string category = query.isNull(7) ? std::string() : query.columnText(7);
                const std::int32_t product = items->product(optionalInt(query, 6), {}, category);
                if (product >= 0)
                    lines.push_back({ currentOrder, product });
                if (const std::int32_t c = items->category(category); c >= 0)
                    lines.push_back({ currentOrder, c });
                continue;
            }
        }
        if (withLines && type == "order_completed") {
            std::string category = query.isNull(10) ? std::string() : query.columnText(10);
            std::optional<std::int64_t> productId;
            if (!query.isNull(8) && query.columnKind(8) == Statement::ValueKind::Integer)
                productId = query.columnInt(8);
            const std::string sku = query.isNull(9) ? std::string() : query.columnText(9);
            const std::int32_t product = items->product(productId, sku, category);
            if (product >= 0)
                lines.push_back({ currentOrder, product });
            if (const std::int32_t c = items->category(category); c >= 0)
                lines.push_back({ currentOrder, c });
        }
    }

    // What counts: not cancelled, not refunded in full; the value after refunds.
    OrderHistory history;
    std::vector<std::uint32_t> counted;
    counted.reserve(orders.size());
    for (std::uint32_t i = 0; i < orders.size(); ++i) {
        Order &order = orders[i];
        if (order.id >= 0) {
            const auto id = static_cast<std::size_t>(order.id);
            if (cancelled[id])
                continue;
            if (refunded[id] > 0) {
                if (order.value > 0 && refunded[id] >= order.value - 0.005)
                    continue;
                order.value = std::max(0.0, order.value - refunded[id]);
            }
        }
        counted.push_back(i);
    }
    std::sort(counted.begin(), counted.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(orders[a].profile, orders[a].day) < std::tie(orders[b].profile, orders[b].day);
    });

    const int endDay = dayOf(calibrationEnd); // the first day after the history
    const int holdoutEndDay = holdoutEnd ? dayOf(*holdoutEnd) : endDay;
    for (std::size_t i = 0; i < counted.size();) {
        const ProfileId profile = orders[counted[i]].profile;
        std::size_t j = i;
        // Purchase days and their values.
        std::vector<std::pair<int, double>> days;
        std::vector<int> holdout;
        for (; j < counted.size() && orders[counted[j]].profile == profile; ++j) {
            const Order &order = orders[counted[j]];
            if (order.day < endDay) {
                ++history.orders;
                if (!days.empty() && days.back().first == order.day)
                    days.back().second += order.value;
                else
                    days.emplace_back(order.day, order.value);
            } else if (order.day < holdoutEndDay) {
                const int since = order.day - endDay;
                if (holdout.empty() || holdout.back() != since)
                    holdout.push_back(since);
            }
        }
        i = j;
        if (days.empty())
            continue; // first order after the history
        BuyerHistory buyer;
        buyer.profile = profile;
        buyer.x = static_cast<int>(days.size()) - 1;
        buyer.txDays = days.back().first - days.front().first;
        buyer.ageDays = endDay - 1 - days.front().first;
        double total = 0.0;
        for (const auto &[day, value] : days)
            total += value;
        buyer.meanValue = total / static_cast<double>(days.size());
        buyer.repeatMeanValue
            = buyer.x > 0 ? (total - days.front().second) / static_cast<double>(buyer.x) : 0.0;
        buyer.holdoutDays = std::move(holdout);
        history.buyers.push_back(std::move(buyer));
    }
    if (withLines) {
        // Only lines of counted orders.
        std::vector<char> isCounted(orders.size(), 0);
        for (const std::uint32_t index : counted)
            isCounted[index] = 1;
        std::erase_if(lines, [&](const Line &line) { return !isCounted[line.order]; });
        history.replenishableItems = findReplenishments(history.buyers, orders, lines, *items, endDay);
    }
    return history;
}

} // namespace clientele::predict
