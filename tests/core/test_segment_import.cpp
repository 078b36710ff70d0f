#include "TestFiles.h"

#include "ingest/ImportJob.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <stdexcept>

using namespace clientele;

namespace {

/// A Segment export as a shop's tracking would write it, one message per line. Lines
/// 11–15 are broken in one way each; line 10 repeats line 3.
const char *kMessages
    // 1: the shopper signed up on the website earlier (server-side identify)
    = R"({"type":"identify","userId":"u-1","traits":{"email":"lena@example.com"},"context":{"channel":"server"},"timestamp":"2026-02-28T12:00:00Z","messageId":"m-1"})"
      "\n"
      // 2–4: browsing anonymously on a new device
      R"({"type":"page","anonymousId":"anon-1","name":"Home","properties":{"url":"https://shop.example/","path":"/"},"context":{"ip":"203.0.113.9","library":{"name":"analytics.js"}},"timestamp":"2026-03-01T10:00:00.000Z","messageId":"m-2"})"
      "\n"
      R"({"type":"track","event":"Product Viewed","anonymousId":"anon-1","properties":{"product_id":"P-1","sku":"SHOE-1","name":"Trail Shoe","category":"Shoes","brand":"Acme","price":120},"timestamp":"2026-03-01T10:01:00Z","messageId":"m-3"})"
      "\n"
      R"({"type":"track","event":"Product Added","anonymousId":"anon-1","properties":{"sku":"SHOE-1","name":"Trail Shoe","price":120,"quantity":2,"cart_id":"c-1"},"timestamp":"2026-03-01T10:02:00Z","messageId":"m-4"})"
      "\n"
      // 5: she logs in on that device: the device's history joins her profile
      R"({"type":"identify","userId":"u-1","anonymousId":"anon-1","traits":{"email":"Lena@Example.com","firstName":"Lena","last_name":"Berg","phone":"0151 12345678","address":{"city":"Hamburg","country":"DE"}},"timestamp":"2026-03-01T10:05:00Z","messageId":"m-5"})"
      "\n"
      R"({"type":"track","event":"Order Completed","userId":"u-1","properties":{"order_id":"T-1","total":250.5,"revenue":240,"currency":"eur","products":[{"sku":"SHOE-1","quantity":2,"price":120},{"sku":"SOCK-2","price":10.5}]},"timestamp":"2026-03-01T10:10:00Z","messageId":"m-6"})"
      "\n"
      // 7–9: a second shopper, on the web and in the app, tied together by an alias
      R"({"type":"page","anonymousId":"anon-2","name":"Sale","timestamp":"2026-03-02T08:00:00+01:00","messageId":"m-7"})"
      "\n"
      R"({"type":"screen","userId":"u-2","name":"Cart","context":{"app":{"name":"Shop","version":"3.1"},"device":{"type":"ios","id":"dev-9"}},"timestamp":"2026-03-02T07:30:00Z","messageId":"m-8"})"
      "\n"
      R"({"type":"alias","previousId":"anon-2","userId":"u-2","timestamp":"2026-03-02T07:40:00Z","messageId":"m-9"})"
      "\n"
      // 10: the tracking library sent line 3 twice
      R"({"type":"track","event":"Product Viewed","anonymousId":"anon-1","properties":{"product_id":"P-1","sku":"SHOE-1","name":"Trail Shoe","category":"Shoes","brand":"Acme","price":120},"timestamp":"2026-03-01T10:01:00Z","messageId":"m-3"})"
      "\n"
      // 11–15: rejected
      R"({"type":"track","event":)"
      "\n"
      R"({"userId":"u-1","timestamp":"2026-03-03T10:00:00Z","messageId":"m-12"})"
      "\n"
      R"({"type":"track","event":"Product Viewed","userId":"u-1","timestamp":"yesterday","messageId":"m-13"})"
      "\n"
      R"({"type":"page","name":"Home","timestamp":"2026-03-03T10:00:00Z","messageId":"m-14"})"
      "\n"
      R"({"type":"track","userId":"u-1","timestamp":"2026-03-03T10:00:00Z","messageId":"m-15"})"
      "\n";

/// Every event's type, time, value, channel and product count, in order.
std::string eventsFingerprint(Workspace &workspace)
{
    auto events = workspace.db().prepare(
        "SELECT type || ':' || ts || ':' || coalesce(value, '') || ':' || channel || ':' "
        "|| coalesce(json_array_length(props, '$.products'), '') FROM events ORDER BY ts, type");
    std::string text;
    while (events.step())
        text += events.columnText(0) + '\n';
    return text;
}

} // namespace

/** A Segment JSON Lines export through the import job into a real workspace. */
class TestSegmentImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyLineIsAccountedFor();
    void rejectsNameLineAndReason();
    void eventsHaveTypesTimesValuesAndChannels();
    void anonymousHistoryJoinsTheKnownProfile();
    void aliasLinksPreviousIdToUser();
    void gzipGivesTheSameResult();
    void reimportIsAllDuplicates();
    void autoPresetRecognisesJsonLines();
    void jsonLinesNeedTheSegmentPreset();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportSummary import(
        Workspace &workspace, const QString &path, const std::string &preset = "segment") const;

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    QString input_;
};

void TestSegmentImport::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
    input_ = write(QStringLiteral("segment.jsonl"), kMessages);
}

QString TestSegmentImport::write(const QString &name, const QByteArray &content)
{
    const QString path = dir_->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

ImportSummary TestSegmentImport::import(
    Workspace &workspace, const QString &path, const std::string &preset) const
{
    ImportRequest request;
    request.inputPath = test::toStd(path);
    request.preset = preset;
    request.mapping.country = "DE";
    return ImportJob::run(workspace, request);
}

void TestSegmentImport::everyLineIsAccountedFor()
{
    const ImportSummary summary = import(*workspace_, input_);
    QCOMPARE(summary.preset, std::string("segment"));
    QCOMPARE(summary.rowsRead, 15);
    QCOMPARE(summary.imported, 9);
    QCOMPARE(summary.duplicates, 1);
    QCOMPARE(summary.rejected, 5);
    QCOMPARE(summary.imported + summary.duplicates + summary.rejected, summary.rowsRead);
    QCOMPARE(summary.merges, 2);
    QCOMPARE(summary.identifiersRejected, 0);
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), 9);
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), 2);
    QCOMPARE(db.queryInt("SELECT count(*) FROM merges"), 2);
    auto record
        = db.prepare("SELECT rows_read, imported, duplicates, rejected, preset FROM imports");
    QVERIFY(record.step());
    QCOMPARE(record.columnInt(0), 15);
    QCOMPARE(record.columnInt(1), 9);
    QCOMPARE(record.columnInt(2), 1);
    QCOMPARE(record.columnInt(3), 5);
    QCOMPARE(record.columnText(4), std::string("segment"));
}

void TestSegmentImport::rejectsNameLineAndReason()
{
    import(*workspace_, input_);
    auto rejects
        = workspace_->db().prepare("SELECT line, reason, raw FROM import_rejects ORDER BY line");
    const struct {
        int line;
        const char *reasonPart;
    } expected[] = {
        { 11, "not valid JSON" },
        { 12, "no \"type\"" },
        { 13, "\"timestamp\"" },
        { 14, "no identifier" },
        { 15, "without \"event\"" },
    };
    for (const auto &reject : expected) {
        QVERIFY(rejects.step());
        QCOMPARE(rejects.columnInt(0), reject.line);
        const std::string reason = rejects.columnText(1);
        QVERIFY2(reason.rfind("line " + std::to_string(reject.line), 0) == 0, reason.c_str());
        QVERIFY2(reason.find(reject.reasonPart) != std::string::npos, reason.c_str());
        QVERIFY(!rejects.columnText(2).empty());
    }
    QVERIFY(!rejects.step());
}

void TestSegmentImport::eventsHaveTypesTimesValuesAndChannels()
{
    import(*workspace_, input_);
    auto &db = workspace_->db();
    auto events = db.prepare("SELECT type, channel FROM events ORDER BY ts");
    const std::pair<const char *, const char *> expected[] = {
        { "identify", "web" },
        { "page_viewed", "web" },
        { "product_viewed", "web" },
        { "product_added", "web" },
        { "identify", "web" },
        { "order_completed", "web" },
        { "page_viewed", "web" },
        { "screen_viewed", "app" },
        { "alias", "web" },
    };
    for (const auto &[type, channel] : expected) {
        QVERIFY(events.step());
        QCOMPARE(events.columnText(0), std::string(type));
        QCOMPARE(events.columnText(1), std::string(channel));
    }
    QVERIFY(!events.step());

    // Product Added: price × quantity, the product's own row, its cart.
    auto added = db.prepare("SELECT ts, value, quantity, cart_id, product_id IS NOT NULL "
                            "FROM events WHERE type = 'product_added'");
    QVERIFY(added.step());
    QCOMPARE(added.columnInt(0), 1772359320000); // 2026-03-01T10:02:00Z
    QCOMPARE(added.columnDouble(1), 240.0);
    QCOMPARE(added.columnInt(2), 2);
    QCOMPARE(added.columnText(3), std::string("c-1"));
    QCOMPARE(added.columnInt(4), 1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM products WHERE sku = 'SHOE-1' AND "
                         "name = 'Trail Shoe' AND brand = 'Acme'"),
        1);

    // Order Completed: the total (not the revenue), its currency, order id and products.
    auto order = db.prepare("SELECT ts, value, currency, order_id, quantity, "
                            "json_array_length(props, '$.products'), product_id "
                            "FROM events WHERE type = 'order_completed'");
    QVERIFY(order.step());
    QCOMPARE(order.columnInt(0), 1772359800000); // 2026-03-01T10:10:00Z
    QCOMPARE(order.columnDouble(1), 250.5);
    QCOMPARE(order.columnText(2), std::string("EUR"));
    QCOMPARE(order.columnText(3), std::string("T-1"));
    QCOMPARE(order.columnInt(4), 3);
    QCOMPARE(order.columnInt(5), 2);
    QVERIFY(order.isNull(6));

    // A page with an offset; its name and url kept in the properties.
    auto page = db.prepare("SELECT ts, json_extract(props, '$.name') FROM events "
                           "WHERE type = 'page_viewed' ORDER BY ts DESC");
    QVERIFY(page.step());
    QCOMPARE(page.columnInt(0), 1772434800000); // 2026-03-02T08:00:00+01:00
    QCOMPARE(page.columnText(1), std::string("Sale"));
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE type = 'page_viewed' AND "
                         "json_extract(props, '$.url') = 'https://shop.example/'"),
        1);
}

void TestSegmentImport::anonymousHistoryJoinsTheKnownProfile()
{
    import(*workspace_, input_);
    auto &db = workspace_->db();
    auto lena = db.prepare("SELECT profile_id FROM identities WHERE kind = 'customer_id' "
                           "AND value = 'u-1'");
    QVERIFY(lena.step());
    const std::int64_t profile = lena.columnInt(0);
    auto identities = db.prepare(
        "SELECT kind, value FROM identities WHERE profile_id = ?1 ORDER BY kind, value");
    identities.bind(1, profile);
    const std::pair<const char *, const char *> expected[] = {
        { "anonymous_id", "anon-1" },
        { "customer_id", "u-1" },
        { "email", "lena@example.com" },
        { "phone", "+4915112345678" },
    };
    for (const auto &[kind, value] : expected) {
        QVERIFY(identities.step());
        QCOMPARE(identities.columnText(0), std::string(kind));
        QCOMPARE(identities.columnText(1), std::string(value));
    }
    QVERIFY(!identities.step());
    auto events = db.prepare("SELECT count(*) FROM events WHERE profile_id = ?1");
    events.bind(1, profile);
    QVERIFY(events.step());
    QCOMPARE(events.columnInt(0), 6);
    auto attributes
        = db.prepare("SELECT first_name, last_name, city, country FROM profiles WHERE id = ?1");
    attributes.bind(1, profile);
    QVERIFY(attributes.step());
    QCOMPARE(attributes.columnText(0), std::string("Lena"));
    QCOMPARE(attributes.columnText(1), std::string("Berg"));
    QCOMPARE(attributes.columnText(2), std::string("Hamburg"));
    QCOMPARE(attributes.columnText(3), std::string("DE"));
}

void TestSegmentImport::aliasLinksPreviousIdToUser()
{
    import(*workspace_, input_);
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(DISTINCT profile_id) FROM identities WHERE value IN "
                         "('anon-2', 'u-2')"),
        1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE profile_id = (SELECT profile_id "
                         "FROM identities WHERE value = 'u-2')"),
        3);
}

void TestSegmentImport::gzipGivesTheSameResult()
{
    const ImportSummary plain = import(*workspace_, input_);
    const QString gzipPath = dir_->filePath(QStringLiteral("segment.jsonl.gz"));
    QVERIFY(test::writeGzip(gzipPath, kMessages));
    Workspace other = Workspace::create(test::toStd(dir_->filePath(QStringLiteral("g.clientele"))));
    const ImportSummary gzip = import(other, gzipPath, "auto");
    QCOMPARE(gzip.preset, std::string("segment"));
    QCOMPARE(gzip.rowsRead, plain.rowsRead);
    QCOMPARE(gzip.imported, plain.imported);
    QCOMPARE(gzip.duplicates, plain.duplicates);
    QCOMPARE(gzip.rejected, plain.rejected);
    QCOMPARE(gzip.merges, plain.merges);
    QCOMPARE(eventsFingerprint(other), eventsFingerprint(*workspace_));
    QCOMPARE(other.db().queryInt("SELECT count(*) FROM profiles"), 2);
}

void TestSegmentImport::reimportIsAllDuplicates()
{
    import(*workspace_, input_);
    const ImportSummary again = import(*workspace_, input_);
    QCOMPARE(again.rowsRead, 15);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 10);
    QCOMPARE(again.rejected, 5);
    QCOMPARE(again.merges, 0);
    QCOMPARE(again.profilesCreated, 0);
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM events"), 9);
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM profiles"), 2);
}

void TestSegmentImport::autoPresetRecognisesJsonLines()
{
    // A byte order mark and blank lines before the first message, and a name that says
    // nothing: the content decides.
    const QString path = write(
        QStringLiteral("export.txt"), QByteArray("\xEF\xBB\xBF\n  \r\n") + QByteArray(kMessages));
    const ImportSummary summary = import(*workspace_, path, "auto");
    QCOMPARE(summary.preset, std::string("segment"));
    QCOMPARE(summary.imported, 9);
    QCOMPARE(summary.rejected, 5);
}

void TestSegmentImport::jsonLinesNeedTheSegmentPreset()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import(*workspace_, input_, "generic"));
    const QString csv = write(QStringLiteral("events.csv"), "Time,Event\n2026-03-01,x\n");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import(*workspace_, csv, "segment"));
    QCOMPARE(workspace_->db().queryInt("SELECT count(*) FROM imports"), 0);
}

QTEST_GUILESS_MAIN(TestSegmentImport)
#include "test_segment_import.moc"
