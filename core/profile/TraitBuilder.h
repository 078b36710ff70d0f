#pragma once

#include "ProfileTraits.h"

#include "common/Progress.h"

#include <optional>
#include <vector>

namespace clientele {

class Database;

/**
 * Computes the profile_traits table: one row of computed values per profile, indexed for
 * segments and the customer list.
 *
 * Transactions: the caller owns the transaction. Both functions write through the
 * caller's open transaction (the import calls refresh() inside its own, so a cancelled
 * import leaves the traits as they were). rebuildAll() additionally works inside a
 * savepoint, so that when it is cancelled or fails the caller's transaction is as it was
 * before the call; outside any transaction that savepoint is the transaction.
 *
 * The rules, as a marketer reads the columns:
 * - Reference time: the workspace's latest event at the last full rebuild. "Last 30/90
 *   days" windows count events after reference − 30/90 days, and RFM recency is days
 *   before it, so a historical data set (Online Retail ends in December 2011) is measured
 *   against its own end, not against today.
 * - Orders: order_completed events, one order per order id. An order with an
 *   order_cancelled event for its id is not an order: it counts in cancelled_orders only,
 *   not in orders, revenue, first/last order or favourites. revenue = the orders' values
 *   minus the refunds (order_refunded), except refunds of a cancelled order, which is
 *   already left out. refunds/refunded_value count every refund. The Online Retail
 *   preset writes its cancellation invoices ("C…") as refunds under their own invoice
 *   number, so they lower revenue and the original invoice remains an order.
 *   average_order_value = revenue / orders.
 * - RFM: see RfmModel and rfmGroup(). Buyers are profiles with orders > 0; others have no
 *   scores and no group.
 * - Cart: product_added minus product_removed since the last order (value = the line's
 *   worth, price × quantity); cart_abandoned_since is the latest add-to-cart when the cart
 *   is not empty. abandoned_carts counts cart ids added to that no order carries, plus,
 *   for add-to-cart events without a cart id, sessions (adds less than 30 minutes apart)
 *   that no order followed before the next session.
 * - Loyalty: points = the latest stated balance (props.balance) minus rewards redeemed
 *   after it (loyalty_reward_redeemed value), else points earned minus redeemed. Tier =
 *   the latest tier an event states (props.tier), else bronze below 250 points, silver
 *   from 250, gold from 750. Members are profiles with a loyalty event or a loyalty card.
 * - Tickets: ticket_created minus ticket_resolved by props.ticket_id.
 * - Devices: the profile's anonymous ids (browsers and app installs; guest-checkout ids of
 *   the Online Retail preset are orders, not devices).
 * - Consent: the consents row per channel (imports already keep the newest statement); an
 *   email_unsubscribed event at or after that row's time makes e-mail "unsubscribed".
 * - Favourite category/brand: most units bought (ties: alphabetical), else most viewed.
 */
class TraitBuilder {
public:
    /// The progress stage rebuildAll() reports.
    static constexpr const char *kProgressStage = "Computing customer traits";

    /**
     * Recomputes every profile's traits, the reference time and the RFM cut points (kept
     * in meta "traits.rfm"), then refreshes the planner's statistics of the traits
     * (refreshQueryStatistics) so that segments pick the index that narrows most. One pass
     * over events in (profile, time) order; throws Cancelled when progress asks to stop
     * (nothing changed) or StoreError. Runs in the caller's transaction (an import, the
     * demo), or in one of its own (`clientele profile rebuild-traits`).
     */
    static void rebuildAll(Database &db, ProgressSink *progress = nullptr);

    /**
     * Recomputes these profiles only (reading their events through the events_profile_ts
     * index) and scores them against the stored RFM cut points; deletes the rows of
     * profiles that no longer exist (merged away). Reference time and cut points stay as
     * the last rebuild left them, so a refreshed row equals what a rebuild with the same
     * cut points writes. When no cut points exist yet (no buyers at the last rebuild), it
     * measures them over all stored traits once the touched rows are written. Only the
     * columns that changed are written, so the indexes of the others are left alone.
     *
     * Reads each profile's events through events_profile_ts: a bulk load that dropped the
     * event indexes must recreate them first (for a first load into an empty workspace,
     * rebuildAll() is the faster choice anyway).
     */
    static void refresh(Database &db, const std::vector<ProfileId> &profiles);

    /// The latest event's time, or nullopt in a workspace without events. One index seek
    /// per event type.
    static std::optional<Millis> latestEventTime(Database &db);
};

} // namespace clientele
