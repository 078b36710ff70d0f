#include "TestFiles.h"

#include "common/Progress.h"
#include "segment/FieldRegistry.h"
#include "segment/PickerValues.h"
#include "segment/SegmentCompiler.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "segment/SegmentValidator.h"
#include "segment/SqlDialect.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace clientele;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)

namespace {

/// "Now" of the hand-built workspace: 2026-03-01 00:00 UTC.
const Millis T0 = *parseIsoDate("2026-03-01");
constexpr Millis H = kMillisPerHour;
constexpr Millis D = kMillisPerDay;

using Ids = std::vector<ProfileId>;

QString idsText(const Ids &ids)
{
    QStringList list;
    for (const ProfileId id : ids)
        list << QString::number(id);
    return list.join(QLatin1Char(','));
}

/// A definition whose rule is the given condition.
SegmentDefinition rule(const json &condition)
{
    return SegmentDefinition::fromJson(json { { "version", 1 }, { "rule", condition } });
}

json trait(const std::string &field, const std::string &op, const json &value = json())
{
    json node { { "type", "trait" }, { "field", field }, { "op", op } };
    if (!value.is_null())
        node["value"] = value;
    return node;
}

/// Takes a vector: a braced list of one json would otherwise be copied, not wrapped.
json group(const std::string &match, const std::vector<json> &conditions)
{
    return json { { "type", match }, { "conditions", json(conditions) } };
}

} // namespace

/**
 * The segment engine on a small workspace whose answers are known by hand: five shoppers
 * (Ana, Ben, Cleo, Dan, Eve) with traits written directly and a few events around
 * 2026-03-01.
 */
class TestSegment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void traitOperators_data();
    void traitOperators();
    void nestedGroups_data();
    void nestedGroups();
    void behaviour_data();
    void behaviour();
    void sequence_data();
    void sequence();
    void membershipAndCycles();
    void rfmAndConsent_data();
    void rfmAndConsent();
    void asOf_data();
    void asOf();
    void asOfRefusesCurrentOnlyTraits();
    void explainShowsTheValues();
    void explainAgreesWithIds();
    void sampleHasDisplayFields();
    void validationMessages_data();
    void validationMessages();
    void hostileValues_data();
    void hostileValues();
    void queryPlansUseIndexes_data();
    void queryPlansUseIndexes();
    void everyFieldCompilesAndRuns();
    void jsonRoundTrip();
    void documentedExamplesValidate();
    void dailySizes();
    void renameKeepsHistoryAndReferences();
    void pickerValues();
    void cancelStopsARunningCount();

private:
    Database &db() { return workspace_->db(); }
    void addEvent(ProfileId profile, Millis ts, const std::string &type, const json &columns = {},
        const json &props = json());
    void addProfile(ProfileId id, const std::string &name, const json &traits, bool known = true);
    Ids ids(const SegmentDefinition &definition, const EvaluationOptions &options);
    EvaluationOptions atT0() const
    {
        EvaluationOptions options;
        options.now = T0;
        return options;
    }

    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<SegmentStore> store_;
    std::int64_t nextKey_ = 1;
};

void TestSegment::addEvent(
    ProfileId profile, Millis ts, const std::string &type, const json &given, const json &props)
{
    const json columns = given.is_object() ? given : json::object();
    auto insert = db().prepare(
        "INSERT INTO events(event_key, ts, type, profile_id, channel, product_id, category, "
        "order_id, cart_id, value, quantity, props) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12)");
    insert.bind(1, nextKey_++).bind(2, ts).bind(3, type).bind(4, profile);
    insert.bind(5, columns.value("channel", std::string("web")));
    columns.contains("product_id") ? insert.bind(6, columns["product_id"].get<std::int64_t>())
                                   : insert.bindNull(6);
    columns.contains("category") ? insert.bind(7, columns["category"].get<std::string>())
                                 : insert.bindNull(7);
    columns.contains("order_id") ? insert.bind(8, columns["order_id"].get<std::string>())
                                 : insert.bindNull(8);
    columns.contains("cart_id") ? insert.bind(9, columns["cart_id"].get<std::string>())
                                : insert.bindNull(9);
    columns.contains("value") ? insert.bind(10, columns["value"].get<double>())
                              : insert.bindNull(10);
    columns.contains("quantity") ? insert.bind(11, columns["quantity"].get<std::int64_t>())
                                 : insert.bindNull(11);
    props.is_null() ? insert.bindNull(12) : insert.bind(12, props.dump());
    insert.run();
}

void TestSegment::addProfile(ProfileId id, const std::string &name, const json &traits, bool known)
{
    db().prepare("INSERT INTO profiles(id, created_at, first_name, is_known, timezone) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, id)
        .bind(2, T0 - 500 * D)
        .bind(3, name.substr(0, name.find(' ')))
        .bind(4, known ? 1 : 0)
        .bind(5, id == 1 ? "Europe/Berlin" : "Europe/London")
        .run();
    std::string columns = "profile_id, name";
    std::string values = "?1, ?2";
    int index = 2;
    for (const auto &item : traits.items()) {
        columns += ", " + item.key();
        values += ", ?" + std::to_string(++index);
    }
    auto insert
        = db().prepare("INSERT INTO profile_traits(" + columns + ") VALUES (" + values + ")");
    insert.bind(1, id).bind(2, name);
    index = 2;
    for (const auto &item : traits.items()) {
        ++index;
        const json &value = item.value();
        if (value.is_null())
            insert.bindNull(index);
        else if (value.is_number_integer())
            insert.bind(index, value.get<std::int64_t>());
        else if (value.is_number())
            insert.bind(index, value.get<double>());
        else
            insert.bind(index, value.is_string() ? value.get<std::string>() : value.dump());
    }
    insert.run();
}

void TestSegment::initTestCase()
{
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_.filePath(QStringLiteral("segments.clientele")))));
    store_ = std::make_unique<SegmentStore>(db());
    // A new workspace has every table the segment engine reads (saved segments: version 5).
    QVERIFY(workspace_->version() >= 5);
    QCOMPARE(workspace_->version(), Workspace::schemaVersion());

    db().exec("INSERT INTO products(id, sku, name, category, brand, price, currency) VALUES "
              "(1, 'TH-SHO-0001', 'Glide Shoe', 'shoes', 'Stridewell', 100, 'EUR'), "
              "(2, 'TH-SOC-0002', 'Trail Socks', 'socks', 'Velora', 29.5, 'EUR'), "
              "(3, 'TH-APP-0003', 'Run Shirt', 'apparel', 'Stridewell', 50, 'EUR')");

    addProfile(1, "Ana Schmidt",
        { { "country", "DE" }, { "city", "Berlin" }, { "orders", 1 }, { "revenue", 129.5 },
            { "average_order_value", 129.5 }, { "last_order", T0 - 100 * D },
            { "channels", "app,email,web" },
            { "last_viewed_products", json::array({ "TH-SHO-0001", "TH-SOC-0002" }) },
            { "rfm_group", "champions" }, { "email_consent", "granted" }, { "cart_value", 129.5 },
            { "loyalty_tier", "gold" } });
    addProfile(2, "Ben Meier",
        { { "country", "AT" }, { "city", "Wien" }, { "orders", 1 }, { "revenue", 40.0 },
            { "average_order_value", 40.0 }, { "last_order", T0 - 10 * D },
            { "channels", "pos,web" }, { "rfm_group", "hibernating" },
            { "email_consent", "unsubscribed" }, { "cart_value", 50.0 } });
    addProfile(3, "Cleo Wagner",
        { { "country", "DE" }, { "city", "Köln" }, { "orders", 2 }, { "revenue", 300.0 },
            { "average_order_value", 150.0 }, { "last_order", T0 - 30 * H },
            { "channels", "app,pos,web" },
            { "last_viewed_products", json::array({ "TH-APP-0003" }) },
            { "rfm_group", "loyal_customers" }, { "email_consent", "denied" },
            { "loyalty_tier", "silver" } });
    addProfile(4, "Dan",
        { { "channels", "web" }, { "last_viewed_products", json::array({ "TH-SHO-0001" }) },
            { "cart_value", 100.0 } },
        false);
    addProfile(5, "Eve O'Brien",
        { { "country", "GB" }, { "city", "London" }, { "orders", 1 }, { "revenue", 950.0 },
            { "average_order_value", 950.0 }, { "last_order", T0 - 400 * D }, { "channels", "web" },
            { "rfm_group", "at_risk" } });

    const json shoeLine { { "product_id", 1 }, { "sku", "TH-SHO-0001" }, { "category", "shoes" },
        { "price", 100 }, { "quantity", 1 } };
    const json sockLine { { "product_id", 2 }, { "sku", "TH-SOC-0002" }, { "category", "socks" },
        { "price", 29.5 }, { "quantity", 1 } };
    // Ana: an order long ago (shoes + socks), two adds this week, never ordered again.
    addEvent(1, T0 - 100 * D, "order_completed", { { "order_id", "A1" }, { "value", 129.5 } },
        { { "payment", "card" }, { "products", json::array({ shoeLine, sockLine }) } });
    addEvent(1, T0 - 3 * D, "product_added",
        { { "channel", "app" }, { "product_id", 1 }, { "category", "shoes" }, { "value", 100.0 },
            { "quantity", 1 } });
    addEvent(1, T0 - 47 * H, "product_added",
        { { "product_id", 2 }, { "category", "socks" }, { "value", 29.5 }, { "quantity", 1 } });
    addEvent(1, T0 - 1 * D, "email_opened", { { "channel", "email" } });
    // Ben: ordered socks 10 days ago, added a shirt 30 h ago and left; unsubscribed.
    addEvent(2, T0 - 10 * D, "order_completed",
        { { "channel", "pos" }, { "order_id", "B1" }, { "value", 40.0 } },
        { { "payment", "cash" },
            { "products",
                json::array({ { { "product_id", 2 }, { "sku", "TH-SOC-0002" },
                    { "category", "socks" }, { "price", 20 }, { "quantity", 2 } } }) } });
    addEvent(2, T0 - 30 * H, "product_added",
        { { "product_id", 3 }, { "category", "apparel" }, { "value", 50.0 }, { "quantity", 1 },
            { "cart_id", "cart-2" } });
    addEvent(2, T0 - 50 * D, "email_unsubscribed", { { "channel", "email" } });
    // Cleo: shoes 15 days ago; added 40 h ago and ordered 10 h later.
    addEvent(3, T0 - 15 * D, "order_completed", { { "order_id", "C2" }, { "value", 200.0 } },
        { { "products",
            json::array({ { { "product_id", 1 }, { "sku", "TH-SHO-0001" }, { "category", "shoes" },
                { "price", 200 }, { "quantity", 1 } } }) } });
    addEvent(3, T0 - 40 * H, "product_added",
        { { "channel", "app" }, { "product_id", 1 }, { "category", "shoes" }, { "value", 100.0 },
            { "quantity", 1 } });
    addEvent(3, T0 - 30 * H, "order_completed", { { "order_id", "C1" }, { "value", 100.0 } },
        { { "products",
            json::array({ { { "product_id", 3 }, { "sku", "TH-APP-0003" },
                { "category", "apparel" }, { "price", 50 }, { "quantity", 2 } } }) } });
    // Dan: anonymous, viewed yesterday, added 2 h ago.
    addEvent(4, T0 - 1 * D, "product_viewed",
        { { "channel", "app" }, { "product_id", 1 }, { "category", "shoes" }, { "value", 100.0 } });
    addEvent(4, T0 - 2 * H, "product_added",
        { { "channel", "app" }, { "product_id", 1 }, { "category", "shoes" }, { "value", 100.0 },
            { "quantity", 1 } });
    // Eve: one big order long ago, part refunded; browses the sale.
    addEvent(5, T0 - 400 * D, "order_completed", { { "order_id", "E1" }, { "value", 1000.0 } });
    addEvent(5, T0 - 300 * D, "order_refunded", { { "order_id", "E1" }, { "value", -50.0 } });
    addEvent(5, T0 - 5 * D, "page_viewed", {}, { { "page", "/sale%_50" }, { "campaign", "it's" } });

    db().exec("INSERT INTO consents VALUES "
              "(1, 'email', 'granted', 'web', "
        + std::to_string(T0 - 200 * D)
        + "), "
          "(2, 'email', 'granted', 'web', "
        + std::to_string(T0 - 300 * D)
        + "), "
          "(3, 'email', 'denied', 'pos', "
        + std::to_string(T0 - 100 * D)
        + "), "
          "(3, 'sms', 'granted', 'pos', "
        + std::to_string(T0 - 100 * D) + ")");
}

Ids TestSegment::ids(const SegmentDefinition &definition, const EvaluationOptions &options)
{
    SegmentEvaluator evaluator(db(), store_.get());
    const Ids found = evaluator.ids(definition, options);
    [&] {
        QCOMPARE(evaluator.count(definition, options), static_cast<std::int64_t>(found.size()));
    }();
    return found;
}

// ---- traits --------------------------------------------------------------------------------

void TestSegment::traitOperators_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const json &condition, const char *expected) {
        QTest::newRow(name) << condition.dump() << QString::fromLatin1(expected);
    };
    row("number-gt", trait("revenue", ">", 100), "1,3,5");
    row("number-ge", trait("revenue", ">=", 129.5), "1,3,5");
    row("number-lt", trait("revenue", "<", 40), "4");
    row("number-le", trait("revenue", "<=", 40), "2,4");
    row("number-eq", trait("revenue", "=", 40), "2");
    row("number-ne", trait("revenue", "!=", 40), "1,3,4,5");
    row("number-between", trait("revenue", "between", { 40, 300 }), "1,2,3");
    row("number-not-set", trait("average_order_value", "is_not_set"), "4");
    row("number-set", trait("average_order_value", "is_set"), "1,2,3,5");
    row("integer-orders", trait("orders", ">=", 2), "3");
    row("text-is", trait("country", "is", "DE"), "1,3");
    row("text-is-not-includes-unset", trait("country", "is_not", "DE"), "2,4,5");
    row("text-one-of", trait("country", "one_of", { "AT", "GB" }), "2,5");
    row("text-set", trait("country", "is_set"), "1,2,3,5");
    row("text-not-set", trait("country", "is_not_set"), "4");
    row("text-contains-any-case", trait("city", "contains", "ER"), "1");
    row("text-contains-utf8", trait("city", "contains", "ö"), "3");
    row("text-starts-with", trait("name", "starts_with", "eve"), "5");
    row("text-ends-with", trait("name", "ends_with", "BRIEN"), "5");
    row("text-ends-with-utf8", trait("city", "ends_with", "öln"), "3");
    row("text-contains-quote", trait("name", "contains", "'"), "5");
    row("profile-attribute", trait("timezone", "is", "Europe/Berlin"), "1");
    row("date-before", trait("last_order", "before", "2026-01-01"), "1,5");
    row("date-after", trait("last_order", "after", "2026-02-19"), "3");
    row("date-between-one-day", trait("last_order", "between", { "2026-02-19", "2026-02-19" }),
        "2");
    row("date-in-last-days", trait("last_order", "in_last_days", 14), "2,3");
    row("date-more-than-days-ago", trait("last_order", "more_than_days_ago", 90), "1,5");
    row("date-in-next-days", trait("last_order", "in_next_days", 7), "");
    row("date-not-set", trait("last_order", "is_not_set"), "4");
    row("boolean-true", trait("is_known", "is", true), "1,2,3,5");
    row("boolean-false", trait("is_known", "is", false), "4");
    row("boolean-derived", trait("loyalty_member", "is", true), "1,3");
    row("list-csv-contains", trait("channels", "contains", "app"), "1,3");
    row("list-csv-whole-items", trait("channels", "contains", "ap"), "");
    row("list-csv-does-not-contain", trait("channels", "does_not_contain", "app"), "2,4,5");
    row("list-json-contains", trait("last_viewed_products", "contains", "TH-SHO-0001"), "1,4");
    row("list-json-not-set", trait("last_viewed_products", "is_not_set"), "2,5");
    row("rfm-as-trait", trait("rfm_group", "one_of", { "champions", "at_risk" }), "1,5");
}

void TestSegment::traitOperators()
{
    QFETCH(std::string, condition);
    QFETCH(QString, expected);
    QCOMPARE(idsText(ids(rule(json::parse(condition)), atT0())), expected);
}

void TestSegment::nestedGroups_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const json &condition, const char *expected) {
        QTest::newRow(name) << condition.dump() << QString::fromLatin1(expected);
    };
    row("all", group("all", { trait("country", "is", "DE"), trait("revenue", ">", 200) }), "3");
    row("any", group("any", { trait("country", "is", "AT"), trait("revenue", ">", 500) }), "2,5");
    row("none", group("none", { trait("country", "is", "DE"), trait("revenue", ">", 500) }), "2,4");
    // NULL-safe: Dan has no average order value; "none of (aov > 100)" includes him.
    row("none-null-safe", group("none", { trait("average_order_value", ">", 100) }), "2,4");
    row("three-levels",
        group("all",
            { group("any",
                  { trait("country", "is", "DE"),
                      group("all", { trait("country", "is", "GB"), trait("revenue", ">", 900) }) }),
                group("none", { trait("channels", "contains", "pos") }) }),
        "1,5");
}

void TestSegment::nestedGroups()
{
    QFETCH(std::string, condition);
    QFETCH(QString, expected);
    QCOMPARE(idsText(ids(rule(json::parse(condition)), atT0())), expected);
}

// ---- behaviour -----------------------------------------------------------------------------

void TestSegment::behaviour_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, json condition, const char *expected) {
        condition["type"] = "event";
        QTest::newRow(name) << condition.dump() << QString::fromLatin1(expected);
    };
    const json week { { "in_last_days", 7 } };
    row("did-ever", { { "event", "product_added" } }, "1,2,3,4");
    row("did-in-last-7-days", { { "event", "product_added" }, { "when", week } }, "1,2,3,4");
    row("did-in-last-1-day",
        { { "event", "product_added" }, { "when", { { "in_last_days", 1 } } } }, "4");
    row("at-least-2",
        { { "event", "product_added" }, { "when", week },
            { "count", { { "op", "at_least" }, { "value", 2 } } } },
        "1");
    row("exactly-1",
        { { "event", "product_added" }, { "when", week },
            { "count", { { "op", "exactly" }, { "value", 1 } } } },
        "2,3,4");
    row("at-most-1-includes-none",
        { { "event", "product_added" }, { "when", week },
            { "count", { { "op", "at_most" }, { "value", 1 } } } },
        "2,3,4,5");
    row("exactly-0",
        { { "event", "product_added" }, { "count", { { "op", "exactly" }, { "value", 0 } } } },
        "5");
    row("did-not",
        { { "event", "order_completed" }, { "did", false },
            { "when", { { "in_last_days", 30 } } } },
        "1,4,5");
    row("between-dates",
        { { "event", "order_completed" },
            { "when", { { "between", { "2026-02-01", "2026-02-28" } } } } },
        "2,3");
    row("where-category-own-or-order-line",
        { { "event", "order_completed" },
            { "where", { { { "property", "category" }, { "op", "is" }, { "value", "shoes" } } } } },
        "1,3");
    row("where-sku-on-order-lines",
        { { "event", "order_completed" },
            { "where",
                { { { "property", "sku" }, { "op", "is" }, { "value", "TH-SOC-0002" } } } } },
        "1,2");
    row("where-brand-via-products",
        { { "event", "product_added" },
            { "where", { { { "property", "brand" }, { "op", "is" }, { "value", "Velora" } } } } },
        "1");
    row("where-brand-on-order-lines",
        { { "event", "order_completed" },
            { "where", { { { "property", "brand" }, { "op", "is" }, { "value", "Velora" } } } } },
        "1,2");
    row("where-value",
        { { "event", "product_added" },
            { "where", { { { "property", "value" }, { "op", ">" }, { "value", 60 } } } } },
        "1,3,4");
    row("where-channel",
        { { "event", "product_added" },
            { "where", { { { "property", "channel" }, { "op", "is" }, { "value", "web" } } } } },
        "1,2");
    row("where-json-property",
        { { "event", "order_completed" },
            { "where",
                { { { "property", "props.payment" }, { "op", "is" }, { "value", "cash" } } } } },
        "2");
    row("where-json-contains-wildcards-literally",
        { { "event", "page_viewed" },
            { "where",
                { { { "property", "props.page" }, { "op", "contains" }, { "value", "%_" } } } } },
        "5");
    row("where-json-contains-no-wildcard-match",
        { { "event", "page_viewed" },
            { "where",
                { { { "property", "props.page" }, { "op", "contains" }, { "value", "%x" } } } } },
        "");
    row("sum-line-value-on-category",
        { { "event", "order_completed" },
            { "where", { { { "property", "category" }, { "op", "is" }, { "value", "shoes" } } } },
            { "sum", { { "of", "line_value" }, { "op", ">" }, { "value", 150 } } } },
        "3");
    row("sum-line-value-only-matching-lines",
        { { "event", "order_completed" },
            { "where", { { { "property", "category" }, { "op", "is" }, { "value", "socks" } } } },
            { "sum", { { "of", "line_value" }, { "op", ">=" }, { "value", 40 } } } },
        "2");
    row("sum-value-in-window",
        { { "event", "order_completed" }, { "when", { { "in_last_days", 30 } } },
            { "sum", { { "of", "value" }, { "op", ">=" }, { "value", 100 } } } },
        "3");
    row("sum-zero-satisfies",
        { { "event", "order_completed" }, { "when", { { "in_last_days", 30 } } },
            { "sum", { { "of", "value" }, { "op", "<" }, { "value", 50 } } } },
        "1,2,4,5");
    row("sum-quantity",
        { { "event", "product_added" },
            { "sum", { { "of", "quantity" }, { "op", "between" }, { "value", { 2, 5 } } } } },
        "1");
}

void TestSegment::behaviour()
{
    QFETCH(std::string, condition);
    QFETCH(QString, expected);
    QCOMPARE(idsText(ids(rule(json::parse(condition)), atT0())), expected);
}

void TestSegment::sequence_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("expected");
    const json cart {
        { "type", "sequence" },
        { "first", { { "event", "product_added" } } },
        { "then", { { "event", "order_completed" } } },
        { "within_hours", 24 },
    };
    // Ana: added 3 d and 47 h ago, no order since → in. Ben: added 30 h ago, nothing → in.
    // Cleo: added 40 h ago, ordered 10 h later → not in. Dan: added 2 h ago → not yet.
    QTest::newRow("abandoned-cart") << cart.dump() << QStringLiteral("1,2");
    json recent = cart;
    recent["when"] = { { "in_last_days", 2 } };
    QTest::newRow("abandoned-in-last-2-days") << recent.dump() << QStringLiteral("1,2");
    json sinceYesterday = cart;
    sinceYesterday["when"] = { { "in_last_days", 1 } };
    QTest::newRow("only-dan-added-today-not-yet") << sinceYesterday.dump() << QString();
    json longer = cart;
    longer["within_hours"] = 48;
    // 48 h: Ben's add (30 h ago) has not had its 48 h yet; Ana's 3-day-old one has.
    QTest::newRow("window-must-have-passed") << longer.dump() << QStringLiteral("1");
    json ordered = cart;
    ordered["then_did"] = true;
    QTest::newRow("added-then-ordered") << ordered.dump() << QStringLiteral("3");
    json shoes = cart;
    shoes["first"]["where"]
        = { { { "property", "category" }, { "op", "is" }, { "value", "shoes" } } };
    QTest::newRow("abandoned-shoes") << shoes.dump() << QStringLiteral("1");
}

void TestSegment::sequence()
{
    QFETCH(std::string, condition);
    QFETCH(QString, expected);
    QCOMPARE(idsText(ids(rule(json::parse(condition)), atT0())), expected);
}

// ---- membership, RFM, consent --------------------------------------------------------------

void TestSegment::membershipAndCycles()
{
    store_->save("DE buyers",
        rule(group("all", { trait("country", "is", "DE"), trait("orders", ">=", 1) })),
        "German customers", T0);
    QCOMPARE(idsText(ids(rule({ { "type", "segment" }, { "segment", "DE buyers" } }), atT0())),
        QStringLiteral("1,3"));
    QCOMPARE(idsText(ids(rule(group("all",
                             { { { "type", "segment" }, { "segment", "DE buyers" } },
                                 trait("revenue", ">", 200) })),
                 atT0())),
        QStringLiteral("3"));
    QCOMPARE(idsText(ids(
                 rule({ { "type", "segment" }, { "segment", "DE buyers" }, { "member", false } }),
                 atT0())),
        QStringLiteral("2,4,5"));

    // A includes B which includes A: refused when saving A again.
    store_->save("A", rule(trait("country", "is", "DE")), "", T0);
    store_->save("B", rule({ { "type", "segment" }, { "segment", "A" } }), "", T0);
    try {
        store_->save("A", rule({ { "type", "segment" }, { "segment", "B" } }), "", T0);
        QFAIL("a cycle was saved");
    } catch (const SegmentError &error) {
        QVERIFY2(
            QString::fromStdString(error.what())
                .contains(QStringLiteral("segment \"A\" includes \"B\", which includes \"A\"")),
            error.what());
        QCOMPARE(error.issues().front().path, std::string("/rule/segment"));
    }
    try {
        store_->save("Self", rule({ { "type", "segment" }, { "segment", "Self" } }), "", T0);
        QFAIL("a self-reference was saved");
    } catch (const SegmentError &error) {
        QVERIFY2(QString::fromStdString(error.what())
                     .contains(QStringLiteral("segment \"Self\" includes \"Self\"")),
            error.what());
    }
    // A is unchanged by the refused save.
    QCOMPARE(store_->find("A")->definition, rule(trait("country", "is", "DE")));
    QVERIFY(!store_->find("Self"));
}

void TestSegment::rfmAndConsent_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rfm-groups") << json {
        { "type", "rfm" }, { "groups", { "champions", "loyal_customers" } }
    }.dump() << QStringLiteral("1,3");
    // Ben granted e-mail, then unsubscribed: out. Cleo denied e-mail.
    QTest::newRow("consent-email")
        << json { { "type", "consent" }, { "channel", "email" } }.dump() << QStringLiteral("1");
    QTest::newRow("consent-sms") << json { { "type", "consent" }, { "channel", "sms" } }.dump()
                                 << QStringLiteral("3");
    QTest::newRow("consent-push") << json { { "type", "consent" }, { "channel", "push" } }.dump()
                                  << QString();
}

void TestSegment::rfmAndConsent()
{
    QFETCH(std::string, condition);
    QFETCH(QString, expected);
    QCOMPARE(idsText(ids(rule(json::parse(condition)), atT0())), expected);
}

// ---- as of a past date ---------------------------------------------------------------------

void TestSegment::asOf_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<QString>("today");
    QTest::addColumn<QString>("asOf");
    // As of T0 − 20 days: Cleo's orders (15 days and 30 h ago) had not happened; Eve's
    // refund had (950); Cleo and Dan had no events at all yet (not in the population).
    QTest::newRow("revenue-later-order-does-not-count")
        << trait("revenue", ">", 250).dump() << QStringLiteral("3,5") << QStringLiteral("5");
    QTest::newRow("orders") << trait("orders", ">=", 1).dump() << QStringLiteral("1,2,3,5")
                            << QStringLiteral("1,5");
    QTest::newRow("orders-zero-population")
        << trait("orders", "=", 0).dump() << QStringLiteral("4") << QStringLiteral("2");
    QTest::newRow("last-order-relative-to-as-of")
        << trait("last_order", "more_than_days_ago", 90).dump() << QStringLiteral("1,5")
        << QStringLiteral("5");
    QTest::newRow("average-order-value") << trait("average_order_value", ">=", 900).dump()
                                         << QStringLiteral("5") << QStringLiteral("5");
    QTest::newRow("behaviour-uses-events-up-to-as-of")
        << json { { "type", "event" }, { "event", "order_completed" } }.dump()
        << QStringLiteral("1,2,3,5") << QStringLiteral("1,5");
    QTest::newRow("unsubscribe-before-as-of")
        << json { { "type", "consent" }, { "channel", "email" } }.dump() << QStringLiteral("1")
        << QStringLiteral("1");
}

void TestSegment::asOf()
{
    QFETCH(std::string, condition);
    QFETCH(QString, today);
    QFETCH(QString, asOf);
    const SegmentDefinition definition = rule(json::parse(condition));
    QCOMPARE(idsText(ids(definition, atT0())), today);
    EvaluationOptions past;
    past.asOf = T0 - 20 * D;
    QCOMPARE(idsText(ids(definition, past)), asOf);
}

void TestSegment::asOfRefusesCurrentOnlyTraits()
{
    SegmentEvaluator evaluator(db(), store_.get());
    EvaluationOptions past;
    past.asOf = T0 - 20 * D;
    try {
        evaluator.count(rule(group("all",
                            { trait("cart_value", ">", 10),
                                { { "type", "rfm" }, { "groups", { "champions" } } } })),
            past);
        QFAIL("as-of evaluation of the cart was accepted");
    } catch (const SegmentError &error) {
        QCOMPARE(error.issues().size(), std::size_t(2));
        QCOMPARE(error.issues()[0].path, std::string("/rule/conditions/0/field"));
        QVERIFY2(error.issues()[0].message.find("cannot be computed as of a past date")
                != std::string::npos,
            error.what());
        QVERIFY(error.issues()[1].message.find("RFM groups cannot") != std::string::npos);
    }
    // Today the same rule is fine.
    QCOMPARE(evaluator.count(rule(trait("cart_value", ">", 10)), atT0()), 3);
}

// ---- explain -------------------------------------------------------------------------------

void TestSegment::explainShowsTheValues()
{
    SegmentEvaluator evaluator(db(), store_.get());
    const SegmentDefinition definition = rule(group("all",
        { trait("revenue", ">", 100),
            { { "type", "event" }, { "event", "product_added" },
                { "when", { { "in_last_days", 7 } } },
                { "count", { { "op", "at_least" }, { "value", 2 } } } },
            { { "type", "consent" }, { "channel", "email" } } }));
    const SegmentExplanation ana = evaluator.explain(definition, 1, atT0());
    QVERIFY(ana.member);
    QCOMPARE(ana.conditions.size(), std::size_t(4));
    QCOMPARE(ana.conditions[0].text, std::string("all of (3 of 3 met): \u2713"));
    QCOMPARE(ana.conditions[1].text, std::string("revenue 129.50 > 100 \u2713"));
    QCOMPARE(ana.conditions[1].path, std::string("/rule/conditions/0"));
    QCOMPARE(ana.conditions[1].depth, 1);
    QCOMPARE(ana.conditions[2].text,
        std::string("product_added in the last 7 days: 2 times, needs at least 2 \u2713"));
    QCOMPARE(ana.conditions[3].text, std::string("email consent granted, needs granted \u2713"));

    const SegmentExplanation ben = evaluator.explain(definition, 2, atT0());
    QVERIFY(!ben.member);
    QCOMPARE(ben.conditions[1].text, std::string("revenue 40.00 > 100 \u2717"));
    QCOMPARE(ben.conditions[2].text,
        std::string("product_added in the last 7 days: 1 time, needs at least 2 \u2717"));
    QCOMPARE(
        ben.conditions[3].text, std::string("email consent unsubscribed, needs granted \u2717"));
    QVERIFY(QString::fromStdString(ben.text()).contains(QStringLiteral("\n  revenue 40.00")));

    const SegmentExplanation dan = evaluator.explain(
        rule(group("any",
            { trait("last_order", "more_than_days_ago", 90),
                { { "type", "sequence" }, { "first", { { "event", "product_added" } } },
                    { "then", { { "event", "order_completed" } } }, { "within_hours", 24 } } })),
        4, atT0());
    QCOMPARE(
        dan.conditions[1].text, std::string("last_order (not set) more than 90 days ago \u2717"));
    QCOMPARE(dan.conditions[2].text,
        std::string("product_added ever then no order_completed within 24 h: 0 times, needs at "
                    "least 1 \u2717"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, evaluator.explain(definition, 999, atT0()));

    EvaluationOptions past;
    past.asOf = T0 - 20 * D;
    const SegmentExplanation cleoThen
        = evaluator.explain(rule(trait("revenue", ">", 250)), 3, past);
    QVERIFY(!cleoThen.member);
    QCOMPARE(cleoThen.conditions[0].text, std::string("revenue 0.00 > 250 \u2717"));
}

void TestSegment::explainAgreesWithIds()
{
    // For every profile, explain's verdict is the evaluator's: same definitions in both.
    const std::vector<json> rules {
        group("all", { trait("country", "is_not", "DE"), trait("average_order_value", "<", 500) }),
        group("none",
            { trait("channels", "contains", "app"),
                { { "type", "event" }, { "event", "order_completed" }, { "did", false } } }),
        group("any",
            { { { "type", "segment" }, { "segment", "DE buyers" }, { "member", false } },
                { { "type", "rfm" }, { "groups", { "champions" } } } }),
        { { "type", "event" }, { "event", "order_completed" },
            { "sum", { { "of", "value" }, { "op", "<" }, { "value", 150 } } } },
    };
    if (!store_->find("DE buyers"))
        store_->save("DE buyers", rule(trait("country", "is", "DE")), "", T0);
    SegmentEvaluator evaluator(db(), store_.get());
    for (const json &condition : rules) {
        const SegmentDefinition definition = rule(condition);
        const Ids members = evaluator.ids(definition, atT0());
        for (ProfileId profile = 1; profile <= 5; ++profile) {
            const bool in = std::find(members.begin(), members.end(), profile) != members.end();
            QVERIFY2(evaluator.explain(definition, profile, atT0()).member == in,
                (condition.dump() + " profile " + std::to_string(profile)).c_str());
        }
    }
}

void TestSegment::sampleHasDisplayFields()
{
    SegmentEvaluator evaluator(db(), store_.get());
    const auto members = evaluator.sample(rule(trait("revenue", ">", 100)), 2, atT0());
    QCOMPARE(members.size(), std::size_t(2));
    QCOMPARE(members[0].profileId, 1);
    QCOMPARE(members[0].name, std::string("Ana Schmidt"));
    QCOMPARE(members[0].country, std::string("DE"));
    QCOMPARE(members[0].revenue, 129.5);
    QCOMPARE(members[1].profileId, 3);
}

// ---- validation ----------------------------------------------------------------------------

void TestSegment::validationMessages_data()
{
    QTest::addColumn<std::string>("document");
    QTest::addColumn<std::string>("path");
    QTest::addColumn<QString>("message");
    const auto row
        = [](const char *name, const json &condition, const char *path, const char *message) {
              QTest::newRow(name) << json { { "version", 1 }, { "rule", condition } }.dump()
                                  << std::string(path) << QString::fromUtf8(message);
          };
    row("unknown-field", trait("revnue", ">", 1), "/rule/field", "Unknown field \"revnue\".");
    row("operator-type", trait("revenue", "contains", "1"), "/rule/op",
        "Operator \"contains\" does not apply to a number field (\"revenue\")");
    row("empty-group", group("all", {}), "/rule",
        "This group is empty: add a condition or remove the group.");
    row("nested-path", group("all", { group("any", { trait("x", "is", "a") }) }),
        "/rule/conditions/0/conditions/0/field", "Unknown field \"x\".");
    row("count-not-whole",
        { { "type", "event" }, { "event", "product_added" },
            { "count", { { "op", "at_least" }, { "value", 1.5 } } } },
        "/rule/count/value", "N must be a whole number ≥ 1, not 1.5.");
    row("count-at-least-zero",
        { { "type", "event" }, { "event", "product_added" },
            { "count", { { "op", "at_least" }, { "value", 0 } } } },
        "/rule/count/value", "N must be a whole number ≥ 1");
    row("days-zero",
        { { "type", "event" }, { "event", "product_added" },
            { "when", { { "in_last_days", 0 } } } },
        "/rule/when/in_last_days", "The number of days must be a whole number ≥ 1");
    row("bad-date", trait("last_order", "before", "31.01.2026"), "/rule/value",
        "\"last_order\" needs a date like 2026-01-31, not \"31.01.2026\".");
    row("number-needs-number", trait("revenue", ">", "lots"), "/rule/value",
        "\"revenue\" needs a number");
    row("between-order", trait("revenue", "between", { 10, 5 }), "/rule/value", "low ≤ high");
    row("unknown-type", { { "type", "trait2" } }, "/rule/type",
        "Unknown condition type \"trait2\"");
    row("unknown-rfm-group", { { "type", "rfm" }, { "groups", { "champs" } } }, "/rule/groups/0",
        "Unknown RFM group \"champs\"");
    row("unknown-channel", { { "type", "consent" }, { "channel", "fax" } }, "/rule/channel",
        "Unknown consent channel \"fax\"");
    row("event-key", { { "type", "event" }, { "event", "Product Added" } }, "/rule/event",
        "\"Product Added\" is not an event key");
    row("unknown-property",
        { { "type", "event" }, { "event", "product_added" },
            { "where", { { { "property", "colour" }, { "op", "is" }, { "value", "red" } } } } },
        "/rule/where/0/property", "Unknown event property \"colour\"");
    row("did-not-with-count",
        { { "type", "event" }, { "event", "product_added" }, { "did", false },
            { "count", { { "op", "at_least" }, { "value", 2 } } } },
        "/rule/did", "\"did\": false cannot have a count");
    row("unknown-segment", { { "type", "segment" }, { "segment", "Nope" } }, "/rule/segment",
        "There is no saved segment \"Nope\".");
    row("within-hours",
        { { "type", "sequence" }, { "first", { { "event", "product_added" } } },
            { "then", { { "event", "order_completed" } } }, { "within_hours", 0 } },
        "/rule/within_hours", "\"within_hours\" must be a whole number ≥ 1");
    row("typo-key",
        { { "type", "event" }, { "event", "product_added" }, { "wehre", json::array() } },
        "/rule/wehre", "Unknown key \"wehre\".");
    row("one-of-empty", trait("country", "one_of", json::array()), "/rule/value",
        "\"one_of\" needs a list of one or more texts.");
    row("boolean-value", trait("is_known", "is", "yes"), "/rule/value", "needs true or false");
    QTest::newRow("version")
        << json { { "version", 2 }, { "rule", trait("revenue", ">", 1) } }.dump()
        << std::string("/version") << QStringLiteral("format version 2");
    QTest::newRow("no-rule") << json { { "version", 1 } }.dump() << std::string("/rule")
                             << QStringLiteral("The segment needs a \"rule\"");
}

void TestSegment::validationMessages()
{
    QFETCH(std::string, document);
    QFETCH(std::string, path);
    QFETCH(QString, message);
    const SegmentValidator validator(FieldRegistry::standard(), store_.get());
    const auto issues = validator.validateJson(json::parse(document));
    QVERIFY2(!issues.empty(), document.c_str());
    QString all;
    bool found = false;
    for (const ValidationIssue &issue : issues) {
        all += QString::fromStdString(issue.path + ": " + issue.message) + QLatin1Char('\n');
        if (issue.path == path && QString::fromStdString(issue.message).contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(all));
    // The evaluator refuses the same document with the same issues.
    std::vector<ValidationIssue> structural;
    const SegmentDefinition definition
        = SegmentDefinition::parse(json::parse(document), structural);
    if (structural.empty()) {
        SegmentEvaluator evaluator(db(), store_.get());
        QVERIFY_THROWS_EXCEPTION(SegmentError, evaluator.count(definition, atT0()));
    }
}

// ---- hostile values ------------------------------------------------------------------------

void TestSegment::hostileValues_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<int>("expected"); ///< -1: refused by validation
    const std::string drop = "'; DROP TABLE events; --";
    const std::string megabyte(1 << 20, 'a');
    const std::string nul("Ana\0x", 5);
    const auto row = [](const std::string &name, const json &condition, int expected) {
        QTest::newRow(name.c_str()) << condition.dump() << expected;
    };
    for (const std::string op : { "is", "contains", "starts_with", "ends_with" }) {
        row("drop-" + op, trait("name", op, drop), 0);
        row("megabyte-" + op, trait("name", op, megabyte), 0);
        row("nul-" + op, trait("name", op, nul), -1);
        row("percent-" + op, trait("name", op, "%"), 0);
        row("underscore-" + op, trait("name", op, "_"), 0);
    }
    row("quote-contains", trait("name", "contains", "O'Brien"), 1);
    row("double-quote", trait("name", "is", "\"; DROP TABLE events; --"), 0);
    row("drop-one-of", trait("country", "one_of", { drop, "DE" }), 2);
    row("drop-list", trait("channels", "contains", drop), 0);
    row("drop-json-list", trait("last_viewed_products", "contains", drop), 0);
    row("drop-event-type", { { "type", "event" }, { "event", drop } }, -1);
    row("drop-property-path",
        { { "type", "event" }, { "event", "page_viewed" },
            { "where",
                { { { "property", "props.page') --" }, { "op", "is" }, { "value", "x" } } } } },
        -1);
    row("drop-property-value",
        { { "type", "event" }, { "event", "page_viewed" },
            { "where",
                { { { "property", "props.campaign" }, { "op", "is" }, { "value", "it's" } } } } },
        1);
    row("drop-where-category",
        { { "type", "event" }, { "event", "order_completed" },
            { "where",
                { { { "property", "category" }, { "op", "contains" }, { "value", drop } } } } },
        0);
    row("drop-segment-name", { { "type", "segment" }, { "segment", drop } }, -1);
    row("drop-consent-channel", { { "type", "consent" }, { "channel", drop } }, -1);
    row("drop-rfm-group", { { "type", "rfm" }, { "groups", { drop } } }, -1);
    row("drop-date", trait("last_order", "before", drop), -1);
    row("huge-number", trait("revenue", ">", 1e308), 0);
}

void TestSegment::hostileValues()
{
    QFETCH(std::string, condition);
    QFETCH(int, expected);
    const auto eventsBefore = db().queryInt("SELECT count(*) FROM events");
    SegmentEvaluator evaluator(db(), store_.get());
    if (expected < 0) {
        QVERIFY_THROWS_EXCEPTION(
            SegmentError, evaluator.count(rule(json::parse(condition)), atT0()));
    } else {
        QCOMPARE(evaluator.count(rule(json::parse(condition)), atT0()), expected);
        // The value never reached the SQL text.
        const CompiledSegment compiled = evaluator.compile(rule(json::parse(condition)), atT0());
        QVERIFY(compiled.sql("count(*)").find("DROP") == std::string::npos);
    }
    QCOMPARE(db().queryInt("SELECT count(*) FROM events"), eventsBefore);
    QCOMPARE(db().queryInt("SELECT count(*) FROM profiles"), 5);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
}

// ---- query plans ---------------------------------------------------------------------------

void TestSegment::queryPlansUseIndexes_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<bool>("asOf");
    QTest::addColumn<QString>("expectedIndex");
    const auto row
        = [](const char *name, const json &condition, const char *index, bool asOf = false) {
              QTest::newRow(name) << condition.dump() << asOf << QString::fromLatin1(index);
          };
    const json week { { "in_last_days", 7 } };
    row("trait-revenue-last-order",
        group("all", { trait("revenue", ">", 250), trait("last_order", "more_than_days_ago", 90) }),
        "profile_traits_");
    row("trait-country", trait("country", "is", "DE"), "profile_traits_country");
    row("behaviour-did", { { "type", "event" }, { "event", "product_added" }, { "when", week } },
        "events_type_ts");
    row("behaviour-count-and-did-not",
        group("all",
            { { { "type", "event" }, { "event", "product_added" }, { "when", week },
                  { "count", { { "op", "at_least" }, { "value", 2 } } } },
                { { "type", "event" }, { "event", "order_completed" }, { "did", false },
                    { "when", week } } }),
        "events_type_ts");
    row("behaviour-at-most",
        { { "type", "event" }, { "event", "product_added" },
            { "count", { { "op", "at_most" }, { "value", 1 } } } },
        "events_type_ts");
    row("behaviour-where-brand-sum",
        { { "type", "event" }, { "event", "order_completed" }, { "when", week },
            { "where", { { { "property", "brand" }, { "op", "is" }, { "value", "Velora" } } } },
            { "sum",
                { { "of", "line_value" },
                    {
                        "op",
                        ">",
                    },
                    { "value", 100 } } } },
        "events_type_ts");
    row("sequence",
        { { "type", "sequence" }, { "first", { { "event", "product_added" } } },
            { "then", { { "event", "order_completed" } } }, { "within_hours", 24 },
            { "when", week } },
        "events_profile_ts");
    row("consent", { { "type", "consent" }, { "channel", "email" } }, "events_profile_ts");
    row("rfm", { { "type", "rfm" }, { "groups", { "champions" } } }, "profile_traits_rfm");
    row("as-of-orders", trait("revenue", ">", 250), "events_type_ts", true);
    row("as-of-last-seen", trait("last_seen", "in_last_days", 30), "events_profile_ts", true);
}

void TestSegment::queryPlansUseIndexes()
{
    QFETCH(std::string, condition);
    QFETCH(bool, asOf);
    QFETCH(QString, expectedIndex);
    SegmentEvaluator evaluator(db(), store_.get());
    EvaluationOptions options = atT0();
    if (asOf)
        options.asOf = T0 - 20 * D;
    const CompiledSegment compiled = evaluator.compile(rule(json::parse(condition)), options);
    auto plan = db().prepare("EXPLAIN QUERY PLAN " + compiled.sql("count(*)"));
    compiled.bind(plan);
    QStringList lines;
    while (plan.step())
        lines << QString::fromStdString(plan.columnText(3));
    const QString text = lines.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(expectedIndex), qPrintable(text));
    // No full scan of events, neither of the table nor of a whole index: every access to
    // events (any alias) is a SEARCH.
    static const QRegularExpression eventsScan(
        QStringLiteral("^SCAN (e|a|b|x|o|r|u|v|events)\\b(?! VIRTUAL)"));
    for (const QString &line : lines) {
        if (line.contains(QLatin1String("consents")))
            continue;
        QVERIFY2(!eventsScan.match(line).hasMatch(), qPrintable(text));
    }
    qInfo().noquote() << QTest::currentDataTag() << "\n" << text;

    // What explain reads for one profile seeks that profile's events by (profile, ts).
    const SegmentDefinition definition = rule(json::parse(condition));
    if (std::holds_alternative<EventCondition>(definition.rule.node)
        || std::holds_alternative<SequenceCondition>(definition.rule.node)) {
        const SqliteDialect dialect;
        const SegmentCompiler compiler(dialect, FieldRegistry::standard(), store_.get());
        const CompiledSegment measure
            = compiler.measure(definition.rule, evaluator.timeFor(options));
        CompiledSegment select = measure;
        select.where.clear();
        auto measurePlan = db().prepare("EXPLAIN QUERY PLAN "
            + select.sql(measure.where,
                "WHERE pt.profile_id = ?" + std::to_string(measure.nextParameter())));
        measure.bind(measurePlan);
        measurePlan.bind(measure.nextParameter(), 1);
        QString measureText;
        while (measurePlan.step())
            measureText += QString::fromStdString(measurePlan.columnText(3)) + QLatin1Char('\n');
        QVERIFY2(measureText.contains(QLatin1String("events_profile_ts (profile_id=?")),
            qPrintable(measureText));
    }
}

void TestSegment::everyFieldCompilesAndRuns()
{
    // Each field's column exists and each operator compiles to SQL SQLite accepts.
    SegmentEvaluator evaluator(db(), store_.get());
    for (const FieldInfo &field : FieldRegistry::standard().traits()) {
        for (const std::string &op : field.operators) {
            json value;
            if (op == "between")
                value = field.type == FieldType::Date ? json { "2026-01-01", "2026-02-01" }
                                                      : json { 1, 2 };
            else if (op == "one_of")
                value = { "x" };
            else if (field.type == FieldType::Number)
                value = 1;
            else if (field.type == FieldType::Boolean)
                value = true;
            else if (field.type == FieldType::Date)
                value = op == "before" || op == "after" ? json("2026-01-01") : json(7);
            else if (op != "is_set" && op != "is_not_set")
                value = "x";
            try {
                evaluator.count(rule(trait(field.key, op, value)), atT0());
                if (field.asOf) {
                    EvaluationOptions past;
                    past.asOf = T0 - D;
                    evaluator.count(rule(trait(field.key, op, value)), past);
                }
            } catch (const std::exception &error) {
                QFAIL((field.key + " " + op + ": " + error.what()).c_str());
            }
        }
        QVERIFY(!field.label.empty());
    }
}

// ---- JSON ----------------------------------------------------------------------------------

void TestSegment::jsonRoundTrip()
{
    const json document = json::parse(R"({
      "version": 1,
      "rule": {"type": "all", "conditions": [
        {"type": "trait", "field": "revenue", "op": "between", "value": [10, 20.5]},
        {"type": "trait", "field": "country", "op": "is_set"},
        {"type": "event", "event": "product_added", "did": true,
         "where": [{"property": "props.a.b", "op": "is", "value": "x"}],
         "count": {"op": "at_least", "value": 2}, "when": {"in_last_days": 7}},
        {"type": "event", "event": "order_completed", "did": true,
         "sum": {"of": "line_value", "op": ">", "value": 100},
         "when": {"between": ["2026-01-01", "2026-01-31"]}},
        {"type": "none", "conditions": [
          {"type": "sequence", "first": {"event": "product_added"},
           "then": {"event": "order_completed", "where": [{"property": "channel", "op": "is", "value": "web"}]},
           "then_did": false, "within_hours": 24},
          {"type": "segment", "segment": "VIP", "member": false},
          {"type": "rfm", "groups": ["champions"]},
          {"type": "consent", "channel": "sms"}]}]}
    })");
    const SegmentDefinition definition = SegmentDefinition::fromJson(document);
    QCOMPARE(definition.toJson().dump(), document.dump());
    QCOMPARE(SegmentDefinition::fromText(definition.toJson().dump()), definition);
    // Saved and read back unchanged.
    store_->save("VIP", rule(trait("revenue", ">", 500)), "", T0);
    store_->save("Round trip", definition, "every kind", T0);
    QCOMPARE(store_->find("Round trip")->definition, definition);
    QCOMPARE(store_->find("Round trip")->description, std::string("every kind"));
    QVERIFY_THROWS_EXCEPTION(SegmentError, SegmentDefinition::fromText("{not json"));
}

void TestSegment::documentedExamplesValidate()
{
    QFile file(QStringLiteral(CLIENTELE_SOURCE_DIR "/docs/segment-format.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression block(
        QStringLiteral("```json\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    if (!store_->find("VIP"))
        store_->save("VIP", rule(trait("revenue", ">", 500)), "", T0);
    if (!store_->find("Newsletter")) // the overlap example's other segment
        store_->save("Newsletter", rule({ { "type", "consent" }, { "channel", "email" } }), "", T0);
    const SegmentValidator validator(FieldRegistry::standard(), store_.get());
    SegmentEvaluator evaluator(db(), store_.get());
    int examples = 0;
    QSet<QString> types;
    for (auto it = block.globalMatch(text); it.hasNext();) {
        const std::string example = it.next().captured(1).toStdString();
        json document;
        try {
            document = json::parse(example);
        } catch (const std::exception &error) {
            QFAIL((std::string("not JSON: ") + error.what() + "\n" + example).c_str());
        }
        const auto issues = validator.validateJson(document);
        QVERIFY2(issues.empty(),
            (example + "\n"
                + (issues.empty() ? "" : issues.front().path + ": " + issues.front().message))
                .c_str());
        evaluator.count(SegmentDefinition::fromJson(document), atT0());
        const std::string dump = document.dump();
        for (const char *type : { "\"all\"", "\"any\"", "\"none\"", "\"trait\"", "\"event\"",
                 "\"sequence\"", "\"segment\"", "\"rfm\"", "\"consent\"", "\"sum\"", "\"where\"",
                 "\"count\"", "\"between\"" }) {
            if (dump.find(type) != std::string::npos)
                types.insert(QString::fromLatin1(type));
        }
        ++examples;
    }
    QVERIFY(examples >= 9);
    QCOMPARE(types.size(), 13); // every kind of condition has an example
}

// ---- saved segments ------------------------------------------------------------------------

void TestSegment::renameKeepsHistoryAndReferences()
{
    store_->save("Loyal buyers", rule(trait("orders", ">=", 2)), "two orders", T0);
    store_->save("Loyal buyers in DE",
        rule(json { { "type", "all" },
            { "conditions",
                json::array({ json { { "type", "segment" }, { "segment", "Loyal buyers" } },
                    trait("country", "is", "DE") }) } }),
        "", T0);
    const auto before = store_->find("Loyal buyers");
    SegmentStore::recordDailySizes(db(), T0);
    const auto history = store_->sizes(before->id);
    QVERIFY(!history.empty());
    const auto countBefore = SegmentEvaluator(db(), store_.get())
                                 .count(store_->find("Loyal buyers in DE")->definition);

    store_->rename("Loyal buyers", "Repeat buyers", T0 + D);
    QVERIFY(!store_->find("Loyal buyers"));
    const auto after = store_->find("Repeat buyers");
    QVERIFY(after);
    QCOMPARE(after->id, before->id); // the same segment, so its history stays
    QCOMPARE(after->createdAt, before->createdAt);
    QCOMPARE(store_->sizes(after->id).size(), history.size());
    // The segment that includes it follows the new name and counts the same shoppers.
    const auto dependent = store_->find("Loyal buyers in DE");
    QVERIFY(dependent->definition.toJson().dump().find("Repeat buyers") != std::string::npos);
    QCOMPARE(SegmentEvaluator(db(), store_.get()).count(dependent->definition), countBefore);
    // No such segment, or an unusable name: refused.
    QVERIFY_THROWS_EXCEPTION(SegmentError, store_->rename("Loyal buyers", "x", T0));
    QVERIFY_THROWS_EXCEPTION(SegmentError, store_->rename("Repeat buyers", "", T0));

    // Saving an edited segment under a new name renames and saves in one transaction: an
    // invalid rule leaves the old name, and the old rule, as they were.
    const auto edited = rule(trait("no_such_field", ">=", 3));
    QVERIFY_THROWS_EXCEPTION(
        SegmentError, store_->saveAs("Repeat buyers", "Big buyers", edited, "", T0 + 2 * D));
    QVERIFY(!store_->find("Big buyers"));
    QCOMPARE(store_->find("Repeat buyers")->definition.toJson().dump(),
        after->definition.toJson().dump());
    QVERIFY(dependent->definition.toJson().dump()
        == store_->find("Loyal buyers in DE")->definition.toJson().dump());
    const auto threeOrders = rule(trait("orders", ">=", 3));
    QCOMPARE(store_->saveAs("Repeat buyers", "Big buyers", threeOrders, "three", T0 + 2 * D),
        before->id);
    QVERIFY(!store_->find("Repeat buyers"));
    QCOMPARE(store_->find("Big buyers")->definition.toJson().dump(), threeOrders.toJson().dump());
    QVERIFY(store_->find("Loyal buyers in DE")->definition.toJson().dump().find("Big buyers")
        != std::string::npos);
    // Without a previous name (a new segment) it is a plain save.
    const std::int64_t fresh = store_->saveAs("", "Fresh", threeOrders, "", T0 + 2 * D);
    QCOMPARE(store_->find("Fresh")->id, fresh);
    store_->remove("Fresh");
    store_->remove("Loyal buyers in DE");
    store_->remove("Big buyers");
}

void TestSegment::dailySizes()
{
    db().exec("DELETE FROM segment_sizes");
    store_->save("Buyers", rule(trait("orders", ">=", 1)), "", T0);
    const int segments = static_cast<int>(store_->list().size());
    QCOMPARE(SegmentStore::recordDailySizes(db(), T0), segments);
    QCOMPARE(SegmentStore::recordDailySizes(db(), T0 + 5 * H), 0); // same day: nothing
    const auto buyers = store_->find("Buyers");
    const auto sizes = store_->sizes(buyers->id);
    QCOMPARE(sizes.size(), std::size_t(1));
    QCOMPARE(sizes[0].day, std::string("2026-03-01"));
    QCOMPARE(sizes[0].size, 4);
    QCOMPARE(SegmentStore::recordDailySizes(db(), T0 + D), segments);
    QCOMPARE(store_->sizes(buyers->id).size(), std::size_t(2));
    // Removing a segment removes its history.
    QVERIFY(store_->remove("Buyers"));
    QVERIFY(!store_->remove("Buyers"));
    QCOMPARE(db().queryInt("SELECT count(*) FROM segment_sizes WHERE segment_id = "
                 + std::to_string(buyers->id)),
        0);
    // Names are unique: saving again updates.
    store_->save("Twice", rule(trait("orders", ">=", 1)), "one", T0);
    store_->save("Twice", rule(trait("orders", ">=", 2)), "two", T0 + D);
    const auto twice = store_->find("Twice");
    QCOMPARE(twice->description, std::string("two"));
    QCOMPARE(twice->createdAt, T0);
    QCOMPARE(twice->updatedAt, T0 + D);
}

void TestSegment::pickerValues()
{
    QCOMPARE(PickerValues::countries(db()), (std::vector<std::string> { "AT", "DE", "GB" }));
    QCOMPARE(
        PickerValues::categories(db()), (std::vector<std::string> { "apparel", "shoes", "socks" }));
    QCOMPARE(PickerValues::brands(db()), (std::vector<std::string> { "Stridewell", "Velora" }));
    const auto types = PickerValues::eventTypes(db());
    QCOMPARE(types.front(), std::string("email_opened"));
    QVERIFY(std::find(types.begin(), types.end(), "product_added") != types.end());
    QCOMPARE(
        PickerValues::channels(db()), (std::vector<std::string> { "app", "email", "pos", "web" }));
    // Every field the registry lists has a group name and an operator.
    for (const FieldInfo &field : FieldRegistry::standard().eventProperties()) {
        QVERIFY(!field.operators.empty());
        QCOMPARE(FieldRegistry::groupName(field.group), std::string("Behaviour"));
    }
    QVERIFY(FieldRegistry::standard().eventProperty("props.payment"));
    QVERIFY(!FieldRegistry::standard().eventProperty("props.a'b"));
}

void TestSegment::cancelStopsARunningCount()
{
    // A workspace big enough that a JSON-reading count runs for a while.
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("big.clientele"))));
    Database &big = workspace.db();
    {
        Transaction transaction(big);
        big.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                 "INSERT INTO profiles(id, created_at) SELECT i, 0 FROM n");
        big.exec("INSERT INTO profile_traits(profile_id) SELECT id FROM profiles");
        transaction.commit();
    }
    {
        Transaction transaction(big);
        auto insert
            = big.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, props) "
                          "VALUES (?1, ?2, 'page_viewed', ?3, 'web', ?4)");
        for (int i = 0; i < 300'000; ++i)
            insert.bind(1, i)
                .bind(2, i)
                .bind(3, 1 + i % 2000)
                .bind(4, R"({"page":"/p)" + std::to_string(i) + "\"}")
                .run();
        transaction.commit();
    }
    const SegmentDefinition slow = rule(group("any",
        { { { "type", "event" }, { "event", "page_viewed" },
              { "where",
                  { { { "property", "props.page" }, { "op", "ends_with" },
                      { "value", "zz" } } } } },
            { { "type", "event" }, { "event", "page_viewed" },
                { "where",
                    { { { "property", "props.page" }, { "op", "contains" },
                        { "value", "yy" } } } } } }));
    SegmentEvaluator evaluator(big);
    std::atomic<bool> done { false };
    std::thread canceller([&] {
        while (!done) {
            evaluator.cancel();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    bool cancelled = false;
    try {
        for (int attempt = 0; attempt < 20 && !cancelled; ++attempt)
            evaluator.count(slow);
    } catch (const Cancelled &) {
        cancelled = true;
    }
    done = true;
    canceller.join();
    QVERIFY(cancelled);
    // The connection is usable afterwards.
    QCOMPARE(evaluator.count(rule(trait("orders", "=", 0))), 2000);
}

QTEST_GUILESS_MAIN(TestSegment)
#include "test_segment.moc"
