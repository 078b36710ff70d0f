#include "TestFiles.h"

#include "demo/DemoStore.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

using namespace clientele;
using clientele::test::toStd;

namespace {

constexpr std::uint64_t kSeed = 42;
/// Large enough for the campaign's holdout (10 % of its sends) to give a stable rate.
constexpr int kShoppers = 20000;
constexpr Millis kDay = kMillisPerDay;

Millis demoEnd()
{
    return *parseIsoDate("2026-11-25");
}

/// Row count and a checksum over every column of every row, in a fixed order.
struct TableDigest {
    std::int64_t rows = 0;
    std::uint64_t checksum = 0;
    bool operator==(const TableDigest &) const = default;
};

std::uint64_t fnv1a(std::uint64_t hash, const void *data, std::size_t size)
{
    const auto *bytes = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i) {
        hash ^= bytes[i];
        hash *= 0x100000001B3ull;
    }
    return hash;
}

TableDigest digestOf(Database &db, const char *table, const char *order)
{
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY " + order;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        return { -1, 0 };
    TableDigest digest;
    std::uint64_t hash = 0xCBF29CE484222325ull;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        ++digest.rows;
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            const int type = sqlite3_column_type(statement, column);
            hash = fnv1a(hash, &type, sizeof type);
            if (type == SQLITE_INTEGER) {
                const sqlite3_int64 value = sqlite3_column_int64(statement, column);
                hash = fnv1a(hash, &value, sizeof value);
            } else if (type == SQLITE_FLOAT) {
                const double value = sqlite3_column_double(statement, column);
                hash = fnv1a(hash, &value, sizeof value);
            } else if (type != SQLITE_NULL) {
                const void *bytes = sqlite3_column_blob(statement, column);
                hash = fnv1a(
                    hash, bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
            }
        }
    }
    sqlite3_finalize(statement);
    digest.checksum = hash;
    return digest;
}

/// Every table of the workspace, each in an order that does not depend on chance.
std::map<std::string, TableDigest> digestAll(Database &db)
{
    static const std::vector<std::pair<const char *, const char *>> tables { { "meta", "key" },
        { "products", "id" }, { "profiles", "id" }, { "identities", "id" },
        { "consents", "profile_id, channel" }, { "merges", "id" }, { "events", "id" } };
    std::map<std::string, TableDigest> digests;
    for (const auto &[table, order] : tables)
        digests[table] = digestOf(db, table, order);
    return digests;
}

/// Stops the job at its n-th report.
class CancellingSink : public ProgressSink {
public:
    explicit CancellingSink(int allowedReports)
        : allowed_(allowedReports)
    {
    }
    bool report(const Progress &) override { return reports_++ < allowed_; }
    int reports() const { return reports_; }

private:
    int allowed_;
    int reports_ = 0;
};

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSeedGivesIdenticalData();
    void differentSeedGivesDifferentData();
    void summaryMatchesTheRows();
    void metaDescribesTheDemo();
    void catalogueOfARunningShop();
    void shoppersAreKnownOrAnonymous();
    void identifiersAreWellFormed();
    void anonymousVisitorsOnlyBrowse();
    void crossDeviceShoppersWereMerged();
    void loyaltyCardPurchasesInStore();
    void mostCartsAreAbandoned();
    void repeatOneTimeAndLapsedBuyers();
    void emailEngagement();
    void unsubscribedShoppersGetNoMoreEmail();
    void someShoppersNeverConsentedToEmail();
    void supportTicketsAreMostlyResolved();
    void reviewsLeanPositive();
    void onlineOrdersAreShippedThenDelivered();
    void someOrdersAreRefunded();
    void replenishablesAreBoughtOnARhythm();
    void cartRecoveryCampaignShowsItsEffect();
    void briefShopperIsThere();
    void historyStaysInsideTheWindow();
    void cancelLeavesNoFile();
    void cancelledGenerateLeavesWorkspaceEmpty();
    void refusesAnExistingFile();

private:
    double number(const char *sql);
    std::int64_t count(const char *sql) { return static_cast<std::int64_t>(number(sql)); }
    DemoOptions options(int shoppers, std::uint64_t seed) const;

    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_; ///< the demo store most tests query
    DemoSummary summary_;
};

DemoOptions TestDemo::options(int shoppers, std::uint64_t seed) const
{
    DemoOptions options;
    options.shoppers = shoppers;
    options.seed = seed;
    options.end = demoEnd();
    return options;
}

double TestDemo::number(const char *sql)
{
    auto query = workspace_->db().prepare(sql);
    // ?1 is the end of the history, ?2 the campaign name, in every query that needs them.
    const std::string_view text(sql);
    if (text.find("?1") != std::string_view::npos)
        query.bind(1, demoEnd());
    if (text.find("?2") != std::string_view::npos)
        query.bind(2, DemoStore::kCampaign);
    if (!query.step() || query.isNull(0))
        return 0.0;
    return query.columnDouble(0);
}

void TestDemo::initTestCase()
{
    QVERIFY(dir_.isValid());
    const std::string path = toStd(dir_.filePath(QStringLiteral("demo.clientele")));
    summary_ = DemoStore::writeWorkspace(path, options(kShoppers, kSeed));
    workspace_ = std::make_unique<Workspace>(Workspace::open(path));
    // The checks below follow carts, orders and tickets across events; these indexes keep
    // them fast. They are the test's own: the schema does not index these columns.
    workspace_->db().exec("CREATE INDEX test_events_cart ON events(cart_id, type);"
                          "CREATE INDEX test_events_order ON events(order_id, type);");
}

void TestDemo::sameSeedGivesIdenticalData()
{
    const std::string a = toStd(dir_.filePath(QStringLiteral("a.clientele")));
    const std::string b = toStd(dir_.filePath(QStringLiteral("b.clientele")));
    DemoStore::writeWorkspace(a, options(1500, 7));
    DemoStore::writeWorkspace(b, options(1500, 7));
    auto first = Workspace::open(a);
    auto second = Workspace::open(b);
    const auto digestsA = digestAll(first.db());
    const auto digestsB = digestAll(second.db());
    for (const auto &[table, digest] : digestsA) {
        QVERIFY2(digest.rows > 0, table.c_str());
        QCOMPARE(digest.rows, digestsB.at(table).rows);
        QVERIFY2(digest.checksum == digestsB.at(table).checksum, table.c_str());
    }
}

void TestDemo::differentSeedGivesDifferentData()
{
    const std::string a = toStd(dir_.filePath(QStringLiteral("seed7.clientele")));
    const std::string b = toStd(dir_.filePath(QStringLiteral("seed8.clientele")));
    DemoStore::writeWorkspace(a, options(1500, 7));
    DemoStore::writeWorkspace(b, options(1500, 8));
    auto first = Workspace::open(a);
    auto second = Workspace::open(b);
    const auto digestsA = digestAll(first.db());
    const auto digestsB = digestAll(second.db());
    // The catalogue is the same shop whatever the seed; its shoppers are not.
    QVERIFY(digestsA.at("products") == digestsB.at("products"));
    for (const char *table : { "profiles", "identities", "events" })
        QVERIFY2(digestsA.at(table).checksum != digestsB.at(table).checksum, table);
}

void TestDemo::summaryMatchesTheRows()
{
    QCOMPARE(summary_.profiles, kShoppers);
    QCOMPARE(summary_.profiles, count("SELECT count(*) FROM profiles"));
    QCOMPARE(summary_.knownProfiles, count("SELECT count(*) FROM profiles WHERE is_known = 1"));
    QCOMPARE(summary_.products, count("SELECT count(*) FROM products"));
    QCOMPARE(summary_.events, count("SELECT count(*) FROM events"));
    QCOMPARE(summary_.orders, count("SELECT count(*) FROM events WHERE type = 'order_completed'"));
    QVERIFY(qAbs(summary_.revenue
                - number("SELECT sum(value) FROM events WHERE type = 'order_completed'"))
        < 0.01);
    // Roughly ten to twenty-five events per shopper: a year of a store, not a firehose.
    const double perShopper = static_cast<double>(summary_.events) / kShoppers;
    QVERIFY2(perShopper > 10 && perShopper < 25, QByteArray::number(perShopper));
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
    QCOMPARE(count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                   "('events_key', 'events_profile_ts', 'events_type_ts', 'events_channel')"),
        4);
}

void TestDemo::metaDescribesTheDemo()
{
    QCOMPARE(workspace_->meta("origin"), std::string("demo"));
    QCOMPARE(workspace_->meta("demo.seed"), std::string("42"));
    QCOMPARE(workspace_->meta("demo.end"), std::string("2026-11-25"));
    QCOMPARE(workspace_->meta("demo.shoppers"), std::to_string(kShoppers));
    QCOMPARE(workspace_->meta("currency"), std::string("EUR"));
    QCOMPARE(workspace_->meta("store.name"), std::string("Trailhead Running & Outdoor"));
}

void TestDemo::catalogueOfARunningShop()
{
    const auto products = count("SELECT count(*) FROM products");
    QVERIFY2(products >= 250 && products <= 400, QByteArray::number(products));
    QCOMPARE(count("SELECT count(DISTINCT category) FROM products"), 6);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category NOT IN ('shoes', 'socks', "
                   "'apparel', 'hydration', 'nutrition', 'accessories')"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE currency <> 'EUR' OR brand IS NULL"), 0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category = 'shoes' AND price NOT BETWEEN "
                   "80 AND 200"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category = 'socks' AND price NOT BETWEEN 8 "
                   "AND 25"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category = 'nutrition' AND price NOT "
                   "BETWEEN 2 AND 40"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category = 'socks' "
                   "AND (replenish_days IS NULL OR replenish_days NOT BETWEEN 60 AND 90)"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category = 'nutrition' "
                   "AND (replenish_days IS NULL OR replenish_days NOT BETWEEN 20 AND 40)"),
        0);
    QCOMPARE(count("SELECT count(*) FROM products WHERE category NOT IN ('socks', 'nutrition') "
                   "AND replenish_days IS NOT NULL"),
        0);
    // Every product event points at a real product of its category.
    QCOMPARE(count("SELECT count(*) FROM events e LEFT JOIN products p ON p.id = e.product_id "
                   "WHERE e.product_id IS NOT NULL AND (p.id IS NULL OR p.category <> e.category)"),
        0);
}

void TestDemo::shoppersAreKnownOrAnonymous()
{
    const double anonymousShare = number("SELECT avg(is_known = 0) FROM profiles");
    QVERIFY2(anonymousShare > 0.25 && anonymousShare < 0.55, QByteArray::number(anonymousShare));
    QCOMPARE(count("SELECT count(*) FROM profiles WHERE is_known = 1 AND (first_name IS NULL OR "
                   "last_name IS NULL OR country IS NULL OR city IS NULL OR timezone IS NULL)"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM profiles WHERE country NOT IN ('DE', 'AT', 'CH', 'NL', 'GB')"),
        0);
    QCOMPARE(count("SELECT count(*) FROM profiles WHERE timezone NOT LIKE 'Europe/%'"), 0);
    // created_at is when the shopper was first seen.
    QCOMPARE(count("SELECT count(*) FROM profiles p WHERE created_at <> "
                   "(SELECT min(ts) FROM events e WHERE e.profile_id = p.id)"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM events WHERE profile_id NOT IN (SELECT id FROM profiles)"), 0);
}

void TestDemo::identifiersAreWellFormed()
{
    auto query = workspace_->db().prepare("SELECT kind, value FROM identities");
    const QRegularExpression email(QStringLiteral("^[a-z]+\\.[a-z]+\\d*@example\\.(com|org|net)$"));
    const QRegularExpression phone(QStringLiteral("^\\+(49|43|41|31|44)\\d{9,12}$"));
    const QRegularExpression customer(QStringLiteral("^C\\d{6,}$"));
    const QRegularExpression anonymous(QStringLiteral("^anon-[0-9a-f]{16}$"));
    const QRegularExpression card(QStringLiteral("^LC-\\d{10}$"));
    std::map<std::string, int> kinds;
    while (query.step()) {
        const auto kind = query.columnText(0);
        const auto value = QString::fromStdString(query.columnText(1));
        ++kinds[kind];
        const QRegularExpression *pattern = kind == "email" ? &email
            : kind == "phone"                               ? &phone
            : kind == "customer_id"                         ? &customer
            : kind == "anonymous_id"                        ? &anonymous
            : kind == "loyalty_card"                        ? &card
                                                            : nullptr;
        QVERIFY2(pattern, kind.c_str());
        QVERIFY2(pattern->match(value).hasMatch(), qPrintable(value));
    }
    QCOMPARE(kinds.size(), std::size_t(5));
    QCOMPARE(count("SELECT count(*) FROM identities i JOIN profiles p ON p.id = i.profile_id "
                   "WHERE p.is_known = 1 AND i.kind = 'email'"),
        count("SELECT count(*) FROM profiles WHERE is_known = 1"));
    QCOMPARE(count("SELECT count(*) FROM identities WHERE first_seen < ?1 - 365 * 86400000 "
                   "OR first_seen >= ?1"),
        0);
}

void TestDemo::anonymousVisitorsOnlyBrowse()
{
    QVERIFY(count("SELECT count(*) FROM profiles WHERE is_known = 0") > kShoppers / 5);
    QCOMPARE(count("SELECT count(*) FROM identities i JOIN profiles p ON p.id = i.profile_id "
                   "WHERE p.is_known = 0 AND i.kind <> 'anonymous_id'"),
        0);
    QCOMPARE(count("SELECT count(*) FROM events e JOIN profiles p ON p.id = e.profile_id "
                   "WHERE p.is_known = 0 AND e.type NOT IN ('page_viewed', 'product_viewed', "
                   "'product_added', 'product_removed', 'cart_viewed', 'application_opened')"),
        0);
    QCOMPARE(count("SELECT count(*) FROM consents c JOIN profiles p ON p.id = c.profile_id "
                   "WHERE p.is_known = 0"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM profiles p WHERE is_known = 0 AND first_name IS NOT NULL"), 0);
}

void TestDemo::crossDeviceShoppersWereMerged()
{
    const auto crossDevice
        = count("SELECT count(*) FROM profiles p WHERE is_known = 1 "
                "AND (SELECT count(*) FROM identities i WHERE i.profile_id = p.id AND i.kind = "
                "'anonymous_id') >= 2 "
                "AND EXISTS (SELECT 1 FROM merges m WHERE m.kept_profile_id = p.id)");
    QVERIFY2(crossDevice > kShoppers / 20, QByteArray::number(crossDevice));
    // A merged profile no longer exists; the identifier that linked them is the kept one's,
    // and the shopper signed in on that device at that moment.
    QCOMPARE(
        count("SELECT count(*) FROM merges WHERE merged_profile_id IN (SELECT id FROM profiles) "
              "OR kept_profile_id NOT IN (SELECT id FROM profiles)"),
        0);
    QCOMPARE(count("SELECT count(*) FROM merges m WHERE NOT EXISTS (SELECT 1 FROM identities i "
                   "WHERE i.profile_id = m.kept_profile_id AND i.kind = m.identity_kind "
                   "AND i.value = m.identity_value)"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM merges m WHERE NOT EXISTS (SELECT 1 FROM events e "
              "WHERE e.profile_id = m.kept_profile_id AND e.type = 'signed_in' AND e.ts = m.ts)"),
        0);
    QCOMPARE(count("SELECT count(DISTINCT merged_profile_id) FROM merges"),
        count("SELECT count(*) FROM merges"));
    QVERIFY(count("SELECT count(*) FROM merges WHERE reason = 'signed in on a second device'") > 0);
    QVERIFY(
        count("SELECT max(id) FROM profiles") > count("SELECT max(merged_profile_id) FROM merges"));
}

void TestDemo::loyaltyCardPurchasesInStore()
{
    const auto withCard = count(
        "SELECT count(*) FROM events e WHERE e.type = 'order_completed' AND e.channel = 'pos' "
        "AND json_extract(e.props, '$.store') IS NOT NULL "
        "AND json_extract(e.props, '$.loyalty_card') = (SELECT value FROM identities i "
        "WHERE i.profile_id = e.profile_id AND i.kind = 'loyalty_card')");
    QVERIFY2(withCard > kShoppers / 20, QByteArray::number(withCard));
    QCOMPARE(count("SELECT count(*) FROM events WHERE type = 'order_completed' AND channel = 'pos' "
                   "AND json_extract(props, '$.store') NOT LIKE 'Trailhead %'"),
        0);
    QVERIFY(count("SELECT count(*) FROM events WHERE type = 'loyalty_points_earned' AND value > 0")
        > 0);
    QVERIFY(count("SELECT count(*) FROM events WHERE type = 'loyalty_joined'") > 0);
    QVERIFY(count("SELECT count(*) FROM events WHERE type = 'loyalty_reward_redeemed'") > 0);
    // Points are earned only by members, after they joined.
    QCOMPARE(
        count("SELECT count(*) FROM events e WHERE e.type = 'loyalty_points_earned' AND NOT EXISTS "
              "(SELECT 1 FROM events j WHERE j.profile_id = e.profile_id AND j.type = "
              "'loyalty_joined' "
              "AND j.ts <= e.ts)"),
        0);
}

void TestDemo::mostCartsAreAbandoned()
{
    const double abandoned = number(
        "SELECT avg(ordered = 0) FROM (SELECT max(type = 'order_completed') AS ordered FROM events "
        "WHERE cart_id IS NOT NULL GROUP BY cart_id HAVING max(type = 'product_added') = 1)");
    QVERIFY2(abandoned > 0.6 && abandoned < 0.9, QByteArray::number(abandoned));
    // Online orders come from a cart that can be followed back to its first item.
    QCOMPARE(count("SELECT count(*) FROM (SELECT min(CASE WHEN type = 'product_added' THEN ts END) "
                   "AS added, "
                   "min(CASE WHEN type = 'order_completed' THEN ts END) AS ordered FROM events "
                   "WHERE cart_id IS NOT NULL GROUP BY cart_id) "
                   "WHERE ordered IS NOT NULL AND (added IS NULL OR added >= ordered)"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM events WHERE type = 'order_completed' AND channel <> 'pos' "
              "AND cart_id IS NULL"),
        0);
}

void TestDemo::repeatOneTimeAndLapsedBuyers()
{
    const auto buyers
        = count("SELECT count(DISTINCT profile_id) FROM events WHERE type = 'order_completed'");
    const auto repeat = count("SELECT count(*) FROM (SELECT profile_id FROM events WHERE "
                              "type = 'order_completed' GROUP BY profile_id HAVING count(*) >= 2)");
    const auto lapsed = count("SELECT count(*) FROM (SELECT profile_id FROM events WHERE "
                              "type = 'order_completed' GROUP BY profile_id "
                              "HAVING max(ts) < ?1 - 180 * 86400000)");
    QVERIFY(buyers > kShoppers / 4);
    QVERIFY2(repeat > buyers / 5, QByteArray::number(repeat));
    QVERIFY2(buyers - repeat > buyers / 5, QByteArray::number(buyers - repeat));
    QVERIFY2(lapsed > buyers / 20, QByteArray::number(lapsed));
}

void TestDemo::emailEngagement()
{
    const double sent = number("SELECT count(*) FROM events WHERE type = 'email_sent'");
    const double opened = number("SELECT count(*) FROM events WHERE type = 'email_opened'");
    const double clicked = number("SELECT count(*) FROM events WHERE type = 'email_link_clicked'");
    QVERIFY(sent > kShoppers);
    QVERIFY2(opened / sent > 0.20 && opened / sent < 0.35, QByteArray::number(opened / sent));
    QVERIFY(clicked > 0 && clicked < opened);
    QCOMPARE(
        count("SELECT count(*) FROM events WHERE channel = 'email' AND type NOT LIKE 'email_%'"),
        0);
    QCOMPARE(count("SELECT count(*) FROM events WHERE type LIKE 'email_%' AND "
                   "json_extract(props, '$.campaign') IS NULL"),
        0);
    // E-mail goes only to shoppers who allowed it.
    QCOMPARE(
        count("SELECT count(*) FROM events e WHERE e.type = 'email_sent' AND NOT EXISTS "
              "(SELECT 1 FROM consents c WHERE c.profile_id = e.profile_id AND c.channel = 'email' "
              "AND (c.status = 'granted' OR (c.status = 'unsubscribed' AND c.ts > e.ts)))"),
        0);
}

void TestDemo::unsubscribedShoppersGetNoMoreEmail()
{
    const auto unsubscribed = count("SELECT count(*) FROM consents WHERE channel = 'email' "
                                    "AND status = 'unsubscribed'");
    QVERIFY(unsubscribed > 0);
    QCOMPARE(count("SELECT count(*) FROM consents c WHERE c.channel = 'email' AND c.status = "
                   "'unsubscribed' "
                   "AND EXISTS (SELECT 1 FROM events e WHERE e.profile_id = c.profile_id "
                   "AND e.type = 'email_unsubscribed' AND e.ts = c.ts)"),
        unsubscribed);
    QCOMPARE(
        count("SELECT count(*) FROM events e JOIN events u ON u.profile_id = e.profile_id "
              "AND u.type = 'email_unsubscribed' WHERE e.type IN ('email_sent', 'email_held_out') "
              "AND e.ts > u.ts"),
        0);
}

void TestDemo::someShoppersNeverConsentedToEmail()
{
    const auto known = count("SELECT count(*) FROM profiles WHERE is_known = 1");
    const auto noRow
        = count("SELECT count(*) FROM profiles p WHERE is_known = 1 AND NOT EXISTS "
                "(SELECT 1 FROM consents c WHERE c.profile_id = p.id AND c.channel = 'email')");
    const auto denied
        = count("SELECT count(*) FROM consents WHERE channel = 'email' AND status = 'denied'");
    const auto granted
        = count("SELECT count(*) FROM consents WHERE channel = 'email' AND status = 'granted'");
    QVERIFY(noRow > known / 20);
    QVERIFY(denied > known / 20);
    QVERIFY(granted > known / 3);
    QVERIFY(count("SELECT count(*) FROM consents WHERE channel = 'sms'") > 0);
    QVERIFY(count("SELECT count(*) FROM consents WHERE channel = 'push'") > 0);
}

void TestDemo::supportTicketsAreMostlyResolved()
{
    const double created = number("SELECT count(*) FROM events WHERE type = 'ticket_created'");
    const double resolved = number("SELECT count(*) FROM events WHERE type = 'ticket_resolved'");
    QVERIFY(created > 50);
    QVERIFY2(
        resolved / created > 0.75 && resolved <= created, QByteArray::number(resolved / created));
    QCOMPARE(
        count("SELECT count(*) FROM events WHERE type LIKE 'ticket_%' AND channel <> 'support'"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM events r WHERE r.type = 'ticket_resolved' AND NOT EXISTS "
              "(SELECT 1 FROM events c WHERE c.type = 'ticket_created' AND c.profile_id = "
              "r.profile_id "
              "AND json_extract(c.props, '$.ticket_id') = json_extract(r.props, '$.ticket_id') "
              "AND c.ts < r.ts)"),
        0);
}

void TestDemo::reviewsLeanPositive()
{
    QVERIFY(count("SELECT count(*) FROM events WHERE type = 'product_reviewed'") > 50);
    QCOMPARE(count("SELECT count(*) FROM events WHERE type = 'product_reviewed' AND "
                   "(value NOT IN (1, 2, 3, 4, 5) OR product_id IS NULL)"),
        0);
    QCOMPARE(count("SELECT count(DISTINCT value) FROM events WHERE type = 'product_reviewed'"), 5);
    const double average = number("SELECT avg(value) FROM events WHERE type = 'product_reviewed'");
    QVERIFY2(average > 3.7 && average < 4.6, QByteArray::number(average));
    QVERIFY(count("SELECT count(*) FROM events WHERE type = 'product_reviewed' AND value = 5")
        > 3 * count("SELECT count(*) FROM events WHERE type = 'product_reviewed' AND value = 1"));
}

void TestDemo::onlineOrdersAreShippedThenDelivered()
{
    // One line per order: when it was placed online, shipped and delivered.
    const char *orders
        = "(SELECT max(CASE WHEN type = 'order_completed' AND channel IN ('web', 'app') "
          "THEN ts END) AS placed, max(type = 'order_completed' AND channel = 'pos') AS inStore, "
          "max(CASE WHEN type = 'order_shipped' THEN ts END) AS shipped, "
          "max(CASE WHEN type = 'order_delivered' THEN ts END) AS delivered "
          "FROM events WHERE order_id IS NOT NULL GROUP BY order_id)";
    const std::string out = std::string("SELECT count(*) FROM ") + orders
        + " WHERE (delivered IS NOT NULL AND (shipped IS NULL OR shipped >= delivered)) "
          "OR (shipped IS NOT NULL AND (placed IS NULL OR placed >= shipped))";
    QCOMPARE(count(out.c_str()), 0);
    const std::string shop
        = std::string("SELECT count(*) FROM ") + orders + " WHERE inStore AND shipped IS NOT NULL";
    QCOMPARE(count(shop.c_str()), 0);
    // Orders older than a week have all arrived.
    const std::string arrived = std::string("SELECT avg(delivered IS NOT NULL) FROM ") + orders
        + " WHERE placed < ?1 - 7 * 86400000";
    QCOMPARE(number(arrived.c_str()), 1.0);
    QCOMPARE(count("SELECT count(DISTINCT order_id) FROM events WHERE type = 'order_completed'"),
        count("SELECT count(*) FROM events WHERE type = 'order_completed'"));
}

void TestDemo::someOrdersAreRefunded()
{
    const double rate
        = number("SELECT (SELECT count(*) FROM events WHERE type = 'order_refunded') * 1.0 "
                 "/ (SELECT count(*) FROM events WHERE type = 'order_completed')");
    QVERIFY2(rate > 0.01 && rate < 0.06, QByteArray::number(rate));
    QCOMPARE(
        count(
            "SELECT count(*) FROM events r WHERE r.type = 'order_refunded' AND NOT EXISTS "
            "(SELECT 1 FROM events o WHERE o.order_id = r.order_id AND o.type = 'order_completed' "
            "AND o.ts < r.ts AND r.value > 0 AND r.value <= o.value AND o.profile_id = "
            "r.profile_id)"),
        0);
}

void TestDemo::replenishablesAreBoughtOnARhythm()
{
    auto query = workspace_->db().prepare(
        "SELECT e.profile_id, p.id, p.replenish_days, e.ts FROM events e, "
        "json_each(e.props, '$.products') line JOIN products p "
        "ON p.id = json_extract(line.value, '$.product_id') "
        "WHERE e.type = 'order_completed' AND p.replenish_days IS NOT NULL ORDER BY 1, 2, 4");
    struct Purchases {
        int replenishDays = 0;
        std::vector<Millis> times;
    };
    std::map<std::pair<std::int64_t, std::int64_t>, Purchases> byShopperAndProduct;
    while (query.step()) {
        auto &purchases = byShopperAndProduct[{ query.columnInt(0), query.columnInt(1) }];
        purchases.replenishDays = static_cast<int>(query.columnInt(2));
        purchases.times.push_back(query.columnInt(3));
    }
    int onRhythm = 0;
    for (const auto &[key, purchases] : byShopperAndProduct) {
        if (purchases.times.size() < 4)
            continue;
        std::vector<double> ratios;
        for (std::size_t i = 1; i < purchases.times.size(); ++i)
            ratios.push_back(static_cast<double>(purchases.times[i] - purchases.times[i - 1])
                / static_cast<double>(purchases.replenishDays * kDay));
        std::sort(ratios.begin(), ratios.end());
        const double median = ratios[ratios.size() / 2];
        if (median > 0.8 && median < 1.25)
            ++onRhythm;
    }
    QVERIFY2(onRhythm >= 100, QByteArray::number(onRhythm));
}

void TestDemo::cartRecoveryCampaignShowsItsEffect()
{
    auto query = workspace_->db().prepare(
        "SELECT s.type, json_extract(s.props, '$.variant'), count(*), "
        "avg(EXISTS (SELECT 1 FROM events o WHERE o.profile_id = s.profile_id "
        "AND o.type = 'order_completed' AND o.cart_id = json_extract(s.props, '$.cart_id') "
        "AND o.ts > s.ts AND o.ts <= s.ts + 3 * 86400000)) "
        "FROM events s WHERE s.type IN ('email_sent', 'email_held_out') "
        "AND json_extract(s.props, '$.campaign') = ?1 GROUP BY 1, 2 ORDER BY 1");
    query.bind(1, DemoStore::kCampaign);
    std::map<std::string, std::pair<double, double>> arms; // variant → (sends, conversion)
    while (query.step()) {
        const std::string type = query.columnText(0);
        const std::string variant = query.columnText(1);
        QCOMPARE(variant, std::string(type == "email_sent" ? "treatment" : "holdout"));
        arms[variant] = { query.columnDouble(2), query.columnDouble(3) };
    }
    QCOMPARE(arms.size(), std::size_t(2));
    const auto [treated, treatedRate] = arms["treatment"];
    const auto [held, heldRate] = arms["holdout"];
    const double holdoutShare = held / (held + treated);
    QVERIFY2(holdoutShare > 0.06 && holdoutShare < 0.14, QByteArray::number(holdoutShare));
    QVERIFY2(held >= 100, QByteArray::number(held));
    qInfo("campaign: %.0f treated convert %.3f, %.0f held out convert %.3f", treated, treatedRate,
        held, heldRate);
    QVERIFY(treatedRate > 0.15 && treatedRate < 0.35);
    QVERIFY(heldRate < 0.16);
    QVERIFY(treatedRate - heldRate > 0.06);

    // One arm per shopper; sent 1–4 h after the cart's last step, to shoppers who allowed
    // e-mail, roughly six to four months before the end.
    QCOMPARE(count("SELECT count(*) FROM (SELECT profile_id FROM events WHERE type IN "
                   "('email_sent', 'email_held_out') AND json_extract(props, '$.campaign') = ?2 "
                   "GROUP BY profile_id HAVING count(DISTINCT type) > 1)"),
        0);
    QCOMPARE(count("SELECT count(*) FROM events s WHERE s.type IN ('email_sent', 'email_held_out') "
                   "AND json_extract(s.props, '$.campaign') = ?2 AND (s.ts - (SELECT max(c.ts) "
                   "FROM events c "
                   "WHERE c.cart_id = json_extract(s.props, '$.cart_id') AND c.channel <> 'email' "
                   "AND c.ts < s.ts)) NOT BETWEEN 3600000 AND 4 * 3600000 + 300000"),
        0);
    QCOMPARE(count("SELECT count(*) FROM events s WHERE s.type IN ('email_sent', 'email_held_out') "
                   "AND json_extract(s.props, '$.campaign') = ?2 AND (s.channel <> 'email' "
                   "OR s.ts < ?1 - 200 * 86400000 OR s.ts > ?1 - 110 * 86400000)"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM events s WHERE s.type = 'email_held_out' AND NOT EXISTS "
              "(SELECT 1 FROM consents c WHERE c.profile_id = s.profile_id AND c.channel = 'email' "
              "AND (c.status = 'granted' OR (c.status = 'unsubscribed' AND c.ts > s.ts)))"),
        0);
}

void TestDemo::briefShopperIsThere()
{
    auto &db = workspace_->db();
    auto find = db.prepare("SELECT p.id, p.first_name, p.last_name, p.city, p.country, p.timezone, "
                           "p.is_known FROM identities i JOIN profiles p ON p.id = i.profile_id "
                           "WHERE i.kind = 'email' AND i.value = ?1");
    find.bind(1, DemoStore::kBriefShopperEmail);
    QVERIFY(find.step());
    const std::int64_t lena = find.columnInt(0);
    QCOMPARE(find.columnText(1), std::string("Lena"));
    QCOMPARE(find.columnText(2), std::string("Hoffmann"));
    QCOMPARE(find.columnText(3), std::string("Berlin"));
    QCOMPARE(find.columnText(4), std::string("DE"));
    QCOMPARE(find.columnText(5), std::string("Europe/Berlin"));
    QCOMPARE(find.columnInt(6), 1);

    auto kinds = db.prepare("SELECT kind, count(*), max(source = 'app') FROM identities "
                            "WHERE profile_id = ?1 GROUP BY kind");
    kinds.bind(1, lena);
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> identities;
    while (kinds.step())
        identities[kinds.columnText(0)] = { kinds.columnInt(1), kinds.columnInt(2) };
    for (const char *kind : { "email", "customer_id", "phone", "loyalty_card" })
        QVERIFY2(identities[kind].first == 1, kind);
    QVERIFY(identities["anonymous_id"].first >= 1);
    QCOMPARE(identities["anonymous_id"].second, 1); // her app

    const Millis end = demoEnd();
    auto views = db.prepare(
        "SELECT count(*) FROM events WHERE profile_id = ?1 AND type = 'product_viewed' "
        "AND category = 'shoes' AND channel = 'app' "
        "AND json_extract(props, '$.device') = 'mobile' AND ts >= ?2 AND ts < ?3");
    views.bind(1, lena).bind(2, end - 7 * kDay).bind(3, end);
    QVERIFY(views.step());
    QVERIFY(views.columnInt(0) >= 1);

    auto orders = db.prepare("SELECT e.order_id, json_extract(e.props, '$.store'), "
                             "json_extract(e.props, '$.loyalty_card'), "
                             "(SELECT count(*) FROM json_each(e.props, '$.products') l "
                             "WHERE json_extract(l.value, '$.category') <> 'socks'), "
                             "(SELECT count(*) FROM json_each(e.props, '$.products')) "
                             "FROM events e WHERE e.profile_id = ?1 AND e.type = 'order_completed' "
                             "AND e.channel = 'pos' "
                             "AND e.ts >= ?2 AND e.ts < ?3");
    orders.bind(1, lena).bind(2, end - kDay).bind(3, end);
    QVERIFY(orders.step());
    const std::string orderId = orders.columnText(0);
    QCOMPARE(orders.columnText(1), std::string("Trailhead Berlin Mitte"));
    auto card = db.prepare(
        "SELECT value FROM identities WHERE profile_id = ?1 AND kind = 'loyalty_card'");
    card.bind(1, lena);
    QVERIFY(card.step());
    QCOMPARE(orders.columnText(2), card.columnText(0));
    QCOMPARE(orders.columnInt(3), 0);
    QVERIFY(orders.columnInt(4) >= 1);

    auto points = db.prepare("SELECT count(*) FROM events WHERE profile_id = ?1 "
                             "AND type = 'loyalty_points_earned' AND order_id = ?2 AND ts < ?3");
    points.bind(1, lena).bind(2, orderId).bind(3, end);
    QVERIFY(points.step());
    QCOMPARE(points.columnInt(0), 1);

    // An ordinary history before that: orders, e-mails, more than one device.
    auto history
        = db.prepare("SELECT count(*), sum(type = 'order_completed'), sum(type = 'email_sent') "
                     "FROM events WHERE profile_id = ?1 AND ts < ?2");
    history.bind(1, lena).bind(2, end - 7 * kDay);
    QVERIFY(history.step());
    QVERIFY(history.columnInt(0) >= 20);
    QVERIFY(history.columnInt(1) >= 1);
    QVERIFY(history.columnInt(2) >= 1);
}

void TestDemo::historyStaysInsideTheWindow()
{
    QCOMPARE(count("SELECT count(*) FROM events WHERE ts >= ?1"), 0);
    QCOMPARE(count("SELECT count(*) FROM events WHERE ts < ?1 - 365 * 86400000"), 0);
    QVERIFY(count("SELECT count(*) FROM events WHERE ts >= ?1 - 86400000") > 0);
    QVERIFY(count("SELECT count(*) FROM events WHERE ts < ?1 - 360 * 86400000") > 0);
    QCOMPARE(count("SELECT count(*) FROM events WHERE channel NOT IN "
                   "('web', 'app', 'pos', 'email', 'support', 'loyalty')"),
        0);
    QCOMPARE(count("SELECT count(*) FROM events WHERE (currency IS 'EUR') <> "
                   "(type IN ('product_viewed', 'product_added', 'product_removed', "
                   "'order_completed', 'order_refunded'))"),
        0);
    QCOMPARE(
        count("SELECT count(*) FROM events WHERE props IS NOT NULL AND json_valid(props) = 0"), 0);
}

void TestDemo::cancelLeavesNoFile()
{
    const QString path = dir_.filePath(QStringLiteral("cancelled.clientele"));
    CancellingSink sink(2); // stops among the shoppers
    QVERIFY_THROWS_EXCEPTION(
        Cancelled, DemoStore::writeWorkspace(toStd(path), options(5000, 1), &sink));
    QCOMPARE(sink.reports(), 3);
    for (const QString &suffix :
        { QString(), QStringLiteral(".partial"), QStringLiteral(".partial-wal"),
            QStringLiteral(".partial-shm"), QStringLiteral(".partial-journal") })
        QVERIFY2(!QFile::exists(path + suffix), qPrintable(path + suffix));
}

void TestDemo::cancelledGenerateLeavesWorkspaceEmpty()
{
    const std::string path = toStd(dir_.filePath(QStringLiteral("rolled-back.clientele")));
    auto workspace = Workspace::create(path);
    CancellingSink sink(1);
    QVERIFY_THROWS_EXCEPTION(Cancelled, DemoStore::generate(workspace, options(5000, 1), &sink));
    auto &db = workspace.db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM products"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), 0);
    QCOMPARE(db.queryInt(
                 "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events'"),
        5);
    // And the same workspace can then be filled.
    const auto summary = DemoStore::generate(workspace, options(300, 1));
    QCOMPARE(summary.profiles, 300);
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), 300);
    // But not twice.
    QVERIFY_THROWS_EXCEPTION(StoreError, DemoStore::generate(workspace, options(300, 1)));
}

void TestDemo::refusesAnExistingFile()
{
    const QString path = dir_.filePath(QStringLiteral("existing.clientele"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const auto before = test::fileDigest(path);
    try {
        DemoStore::writeWorkspace(toStd(path), options(100, 1));
        QFAIL("an existing file was overwritten");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::CannotOpen);
    }
    QCOMPARE(test::fileDigest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
}

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
