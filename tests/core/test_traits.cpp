#include "OlderWorkspace.h"
#include "TestFiles.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "ingest/ImportJob.h"
#include "profile/ProfileTraits.h"
#include "profile/Rfm.h"
#include "profile/TraitBuilder.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <regex>

using namespace clientele;

namespace {

const Millis kDay0 = *parseIsoDate("2026-03-01");
constexpr Millis kMinute = 60 * kMillisPerSecond;

Millis day(double count)
{
    return kDay0 + static_cast<Millis>(count * static_cast<double>(kMillisPerDay));
}

/// One hand-written events row; unset fields are NULL. Event(ts, "order_completed").value(9).
struct Event {
    explicit Event(Millis at, const char *eventType = "page_viewed")
        : ts(at)
        , type(eventType)
    {
    }
    Event &channel(const char *text) { return set(channelText, text); }
    Event &productId(int id) { return set(product, std::optional<int>(id)); }
    Event &category(std::string text) { return set(categoryText, std::move(text)); }
    Event &orderId(std::string text) { return set(order, std::move(text)); }
    Event &cartId(std::string text) { return set(cart, std::move(text)); }
    Event &value(std::optional<double> amount) { return set(worth, amount); }
    Event &quantity(int count) { return set(units, std::optional<int>(count)); }
    Event &props(std::string json) { return set(properties, std::move(json)); }

    Millis ts;
    std::string type;
    const char *channelText = "web";
    std::optional<int> product;
    std::string categoryText;
    std::string order;
    std::string cart;
    std::optional<double> worth;
    std::optional<int> units;
    std::string properties;

private:
    template<typename T, typename V> Event &set(T &field, V value)
    {
        field = std::move(value);
        return *this;
    }
};

/// A workspace in a temporary folder and small writers for hand-built histories. Every
/// value is bound, as the application writes them.
class Store {
public:
    Store()
        : path_(test::toStd(dir_.filePath(QStringLiteral("traits.clientele"))))
        , workspace_(std::make_unique<Workspace>(Workspace::create(path_)))
    {
    }

    Database &db() { return workspace_->db(); }
    Workspace &workspace() { return *workspace_; }
    const std::string &path() const { return path_; }

    void profile(ProfileId id, const char *firstName = nullptr, const char *lastName = nullptr,
        const char *country = nullptr, const char *city = nullptr)
    {
        auto text = [](const char *value) {
            return value ? std::optional<std::string>(value) : std::nullopt;
        };
        db().prepare("INSERT INTO profiles(id, created_at, first_name, last_name, country, city, "
                     "is_known) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(1, id)
            .bind(2, kDay0)
            .bind(3, text(firstName))
            .bind(4, text(lastName))
            .bind(5, text(country))
            .bind(6, text(city))
            .bind(7, firstName ? 1 : 0)
            .run();
    }

    void identity(ProfileId id, const char *kind, const std::string &value, Millis firstSeen)
    {
        db().prepare("INSERT INTO identities(kind, value, profile_id, first_seen) "
                     "VALUES (?1, ?2, ?3, ?4)")
            .bind(1, kind)
            .bind(2, value)
            .bind(3, id)
            .bind(4, firstSeen)
            .run();
    }

    void consent(ProfileId id, const char *channel, const char *status, Millis ts)
    {
        db().prepare(
                "INSERT INTO consents(profile_id, channel, status, ts) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT(profile_id, channel) DO UPDATE SET status = excluded.status, "
                "ts = excluded.ts")
            .bind(1, id)
            .bind(2, channel)
            .bind(3, status)
            .bind(4, ts)
            .run();
    }

    void product(int id, const char *sku, const char *category, const char *brand)
    {
        db().prepare("INSERT INTO products(id, sku, name, category, brand, price, currency) "
                     "VALUES (?1, ?2, ?2, ?3, ?4, 10.0, 'EUR')")
            .bind(1, id)
            .bind(2, sku)
            .bind(3, category)
            .bind(4, brand)
            .run();
    }

    void add(ProfileId id, const Event &event)
    {
        auto text = [](const std::string &value) {
            return value.empty() ? std::nullopt : std::optional<std::string>(value);
        };
        db().prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, product_id, "
                     "category, order_id, cart_id, value, quantity, props) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .bind(1, ++key_)
            .bind(2, event.ts)
            .bind(3, event.type)
            .bind(4, id)
            .bind(5, event.channelText)
            .bind(6, event.product)
            .bind(7, text(event.categoryText))
            .bind(8, text(event.order))
            .bind(9, text(event.cart))
            .bind(10, event.worth)
            .bind(11, event.units)
            .bind(12, text(event.properties))
            .run();
    }

    void rebuild()
    {
        Transaction transaction(db());
        TraitBuilder::rebuildAll(db());
        transaction.commit();
    }

    void refresh(const std::vector<ProfileId> &ids)
    {
        Transaction transaction(db());
        TraitBuilder::refresh(db(), ids);
        transaction.commit();
    }

    ProfileTraits traits(ProfileId id)
    {
        auto traits = ProfileTraits::load(db(), id);
        if (!traits)
            throw std::runtime_error("no traits for profile " + std::to_string(id));
        return *traits;
    }

private:
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<Workspace> workspace_;
    std::int64_t key_ = 0;
};

/// Stops the job at its n-th progress report.
class CancelAt : public ProgressSink {
public:
    explicit CancelAt(int report)
        : cancelAt_(report)
    {
    }
    bool report(const Progress &) override { return ++reports_ < cancelAt_; }

private:
    int cancelAt_;
    int reports_ = 0;
};

/**
 * The commonly published R/F segment map, written as its regular expressions over "RF"
 * (first matching row wins), independently of the builder's table.
 */
std::string publishedGroup(int r, int f)
{
    static const std::vector<std::pair<std::regex, std::string>> map {
        { std::regex("[1-2][1-2]"), "hibernating" },
        { std::regex("[1-2][3-4]"), "at_risk" },
        { std::regex("[1-2]5"), "cant_lose_them" },
        { std::regex("3[1-2]"), "about_to_sleep" },
        { std::regex("33"), "need_attention" },
        { std::regex("[3-4][4-5]"), "loyal_customers" },
        { std::regex("41"), "promising" },
        { std::regex("51"), "new_customers" },
        { std::regex("[4-5][2-3]"), "potential_loyalists" },
        { std::regex("5[4-5]"), "champions" },
    };
    const std::string key = std::to_string(r) + std::to_string(f);
    for (const auto &[pattern, group] : map)
        if (std::regex_match(key, pattern))
            return group;
    return {};
}

/// Quintile score by counting: 1 + floor(5 × (buyers strictly worse) / buyers).
template<typename Worse> int countedScore(std::size_t self, std::size_t n, Worse worse)
{
    std::size_t below = 0;
    for (std::size_t other = 0; other < n; ++other)
        below += worse(other, self) ? 1 : 0;
    return 1 + static_cast<int>(5 * below / n);
}

} // namespace

class TestTraits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newWorkspaceHasAnEmptyTraitsTable();
    void whoAndActivity();
    void ordersRefundsAndCancellations();
    void cartState_data();
    void cartState();
    void emailEngagementWindows();
    void favouritesAndLastViewed();
    void ticketsAndReviews();
    void loyalty_data();
    void loyalty();
    void consentFromImportsKeepsTheNewestStatement();
    void unsubscribeEventOverridesAnOlderOptIn();
    void rfmGroupMapIsThePublishedOne();
    void rfmScoresMatchAnIndependentComputation_data();
    void rfmScoresMatchAnIndependentComputation();
    void refreshEqualsRebuildForTouchedProfiles();
    void refreshRemovesProfilesMergedAway();
    void cancelledRebuildKeepsTheOldTraits();
    void migrationFromVersion2FillsTraits();
    void demoStoreHasTraits();
};

void TestTraits::newWorkspaceHasAnEmptyTraitsTable()
{
    Store store;
    QCOMPARE(store.workspace().version(), Workspace::schemaVersion());
    QCOMPARE(store.db().queryInt("SELECT count(*) FROM profile_traits"), 0);
    QCOMPARE(store.workspace().meta("traits.rebuild"), std::string());
    // Segments filter on these: each has an index.
    for (const char *index : { "profile_traits_revenue", "profile_traits_orders",
             "profile_traits_last_order", "profile_traits_rfm", "profile_traits_last_seen" }) {
        auto query = store.db().prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        query.bind(1, index);
        QVERIFY(query.step());
        QVERIFY2(query.columnInt(0) == 1, index);
    }
}

void TestTraits::whoAndActivity()
{
    Store store;
    store.profile(1, "Ana", "López García", "ES", "Sevilla");
    store.identity(1, "email", "ana.old@example.com", day(1));
    store.identity(1, "email", "ana@example.com", day(5));
    store.identity(1, "phone", "+34600000001", day(2));
    store.identity(1, "customer_id", "C-77", day(1));
    store.identity(1, "anonymous_id", "anon-phone", day(0));
    store.identity(1, "anonymous_id", "anon-laptop", day(3));
    store.identity(1, "anonymous_id", "guest-order:536365", day(3));
    store.add(1, Event(day(0), "page_viewed").channel("web"));
    store.add(1, Event(day(2), "application_opened").channel("app"));
    store.add(1, Event(day(4), "email_opened").channel("email"));
    store.add(1, Event(day(9), "page_viewed").channel("web"));
    store.profile(2); // an anonymous visitor without events
    store.rebuild();

    const auto ana = store.traits(1);
    QCOMPARE(ana.name, std::string("Ana López García"));
    QCOMPARE(ana.email, std::string("ana.old@example.com")); // the first one seen
    QCOMPARE(ana.phone, std::string("+34600000001"));
    QCOMPARE(ana.customerId, std::string("C-77"));
    QCOMPARE(ana.country, std::string("ES"));
    QCOMPARE(ana.city, std::string("Sevilla"));
    QCOMPARE(ana.firstSeen, std::optional<Millis>(day(0)));
    QCOMPARE(ana.lastSeen, std::optional<Millis>(day(9)));
    QCOMPARE(ana.channels, std::string("app,email,web"));
    QCOMPARE(ana.devices, 2); // a guest checkout is not a device

    const auto visitor = store.traits(2);
    QVERIFY(visitor.name.empty());
    QVERIFY(!visitor.firstSeen);
    QCOMPARE(visitor.orders, 0);
    QVERIFY(visitor.channels.empty());
}

void TestTraits::ordersRefundsAndCancellations()
{
    Store store;
    store.profile(1, "Bo");
    store.add(1, Event(day(1), "order_completed").orderId("A-1").value(100.0));
    // Two orders on the same day are two orders.
    store.add(1,
        Event(day(5) + 10 * kMillisPerHour, "order_completed")
            .channel("pos")
            .orderId("A-2")
            .value(40.0));
    store.add(1, Event(day(5) + 15 * kMillisPerHour, "order_completed").orderId("A-3").value(60.0));
    store.add(1, Event(day(8), "order_refunded").orderId("A-1").value(30.0));
    // Cancelled (Shopify): the order and its refund leave revenue alone.
    store.add(1, Event(day(9), "order_completed").orderId("A-4").value(200.0));
    store.add(1, Event(day(10), "order_cancelled").orderId("A-4"));
    store.add(1, Event(day(10), "order_refunded").orderId("A-4").value(200.0));
    // Online Retail: a cancellation invoice of its own number is money given back.
    store.add(1, Event(day(11), "order_refunded").orderId("C-9").value(10.0));

    // An order written as one event per line is one order.
    store.profile(2, "Cy");
    store.add(2, Event(day(3), "order_completed").orderId("B-1").value(20.0));
    store.add(2, Event(day(3), "order_completed").orderId("B-1").value(5.0));
    // Only a cancelled order: not a buyer.
    store.profile(3, "Di");
    store.add(3, Event(day(4), "order_completed").orderId("D-1").value(80.0));
    store.add(3, Event(day(4) + kMinute, "order_cancelled").orderId("D-1"));
    store.rebuild();

    const auto bo = store.traits(1);
    QCOMPARE(bo.orders, 3);
    QCOMPARE(bo.cancelledOrders, 1);
    QCOMPARE(bo.revenue, 100.0 + 40.0 + 60.0 - 30.0 - 10.0);
    QCOMPARE(bo.refunds, 3);
    QCOMPARE(bo.refundedValue, 240.0);
    QVERIFY(bo.averageOrderValue);
    QCOMPARE(*bo.averageOrderValue, 160.0 / 3.0);
    QCOMPARE(bo.firstOrder, std::optional<Millis>(day(1)));
    QCOMPARE(bo.lastOrder, std::optional<Millis>(day(5) + 15 * kMillisPerHour));
    QCOMPARE(bo.channels, std::string("pos,web"));
    QVERIFY(bo.rfmRecency && bo.rfmFrequency && bo.rfmMonetary);

    const auto cy = store.traits(2);
    QCOMPARE(cy.orders, 1);
    QCOMPARE(cy.revenue, 25.0);

    const auto di = store.traits(3);
    QCOMPARE(di.orders, 0);
    QCOMPARE(di.cancelledOrders, 1);
    QCOMPARE(di.revenue, 0.0);
    QVERIFY(!di.lastOrder);
    QVERIFY(!di.rfmRecency);
    QVERIFY(di.rfmGroup.empty());
}

void TestTraits::cartState_data()
{
    // script: "minute type cart value quantity; …", cart "-" = no cart id.
    QTest::addColumn<QString>("script");
    QTest::addColumn<double>("cartValue");
    QTest::addColumn<int>("cartItems");
    QTest::addColumn<int>("abandonedSinceMinute"); // -1 = none
    QTest::addColumn<int>("abandonedCarts");

    QTest::newRow("cart ordered") << "0 add c1 50 1; 1 add c1 40 2; 5 order c1 90 0" << 0.0 << 0
                                  << -1 << 0;
    QTest::newRow("cart open after an order")
        << "0 order - 20 0; 10 add c2 30 1; 11 add c2 15 1; 12 remove c2 15 1" << 30.0 << 1 << 11
        << 1;
    QTest::newRow("everything removed") << "0 add c3 30 1; 1 remove c3 30 1" << 0.0 << 0 << -1 << 1;
    QTest::newRow("recovered days later")
        << "0 add c4 30 1; 3000 add c5 10 1; 4000 order c4 30 0" << 0.0 << 0 << -1 << 1;
    QTest::newRow("sessions without cart id")
        << "0 add - 10 1; 10 add - 10 1; 20 order - 20 0; 3000 add - 5 1; 6000 add - 7 1" << 12.0
        << 2 << 6000 << 2;
    QTest::newRow("order in another channel closes the cart")
        << "0 add c6 80 1; 600 order - 15 0" << 0.0 << 0 << -1 << 1;
}

void TestTraits::cartState()
{
    QFETCH(QString, script);
    QFETCH(double, cartValue);
    QFETCH(int, cartItems);
    QFETCH(int, abandonedSinceMinute);
    QFETCH(int, abandonedCarts);

    Store store;
    store.profile(1, "Eva");
    int order = 0;
    for (const QString &step : script.split(QLatin1Char(';'))) {
        const QStringList parts = step.trimmed().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 5);
        const Millis ts = day(1) + parts[0].toLongLong() * kMinute;
        const std::string cart = parts[2] == QLatin1String("-") ? "" : parts[2].toStdString();
        const double value = parts[3].toDouble();
        const int quantity = parts[4].toInt();
        if (parts[1] == QLatin1String("order"))
            store.add(1,
                Event(ts, "order_completed")
                    .orderId("O-" + std::to_string(++order))
                    .cartId(cart)
                    .value(value));
        else
            store.add(1,
                Event(ts, parts[1] == QLatin1String("add") ? "product_added" : "product_removed")
                    .cartId(cart)
                    .value(value)
                    .quantity(quantity));
    }
    store.rebuild();
    const auto eva = store.traits(1);
    QCOMPARE(eva.cartValue, cartValue);
    QCOMPARE(eva.cartItems, cartItems);
    if (abandonedSinceMinute < 0)
        QVERIFY(!eva.cartAbandonedSince);
    else
        QCOMPARE(
            eva.cartAbandonedSince, std::optional<Millis>(day(1) + abandonedSinceMinute * kMinute));
    QCOMPARE(eva.abandonedCarts, abandonedCarts);
}

void TestTraits::emailEngagementWindows()
{
    Store store;
    store.profile(1, "Fay");
    store.profile(2, "Gus");
    const Millis reference = day(200);
    store.add(2, Event(reference)); // the workspace's latest event: the reference time
    auto email = [&](double daysBefore, const char *type) {
        store.add(1,
            Event(reference - static_cast<Millis>(daysBefore * kMillisPerDay), type)
                .channel("email"));
    };
    email(10, "email_sent");
    email(40, "email_sent");
    email(100, "email_sent");
    email(30, "email_sent"); // exactly 30 days before: outside "the last 30 days"
    email(10, "email_opened");
    email(89, "email_opened");
    email(29, "email_link_clicked");
    email(31, "email_link_clicked");
    store.rebuild();

    const auto fay = store.traits(1);
    QCOMPARE(fay.referenceTime, std::optional<Millis>(reference));
    QCOMPARE(fay.emailsReceived30d, 1);
    QCOMPARE(fay.emailsReceived90d, 3);
    QCOMPARE(fay.emailsOpened30d, 1);
    QCOMPARE(fay.emailsOpened90d, 2);
    QCOMPARE(fay.emailsClicked30d, 1);
    QCOMPARE(fay.emailsClicked90d, 2);
    QCOMPARE(fay.lastEmailOpen, std::optional<Millis>(reference - 10 * kMillisPerDay));
}

void TestTraits::favouritesAndLastViewed()
{
    Store store;
    store.product(1, "SHOE-1", "shoes", "Stridewell");
    store.product(2, "SOCK-1", "socks", "Trailhead");
    store.product(3, "BOTTLE-1", "hydration", "Aquafell");
    store.product(4, "SHOE-2", "shoes", "Stridewell");
    store.product(5, "CAP-1", "apparel", "Trailhead");
    store.product(6, "GEL-1", "nutrition", "Fuelwise");
    store.profile(1, "Hal");
    int minute = 0;
    auto view = [&](ProfileId profile, int product, const char *category) {
        store.add(profile,
            Event(day(1) + (++minute) * kMinute, "product_viewed")
                .productId(product)
                .category(category));
    };
    view(1, 1, "shoes");
    view(1, 1, "shoes");
    view(1, 4, "shoes");
    view(1, 3, "hydration");
    view(1, 5, "apparel");
    view(1, 6, "nutrition");
    view(1, 1, "shoes"); // seen again: first in the list, once
    // Bought: three pairs of socks beat the shoes looked at.
    store.add(1,
        Event(day(2), "order_completed")
            .orderId("H-1")
            .value(30.0)
            .props(R"({"products":[{"sku":"SOCK-1","quantity":3,"price":10}]})"));

    store.profile(2, "Ida"); // only looks
    view(2, 3, "hydration");
    view(2, 1, "shoes");
    view(2, 3, "hydration");
    store.rebuild();

    const auto hal = store.traits(1);
    QCOMPARE(hal.favouriteCategory, std::string("socks"));
    QCOMPARE(hal.favouriteBrand, std::string("Trailhead"));
    const std::vector<std::string> recent { "SHOE-1", "GEL-1", "CAP-1", "BOTTLE-1", "SHOE-2" };
    QCOMPARE(hal.lastViewedProducts, recent);
    QCOMPARE(store.db().queryInt("SELECT json_array_length(last_viewed_products) FROM "
                                 "profile_traits WHERE profile_id = 1"),
        5);

    const auto ida = store.traits(2);
    QCOMPARE(ida.favouriteCategory, std::string("hydration"));
    QCOMPARE(ida.favouriteBrand, std::string("Aquafell"));
}

void TestTraits::ticketsAndReviews()
{
    Store store;
    store.profile(1, "Jo");
    auto support = [&](double at, const char *type, const char *ticket) {
        store.add(1,
            Event(day(at), type)
                .channel("support")
                .props(ticket ? std::string(R"({"ticket_id":")") + ticket + "\"}" : "{}"));
    };
    support(1, "ticket_created", "S-1");
    support(2, "ticket_created", "S-2");
    support(3, "ticket_resolved", "S-1");
    support(4, "ticket_created", "S-3");
    support(5, "ticket_resolved", "S-3");
    support(6, "ticket_created", nullptr);
    for (int rating : { 5, 4, 2 })
        store.add(1,
            Event(day(7), "product_reviewed")
                .value(rating)
                .props(R"({"rating":)" + std::to_string(rating) + "}"));
    store.add(1, Event(day(8), "product_reviewed").value(3.0)); // rating as value
    store.rebuild();

    const auto jo = store.traits(1);
    QCOMPARE(jo.openTickets, 2); // S-2 and the one without an id
    QCOMPARE(jo.reviews, 4);
    QVERIFY(jo.averageRating);
    QCOMPARE(*jo.averageRating, 3.5);
}

void TestTraits::loyalty_data()
{
    // events: "type value balance tier; …" with "-" for none.
    QTest::addColumn<QString>("events");
    QTest::addColumn<bool>("card");
    QTest::addColumn<QString>("tier"); // empty: not a member
    QTest::addColumn<int>("points"); // -1: none

    QTest::newRow("not a member") << "" << false << "" << -1;
    QTest::newRow("card only") << "" << true << "bronze" << 0;
    QTest::newRow("joined") << "loyalty_joined - - -" << false << "bronze" << 0;
    QTest::newRow("latest balance")
        << "loyalty_points_earned 100 100 -; loyalty_points_earned 60 160 -" << false << "bronze"
        << 160;
    QTest::newRow("redeemed after the balance")
        << "loyalty_points_earned 300 300 -; loyalty_reward_redeemed 100 - -" << false << "bronze"
        << 200;
    QTest::newRow("balance after redeeming")
        << "loyalty_points_earned 600 600 -; loyalty_reward_redeemed 500 - -; "
           "loyalty_points_earned 220 320 -"
        << false << "silver" << 320;
    QTest::newRow("silver from 250")
        << "loyalty_points_earned 250 250 -" << false << "silver" << 250;
    QTest::newRow("gold from 750") << "loyalty_points_earned 750 750 -" << false << "gold" << 750;
    QTest::newRow("no balance stated")
        << "loyalty_points_earned 100 - -; loyalty_points_earned 200 - -; "
           "loyalty_reward_redeemed 50 - -"
        << false << "silver" << 250;
    QTest::newRow("stated tier wins")
        << "loyalty_points_earned 100 100 -; loyalty_tier_changed - - platinum" << false
        << "platinum" << 100;
}

void TestTraits::loyalty()
{
    QFETCH(QString, events);
    QFETCH(bool, card);
    QFETCH(QString, tier);
    QFETCH(int, points);

    Store store;
    store.profile(1, "Kim");
    if (card)
        store.identity(1, "loyalty_card", "LC-1", day(0));
    int step = 0;
    for (const QString &line : events.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.trimmed().split(QLatin1Char(' '));
        QCOMPARE(parts.size(), 4);
        nlohmann::json props = nlohmann::json::object();
        if (parts[2] != QLatin1String("-"))
            props["balance"] = parts[2].toInt();
        if (parts[3] != QLatin1String("-"))
            props["tier"] = parts[3].toStdString();
        const std::string type = parts[0].toStdString();
        store.add(1,
            Event(day(++step), type.c_str())
                .channel("loyalty")
                .value(parts[1] == QLatin1String("-") ? std::nullopt
                                                      : std::optional<double>(parts[1].toDouble()))
                .props(props.dump()));
    }
    store.rebuild();
    const auto kim = store.traits(1);
    QCOMPARE(QString::fromStdString(kim.loyaltyTier), tier);
    if (points < 0)
        QVERIFY(!kim.loyaltyPoints);
    else
        QCOMPARE(kim.loyaltyPoints, std::optional<std::int64_t>(points));
}

void TestTraits::consentFromImportsKeepsTheNewestStatement()
{
    Store store;
    QTemporaryDir files;
    auto import = [&](const char *name, const QByteArray &csv) {
        const QString path = files.filePath(QString::fromLatin1(name));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
        file.close();
        ImportRequest request;
        request.inputPath = test::toStd(path);
        request.mapping.columns = {
            { "Time", FieldTarget::Timestamp, {} },
            { "Event", FieldTarget::EventType, {} },
            { "Email", FieldTarget::Identity, "email" },
            { "Newsletter", FieldTarget::Consent, "email" },
            { "Sms", FieldTarget::Consent, "sms" },
        };
        request.mapping.timezone = "UTC";
        ImportJob::run(store.workspace(), request);
    };
    import("march.csv",
        "Time,Event,Email,Newsletter,Sms\n"
        "2026-03-01 10:00:00,Signed Up,ana@example.com,yes,yes\n");
    import("april.csv",
        "Time,Event,Email,Newsletter,Sms\n"
        "2026-04-01 10:00:00,Preferences Updated,ana@example.com,unsubscribed,\n");
    // An older export arriving last must not bring the opt-in back.
    import("february.csv",
        "Time,Event,Email,Newsletter,Sms\n"
        "2026-02-01 10:00:00,Signed Up,ana@example.com,yes,no\n");

    const ProfileId ana = store.db().queryInt("SELECT profile_id FROM identities WHERE value = "
                                              "'ana@example.com'");
    QVERIFY(ana > 0);
    store.refresh({ ana });
    auto traits = store.traits(ana);
    QCOMPARE(traits.emailConsent, std::string("unsubscribed"));
    QCOMPARE(traits.smsConsent, std::string("granted"));
    QVERIFY(traits.pushConsent.empty());
    store.rebuild();
    QCOMPARE(store.traits(ana).emailConsent, std::string("unsubscribed"));
}

void TestTraits::unsubscribeEventOverridesAnOlderOptIn()
{
    Store store;
    store.profile(1, "Lu"); // granted, then clicked unsubscribe in a newsletter
    store.consent(1, "email", "granted", day(1));
    store.add(1, Event(day(5), "email_unsubscribed").channel("email"));
    store.profile(2, "Mo"); // unsubscribed once, opted in again later
    store.add(2, Event(day(2), "email_unsubscribed").channel("email"));
    store.consent(2, "email", "granted", day(6));
    store.profile(3, "Ned"); // never asked, but unsubscribed from a list
    store.add(3, Event(day(3), "email_unsubscribed").channel("email"));
    store.profile(4, "Ola");
    store.consent(4, "email", "denied", day(1));
    store.consent(4, "push", "granted", day(1));
    store.rebuild();
    QCOMPARE(store.traits(1).emailConsent, std::string("unsubscribed"));
    QCOMPARE(store.traits(2).emailConsent, std::string("granted"));
    QCOMPARE(store.traits(3).emailConsent, std::string("unsubscribed"));
    QCOMPARE(store.traits(4).emailConsent, std::string("denied"));
    QCOMPARE(store.traits(4).pushConsent, std::string("granted"));
    QCOMPARE(store.db().queryInt("SELECT count(*) FROM profile_traits WHERE email_consent = "
                                 "'granted'"),
        1);
}

void TestTraits::rfmGroupMapIsThePublishedOne()
{
    // Rows R = 5…1, columns F = 1…5: the map as documented in Rfm.h.
    const char *expected[5][5] = {
        { "new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions" },
        { "promising", "potential_loyalists", "potential_loyalists", "loyal_customers",
            "loyal_customers" },
        { "about_to_sleep", "about_to_sleep", "need_attention", "loyal_customers",
            "loyal_customers" },
        { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
        { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
    };
    for (int r = 1; r <= 5; ++r) {
        for (int f = 1; f <= 5; ++f) {
            const std::string group = rfmGroup(r, f);
            QCOMPARE(group, std::string(expected[5 - r][f - 1]));
            QCOMPARE(group, publishedGroup(r, f));
        }
    }
    QVERIFY(!rfmGroup(0, 3));
    QVERIFY(!rfmGroup(3, 6));
    QCOMPARE(rfmGroupName("cant_lose_them"), std::string("Can't Lose Them"));
    QCOMPARE(rfmGroupName("about_to_sleep"), std::string("About to Sleep"));
    QCOMPARE(rfmGroupKeys().size(), std::size_t(10));
}

void TestTraits::rfmScoresMatchAnIndependentComputation_data()
{
    QTest::addColumn<int>("buyerCount");
    QTest::newRow("50 buyers (fifths end on a buyer)") << 50;
    QTest::newRow("53 buyers") << 53;
    QTest::newRow("7 buyers") << 7;
}

void TestTraits::rfmScoresMatchAnIndependentComputation()
{
    QFETCH(int, buyerCount);
    Store store;
    const Millis reference = day(400);
    struct Buyer {
        ProfileId id;
        int orders;
        double revenue;
        int daysAgo;
    };
    std::vector<Buyer> buyers;
    for (int i = 0; i < buyerCount; ++i) {
        // Varied, with ties: many one-time buyers, shared revenues, shared days.
        const int orders = i % 3 == 0 ? 1 : 1 + (i * 7) % 9;
        const double revenue = i % 5 == 0 ? 50.0 : 20.0 + (i * 37) % 400 + 0.5 * (i % 2);
        const int daysAgo = i % 4 == 0 ? 30 : (i * 53) % 365;
        buyers.push_back({ 10 + i, orders, revenue, daysAgo });
    }
    for (const Buyer &buyer : buyers) {
        store.profile(buyer.id, "Buyer");
        const Millis last = reference - buyer.daysAgo * kMillisPerDay - 3 * kMillisPerHour;
        // Values exact in binary, so that equal revenues stay equal once summed.
        for (int order = 0; order < buyer.orders; ++order)
            store.add(buyer.id,
                Event(last - order * kMillisPerDay, "order_completed")
                    .orderId(std::to_string(buyer.id) + "-" + std::to_string(order))
                    .value(order == 0 ? buyer.revenue - (buyer.orders - 1) : 1.0));
    }
    store.profile(1); // a visitor who only looks, at the reference time
    store.add(1, Event(reference, "product_viewed"));
    store.rebuild();

    const std::size_t n = buyers.size();
    std::map<std::string, std::int64_t> expectedSizes;
    for (std::size_t i = 0; i < n; ++i) {
        const auto traits = store.traits(buyers[i].id);
        // Recency in whole days; fewer days is better.
        const int r = countedScore(i, n,
            [&](std::size_t a, std::size_t b) { return buyers[a].daysAgo > buyers[b].daysAgo; });
        const int f = countedScore(i, n,
            [&](std::size_t a, std::size_t b) { return buyers[a].orders < buyers[b].orders; });
        const int m = countedScore(i, n,
            [&](std::size_t a, std::size_t b) { return buyers[a].revenue < buyers[b].revenue; });
        QCOMPARE(traits.revenue, buyers[i].revenue);
        const QByteArray who = QByteArray::number(static_cast<qlonglong>(buyers[i].id));
        QVERIFY2(traits.rfmRecency == r, who);
        QVERIFY2(traits.rfmFrequency == f, who);
        QVERIFY2(traits.rfmMonetary == m, who);
        QCOMPARE(traits.rfmGroup, publishedGroup(r, f));
        ++expectedSizes[traits.rfmGroup];
    }
    const auto visitor = store.traits(1);
    QVERIFY(!visitor.rfmRecency);
    QVERIFY(visitor.rfmGroup.empty());

    // With enough buyers the scores are spread over the whole range.
    for (const char *column : { "rfm_recency", "rfm_frequency", "rfm_monetary" }) {
        if (buyerCount < 50)
            break;
        auto query = store.db().prepare(
            std::string("SELECT min(") + column + "), max(" + column + ") FROM profile_traits");
        QVERIFY(query.step());
        QCOMPARE(query.columnInt(0), 1);
        QCOMPARE(query.columnInt(1), 5);
    }
    // The Overview chart: every group once, sizes as computed here.
    const auto sizes = RfmGroupSize::read(store.db());
    QCOMPARE(sizes.size(), std::size_t(10));
    std::int64_t total = 0;
    for (const auto &size : sizes) {
        QCOMPARE(size.profiles, expectedSizes[size.group]);
        QCOMPARE(size.name, rfmGroupName(size.group));
        total += size.profiles;
    }
    QCOMPARE(total, static_cast<std::int64_t>(n));
    QCOMPARE(sizes.front().group, std::string("champions"));
}

void TestTraits::refreshEqualsRebuildForTouchedProfiles()
{
    QTemporaryDir dir;
    const std::string path = test::toStd(dir.filePath(QStringLiteral("demo.clientele")));
    DemoOptions options;
    options.shoppers = 1500;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path, options);
    auto workspace = Workspace::open(path);
    Database &db = workspace.db();

    // New events for a few shoppers, inside the history (the reference time stays).
    std::vector<ProfileId> touched;
    {
        auto query = db.prepare("SELECT profile_id FROM profile_traits ORDER BY profile_id");
        int row = 0;
        while (query.step())
            if (row++ % 97 == 0)
                touched.push_back(query.columnInt(0));
    }
    QVERIFY(touched.size() > 10);
    std::vector<ProfileTraits> before;
    {
        auto query = db.prepare("SELECT profile_id FROM profile_traits ORDER BY profile_id");
        while (query.step())
            before.push_back(*ProfileTraits::load(db, query.columnInt(0)));
    }
    const Millis when = options.end - 3 * kMillisPerDay;
    {
        Transaction transaction(db);
        auto insert = db.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, "
                                 "product_id, category, order_id, cart_id, value, quantity, props) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        std::int64_t key = -1;
        for (std::size_t i = 0; i < touched.size(); ++i) {
            const ProfileId id = touched[i];
            insert.bind(1, key--).bind(2, when).bind(3, "product_viewed").bind(4, id);
            insert.bind(5, "app").bind(6, 7).bind(7, "shoes").run();
            insert.bind(1, key--).bind(2, when + kMinute).bind(3, "product_added").bind(4, id);
            insert.bind(5, "app").bind(6, 7).bind(9, "cart-new-" + std::to_string(id));
            insert.bind(10, 129.95).bind(11, 1).run();
            insert.bind(1, key--).bind(2, when + 2 * kMinute).bind(3, "email_opened");
            insert.bind(4, id).bind(5, "email").run();
            if (i % 3 == 0) {
                insert.bind(1, key--).bind(2, when + 3 * kMinute).bind(3, "order_completed");
                insert.bind(4, id).bind(5, "web").bind(8, "NEW-" + std::to_string(id));
                insert.bind(9, "cart-new-" + std::to_string(id)).bind(10, 129.95).bind(11, 1);
                insert.bind(12, R"({"products":[{"product_id":7,"quantity":1}]})").run();
            }
        }
        TraitBuilder::refresh(db, touched);
        transaction.commit();
    }
    const std::string modelAfterRefresh = workspace.meta("traits.rfm");

    std::map<ProfileId, ProfileTraits> refreshed;
    for (const ProfileTraits &old : before) {
        const auto now = ProfileTraits::load(db, old.profileId);
        QVERIFY(now);
        if (std::find(touched.begin(), touched.end(), old.profileId) == touched.end())
            QVERIFY2(*now == old, "an untouched profile changed"); // untouched: as they were
        else
            refreshed[old.profileId] = *now;
    }
    // Something a user would see changed: a new order, an opened e-mail, the last view.
    const auto &first = refreshed.at(touched.front());
    QCOMPARE(first.lastViewedProducts.front(), std::string("TH-SHO-0007"));
    QVERIFY(first.emailsOpened30d >= 1);

    {
        Transaction transaction(db);
        TraitBuilder::rebuildAll(db);
        transaction.commit();
    }
    // The comparison holds when the buyers' cut points did not move; check that first.
    const auto oldModel = RfmModel::fromJson(modelAfterRefresh);
    auto newModel = RfmModel::fromJson(workspace.meta("traits.rfm"));
    QVERIFY(oldModel && newModel);
    const bool sameCuts = oldModel->recencyDays == newModel->recencyDays
        && oldModel->frequency == newModel->frequency && oldModel->monetary == newModel->monetary;
    for (const auto &[id, traits] : refreshed) {
        auto rebuilt = *ProfileTraits::load(db, id);
        if (!sameCuts) {
            // Scores of a rebuild with other cut points differ by design; all else must not.
            const RfmScores scores = oldModel->score(
                { rebuilt.lastOrder.value_or(0), rebuilt.orders, rebuilt.revenue });
            if (rebuilt.orders > 0) {
                QCOMPARE(traits.rfmRecency, std::optional<int>(scores.recency));
                QCOMPARE(traits.rfmFrequency, std::optional<int>(scores.frequency));
                QCOMPARE(traits.rfmMonetary, std::optional<int>(scores.monetary));
            }
            rebuilt.rfmRecency = traits.rfmRecency;
            rebuilt.rfmFrequency = traits.rfmFrequency;
            rebuilt.rfmMonetary = traits.rfmMonetary;
            rebuilt.rfmGroup = traits.rfmGroup;
        }
        QVERIFY2(rebuilt == traits, QByteArray::number(static_cast<qlonglong>(id)));
    }
}

void TestTraits::refreshRemovesProfilesMergedAway()
{
    Store store;
    store.profile(1, "Pia");
    store.profile(2); // her phone, before she signed in
    store.add(1, Event(day(1), "order_completed").orderId("P-1").value(10.0));
    store.add(2, Event(day(2), "product_viewed").channel("app"));
    store.rebuild();
    QCOMPARE(store.traits(1).channels, std::string("web"));

    // A merge as a bulk import applies it: events move, the merged profile goes.
    store.db().exec("PRAGMA foreign_keys = OFF");
    store.db().exec("UPDATE events SET profile_id = 1 WHERE profile_id = 2");
    store.db().exec("DELETE FROM profiles WHERE id = 2");
    store.db().exec("PRAGMA foreign_keys = ON");
    store.refresh({ 1, 2 });
    QVERIFY(!ProfileTraits::load(store.db(), 2));
    QCOMPARE(store.traits(1).channels, std::string("app,web"));
    QCOMPARE(store.db().queryInt("SELECT count(*) FROM profile_traits"), 1);

    // With foreign keys on (as imports run), deleting a profile takes its traits along.
    store.profile(3);
    store.refresh({ 3 });
    store.db().exec("DELETE FROM profiles WHERE id = 3");
    QVERIFY(!ProfileTraits::load(store.db(), 3));
}

void TestTraits::cancelledRebuildKeepsTheOldTraits()
{
    Store store;
    store.profile(1, "Quinn");
    store.add(1, Event(day(1), "order_completed").orderId("Q-1").value(10.0));
    store.rebuild();
    store.add(1, Event(day(2), "order_completed").orderId("Q-2").value(15.0));
    {
        Transaction transaction(store.db());
        CancelAt lastReport(2); // the report after everything was written
        QVERIFY_THROWS_EXCEPTION(Cancelled, TraitBuilder::rebuildAll(store.db(), &lastReport));
        transaction.commit(); // the import's transaction carries on without the rebuild
    }
    QCOMPARE(store.traits(1).orders, 1);
    QCOMPARE(store.traits(1).revenue, 10.0);
    store.rebuild();
    QCOMPARE(store.traits(1).orders, 2);
    QCOMPARE(store.traits(1).revenue, 25.0);
}

void TestTraits::migrationFromVersion2FillsTraits()
{
    QTemporaryDir dir;
    const std::string path = test::toStd(dir.filePath(QStringLiteral("v2.clientele")));
    {
        // A workspace as version 2 wrote it: no traits table.
        auto old = test::workspaceAtVersion(path, 2);
        QCOMPARE(old.version(), 2);
        Database &db = old.db();
        db.exec("INSERT INTO profiles(id, created_at, first_name, is_known) VALUES "
                "(1, 0, 'Rosa', 1), (2, 0, NULL, 0)");
        auto insert = db.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, "
                                 "order_id, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind(1, 1).bind(2, day(1)).bind(3, "order_completed").bind(4, 1).bind(5, "web");
        insert.bind(6, "R-1").bind(7, 80.0).run();
        insert.bind(1, 2).bind(2, day(3)).bind(3, "order_completed").bind(4, 1).bind(5, "pos");
        insert.bind(6, "R-2").bind(7, 20.0).run();
        insert.bind(1, 3).bind(2, day(4)).bind(3, "product_viewed").bind(4, 2).bind(5, "web").run();
        QCOMPARE(
            db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'profile_traits'"), 0);
    }
    auto workspace = Workspace::open(path);
    QCOMPARE(workspace.version(), Workspace::schemaVersion());
    QCOMPARE(workspace.meta("traits.rebuild"), std::string()); // done, not pending
    QVERIFY(RfmModel::fromJson(workspace.meta("traits.rfm")));
    const auto rosa = ProfileTraits::load(workspace.db(), 1);
    QVERIFY(rosa);
    QCOMPARE(rosa->orders, 2);
    QCOMPARE(rosa->revenue, 100.0);
    QCOMPARE(rosa->name, std::string("Rosa"));
    QCOMPARE(rosa->channels, std::string("pos,web"));
    QCOMPARE(rosa->rfmGroup, std::string(rfmGroup(*rosa->rfmRecency, *rosa->rfmFrequency)));
    QVERIFY(ProfileTraits::load(workspace.db(), 2));
    QCOMPARE(workspace.integrityCheck(), std::string("ok"));
}

void TestTraits::demoStoreHasTraits()
{
    QTemporaryDir dir;
    const std::string path = test::toStd(dir.filePath(QStringLiteral("demo.clientele")));
    DemoOptions options;
    options.shoppers = 2000;
    options.end = *parseIsoDate("2026-11-25");
    const DemoSummary summary = DemoStore::writeWorkspace(path, options);
    auto workspace = Workspace::open(path);
    Database &db = workspace.db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM profile_traits"), summary.profiles);
    // The demo has no cancellations: traits' orders are the demo's orders.
    QCOMPARE(db.queryInt("SELECT sum(orders) FROM profile_traits"), summary.orders);
    QVERIFY(db.queryInt("SELECT count(*) FROM profile_traits WHERE rfm_group = 'champions'") > 0);
    QVERIFY(db.queryInt("SELECT count(*) FROM profile_traits WHERE cart_abandoned_since IS NOT "
                        "NULL")
        > 0);
    QVERIFY(db.queryInt("SELECT count(*) FROM profile_traits WHERE email_consent = "
                        "'unsubscribed'")
        > 0);
    QVERIFY(db.queryInt("SELECT count(*) FROM profile_traits WHERE loyalty_tier IS NOT NULL") > 0);
    // The brief's shopper: bought socks in store yesterday, browsed shoes on her phone.
    auto query
        = db.prepare("SELECT profile_id FROM identities WHERE kind = 'email' AND value = ?1");
    query.bind(1, DemoStore::kBriefShopperEmail);
    QVERIFY(query.step());
    const auto lena = ProfileTraits::load(db, query.columnInt(0));
    QVERIFY(lena);
    QCOMPARE(lena->name, std::string("Lena Hoffmann"));
    QCOMPARE(lena->email, std::string(DemoStore::kBriefShopperEmail));
    QVERIFY(lena->channels.find("pos") != std::string::npos);
    QVERIFY(lena->channels.find("app") != std::string::npos);
    QVERIFY(lena->lastOrder && *lena->lastOrder >= options.end - 2 * kMillisPerDay);
    QVERIFY(!lena->loyaltyTier.empty());
}

QTEST_GUILESS_MAIN(TestTraits)
#include "test_traits.moc"
