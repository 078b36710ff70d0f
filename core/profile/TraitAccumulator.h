#pragma once

#include "ProfileTraits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace clientele {

class Database;

/// The product catalogue, to name the SKU, category and brand of a product id.
class TraitCatalog {
public:
    struct Product {
        std::string sku;
        std::string category;
        std::string brand;
        std::string name;
        int replenishDays = 0; ///< the catalogue's rebuy interval; 0 when it states none
    };

    static TraitCatalog load(Database &db);

    const Product *byId(std::int64_t id) const;
    const Product *bySku(std::string_view sku) const;

private:
    std::unordered_map<std::int64_t, Product> products_;
    std::unordered_map<std::string, std::int64_t> idsBySku_;
};

/// The event types traits look at; everything else only counts as activity.
enum class TraitEventKind {
    Other,
    OrderCompleted,
    OrderCancelled,
    OrderRefunded,
    ProductAdded,
    ProductRemoved,
    ProductViewed,
    EmailSent,
    EmailOpened,
    EmailClicked,
    EmailUnsubscribed,
    TicketCreated,
    TicketResolved,
    ProductReviewed,
    Loyalty, ///< any loyalty_* type
};

/**
 * One events row as the accumulator reads it; the views live as long as the row. A reader
 * fills only what the kind uses (see TraitAccumulator::columnsOf), the rest stays empty.
 */
struct TraitEvent {
    Millis ts = 0;
    TraitEventKind kind = TraitEventKind::Other;
    std::string_view type;
    std::string_view channel;
    std::int64_t productId = 0; ///< 0 = none
    std::string_view category;
    std::string_view orderId;
    std::string_view cartId;
    std::optional<double> value;
    std::optional<std::int64_t> quantity;
    /// Only for the types whose properties matter (orders, loyalty, tickets, reviews).
    std::string_view props;
};

/**
 * Computes one profile's traits from its rows: start(), then the profile's attributes,
 * identities, consents and events (events in (ts, id) order), then finish(). The same code
 * serves the full rebuild and the incremental refresh, so the two always agree. Reused
 * from profile to profile: its containers keep their capacity.
 *
 * Internal to core/profile; the rules are documented in TraitBuilder.h.
 */
class TraitAccumulator {
public:
    TraitAccumulator(const TraitCatalog &catalog, Millis referenceTime);

    void start(ProfileId profile);
    void addAttributes(std::string_view firstName, std::string_view lastName,
        std::string_view country, std::string_view city);
    void addIdentity(
        std::string_view kind, std::string_view value, Millis firstSeen, std::int64_t id);
    void addConsent(std::string_view channel, std::string_view status, Millis ts);
    void addEvent(const TraitEvent &event);
    /// The traits, without RFM scores (they need the whole workspace's buyers).
    const ProfileTraits &finish();

    static TraitEventKind kindOf(std::string_view type);

    /// Which optional columns addEvent() reads for a kind, so that a reader can skip the
    /// others (most events are views and page views, which need none of them).
    struct Columns {
        bool product = false; ///< productId and category
        bool order = false; ///< orderId
        bool cart = false; ///< cartId
        bool value = false; ///< value and quantity
        bool props = false;
    };
    static Columns columnsOf(TraitEventKind kind);

    /// The SQL expression an event reader selects for TraitEvent::props: the properties
    /// of the event types whose properties matter, NULL for the rest (most events), so
    /// that the reader neither copies nor sorts them.
    static const char *propsColumnSql();

private:
    struct Order {
        std::string id;
        Millis ts = 0;
        double value = 0.0;
    };
    struct Line {
        std::size_t order = 0;
        std::string category;
        std::string brand;
        double units = 0.0;
    };
    struct Identity {
        std::string value;
        Millis firstSeen = 0;
        std::int64_t id = 0;
        bool present = false;
    };
    struct Consent {
        std::string status;
        Millis ts = 0;
    };
    using Tally = std::vector<std::pair<std::string, double>>;

    void addOrder(const TraitEvent &event);
    void addCartChange(const TraitEvent &event, int direction);
    void addView(const TraitEvent &event);
    void addLoyalty(const TraitEvent &event);
    void addTicket(const TraitEvent &event, bool created);
    void addReview(const TraitEvent &event);
    static void count(Tally &tally, std::string_view name, double amount);
    static std::string favourite(const Tally &tally);
    static void keepEarliest(
        Identity &identity, std::string_view value, Millis firstSeen, std::int64_t id);
    std::string consentStatus(const Consent &consent, std::optional<Millis> unsubscribedAt) const;

    const TraitCatalog &catalog_;
    Millis referenceTime_;
    ProfileTraits traits_;

    std::string firstName_;
    std::string lastName_;
    Identity customerId_;
    Identity email_;
    Identity phone_;
    bool loyaltyCard_ = false;
    Consent emailConsent_;
    Consent smsConsent_;
    Consent pushConsent_;
    std::optional<Millis> emailUnsubscribedAt_;

    std::vector<std::string> channels_;
    std::vector<Order> orders_;
    std::unordered_map<std::string, std::size_t> orderIndex_;
    std::vector<Line> lines_;
    std::unordered_set<std::string> cancelled_;
    std::vector<std::pair<std::string, double>> refunds_; ///< order id, value

    std::optional<Millis> lastAdd_;
    std::unordered_set<std::string> cartsAdded_;
    std::unordered_set<std::string> cartsOrdered_;
    bool sessionOpen_ = false; ///< add-to-cart session without a cart id, no order yet
    Millis lastSessionAdd_ = 0;
    std::int64_t sessionsAbandoned_ = 0;

    Tally viewedCategories_;
    Tally viewedBrands_;
    std::vector<std::int64_t> recentViews_; ///< product ids, latest first

    bool loyaltyMember_ = false;
    std::optional<double> balance_;
    double redeemedSinceBalance_ = 0.0;
    double earned_ = 0.0;
    double redeemed_ = 0.0;
    std::string statedTier_;

    std::unordered_set<std::string> ticketsCreated_;
    std::unordered_set<std::string> ticketsResolved_;
    std::int64_t ticketsCreatedWithoutId_ = 0;
    std::int64_t ticketsResolvedWithoutId_ = 0;

    double ratingSum_ = 0.0;
};

} // namespace clientele
