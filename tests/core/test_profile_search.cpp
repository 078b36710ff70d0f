#include "TestFiles.h"

#include "identity/IdentityResolver.h"
#include "profile/ProfileReader.h"
#include "profile/ProfileSearch.h"
#include "store/Workspace.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

/** Finding shoppers as a marketer types: by identifier prefix or by name. */
class TestProfileSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void findsByPrefix_data();
    void findsByPrefix();
    void exactMatchComesFirst();
    void limitsTheResults();
    void resultCarriesContactDetails();
    void hostileInputFindsNothingWrong_data();
    void hostileInputFindsNothingWrong();
    void prefixSuccessor();
    void everyStatementUsesAnIndex();
    void timelinePagesNewestFirst();
    void plainSqliteToolsCanCheckTheFile();

private:
    std::int64_t profileOf(const std::string &kind, const std::string &value);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
};

void TestProfileSearch::initTestCase()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
    Database &db = workspace_->db();
    IdentityResolver resolver(db);
    const auto lena
        = resolver.resolve({ { "email", "lena.hoffmann@example.com" },
                               { "phone", "+4915112345678" }, { "customer_id", "17850" } },
            1000, "web");
    const auto zoe = resolver.resolve(
        { { "email", "zoë.özdemir@exämple.de" }, { "customer_id", "17851" } }, 2000, "pos");
    const auto ana = resolver.resolve(
        { { "email", "ana%_x@example.org" }, { "phone", "+436641234567" } }, 3000, "web");
    db.exec("UPDATE profiles SET first_name = 'Lena', last_name = 'Hoffmann' WHERE id = "
        + std::to_string(*lena));
    db.exec("UPDATE profiles SET first_name = 'Zoë', last_name = 'Özdemir' WHERE id = "
        + std::to_string(*zoe));
    db.exec("UPDATE profiles SET first_name = 'Ana', last_name = 'O''Brien' WHERE id = "
        + std::to_string(*ana));
    // Many shoppers whose addresses share a prefix, for the limit.
    for (int i = 0; i < 30; ++i)
        resolver.resolve(
            { { "email", "shopper" + std::to_string(i) + "@example.net" } }, 4000 + i, "web");
}

void TestProfileSearch::cleanupTestCase()
{
    workspace_.reset();
    dir_.reset();
}

std::int64_t TestProfileSearch::profileOf(const std::string &kind, const std::string &value)
{
    auto query = workspace_->db().prepare(
        "SELECT profile_id FROM identities WHERE kind = ?1 AND value = ?2");
    query.bind(1, kind).bind(2, value);
    return query.step() ? query.columnInt(0) : -1;
}

void TestProfileSearch::findsByPrefix_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    const QString lenaEmail = QStringLiteral("lena.hoffmann@example.com");
    const QString lenaPhone = QStringLiteral("+4915112345678");
    QTest::newRow("email-prefix") << QStringLiteral("lena.h") << "email" << lenaEmail;
    QTest::newRow("email-upper-case") << QStringLiteral("LENA.HOFF") << "email" << lenaEmail;
    QTest::newRow("email-full") << lenaEmail << "email" << lenaEmail;
    QTest::newRow("email-unicode-case")
        << QStringLiteral("ZOË.Ö") << "email" << QStringLiteral("zoë.özdemir@exämple.de");
    QTest::newRow("phone-e164-prefix") << QStringLiteral("+49151123") << "phone" << lenaPhone;
    QTest::newRow("phone-spaced") << QStringLiteral("+49 151 123") << "phone" << lenaPhone;
    QTest::newRow("phone-national") << QStringLiteral("0151 1234") << "phone" << lenaPhone;
    QTest::newRow("phone-national-dashes")
        << QStringLiteral("0151-12345-678") << "phone" << lenaPhone;
    QTest::newRow("phone-00") << QStringLiteral("0049 151") << "phone" << lenaPhone;
    QTest::newRow("phone-trunk") << QStringLiteral("+49 (0)151 12") << "phone" << lenaPhone;
    QTest::newRow("phone-austrian")
        << QStringLiteral("+43 664") << "phone" << QStringLiteral("+436641234567");
    QTest::newRow("customer-id") << QStringLiteral("1785") << "customer_id"
                                 << QStringLiteral("17850");
    QTest::newRow("first-name") << QStringLiteral("len") << "email" << lenaEmail;
    QTest::newRow("last-name") << QStringLiteral("hoffm") << "name"
                               << QStringLiteral("Lena Hoffmann");
    QTest::newRow("full-name") << QStringLiteral("Lena  HOFF") << "name"
                               << QStringLiteral("Lena Hoffmann");
    QTest::newRow("last-first") << QStringLiteral("Hoffmann, Le") << "name"
                                << QStringLiteral("Lena Hoffmann");
    QTest::newRow("name-unicode-case")
        << QStringLiteral("özde") << "name" << QStringLiteral("Zoë Özdemir");
    QTest::newRow("name-with-quote")
        << QStringLiteral("o'bri") << "name" << QStringLiteral("Ana O'Brien");
}

void TestProfileSearch::findsByPrefix()
{
    QFETCH(QString, typed);
    QFETCH(QString, kind);
    QFETCH(QString, value);
    ProfileSearch search(workspace_->db(), "DE");
    const auto hits = search.find(typed.toStdString());
    QVERIFY2(!hits.empty(), qPrintable(typed));
    QCOMPARE(QString::fromStdString(hits.front().matchedKind), kind);
    QCOMPARE(QString::fromStdString(hits.front().matchedValue), value);
}

void TestProfileSearch::exactMatchComesFirst()
{
    Database &db = workspace_->db();
    IdentityResolver resolver(db);
    resolver.resolve({ { "customer_id", "178" } }, 9000, "pos");
    resolver.resolve({ { "customer_id", "1780" } }, 9001, "pos");
    ProfileSearch search(db, "DE");
    const auto hits = search.find("178");
    QVERIFY(hits.size() >= 3);
    QCOMPARE(hits.front().matchedValue, std::string("178"));
    QCOMPARE(hits.front().profileId, profileOf("customer_id", "178"));
}

void TestProfileSearch::limitsTheResults()
{
    ProfileSearch search(workspace_->db(), "DE");
    QCOMPARE(search.find("shopper", 7).size(), std::size_t(7));
    QCOMPARE(search.find("shopper", 100).size(), std::size_t(30));
    QCOMPARE(search.find("shopper1", 100).size(), std::size_t(11)); // 1, 10 … 19
    QVERIFY(search.find("shopper", 0).empty());
}

void TestProfileSearch::resultCarriesContactDetails()
{
    ProfileSearch search(workspace_->db(), "DE");
    const auto hits = search.find("17850");
    QCOMPARE(hits.size(), std::size_t(1));
    const ProfileSearchHit &hit = hits.front();
    QCOMPARE(hit.profileId, profileOf("email", "lena.hoffmann@example.com"));
    QCOMPARE(hit.displayName, std::string("Lena Hoffmann"));
    QCOMPARE(hit.email, std::string("lena.hoffmann@example.com"));
    QCOMPARE(hit.phone, std::string("+4915112345678"));
    QCOMPARE(hit.matchedKind, std::string("customer_id"));
    // A shopper without a name shows an address.
    const auto anonymous = search.find("shopper3@");
    QCOMPARE(anonymous.size(), std::size_t(1));
    QCOMPARE(anonymous.front().displayName, std::string("shopper3@example.net"));
}

void TestProfileSearch::hostileInputFindsNothingWrong_data()
{
    QTest::addColumn<QByteArray>("typed");
    QTest::addColumn<int>("expected");
    QTest::newRow("percent") << QByteArray("%") << 0;
    QTest::newRow("underscore") << QByteArray("_") << 0;
    QTest::newRow("percent-suffix") << QByteArray("lena%") << 0;
    QTest::newRow("like-pattern") << QByteArray("%@example.com") << 0;
    QTest::newRow("single-quote") << QByteArray("'") << 0;
    QTest::newRow("injection") << QByteArray("x' OR '1'='1") << 0;
    QTest::newRow("double-quote") << QByteArray("\"") << 0;
    QTest::newRow("nul") << QByteArray("lena\0", 5) << 0;
    QTest::newRow("nul-first") << QByteArray("\0", 1) << 0;
    QTest::newRow("invalid-utf8") << QByteArray("\xff\xfe") << 0;
    QTest::newRow("only-space") << QByteArray("   ") << 0;
    // Literal % and _ are characters like any other: this address holds them.
    QTest::newRow("literal-percent") << QByteArray("ana%_") << 1;
}

void TestProfileSearch::hostileInputFindsNothingWrong()
{
    QFETCH(QByteArray, typed);
    QFETCH(int, expected);
    ProfileSearch search(workspace_->db(), "DE");
    const auto hits = search.find(std::string_view(typed.constData(), typed.size()));
    QCOMPARE(static_cast<int>(hits.size()), expected);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
}

void TestProfileSearch::prefixSuccessor()
{
    QCOMPARE(ProfileSearch::prefixSuccessor("abc"), std::string("abd"));
    QCOMPARE(ProfileSearch::prefixSuccessor("a\xff"), std::string("b"));
    QCOMPARE(ProfileSearch::prefixSuccessor("\xff\xff"), std::string());
    QCOMPARE(ProfileSearch::prefixSuccessor("+49"), std::string("+4:"));
}

void TestProfileSearch::everyStatementUsesAnIndex()
{
    Database &db = workspace_->db();
    for (const std::string &sql : ProfileSearch::statements()) {
        auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
        QStringList details;
        while (plan.step())
            details << QString::fromStdString(plan.columnText(3));
        const QString text = details.join(QStringLiteral("; "));
        QVERIFY2(!details.isEmpty(), sql.c_str());
        for (const QString &detail : details) {
            // SEARCH … USING INDEX / INTEGER PRIMARY KEY only; a SCAN reads the whole table.
            QVERIFY2(!detail.startsWith(QStringLiteral("SCAN")), qPrintable(text));
        }
        QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE"))
                || sql.find("first_seen") != std::string::npos,
            qPrintable(text));
    }
}

void TestProfileSearch::timelinePagesNewestFirst()
{
    Database &db = workspace_->db();
    const std::int64_t lena = profileOf("email", "lena.hoffmann@example.com");
    const std::int64_t other = profileOf("customer_id", "17851");
    // Equal timestamps too: the page boundary must not lose or repeat one of them.
    const std::pair<Millis, const char *> events[] = { { 100, "web" }, { 200, "pos" },
        { 200, "web" }, { 200, "web" }, { 300, "email" }, { 400, "web" }, { 500, "web" } };
    auto insert = db.prepare("INSERT INTO events(event_key, ts, type, profile_id, channel) "
                             "VALUES (?1, ?2, 'page_viewed', ?3, ?4)");
    std::int64_t key = 1000;
    for (const auto &[ts, channel] : events) {
        insert.bind(1, key++).bind(2, ts).bind(3, lena).bind(4, channel).run();
        insert.bind(1, key++).bind(2, ts).bind(3, other).bind(4, channel).run();
    }
    ProfileReader reader(db);
    const auto readAll = [&](TimelineQuery query) {
        std::vector<std::pair<Millis, std::int64_t>> seen;
        for (int pages = 0; pages < 10; ++pages) {
            const TimelinePage page = reader.timeline(lena, query);
            for (const TimelineEvent &event : page.events)
                seen.emplace_back(event.ts, event.id);
            if (!page.next)
                break;
            query.after = page.next;
        }
        return seen;
    };
    TimelineQuery all;
    all.pageSize = 3;
    const auto every = readAll(all);
    QCOMPARE(every.size(), std::size_t(7));
    QVERIFY(std::is_sorted(every.rbegin(), every.rend()));
    TimelineQuery web = all;
    web.channels = { "web" };
    web.types = { "page_viewed", "product_viewed" };
    const auto onlyWeb = readAll(web);
    QCOMPARE(onlyWeb.size(), std::size_t(5));
    QCOMPARE(onlyWeb.front().first, Millis(500));
    QCOMPARE(onlyWeb.back().first, Millis(100));
    TimelineQuery none = all;
    none.types = { "order_completed" };
    QVERIFY(reader.timeline(lena, none).events.empty());

    for (const auto &[channels, types, after] :
        { std::tuple { 0, 0, false }, std::tuple { 2, 1, true } }) {
        auto plan = db.prepare("EXPLAIN QUERY PLAN "
            + ProfileReader::timelineSql(
                static_cast<std::size_t>(channels), static_cast<std::size_t>(types), after));
        QString text;
        while (plan.step())
            text += QString::fromStdString(plan.columnText(3)) + u';';
        QVERIFY2(text.contains(QStringLiteral("USING INDEX events_profile_ts")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestProfileSearch)
void TestProfileSearch::plainSqliteToolsCanCheckTheFile()
{
    // The name keys are kept by triggers, not by expression indexes on Clientele's own SQL
    // function: a connection without that function (the sqlite3 shell, a DB browser, a
    // backup script) can still read and check the workspace.
    const std::string path = test::toStd(dir_->filePath(QStringLiteral("w.clientele")));
    sqlite3 *plain = nullptr;
    QCOMPARE(sqlite3_open_v2(path.c_str(), &plain, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *check = nullptr;
    QCOMPARE(sqlite3_prepare_v2(plain, "PRAGMA integrity_check", -1, &check, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(check), SQLITE_ROW);
    const std::string result = reinterpret_cast<const char *>(sqlite3_column_text(check, 0));
    sqlite3_finalize(check);
    sqlite3_close(plain);
    QCOMPARE(result, std::string("ok"));
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM profiles WHERE name_key IS NOT NULL"),
        workspace_->db().queryInt(
            "SELECT count(*) FROM profiles WHERE first_name IS NOT NULL OR last_name IS NOT NULL"));
}

#include "test_profile_search.moc"
