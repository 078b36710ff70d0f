#include "TestFiles.h"

#include "identity/IdentifierIndex.h"
#include "identity/IdentityResolver.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace clientele;

/** Identity resolution scenarios on a real workspace file. */
class TestIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sameIdentifierSameProfile();
    void identifierIndexFindsEveryKey();
    void anonymousHistoryJoinsTheKnownProfile();
    void sharedDeviceDoesNotFuseTwoCustomers();
    void secondCustomerIdOnAProfileIsRefused();
    void blockedValuesNeverLink_data();
    void blockedValuesNeverLink();
    void aliasChainBecomesOneProfile();
    void twoKnownProfilesMergeByASharedPhone();
    void consentsMergeNewestWins();
    void resumesFromTheWorkspace();
    void rowWithoutIdentifiersHasNoProfile();
    void returningShopperIsAttributedAsBefore();

private:
    std::int64_t count(const std::string &sql) { return workspace_->db().queryInt(sql); }
    void addEvent(ProfileId profile, Millis ts);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    std::int64_t nextKey_ = 1;
};

void TestIdentity::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
}

void TestIdentity::cleanup()
{
    workspace_.reset();
    dir_.reset();
}

void TestIdentity::addEvent(ProfileId profile, Millis ts)
{
    workspace_->db()
        .prepare("INSERT INTO events(event_key, ts, type, profile_id, channel) "
                 "VALUES (?1, ?2, 'page_viewed', ?3, 'web')")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, profile)
        .run();
}

void TestIdentity::sameIdentifierSameProfile()
{
    IdentityResolver resolver(workspace_->db());
    const auto first = resolver.resolve({ { "email", "ana@example.org" } }, 1000, "web");
    const auto second = resolver.resolve({ { "email", "ana@example.org" } }, 2000, "app");
    QVERIFY(first);
    QCOMPARE(*second, *first);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(count("SELECT is_known FROM profiles"), 1);
    QCOMPARE(resolver.stats().profilesCreated, 1);
}

void TestIdentity::anonymousHistoryJoinsTheKnownProfile()
{
    IdentityResolver resolver(workspace_->db());
    // Browsing anonymously on the phone …
    const auto phone = resolver.resolve({ { "anonymous_id", "dev-phone" } }, 1000, "app");
    addEvent(*phone, 1000);
    addEvent(*phone, 1100);
    QCOMPARE(count("SELECT is_known FROM profiles"), 0);
    // … signing up on the laptop …
    const auto laptop = resolver.resolve(
        { { "anonymous_id", "dev-laptop" }, { "email", "lena@example.com" } }, 2000, "web");
    addEvent(*laptop, 2000);
    QVERIFY(*laptop != *phone);
    // … and later signing in on the phone: one shopper, one profile, whole history.
    const auto joined = resolver.resolve(
        { { "anonymous_id", "dev-phone" }, { "email", "lena@example.com" } }, 3000, "app");
    QCOMPARE(*joined, std::min(*phone, *laptop));
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(count("SELECT count(DISTINCT profile_id) FROM events"), 1);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(*joined)), 3);
    QCOMPARE(
        count("SELECT count(*) FROM identities WHERE profile_id = " + std::to_string(*joined)), 3);
    QCOMPARE(count("SELECT is_known FROM profiles"), 1);

    auto merge = workspace_->db().prepare("SELECT kept_profile_id, merged_profile_id, "
                                          "identity_kind, identity_value, reason FROM merges");
    QVERIFY(merge.step());
    QCOMPARE(merge.columnInt(0), *joined);
    QCOMPARE(merge.columnInt(1), std::max(*phone, *laptop));
    QVERIFY(!merge.columnText(4).empty());
    QVERIFY(!merge.step());
    QCOMPARE(resolver.stats().merges, 1);
}

void TestIdentity::sharedDeviceDoesNotFuseTwoCustomers()
{
    IdentityResolver resolver(workspace_->db());
    const auto first = resolver.resolve(
        { { "anonymous_id", "store-terminal-3" }, { "customer_id", "C1" } }, 1000, "pos");
    const auto second = resolver.resolve(
        { { "anonymous_id", "store-terminal-3" }, { "customer_id", "C2" } }, 2000, "pos");
    QVERIFY(first && second);
    QVERIFY(*first != *second);
    QCOMPARE(*resolver.lookup("customer_id", "C2"), *second);
    QCOMPARE(*resolver.lookup("anonymous_id", "store-terminal-3"), *first);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 2);
    QCOMPARE(count("SELECT count(*) FROM merges"), 0);
    auto refusal = workspace_->db().prepare(
        "SELECT profile_id, other_profile_id, identity_kind, reason FROM merge_refusals");
    QVERIFY(refusal.step());
    QCOMPARE(refusal.columnInt(0), *second);
    QCOMPARE(refusal.columnInt(1), *first);
    QCOMPARE(refusal.columnText(2), std::string("anonymous_id"));
    QVERIFY2(refusal.columnText(3).find("customer_id") != std::string::npos,
        refusal.columnText(3).c_str());
}

void TestIdentity::secondCustomerIdOnAProfileIsRefused()
{
    IdentityResolver resolver(workspace_->db());
    const auto ana
        = resolver.resolve({ { "customer_id", "C1" }, { "email", "ana@example.org" } }, 1, "web");
    // The same email now arrives with another customer id: the email's profile keeps its
    // customer id, the new one starts a profile of its own, and the refusal is recorded.
    const auto other
        = resolver.resolve({ { "customer_id", "C9" }, { "email", "ana@example.org" } }, 2, "web");
    QVERIFY(*ana != *other);
    QCOMPARE(*resolver.lookup("email", "ana@example.org"), *ana);
    QCOMPARE(count("SELECT count(*) FROM identities WHERE kind = 'customer_id' AND profile_id = "
                 + std::to_string(*ana)),
        1);
    QCOMPARE(resolver.stats().refusals, 1);
}

void TestIdentity::blockedValuesNeverLink_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value");
    QTest::newRow("test-email") << QStringLiteral("email") << QStringLiteral("test@example.com");
    QTest::newRow("empty") << QStringLiteral("email") << QString();
    QTest::newRow("blank") << QStringLiteral("customer_id") << QStringLiteral("   ");
    QTest::newRow("null") << QStringLiteral("customer_id") << QStringLiteral("null");
    QTest::newRow("NULL") << QStringLiteral("anonymous_id") << QStringLiteral("NULL");
    QTest::newRow("undefined") << QStringLiteral("anonymous_id") << QStringLiteral("undefined");
    QTest::newRow("zero-phone") << QStringLiteral("phone") << QStringLiteral("+0000000000");
}

void TestIdentity::blockedValuesNeverLink()
{
    QFETCH(QString, kind);
    QFETCH(QString, value);
    IdentityResolver resolver(workspace_->db());
    const Identifier blocked { kind.toStdString(), value.toStdString() };
    const auto a = resolver.resolve({ { "email", "a@example.org" }, blocked }, 1, "web");
    const auto b = resolver.resolve({ { "email", "b@example.org" }, blocked }, 2, "web");
    QVERIFY(*a != *b);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 2);
    QCOMPARE(count("SELECT count(*) FROM identities"), 2);
    QCOMPARE(resolver.stats().blockedValues, 2);
    // Alone, a blocked value identifies nobody.
    QVERIFY(!resolver.resolve({ blocked }, 3, "web"));
}

void TestIdentity::aliasChainBecomesOneProfile()
{
    IdentityResolver resolver(workspace_->db());
    const auto a = resolver.resolve({ { "anonymous_id", "a" } }, 1, "web");
    const auto b = resolver.resolve({ { "anonymous_id", "b" } }, 2, "web");
    const auto c = resolver.resolve({ { "anonymous_id", "c" } }, 3, "web");
    addEvent(*a, 1);
    addEvent(*b, 2);
    addEvent(*c, 3);
    resolver.resolve({ { "anonymous_id", "a" }, { "anonymous_id", "b" } }, 4, "web");
    resolver.resolve({ { "anonymous_id", "c" }, { "anonymous_id", "b" } }, 5, "web");
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(*resolver.lookup("anonymous_id", "c"), *a);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(*a)), 3);
    QCOMPARE(count("SELECT count(*) FROM merges"), 2);
}

void TestIdentity::twoKnownProfilesMergeByASharedPhone()
{
    IdentityResolver resolver(workspace_->db());
    const auto web = resolver.resolve(
        { { "email", "max@example.org" }, { "phone", "+4915112345678" } }, 1, "web");
    const auto store = resolver.resolve({ { "loyalty_card", "LC-77" } }, 2, "pos");
    workspace_->db().exec(
        "UPDATE profiles SET first_name = 'Max', city = NULL WHERE id = " + std::to_string(*web));
    workspace_->db().exec(
        "UPDATE profiles SET city = 'Hamburg' WHERE id = " + std::to_string(*store));
    const auto joined = resolver.resolve(
        { { "loyalty_card", "LC-77" }, { "phone", "+4915112345678" } }, 3, "pos");
    QCOMPARE(*joined, *web);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    auto profile = workspace_->db().prepare("SELECT first_name, city, created_at FROM profiles");
    QVERIFY(profile.step());
    QCOMPARE(profile.columnText(0), std::string("Max"));
    QCOMPARE(profile.columnText(1), std::string("Hamburg"));
    QCOMPARE(profile.columnInt(2), 1);
    auto merge = workspace_->db().prepare("SELECT identity_kind, identity_value FROM merges");
    QVERIFY(merge.step());
    QCOMPARE(merge.columnText(0), std::string("phone"));
    QCOMPARE(merge.columnText(1), std::string("+4915112345678"));
}

void TestIdentity::consentsMergeNewestWins()
{
    IdentityResolver resolver(workspace_->db());
    const auto a = resolver.resolve({ { "email", "x@example.org" } }, 1, "web");
    const auto b = resolver.resolve({ { "phone", "+4915100000001" } }, 2, "pos");
    auto &db = workspace_->db();
    auto consent = db.prepare("INSERT INTO consents(profile_id, channel, status, source, ts) "
                              "VALUES (?1, ?2, ?3, 'test', ?4)");
    consent.bind(1, *a).bind(2, "email").bind(3, "granted").bind(4, 100).run();
    consent.bind(1, *b).bind(2, "email").bind(3, "unsubscribed").bind(4, 200).run();
    consent.bind(1, *b).bind(2, "sms").bind(3, "granted").bind(4, 50).run();
    resolver.resolve({ { "email", "x@example.org" }, { "phone", "+4915100000001" } }, 3, "web");
    QCOMPARE(count("SELECT count(*) FROM consents"), 2);
    auto status = db.prepare("SELECT status FROM consents WHERE channel = 'email'");
    QVERIFY(status.step());
    QCOMPARE(status.columnText(0), std::string("unsubscribed"));
}

void TestIdentity::resumesFromTheWorkspace()
{
    ProfileId ana = 0;
    {
        Transaction transaction(workspace_->db());
        IdentityResolver resolver(workspace_->db());
        ana = *resolver.resolve(
            { { "email", "ana@example.org" }, { "anonymous_id", "d1" } }, 1, "web");
        resolver.resolve({ { "email", "bo@example.org" } }, 2, "web");
        transaction.commit();
    }
    // A later import starts a new resolver: it extends the existing profiles.
    IdentityResolver later(workspace_->db());
    QCOMPARE(*later.lookup("anonymous_id", "d1"), ana);
    const auto again
        = later.resolve({ { "anonymous_id", "d1" }, { "phone", "+4915100000002" } }, 3, "app");
    QCOMPARE(*again, ana);
    QCOMPARE(later.stats().profilesCreated, 0);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 2);
    const auto fresh = later.resolve({ { "email", "new@example.org" } }, 4, "web");
    QVERIFY(*fresh > ana);
}

void TestIdentity::rowWithoutIdentifiersHasNoProfile()
{
    IdentityResolver resolver(workspace_->db());
    QVERIFY(!resolver.resolve({}, 1, "web"));
    QCOMPARE(count("SELECT count(*) FROM profiles"), 0);
}

void TestIdentity::returningShopperIsAttributedAsBefore()
{
    // A returning shopper takes resolve()'s short path: the same profile and the same
    // identity for the event as the full path gives (the highest-priority identifier the
    // profile holds, whatever the order in the row).
    IdentityResolver resolver(workspace_->db());
    const auto mia = resolver.resolve(
        { { "anonymous_id", "dev-1" }, { "email", "mia@example.com" } }, 1, "web");
    QVERIFY(mia);
    const auto email = count("SELECT id FROM identities WHERE value = 'mia@example.com'");
    const auto device = count("SELECT id FROM identities WHERE value = 'dev-1'");
    QCOMPARE(resolver.resolvedIdentity(), std::optional<std::int64_t>(email));

    QCOMPARE(
        resolver.resolve({ { "anonymous_id", "dev-1" }, { "email", "mia@example.com" } }, 2, "web"),
        mia);
    QCOMPARE(resolver.resolvedIdentity(), std::optional<std::int64_t>(email));
    QCOMPARE(
        resolver.resolve({ { "anonymous_id", "dev-1" }, { "anonymous_id", "dev-1" } }, 3, "app"),
        mia);
    QCOMPARE(resolver.resolvedIdentity(), std::optional<std::int64_t>(device));
    // A blocked value beside a known one: the known one decides, the blocked one is counted.
    const auto blocked = resolver.stats().blockedValues;
    QCOMPARE(resolver.resolve(
                 { { "email", "test@example.com" }, { "anonymous_id", "dev-1" } }, 4, "web"),
        mia);
    QCOMPARE(resolver.resolvedIdentity(), std::optional<std::int64_t>(device));
    QCOMPARE(resolver.stats().blockedValues, blocked + 1);
    QCOMPARE(resolver.stats().profilesCreated, 1);
    QCOMPARE(count("SELECT count(*) FROM identities"), 2);
}

QTEST_GUILESS_MAIN(TestIdentity)
void TestIdentity::identifierIndexFindsEveryKey()
{
    IdentifierIndex index;
    QCOMPARE(index.find("email", "a@example.com"), nullptr);
    // Enough keys to grow the table many times; kind and value are told apart.
    for (int i = 0; i < 100000; ++i) {
        const std::string value = "shopper" + std::to_string(i) + "@example.com";
        index.insert("email", value, { i, 1000000 + i });
        index.insert("anonymous_id", value, { -i, 2000000 + i });
    }
    index.insert("ab", "c", { 1, 1 });
    index.insert("a", "bc", { 2, 2 });
    QCOMPARE(index.size(), std::size_t(200002));
    for (int i = 0; i < 100000; i += 997) {
        const std::string value = "shopper" + std::to_string(i) + "@example.com";
        const auto *email = index.find("email", value);
        QVERIFY(email);
        QCOMPARE(email->profile, std::int64_t(i));
        QCOMPARE(email->identity, std::int64_t(1000000 + i));
        QCOMPARE(index.find("anonymous_id", value)->identity, std::int64_t(2000000 + i));
    }
    QCOMPARE(index.find("ab", "c")->profile, std::int64_t(1));
    QCOMPARE(index.find("a", "bc")->profile, std::int64_t(2));
    QCOMPARE(index.find("abc", ""), nullptr);
    QCOMPARE(index.find("email", "shopper100000@example.com"), nullptr);
    // A key reference gives the text back after the table grew many times, and a lookup by
    // a hash computed earlier (on the import's reading thread) finds the same place.
    const IdentifierIndex::Key early = index.insert("phone", "+4930123456", { 9, 9 });
    for (int i = 0; i < 50000; ++i)
        index.insert("loyalty_card", "card-" + std::to_string(i), { i, i });
    QCOMPARE(index.kindOf(early), std::string_view("phone"));
    QCOMPARE(index.valueOf(early), std::string_view("+4930123456"));
    QCOMPARE(index.find(early)->identity, std::int64_t(9));
    const auto hash = IdentifierIndex::hashOf("email", "shopper5@example.com");
    index.prefetchSlot(hash);
    index.prefetchKey(hash);
    QCOMPARE(index.find("email", "shopper5@example.com", hash),
        std::as_const(index).find("email", "shopper5@example.com"));
    QCOMPARE(index.size(), std::size_t(250003));
    // A merge moves an identifier to another profile in place.
    index.find("email", "shopper7@example.com")->profile = 42;
    QCOMPARE(index.find("email", "shopper7@example.com")->profile, std::int64_t(42));
    QCOMPARE(index.size(), std::size_t(250003));
}

#include "test_identity.moc"
