#include "common/Time.h"
#include "demo/DemoStore.h"
#include "segment/SegmentEvaluator.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

/** SegmentEvaluator::reachability: members with the identifier and consent of each channel. */
class TestSegmentReachability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesSql_data();
    void matchesSql();
    void sampleCarriesRfmGroup();

private:
    std::int64_t sqlCount(const std::string &where, const std::string &channel) const;

    QTemporaryDir dir_;
    std::string path_;
};

void TestSegmentReachability::initTestCase()
{
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(QStringLiteral("demo.clientele")).toStdString();
    DemoOptions options;
    options.shoppers = 1500;
    options.seed = 11;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path_, options);
}

std::int64_t TestSegmentReachability::sqlCount(
    const std::string &where, const std::string &channel) const
{
    auto db = Workspace::connect(path_, Database::Mode::ReadOnly);
    std::string reach = "1";
    if (channel == "email")
        reach = "email IS NOT NULL AND email <> '' AND email_consent = 'granted'";
    else if (channel == "sms")
        reach = "phone IS NOT NULL AND phone <> '' AND sms_consent = 'granted'";
    else if (channel == "push")
        reach = "devices > 0 AND push_consent = 'granted'";
    auto query
        = db.prepare("SELECT count(*) FROM profile_traits WHERE (" + where + ") AND " + reach);
    return query.step() ? query.columnInt(0) : -1;
}

void TestSegmentReachability::matchesSql_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("where");
    QTest::newRow("revenue-over-100")
        << QStringLiteral(R"({"type": "trait", "field": "revenue", "op": ">", "value": 100})")
        << QStringLiteral("revenue > 100");
    QTest::newRow("country-de") << QStringLiteral(
        R"({"type": "trait", "field": "country", "op": "is", "value": "DE"})")
                                << QStringLiteral("country = 'DE'");
    QTest::newRow("nobody") << QStringLiteral(
        R"({"type": "trait", "field": "orders", "op": ">", "value": 1000000})")
                            << QStringLiteral("orders > 1000000");
}

void TestSegmentReachability::matchesSql()
{
    QFETCH(QString, rule);
    QFETCH(QString, where);
    const auto definition
        = SegmentDefinition::fromText(R"({"version": 1, "rule": )" + rule.toStdString() + "}");
    auto db = Workspace::connect(path_, Database::Mode::ReadOnly);
    SegmentEvaluator evaluator(db);
    const Reachability reach = evaluator.reachability(definition);
    const std::string condition = where.toStdString();
    QCOMPARE(reach.total, evaluator.count(definition));
    QCOMPARE(reach.total, sqlCount(condition, ""));
    QCOMPARE(reach.email, sqlCount(condition, "email"));
    QCOMPARE(reach.sms, sqlCount(condition, "sms"));
    QCOMPARE(reach.push, sqlCount(condition, "push"));
    QVERIFY(reach.email <= reach.total && reach.sms <= reach.total && reach.push <= reach.total);
}

void TestSegmentReachability::sampleCarriesRfmGroup()
{
    auto db = Workspace::connect(path_, Database::Mode::ReadOnly);
    const auto definition = SegmentDefinition::fromText(
        R"({"version": 1, "rule": {"type": "trait", "field": "orders", "op": ">=", "value": 1}})");
    const auto members = SegmentEvaluator(db).sample(definition, 5);
    QCOMPARE(members.size(), std::size_t(5));
    for (const SegmentMember &member : members) {
        auto query = db.prepare(
            "SELECT coalesce(rfm_group, '') FROM profile_traits WHERE profile_id = ?1");
        query.bind(1, member.profileId);
        QVERIFY(query.step());
        QCOMPARE(member.rfmGroup, query.columnText(0));
    }
}

QTEST_GUILESS_MAIN(TestSegmentReachability)
#include "test_segment_reachability.moc"
