#include "AppSettings.h"
#include "DisplayFormat.h"
#include "MainWindow.h"
#include "OverviewPage.h"
#include "UiTestSupport.h"

#include "demo/DemoStore.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace clientele;

/** The main window driven offscreen on real workspace files. */
class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void overviewShowsTheStoresNumbers();
    void sidebarShowsOnlyWorkingAreas();
    void badFileKeepsCurrentWorkspace();
    void emptyWorkspaceOffersDemoData();
    void firstStartCreatesTheDemoStore();
    void followsGermanLanguage();

private:
    QString labelText(const MainWindow &window, const char *name) const;
    void saveScreenshot(QWidget &widget, const QString &name) const;

    QTemporaryDir dir_;
    QString demoPath_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    demoPath_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QVERIFY(test::writeUiDemo(demoPath_));
}

void TestMainWindow::init()
{
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
}

void TestMainWindow::cleanup()
{
    settings_.reset();
    qsettings_.reset();
}

QString TestMainWindow::labelText(const MainWindow &window, const char *name) const
{
    auto *label = window.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

void TestMainWindow::saveScreenshot(QWidget &widget, const QString &name) const
{
    QVERIFY(test::saveScreenshot(widget, name));
}

void TestMainWindow::overviewShowsTheStoresNumbers()
{
    MainWindow window(*settings_);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY2(window.openWorkspace(demoPath_, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value(), 20000);

    auto workspace = Workspace::open(demoPath_.toStdString());
    auto &db = workspace.db();
    const QLocale locale;
    const auto shoppers = db.queryInt("SELECT count(*) FROM profiles");
    const auto known = db.queryInt("SELECT count(*) FROM profiles WHERE is_known = 1");
    const auto orders = db.queryInt("SELECT count(*) FROM events WHERE type = 'order_completed'");
    const auto events = db.queryInt("SELECT count(*) FROM events");
    QCOMPARE(labelText(window, "shoppersValue"), locale.toString(shoppers));
    QCOMPARE(labelText(window, "knownValue"), locale.toString(known));
    QCOMPARE(labelText(window, "anonymousValue"), locale.toString(shoppers - known));
    QCOMPARE(labelText(window, "ordersValue"), locale.toString(orders));
    QCOMPARE(labelText(window, "eventsValue"), locale.toString(events));
    auto revenue = db.prepare("SELECT sum(value) FROM events WHERE type = 'order_completed'");
    QVERIFY(revenue.step());
    QCOMPARE(labelText(window, "revenueValue"),
        locale.toCurrencyString(revenue.columnDouble(0), QStringLiteral("€"), 0));

    // Status bar: workspace name and its counts.
    QVERIFY(labelText(window, "workspaceLabel").contains(QStringLiteral("demo.clientele")));
    QCOMPARE(labelText(window, "shoppersLabel"),
        QStringLiteral("Shoppers: %1").arg(locale.toString(shoppers)));
    QCOMPARE(labelText(window, "eventsLabel"),
        QStringLiteral("Events: %1").arg(locale.toString(events)));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("demo.clientele")));

    // Demo data says so, with the way to start with one's own.
    auto *banner = window.findChild<QWidget *>(QStringLiteral("demoBanner"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(labelText(window, "demoBannerText").contains(QStringLiteral("New Workspace")));

    QVERIFY(settings_->recentWorkspaces().contains(QFileInfo(demoPath_).absoluteFilePath()));
    saveScreenshot(window, QStringLiteral("main-window.png"));
}

void TestMainWindow::sidebarShowsOnlyWorkingAreas()
{
    MainWindow window(*settings_);
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->count(), 6);
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Overview"));
    QCOMPARE(sidebar->item(1)->text(), QStringLiteral("Customers"));
    QCOMPARE(sidebar->item(2)->text(), QStringLiteral("Segments"));
    QCOMPARE(sidebar->item(3)->text(), QStringLiteral("Journeys"));
    QCOMPARE(sidebar->item(4)->text(), QStringLiteral("Predictions"));
    QCOMPARE(sidebar->item(5)->text(), QStringLiteral("Export"));

    const auto menus = window.menuBar()->actions();
    QCOMPARE(menus.size(), 2);
    QCOMPARE(menus.at(0)->text(), QStringLiteral("&File"));
    QStringList fileActions;
    for (QAction *action : menus.at(0)->menu()->actions())
        if (!action->isSeparator())
            fileActions << action->text();
    QCOMPARE(fileActions,
        (QStringList { QStringLiteral("&New Workspace…"), QStringLiteral("&Open Workspace…"),
            QStringLiteral("Open &Recent"), QStringLiteral("&Import…"), QStringLiteral("&Quit") }));
    // Importing needs a workspace to import into.
    auto *import = window.findChild<QAction *>(QStringLiteral("importAction"));
    QVERIFY(import && !import->isEnabled());
    QVERIFY(window.openWorkspace(demoPath_));
    QVERIFY(import->isEnabled());
}

void TestMainWindow::badFileKeepsCurrentWorkspace()
{
    MainWindow window(*settings_);
    QVERIFY(window.openWorkspace(demoPath_));
    const QString bad = dir_.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
    }
    QString error;
    QVERIFY(!window.openWorkspace(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("not a Clientele workspace")), qPrintable(error));
    QCOMPARE(window.workspacePath(), demoPath_);
    QVERIFY(!settings_->recentWorkspaces().contains(QFileInfo(bad).absoluteFilePath()));
}

void TestMainWindow::emptyWorkspaceOffersDemoData()
{
    MainWindow window(*settings_);
    window.show();
    const QString path = dir_.filePath(QStringLiteral("mine.clientele"));
    QString error;
    QVERIFY2(window.createWorkspace(path, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value(), 10000);
    auto *fill = window.findChild<QPushButton *>(QStringLiteral("fillWithDemoButton"));
    QVERIFY(fill && fill->isVisible());
    auto *import = window.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(import && import->isVisible());
    QCOMPARE(labelText(window, "shoppersLabel"), QStringLiteral("Shoppers: 0"));
    saveScreenshot(window, QStringLiteral("empty-workspace.png"));

    QTest::mouseClick(fill, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value()
            && window.overviewPage()->overview()->shoppers > 0,
        60000);
    QCOMPARE(window.overviewPage()->overview()->shoppers, DemoOptions {}.shoppers);
    QVERIFY(!fill->isVisible());
}

void TestMainWindow::firstStartCreatesTheDemoStore()
{
    // Test mode points the data folder at a scratch location; start from nothing there.
    const QString demo = AppSettings::defaultWorkspacePath();
    QVERIFY(demo.contains(QStringLiteral("qttest")));
    QFile::remove(demo);
    MainWindow window(*settings_);
    window.show();
    QString error;
    QVERIFY2(window.openStartupWorkspace(QString(), &error), qPrintable(error));
    QCOMPARE(window.workspacePath(), demo);
    QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value(), 20000);
    QCOMPARE(window.overviewPage()->overview()->shoppers, DemoOptions {}.shoppers);
    auto *banner = window.findChild<QWidget *>(QStringLiteral("demoBanner"));
    QVERIFY(banner && banner->isVisible());

    // The next start opens the same workspace again instead of generating a new one.
    MainWindow second(*settings_);
    QVERIFY(second.openStartupWorkspace(QString(), &error));
    QCOMPARE(second.workspacePath(), demo);
    QFile::remove(demo);
}

void TestMainWindow::followsGermanLanguage()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("clientele_de"), QStringLiteral(CLIENTELE_QM_DIR)));
    QCoreApplication::installTranslator(&translator);
    {
        MainWindow window(*settings_);
        const auto menus = window.menuBar()->actions();
        QCOMPARE(menus.at(0)->text(), QStringLiteral("&Datei"));
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        QCOMPARE(sidebar->item(0)->text(), QStringLiteral("Übersicht"));
        window.show();
        QVERIFY(window.openWorkspace(demoPath_));
        QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value(), 20000);
        QVERIFY(labelText(window, "shoppersLabel").startsWith(QStringLiteral("Kunden: ")));
        saveScreenshot(window, QStringLiteral("main-window-de.png"));
    }
    // Texts that ui helpers translate under their own contexts (not a class's tr()).
    QCOMPARE(rfmGroupDisplayName("loyal_customers"), QStringLiteral("Stammkunden"));
    QCOMPARE(consentDisplayName("unsubscribed"), QStringLiteral("Abgemeldet"));
    QCOMPARE(loyaltyTierDisplayName("silver"), QStringLiteral("Silber"));
    QVERIFY(describeStoreError(StoreError(StoreError::Kind::Busy, "locked"), QStringLiteral("x"))
                .contains(QStringLiteral("anderen Programm")));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
