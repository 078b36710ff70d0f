#pragma once

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;

using ProfileId = std::int64_t;

/**
 * What Clientele has computed about one shopper: one row of profile_traits, as the
 * customer list, the profile page and segments read it. TraitBuilder writes it.
 *
 * Text is empty where the workspace has nothing (NULL in the table). "Orders" are
 * order_completed events, one per order id, not cancelled by an order_cancelled event.
 * Windows such as "last 30 days" count back from the reference time (the workspace's
 * latest event when traits were last rebuilt, see RfmModel).
 */
struct ProfileTraits {
    ProfileId profileId = 0;

    // Who: display fields for the customer list.
    std::string customerId; ///< the first customer id the shopper was known by
    std::string email; ///< the first e-mail address seen
    std::string phone; ///< the first phone number seen
    std::string name; ///< first and last name
    std::string country;
    std::string city;

    // Activity.
    std::optional<Millis> firstSeen; ///< first event
    std::optional<Millis> lastSeen; ///< latest event
    std::string channels; ///< event channels used, sorted: "app,email,pos,web"
    std::int64_t devices = 0; ///< browsers and app installs (anonymous ids)

    // Orders.
    std::int64_t orders = 0;
    /// Order values minus refunds; a cancelled order and its refunds do not count.
    double revenue = 0.0;
    std::optional<double> averageOrderValue; ///< revenue / orders
    std::optional<Millis> firstOrder;
    std::optional<Millis> lastOrder;
    std::int64_t cancelledOrders = 0;
    std::int64_t refunds = 0; ///< order_refunded events
    double refundedValue = 0.0;

    // RFM (buyers only).
    std::optional<int> rfmRecency;
    std::optional<int> rfmFrequency;
    std::optional<int> rfmMonetary;
    std::string rfmGroup; ///< key, see rfmGroup()

    // Cart: what was added (minus removed) since the last order.
    double cartValue = 0.0;
    std::int64_t cartItems = 0;
    /// The latest add-to-cart of a cart still open (no order since).
    std::optional<Millis> cartAbandonedSince;
    /// Carts that never led to an order (by cart id, else by add-to-cart session).
    std::int64_t abandonedCarts = 0;

    // E-mail engagement.
    std::int64_t emailsReceived30d = 0;
    std::int64_t emailsOpened30d = 0;
    std::int64_t emailsClicked30d = 0;
    std::int64_t emailsReceived90d = 0;
    std::int64_t emailsOpened90d = 0;
    std::int64_t emailsClicked90d = 0;
    std::optional<Millis> lastEmailOpen;

    // Interests.
    std::string favouriteCategory; ///< most bought (units), else most viewed
    std::string favouriteBrand;
    std::vector<std::string> lastViewedProducts; ///< SKUs, latest first, at most 5

    // Loyalty and service.
    std::string loyaltyTier; ///< empty for non-members
    std::optional<std::int64_t> loyaltyPoints; ///< nullopt for non-members
    std::int64_t openTickets = 0;
    std::int64_t reviews = 0;
    std::optional<double> averageRating;

    // Consent per channel: granted, denied, unsubscribed, or empty (never asked).
    std::string emailConsent;
    std::string smsConsent;
    std::string pushConsent;

    /// The reference time the windows and the recency were computed against.
    std::optional<Millis> referenceTime;

    bool operator==(const ProfileTraits &) const = default;

    /// The stored traits of one profile; nullopt when it has none (unknown profile, or
    /// traits not built yet).
    static std::optional<ProfileTraits> load(Database &db, ProfileId profile);
};

} // namespace clientele
