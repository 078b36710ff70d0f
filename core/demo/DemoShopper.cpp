#include "DemoShopper.h"

#include "DemoStore.h"

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>

namespace clientele {

namespace {

using nlohmann::json;

constexpr Millis kMinute = 60 * kMillisPerSecond;

// The store's shape, in one place so that the demo can be tuned without a hunt.
constexpr double kVisitorShare = 0.40; ///< anonymous-only visitors among shoppers
constexpr double kEstablishedShare = 0.35; ///< customers already active when the history starts
constexpr double kChurnShare = 0.30; ///< customers who stop coming during the year
constexpr double kAddToCartRate = 0.45; ///< customer sessions that put something in the cart
constexpr double kVisitorAddToCartRate = 0.30;
constexpr double kCheckoutRate = 0.25; ///< carts that reach checkout
constexpr double kPaymentRate = 0.40; ///< checkouts that become orders
constexpr double kOrganicRecoveryRate = 0.10; ///< abandoned carts completed within 3 days anyway
constexpr double kTreatmentRecoveryRate = 0.24; ///< … after a cart-recovery e-mail
constexpr double kHoldoutShare = 0.10;
constexpr double kRefundRate = 0.035;
constexpr double kTicketRate = 0.04;
constexpr double kReviewRate = 0.13;
constexpr double kReplenisherShare = 0.03;
constexpr std::int64_t kPointsPerReward = 500;

Millis days(double count)
{
    return static_cast<Millis>(count * static_cast<double>(kMillisPerDay));
}

Millis hours(double count)
{
    return static_cast<Millis>(count * static_cast<double>(kMillisPerHour));
}

Millis minutes(double count)
{
    return static_cast<Millis>(count * static_cast<double>(kMinute));
}

double money(std::int64_t cents)
{
    return static_cast<double>(cents) / 100.0;
}

/// Central European summer time (also the UK's): last Sunday of March to last Sunday of
/// October, 01:00 UTC. Good enough to put store visits inside opening hours.
bool isEuropeanSummerTime(Millis t)
{
    using namespace std::chrono;
    const auto day = floor<date::days>(sys_time<milliseconds>(milliseconds(t)));
    const date::year year = date::year_month_day(day).year();
    const auto oneAm = [](date::sys_days sunday) {
        return sunday.time_since_epoch() / milliseconds(1) + kMillisPerHour;
    };
    return t >= oneAm(date::sys_days(year / date::March / date::Sunday[date::last]))
        && t < oneAm(date::sys_days(year / date::October / date::Sunday[date::last]));
}

// Local hours of the day at which shoppers browse (evenings) and visit shops (opening hours).
constexpr std::array<double, 24> kOnlineHours { 0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.4, 0.9, 1.1, 1.1,
    1.1, 1.2, 1.5, 1.4, 1.1, 1.1, 1.2, 1.4, 1.8, 2.2, 2.4, 2.1, 1.4, 0.8 };
constexpr std::array<double, 24> kShopHours { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.3, 1.5, 1.6, 1.5,
    1.5, 1.7, 2.0, 2.2, 1.8, 1.0, 0, 0, 0, 0 };

constexpr double kCategoryWeights[kDemoCategoryCount] = { 3.0, 1.2, 2.5, 1.0, 1.2, 1.3 };

constexpr const char *kPages[] = { "/", "/running-shoes", "/trail", "/sale", "/new-in",
    "/journal/first-marathon", "/journal/trail-basics", "/stores" };
constexpr const char *kPayments[] = { "card", "paypal", "klarna", "card", "apple_pay" };
constexpr const char *kShopPayments[] = { "card", "card", "card", "cash", "mobile" };
constexpr const char *kRefundReasons[]
    = { "size did not fit", "changed my mind", "damaged on arrival", "not as described" };
constexpr const char *kTicketSubjects[]
    = { "Where is my order?", "Exchange for another size", "Return label needed",
          "Invoice with company address", "Item arrived damaged", "Loyalty points missing" };
constexpr const char *kReviewTitles[]
    = { "Disappointed", "Not for me", "Okay", "Very good", "Love them" };
constexpr double kRatingWeights[] = { 0.05, 0.07, 0.13, 0.30, 0.45 };

const char *carrierFor(const DemoCountry *country)
{
    const std::string_view code = country ? country->code : "DE";
    if (code == "NL")
        return "PostNL";
    if (code == "GB")
        return "Royal Mail";
    if (code == "CH")
        return "Swiss Post";
    if (code == "AT")
        return "Austrian Post";
    return "DHL";
}

json productsJson(const std::vector<DemoShopper::Line> &lines)
{
    json products = json::array();
    for (const auto &line : lines) {
        products.push_back({ { "product_id", line.product->id }, { "sku", line.product->sku },
            { "category", categoryName(line.product->category) },
            { "price", money(line.product->priceCents) }, { "quantity", line.quantity } });
    }
    return products;
}

std::int64_t totalCents(const std::vector<DemoShopper::Line> &lines)
{
    std::int64_t total = 0;
    for (const auto &line : lines)
        total += line.product->priceCents * line.quantity;
    return total;
}

} // namespace

DemoShopper::DemoShopper(const DemoWorld &world, DemoCounters &counters)
    : world_(world)
    , counters_(counters)
{
}

void DemoShopper::simulate(std::int64_t index, DemoShopperRows &rows)
{
    reset(index, rows);
    if (index == 0)
        simulateCustomer(true);
    else if (random_.chance(kVisitorShare))
        simulateVisitor();
    else
        simulateCustomer(false);
    finish();
}

void DemoShopper::reset(std::int64_t index, DemoShopperRows &rows)
{
    rows.clear();
    rows_ = &rows;
    index_ = index;
    random_ = DemoRandom(world_.seed, static_cast<std::uint64_t>(index));
    sequence_ = 0;
    person_ = DemoPerson();
    known_ = false;
    entry_ = Entry::OnlinePurchase;
    knownAt_ = 0;
    activeUntil_ = world_.end;
    onlineVisitsPerMonth_ = 0.0;
    storeVisitsPerMonth_ = 0.0;
    loyaltyMember_ = false;
    loyaltyJoinedAt_ = -1;
    loyaltyPoints_ = 0;
    replenishes_ = nullptr;
    hasPhone_ = false;
    emailConsent_ = Consent::NeverAsked;
    unsubscribedAt_ = -1;
    unsubscribeIssue_ = -1;
    openRate_ = 0.0;
    clickRate_ = 0.0;
    holdout_ = false;
    devices_.clear();
}

// --- anonymous visitors ----------------------------------------------------------------

void DemoShopper::simulateVisitor()
{
    favourites_[0] = static_cast<DemoCategory>(random_.weighted(kCategoryWeights));
    favourites_[1] = static_cast<DemoCategory>(random_.weighted(kCategoryWeights));
    const double r = random_.uniform();
    if (r < 0.08)
        addDevice("mobile", "app", world_.start);
    else if (r < 0.60)
        addDevice("mobile", "web", world_.start);
    else if (r < 0.90)
        addDevice("desktop", "web", world_.start);
    else
        addDevice("tablet", "web", world_.start);

    Millis day = world_.start + days(random_.uniform(0.0, 364.0));
    const int sessions = 1 + random_.poisson(0.8);
    for (int i = 0; i < sessions && day < world_.end; ++i) {
        onlineSession(devices_.front(), atLocalHour(day, false));
        day += days(1.0 + random_.exponential(12.0));
    }
}

// --- customers -------------------------------------------------------------------------

void DemoShopper::simulateCustomer(bool brief)
{
    known_ = true;
    planCustomer(brief);
    enter(knownAt_);
    for (const auto &planned : planVisits())
        visit(planned);
    if (brief)
        briefShopperFinale();
    sendNewsletters();
}

void DemoShopper::planCustomer(bool brief)
{
    person_ = brief ? world_.people.briefShopper(index_, DemoStore::kBriefShopperEmail)
                    : world_.people.person(index_, random_);

    const bool established = brief || random_.chance(kEstablishedShare);
    const Millis firstDay = established ? world_.start + days(random_.uniform(0.0, 30.0))
                                        : world_.start + days(random_.uniform(0.0, 360.0));
    if (brief)
        activeUntil_ = world_.end - days(8);
    else if (random_.chance(kChurnShare))
        activeUntil_ = std::min(world_.end, firstDay + days(20.0 + random_.exponential(100.0)));

    loyaltyMember_
        = brief || (person_.homeShop && random_.chance(person_.livesNearShop ? 0.60 : 0.15));
    entry_ = Entry::OnlinePurchase;
    if (!brief) {
        if (loyaltyMember_ && random_.chance(0.5))
            entry_ = Entry::Store;
        else if (random_.chance(0.5))
            entry_ = Entry::NewsletterSignup;
    }
    knownAt_ = atLocalHour(firstDay, entry_ == Entry::Store);

    onlineVisitsPerMonth_ = brief ? 1.2 : std::clamp(random_.logNormal(0.3, 0.8), 0.08, 6.0);
    storeVisitsPerMonth_ = !loyaltyMember_ ? 0.0
        : brief                            ? 0.4
                                           : std::clamp(random_.logNormal(0.25, 0.6), 0.05, 3.0);
    favourites_[0] = brief ? DemoCategory::Shoes
                           : static_cast<DemoCategory>(random_.weighted(kCategoryWeights));
    favourites_[1] = brief ? DemoCategory::Apparel
                           : static_cast<DemoCategory>(random_.weighted(kCategoryWeights));
    if (!brief && random_.chance(kReplenisherShare))
        replenishes_ = &world_.catalog.pickReplenishable(random_);
    hasPhone_ = brief || random_.chance(0.6);

    // Consent as the shop recorded it when the shopper became known.
    if (brief || entry_ == Entry::NewsletterSignup) {
        emailConsent_ = Consent::Granted;
    } else {
        const double r = random_.uniform();
        emailConsent_ = r < 0.50 ? Consent::Granted
            : r < 0.70           ? Consent::Denied
                                 : Consent::NeverAsked;
    }
    openRate_ = brief ? 0.45 : std::clamp(random_.normal(0.27, 0.15), 0.02, 0.85);
    clickRate_ = std::clamp(random_.normal(0.22, 0.10), 0.02, 0.6);
    if (!brief && emailConsent_ == Consent::Granted && random_.chance(0.10)) {
        std::vector<int> candidates;
        for (int i = 0; i < static_cast<int>(world_.newsletterIssues.size()); ++i)
            if (world_.newsletterIssues[static_cast<std::size_t>(i)] > knownAt_)
                candidates.push_back(i);
        if (!candidates.empty()) {
            unsubscribeIssue_ = random_.pick(candidates);
            const Millis issue
                = world_.newsletterIssues[static_cast<std::size_t>(unsubscribeIssue_)];
            unsubscribedAt_ = std::min(
                world_.end - kMinute, issue + minutes(95) + hours(random_.exponential(3.0)));
        }
    }
    // The campaign's split: one coin per shopper, so a shopper never sees both arms.
    holdout_ = DemoRandom(world_.seed ^ 0xCA3Bull, static_cast<std::uint64_t>(index_)).uniform()
        < kHoldoutShare;

    // Devices: the first is where the shopper starts; later ones join as they are used.
    if (brief) {
        addDevice("mobile", "app", knownAt_ - days(6));
        addDevice("desktop", "web", world_.start + days(120));
        return;
    }
    const double r = random_.uniform();
    const Millis primaryFrom = entry_ == Entry::Store ? knownAt_ + days(random_.uniform(1.0, 200.0))
                                                      : knownAt_ - days(25);
    if (r < 0.22)
        addDevice("mobile", "app", primaryFrom);
    else if (r < 0.62)
        addDevice("mobile", "web", primaryFrom);
    else if (r < 0.95)
        addDevice("desktop", "web", primaryFrom);
    else
        addDevice("tablet", "web", primaryFrom);
    const double extra = random_.uniform();
    const int extras = extra < 0.5 ? 0 : extra < 0.85 ? 1 : 2;
    static constexpr std::array<std::array<const char *, 2>, 4> kKinds { { { "mobile", "app" },
        { "mobile", "web" }, { "desktop", "web" }, { "tablet", "web" } } };
    for (int i = 0; i < extras; ++i) {
        const auto &kind = kKinds[static_cast<std::size_t>(random_.between(0, 3))];
        const bool taken = std::any_of(devices_.begin(), devices_.end(), [&](const Device &d) {
            return std::string_view(d.kind) == kind[0] && std::string_view(d.channel) == kind[1];
        });
        if (!taken)
            addDevice(kind[0], kind[1], knownAt_ + days(random_.uniform(1.0, 300.0)));
    }
}

void DemoShopper::addDevice(const char *kind, const char *channel, Millis activeFrom)
{
    Device device;
    device.number = static_cast<int>(devices_.size());
    device.kind = kind;
    device.channel = channel;
    device.anonymousId = world_.people.anonymousId(index_, device.number);
    device.base = json { { "anonymous_id", device.anonymousId }, { "device", kind } };
    device.props = device.base.dump();
    device.activeFrom = startOfDay(activeFrom);
    // A device met after the shopper is known is used anonymously for a while first.
    device.anonymousSessionsLeft = known_ ? static_cast<int>(random_.between(0, 2)) : 1 << 30;
    devices_.push_back(std::move(device));
}

std::vector<DemoShopper::Visit> DemoShopper::planVisits()
{
    std::vector<Visit> visits;
    // Visits start the day after the shopper became known, so none precedes the entry.
    const Millis from = startOfDay(knownAt_) + kMillisPerDay;
    const Millis until = activeUntil_;
    auto addProcess = [&](double perMonth, VisitKind kind) {
        if (perMonth <= 0.0)
            return;
        Millis t = from;
        while (true) {
            t += days(random_.exponential(30.0 / perMonth));
            if (t >= until)
                break;
            visits.push_back({ t, kind, -1 });
        }
    };
    addProcess(onlineVisitsPerMonth_, VisitKind::Online);
    addProcess(storeVisitsPerMonth_, VisitKind::Store);
    if (replenishes_) {
        Millis t = from + days(random_.uniform(2.0, replenishes_->replenishDays));
        while (t < until) {
            visits.push_back({ t, VisitKind::Replenish, -1 });
            t += days(
                replenishes_->replenishDays * std::clamp(random_.normal(1.0, 0.1), 0.75, 1.3));
        }
    }
    // Every device that comes into use gets a first session on its first day.
    for (const auto &device : devices_) {
        if (device.activeFrom >= from && device.activeFrom < until)
            visits.push_back({ device.activeFrom, VisitKind::Online, device.number });
    }
    // The time of day is fixed before sorting, so visits are lived in the order they happen.
    for (auto &planned : visits)
        planned.ts = atLocalHour(planned.ts, planned.kind != VisitKind::Online);
    std::sort(visits.begin(), visits.end(), [](const Visit &a, const Visit &b) {
        return a.ts != b.ts    ? a.ts < b.ts
            : a.kind != b.kind ? a.kind < b.kind
                               : a.device < b.device;
    });

    // Online sessions go to a device that is in use by then, mostly the first one.
    for (auto &planned : visits) {
        if (planned.kind != VisitKind::Online || planned.device >= 0)
            continue;
        std::array<double, 4> weights {};
        bool any = false;
        for (const auto &device : devices_) {
            if (device.activeFrom <= planned.ts) {
                weights[static_cast<std::size_t>(device.number)] = device.number == 0 ? 3.0 : 1.5;
                any = true;
            }
        }
        if (any)
            planned.device = static_cast<int>(random_.weighted(weights));
    }
    std::erase_if(
        visits, [](const Visit &v) { return v.kind == VisitKind::Online && v.device < 0; });

    // A later device signs in within its first few sessions, at the latest on its last.
    for (const auto &planned : visits)
        if (planned.device >= 0)
            ++devices_[static_cast<std::size_t>(planned.device)].plannedSessions;
    for (auto &device : devices_)
        device.anonymousSessionsLeft
            = std::min(device.anonymousSessionsLeft, device.plannedSessions - 1);
    return visits;
}

void DemoShopper::enter(Millis at)
{
    if (entry_ == Entry::Store) {
        storePurchase(at, { pickLine(favourites_[0]) });
        return;
    }
    Device &device = devices_.front();
    // Most look around anonymously for a few days before they sign up; until then they
    // are visitors like any other.
    if (random_.chance(0.7)) {
        known_ = false;
        device.anonymousSessionsLeft = 1 << 30;
        const int before = static_cast<int>(random_.between(1, 2));
        for (int i = 0; i < before; ++i) {
            const Millis day = at - days(random_.uniform(1.0, 24.0));
            if (day > world_.start + kMillisPerDay)
                onlineSession(device, atLocalHour(day, false));
        }
        known_ = true;
    }
    device.anonymousSessionsLeft = 0;
    Millis t = openSession(device, at);
    const int views = 1 + random_.poisson(1.0);
    std::vector<Line> viewed;
    for (int i = 0; i < views; ++i) {
        viewed.push_back(pickLine(i == 0 ? favourites_[0] : pickCategory()));
        t = step(t);
        emitProduct(t, "product_viewed", device, viewed.back());
    }
    if (entry_ == Entry::NewsletterSignup) {
        signIn(device, step(t), "signed_up", "newsletter");
        return;
    }
    Cart cart { nextCartId(), { viewed.front() } };
    t = step(t);
    emitProduct(t, "product_added", device, cart.lines.front()).cartId = cart.id;
    t = step(t);
    emitOnDevice(t, "cart_viewed", device).cartId = cart.id;
    t = step(t);
    emitOnDevice(t, "checkout_started", device).cartId = cart.id;
    t = signIn(device, step(t), "signed_up", "checkout");
    completeOrder(step(t), &device, nullptr, cart.lines, cart.id);
}

void DemoShopper::visit(const Visit &planned)
{
    switch (planned.kind) {
    case VisitKind::Online:
        onlineSession(devices_[static_cast<std::size_t>(planned.device)], planned.ts);
        break;
    case VisitKind::Store:
        if (random_.chance(0.85)) {
            std::vector<Line> lines { pickLine(pickCategory()) };
            for (int extra = random_.poisson(0.5); extra > 0; --extra)
                lines.push_back(pickLine(pickCategory()));
            storePurchase(planned.ts, std::move(lines));
        }
        break;
    case VisitKind::Replenish: {
        Line line { replenishes_, replenishes_->category == DemoCategory::Socks ? 1 : 2 };
        Device *online = nullptr;
        for (auto &device : devices_)
            if (device.identified)
                online = &device;
        const bool inStore = loyaltyMember_ && (!online || random_.chance(0.5));
        if (inStore)
            storePurchase(planned.ts, { line });
        else if (online)
            replenishOnline(*online, planned.ts, line);
        break;
    }
    }
}

/// Lena's last week, as the product brief tells it: running shoes on her phone six days
/// ago, socks in the Berlin shop yesterday with her loyalty card.
void DemoShopper::briefShopperFinale()
{
    Device &phone = devices_.front();
    const Millis sixDaysAgo = world_.end - days(6);
    Millis t
        = sixDaysAgo + hours(19) + minutes(40) - hours(isEuropeanSummerTime(sixDaysAgo) ? 2 : 1);
    t = openSession(phone, t);
    for (int i = 0; i < 3; ++i) {
        t = step(t);
        emitProduct(t, "product_viewed", phone, pickLine(DemoCategory::Shoes));
    }
    const Millis yesterday = world_.end - days(1);
    const Millis inShop
        = yesterday + hours(17) + minutes(20) - hours(isEuropeanSummerTime(yesterday) ? 2 : 1);
    storePurchase(inShop, { Line { &world_.catalog.pick(DemoCategory::Socks, random_), 2 } });
}

// --- sessions --------------------------------------------------------------------------

Millis DemoShopper::openSession(Device &device, Millis t)
{
    if (std::string_view(device.channel) == "app")
        emitOnDevice(t, "application_opened", device);
    else if (random_.chance(0.5)) // the others land on a product page, from search or an ad
        emitPage(t, device);
    return t;
}

void DemoShopper::onlineSession(Device &device, Millis t)
{
    t = openSession(device, t);
    if (known_) {
        if (!device.identified && device.anonymousSessionsLeft <= 0)
            t = signIn(device, step(t), "signed_in", "password");
        else if (device.identified && random_.chance(0.1))
            t = signIn(device, step(t), "signed_in", "password");
    }
    if (std::string_view(device.channel) == "web") {
        for (int pages = random_.poisson(0.1); pages > 0; --pages) {
            t = step(t);
            emitPage(t, device);
        }
    }

    const int views = 1 + random_.poisson(known_ ? 0.5 : 0.8);
    DemoCategory category = pickCategory();
    std::vector<Line> viewed;
    for (int i = 0; i < views; ++i) {
        if (i > 0 && random_.chance(0.2))
            category = pickCategory();
        viewed.push_back(pickLine(category));
        t = step(t);
        emitProduct(t, "product_viewed", device, viewed.back());
    }

    if (random_.chance(known_ ? kAddToCartRate : kVisitorAddToCartRate)) {
        Cart cart { nextCartId(), { viewed.back() } };
        if (viewed.size() > 1 && viewed.front().product != viewed.back().product
            && random_.chance(0.25))
            cart.lines.push_back(viewed.front());
        if (cart.lines.front().product->category == DemoCategory::Shoes && random_.chance(0.25))
            cart.lines.push_back(pickLine(DemoCategory::Socks));
        for (const auto &line : cart.lines) {
            t = step(t);
            emitProduct(t, "product_added", device, line).cartId = cart.id;
        }
        if (cart.lines.size() > 1 && random_.chance(0.12)) {
            t = step(t);
            emitProduct(t, "product_removed", device, cart.lines.back()).cartId = cart.id;
            cart.lines.pop_back();
        }
        if (random_.chance(0.5)) {
            t = step(t);
            emitOnDevice(t, "cart_viewed", device).cartId = cart.id;
        }
        if (known_ && random_.chance(kCheckoutRate)) {
            t = step(t);
            emitOnDevice(t, "checkout_started", device).cartId = cart.id;
            if (!device.identified)
                t = signIn(device, step(t), "signed_in", "checkout");
            if (random_.chance(kPaymentRate))
                completeOrder(step(t), &device, nullptr, cart.lines, cart.id);
            else
                abandonCart(device, cart, t);
        } else {
            abandonCart(device, cart, t);
        }
    }
    if (!device.identified)
        --device.anonymousSessionsLeft;
}

void DemoShopper::replenishOnline(Device &device, Millis t, const Line &line)
{
    t = openSession(device, t);
    const Cart cart { nextCartId(), { line } };
    t = step(t);
    emitProduct(t, "product_added", device, line).cartId = cart.id;
    t = step(t);
    emitOnDevice(t, "checkout_started", device).cartId = cart.id;
    completeOrder(step(t), &device, nullptr, cart.lines, cart.id);
}

Millis DemoShopper::signIn(Device &device, Millis t, const char *type, const char *method)
{
    json props = device.base;
    props["method"] = method;
    emit(t, type, device.channel).props = props.dump();
    if (!device.identified && std::string_view(type) == "signed_in") {
        // The device had a profile of its own until now; identity resolution merges it
        // into the shopper's, through the identifier used to sign in.
        const bool otherDevice = std::any_of(
            devices_.begin(), devices_.end(), [](const Device &d) { return d.identified; });
        DemoMerge merge;
        merge.ts = t;
        const bool byCustomerId = std::string_view(device.channel) == "app" && random_.chance(0.5);
        merge.identityKind = byCustomerId ? "customer_id" : "email";
        merge.identityValue = byCustomerId ? person_.customerId : person_.email;
        merge.reason = otherDevice ? "signed in on a second device"
                                   : "signed in online with the e-mail given in store";
        merge.device = device.number;
        rows_->merges.push_back(std::move(merge));
    }
    device.identified = true;
    device.anonymousSessionsLeft = 0;
    return t;
}

void DemoShopper::abandonCart(Device &device, const Cart &cart, Millis abandonedAt)
{
    // An anonymous cart cannot be followed up: nobody knows whose it was.
    if (!known_ || !device.identified)
        return;
    bool recovered = random_.chance(kOrganicRecoveryRate);
    Millis recoverAt = abandonedAt + hours(random_.uniform(0.5, 70.0));

    const Millis sendAt = abandonedAt + hours(random_.uniform(1.0, 4.0));
    const bool inCampaign
        = sendAt >= world_.campaignStart && sendAt < world_.campaignEnd && emailAllowedAt(sendAt);
    // A cart completed before the send time gets no e-mail (in either arm).
    if (inCampaign && !(recovered && recoverAt < sendAt)) {
        const char *variant = holdout_ ? "holdout" : "treatment";
        const std::string props = json {
            { "campaign", DemoStore::kCampaign }, { "variant", variant }, { "cart_id", cart.id }
        }.dump();
        auto &send = emit(sendAt, holdout_ ? "email_held_out" : "email_sent", "email");
        send.cartId = cart.id;
        send.props = props;
        recovered = random_.chance(holdout_ ? kOrganicRecoveryRate : kTreatmentRecoveryRate);
        recoverAt = sendAt + std::min(hours(random_.exponential(16.0)), hours(70));
        if (!holdout_ && random_.chance(recovered ? 0.9 : 0.3)) {
            const Millis openAt = sendAt + minutes(2)
                + std::min(hours(random_.exponential(1.5)), (recoverAt - sendAt) / 2);
            auto &open = emit(openAt, "email_opened", "email");
            open.cartId = cart.id;
            open.props = props;
            if (random_.chance(recovered ? 0.85 : 0.2)) {
                const Millis clickAt = recovered
                    ? std::max(openAt + minutes(1), recoverAt - minutes(3))
                    : openAt + minutes(random_.uniform(0.5, 5.0));
                auto &click = emit(clickAt, "email_link_clicked", "email");
                click.cartId = cart.id;
                click.props = props;
                recoverAt = std::max(recoverAt, clickAt + minutes(1));
            }
        }
    }
    if (recovered && recoverAt < world_.end - kMillisPerHour)
        recoverCart(device, cart, recoverAt);
}

void DemoShopper::recoverCart(Device &device, const Cart &cart, Millis t)
{
    t = openSession(device, t);
    t = step(t);
    emitOnDevice(t, "cart_viewed", device).cartId = cart.id;
    t = step(t);
    emitOnDevice(t, "checkout_started", device).cartId = cart.id;
    completeOrder(step(t), &device, nullptr, cart.lines, cart.id);
}

void DemoShopper::storePurchase(Millis t, std::vector<Line> lines)
{
    const DemoShop *shop = person_.homeShop;
    if (!shop)
        return;
    if (loyaltyMember_ && loyaltyJoinedAt_ < 0)
        joinLoyalty(t - minutes(2));
    if (loyaltyJoinedAt_ >= 0 && loyaltyPoints_ >= kPointsPerReward && random_.chance(0.5)) {
        loyaltyPoints_ -= kPointsPerReward;
        auto &redeemed = emit(t - minutes(1), "loyalty_reward_redeemed", "loyalty");
        redeemed.value = static_cast<double>(kPointsPerReward);
        redeemed.props = json {
            { "card", person_.loyaltyCard }, { "reward", "EUR 10 voucher" }, { "store", shop->name }
        }.dump();
    }
    completeOrder(t, nullptr, shop, lines, std::string());
}

void DemoShopper::joinLoyalty(Millis t)
{
    loyaltyJoinedAt_ = t;
    emit(t, "loyalty_joined", "pos").props
        = json { { "card", person_.loyaltyCard }, { "store", person_.homeShop->name } }.dump();
}

void DemoShopper::completeOrder(Millis t, const Device *device, const DemoShop *shop,
    const std::vector<Line> &lines, const std::string &cartId)
{
    const std::string orderId = nextOrderId();
    const std::int64_t total = totalCents(lines);
    int quantity = 0;
    for (const auto &line : lines)
        quantity += line.quantity;

    json props = shop ? json { { "store", shop->name }, { "payment", random_.pick(kShopPayments) } }
                      : device->base;
    if (!shop)
        props["payment"] = random_.pick(kPayments);
    if (shop && loyaltyJoinedAt_ >= 0)
        props["loyalty_card"] = person_.loyaltyCard;
    props["products"] = productsJson(lines);

    const char *channel = shop ? "pos" : device->channel;
    auto &order = emit(t, "order_completed", channel);
    order.orderId = orderId;
    order.cartId = cartId;
    order.value = money(total);
    order.valueIsMoney = true;
    order.quantity = quantity;
    order.props = props.dump();

    if (loyaltyJoinedAt_ >= 0)
        earnPoints(t + (shop ? minutes(1) : minutes(30)), orderId, total);
    followUpOrder(t, channel, orderId, lines, total, !shop);
}

void DemoShopper::earnPoints(Millis t, const std::string &orderId, std::int64_t totalCents)
{
    const std::int64_t points = totalCents / 100;
    loyaltyPoints_ += points;
    auto &earned = emit(t, "loyalty_points_earned", "loyalty");
    earned.orderId = orderId;
    earned.value = static_cast<double>(points);
    earned.props = json { { "card", person_.loyaltyCard }, { "balance", loyaltyPoints_ } }.dump();
}

void DemoShopper::followUpOrder(Millis t, const char *channel, const std::string &orderId,
    const std::vector<Line> &lines, std::int64_t total, bool shipped)
{
    const Millis end = world_.end;
    Millis delivered = -1;
    if (shipped) {
        const Millis shipAt = t + hours(random_.uniform(8.0, 40.0));
        const Millis deliverAt = shipAt + hours(random_.uniform(20.0, 96.0));
        const std::string props = json { { "carrier", carrierFor(person_.country) } }.dump();
        if (shipAt < end) {
            auto &event = emit(shipAt, "order_shipped", channel);
            event.orderId = orderId;
            event.props = props;
        }
        if (deliverAt < end) {
            auto &event = emit(deliverAt, "order_delivered", channel);
            event.orderId = orderId;
            event.props = props;
            delivered = deliverAt;
        }
    }
    const Millis received = shipped ? delivered : t;

    bool refunded = false;
    if (received >= 0 && random_.chance(kRefundRate)) {
        const Millis refundAt = received + days(random_.uniform(shipped ? 2.0 : 1.0, 20.0));
        if (refundAt < end) {
            refunded = true;
            const bool oneLine = lines.size() > 1 && random_.chance(0.5);
            const auto &line = lines[static_cast<std::size_t>(
                random_.between(0, static_cast<std::int64_t>(lines.size()) - 1))];
            auto &event = emit(refundAt, "order_refunded", channel);
            event.orderId = orderId;
            event.value = money(oneLine ? line.product->priceCents * line.quantity : total);
            event.valueIsMoney = true;
            event.props = json { { "reason", random_.pick(kRefundReasons) } }.dump();
        }
    }

    if (random_.chance(refunded ? 0.4 : kTicketRate)) {
        const Millis createdAt = t + days(random_.uniform(0.5, 10.0));
        if (createdAt < end) {
            const std::string ticketId
                = std::string("S-").append(std::to_string(50000 + counters_.nextTicketNumber++));
            auto &created = emit(createdAt, "ticket_created", "support");
            created.orderId = orderId;
            created.props = json {
                { "ticket_id", ticketId }, { "subject", random_.pick(kTicketSubjects) }
            }.dump();
            const Millis resolvedAt = createdAt + hours(random_.uniform(2.0, 96.0));
            if (random_.chance(0.9) && resolvedAt < end) {
                auto &resolved = emit(resolvedAt, "ticket_resolved", "support");
                resolved.orderId = orderId;
                resolved.props = json { { "ticket_id", ticketId } }.dump();
            }
        }
    }

    if (received >= 0 && random_.chance(shipped ? kReviewRate : kReviewRate / 3)) {
        const Millis reviewAt = received + days(random_.uniform(3.0, 21.0));
        if (reviewAt < end) {
            const auto &line = lines[static_cast<std::size_t>(
                random_.between(0, static_cast<std::int64_t>(lines.size()) - 1))];
            const int rating = 1 + static_cast<int>(random_.weighted(kRatingWeights));
            auto &review = emit(reviewAt, "product_reviewed", shipped ? channel : "web");
            review.productId = line.product->id;
            review.category = categoryName(line.product->category);
            review.orderId = orderId;
            review.value = rating;
            review.props = json {
                { "rating", rating }, { "title", kReviewTitles[rating - 1] },
                { "sku", line.product->sku }
            }.dump();
        }
    }
}

// --- e-mail ----------------------------------------------------------------------------

void DemoShopper::sendNewsletters()
{
    if (emailConsent_ != Consent::Granted)
        return;
    for (std::size_t i = 0; i < world_.newsletterIssues.size(); ++i) {
        const Millis issue = world_.newsletterIssues[i];
        if (issue < knownAt_)
            continue;
        if (unsubscribedAt_ >= 0 && issue >= unsubscribedAt_)
            break;
        const Millis sendAt = issue + minutes(static_cast<double>(random_.between(0, 90)));
        const std::string props = json {
            { "campaign", world_.newsletterNames[i] }, { "subject", world_.newsletterSubjects[i] }
        }.dump();
        emit(sendAt, "email_sent", "email").props = props;
        if (random_.chance(openRate_)) {
            const Millis openAt
                = sendAt + minutes(1) + std::min(hours(random_.exponential(5.0)), days(6));
            emit(openAt, "email_opened", "email").props = props;
            if (random_.chance(clickRate_))
                emit(openAt + minutes(random_.uniform(0.5, 10.0)), "email_link_clicked", "email")
                    .props
                    = props;
        }
        if (static_cast<int>(i) == unsubscribeIssue_)
            emit(unsubscribedAt_, "email_unsubscribed", "email").props = props;
    }
}

bool DemoShopper::emailAllowedAt(Millis t) const
{
    return emailConsent_ == Consent::Granted && t >= knownAt_
        && (unsubscribedAt_ < 0 || t < unsubscribedAt_);
}

// --- the rows --------------------------------------------------------------------------

void DemoShopper::finish()
{
    auto &rows = *rows_;
    // A safety net: the stories above keep inside the window; this guarantees it.
    std::erase_if(
        rows.events, [&](const DemoEvent &e) { return e.ts < world_.start || e.ts >= world_.end; });
    std::sort(rows.events.begin(), rows.events.end(), [](const DemoEvent &a, const DemoEvent &b) {
        return a.ts != b.ts ? a.ts < b.ts : a.sequence < b.sequence;
    });
    for (const auto &event : rows.events) {
        if (std::string_view(event.type) == "order_completed") {
            ++rows.orders;
            rows.revenueCents += static_cast<std::int64_t>(*event.value * 100.0 + 0.5);
        }
    }

    // Merged device profiles get the ids before the shopper's, so the highest id in the
    // table is always a live profile and a later import never reuses a merged one.
    for (auto &merge : rows.merges)
        merge.mergedProfileId = counters_.nextProfileId++;
    rows.profileId = counters_.nextProfileId++;
    rows.known = known_;
    rows.createdAt = rows.events.empty() ? knownAt_ : rows.events.front().ts;

    for (const auto &device : devices_) {
        if (device.firstSeen >= 0)
            rows.identities.push_back({ "anonymous_id", device.anonymousId, device.channel,
                std::max(device.firstSeen, world_.start), device.number });
    }
    if (!known_)
        return;

    rows.firstName = person_.firstName;
    rows.lastName = person_.lastName;
    rows.country = person_.country->code;
    rows.city = person_.city;
    rows.timezone = person_.country->timezone;
    const char *source = entry_ == Entry::Store ? "pos" : devices_.front().channel;
    rows.identities.push_back({ "email", person_.email, source, knownAt_ });
    rows.identities.push_back({ "customer_id", person_.customerId, source, knownAt_ });
    if (hasPhone_)
        rows.identities.push_back({ "phone", person_.phone, source, knownAt_ });
    if (loyaltyJoinedAt_ >= 0)
        rows.identities.push_back({ "loyalty_card", person_.loyaltyCard, "pos", loyaltyJoinedAt_ });

    if (emailConsent_ == Consent::Granted && unsubscribedAt_ >= 0)
        rows.consents.push_back({ "email", "unsubscribed", "email", unsubscribedAt_ });
    else if (emailConsent_ == Consent::Granted)
        rows.consents.push_back({ "email", "granted", source, knownAt_ });
    else if (emailConsent_ == Consent::Denied)
        rows.consents.push_back({ "email", "denied", source, knownAt_ });
    if (hasPhone_) {
        const double r = random_.uniform();
        if (r < 0.25 || index_ == 0)
            rows.consents.push_back({ "sms", "granted", source, knownAt_ });
        else if (r < 0.40)
            rows.consents.push_back({ "sms", "denied", source, knownAt_ });
    }
    for (const auto &device : devices_) {
        if (std::string_view(device.channel) == "app" && device.firstSeen >= 0) {
            const double r = random_.uniform();
            if (r < 0.55 || index_ == 0)
                rows.consents.push_back({ "push", "granted", "app", device.firstSeen });
            else if (r < 0.70)
                rows.consents.push_back({ "push", "denied", "app", device.firstSeen });
        }
    }
}

// --- small helpers ---------------------------------------------------------------------

DemoEvent &DemoShopper::emit(Millis ts, const char *type, const char *channel)
{
    auto &event = rows_->events.emplace_back();
    event.ts = ts;
    event.sequence = sequence_++;
    event.type = type;
    event.channel = channel;
    return event;
}

DemoEvent &DemoShopper::emitProduct(Millis ts, const char *type, Device &device, const Line &line)
{
    auto &event = emitOnDevice(ts, type, device);
    event.productId = line.product->id;
    event.category = categoryName(line.product->category);
    event.value = money(line.product->priceCents);
    event.valueIsMoney = true;
    if (std::string_view(type) != "product_viewed")
        event.quantity = line.quantity;
    event.props = device.props;
    return event;
}

DemoEvent &DemoShopper::emitOnDevice(Millis ts, const char *type, Device &device)
{
    device.firstSeen = device.firstSeen < 0 ? ts : std::min(device.firstSeen, ts);
    auto &event = emit(ts, type, device.channel);
    event.device = device.number;
    return event;
}

void DemoShopper::emitPage(Millis ts, Device &device)
{
    json props = device.base;
    props["page"] = random_.pick(kPages);
    emitOnDevice(ts, "page_viewed", device).props = props.dump();
}

Millis DemoShopper::step(Millis t)
{
    return t + kMillisPerSecond * random_.between(15, 150);
}

Millis DemoShopper::atLocalHour(Millis t, bool shopHours)
{
    const Millis day = startOfDay(t);
    const double hour = static_cast<double>(random_.weighted(shopHours ? kShopHours : kOnlineHours))
        + random_.uniform();
    const int offset = (person_.country ? person_.country->standardOffsetHours : 1)
        + (isEuropeanSummerTime(day) ? 1 : 0);
    const Millis local = day + hours(hour) - hours(offset);
    // Sessions stay clear of the window's edges, so their follow-ups fit inside it too.
    return std::clamp(local, world_.start + kMillisPerHour, world_.end - 2 * kMillisPerHour);
}

DemoCategory DemoShopper::pickCategory()
{
    const double r = random_.uniform();
    if (r < 0.5)
        return favourites_[0];
    if (r < 0.75)
        return favourites_[1];
    return static_cast<DemoCategory>(random_.weighted(kCategoryWeights));
}

DemoShopper::Line DemoShopper::pickLine(DemoCategory category)
{
    const DemoProduct &product = world_.catalog.pick(category, random_);
    int quantity = 1;
    if (category == DemoCategory::Socks)
        quantity = static_cast<int>(random_.between(1, 3));
    else if (category == DemoCategory::Nutrition)
        quantity = static_cast<int>(random_.between(1, 6));
    return { &product, quantity };
}

std::string DemoShopper::nextOrderId()
{
    return std::string("T-").append(std::to_string(counters_.nextOrderNumber++));
}

std::string DemoShopper::nextCartId()
{
    return std::string("cart-").append(std::to_string(counters_.nextCartNumber++));
}

} // namespace clientele
