#include "TestFiles.h"

#include "common/Time.h"
#include "demo/DemoStore.h"
#include "profile/TraitBuilder.h"
#include "segment/SegmentDefinition.h"
#include "segment/SegmentEvaluator.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace clientele;

namespace {

/// One event as the plain loops below read it.
struct Event {
    Millis ts;
    std::string type;
    std::string channel;
    std::string category;
};

/// Every profile's events, oldest first, read without any of the segment engine's SQL.
using History = std::map<ProfileId, std::vector<Event>>;

constexpr Millis kDay = 24LL * 60 * 60 * 1000;
constexpr Millis kHour = 60LL * 60 * 1000;

/// Counts a shopper's events of a type in (now − days, now], optionally on one channel.
int countIn(const std::vector<Event> &events, const std::string &type, Millis now, int days,
    const std::string &channel = {})
{
    int count = 0;
    for (const Event &event : events)
        if (event.type == type && event.ts > now - days * kDay && event.ts <= now
            && (channel.empty() || event.channel == channel))
            ++count;
    return count;
}

} // namespace

/**
 * Segments on the demo store, computed a second way: plain loops over every shopper's
 * events in memory, written from docs/segment-format.md, must give exactly the engine's
 * members.
 */
class TestSegmentDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void segmentsAgreeWithPlainLoops_data();
    void segmentsAgreeWithPlainLoops();

private:
    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    History history_;
    std::vector<ProfileId> profiles_;
    Millis now_ = 0;
};

void TestSegmentDemo::initTestCase()
{
    const std::string path = test::toStd(dir_.filePath(QStringLiteral("demo.clientele")));
    DemoOptions options;
    options.shoppers = 2500;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::writeWorkspace(path, options);
    workspace_ = std::make_unique<Workspace>(Workspace::open(path));
    Database &db = workspace_->db();
    auto events = db.prepare(
        "SELECT profile_id, ts, type, channel, coalesce(category, '') FROM events ORDER BY ts, id");
    while (events.step())
        history_[events.columnInt(0)].push_back({ events.columnInt(1), events.columnText(2),
            events.columnText(3), events.columnText(4) });
    auto profiles = db.prepare("SELECT profile_id FROM profile_traits ORDER BY profile_id");
    while (profiles.step())
        profiles_.push_back(profiles.columnInt(0));
    // The engine's "now": the workspace's latest event.
    now_ = *TraitBuilder::latestEventTime(db);
    QVERIFY(profiles_.size() >= 2500);
}

void TestSegmentDemo::segmentsAgreeWithPlainLoops_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("which");
    // The rules, and (by index) the loops that say who is in.
    QTest::newRow("added-twice-no-order-7d") << QStringLiteral(R"({"type": "all", "conditions": [
            {"type": "event", "event": "product_added", "count": {"op": "at_least", "value": 2},
             "when": {"in_last_days": 7}},
            {"type": "event", "event": "order_completed", "did": false,
             "when": {"in_last_days": 7}}]})")
                                             << 0;
    QTest::newRow("abandoned-cart-sequence") << QStringLiteral(
        R"({"type": "sequence", "first": {"event": "product_added"},
            "then": {"event": "order_completed"}, "then_did": false, "within_hours": 24,
            "when": {"in_last_days": 7}})") << 1;
    QTest::newRow("app-viewers-not-buyers") << QStringLiteral(R"({"type": "all", "conditions": [
            {"type": "event", "event": "product_viewed",
             "where": [{"property": "channel", "op": "is", "value": "app"}],
             "count": {"op": "at_least", "value": 3}, "when": {"in_last_days": 30}},
            {"type": "none", "conditions": [
                {"type": "event", "event": "order_completed", "when": "ever"}]}]})")
                                            << 2;
    QTest::newRow("emails-exactly-zero-opens-or-one-ticket") << QStringLiteral(
        R"({"type": "any", "conditions": [
            {"type": "all", "conditions": [
                {"type": "event", "event": "email_sent", "when": {"in_last_days": 90}},
                {"type": "event", "event": "email_opened", "count": {"op": "exactly", "value": 0},
                 "when": {"in_last_days": 90}}]},
            {"type": "event", "event": "ticket_created", "count": {"op": "exactly", "value": 1},
             "when": "ever"}]})") << 3;
    QTest::newRow("shoe-viewers-at-most-two")
        << QStringLiteral(R"({"type": "event", "event": "product_viewed",
            "where": [{"property": "category", "op": "is", "value": "shoes"}],
            "count": {"op": "at_most", "value": 2}, "when": {"in_last_days": 60}})")
        << 4;
}

void TestSegmentDemo::segmentsAgreeWithPlainLoops()
{
    QFETCH(QString, rule);
    QFETCH(int, which);
    const Millis now = now_;
    const std::vector<std::function<bool(const std::vector<Event> &)>> loops {
        [now](const std::vector<Event> &events) {
            return countIn(events, "product_added", now, 7) >= 2
                && countIn(events, "order_completed", now, 7) == 0;
        },
        [now](const std::vector<Event> &events) {
            for (const Event &added : events) {
                if (added.type != "product_added" || added.ts <= now - 7 * kDay || added.ts > now
                    || added.ts + 24 * kHour > now)
                    continue;
                const bool ordered = std::any_of(events.begin(), events.end(), [&](const Event &e) {
                    return e.type == "order_completed" && e.ts > added.ts
                        && e.ts <= added.ts + 24 * kHour;
                });
                if (!ordered)
                    return true;
            }
            return false;
        },
        [now](const std::vector<Event> &events) {
            const bool everOrdered = std::any_of(events.begin(), events.end(),
                [now](const Event &e) { return e.type == "order_completed" && e.ts <= now; });
            return countIn(events, "product_viewed", now, 30, "app") >= 3 && !everOrdered;
        },
        [now](const std::vector<Event> &events) {
            const bool quietReader = countIn(events, "email_sent", now, 90) >= 1
                && countIn(events, "email_opened", now, 90) == 0;
            const auto tickets = std::count_if(events.begin(), events.end(),
                [now](const Event &e) { return e.type == "ticket_created" && e.ts <= now; });
            return quietReader || tickets == 1;
        },
        [now](const std::vector<Event> &events) {
            int shoes = 0;
            for (const Event &e : events)
                if (e.type == "product_viewed" && e.category == "shoes" && e.ts > now - 60 * kDay
                    && e.ts <= now)
                    ++shoes;
            return shoes <= 2;
        },
    };

    std::set<ProfileId> expected;
    const std::vector<Event> none;
    for (const ProfileId profile : profiles_) {
        const auto found = history_.find(profile);
        if (loops.at(static_cast<std::size_t>(which))(
                found == history_.end() ? none : found->second))
            expected.insert(profile);
    }

    const nlohmann::json document
        = { { "version", 1 }, { "rule", nlohmann::json::parse(rule.toStdString()) } };
    SegmentEvaluator evaluator(workspace_->db());
    const SegmentDefinition definition = SegmentDefinition::fromJson(document);
    const auto ids = evaluator.ids(definition);
    const std::set<ProfileId> actual(ids.begin(), ids.end());
    QCOMPARE(actual.size(), ids.size());
    QCOMPARE(static_cast<std::size_t>(evaluator.count(definition)), expected.size());
    QCOMPARE(actual, expected);
    // Not a trivial rule on this store: some shoppers are in, some are out.
    QVERIFY2(!expected.empty() && expected.size() < profiles_.size(),
        qPrintable(QStringLiteral("%1 of %2").arg(expected.size()).arg(profiles_.size())));
}

QTEST_GUILESS_MAIN(TestSegmentDemo)
#include "test_segment_demo.moc"
