#include "TestFiles.h"

#include "ingest/ImportJob.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

/** The product catalog CSV: products, not events. */
class TestCatalogImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsProductsAndRejectsBadRows();
    void reimportIsDuplicatesAndChangesUpdate();
    void eventsFindTheirProductBySku();
    void eventsFileWithProductColumnsIsNotACatalog();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportSummary import(const QString &path, const std::string &preset = "auto");
    std::int64_t count(const std::string &sql) { return workspace_->db().queryInt(sql); }

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
};

namespace {

const QByteArray kCatalog = "SKU;Name;Category;Brand;Price\n"
                            "SH-100;Trail Runner 3;shoes;Ridgeline;129,95\n"
                            "SO-200;\"Merino Socks, 3 pairs\";socks;Woolpath;24,50\n"
                            ";Nameless;socks;Woolpath;9,00\n"
                            "HY-300;Soft Flask 500 ml;hydration;;free\n"
                            "NU-400;Energy Gel;nutrition;Fuelbox;2,20\n";

} // namespace

void TestCatalogImport::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
}

QString TestCatalogImport::write(const QString &name, const QByteArray &content)
{
    const QString path = dir_->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

ImportSummary TestCatalogImport::import(const QString &path, const std::string &preset)
{
    ImportRequest request;
    request.inputPath = test::toStd(path);
    request.preset = preset;
    return ImportJob::run(*workspace_, request);
}

void TestCatalogImport::importsProductsAndRejectsBadRows()
{
    const ImportSummary summary = import(write(QStringLiteral("catalog.csv"), kCatalog));
    QCOMPARE(summary.preset, std::string("catalog"));
    QCOMPARE(summary.rowsRead, 5);
    QCOMPARE(summary.imported, 3);
    QCOMPARE(summary.rejected, 2);
    QCOMPARE(summary.imported + summary.duplicates + summary.rejected, summary.rowsRead);
    QCOMPARE(count("SELECT count(*) FROM products"), 3);
    QCOMPARE(count("SELECT count(*) FROM events"), 0);
    auto socks = workspace_->db().prepare(
        "SELECT name, category, brand, price, currency FROM products WHERE sku = 'SO-200'");
    QVERIFY(socks.step());
    QCOMPARE(socks.columnText(0), std::string("Merino Socks, 3 pairs"));
    QCOMPARE(socks.columnText(1), std::string("socks"));
    QCOMPARE(socks.columnText(2), std::string("Woolpath"));
    QCOMPARE(socks.columnDouble(3), 24.5);
    QCOMPARE(socks.columnText(4), std::string("EUR"));
    auto rejects
        = workspace_->db().prepare("SELECT line, reason FROM import_rejects ORDER BY line");
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 4);
    QVERIFY2(
        rejects.columnText(1).find("no SKU") != std::string::npos, rejects.columnText(1).c_str());
    QVERIFY(rejects.step());
    QCOMPARE(rejects.columnInt(0), 5);
    QVERIFY2(
        rejects.columnText(1).find("HY-300") != std::string::npos, rejects.columnText(1).c_str());
}

void TestCatalogImport::reimportIsDuplicatesAndChangesUpdate()
{
    const QString path = write(QStringLiteral("catalog.csv"), kCatalog);
    import(path);
    const ImportSummary again = import(path);
    QCOMPARE(again.imported, 0);
    QCOMPARE(again.duplicates, 3);
    QCOMPARE(again.rejected, 2);

    QByteArray changed = kCatalog;
    changed.replace("129,95", "119,95");
    const ImportSummary update = import(write(QStringLiteral("catalog-2.csv"), changed), "catalog");
    QCOMPARE(update.imported, 1);
    QCOMPARE(update.duplicates, 2);
    QCOMPARE(count("SELECT round(price * 100) FROM products WHERE sku = 'SH-100'"), 11995);
    QCOMPARE(count("SELECT count(*) FROM products"), 3);
}

void TestCatalogImport::eventsFindTheirProductBySku()
{
    import(write(QStringLiteral("catalog.csv"), kCatalog));
    ImportRequest request;
    request.inputPath = test::toStd(write(QStringLiteral("views.csv"),
        "time,event,email,sku\n2026-05-01T10:00:00Z,Product Viewed,ana@example.org,SH-100\n"));
    request.mapping.columns
        = { { "time", FieldTarget::Timestamp, {} }, { "event", FieldTarget::EventType, {} },
              { "email", FieldTarget::Identity, "email" }, { "sku", FieldTarget::ProductSku, {} } };
    const ImportSummary summary = ImportJob::run(*workspace_, request);
    QCOMPARE(summary.imported, 1);
    QCOMPARE(count("SELECT count(*) FROM products"), 3);
    QCOMPARE(
        count("SELECT e.product_id = p.id FROM events e, products p WHERE p.sku = 'SH-100'"), 1);
}

void TestCatalogImport::eventsFileWithProductColumnsIsNotACatalog()
{
    const QString path = write(QStringLiteral("orders.csv"),
        "date,email,sku,name,price\n2026-05-01,ana@example.org,SH-100,Trail Runner 3,129.95\n");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import(path));
    QCOMPARE(count("SELECT count(*) FROM products"), 0);
}

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "test_catalog_import.moc"
