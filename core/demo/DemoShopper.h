#pragma once

#include "DemoCatalog.h"
#include "DemoPeople.h"
#include "DemoRandom.h"
#include "DemoRows.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace clientele {

/// What all shoppers share: the shop, the calendar, the campaigns that ran.
struct DemoWorld {
    DemoWorld(const DemoCatalog &catalog, const DemoPeople &people)
        : catalog(catalog)
        , people(people)
    {
    }

    const DemoCatalog &catalog;
    const DemoPeople &people;
    std::uint64_t seed = 0;
    Millis start = 0; ///< first instant of the history
    Millis end = 0; ///< first instant after it
    /// The cart-recovery campaign sent its e-mails in [campaignStart, campaignEnd).
    Millis campaignStart = 0;
    Millis campaignEnd = 0;
    /// Send times of the newsletter issues, oldest first, with their names and subjects.
    std::vector<Millis> newsletterIssues;
    std::vector<std::string> newsletterNames;
    std::vector<std::string> newsletterSubjects;
};

/// Running numbers shared by all shoppers, so that ids are unique across the store.
struct DemoCounters {
    std::int64_t nextProfileId = 1;
    std::int64_t nextOrderNumber = 100001;
    std::int64_t nextCartNumber = 1;
    std::int64_t nextTicketNumber = 1;
};

/**
 * Lives one shopper's year at the shop and writes down what the shop saw: the resolved
 * profile, its identifiers, consents, merges and events.
 *
 * The generator already knows who is who, so it writes the profiles that identity
 * resolution would have produced, with the merges that would have led there.
 */
class DemoShopper {
public:
    /// A product in a cart or on a receipt.
    struct Line {
        const DemoProduct *product = nullptr;
        int quantity = 1;
    };

    DemoShopper(const DemoWorld &world, DemoCounters &counters);

    /// Shopper number index (0 is always the brief shopper); fills rows (cleared first).
    void simulate(std::int64_t index, DemoShopperRows &rows);

private:
    enum class Entry { OnlinePurchase, NewsletterSignup, Store };
    enum class Consent { NeverAsked, Granted, Denied };

    /// A browser or app install: one anonymous_id, a profile of its own until signed in.
    struct Device {
        int number = 0;
        const char *kind = "desktop"; ///< mobile, desktop, tablet
        const char *channel = "web"; ///< web or app
        std::string anonymousId;
        nlohmann::json base; ///< {"anonymous_id":…,"device":…}
        std::string props; ///< base as text, shared by most of the device's events
        Millis activeFrom = 0;
        bool identified = false;
        int anonymousSessionsLeft = 0;
        int plannedSessions = 0;
        Millis firstSeen = -1;
    };

    struct Cart {
        std::string id;
        std::vector<Line> lines;
    };

    enum class VisitKind { Online, Store, Replenish };
    struct Visit {
        Millis ts = 0;
        VisitKind kind = VisitKind::Online;
        int device = -1;
    };

    void reset(std::int64_t index, DemoShopperRows &rows);
    void simulateVisitor();
    void simulateCustomer(bool brief);
    void planCustomer(bool brief);
    void addDevice(const char *kind, const char *channel, Millis activeFrom);
    std::vector<Visit> planVisits();
    void enter(Millis at);
    void visit(const Visit &planned);
    void briefShopperFinale();
    void sendNewsletters();
    void finish();

    Millis openSession(Device &device, Millis t);
    void onlineSession(Device &device, Millis t);
    void replenishOnline(Device &device, Millis t, const Line &line);
    Millis signIn(Device &device, Millis t, const char *type, const char *method);
    void abandonCart(Device &device, const Cart &cart, Millis abandonedAt);
    void recoverCart(Device &device, const Cart &cart, Millis t);
    void storePurchase(Millis t, std::vector<Line> lines);
    void joinLoyalty(Millis t);
    void completeOrder(Millis t, const Device *device, const DemoShop *shop,
        const std::vector<Line> &lines, const std::string &cartId);
    void earnPoints(Millis t, const std::string &orderId, std::int64_t totalCents);
    void followUpOrder(Millis t, const char *channel, const std::string &orderId,
        const std::vector<Line> &lines, std::int64_t total, bool shipped);
    bool emailAllowedAt(Millis t) const;

    DemoEvent &emit(Millis ts, const char *type, const char *channel);
    /// Events on a device also tell when the device was first seen.
    DemoEvent &emitOnDevice(Millis ts, const char *type, Device &device);
    DemoEvent &emitProduct(Millis ts, const char *type, Device &device, const Line &line);
    void emitPage(Millis ts, Device &device);
    Millis step(Millis t);
    Millis atLocalHour(Millis t, bool shopHours);
    DemoCategory pickCategory();
    Line pickLine(DemoCategory category);
    std::string nextOrderId();
    std::string nextCartId();

    const DemoWorld &world_;
    DemoCounters &counters_;
    DemoRandom random_ { 0, 0 };
    DemoShopperRows *rows_ = nullptr;
    std::int64_t index_ = 0;
    std::uint32_t sequence_ = 0;

    // The persona of the shopper being simulated.
    DemoPerson person_;
    bool known_ = false;
    Entry entry_ = Entry::OnlinePurchase;
    Millis knownAt_ = 0;
    Millis activeUntil_ = 0; ///< lapsed shoppers stop visiting here
    double onlineVisitsPerMonth_ = 0.0;
    double storeVisitsPerMonth_ = 0.0;
    bool loyaltyMember_ = false;
    Millis loyaltyJoinedAt_ = -1;
    std::int64_t loyaltyPoints_ = 0;
    DemoCategory favourites_[2] {};
    const DemoProduct *replenishes_ = nullptr;
    bool hasPhone_ = false;
    Consent emailConsent_ = Consent::NeverAsked;
    int unsubscribeIssue_ = -1;
    Millis unsubscribedAt_ = -1;
    double openRate_ = 0.0;
    double clickRate_ = 0.0;
    bool holdout_ = false;
    std::vector<Device> devices_;
};

} // namespace clientele
