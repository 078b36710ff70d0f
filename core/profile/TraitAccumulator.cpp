#include "TraitAccumulator.h"

#include "store/Database.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

using nlohmann::json;

/// Add-to-cart events without a cart id further apart than this start a new cart.
constexpr Millis kCartSessionGap = 30 * 60 * kMillisPerSecond;
/// Loyalty tiers by points balance, when no event states the tier.
constexpr double kSilverPoints = 250.0;
constexpr double kGoldPoints = 750.0;
constexpr std::size_t kRecentViews = 5;
/// The Online Retail preset names a guest checkout's order, not a device, this way.
constexpr std::string_view kGuestOrderPrefix = "guest-order:";

json parseProps(std::string_view props)
{
    if (props.empty())
        return json();
    return json::parse(props.begin(), props.end(), nullptr, false);
}

std::optional<double> numberAt(const json &object, const char *key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::string textAt(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    return {};
}

} // namespace

TraitCatalog TraitCatalog::load(Database &db)
{
    TraitCatalog catalog;
    auto query = db.prepare("SELECT id, sku, category, brand, name, replenish_days FROM products");
    while (query.step()) {
        const std::int64_t id = query.columnInt(0);
        catalog.idsBySku_.emplace(query.columnText(1), id);
        catalog.products_.emplace(id,
            Product { query.columnText(1), query.columnText(2), query.columnText(3),
                query.columnText(4),
                query.isNull(5) ? 0 : static_cast<int>(query.columnInt(5)) });
    }
    return catalog;
}

const TraitCatalog::Product *TraitCatalog::byId(std::int64_t id) const
{
    const auto it = products_.find(id);
    return it == products_.end() ? nullptr : &it->second;
}

const TraitCatalog::Product *TraitCatalog::bySku(std::string_view sku) const
{
    const auto it = idsBySku_.find(std::string(sku));
    return it == idsBySku_.end() ? nullptr : byId(it->second);
}

TraitAccumulator::TraitAccumulator(const TraitCatalog &catalog, Millis referenceTime)
    : catalog_(catalog)
    , referenceTime_(referenceTime)
{
}

TraitEventKind TraitAccumulator::kindOf(std::string_view type)
{
    using Kind = TraitEventKind;
    static const std::unordered_map<std::string_view, Kind> kinds {
        { "order_completed", Kind::OrderCompleted },
        { "order_cancelled", Kind::OrderCancelled },
        { "order_refunded", Kind::OrderRefunded },
        { "product_added", Kind::ProductAdded },
        { "product_removed", Kind::ProductRemoved },
        { "product_viewed", Kind::ProductViewed },
        { "email_sent", Kind::EmailSent },
        { "email_opened", Kind::EmailOpened },
        { "email_link_clicked", Kind::EmailClicked },
        { "email_unsubscribed", Kind::EmailUnsubscribed },
        { "ticket_created", Kind::TicketCreated },
        { "ticket_resolved", Kind::TicketResolved },
        { "product_reviewed", Kind::ProductReviewed },
    };
    if (const auto it = kinds.find(type); it != kinds.end())
        return it->second;
    if (type.starts_with("loyalty_"))
        return Kind::Loyalty;
    return Kind::Other;
}

TraitAccumulator::Columns TraitAccumulator::columnsOf(TraitEventKind kind)
{
    using Kind = TraitEventKind;
    Columns columns;
    switch (kind) {
    case Kind::OrderCompleted:
        columns = { true, true, true, true, true };
        break;
    case Kind::OrderCancelled:
        columns.order = true;
        break;
    case Kind::OrderRefunded:
        columns.order = true;
        columns.value = true;
        break;
    case Kind::ProductAdded:
    case Kind::ProductRemoved:
        columns.cart = true;
        columns.value = true;
        break;
    case Kind::ProductViewed:
        columns.product = true;
        break;
    case Kind::TicketCreated:
    case Kind::TicketResolved:
        columns.props = true;
        break;
    case Kind::ProductReviewed:
    case Kind::Loyalty:
        columns.value = true;
        columns.props = true;
        break;
    default:
        break;
    }
    return columns;
}

const char *TraitAccumulator::propsColumnSql()
{
    // The kinds whose properties addEvent() reads: orders, tickets, reviews, loyalty.
    return "CASE WHEN type IN ('order_completed', 'ticket_created', 'ticket_resolved', "
           "'product_reviewed') OR type GLOB 'loyalty_*' THEN props END";
}

void TraitAccumulator::start(ProfileId profile)
{
    traits_ = ProfileTraits();
    traits_.profileId = profile;
    traits_.referenceTime = referenceTime_;
    firstName_.clear();
    lastName_.clear();
    customerId_ = {};
    email_ = {};
    phone_ = {};
    loyaltyCard_ = false;
    emailConsent_ = {};
    smsConsent_ = {};
    pushConsent_ = {};
    emailUnsubscribedAt_.reset();
    channels_.clear();
    orders_.clear();
    orderIndex_.clear();
    lines_.clear();
    cancelled_.clear();
    refunds_.clear();
    lastAdd_.reset();
    cartsAdded_.clear();
    cartsOrdered_.clear();
    sessionOpen_ = false;
    lastSessionAdd_ = 0;
    sessionsAbandoned_ = 0;
    viewedCategories_.clear();
    viewedBrands_.clear();
    recentViews_.clear();
    loyaltyMember_ = false;
    balance_.reset();
    redeemedSinceBalance_ = 0.0;
    earned_ = 0.0;
    redeemed_ = 0.0;
    statedTier_.clear();
    ticketsCreated_.clear();
    ticketsResolved_.clear();
    ticketsCreatedWithoutId_ = 0;
    ticketsResolvedWithoutId_ = 0;
    ratingSum_ = 0.0;
}

void TraitAccumulator::addAttributes(std::string_view firstName, std::string_view lastName,
    std::string_view country, std::string_view city)
{
    firstName_ = firstName;
    lastName_ = lastName;
    traits_.country = country;
    traits_.city = city;
}

void TraitAccumulator::keepEarliest(
    Identity &identity, std::string_view value, Millis firstSeen, std::int64_t id)
{
    if (identity.present
        && (identity.firstSeen < firstSeen
            || (identity.firstSeen == firstSeen && identity.id < id)))
        return;
    identity.value = value;
    identity.firstSeen = firstSeen;
    identity.id = id;
    identity.present = true;
}

void TraitAccumulator::addIdentity(
    std::string_view kind, std::string_view value, Millis firstSeen, std::int64_t id)
{
    if (kind == "email")
        keepEarliest(email_, value, firstSeen, id);
    else if (kind == "phone")
        keepEarliest(phone_, value, firstSeen, id);
    else if (kind == "customer_id")
        keepEarliest(customerId_, value, firstSeen, id);
    else if (kind == "loyalty_card")
        loyaltyCard_ = true;
    else if (kind == "anonymous_id" && !value.starts_with(kGuestOrderPrefix))
        ++traits_.devices;
}

void TraitAccumulator::addConsent(std::string_view channel, std::string_view status, Millis ts)
{
    Consent *consent = channel == "email" ? &emailConsent_
        : channel == "sms"                ? &smsConsent_
        : channel == "push"               ? &pushConsent_
                                          : nullptr;
    if (consent) {
        consent->status = status;
        consent->ts = ts;
    }
}

void TraitAccumulator::addEvent(const TraitEvent &event)
{
    if (!traits_.firstSeen || event.ts < *traits_.firstSeen)
        traits_.firstSeen = event.ts;
    if (!traits_.lastSeen || event.ts > *traits_.lastSeen)
        traits_.lastSeen = event.ts;
    if (!event.channel.empty()
        && std::find(channels_.begin(), channels_.end(), event.channel) == channels_.end())
        channels_.emplace_back(event.channel);

    const bool within30 = event.ts > referenceTime_ - 30 * kMillisPerDay;
    const bool within90 = event.ts > referenceTime_ - 90 * kMillisPerDay;
    switch (event.kind) {
    case TraitEventKind::OrderCompleted:
        addOrder(event);
        break;
    case TraitEventKind::OrderCancelled:
        if (!event.orderId.empty())
            cancelled_.emplace(event.orderId);
        break;
    case TraitEventKind::OrderRefunded:
        ++traits_.refunds;
        traits_.refundedValue += std::abs(event.value.value_or(0.0));
        refunds_.emplace_back(std::string(event.orderId), std::abs(event.value.value_or(0.0)));
        break;
    case TraitEventKind::ProductAdded:
        addCartChange(event, 1);
        break;
    case TraitEventKind::ProductRemoved:
        addCartChange(event, -1);
        break;
    case TraitEventKind::ProductViewed:
        addView(event);
        break;
    case TraitEventKind::EmailSent:
        traits_.emailsReceived30d += within30 ? 1 : 0;
        traits_.emailsReceived90d += within90 ? 1 : 0;
        break;
    case TraitEventKind::EmailOpened:
        traits_.emailsOpened30d += within30 ? 1 : 0;
        traits_.emailsOpened90d += within90 ? 1 : 0;
        if (!traits_.lastEmailOpen || event.ts > *traits_.lastEmailOpen)
            traits_.lastEmailOpen = event.ts;
        break;
    case TraitEventKind::EmailClicked:
        traits_.emailsClicked30d += within30 ? 1 : 0;
        traits_.emailsClicked90d += within90 ? 1 : 0;
        break;
    case TraitEventKind::EmailUnsubscribed:
        emailUnsubscribedAt_ = event.ts;
        break;
    case TraitEventKind::TicketCreated:
        addTicket(event, true);
        break;
    case TraitEventKind::TicketResolved:
        addTicket(event, false);
        break;
    case TraitEventKind::ProductReviewed:
        addReview(event);
        break;
    case TraitEventKind::Loyalty:
        addLoyalty(event);
        break;
    case TraitEventKind::Other:
        break;
    }
}

void TraitAccumulator::addOrder(const TraitEvent &event)
{
    // One order per order id: a source that writes an event per line adds up to one order.
    std::size_t index = orders_.size();
    if (!event.orderId.empty()) {
        const auto [it, inserted] = orderIndex_.try_emplace(std::string(event.orderId), index);
        index = it->second;
        if (inserted)
            orders_.push_back({ it->first, event.ts, 0.0 });
    } else {
        orders_.push_back({ std::string(), event.ts, 0.0 });
    }
    orders_[index].value += event.value.value_or(0.0);

    // What was bought: the order's product list, else its own product columns.
    const json props = parseProps(event.props);
    const json *products = nullptr;
    if (props.is_object()) {
        const auto it = props.find("products");
        if (it != props.end() && it->is_array())
            products = &*it;
    }
    auto addLine = [&](const TraitCatalog::Product *product, std::string category,
                       std::string brand, double units) {
        if (category.empty() && product)
            category = product->category;
        if (brand.empty() && product)
            brand = product->brand;
        lines_.push_back({ index, std::move(category), std::move(brand), units });
    };
    if (products) {
        for (const json &item : *products) {
            const TraitCatalog::Product *product = nullptr;
            if (const auto id = numberAt(item, "product_id"))
                product = catalog_.byId(static_cast<std::int64_t>(*id));
            if (!product) {
                const std::string sku = textAt(item, "sku");
                if (!sku.empty())
                    product = catalog_.bySku(sku);
            }
            addLine(product, textAt(item, "category"), textAt(item, "brand"),
                numberAt(item, "quantity").value_or(1.0));
        }
    } else if (event.productId > 0 || !event.category.empty()) {
        addLine(catalog_.byId(event.productId), std::string(event.category), std::string(),
            static_cast<double>(event.quantity.value_or(1)));
    }

    // The cart: an order checks out whatever was in it.
    traits_.cartValue = 0.0;
    traits_.cartItems = 0;
    lastAdd_.reset();
    sessionOpen_ = false;
    if (!event.cartId.empty())
        cartsOrdered_.emplace(event.cartId);
}

void TraitAccumulator::addCartChange(const TraitEvent &event, int direction)
{
    // value is the line's worth (price × quantity), as the imports write it.
    const std::int64_t items = event.quantity.value_or(1);
    traits_.cartValue = std::max(0.0, traits_.cartValue + direction * event.value.value_or(0.0));
    traits_.cartItems = std::max<std::int64_t>(0, traits_.cartItems + direction * items);
    if (direction < 0)
        return;
    lastAdd_ = event.ts;
    if (!event.cartId.empty()) {
        cartsAdded_.emplace(event.cartId);
        return;
    }
    if (sessionOpen_ && event.ts - lastSessionAdd_ > kCartSessionGap)
        ++sessionsAbandoned_;
    sessionOpen_ = true;
    lastSessionAdd_ = event.ts;
}

void TraitAccumulator::addView(const TraitEvent &event)
{
    const TraitCatalog::Product *product
        = event.productId > 0 ? catalog_.byId(event.productId) : nullptr;
    std::string_view category = event.category;
    if (category.empty() && product)
        category = product->category;
    count(viewedCategories_, category, 1.0);
    if (product)
        count(viewedBrands_, product->brand, 1.0);
    if (event.productId > 0) {
        std::erase(recentViews_, event.productId);
        recentViews_.insert(recentViews_.begin(), event.productId);
        if (recentViews_.size() > kRecentViews)
            recentViews_.pop_back();
    }
}

void TraitAccumulator::addLoyalty(const TraitEvent &event)
{
    loyaltyMember_ = true;
    const json props = parseProps(event.props);
    if (event.type == "loyalty_points_earned")
        earned_ += event.value.value_or(0.0);
    if (event.type == "loyalty_reward_redeemed") {
        redeemed_ += event.value.value_or(0.0);
        redeemedSinceBalance_ += event.value.value_or(0.0);
    }
    if (const auto balance = numberAt(props, "balance")) {
        balance_ = *balance;
        redeemedSinceBalance_ = 0.0;
    }
    if (std::string tier = textAt(props, "tier"); !tier.empty())
        statedTier_ = std::move(tier);
}

void TraitAccumulator::addTicket(const TraitEvent &event, bool created)
{
    const std::string id = textAt(parseProps(event.props), "ticket_id");
    if (id.empty())
        ++(created ? ticketsCreatedWithoutId_ : ticketsResolvedWithoutId_);
    else
        (created ? ticketsCreated_ : ticketsResolved_).insert(id);
}

void TraitAccumulator::addReview(const TraitEvent &event)
{
    const auto rating = numberAt(parseProps(event.props), "rating");
    if (!rating && !event.value)
        return;
    ++traits_.reviews;
    ratingSum_ += rating ? *rating : *event.value;
}

void TraitAccumulator::count(Tally &tally, std::string_view name, double amount)
{
    if (name.empty())
        return;
    for (auto &[known, total] : tally) {
        if (known == name) {
            total += amount;
            return;
        }
    }
    tally.emplace_back(name, amount);
}

std::string TraitAccumulator::favourite(const Tally &tally)
{
    const std::pair<std::string, double> *best = nullptr;
    for (const auto &entry : tally)
        if (!best || entry.second > best->second
            || (entry.second == best->second && entry.first < best->first))
            best = &entry;
    return best ? best->first : std::string();
}

std::string TraitAccumulator::consentStatus(
    const Consent &consent, std::optional<Millis> unsubscribedAt) const
{
    // The latest statement wins; an unsubscribe event at the same instant as a grant wins.
    if (unsubscribedAt && (consent.status.empty() || *unsubscribedAt >= consent.ts))
        return "unsubscribed";
    return consent.status;
}

const ProfileTraits &TraitAccumulator::finish()
{
    ProfileTraits &t = traits_;
    t.customerId = customerId_.value;
    t.email = email_.value;
    t.phone = phone_.value;
    t.name = firstName_;
    if (!lastName_.empty())
        t.name += (t.name.empty() ? "" : " ") + lastName_;

    std::sort(channels_.begin(), channels_.end());
    for (const auto &channel : channels_) {
        if (!t.channels.empty())
            t.channels += ',';
        t.channels += channel;
    }

    // Orders: a cancelled order does not count, nor do the refunds made on it.
    Tally boughtCategories;
    Tally boughtBrands;
    std::vector<bool> counted(orders_.size(), true);
    for (std::size_t i = 0; i < orders_.size(); ++i) {
        const Order &order = orders_[i];
        if (!order.id.empty() && cancelled_.count(order.id)) {
            counted[i] = false;
            ++t.cancelledOrders;
            continue;
        }
        ++t.orders;
        t.revenue += order.value;
        if (!t.firstOrder || order.ts < *t.firstOrder)
            t.firstOrder = order.ts;
        if (!t.lastOrder || order.ts > *t.lastOrder)
            t.lastOrder = order.ts;
    }
    for (const auto &[orderId, value] : refunds_)
        if (orderId.empty() || !cancelled_.count(orderId))
            t.revenue -= value;
    if (t.orders > 0)
        t.averageOrderValue = t.revenue / static_cast<double>(t.orders);
    for (const Line &line : lines_) {
        if (!counted[line.order])
            continue;
        count(boughtCategories, line.category, line.units);
        count(boughtBrands, line.brand, line.units);
    }
    t.favouriteCategory = favourite(boughtCategories);
    if (t.favouriteCategory.empty())
        t.favouriteCategory = favourite(viewedCategories_);
    t.favouriteBrand = favourite(boughtBrands);
    if (t.favouriteBrand.empty())
        t.favouriteBrand = favourite(viewedBrands_);
    for (std::int64_t id : recentViews_)
        if (const auto *product = catalog_.byId(id))
            t.lastViewedProducts.push_back(product->sku);

    // The cart.
    if (t.cartItems > 0 && lastAdd_)
        t.cartAbandonedSince = lastAdd_;
    for (const auto &cart : cartsAdded_)
        t.abandonedCarts += cartsOrdered_.count(cart) ? 0 : 1;
    t.abandonedCarts += sessionsAbandoned_ + (sessionOpen_ ? 1 : 0);

    // Loyalty: the latest stated balance, less what was redeemed after it.
    if (loyaltyMember_ || loyaltyCard_) {
        const double points
            = balance_ ? *balance_ - redeemedSinceBalance_ : std::max(0.0, earned_ - redeemed_);
        t.loyaltyPoints = static_cast<std::int64_t>(std::llround(points));
        if (!statedTier_.empty())
            t.loyaltyTier = statedTier_;
        else
            t.loyaltyTier = points >= kGoldPoints ? "gold"
                : points >= kSilverPoints         ? "silver"
                                                  : "bronze";
    }

    std::int64_t open = ticketsCreatedWithoutId_ > ticketsResolvedWithoutId_
        ? ticketsCreatedWithoutId_ - ticketsResolvedWithoutId_
        : 0;
    for (const auto &ticket : ticketsCreated_)
        open += ticketsResolved_.count(ticket) ? 0 : 1;
    t.openTickets = open;
    if (t.reviews > 0)
        t.averageRating = ratingSum_ / static_cast<double>(t.reviews);

    t.emailConsent = consentStatus(emailConsent_, emailUnsubscribedAt_);
    t.smsConsent = consentStatus(smsConsent_, std::nullopt);
    t.pushConsent = consentStatus(pushConsent_, std::nullopt);
    return t;
}

} // namespace clientele
