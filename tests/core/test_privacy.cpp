#include "TestFiles.h"

#include "identity/IdentityResolver.h"
#include "identity/MergeEditor.h"
#include "profile/Privacy.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace clientele;

namespace {

constexpr const char *kEmail = "lena.hoffmann@example.com";
constexpr const char *kPhone = "+4915112345678";
constexpr const char *kCustomerId = "CUST-17850";
constexpr const char *kLastName = "Hoffmann";

} // namespace

/** The right to be forgotten and the right of access, checked on the whole file. */
class TestPrivacy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void erasureLeavesNoTrace();
    void erasureKeepsOtherShoppers();
    void erasureOfAnUnknownProfileChangesNothing();
    void accessExportHoldsEverything();

private:
    Database &db() { return workspace_->db(); }
    std::int64_t count(const std::string &sql) { return db().queryInt(sql); }
    void addEvent(ProfileId profile, Millis ts, std::optional<std::int64_t> identity,
        const std::string &props);
    /// Every table and column in which needle occurs (case-insensitively), as "table.column".
    QStringList whereFound(const std::string &needle);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    ProfileId lena_ = 0;
    ProfileId max_ = 0;
    std::int64_t nextKey_ = 1;
};

void TestPrivacy::addEvent(
    ProfileId profile, Millis ts, std::optional<std::int64_t> identity, const std::string &props)
{
    db().prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, identity_id, props) "
                 "VALUES (?1, ?2, 'identify', ?3, 'web', ?4, ?5)")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, profile)
        .bind(4, identity)
        .bind(5, props)
        .run();
}

void TestPrivacy::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
    IdentityResolver resolver(db());
    // Lena browses on her phone, then signs in: a merge that carries her e-mail.
    lena_ = *resolver.resolve({ { "customer_id", kCustomerId }, { "phone", kPhone } }, 500, "pos");
    const auto device = resolver.resolve({ { "anonymous_id", "lena-phone" } }, 1000, "app");
    addEvent(*device, 1000, resolver.resolvedIdentity(), R"({"page":"/shoes"})");
    QCOMPARE(*resolver.resolve({ { "customer_id", kCustomerId }, { "email", kEmail },
                                   { "anonymous_id", "lena-phone" } },
                 2000, "web"),
        lena_);
    QCOMPARE(count("SELECT count(*) FROM merges"), 1);
    addEvent(lena_, 2000, resolver.resolvedIdentity(),
        std::string(R"({"traits":{"email":")") + kEmail + R"(","name":"Lena Hoffmann"}})");
    // Max shares a store terminal with her once: refused, and the refusal quotes her id.
    max_ = *resolver.resolve(
        { { "customer_id", "CUST-99" }, { "email", "max@example.org" } }, 3000, "pos");
    addEvent(max_, 3000, resolver.resolvedIdentity(), R"({"page":"/socks"})");
    resolver.resolve({ { "customer_id", "CUST-99" }, { "email", kEmail } }, 3100, "pos");
    QVERIFY(count("SELECT count(*) FROM merge_refusals") >= 1);

    db().exec("UPDATE profiles SET first_name = 'Lena', last_name = 'Hoffmann', city = 'Köln' "
              "WHERE id = "
        + std::to_string(lena_));
    db().exec("UPDATE profiles SET first_name = 'Max', last_name = 'Weber' WHERE id = "
        + std::to_string(max_));
    db().prepare("INSERT INTO consents VALUES (?1, 'email', 'granted', 'web', 2000)")
        .bind(1, lena_)
        .run();
    db().prepare("INSERT INTO consents VALUES (?1, 'email', 'denied', 'pos', 3000)")
        .bind(1, max_)
        .run();
    // An import whose rejected lines quote her (upper case, phone written nationally).
    db().exec(
        "INSERT INTO imports(id, source, started_at, status) VALUES (1, 'crm.csv', 1, 'done')");
    db().exec("INSERT INTO import_rejects VALUES (1, 2, 'line 2: no timestamp', "
              "'x,LENA.HOFFMANN@EXAMPLE.COM,,')");
    db().exec("INSERT INTO import_rejects VALUES (1, 3, 'line 3: no timestamp', "
              "'y,,0151 1234 5678,')");
    db().exec("INSERT INTO import_rejects VALUES (1, 4, 'line 4: no timestamp', "
              "'z,Hoffmann,Lena,')");
    db().exec("INSERT INTO import_rejects VALUES (1, 5, 'line 5: no timestamp', "
              "'w,max@example.org,,')");
    // Traits rows (values set here, so the export's figures are known).
    db().prepare("INSERT INTO profile_traits(profile_id, orders, revenue, favourite_category) "
                 "VALUES (?1, 3, 129.5, 'running')")
        .bind(1, lena_)
        .run();
    db().prepare("INSERT INTO profile_traits(profile_id, orders, revenue, favourite_category) "
                 "VALUES (?1, 1, 12.0, 'socks')")
        .bind(1, max_)
        .run();
}

void TestPrivacy::cleanup()
{
    workspace_.reset();
    dir_.reset();
}

QStringList TestPrivacy::whereFound(const std::string &needle)
{
    QStringList found;
    std::vector<std::string> tables;
    auto names = db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
    while (names.step())
        tables.push_back(names.columnText(0));
    for (const std::string &table : tables) {
        std::vector<std::string> columns;
        auto info = db().prepare("SELECT name FROM pragma_table_info(?1)");
        info.bind(1, table);
        while (info.step())
            columns.push_back(info.columnText(0));
        for (const std::string &column : columns) {
            auto hits = db().prepare("SELECT count(*) FROM \"" + table
                + "\" WHERE instr(lower(CAST(\"" + column + "\" AS TEXT)), lower(?1)) > 0");
            hits.bind(1, needle);
            if (hits.step() && hits.columnInt(0) > 0)
                found << QString::fromStdString(table + "." + column);
        }
    }
    return found;
}

void TestPrivacy::erasureLeavesNoTrace()
{
    for (const char *needle : { kEmail, kPhone, kCustomerId, kLastName, "lena-phone" })
        QVERIFY2(!whereFound(needle).isEmpty(), needle); // the search itself works

    const ErasureSummary summary = Privacy::erase(db(), lena_, "ticket DSR-2031");
    for (const char *needle :
        { kEmail, kPhone, kCustomerId, kLastName, "lena-phone", "15112345678" })
        QVERIFY2(whereFound(needle).isEmpty(),
            qPrintable(QStringLiteral("%1 still in %2")
                           .arg(QString::fromUtf8(needle), whereFound(needle).join(u' '))));

    QCOMPARE(summary.events, 2);
    QCOMPARE(summary.identities, 4);
    QCOMPARE(summary.consents, 1);
    QCOMPARE(summary.merges, 1);
    QVERIFY(summary.refusals >= 1);
    QCOMPARE(summary.rejects, 3);
    QCOMPARE(summary.otherRows, 1); // the traits row
    auto erasure = db().prepare("SELECT profile_id, reason, events_deleted, identities_deleted, "
                                "rejects_deleted, ts FROM erasures");
    QVERIFY(erasure.step());
    QCOMPARE(erasure.columnInt(0), lena_);
    QCOMPARE(erasure.columnText(1), std::string("ticket DSR-2031"));
    QCOMPARE(erasure.columnInt(2), 2);
    QCOMPARE(erasure.columnInt(3), 4);
    QCOMPARE(erasure.columnInt(4), 3);
    QVERIFY(erasure.columnInt(5) > 0);
    QVERIFY(!erasure.step());
    QCOMPARE(count("SELECT count(*) FROM profiles WHERE id = " + std::to_string(lena_)), 0);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
    QCOMPARE(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);

    // Not even in the file's free pages or its write-ahead log.
    const QString path = QString::fromStdString(workspace_->path());
    for (const QString &file : { path, path + QStringLiteral("-wal") }) {
        QFile bytes(file);
        if (!bytes.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = bytes.readAll();
        QVERIFY2(!content.contains(kEmail), qPrintable(file));
        QVERIFY2(!content.contains(kCustomerId), qPrintable(file));
    }
}

void TestPrivacy::erasureKeepsOtherShoppers()
{
    const auto maxRows = [this] {
        const std::string id = std::to_string(max_);
        return std::vector<std::int64_t> {
            count("SELECT count(*) FROM events WHERE profile_id = " + id),
            count("SELECT count(*) FROM identities WHERE profile_id = " + id),
            count("SELECT count(*) FROM consents WHERE profile_id = " + id),
            count("SELECT count(*) FROM profile_traits WHERE profile_id = " + id),
            count("SELECT count(*) FROM import_rejects WHERE raw LIKE '%max@%'"),
            count("SELECT count(*) FROM profiles WHERE id = " + id + " AND first_name = 'Max'"),
        };
    };
    const auto before = maxRows();
    Privacy::erase(db(), lena_, {});
    QCOMPARE(maxRows(), before);
    QCOMPARE(before, (std::vector<std::int64_t> { 1, 2, 1, 1, 1, 1 }));
    // An erasure without a reason records none.
    QVERIFY(db().prepare("SELECT 1 FROM erasures WHERE reason IS NULL").step());
}

void TestPrivacy::erasureOfAnUnknownProfileChangesNothing()
{
    const auto events = count("SELECT count(*) FROM events");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Privacy::erase(db(), 4711, "ticket"));
    QCOMPARE(count("SELECT count(*) FROM events"), events);
    QCOMPARE(count("SELECT count(*) FROM erasures"), 0);
}

void TestPrivacy::accessExportHoldsEverything()
{
    const QString path = dir_->filePath(QStringLiteral("lena.json"));
    Privacy::writeAccessExport(db(), lena_, test::toStd(path));
    std::ifstream in(test::toStd(path));
    const auto document = nlohmann::json::parse(in);
    QCOMPARE(document.at("format").get<std::string>(), std::string("clientele-access-export"));
    QCOMPARE(document.at("profile").at("last_name").get<std::string>(), std::string(kLastName));
    QCOMPARE(document.at("profile").at("city").get<std::string>(), std::string("Köln"));
    QCOMPARE(document.at("identities").at("email").at(0).at("value").get<std::string>(),
        std::string(kEmail));
    QCOMPARE(document.at("identities").at("phone").at(0).at("value").get<std::string>(),
        std::string(kPhone));
    QCOMPARE(document.at("identities").at("anonymous_id").size(), std::size_t(1));
    QCOMPARE(document.at("consents").size(), std::size_t(1));
    QCOMPARE(document.at("events").size(), std::size_t(2));
    QCOMPARE(document.at("events").at(1).at("props").at("traits").at("email").get<std::string>(),
        std::string(kEmail));
    QCOMPARE(document.at("merges").size(), std::size_t(1));
    QVERIFY(!document.at("refusals").empty());
    QCOMPARE(document.at("traits").at("orders").get<int>(), 3);
    QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Privacy::accessExport(db(), 4711));
}

QTEST_GUILESS_MAIN(TestPrivacy)
#include "test_privacy.moc"
