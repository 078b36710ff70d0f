#include "AppSettings.h"
#include "ExportPage.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "Prompts.h"
#include "UiTestSupport.h"

#include "demo/DemoStore.h"
#include "export/AudienceRequest.h"
#include "export/ExportJob.h"
#include "ingest/CsvReader.h"
#include "ingest/ImportJob.h"
#include "ingest/InputFile.h"
#include "journey/JourneyOutbox.h"
#include "journey/JourneyStore.h"
#include "journey/JourneyTemplates.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace clientele;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// A CSV file read back with the project's RFC 4180 reader (header first).
Rows readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    StringSource source(file.readAll().toStdString());
    CsvOptions options;
    options.hasHeader = false;
    CsvReader reader(source, options);
    Rows rows;
    CsvRecord record;
    while (reader.next(record))
        rows.push_back(record.fields);
    return rows;
}

} // namespace

/** The Export area driven offscreen on a 3,000-shopper demo workspace. */
class TestExportPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void genericEmailCountsMatchExportAndSql();
    void customerMatchPreviewIsHashed();
    void savedSegmentAudience();
    void appExportRecordsTheSegmentRule();
    void invalidCodePatternDisablesExport();
    void exportWritesFileAndManifest();
    void cancelledExportWritesNothing();
    void idFileWhereEveryoneIsSuppressed();
    void emptyWorkspaceSaysHowToGetData();
    void journeyOutboxAndStepAudiences();

private:
    void saveScreenshot(QWidget &widget, const QString &name) const;
    /// A main window on path with the Export area shown and its first preview in.
    std::unique_ptr<MainWindow> openExport(const QString &path);
    /// Waits for the preview of the page's current choices.
    static bool waitForPreview(ExportPage &page);
    static void chooseFormat(ExportPage &page, const QString &name);

    QTemporaryDir dir_;
    QString demoPath_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    SegmentDefinition bigSpenders_;
};

void TestExportPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Prompts::setCaptureOpenedUrls(true);
    QVERIFY(dir_.isValid());
    demoPath_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QVERIFY(test::writeUiDemo(demoPath_));

    auto workspace = Workspace::open(demoPath_.toStdString());
    SegmentStore store(workspace.db());
    bigSpenders_ = SegmentDefinition::fromJson(nlohmann::json { { "version", 1 },
        { "rule",
            { { "type", "trait" }, { "field", "revenue" }, { "op", ">" }, { "value", 200 } } } });
    store.save("Big spenders", bigSpenders_, "revenue over 200", nowMillis());
}

void TestExportPage::init()
{
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
}

void TestExportPage::cleanup()
{
    settings_.reset();
    qsettings_.reset();
}

void TestExportPage::saveScreenshot(QWidget &widget, const QString &name) const
{
    QCoreApplication::processEvents(); // let labels that just changed lay out again
    QVERIFY(test::saveScreenshot(widget, name));
}

bool TestExportPage::waitForPreview(ExportPage &page)
{
    // Counts arrive on a worker after a short pause for typing.
    return QTest::qWaitFor([&page] { return !page.isPreviewPending(); }, 10000);
}

std::unique_ptr<MainWindow> TestExportPage::openExport(const QString &path)
{
    auto window = test::openArea(*settings_, path, QStringLiteral("Export"));
    if (!window)
        return nullptr;
    if (!window->exportPage()->isVisible() || !waitForPreview(*window->exportPage()))
        return nullptr;
    return window;
}

void TestExportPage::chooseFormat(ExportPage &page, const QString &name)
{
    auto *combo = page.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    combo->setCurrentIndex(combo->findData(name));
}

void TestExportPage::genericEmailCountsMatchExportAndSql()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    QCOMPARE(page.audienceChoice().kind, AudienceRequest::Kind::All);
    const ExportRequest request = page.currentRequest();
    QCOMPARE(request.format, ExportFormat::Generic);
    QCOMPARE(request.channel, std::optional(ExportChannel::Email));
    QCOMPARE(request.columns, ExportJob::defaultColumns(ExportChannel::Email));
    const ExportPreview *preview = page.preview();
    QVERIFY(preview);
    QCOMPARE(preview->audience, std::int64_t(3000));
    QVERIFY(preview->exported > 0);
    QVERIFY(preview->suppressedTotal() > 0);
    QCOMPARE(preview->exported + preview->suppressedTotal(), preview->audience);

    // The same request through core writes exactly what the page counted.
    auto db = Workspace::connect(demoPath_.toStdString());
    ExportRequest same = request;
    same.outputPath = dir_.filePath(QStringLiteral("core-generic.csv")).toStdString();
    const ExportSummary summary = ExportJob::run(db, same);
    QCOMPARE(preview->exported, summary.exported);
    QCOMPARE(preview->suppressed, summary.suppressed);

    // And what SQL over consents says.
    const std::string hasEmail = "coalesce(t.email, '') <> ''";
    auto withEmailAnd = [&](const std::string &status) {
        return db.queryInt("SELECT count(*) FROM profiles p JOIN profile_traits t ON "
                           "t.profile_id = p.id JOIN consents c ON c.profile_id = p.id AND "
                           "c.channel = 'email' WHERE "
            + hasEmail + " AND c.status = '" + status + "'");
    };
    QCOMPARE(preview->exported, withEmailAnd("granted"));
    QCOMPARE(
        preview->suppressedFor(SuppressionReason::kUnsubscribed), withEmailAnd("unsubscribed"));
    QCOMPARE(preview->suppressedFor(SuppressionReason::kDenied), withEmailAnd("denied"));
    QCOMPARE(preview->suppressedFor(SuppressionReason::kNoEmail),
        db.queryInt("SELECT count(*) FROM profiles p LEFT JOIN profile_traits t ON "
                    "t.profile_id = p.id WHERE NOT ("
            + hasEmail + ")"));

    // The page says it in words and shows ten rows under the file's header.
    const QString counts = page.findChild<QLabel *>(QStringLiteral("exportCounts"))->text();
    QVERIFY2(counts.contains(QLocale().toString(preview->exported)), qPrintable(counts));
    QVERIFY(counts.contains(QStringLiteral("never gave consent"))
        || counts.contains(QStringLiteral("unsubscribed")));
    auto *table = page.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("Email"));
    const Rows file = readCsv(QString::fromStdString(summary.path));
    for (int row = 0; row < 10; ++row)
        QCOMPARE(
            table->item(row, 0)->text().toStdString(), file[static_cast<std::size_t>(row) + 1][0]);
    QVERIFY(page.exportButton()->isEnabled());
    saveScreenshot(*window, QStringLiteral("export-page-generic.png"));

    // SMS needs a phone and SMS consent: fewer shoppers, phone first.
    auto *channel = page.findChild<QComboBox *>(QStringLiteral("channelCombo"));
    channel->setCurrentIndex(channel->findData(QStringLiteral("sms")));
    QVERIFY(waitForPreview(page));
    QCOMPARE(page.preview()->headers.front(), std::string("Phone"));
    QVERIFY(page.preview()->suppressedFor(SuppressionReason::kNoPhone) > 0);
}

void TestExportPage::customerMatchPreviewIsHashed()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    chooseFormat(page, QStringLiteral("customer-match"));
    QVERIFY(waitForPreview(page));
    const ExportPreview *preview = page.preview();
    QVERIFY(preview);
    QCOMPARE(preview->headers,
        (std::vector<std::string> {
            "Email", "Phone", "First Name", "Last Name", "Country", "Zip" }));
    QCOMPARE(preview->rows.size(), std::size_t(10));
    const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    auto *table = page.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(table->rowCount(), 10);
    for (int row = 0; row < 10; ++row) {
        QVERIFY(hex.match(table->item(row, 0)->text()).hasMatch()); // everyone has an e-mail
        for (const int column : { 1, 2, 3 }) {
            const QString cell = table->item(row, column)->text();
            QVERIFY2(cell.isEmpty() || hex.match(cell).hasMatch(), qPrintable(cell));
        }
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z]{2}$"))
                    .match(table->item(row, 4)->text())
                    .hasMatch());
    }
    // Fixed columns, no campaign fields, and the explanation says it hashes.
    QVERIFY(!page.findChild<QListWidget *>(QStringLiteral("columnList"))->isVisible());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("fixedColumns"))
                ->text()
                .contains(QStringLiteral("First Name")));
    QVERIFY(!page.findChild<QLineEdit *>(QStringLiteral("codePattern"))->isEnabled());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("formatHelp"))
                ->text()
                .contains(QStringLiteral("hashed")));
    saveScreenshot(*window, QStringLiteral("export-page-customer-match.png"));
}

void TestExportPage::savedSegmentAudience()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    window->exportSegment(QStringLiteral("Big spenders"));
    QTRY_COMPARE(page.audienceChoice().kind, AudienceRequest::Kind::Segment);
    QCOMPARE(page.audienceChoice().segment, std::string("Big spenders"));
    QVERIFY(waitForPreview(page));
    QVERIFY(page.preview());

    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    SegmentStore store(db);
    SegmentEvaluator evaluator(db, &store);
    const std::int64_t members = evaluator.count(bigSpenders_);
    QVERIFY(members > 0 && members < 3000);
    QCOMPARE(page.preview()->audience, members);
    QCOMPARE(page.preview()->exported + page.preview()->suppressedTotal(), members);
}

void TestExportPage::appExportRecordsTheSegmentRule()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    window->exportSegment(QStringLiteral("Big spenders"));
    QTRY_COMPARE(page.audienceChoice().kind, AudienceRequest::Kind::Segment);
    QVERIFY(waitForPreview(page));
    QTRY_VERIFY(page.exportButton()->isEnabled());

    const QString path = dir_.filePath(QStringLiteral("big-spenders.csv"));
    Prompts::setNextSaveFileName(path);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.front().front().toBool(), true);
    QVERIFY(page.lastSummary());

    // The export record holds the segment's name and rule, as the command line's
    // `export --segment "Big spenders"` records it, so the campaign can be reproduced.
    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    auto record = db.prepare("SELECT audience FROM exports WHERE id = ?1");
    record.bind(1, page.lastSummary()->exportId);
    QVERIFY(record.step());
    const auto recorded = nlohmann::json::parse(record.columnText(0));
    QCOMPARE(recorded.at("definition").dump(), bigSpenders_.toJson().dump());
    QCOMPARE(recorded.at("name").dump(), nlohmann::json("Big spenders").dump());
    QCOMPARE(recorded.dump(),
        AudienceRequest::ofSegment("Big spenders").resolve(db).definition().dump());
    QCOMPARE(SegmentDefinition::fromJson(recorded.at("definition")).toJson().dump(),
        bigSpenders_.toJson().dump());
}

void TestExportPage::invalidCodePatternDisablesExport()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    QVERIFY(page.exportButton()->isEnabled());
    auto *pattern = page.findChild<QLineEdit *>(QStringLiteral("codePattern"));
    auto *message = page.findChild<QLabel *>(QStringLiteral("codeMessage"));
    QTest::keyClicks(pattern, QStringLiteral("SAVE-XX"));
    QVERIFY(!page.exportButton()->isEnabled());
    QVERIFY2(message->text().contains(QStringLiteral("X")), qPrintable(message->text()));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("exportProblem"))
                ->text()
                .contains(QStringLiteral("discount-code pattern")));
    QVERIFY(waitForPreview(page));
    QVERIFY(!page.exportButton()->isEnabled());

    pattern->clear();
    QTest::keyClicks(pattern, QStringLiteral("SAVE10-XXXXXX"));
    QVERIFY(message->text().contains(QStringLiteral("possible codes")));
    QVERIFY(waitForPreview(page));
    QVERIFY(page.preview());
    QTRY_VERIFY(page.exportButton()->isEnabled());
    QCOMPARE(page.preview()->headers.back(), std::string("Discount code"));
    QCOMPARE(page.preview()->rows.front().back(), std::string("SAVE10-XXXXXX"));
}

void TestExportPage::exportWritesFileAndManifest()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    // A spreadsheet-friendly file with a code per shopper and an extra column.
    page.findChild<QCheckBox *>(QStringLiteral("semicolonCheck"))->setChecked(true);
    auto *columns = page.findChild<QListWidget *>(QStringLiteral("columnList"));
    const auto revenue = columns->findItems(QStringLiteral("Revenue"), Qt::MatchExactly);
    QCOMPARE(revenue.size(), 1);
    revenue.front()->setCheckState(Qt::Checked);
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("codePattern")),
        QStringLiteral("SAVE10-XXXXXX"));
    QVERIFY(waitForPreview(page));
    QVERIFY(page.preview());
    const ExportPreview preview = *page.preview();
    QCOMPARE(preview.headers.back(), std::string("Discount code"));

    const QString path = dir_.filePath(QStringLiteral("campaign.csv"));
    Prompts::setNextSaveFileName(path);
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.front().front().toBool(), true);
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".manifest.json")));
    const ExportSummary &summary = *page.lastSummary();
    QCOMPARE(summary.exported, preview.exported);
    QCOMPARE(summary.suppressed, preview.suppressed);
    QCOMPARE(summary.codes, preview.exported);

    // The preview showed the file's first rows; only the codes are new.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    StringSource source(file.readAll().toStdString());
    CsvOptions options;
    options.hasHeader = false;
    options.delimiter = ';';
    CsvReader reader(source, options);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields, preview.headers);
    const QRegularExpression code(QStringLiteral("^SAVE10-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$"));
    for (const auto &expected : preview.rows) {
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields.size(), expected.size());
        for (std::size_t i = 0; i + 1 < expected.size(); ++i)
            QCOMPARE(record.fields[i], expected[i]);
        QVERIFY(code.match(QString::fromStdString(record.fields.back())).hasMatch());
    }

    // The summary says what happened and opens the folder.
    auto *text = page.findChild<QLabel *>(QStringLiteral("exportSummaryText"));
    QVERIFY(text->isVisible());
    QVERIFY(text->text().contains(QStringLiteral("campaign.csv.manifest.json")));
    QVERIFY(text->text().contains(QStringLiteral("Discount codes issued")));
    QVERIFY(page.exportButton()->isEnabled());
    saveScreenshot(*window, QStringLiteral("export-summary.png"));
    QTest::mouseClick(
        page.findChild<QPushButton *>(QStringLiteral("openFolderButton")), Qt::LeftButton);
    QCOMPARE(Prompts::lastOpenedUrl(), QUrl::fromLocalFile(dir_.path()));

    // Cancelling the save dialog does nothing.
    Prompts::setNextSaveFileName(QString());
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
}

void TestExportPage::cancelledExportWritesNothing()
{
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("codePattern")),
        QStringLiteral("CANCEL-XXXXXX"));
    QVERIFY(waitForPreview(page));
    QTRY_VERIFY(page.exportButton()->isEnabled());
    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    const std::int64_t exportsBefore = db.queryInt("SELECT count(*) FROM exports");
    const std::int64_t codesBefore = db.queryInt("SELECT count(*) FROM discount_codes");

    const QString path = dir_.filePath(QStringLiteral("cancelled.csv"));
    Prompts::setNextSaveFileName(path);
    cancelNextJobForTests();
    QSignalSpy finished(&page, &ExportPage::exportFinished);
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.front().front().toBool(), false);
    QVERIFY(QDir(dir_.path()).entryList({ QStringLiteral("cancelled*") }).isEmpty());
    QCOMPARE(db.queryInt("SELECT count(*) FROM exports"), exportsBefore);
    QCOMPARE(db.queryInt("SELECT count(*) FROM discount_codes"), codesBefore);
    QVERIFY(!page.lastSummary());
    auto *text = page.findChild<QLabel *>(QStringLiteral("exportSummaryText"));
    QVERIFY(text->text().contains(QStringLiteral("Nothing was written")));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("openFolderButton"))->isVisible());

    // A failure (the file exists already) says so too.
    Prompts::setNextSaveFileName(dir_.filePath(QStringLiteral("demo.clientele")));
    QTest::mouseClick(page.exportButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.back().front().toBool(), false);
    QVERIFY(text->text().contains(QStringLiteral("already exists")));
    QVERIFY(text->text().contains(QStringLiteral("Nothing was written")));
}

void TestExportPage::idFileWhereEveryoneIsSuppressed()
{
    // Shoppers who never gave email consent, and an id that is no shopper.
    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    auto statement = db.prepare("SELECT p.id FROM profiles p LEFT JOIN consents c ON "
                                "c.profile_id = p.id AND c.channel = 'email' WHERE c.status "
                                "IS NULL ORDER BY p.id LIMIT 5");
    const QString idFile = dir_.filePath(QStringLiteral("ids.txt"));
    {
        std::ofstream out(idFile.toStdString());
        out << "# no consent\n";
        while (statement.step())
            out << statement.columnInt(0) << "\n";
        out << "99999999\n";
    }
    auto window = openExport(demoPath_);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    Prompts::setNextOpenFileName(idFile);
    QTest::mouseClick(
        page.findChild<QPushButton *>(QStringLiteral("idFileButton")), Qt::LeftButton);
    QCOMPARE(page.audienceChoice().kind, AudienceRequest::Kind::ProfileFile);
    QVERIFY(waitForPreview(page));
    QVERIFY(page.preview());
    QCOMPARE(page.preview()->audience, std::int64_t(6));
    QCOMPARE(page.preview()->exported, std::int64_t(0));
    QCOMPARE(page.preview()->suppressedFor(SuppressionReason::kNotFound), std::int64_t(1));
    QVERIFY(!page.exportButton()->isEnabled());
    auto *notice = page.findChild<QLabel *>(QStringLiteral("exportNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Nobody in this audience")),
        qPrintable(notice->text()));
    QVERIFY(notice->text().contains(QStringLiteral("unknown id")));
    saveScreenshot(*window, QStringLiteral("export-page-nobody.png"));
}

void TestExportPage::emptyWorkspaceSaysHowToGetData()
{
    const QString path = dir_.filePath(QStringLiteral("empty.clientele"));
    Workspace::create(path.toStdString());
    auto window = openExport(path);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    QCOMPARE(page.workspaceShoppers(), std::int64_t(0));
    QVERIFY(!page.exportButton()->isEnabled());
    auto *notice = page.findChild<QLabel *>(QStringLiteral("exportNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("Import")));
    QVERIFY(!page.findChild<QRadioButton *>(QStringLiteral("audienceSegment"))->isEnabled());
    saveScreenshot(*window, QStringLiteral("export-page-empty.png"));
}

void TestExportPage::journeyOutboxAndStepAudiences()
{
    // A copy of the demo with the cart-recovery journey running and one import after it.
    const QString path = dir_.filePath(QStringLiteral("journey.clientele"));
    QFile::remove(path);
    QVERIFY(QFile::copy(demoPath_, path));
    const QString name = QStringLiteral("Cart recovery");
    {
        auto workspace = Workspace::open(path.toStdString());
        JourneyStore store(workspace.db());
        store.save(JourneyTemplates::cartRecovery(), nowMillis());
        store.setActive(name.toStdString(), true, nowMillis());
        const QString carts = dir_.filePath(QStringLiteral("carts.csv"));
        QFile file(carts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Time,Event,Email,First,Newsletter\n"
                   "2026-11-25 09:00:00,Product Added,mia.ui@example.com,Mia,yes\n"
                   "2026-11-25 09:00:00,Product Added,noah.ui@example.com,Noah,yes\n"
                   "2026-11-25 09:00:00,Product Added,ole.ui@example.com,Ole,yes\n"
                   "2026-11-25 12:00:00,Page Viewed,pia.ui@example.com,Pia,\n");
        file.close();
        ImportRequest request;
        request.inputPath = carts.toStdString();
        request.mapping.columns = { { "Time", FieldTarget::Timestamp, {} },
            { "Event", FieldTarget::EventType, {} }, { "Email", FieldTarget::Identity, "email" },
            { "First", FieldTarget::FirstName, {} },
            { "Newsletter", FieldTarget::Consent, "email" } };
        request.mapping.timezone = "UTC";
        QCOMPARE(ImportJob::run(workspace, request).journeyEntries, 3);
    }
    std::int64_t pending = 0;
    {
        auto db = Workspace::connect(path.toStdString());
        OutboxFilter filter;
        filter.journey = name.toStdString();
        filter.channel = "email";
        filter.pendingOnly = true;
        pending = JourneyOutbox::count(db, filter);
    }
    QVERIFY(pending >= 1);

    auto window = openExport(path);
    QVERIFY(window);
    ExportPage &page = *window->exportPage();
    window->exportJourney(name, QString(), QStringLiteral("email"));
    QVERIFY(QTest::qWaitFor(
        [&] { return page.audienceChoice().kind == AudienceRequest::Kind::JourneyOutbox; }, 5000));
    QVERIFY(waitForPreview(page));
    QCOMPARE(page.audienceChoice().journey, name.toStdString());
    QCOMPARE(page.audienceChoice().channel, std::string("email"));
    const ExportPreview *preview = page.preview();
    QVERIFY(preview);
    QCOMPARE(preview->audience, pending);
    QCOMPARE(preview->exported, pending); // all three said yes to e-mail
    QCOMPARE(page.currentRequest().columns, ExportJob::defaultColumns(ExportChannel::Email, true));
    const auto subject = std::find(preview->headers.begin(), preview->headers.end(), "Subject");
    QVERIFY(subject != preview->headers.end());
    const std::size_t subjectColumn = static_cast<std::size_t>(subject - preview->headers.begin());
    QVERIFY2(QString::fromStdString(preview->rows.front()[subjectColumn])
                 .endsWith(QStringLiteral(", your cart is waiting")),
        preview->rows.front()[subjectColumn].c_str());
    saveScreenshot(*window, QStringLiteral("export-page-journey-outbox.png"));

    // The shoppers now waiting for an order after the cart e-mail.
    window->exportJourney(name, QStringLiteral("wait_order"), QString());
    QVERIFY(QTest::qWaitFor(
        [&] { return page.audienceChoice().kind == AudienceRequest::Kind::JourneyStep; }, 5000));
    QVERIFY(waitForPreview(page));
    QCOMPARE(page.audienceChoice().step, std::string("wait_order"));
    QCOMPARE(page.preview()->audience, std::int64_t(3));
    // Message columns belong to an outbox only.
    auto *columns = page.findChild<QListWidget *>(QStringLiteral("columnList"));
    for (int row = 0; row < columns->count(); ++row)
        if (columns->item(row)
                ->data(Qt::UserRole)
                .toString()
                .startsWith(QStringLiteral("message_")))
            QVERIFY(columns->item(row)->isHidden());

    // A push outbox picks the push channel of the generic format.
    window->exportJourney(name, QString(), QStringLiteral("push"));
    QVERIFY(QTest::qWaitFor([&] { return page.audienceChoice().channel == "push"; }, 5000));
    QVERIFY(waitForPreview(page));
    QCOMPARE(page.currentRequest().channel, std::optional(ExportChannel::Push));
    const auto &headers = page.preview()->headers;
    QVERIFY(std::find(headers.begin(), headers.end(), "Address") != headers.end());
    QVERIFY(std::find(headers.begin(), headers.end(), "Email") == headers.end());
}

QTEST_MAIN(TestExportPage)
#include "test_export_page.moc"
