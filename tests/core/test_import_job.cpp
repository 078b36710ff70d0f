#include "TestFiles.h"

#include "common/Time.h"
#include "ingest/EventKeySet.h"
#include "ingest/ImportJob.h"
#include "ingest/ReadAhead.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

namespace {

/// Stops the job after a number of progress reports.
class CancelAfter : public ProgressSink {
public:
    explicit CancelAfter(int reports)
        : left_(reports)
    {
    }
    bool report(const Progress &) override { return --left_ > 0; }

private:
    int left_;
};

ImportMapping eventsMapping()
{
    ImportMapping mapping;
    mapping.columns = {
        { "Time", FieldTarget::Timestamp, {} },
        { "Event", FieldTarget::EventType, {} },
        { "Email", FieldTarget::Identity, "email" },
        { "Phone", FieldTarget::Identity, "phone" },
        { "Device", FieldTarget::Identity, "anonymous_id" },
        { "Channel", FieldTarget::Channel, {} },
        { "SKU", FieldTarget::ProductSku, {} },
        { "Price", FieldTarget::Price, {} },
        { "Qty", FieldTarget::Quantity, {} },
        { "Order", FieldTarget::OrderId, {} },
        { "Coupon", FieldTarget::Property, "coupon" },
    };
    mapping.timezone = "Europe/Berlin";
    mapping.country = "DE";
    return mapping;
}

const char *kEvents
    = "Time,Event,Email,Phone,Device,Channel,SKU,Price,Qty,Order,Coupon\n"
      "2026-03-01 10:00:00,Product Viewed,,,dev-1,app,SHOE-1,120.00,1,,\n"
      "2026-03-01 10:05:00,Product Added,,,dev-1,app,SHOE-1,120.00,1,,\n"
      "2026-03-02 18:00:00,Signed In,Lena@Example.com,,dev-1,app,,,,,\n"
      "2026-03-03 09:00:00,Order Completed,lena@example.com,0151 "
      "12345678,dev-2,web,SHOE-1,120.00,2,T-1,SPRING\n"
      "not a date,Product Viewed,,,dev-9,web,,,,,\n"
      "2026-03-04 09:00:00,Product Viewed,,,,web,,,,,\n"
      "2026-03-05 09:00:00,Product Viewed,ana@,0151 99999999,,web,,,,,\n"
      "2026-03-06 09:00:00,Order Completed,bo@example.org,,,pos,SOCK-2,\"12,50\",3,T-2,\n";

} // namespace

/** The import job on real files and a real workspace. */
class TestImportJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyRowIsAccountedFor();
    void rejectsNameLineAndReason();
    void eventsAndProfilesAreResolved();
    void reimportAddsNothing();
    void firstLoadMatchesAnIncrementalLoad();
    void importComputesTraitsOfTouchedProfiles();
    void eventKeySetRemembersEveryKey();
    void readAheadKeepsOrderAndPassesErrorsOn();
    void cancelLeavesWorkspaceUnchanged();
    void firstLoadBesideAnotherConnection();
    void mappingThatDoesNotFitIsRefused();
    void mappingRoundTripsThroughJson();
    void mappingGuessedFromColumnNames_data();
    void mappingGuessedFromColumnNames();
    void guessedMappingImportsAFile();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportSummary importEvents();

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    QString input_;
};

/// Notes the import connection's journal mode once the import is past its rows (inside
/// its transaction, where a first load may have switched it).
class JournalModeProbe : public ProgressSink {
public:
    explicit JournalModeProbe(Database &db)
        : db_(db)
    {
    }
    bool report(const Progress &progress) override
    {
        if (mode.empty() && progress.stage == ImportJob::kStageWritingShoppers) {
            auto query = db_.prepare("PRAGMA journal_mode");
            if (query.step())
                mode = query.columnText(0);
        }
        return true;
    }
    std::string mode;

private:
    Database &db_;
};

void TestImportJob::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
    input_ = write(QStringLiteral("events.csv"), kEvents);
}

QString TestImportJob::write(const QString &name, const QByteArray &content)
{
    const QString path = dir_->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

ImportSummary TestImportJob::importEvents()
{
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.mapping = eventsMapping();
    return ImportJob::run(*workspace_, request);
}

void TestImportJob::everyRowIsAccountedFor()
{
    const ImportSummary summary = importEvents();
    QCOMPARE(summary.rowsRead, 8);
    QCOMPARE(summary.imported, 6);
    QCOMPARE(summary.duplicates, 0);
    QCOMPARE(summary.rejected, 2);
    QCOMPARE(summary.imported + summary.duplicates + summary.rejected, summary.rowsRead);
    // The invalid email on row 7 is not used, but its phone is: the row is imported.
    QCOMPARE(summary.identifiersRejected, 1);
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), 6);
    QCOMPARE(db.queryInt("SELECT count(*) FROM import_rejects"), 2);
    auto record
        = db.prepare("SELECT rows_read, imported, duplicates, rejected, status FROM imports");
    QVERIFY(record.step());
    QCOMPARE(record.columnInt(0), 8);
    QCOMPARE(record.columnInt(1), 6);
    QCOMPARE(record.columnInt(3), 2);
    QCOMPARE(record.columnText(4), std::string("completed"));
}

void TestImportJob::rejectsNameLineAndReason()
{
    importEvents();
    auto rejects
        = workspace_->db().prepare("SELECT line, reason, raw FROM import_rejects ORDER BY line");
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 6);
    QVERIFY2(rejects.columnText(1).rfind("line 6: 'Time'", 0) == 0, rejects.columnText(1).c_str());
    QVERIFY(rejects.columnText(2).find("not a date") != std::string::npos);
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 7);
    QVERIFY2(rejects.columnText(1).find("no identifier") != std::string::npos,
        rejects.columnText(1).c_str());
}

void TestImportJob::eventsAndProfilesAreResolved()
{
    const ImportSummary summary = importEvents();
    auto &db = workspace_->db();
    // Lena's anonymous app browsing, her sign-in and her web order are one profile; the
    // phone-only shopper and Bo are two more.
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), 3);
    QCOMPARE(summary.profilesCreated, 3);
    auto lena = db.prepare(
        "SELECT p.id, p.is_known, (SELECT count(*) FROM events e WHERE e.profile_id = p.id) "
        "FROM identities i JOIN profiles p ON p.id = i.profile_id "
        "WHERE i.kind = 'email' AND i.value = 'lena@example.com'");
    QVERIFY(lena.step());
    QCOMPARE(lena.columnInt(1), 1);
    QCOMPARE(lena.columnInt(2), 4);
    QCOMPARE(
        db.queryInt(
            "SELECT count(*) FROM identities WHERE kind = 'phone' AND value = '+4915112345678'"),
        1);

    auto order
        = db.prepare("SELECT type, channel, value, quantity, currency, order_id, props FROM events "
                     "WHERE order_id = 'T-1'");
    QVERIFY(order.step());
    QCOMPARE(order.columnText(0), std::string("order_completed"));
    QCOMPARE(order.columnText(1), std::string("web"));
    QCOMPARE(order.columnDouble(2), 240.0);
    QCOMPARE(order.columnInt(3), 2);
    QCOMPARE(order.columnText(4), std::string("EUR"));
    QVERIFY(order.columnText(6).find("SPRING") != std::string::npos);
    // Decimal comma in a quoted field.
    QCOMPARE(db.queryInt("SELECT round(value * 100) FROM events WHERE order_id = 'T-2'"), 3750);
    // Products referenced by SKU exist once each.
    QCOMPARE(db.queryInt("SELECT count(*) FROM products"), 2);
    // 10:00 in Berlin (CET) is 09:00 UTC.
    QCOMPARE(db.queryInt("SELECT min(ts) FROM events"),
        *parseIsoDate("2026-03-01") + 9 * kMillisPerHour);
}

void TestImportJob::reimportAddsNothing()
{
    importEvents();
    const auto events = workspace_->db().queryInt("SELECT count(*) FROM events");
    const ImportSummary again = importEvents();
    QCOMPARE(again.rowsRead, 8);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 6);
    QCOMPARE(again.rejected, 2);
    QCOMPARE(again.profilesCreated, 0);
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM events"), events);
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM profiles"), 3);
}

namespace {

/// What a workspace holds about the shoppers of a file, independent of row and profile ids.
std::vector<std::string> shopperFacts(Database &db)
{
    std::vector<std::string> facts;
    auto query = db.prepare(
        "SELECT e.type || '|' || e.ts || '|' || e.channel || '|' || coalesce(e.value, '') || '|' "
        "|| coalesce(e.order_id, '') || '|' || (SELECT group_concat(kv, ',') FROM (SELECT "
        "i.kind || ':' || i.value AS kv FROM identities i WHERE i.profile_id = e.profile_id "
        "ORDER BY kv)) FROM events e WHERE e.type <> 'seed' ORDER BY 1");
    while (query.step())
        facts.push_back(query.columnText(0));
    return facts;
}

} // namespace

void TestImportJob::firstLoadMatchesAnIncrementalLoad()
{
    // A file that repeats rows by id and by content, and whose shoppers merge late.
    const QByteArray repeated = QByteArray("Id,Time,Event,Email,Device,Order,Price\n")
        + "e1,2026-03-01 10:00:00,Product Viewed,,dev-1,,\n"
        + "e2,2026-03-01 10:05:00,Product Added,,dev-1,,30.00\n"
        + "e1,2026-03-01 10:00:00,Product Viewed,,dev-1,,\n"
        + "e3,2026-03-02 11:00:00,Signed In,mia@example.com,dev-1,,\n"
        + ",2026-03-02 08:00:00,Product Viewed,,dev-2,,\n"
        + ",2026-03-02 08:00:00,Product Viewed,,dev-2,,\n"
        + "e4,2026-03-02 11:30:00,Order Completed,mia@example.com,dev-2,T-9,30.00\n"
        + "e2,2026-03-01 10:05:00,Product Added,,dev-1,,30.00\n";
    const QString path = write(QStringLiteral("repeated.csv"), repeated);
    ImportMapping mapping;
    mapping.columns = {
        { "Id", FieldTarget::EventId, {} },
        { "Time", FieldTarget::Timestamp, {} },
        { "Event", FieldTarget::EventType, {} },
        { "Email", FieldTarget::Identity, "email" },
        { "Device", FieldTarget::Identity, "anonymous_id" },
        { "Order", FieldTarget::OrderId, {} },
        { "Price", FieldTarget::Value, {} },
    };
    ImportRequest request;
    request.inputPath = test::toStd(path);
    request.mapping = mapping;

    // Into the empty workspace: the bulk path (indexes and identities written at the end),
    // on a rollback journal while it runs.
    JournalModeProbe journal(workspace_->db());
    const ImportSummary first = ImportJob::run(*workspace_, request, &journal);
    QCOMPARE(journal.mode, std::string("delete"));
    QCOMPARE(first.rowsRead, 8);
    QCOMPARE(first.imported, 5);
    QCOMPARE(first.duplicates, 3);
    QCOMPARE(first.rejected, 0);
    QCOMPARE(first.merges, 1); // the order links Mia (and dev-1) with dev-2's browsing
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM identities"), 3);
    QCOMPARE(workspace_->db().queryInt(
                 "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                 "('events_key', 'events_profile_ts', 'events_type_ts', 'identities_profile', "
                 "'identities_value_kind')"),
        5);
    QCOMPARE(workspace_->db().queryInt("PRAGMA foreign_keys"), 1);
    // It ran with a rollback journal (it had the file to itself) and gave WAL back.
    QCOMPARE(workspace_->db().queryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    const auto bulkFacts = shopperFacts(workspace_->db());

    // Into a workspace that already has an event: the row-by-row path must agree.
    const QString otherPath = dir_->filePath(QStringLiteral("other.clientele"));
    auto other = Workspace::create(test::toStd(otherPath));
    other.db().exec("INSERT INTO profiles(id, created_at) VALUES (100, 0)");
    other.db().exec("INSERT INTO events(event_key, ts, type, profile_id, channel) "
                    "VALUES (1, 0, 'seed', 100, 'web')");
    const ImportSummary incremental = ImportJob::run(other, request);
    QCOMPARE(incremental.imported, first.imported);
    QCOMPARE(incremental.duplicates, first.duplicates);
    QCOMPARE(incremental.merges, first.merges);
    QCOMPARE(shopperFacts(other.db()), bulkFacts);
    QCOMPARE(bulkFacts.size(), std::size_t(5));

    // And a second run of the file after the first load adds nothing.
    const ImportSummary again = ImportJob::run(*workspace_, request);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 8);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
}

void TestImportJob::importComputesTraitsOfTouchedProfiles()
{
    // The first load computes every profile's traits.
    importEvents();
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM profile_traits"),
        db.queryInt("SELECT count(*) FROM profiles"));
    const auto lenaOrders = [&db] {
        return db.queryInt("SELECT t.orders FROM profile_traits t JOIN identities i "
                           "ON i.profile_id = t.profile_id WHERE i.value = 'lena@example.com'");
    };
    QCOMPARE(lenaOrders(), 1);

    // A later file with a second order for Lena, and a device that joins Bo: only their
    // traits change, and the merged-away profile loses its row.
    const QString later = write(QStringLiteral("later.csv"),
        "Time,Event,Email,Phone,Device,Channel,SKU,Price,Qty,Order,Coupon\n"
        "2026-03-10 09:00:00,Order Completed,lena@example.com,,,web,SOCK-2,12.50,1,T-3,\n"
        "2026-03-11 09:00:00,Product Viewed,,,dev-7,web,,,,,\n"
        "2026-03-12 09:00:00,Signed In,bo@example.org,,dev-7,web,,,,,\n");
    ImportRequest request;
    request.inputPath = test::toStd(later);
    request.mapping = eventsMapping();
    const ImportSummary summary = ImportJob::run(*workspace_, request);
    QCOMPARE(summary.imported, 3);
    QCOMPARE(summary.merges, 1);
    QCOMPARE(lenaOrders(), 2);
    QCOMPARE(db.queryInt("SELECT count(*) FROM profile_traits"),
        db.queryInt("SELECT count(*) FROM profiles"));
    QCOMPARE(db.queryInt("SELECT count(*) FROM profile_traits WHERE profile_id NOT IN "
                         "(SELECT id FROM profiles)"),
        0);
    QCOMPARE(db.queryInt("SELECT t.devices FROM profile_traits t JOIN identities i "
                         "ON i.profile_id = t.profile_id WHERE i.value = 'bo@example.org'"),
        1);
}

void TestImportJob::eventKeySetRemembersEveryKey()
{
    EventKeySet keys;
    QVERIFY(keys.insert(0)); // the value the table uses for an empty slot
    QVERIFY(!keys.insert(0));
    // Enough keys to make the table grow several times, including negative ones.
    for (std::int64_t i = 1; i <= 200000; ++i)
        QVERIFY(keys.insert(i * 0x9e3779b97f4a7c1 * (i % 2 ? 1 : -1)));
    QCOMPARE(keys.size(), std::size_t(200001));
    for (std::int64_t i = 1; i <= 200000; ++i)
        QVERIFY(!keys.insert(i * 0x9e3779b97f4a7c1 * (i % 2 ? 1 : -1)));
    QVERIFY(keys.contains(0x9e3779b97f4a7c1));
    QVERIFY(!keys.contains(7));
    QCOMPARE(keys.size(), std::size_t(200001));
}

void TestImportJob::readAheadKeepsOrderAndPassesErrorsOn()
{
    // Every item arrives once, in order, across many small batches.
    {
        int produced = 0;
        ReadAhead<std::string> ahead(
            [&produced](std::string &item) {
                if (produced == 10000)
                    return false;
                item = std::to_string(produced++);
                return true;
            },
            [&produced] { return std::int64_t(produced); }, 7, 3);
        int expected = 0;
        int peeked = 0;
        while (std::string *item = ahead.next()) {
            QCOMPARE(*item, std::to_string(expected++));
            // A look ahead within the batch shows what next() will return, and takes nothing.
            QCOMPARE(ahead.peek(0), item);
            if (const std::string *later = ahead.peek(2)) {
                QCOMPARE(*later, std::to_string(expected + 1));
                ++peeked;
            }
            QCOMPARE(ahead.peek(7), nullptr); // never past the batch of 7
        }
        QCOMPARE(expected, 10000);
        QVERIFY(peeked > 0);
        QCOMPARE(ahead.position(), 10000);
        QCOMPARE(ahead.next(), nullptr);
    }
    // A reader that fails: the items before the failure, then the error.
    {
        int produced = 0;
        ReadAhead<int> ahead(
            [&produced](int &item) {
                if (produced == 25)
                    throw std::runtime_error("line 26: the disk went away");
                item = produced++;
                return true;
            },
            [] { return std::int64_t(0); }, 10, 2);
        int seen = 0;
        try {
            while (int *item = ahead.next()) {
                QCOMPARE(*item, seen);
                ++seen;
            }
            QFAIL("the reader's error was not passed on");
        } catch (const std::runtime_error &error) {
            QCOMPARE(std::string(error.what()), std::string("line 26: the disk went away"));
        }
        QCOMPARE(seen, 25);
    }
    // Stopping early (a cancelled import) ends the reading thread of an endless input.
    {
        ReadAhead<int> ahead(
            [](int &item) { return (item = 1), true; }, [] { return std::int64_t(0); }, 16, 2);
        QVERIFY(ahead.next());
    }
}

void TestImportJob::cancelLeavesWorkspaceUnchanged()
{
    QByteArray big = "Time,Event,Email\n";
    for (int i = 0; i < 60000; ++i)
        big += "2026-03-01T10:00:00Z,Product Viewed,shopper" + QByteArray::number(i)
            + "@example.org\n";
    input_ = write(QStringLiteral("big.csv"), big);
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.mapping.columns = { { "Time", FieldTarget::Timestamp, {} },
        { "Event", FieldTarget::EventType, {} }, { "Email", FieldTarget::Identity, "email" } };
    CancelAfter cancel(2);
    QVERIFY_THROWS_EXCEPTION(Cancelled, ImportJob::run(*workspace_, request, &cancel));
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), 0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM imports"), 0);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
    // And the same import then runs to the end.
    const ImportSummary summary = ImportJob::run(*workspace_, request);
    QCOMPARE(summary.imported, 60000);
    QCOMPARE(summary.profilesCreated, 60000);
}

void TestImportJob::firstLoadBesideAnotherConnection()
{
    // The app keeps reading connections open: the first load cannot have the file to
    // itself, keeps WAL mode, and those connections see its result once it committed.
    const std::string path = test::toStd(dir_->filePath(QStringLiteral("w.clientele")));
    Database reader(path, Database::Mode::ReadOnly);
    QCOMPARE(reader.queryInt("SELECT count(*) FROM events"), 0);
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.mapping = eventsMapping();
    JournalModeProbe journal(workspace_->db());
    const ImportSummary summary = ImportJob::run(*workspace_, request, &journal);
    QCOMPARE(journal.mode, std::string("wal"));
    QVERIFY(summary.imported > 0);
    QCOMPARE(workspace_->db().queryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    QCOMPARE(reader.queryInt("SELECT count(*) FROM events"), summary.imported);
    QCOMPARE(workspace_->integrityCheck(), std::string("ok"));
}

void TestImportJob::mappingThatDoesNotFitIsRefused()
{
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.mapping = eventsMapping();
    request.mapping.columns.push_back({ "Loyalty", FieldTarget::Identity, "loyalty_card" });
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ImportJob::run(*workspace_, request));
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM imports"), 0);

    ImportMapping noIdentity;
    noIdentity.columns = { { "Time", FieldTarget::Timestamp, {} } };
    noIdentity.fixedEventType = "page_viewed";
    const auto problems = noIdentity.problems({ "Time" });
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY(problems.front().find("identifies the shopper") != std::string::npos);
}

void TestImportJob::mappingRoundTripsThroughJson()
{
    const ImportMapping mapping = eventsMapping();
    const ImportMapping back = ImportMapping::fromJson(mapping.toJson());
    QVERIFY(back.toJson() == mapping.toJson());
    QCOMPARE(back.columns.size(), mapping.columns.size());
    QCOMPARE(back.columns[2].detail, std::string("email"));
    QCOMPARE(toEventTypeKey("Order Completed"), std::string("order_completed"));
    QCOMPARE(toEventTypeKey("orderCompleted"), std::string("order_completed"));
    QCOMPARE(toEventTypeKey("  product-added "), std::string("product_added"));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument, ImportMapping::fromJson(nlohmann::json::array()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
        ImportMapping::fromJson({ { "version", 1 },
            { "columns", { { { "column", "A" }, { "target", "colour" } } } } }));
}

void TestImportJob::mappingGuessedFromColumnNames_data()
{
    QTest::addColumn<QByteArray>("column"); // bytes, so that broken UTF-8 stays broken
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("detail");
    const auto row
        = [](const char *name, const char *column, const char *target, const char *detail) {
              QTest::newRow(name) << QByteArray(column) << QString::fromUtf8(target)
                                  << QString::fromUtf8(detail);
          };
    row("email-with-hyphen", "E-Mail", "identity", "email");
    row("email-address", "Email Address", "identity", "email");
    row("phone", "Mobile Phone", "identity", "phone");
    row("customer-id", "customer_id", "identity", "customer_id");
    row("device", "Device ID", "identity", "anonymous_id");
    row("loyalty", "Loyalty Card Number", "identity", "loyalty_card");
    row("timestamp", "Order Date", "timestamp", "");
    row("created-at", "created_at", "timestamp", "");
    row("event-type", "Event Name", "event_type", "");
    row("event-id", "ID", "event_id", "");
    row("channel", "Source", "channel", "");
    row("sku", "StockCode", "product_sku", "");
    row("product", "Product Name", "product_name", "");
    row("order", "InvoiceNo", "order_id", "");
    row("value", "Total", "value", "");
    row("price", "Unit Price", "price", "");
    row("quantity", "Qty", "quantity", "");
    row("names", "Given Name", "first_name", "");
    row("surname", "Surname", "last_name", "");
    row("country", "Country Code", "country", "");
    row("email-consent", "Accepts Email Marketing", "consent", "email");
    row("sms-consent", "SMS opt-in", "consent", "sms");
    row("unknown", "Favourite colour", "ignore", "");
    row("not-letters", "--", "ignore", "");
    row("unknown-non-ascii", "Straße", "ignore", "");
    row("broken-utf8", "E\xff-Mail", "identity", "email");
}

void TestImportJob::mappingGuessedFromColumnNames()
{
    QFETCH(QByteArray, column);
    QFETCH(QString, target);
    QFETCH(QString, detail);
    const std::string name = column.toStdString();
    const ColumnMapping guess = ImportMapping::guessColumn(name);
    QCOMPARE(guess.column, name);
    QCOMPARE(QString::fromStdString(ImportMapping::targetName(guess.target)), target);
    QCOMPARE(QString::fromStdString(guess.detail), detail);
}

void TestImportJob::guessedMappingImportsAFile()
{
    const QString path = dir_->filePath(QStringLiteral("guessed.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xEF\xBB\xBFOrder Date;Event;E-Mail;Total;Notes\n"
                   "2026-01-05T10:00:00Z;Order Completed;mia@example.org;89.90;gift\n"
                   "2026-01-06T10:00:00Z;Product Viewed;bo@example.org;;\n");
    }
    const auto header = ImportJob::csvHeader(test::toStd(path));
    QCOMPARE(
        header, (std::vector<std::string> { "Order Date", "Event", "E-Mail", "Total", "Notes" }));
    const ImportMapping mapping = ImportMapping::guessFromHeader(header);
    QCOMPARE(mapping.columns.size(), header.size());
    QCOMPARE(mapping.columns[2].target, FieldTarget::Identity);
    QCOMPARE(mapping.columns[4].target, FieldTarget::Ignore);
    QVERIFY(mapping.problems(header).empty());

    ImportRequest request;
    request.inputPath = test::toStd(path);
    request.preset = "generic";
    request.mapping = mapping;
    const ImportSummary summary = ImportJob::run(*workspace_, request);
    QCOMPARE(summary.imported, std::int64_t(2));
    QCOMPARE(workspace_->db().queryInt(
                 "SELECT count(*) FROM events WHERE type = 'order_completed' AND value = 89.9"),
        1);
}

QTEST_GUILESS_MAIN(TestImportJob)
#include "test_import_job.moc"
