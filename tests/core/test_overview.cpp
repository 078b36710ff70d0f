#include "TestFiles.h"

#include "overview/WorkspaceOverview.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

class TestOverview : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyWorkspace();
    void figuresOfAHandMadeStore();
};

void TestOverview::emptyWorkspace()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("w.clientele"))));
    const auto overview = WorkspaceOverview::read(workspace.db());
    QCOMPARE(overview.shoppers, 0);
    QCOMPARE(overview.events, 0);
    QCOMPARE(overview.orders, 0);
    QVERIFY(!overview.firstEvent);
    QVERIFY(overview.eventsByChannel.empty());
    QVERIFY(overview.revenueByMonth.empty());
}

void TestOverview::figuresOfAHandMadeStore()
{
    QTemporaryDir dir;
    auto workspace = Workspace::create(test::toStd(dir.filePath(QStringLiteral("w.clientele"))));
    auto &db = workspace.db();
    workspace.setMeta("currency", "EUR");
    db.exec(
        "INSERT INTO profiles(id, created_at, is_known) VALUES (1, 0, 1), (2, 0, 1), (3, 0, 0)");
    const Millis jan = *parseIsoDate("2026-01-15");
    const Millis feb = *parseIsoDate("2026-02-03");
    auto insert = db.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, value) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    int key = 0;
    auto add = [&](Millis ts, const char *type, int profile, const char *channel,
                   std::optional<double> value) {
        insert.bind(1, ++key)
            .bind(2, ts)
            .bind(3, type)
            .bind(4, profile)
            .bind(5, channel)
            .bind(6, value)
            .run();
    };
    add(jan, "product_viewed", 3, "web", 20.0);
    add(jan + 1000, "product_viewed", 1, "app", 120.0);
    add(jan + 2000, "order_completed", 1, "app", 120.0);
    add(feb, "order_completed", 2, "pos", 30.5);
    add(feb + 5000, "email_opened", 2, "email", std::nullopt);
    add(feb + 6000, "product_viewed", 2, "web", 15.0);
    add(feb + 7000, "page_viewed", 2, "web", std::nullopt);

    const auto overview = WorkspaceOverview::read(db);
    QCOMPARE(overview.shoppers, 3);
    QCOMPARE(overview.knownShoppers, 2);
    QCOMPARE(overview.anonymousShoppers, 1);
    QCOMPARE(overview.events, 7);
    QCOMPARE(overview.orders, 2);
    QCOMPARE(overview.revenue, 150.5);
    QCOMPARE(overview.currency, std::string("EUR"));
    QCOMPARE(*overview.firstEvent, jan);
    QCOMPARE(*overview.lastEvent, feb + 7000);
    QCOMPARE(overview.eventsByChannel.front().first, std::string("web"));
    QCOMPARE(overview.eventsByChannel.front().second, 3);
    QCOMPARE(overview.eventsByChannel[1].first, std::string("app")); // ties: by name
    QCOMPARE(overview.eventsByChannel.size(), std::size_t(4));
    QCOMPARE(overview.revenueByMonth.size(), std::size_t(2));
    QCOMPARE(overview.revenueByMonth[0].first, std::string("2026-01"));
    QCOMPARE(overview.revenueByMonth[0].second, 120.0);
    QCOMPARE(overview.revenueByMonth[1].first, std::string("2026-02"));
    QCOMPARE(overview.revenueByMonth[1].second, 30.5);
}

QTEST_GUILESS_MAIN(TestOverview)
#include "test_overview.moc"
