#pragma once

#include "common/Progress.h"
#include "common/Time.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clientele {

class Database;
using ProfileId = std::int64_t;

namespace predict {

/// A product (or, where no product qualifies, a category) the shopper buys again, and when.
struct Replenishment {
    std::string item; ///< the product's name, else the category
    std::string sku; ///< empty for a category
    Millis due = 0;
};

/**
 * One buyer's orders as the models read them. Purchase days are UTC calendar days with at
 * least one counted order (several orders on one day are one purchase); their value is the
 * day's orders' value after refunds.
 */
struct BuyerHistory {
    ProfileId profile = 0;
    /// Known by an identifier (profiles.is_known); anonymous buyers, such as the guest
    /// checkouts of a store export, are predicted but not fitted on (docs/predictions.md).
    bool known = true;
    int x = 0; ///< repeat purchase days
    int txDays = 0; ///< days from the first purchase day to the last
    int ageDays = 0; ///< days from the first purchase day to the last day of history
    double meanValue = 0; ///< mean value of all purchase days
    double repeatMeanValue = 0; ///< mean value of the repeat purchase days (0 when x = 0)
    /// Holdout mode: the purchase days after the calibration end, as days since it (0 = the
    /// first day after), in order.
    std::vector<int> holdoutDays;
    std::optional<Replenishment> replenishment;
};

/**
 * Reads the workspace's completed orders for the purchase models (docs/predictions.md):
 * - an order is an order_completed event, one per order id within a shopper (events
 *   sharing an id are the lines of one order); an order with an order_cancelled event
 *   for its id does not count;
 * - refunds (order_refunded) lower their order's value; an order refunded in full does not
 *   count as a purchase; refunds of orders the workspace never saw are ignored;
 * - orders after the calibration end are not history (in holdout mode, those up to the
 *   holdout end are the holdout); so are orders in the future.
 * The orders come from the events_orders index (profile, time, type, order id, value) in
 * profile order, without touching the events table.
 */
class OrderHistory {
public:
    /// Buyers whose first purchase day is before calibrationEnd (exclusive, a day's start).
    static OrderHistory read(Database &db, Millis calibrationEnd, std::optional<Millis> holdoutEnd,
        ProgressSink *progress);

    /// The end (exclusive) of the day of the latest completed order that is not in the future.
    static std::optional<Millis> latestOrderDay(Database &db);
    /// The start of the first order's day and the end of the latest's (not in the future).
    static std::optional<std::pair<Millis, Millis>> orderDayRange(Database &db);

    /**
     * Each buyer's next replenishment (BuyerHistory::replenishment), from the lines of the
     * counted orders before calibrationEnd: the order's product list (props.products), else
     * its own product and category columns. Returns how many products and categories have
     * a usual interval. Reads every order event once (a scan of the events table); a
     * separate step so that it can run on a second connection while the models are fitted.
     * stop is checked now and then: when it turns true the scan ends early (the caller is
     * cancelling and discards the result).
     */
    std::int64_t findReplenishments(
        Database &db, Millis calibrationEnd, const std::atomic<bool> *stop = nullptr);

    std::vector<BuyerHistory> buyers; ///< by profile id
    std::int64_t orders = 0; ///< counted orders in the history
    /// Orders that do not count (cancelled, refunded in full): profile and order id, sorted.
    std::vector<std::pair<ProfileId, std::string>> excludedOrders;

    /// Shoppers who bought an item again on a later day, needed before its interval counts.
    static constexpr int kMinimumRebuyers = 10;
};

} // namespace predict
} // namespace clientele
