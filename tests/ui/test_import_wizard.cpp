#include "ImportRejectsDialog.h"
#include "ImportWizard.h"
#include "ImportWizardPages.h"
#include "UiTestSupport.h"

#include "TestFiles.h"
#include "ingest/ImportPreset.h"
#include "store/Workspace.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <nlohmann/json.hpp>

using namespace clientele;

/** The import wizard driven offscreen on a real workspace and real files. */
class TestImportWizard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void emptyStartExplainsWhatToDo();
    void missingFileIsShownOnThePage();
    void genericFileIsMappedAndImported();
    void knownFormatSkipsTheMapping();
    void mappingSavesAndLoads();
    void cancelLeavesTheWorkspaceUnchanged();
    void eventLogsAndCatalogsAreRecognised();

private:
    QString writeFile(const QString &name, const QByteArray &text);
    void saveScreenshot(QWidget &widget, const QString &name) const;
    static bool nextEnabled(ImportWizard &wizard)
    {
        return wizard.button(QWizard::NextButton)->isEnabled();
    }

    QTemporaryDir dir_;
    QString workspacePath_;
    QString genericPath_;
};

namespace {

const QByteArray kGenericCsv
    = "Date,Event,E-Mail,Mobile,Amount,Notes,Newsletter\n"
      "2025-03-04 10:15,Order Completed,ana@example.com,,49.90,first,yes\n"
      "2025-03-05 11:00,Product Viewed,BEN@Example.com,+49 151 12345678,,,no\n"
      "not a date,Order Completed,cy@example.com,,10,,\n"
      "2025-03-06 09:00,Order Completed,,,5,nobody,\n"
      "2025-03-07 12:30,Order Completed,ana@example.com,,20.00,,\n";

} // namespace

void TestImportWizard::initTestCase()
{
    QVERIFY(dir_.isValid());
    genericPath_ = writeFile(QStringLiteral("events.csv"), kGenericCsv);
}

void TestImportWizard::init()
{
    // A fresh empty workspace for every test function.
    workspacePath_ = dir_.filePath(
        QStringLiteral("%1.clientele").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(workspacePath_);
    Workspace::create(workspacePath_.toStdString());
}

QString TestImportWizard::writeFile(const QString &name, const QByteArray &text)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write a test file");
    return path;
}

void TestImportWizard::saveScreenshot(QWidget &widget, const QString &name) const
{
    QVERIFY(test::saveScreenshot(widget, name));
}

void TestImportWizard::emptyStartExplainsWhatToDo()
{
    ImportWizard wizard(workspacePath_);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));
    QVERIFY(!nextEnabled(wizard));
    QVERIFY(wizard.filePage()->statusLabel()->text().contains(QStringLiteral("No file chosen")));
    saveScreenshot(wizard, QStringLiteral("import-wizard-empty.png"));
}

void TestImportWizard::missingFileIsShownOnThePage()
{
    ImportWizard wizard(workspacePath_);
    wizard.show();
    wizard.setInputPath(dir_.filePath(QStringLiteral("no-such-file.csv")));
    QVERIFY(!nextEnabled(wizard));
    QVERIFY2(wizard.filePage()->statusLabel()->text().startsWith(
                 QStringLiteral("This file cannot be imported")),
        qPrintable(wizard.filePage()->statusLabel()->text()));
    QCOMPARE(wizard.filePage()->previewModel()->rowCount(), 0);
}

void TestImportWizard::genericFileIsMappedAndImported()
{
    ImportWizard wizard(workspacePath_);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    // File page: typing the path shows the first rows and says it is a generic file.
    QTest::keyClicks(wizard.filePage()->pathEdit(), genericPath_);
    QTRY_COMPARE(wizard.filePage()->previewModel()->rowCount(), 5);
    QAbstractItemModelTester tester(
        wizard.filePage()->previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *model = wizard.filePage()->previewModel();
    QCOMPARE(model->columnCount(), 7);
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("E-Mail"));
    QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("BEN@Example.com"));
    QVERIFY(
        wizard.filePage()->statusLabel()->text().startsWith(QStringLiteral("Generic events file")));
    QCOMPARE(wizard.filePage()->formatCombo()->currentData().toString(), QStringLiteral("generic"));
    QVERIFY(nextEnabled(wizard));
    saveScreenshot(wizard, QStringLiteral("import-wizard-file.png"));

    // Mapping page: guessed from the column names.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    ImportMappingPage *page = wizard.mappingPage();
    page->timezoneCombo()->setCurrentText(QStringLiteral("Europe/Berlin"));
    using Target = std::pair<FieldTarget, std::string>;
    QCOMPARE(page->columnTarget(QStringLiteral("Date")), Target(FieldTarget::Timestamp, ""));
    QCOMPARE(page->columnTarget(QStringLiteral("Event")), Target(FieldTarget::EventType, ""));
    QCOMPARE(page->columnTarget(QStringLiteral("E-Mail")), Target(FieldTarget::Identity, "email"));
    QCOMPARE(page->columnTarget(QStringLiteral("Mobile")), Target(FieldTarget::Identity, "phone"));
    QCOMPARE(page->columnTarget(QStringLiteral("Amount")), Target(FieldTarget::Value, ""));
    QCOMPARE(page->columnTarget(QStringLiteral("Notes")), Target(FieldTarget::Ignore, ""));
    QCOMPARE(
        page->columnTarget(QStringLiteral("Newsletter")), Target(FieldTarget::Consent, "email"));
    // The rows happened in the app: every event gets that channel.
    page->channelCombo()->setCurrentIndex(page->channelCombo()->findData(QStringLiteral("app")));
    QVERIFY(page->problems().empty());
    QVERIFY(nextEnabled(wizard));

    // Without any identity the import cannot work: Next is disabled and the page says why.
    auto *emailCombo = page->findChild<QComboBox *>(QStringLiteral("target_E-Mail"));
    auto *mobileCombo = page->findChild<QComboBox *>(QStringLiteral("target_Mobile"));
    QVERIFY(emailCombo && mobileCombo);
    emailCombo->setCurrentIndex(0);
    mobileCombo->setCurrentIndex(0);
    QVERIFY(!nextEnabled(wizard));
    QCOMPARE(page->problems().size(), std::size_t(1));
    QVERIFY(page->problemsLabel()->text().contains(QStringLiteral("identifies the shopper")));
    QCOMPARE(page->previewTable()->rowCount(), 0);
    saveScreenshot(wizard, QStringLiteral("import-wizard-mapping-problem.png"));
    QVERIFY(page->setColumnTarget(QStringLiteral("E-Mail"), FieldTarget::Identity, "email"));
    QVERIFY(page->setColumnTarget(QStringLiteral("Mobile"), FieldTarget::Identity, "phone"));
    QVERIFY(nextEnabled(wizard));
    QVERIFY(page->problemsLabel()->text().startsWith(QStringLiteral("Ready")));

    // The parsed preview: normalised identities, local time, amounts, reasons for rejects.
    QTableWidget *preview = page->previewTable();
    QCOMPARE(preview->rowCount(), 5);
    QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("order_completed"));
    QVERIFY(preview->item(1, 3)->text().contains(QStringLiteral("email ben@example.com")));
    QVERIFY(preview->item(1, 3)->text().contains(QStringLiteral("phone +4915112345678")));
    const QDateTime expected(QDate(2025, 3, 4), QTime(10, 15), QTimeZone("Europe/Berlin"));
    QCOMPARE(preview->item(0, 1)->text(),
        QLocale().toString(expected.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(preview->item(0, 4)->text(), QStringLiteral("email granted"));
    QCOMPARE(preview->item(1, 4)->text(), QStringLiteral("email denied"));
    QCOMPARE(preview->item(0, 5)->text(), QLocale().toString(49.90, 'f', 2));
    QVERIFY(preview->item(2, 5)->text().startsWith(QStringLiteral("Rejected")));
    QVERIFY(preview->item(3, 5)->text().contains(QStringLiteral("no identifier")));
    saveScreenshot(wizard, QStringLiteral("import-wizard-mapping.png"));

    // Import page: the plan, then the import on a worker, then the summary.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(wizard.runPage()->planLabel()->text().contains(QStringLiteral("events.csv")));
    saveScreenshot(wizard, QStringLiteral("import-wizard-plan.png"));
    QTest::mouseClick(wizard.runPage()->importButton(), Qt::LeftButton);
    QVERIFY(wizard.lastSummary().has_value());
    const ImportSummary summary = *wizard.lastSummary();
    QCOMPARE(summary.rowsRead, 5);
    QCOMPARE(summary.imported, 3);
    QCOMPARE(summary.rejected, 2);
    QCOMPARE(summary.duplicates, 0);
    QCOMPARE(summary.profilesCreated, 2);
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    const auto figure = [&wizard](const char *name) {
        return wizard.runPage()->findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(figure("rowsReadValue"), QStringLiteral("5"));
    QCOMPARE(figure("importedValue"), QStringLiteral("3"));
    QCOMPARE(figure("rejectedValue"), QStringLiteral("2"));
    QCOMPARE(figure("newShoppersValue"), QStringLiteral("2"));
    QVERIFY(wizard.runPage()->rejectsButton()->isEnabled());
    saveScreenshot(wizard, QStringLiteral("import-wizard-summary.png"));

    // The workspace holds what the summary says.
    {
        auto workspace = Workspace::open(workspacePath_.toStdString());
        QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events"), 3);
        QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM import_rejects"), 2);
        QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM profiles"), 2);
        QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events WHERE channel = 'app'"), 3);
        // Ana said yes to the newsletter, Ben said no.
        QCOMPARE(
            workspace.db().queryInt("SELECT count(*) FROM consents c JOIN identities i "
                                    "ON i.profile_id = c.profile_id WHERE c.channel = 'email' "
                                    "AND c.status = 'granted' AND i.value = 'ana@example.com'"),
            1);
        QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM consents c JOIN identities i "
                                         "ON i.profile_id = c.profile_id WHERE c.channel = 'email' "
                                         "AND c.status = 'denied' AND i.value = 'ben@example.com'"),
            1);
    }

    // The rejected rows, with line numbers and reasons.
    QDialog *dialog = wizard.runPage()->showRejects();
    QVERIFY(dialog);
    auto *rejects = qobject_cast<ImportRejectsDialog *>(dialog);
    QVERIFY(rejects);
    QTableWidget *table = rejects->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("4"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("5"));
    QVERIFY(table->item(0, 2)->text().startsWith(QStringLiteral("not a date")));
    QVERIFY(table->item(1, 1)->text().contains(QStringLiteral("no identifier")));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    saveScreenshot(*dialog, QStringLiteral("import-wizard-rejects.png"));
    dialog->close();

    // Importing the same file again adds nothing: every row is recognised as a duplicate.
    wizard.back();
    wizard.next();
    QVERIFY(!wizard.lastSummary().has_value());
    QVERIFY(wizard.runPage()->runImport());
    QCOMPARE(wizard.lastSummary()->duplicates, 3);
    QCOMPARE(wizard.lastSummary()->imported, 0);
    auto workspace = Workspace::open(workspacePath_.toStdString());
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events"), 3);
}

void TestImportWizard::knownFormatSkipsTheMapping()
{
    QString path = test::sharedDataFile(QStringLiteral("online-retail/online_retail.csv.gz"));
    const bool full = QFileInfo::exists(path);
    if (!full)
        path = writeFile(QStringLiteral("retail.csv"),
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,"
            "United Kingdom\n"
            "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom\n");
    ImportWizard wizard(workspacePath_);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.setInputPath(path);
    QCOMPARE(
        wizard.filePage()->statusLabel()->text(), QStringLiteral("Recognised: UCI Online Retail"));
    QCOMPARE(wizard.filePage()->formatCombo()->currentData().toString(),
        QStringLiteral("online-retail"));
    QCOMPARE(wizard.filePage()->previewModel()->rowCount(), full ? ImportWizard::kPreviewRows : 2);
    saveScreenshot(wizard, QStringLiteral("import-wizard-online-retail.png"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
    QCOMPARE(wizard.request().preset, std::string("online-retail"));
    QVERIFY(wizard.runPage()->planLabel()->text().contains(QStringLiteral("UCI Online Retail")));

    // Choosing "generic" by hand brings the mapping page back.
    wizard.back();
    wizard.filePage()->formatCombo()->setCurrentIndex(0);
    QVERIFY(wizard.filePage()->statusLabel()->text().contains(QStringLiteral("generic")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));

    if (!full) {
        wizard.back();
        wizard.filePage()->formatCombo()->setCurrentIndex(1);
        wizard.next();
        QVERIFY(wizard.runPage()->runImport());
        QCOMPARE(wizard.lastSummary()->rowsRead, 2);
        QCOMPARE(wizard.lastSummary()->preset, std::string("online-retail"));
    }
}

void TestImportWizard::mappingSavesAndLoads()
{
    ImportWizard wizard(workspacePath_);
    wizard.show();
    wizard.setInputPath(genericPath_);
    wizard.next();
    ImportMappingPage *page = wizard.mappingPage();
    QVERIFY(page->setColumnTarget(QStringLiteral("Notes"), FieldTarget::Property));
    QVERIFY(page->setColumnTarget(QStringLiteral("Mobile"), FieldTarget::Ignore));
    page->timezoneCombo()->setCurrentText(QStringLiteral("America/New_York"));
    page->dateOrderCombo()->setCurrentIndex(1);
    const QString jsonPath = dir_.filePath(QStringLiteral("events.mapping.json"));
    QCOMPARE(page->saveMapping(jsonPath), QString());
    const ImportMapping saved = page->mapping();

    // A new wizard on the same file loads it back.
    ImportWizard other(workspacePath_);
    other.show();
    other.setInputPath(genericPath_);
    other.next();
    ImportMappingPage *otherPage = other.mappingPage();
    QCOMPARE(otherPage->columnTarget(QStringLiteral("Mobile")).first, FieldTarget::Identity);
    QCOMPARE(otherPage->loadMapping(jsonPath), QString());
    QCOMPARE(otherPage->columnTarget(QStringLiteral("Notes")),
        std::make_pair(FieldTarget::Property, std::string()));
    QCOMPARE(otherPage->columnTarget(QStringLiteral("Mobile")).first, FieldTarget::Ignore);
    QCOMPARE(otherPage->timezoneCombo()->currentText(), QStringLiteral("America/New_York"));
    QCOMPARE(otherPage->dateOrderCombo()->currentData().toString(), QStringLiteral("MDY"));
    QCOMPARE(QString::fromStdString(otherPage->mapping().toJson().dump()),
        QString::fromStdString(saved.toJson().dump()));

    // A file that is not a mapping is refused with a reason, and the page keeps its state.
    const QString bad = writeFile(QStringLiteral("bad.json"), "{\"version\": 99, \"columns\": []}");
    const QString error = otherPage->loadMapping(bad);
    QVERIFY2(error.contains(QStringLiteral("version 99")), qPrintable(error));
    QCOMPARE(otherPage->timezoneCombo()->currentText(), QStringLiteral("America/New_York"));
    QVERIFY(!otherPage->loadMapping(writeFile(QStringLiteral("junk.json"), "nope")).isEmpty());
}

void TestImportWizard::cancelLeavesTheWorkspaceUnchanged()
{
    // Large enough that the import is still running when the progress dialog shows.
    QByteArray big = "Date,Event,E-Mail\n";
    for (int i = 0; i < 400'000; ++i)
        big += "2025-03-04 10:15,Product Viewed,shopper" + QByteArray::number(i) + "@example.com\n";
    ImportWizard wizard(workspacePath_);
    wizard.show();
    wizard.setInputPath(writeFile(QStringLiteral("big.csv"), big));
    QTRY_VERIFY(nextEnabled(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
    QTRY_VERIFY(nextEnabled(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));

    // Click the progress dialog's Cancel button as soon as it is on screen.
    bool pressed = false;
    QTimer watcher;
    connect(&watcher, &QTimer::timeout, &wizard, [&wizard, &pressed] {
        auto *dialog = wizard.findChild<QProgressDialog *>();
        auto *cancel = dialog ? dialog->findChild<QPushButton *>() : nullptr;
        if (!pressed && cancel && cancel->isVisible()) {
            pressed = true;
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    watcher.start(20);
    QVERIFY(!wizard.runPage()->runImport());
    QVERIFY(pressed);
    QVERIFY2(wizard.runPage()->resultLabel()->text().contains(QStringLiteral("cancelled")),
        qPrintable(wizard.runPage()->resultLabel()->text()));
    QVERIFY(!wizard.lastSummary());
    QVERIFY(wizard.runPage()->importButton()->isEnabled());

    auto workspace = Workspace::open(workspacePath_.toStdString());
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events"), 0);
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM profiles"), 0);
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM imports"), 0);
}

void TestImportWizard::eventLogsAndCatalogsAreRecognised()
{
    const QString log = writeFile(QStringLiteral("events.jsonl"),
        R"({"type":"page","anonymousId":"a-1","name":"Home","timestamp":"2026-03-01T10:00:00Z","messageId":"m-1"})"
        "\n"
        R"({"type":"identify","userId":"u-1","anonymousId":"a-1","traits":{"email":"lena@example.com"},"timestamp":"2026-03-01T10:05:00Z","messageId":"m-2"})"
        "\n");
    {
        ImportWizard wizard(workspacePath_);
        wizard.show();
        wizard.setInputPath(log);
        QTRY_VERIFY(nextEnabled(wizard));
        QCOMPARE(
            wizard.filePage()->formatCombo()->currentData().toString(), QStringLiteral("segment"));
        QVERIFY(wizard.filePage()->statusLabel()->text().contains(
            QStringLiteral("Segment JSON Lines")));
        QCOMPARE(wizard.filePage()->previewModel()->rowCount(), 2);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
        QVERIFY2(
            wizard.runPage()->runImport(), qPrintable(wizard.runPage()->resultLabel()->text()));
        QCOMPARE(wizard.lastSummary()->imported, 2);
    }
    const QString catalog = writeFile(QStringLiteral("catalog.csv"),
        "sku,name,category,price\nSH-1,Trail Runner,shoes,129.95\nSO-2,Socks,socks,12.00\n");
    ImportWizard wizard(workspacePath_);
    wizard.show();
    wizard.setInputPath(catalog);
    QTRY_VERIFY(nextEnabled(wizard));
    QCOMPARE(wizard.filePage()->formatCombo()->currentData().toString(), QStringLiteral("catalog"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
    QVERIFY(wizard.runPage()->runImport());
    QCOMPARE(wizard.lastSummary()->imported, 2);

    auto workspace = Workspace::open(workspacePath_.toStdString());
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events"), 2);
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM products"), 2);
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM profiles"), 1);
}

QTEST_MAIN(TestImportWizard)
#include "test_import_wizard.moc"
