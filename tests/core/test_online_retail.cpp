#include "TestFiles.h"

#include "common/Time.h"
#include "ingest/ImportJob.h"
#include "store/Workspace.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace clientele;

namespace {

/// What the file says, counted here without Clientele's readers: a plain gzip read and a
/// quote-aware split, so that the import is checked against an independent count.
struct RetailFacts {
    qint64 rows = 0;
    QSet<QByteArray> customers;
    QSet<QByteArray> purchaseInvoices; ///< neither C (cancelled) nor A (adjustment)
    QSet<QByteArray> cancelledInvoices;
    QSet<QByteArray> guestPurchaseInvoices;
    QSet<QByteArray> guestCancelledInvoices;
    qint64 adjustmentRows = 0;
};

QList<QByteArray> splitCsvLine(const QByteArray &line)
{
    QList<QByteArray> fields;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

RetailFacts countFacts(const QString &path)
{
    RetailFacts facts;
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!file)
        return facts;
    QByteArray text;
    char buffer[1 << 16];
    int read = 0;
    while ((read = gzread(file, buffer, sizeof buffer)) > 0)
        text.append(buffer, read);
    gzclose(file);
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = splitCsvLine(line);
        ++facts.rows;
        const QByteArray &invoice = fields.at(0);
        const QByteArray &customer = fields.at(6);
        if (!customer.isEmpty())
            facts.customers.insert(customer);
        if (invoice.startsWith('A')) {
            ++facts.adjustmentRows;
        } else if (invoice.startsWith('C')) {
            facts.cancelledInvoices.insert(invoice);
            if (customer.isEmpty())
                facts.guestCancelledInvoices.insert(invoice);
        } else {
            facts.purchaseInvoices.insert(invoice);
            if (customer.isEmpty())
                facts.guestPurchaseInvoices.insert(invoice);
        }
    }
    return facts;
}

} // namespace

/** The UCI Online Retail file, end to end through its preset. */
class TestOnlineRetail : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsEveryRow();
    void customersGuestsAndCancellations();
    void reimportIsAllDuplicates();

private:
    QTemporaryDir dir_;
    QString input_;
    RetailFacts facts_;
    std::unique_ptr<Workspace> workspace_;
    ImportSummary summary_;
};

void TestOnlineRetail::initTestCase()
{
    input_ = test::sharedDataFile(QStringLiteral("online-retail/online_retail.csv.gz"));
    if (!QFile::exists(input_))
        QSKIP(qPrintable(QStringLiteral("The UCI Online Retail file is not at %1").arg(input_)));
    facts_ = countFacts(input_);
    QCOMPARE(facts_.rows, 541909);
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_.filePath(QStringLiteral("retail.clientele")))));
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.preset = "auto";
    summary_ = ImportJob::run(*workspace_, request);
}

void TestOnlineRetail::importsEveryRow()
{
    QCOMPARE(summary_.preset, std::string("online-retail"));
    QCOMPARE(summary_.rowsRead, facts_.rows);
    QCOMPARE(summary_.imported + summary_.duplicates + summary_.rejected, summary_.rowsRead);
    QCOMPARE(summary_.duplicates, 0);
    QCOMPARE(summary_.rejected, facts_.adjustmentRows);
    auto reason = workspace_->db().prepare("SELECT reason FROM import_rejects LIMIT 1");
    QVERIFY(reason.step());
    QVERIFY2(reason.columnText(0).find("accounting adjustment") != std::string::npos,
        reason.columnText(0).c_str());
}

void TestOnlineRetail::customersGuestsAndCancellations()
{
    auto &db = workspace_->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE kind = 'customer_id'"),
        facts_.customers.size());
    QCOMPARE(db.queryInt(
                 "SELECT count(*) FROM identities WHERE kind = 'customer_id' AND value LIKE '%.%'"),
        0);
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE type = 'order_completed'"),
        facts_.purchaseInvoices.size());
    QCOMPARE(db.queryInt("SELECT count(*) FROM events WHERE type = 'order_refunded'"),
        facts_.cancelledInvoices.size());
    // Every guest checkout is an anonymous shopper of its own; customers are known.
    const qint64 guestInvoices
        = (facts_.guestPurchaseInvoices | facts_.guestCancelledInvoices).size();
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles WHERE is_known = 0"), guestInvoices);
    QCOMPARE(
        db.queryInt("SELECT count(*) FROM profiles WHERE is_known = 1"), facts_.customers.size());
    QCOMPARE(summary_.profilesCreated, facts_.customers.size() + guestInvoices);
    // Customer 17850's first invoice: 536365 with 7 lines, 2010-12-01 08:26 London time.
    auto order
        = db.prepare("SELECT ts, json_array_length(props, '$.products'), quantity FROM events "
                     "WHERE order_id = '536365'");
    QVERIFY(order.step());
    QCOMPARE(order.columnInt(0), *parseIsoDate("2010-12-01") + 8 * kMillisPerHour + 26 * 60 * 1000);
    QCOMPARE(order.columnInt(1), 7);
    QCOMPARE(order.columnInt(2), 40);
    QCOMPARE(
        db.queryInt("SELECT count(*) FROM events WHERE value < 0 AND type = 'order_refunded'"), 0);
    // Every imported line is a product of exactly one order, including the lines of the
    // one invoice whose rows are not next to each other in the file.
    QCOMPARE(db.queryInt("SELECT sum(json_array_length(props, '$.products')) FROM events"),
        summary_.imported);
}

void TestOnlineRetail::reimportIsAllDuplicates()
{
    ImportRequest request;
    request.inputPath = test::toStd(input_);
    request.preset = "online-retail";
    const ImportSummary again = ImportJob::run(*workspace_, request);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, summary_.imported);
    QCOMPARE(again.profilesCreated, 0);
    QCOMPARE(again.rowsRead, summary_.rowsRead);
}

QTEST_GUILESS_MAIN(TestOnlineRetail)
#include "test_online_retail.moc"
