#include "TestFiles.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "segment/ProductSearch.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentOverlap.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <memory>

using namespace clientele;
using json = nlohmann::json;

namespace {

const Millis T0 = *parseIsoDate("2026-03-01");
constexpr Millis D = kMillisPerDay;

using Ids = std::vector<ProfileId>;

SegmentDefinition rule(const json &condition)
{
    return SegmentDefinition::fromJson(json { { "version", 1 }, { "rule", condition } });
}

json trait(const std::string &field, const std::string &op, const json &value)
{
    return { { "type", "trait" }, { "field", field }, { "op", op }, { "value", value } };
}

json did(const std::string &event, int days)
{
    return { { "type", "event" }, { "event", event }, { "when", { { "in_last_days", days } } } };
}

QString planOf(Database &db, const CompiledSegment &compiled)
{
    auto plan = db.prepare("EXPLAIN QUERY PLAN " + compiled.sql("count(*)"));
    compiled.bind(plan);
    QStringList lines;
    while (plan.step())
        lines << QString::fromStdString(plan.columnText(3));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

/**
 * The overlap of two segments (counts, the parts as rules), Unicode-aware text conditions
 * and the product picker's search, on a hand-built workspace whose answers are stated
 * below, and the overlap on the demo store against plain set operations on member ids.
 */
class TestSegmentOverlap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overlapOfStatedParts();
    void partsAreSegmentsOfTheirShoppers();
    void overlapOfAnUnsavedRule();
    void unicodeText_data();
    void unicodeText();
    void foldedIsKeepsTheIndex_data();
    void foldedIsKeepsTheIndex();
    void productSearchByNameAndSku();
    void overlapOnTheDemoEqualsSetOperations();

private:
    Database &db() { return workspace_->db(); }
    void addProfile(ProfileId id, const std::string &name, const std::string &city,
        const std::string &country, const std::string &category);
    void addEvent(ProfileId profile, Millis ts, const std::string &type);
    Ids ids(const json &condition)
    {
        SegmentEvaluator evaluator(db(), store_.get());
        EvaluationOptions options;
        options.now = T0;
        return evaluator.ids(rule(condition), options);
    }

    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<SegmentStore> store_;
    std::int64_t nextKey_ = 1;
};

void TestSegmentOverlap::addProfile(ProfileId id, const std::string &name, const std::string &city,
    const std::string &country, const std::string &category)
{
    db().prepare(
            "INSERT INTO profiles(id, created_at, first_name, is_known) VALUES (?1, ?2, ?3, 1)")
        .bind(1, id)
        .bind(2, T0 - 500 * D)
        .bind(3, name)
        .run();
    db().prepare("INSERT INTO profile_traits(profile_id, name, city, country, favourite_category) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, id)
        .bind(2, name)
        .bind(3, city)
        .bind(4, country)
        .bind(5, category)
        .run();
}

void TestSegmentOverlap::addEvent(ProfileId profile, Millis ts, const std::string &type)
{
    db().prepare("INSERT INTO events(event_key, ts, type, profile_id, channel) "
                 "VALUES (?1, ?2, ?3, ?4, 'web')")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, type)
        .bind(4, profile)
        .run();
}

void TestSegmentOverlap::initTestCase()
{
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_.filePath(QStringLiteral("overlap.clientele")))));
    store_ = std::make_unique<SegmentStore>(db());
    db().exec("INSERT INTO products(id, sku, name, category, brand, price, currency) VALUES "
              "(1, 'TH-SHO-0001', 'Glide Running Shoe', 'shoes', 'Stridewell', 139.95, 'EUR'), "
              "(2, 'TH-SOC-0002', 'Trail Socks', 'socks', 'Velora', 12.5, 'EUR'), "
              "(3, 'MU-TEE-0003', 'MÜNCHEN Marathon Tee', 'apparel', 'Velora', 29, 'EUR'), "
              "(4, 'TH-SHO-0004', 'Zoë Trail Shoe', 'shoes', 'Stridewell', 149, 'EUR')");
    // Six shoppers; who did what in the week before T0:
    //   viewed a product: 1, 2, 3, 4        ordered: 3, 4, 5
    // so "viewed" only = {1, 2}, both = {3, 4}, "ordered" only = {5}; 6 did neither.
    addProfile(1, "Zoë Brandt", "München", "DE", "Shoes");
    addProfile(2, "Ömer Yılmaz", "İstanbul", "TR", "shoes");
    addProfile(3, "Lena Groß", "MÜNCHEN", "de", "SOCKS");
    addProfile(4, "ANA ÅSTRÖM", "Malmö", "SE", "apparel");
    addProfile(5, "Ben", "Berlin", "De", "socks");
    addProfile(6, "Eve", "london", "GB", "");
    for (const ProfileId viewer : { 1, 2, 3, 4 })
        addEvent(viewer, T0 - 2 * D, "product_viewed");
    for (const ProfileId buyer : { 3, 4, 5 })
        addEvent(buyer, T0 - 1 * D, "order_completed");
    addEvent(6, T0 - 30 * D, "order_completed"); // outside the week
    store_->save("Viewed this week", rule(did("product_viewed", 7)), "", T0);
    store_->save("Ordered this week", rule(did("order_completed", 7)), "", T0);
    db().exec("ANALYZE profile_traits");
}

void TestSegmentOverlap::overlapOfStatedParts()
{
    SegmentEvaluator evaluator(db(), store_.get());
    EvaluationOptions options;
    options.now = T0;
    const OverlapCounts counts = evaluator.overlap(store_->find("Viewed this week")->definition,
        store_->find("Ordered this week")->definition, options);
    QCOMPARE(counts.a, 4);
    QCOMPARE(counts.b, 3);
    QCOMPARE(counts.both, 2);
    QCOMPARE(counts.aOnly(), 2);
    QCOMPARE(counts.bOnly(), 1);

    // Swapped sides give the mirrored parts.
    const OverlapCounts swapped = evaluator.overlap(store_->find("Ordered this week")->definition,
        store_->find("Viewed this week")->definition, options);
    QCOMPARE(swapped.aOnly(), 1);
    QCOMPARE(swapped.both, 2);
    QCOMPARE(swapped.bOnly(), 2);
}

void TestSegmentOverlap::partsAreSegmentsOfTheirShoppers()
{
    const auto a = OverlapOperand::saved("Viewed this week");
    const auto b = OverlapOperand::saved("Ordered this week");
    const json aOnly = SegmentOverlap::partDocument(OverlapPart::AOnly, a, b);
    // Written with "in another saved segment" conditions (docs/segment-format.md).
    QVERIFY(aOnly.at("rule").at("conditions").at(0)
        == (json { { "type", "segment" }, { "segment", "Viewed this week" }, { "member", true } }));
    QVERIFY(aOnly.at("rule").at("conditions").at(1).at("type") == "none");
    QCOMPARE(ids(aOnly.at("rule")), (Ids { 1, 2 }));
    QCOMPARE(ids(SegmentOverlap::partDocument(OverlapPart::Both, a, b).at("rule")), (Ids { 3, 4 }));
    QCOMPARE(ids(SegmentOverlap::partDocument(OverlapPart::BOnly, a, b).at("rule")), (Ids { 5 }));
    // A part can be saved as a segment of its own.
    store_->save("Viewed, not ordered", SegmentOverlap::part(OverlapPart::AOnly, a, b), "", T0);
    QCOMPARE(ids({ { "type", "segment" }, { "segment", "Viewed, not ordered" } }), (Ids { 1, 2 }));
    QVERIFY(store_->remove("Viewed, not ordered"));
}

void TestSegmentOverlap::overlapOfAnUnsavedRule()
{
    // The segment being edited (not saved) against a saved one: its rule enters the parts.
    const json editing = trait("country", "is", "DE");
    SegmentEvaluator evaluator(db(), store_.get());
    EvaluationOptions options;
    options.now = T0;
    const OverlapCounts counts
        = evaluator.overlap(rule(editing), store_->find("Ordered this week")->definition, options);
    // Country DE (any case): 1, 3, 5; ordered this week: 3, 4, 5.
    QCOMPARE(counts.a, 3);
    QCOMPARE(counts.both, 2);
    QCOMPARE(counts.bOnly(), 1);
    const auto a = OverlapOperand::unsaved(editing);
    const auto b = OverlapOperand::saved("Ordered this week");
    QCOMPARE(ids(SegmentOverlap::partDocument(OverlapPart::AOnly, a, b).at("rule")), (Ids { 1 }));
    QCOMPARE(ids(SegmentOverlap::partDocument(OverlapPart::BOnly, a, b).at("rule")), (Ids { 4 }));

    // As of a past date both sides use the same time: only Eve (30 days before T0) had
    // ordered, and in the week before that date.
    EvaluationOptions past;
    past.asOf = T0 - 27 * D;
    const OverlapCounts before = evaluator.overlap(
        rule(trait("orders", ">=", 1)), store_->find("Ordered this week")->definition, past);
    QCOMPARE(before.a, 1);
    QCOMPARE(before.b, 1);
    QCOMPARE(before.both, 1);
}

void TestSegmentOverlap::unicodeText_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const json &condition, const char *expected) {
        QTest::newRow(name) << QString::fromStdString(condition.dump())
                            << QString::fromLatin1(expected);
    };
    row("is-diaeresis", trait("name", "is", "ZOË BRANDT"), "1");
    row("is-sharp-s", trait("name", "is", "lena gross"), "3");
    row("is-uppercase-umlaut", trait("city", "is", "münchen"), "1,3");
    row("is-dotted-capital-i", trait("city", "is", "İSTANBUL"), "2");
    row("is-indexed-country", trait("country", "is", "de"), "1,3,5");
    row("is-indexed-category", trait("favourite_category", "is", "SHOES"), "1,2");
    row("is-not", trait("city", "is_not", "MÜNCHEN"), "2,4,5,6");
    row("one-of", trait("city", "one_of", json::array({ "MALMÖ", "LONDON" })), "4,6");
    row("one-of-indexed", trait("country", "one_of", json::array({ "se", "gb" })), "4,6");
    row("contains-umlaut", trait("city", "contains", "ÜNCH"), "1,3");
    row("contains-ring", trait("name", "contains", "åström"), "4");
    row("contains-sharp-s", trait("name", "contains", "GROSS"), "3");
    row("contains-literal-percent", trait("name", "contains", "%"), "");
    row("starts-with", trait("name", "starts_with", "zoë"), "1");
    row("starts-with-dotted-i", trait("city", "starts_with", "İST"), "2");
    row("starts-with-not-inside", trait("city", "starts_with", "chen"), "");
    row("ends-with", trait("name", "ends_with", "STRÖM"), "4");
    row("ends-with-sharp-s", trait("name", "ends_with", "ss"), "3");
}

void TestSegmentOverlap::unicodeText()
{
    QFETCH(QString, condition);
    QFETCH(QString, expected);
    QStringList found;
    for (const ProfileId id : ids(json::parse(condition.toStdString())))
        found << QString::number(id);
    QCOMPARE(found.join(QLatin1Char(',')), expected);
}

void TestSegmentOverlap::foldedIsKeepsTheIndex_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("index");
    QTest::newRow("country-is") << QString::fromStdString(trait("country", "is", "de").dump())
                                << QStringLiteral("profile_traits_country (country=?)");
    QTest::newRow("category-one-of")
        << QString::fromStdString(
               trait("favourite_category", "one_of", json::array({ "Shoes", "SOCKS" })).dump())
        << QStringLiteral("profile_traits_category (favourite_category=?)");
}

void TestSegmentOverlap::foldedIsKeepsTheIndex()
{
    QFETCH(QString, condition);
    QFETCH(QString, index);
    SegmentEvaluator evaluator(db(), store_.get());
    const QString plan
        = planOf(db(), evaluator.compile(rule(json::parse(condition.toStdString()))));
    // The profiles are found through the index, not by folding every row.
    QVERIFY2(plan.contains(QStringLiteral("SEARCH pt USING ")) && plan.contains(index),
        qPrintable(plan));
    QVERIFY2(!plan.contains(QStringLiteral("SCAN pt")), qPrintable(plan));
}

void TestSegmentOverlap::productSearchByNameAndSku()
{
    const auto skus = [this](std::string_view text) {
        QStringList list;
        for (const ProductMatch &match : ProductSearch::find(db(), text))
            list << QString::fromStdString(match.sku);
        return list.join(QLatin1Char(','));
    };
    QCOMPARE(skus("trail"), QStringLiteral("TH-SOC-0002,TH-SHO-0004"));
    QCOMPARE(skus("münchen"), QStringLiteral("MU-TEE-0003"));
    QCOMPARE(skus("ZOË"), QStringLiteral("TH-SHO-0004"));
    QCOMPARE(skus("th-sho"), QStringLiteral("TH-SHO-0001,TH-SHO-0004"));
    QCOMPARE(skus("sho-0004"), QStringLiteral("TH-SHO-0004"));
    QCOMPARE(skus("nothing like it"), QString());
    QCOMPARE(ProductSearch::find(db(), "").size(), std::size_t(4));
    QCOMPARE(ProductSearch::find(db(), "", 2).size(), std::size_t(2));
    const ProductMatch shoe = ProductSearch::find(db(), "TH-SHO-0001").at(0);
    QCOMPARE(shoe.name, std::string("Glide Running Shoe"));
    QCOMPARE(shoe.category, std::string("shoes"));
    QCOMPARE(shoe.price, 139.95);
    QCOMPARE(shoe.currency, std::string("EUR"));
    QCOMPARE(ProductSearch::bySku(db(), "TH-SOC-0002")->id, 2);
    QCOMPARE(ProductSearch::byId(db(), 3)->sku, std::string("MU-TEE-0003"));
    QVERIFY(!ProductSearch::bySku(db(), "missing"));
}

void TestSegmentOverlap::overlapOnTheDemoEqualsSetOperations()
{
    QTemporaryDir dir;
    const std::string path = test::toStd(dir.filePath(QStringLiteral("demo.clientele")));
    DemoOptions options;
    options.shoppers = 2000;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path, options);
    auto workspace = Workspace::open(path);
    SegmentStore store(workspace.db());
    SegmentEvaluator evaluator(workspace.db(), &store);
    const std::vector<std::pair<json, json>> pairs {
        { did("product_added", 30), did("order_completed", 30) },
        { { { "type", "event" }, { "event", "product_viewed" },
              { "count", { { "op", "at_least" }, { "value", 3 } } } },
            trait("revenue", ">", 200) },
        { { { "type", "sequence" }, { "first", { { "event", "product_added" } } },
              { "then", { { "event", "order_completed" } } }, { "within_hours", 24 },
              { "when", { { "in_last_days", 60 } } } },
            trait("country", "is", "de") },
    };
    for (const auto &[first, second] : pairs) {
        const Ids a = evaluator.ids(rule(first));
        const Ids b = evaluator.ids(rule(second));
        Ids both;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
        QVERIFY2(!a.empty() && !b.empty() && !both.empty(), first.dump().c_str());
        const OverlapCounts counts = evaluator.overlap(rule(first), rule(second));
        QCOMPARE(counts.a, static_cast<std::int64_t>(a.size()));
        QCOMPARE(counts.b, static_cast<std::int64_t>(b.size()));
        QCOMPARE(counts.both, static_cast<std::int64_t>(both.size()));
        // The part rules select exactly the set differences.
        Ids aOnly;
        std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(aOnly));
        const auto left = OverlapOperand::unsaved(first);
        const auto right = OverlapOperand::unsaved(second);
        QCOMPARE(evaluator.ids(SegmentOverlap::part(OverlapPart::AOnly, left, right)), aOnly);
        QCOMPARE(evaluator.ids(SegmentOverlap::part(OverlapPart::Both, left, right)), both);
        QCOMPARE(counts.aOnly(), static_cast<std::int64_t>(aOnly.size()));
    }
}

QTEST_GUILESS_MAIN(TestSegmentOverlap)
#include "test_segment_overlap.moc"
