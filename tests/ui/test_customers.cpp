#include "AppSettings.h"
#include "CustomerListModel.h"
#include "CustomersPage.h"
#include "DeleteShopperDialog.h"
#include "MainWindow.h"
#include "MergeWithDialog.h"
#include "OverviewPage.h"
#include "ProfilePage.h"
#include "Prompts.h"
#include "UiTestSupport.h"

#include "demo/DemoStore.h"
#include "profile/ProfileSearch.h"
#include "store/Workspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <set>

using namespace clientele;

/** The Customers area driven offscreen on a 3,000-shopper demo workspace. */
class TestCustomers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelFetchesInBlocks();
    void keysetPagesMatchSql_data();
    void keysetPagesMatchSql();
    void sortingByRevenueMatchesSql();
    void searchAsYouType();
    void profileShowsIdentitiesAndTimeline();
    void splitAndUndo();
    void manualMergeAndUndo();
    void exportWritesJson();
    void deleteRemovesShopper();
    void emptyWorkspaceSaysHowToImport();
    void overviewShowsRfmGroups();

private:
    void saveScreenshot(QWidget &widget, const QString &name) const;
    /// A main window on path with the Customers area shown.
    std::unique_ptr<MainWindow> openCustomers(const QString &path);
    /// Lena's profile id in the workspace at path.
    std::int64_t findLena(const QString &path) const;
    QStringList identityKinds(const ProfilePage &page) const;
    std::set<QString> timelineChannels(const ProfilePage &page) const;
    QStringList timelineTexts(const ProfilePage &page) const;
    QPushButton *mergeButton(ProfilePage &page, const QString &prefix, bool split) const;

    QTemporaryDir dir_;
    QString demoPath_;
    QString editPath_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
};

void TestCustomers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    demoPath_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QVERIFY(test::writeUiDemo(demoPath_));
    // Tests that change shoppers work on a copy, so the list tests see the demo as made.
    editPath_ = dir_.filePath(QStringLiteral("edit.clientele"));
    QVERIFY(QFile::copy(demoPath_, editPath_));
}

void TestCustomers::init()
{
    QFile::remove(dir_.filePath(QStringLiteral("settings.ini")));
    qsettings_ = std::make_unique<QSettings>(
        dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings_ = std::make_unique<AppSettings>(*qsettings_);
}

void TestCustomers::cleanup()
{
    settings_.reset();
    qsettings_.reset();
}

void TestCustomers::saveScreenshot(QWidget &widget, const QString &name) const
{
    QVERIFY(test::saveScreenshot(widget, name));
}

std::unique_ptr<MainWindow> TestCustomers::openCustomers(const QString &path)
{
    return test::openArea(*settings_, path, QStringLiteral("Customers"));
}

std::int64_t TestCustomers::findLena(const QString &path) const
{
    auto db = Workspace::connect(path.toStdString(), Database::Mode::ReadOnly);
    ProfileSearch search(db);
    const auto hits = search.find("lena.hoffmann@example.com", 1);
    return hits.empty() ? 0 : hits.front().profileId;
}

QStringList TestCustomers::identityKinds(const ProfilePage &page) const
{
    QStringList kinds;
    if (page.record())
        for (const auto &identity : page.record()->identities)
            kinds << QString::fromStdString(identity.kind + ":" + identity.source);
    return kinds;
}

std::set<QString> TestCustomers::timelineChannels(const ProfilePage &page) const
{
    std::set<QString> channels;
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("timeline"));
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        channels.insert(tree->topLevelItem(i)->data(1, Qt::UserRole).toString());
    return channels;
}

QStringList TestCustomers::timelineTexts(const ProfilePage &page) const
{
    QStringList texts;
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("timeline"));
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts << tree->topLevelItem(i)->text(1) + QStringLiteral(" | ")
                + tree->topLevelItem(i)->text(2);
    return texts;
}

QPushButton *TestCustomers::mergeButton(ProfilePage &page, const QString &prefix, bool) const
{
    const auto buttons = page.findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        if (button->objectName().startsWith(prefix))
            return button;
    return nullptr;
}

void TestCustomers::modelFetchesInBlocks()
{
    CustomerListModel model;
    // No QAbstractItemModelTester here: it calls fetchMore() after every insert, and so
    // reads the whole list (keysetPagesMatchSql runs it over every block).
    model.setWorkspace(demoPath_, "EUR");
    QTRY_COMPARE(model.rowCount(), CustomerListModel::kBlockSize);
    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    const qint64 total = db.queryInt("SELECT count(*) FROM profile_traits");
    QCOMPARE(model.totalCount(), total);
    QVERIFY(total > 2 * CustomerListModel::kBlockSize);

    // Each fetchMore adds one block, never the whole list.
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one block at a time
    QTRY_COMPARE(model.rowCount(), 2 * CustomerListModel::kBlockSize);
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 3 * CustomerListModel::kBlockSize);
    QVERIFY(model.rowCount() < total);
    QCOMPARE(model.data(model.index(0, CustomerListModel::Revenue), Qt::TextAlignmentRole)
                 .value<Qt::Alignment>()
            & Qt::AlignRight,
        Qt::AlignRight);
}

void TestCustomers::keysetPagesMatchSql_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("orderBy");
    // SQLite orders NULL first ascending, last descending: the list does the same.
    QTest::newRow("last-order-desc") << int(CustomerListModel::LastOrder) << true
                                     << QStringLiteral("last_order DESC, profile_id DESC");
    QTest::newRow("last-order-asc")
        << int(CustomerListModel::LastOrder) << false << QStringLiteral("last_order, profile_id");
    QTest::newRow("rfm-desc") << int(CustomerListModel::RfmGroup) << true
                              << QStringLiteral("rfm_group DESC, revenue DESC, profile_id DESC");
    QTest::newRow("orders-asc") << int(CustomerListModel::Orders) << false
                                << QStringLiteral("orders, profile_id");
}

void TestCustomers::keysetPagesMatchSql()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(QString, orderBy);
    // Walking every block gives exactly the rows of one ORDER BY, across the rows with
    // and without a value.
    CustomerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    model.setWorkspace(demoPath_, "EUR");
    QTRY_VERIFY(model.totalCount() > 0);
    const int total = static_cast<int>(model.totalCount());
    while (model.rowCount() < total) {
        const int before = model.rowCount();
        QTRY_VERIFY(model.canFetchMore({}) || model.rowCount() == total);
        if (model.rowCount() == total)
            break;
        model.fetchMore({});
        QTRY_VERIFY(model.rowCount() > before);
    }
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), total);

    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    auto query
        = db.prepare("SELECT profile_id FROM profile_traits ORDER BY " + orderBy.toStdString());
    int row = 0;
    while (query.step()) {
        if (model.profileIdAt(row) != query.columnInt(0))
            QFAIL(qPrintable(QStringLiteral("row %1: %2 instead of %3")
                                 .arg(row)
                                 .arg(model.profileIdAt(row))
                                 .arg(query.columnInt(0))));
        ++row;
    }
    QCOMPARE(row, total);
}

void TestCustomers::sortingByRevenueMatchesSql()
{
    auto window = openCustomers(demoPath_);
    QVERIFY(window);
    CustomersPage *page = window->customersPage();
    CustomerListModel *model = page->model();
    QTRY_COMPARE(model->rowCount(), CustomerListModel::kBlockSize);
    QCOMPARE(model->sortColumn(), int(CustomerListModel::Revenue));

    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    auto top = db.prepare("SELECT revenue FROM profile_traits ORDER BY revenue DESC, "
                          "profile_id DESC LIMIT 20");
    for (int row = 0; top.step(); ++row)
        QCOMPARE(model->rowAt(row)->revenue, top.columnDouble(0));
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->rowAt(row - 1)->revenue >= model->rowAt(row)->revenue);

    // A click on Orders sorts by orders; a click on an unindexed column (Email) does not.
    auto *header = page->table()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(
            header->sectionViewportPosition(CustomerListModel::Orders) + 10, header->height() / 2));
    QTRY_COMPARE(model->sortColumn(), int(CustomerListModel::Orders));
    QCOMPARE(model->sortOrder(), Qt::DescendingOrder); // most orders first
    QTRY_COMPARE(model->rowCount(), CustomerListModel::kBlockSize);
    QCOMPARE(model->rowAt(0)->orders, db.queryInt("SELECT max(orders) FROM profile_traits"));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(
            header->sectionViewportPosition(CustomerListModel::Email) + 10, header->height() / 2));
    QCOMPARE(model->sortColumn(), int(CustomerListModel::Orders));
    QCOMPARE(header->sortIndicatorSection(), int(CustomerListModel::Orders));

    // Columns: the choice is saved in the settings and hides the column.
    QVERIFY(!page->table()->isColumnHidden(CustomerListModel::Email));
    QAction *emailColumn = page->findChild<QAction *>(QStringLiteral("column_email"));
    QVERIFY(emailColumn);
    emailColumn->trigger();
    QVERIFY(page->table()->isColumnHidden(CustomerListModel::Email));
    QVERIFY(!settings_->customerColumns().contains(QStringLiteral("email")));
    page->findChild<QAction *>(QStringLiteral("column_phone"))->trigger();
    QVERIFY(settings_->customerColumns().contains(QStringLiteral("phone")));
    QVERIFY(!page->table()->isColumnHidden(CustomerListModel::Phone));
    auto *count = page->findChild<QLabel *>(QStringLiteral("customerCount"));
    QCOMPARE(count->text(),
        QStringLiteral("%1 shoppers")
            .arg(QLocale().toString(db.queryInt("SELECT count(*) FROM profile_traits"))));

    // Back to revenue for the screenshot.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(CustomerListModel::Revenue) + 10,
            header->height() / 2));
    QTRY_COMPARE(model->sortColumn(), int(CustomerListModel::Revenue));
    QTRY_COMPARE(model->rowCount(), CustomerListModel::kBlockSize);
    saveScreenshot(*window, QStringLiteral("customers-list.png"));
}

void TestCustomers::searchAsYouType()
{
    auto window = openCustomers(demoPath_);
    QVERIFY(window);
    CustomersPage *page = window->customersPage();
    CustomerListModel *model = page->model();
    QTRY_COMPARE(model->rowCount(), CustomerListModel::kBlockSize);

    QTest::keyClicks(page->searchField(), QStringLiteral("hoff"));
    auto showsLena = [model] {
        if (!model->isShowingSearchResults())
            return false;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->rowAt(row)->email == "lena.hoffmann@example.com")
                return true;
        return false;
    };
    QTRY_VERIFY(showsLena());
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY2(
            QString::fromStdString(model->rowAt(row)->name).contains(QStringLiteral("Hoffmann")),
            model->rowAt(row)->name.c_str());
    saveScreenshot(*window, QStringLiteral("customers-search.png"));

    // Nothing found says so.
    page->searchField()->setText(QStringLiteral("zzqx"));
    auto *emptyTitle = page->findChild<QLabel *>(QStringLiteral("customersEmptyTitle"));
    QTRY_VERIFY(emptyTitle->isVisible());
    QVERIFY(emptyTitle->text().contains(QStringLiteral("No shoppers match")));
    saveScreenshot(*window, QStringLiteral("customers-search-empty.png"));

    // Clearing the field brings the whole list back, as it was.
    page->searchField()->clear();
    QVERIFY(!model->isShowingSearchResults());
    QCOMPARE(model->rowCount(), CustomerListModel::kBlockSize);
    QVERIFY(page->table()->isVisible());

    // Enter opens the best hit.
    page->searchField()->setText(QStringLiteral("lena.hoffmann@"));
    QTRY_VERIFY(showsLena());
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QVERIFY(page->isShowingProfile());
    QTRY_VERIFY(page->profilePage()->record().has_value());
    QCOMPARE(page->profilePage()->record()->firstValueOf("email"),
        std::string("lena.hoffmann@example.com"));
}

void TestCustomers::profileShowsIdentitiesAndTimeline()
{
    auto window = openCustomers(demoPath_);
    QVERIFY(window);
    CustomersPage *page = window->customersPage();
    QTRY_COMPARE(page->model()->rowCount(), CustomerListModel::kBlockSize);
    const std::int64_t lena = findLena(demoPath_);
    QVERIFY(lena > 0);

    // Double-click in the list opens a profile; here through the search hit.
    page->searchField()->setText(QStringLiteral("lena.hoffmann@example.com"));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    const QModelIndex index = page->model()->index(0, 0);
    const QPoint centre = page->table()->visualRect(index).center();
    QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(page->table()->viewport(), Qt::LeftButton, {}, centre);
    QVERIFY(page->isShowingProfile());
    ProfilePage *profile = page->profilePage();
    QTRY_VERIFY(profile->record().has_value() && !profile->isLoading());
    QCOMPARE(profile->profileId(), lena);

    // Her identifiers from every channel, with their sources.
    const QStringList kinds = identityKinds(*profile);
    QVERIFY2(kinds.contains(QStringLiteral("email:app")), qPrintable(kinds.join(QLatin1Char(','))));
    QVERIFY(kinds.contains(QStringLiteral("phone:app")));
    QVERIFY(kinds.contains(QStringLiteral("loyalty_card:pos")));
    QVERIFY(kinds.contains(QStringLiteral("anonymous_id:app")));
    QCOMPARE(profile->findChild<QLabel *>(QStringLiteral("profileName"))->text(),
        QStringLiteral("Lena Hoffmann"));
    const QString contact = profile->findChild<QLabel *>(QStringLiteral("profileContact"))->text();
    QVERIFY(contact.contains(QStringLiteral("lena.hoffmann@example.com")));
    QVERIFY(contact.contains(QStringLiteral("Berlin")));
    const auto identityLabels = profile->findChild<QWidget *>(QStringLiteral("identitiesGroup"))
                                    ->findChildren<QLabel *>();
    QStringList identityTexts;
    for (const QLabel *label : identityLabels)
        identityTexts << label->text();
    QVERIFY(identityTexts.join(QLatin1Char(' ')).contains(QStringLiteral("LC-")));
    auto *tabs = profile->findChild<QTabWidget *>(QStringLiteral("profileTabs"));
    saveScreenshot(*window, QStringLiteral("profile.png"));

    // One timeline: socks bought in the Berlin store, shoes viewed in the app.
    tabs->setCurrentIndex(1);
    const QStringList texts = timelineTexts(*profile);
    QCOMPARE(texts.size(), 50);
    auto has = [&texts](const QString &channel, const QString &start, const QString &part) {
        for (const QString &text : texts)
            if (text.startsWith(channel + QStringLiteral(" | ") + start) && text.contains(part))
                return true;
        return false;
    };
    QVERIFY2(has(QStringLiteral("Store"), QStringLiteral("Order"), QStringLiteral("completed")),
        qPrintable(texts.mid(0, 8).join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("App"), QStringLiteral("Viewed"), QStringLiteral("(shoes)")),
        qPrintable(texts.mid(0, 12).join(QLatin1Char('\n'))));
    QVERIFY(profile->timelineEvents().front().ts >= profile->timelineEvents().back().ts);
    const auto &newest = profile->timelineEvents();
    const auto socks = std::find_if(newest.begin(), newest.end(),
        [](const TimelineEvent &e) { return e.type == "order_completed" && e.channel == "pos"; });
    QVERIFY(socks != newest.end());
    QVERIFY(socks->props.find("socks") != std::string::npos);
    saveScreenshot(*window, QStringLiteral("profile-timeline.png"));

    // Show Older adds the next page.
    auto *older = profile->findChild<QPushButton *>(QStringLiteral("showOlderButton"));
    QVERIFY(older->isEnabled());
    older->click();
    QTRY_VERIFY(profile->timelineEvents().size() > 50);
    QVERIFY(timelineTexts(*profile).size() > 50);

    // Hiding the store hides its events.
    QVERIFY(timelineChannels(*profile).contains(QStringLiteral("pos")));
    profile->findChild<QToolButton *>(QStringLiteral("channel_pos"))->click();
    QTRY_VERIFY(!profile->isLoading() && !profile->timelineEvents().empty());
    QVERIFY(!timelineChannels(*profile).contains(QStringLiteral("pos")));
    QVERIFY(timelineChannels(*profile).contains(QStringLiteral("app")));

    tabs->setCurrentIndex(2);
    saveScreenshot(*window, QStringLiteral("profile-merges.png"));

    // Back returns to the list.
    profile->findChild<QPushButton *>(QStringLiteral("backButton"))->click();
    QVERIFY(!page->isShowingProfile());
}

void TestCustomers::splitAndUndo()
{
    auto window = openCustomers(editPath_);
    QVERIFY(window);
    CustomersPage *page = window->customersPage();
    ProfilePage *profile = page->profilePage();
    page->openProfile(findLena(editPath_));
    QTRY_VERIFY(profile->record().has_value() && !profile->isLoading());
    const auto before = profile->record()->identities.size();
    QVERIFY(!profile->record()->merges.empty());

    QPushButton *split = mergeButton(*profile, QStringLiteral("split_"), true);
    QVERIFY(split);
    Prompts::setNextConfirmation(true);
    split->click();
    QTRY_VERIFY(!profile->isLoading() && profile->record()->identities.size() < before);
    QVERIFY(profile->lastMessage().contains(QStringLiteral("split out")));
    // The split profile has traits again (refreshed in the same job).
    auto db = Workspace::connect(editPath_.toStdString(), Database::Mode::ReadOnly);
    const auto &splitRow = profile->record()->merges.back();
    QCOMPARE(splitRow.action, std::string("split"));
    QVERIFY(ProfileTraits::load(db, splitRow.mergedProfileId).has_value());

    QPushButton *undo = mergeButton(*profile, QStringLiteral("undo_%1").arg(splitRow.id), false);
    QVERIFY(undo);
    Prompts::setNextConfirmation(true);
    undo->click();
    QTRY_VERIFY(!profile->isLoading() && profile->record()->identities.size() == before);
    QVERIFY(!ProfileTraits::load(db, splitRow.mergedProfileId).has_value());
}

void TestCustomers::manualMergeAndUndo()
{
    auto window = openCustomers(editPath_);
    QVERIFY(window);
    ProfilePage *profile = window->customersPage()->profilePage();
    auto db = Workspace::connect(editPath_.toStdString(), Database::Mode::ReadOnly);
    ProfileSearch search(db);
    const auto annas = search.find("anna.", 2);
    QCOMPARE(annas.size(), std::size_t(2));
    const std::int64_t first = std::min(annas[0].profileId, annas[1].profileId);
    const std::int64_t second = std::max(annas[0].profileId, annas[1].profileId);

    window->customersPage()->openProfile(first);
    QTRY_VERIFY(profile->record().has_value() && !profile->isLoading());
    const auto own = profile->record()->identities.size();
    const auto ordersBefore = profile->traits()->orders;
    const auto otherOrders = ProfileTraits::load(db, second)->orders;

    // Cancelling the confirmation changes nothing.
    MergeWithDialog::setNextChoice(std::make_pair(second, QStringLiteral("Anna")));
    Prompts::setNextConfirmation(false);
    profile->findChild<QPushButton *>(QStringLiteral("mergeWithButton"))->click();
    QVERIFY(!profile->isLoading());

    MergeWithDialog::setNextChoice(std::make_pair(second, QStringLiteral("Anna")));
    Prompts::setNextConfirmation(true);
    profile->findChild<QPushButton *>(QStringLiteral("mergeWithButton"))->click();
    QTRY_VERIFY(!profile->isLoading() && profile->record()->identities.size() > own);
    QCOMPARE(profile->profileId(), first);
    QCOMPARE(profile->traits()->orders, ordersBefore + otherOrders);
    const auto manual = profile->record()->merges.back();
    QCOMPARE(manual.reason, std::string("manual"));

    QPushButton *undo = mergeButton(*profile, QStringLiteral("undo_%1").arg(manual.id), false);
    QVERIFY(undo);
    Prompts::setNextConfirmation(true);
    undo->click();
    QTRY_VERIFY(!profile->isLoading() && profile->record()->identities.size() == own);
    QCOMPARE(profile->traits()->orders, ordersBefore);
}

void TestCustomers::exportWritesJson()
{
    auto window = openCustomers(editPath_);
    QVERIFY(window);
    ProfilePage *profile = window->customersPage()->profilePage();
    window->customersPage()->openProfile(findLena(editPath_));
    QTRY_VERIFY(profile->record().has_value() && !profile->isLoading());
    const QString target = dir_.filePath(QStringLiteral("lena.json"));
    Prompts::setNextSaveFileName(target);
    profile->findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
    QTRY_VERIFY(QFile::exists(target) && !profile->isLoading());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("lena.hoffmann@example.com"));
    QVERIFY(profile->lastMessage().contains(QStringLiteral("lena.json")));
}

void TestCustomers::deleteRemovesShopper()
{
    // The confirmation: Delete works only with DELETE (or the email) and a reason.
    {
        DeleteShopperDialog dialog(
            QStringLiteral("Lena Hoffmann"), QStringLiteral("lena.hoffmann@example.com"));
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("deleteButton"));
        auto *confirmation = dialog.findChild<QLineEdit *>(QStringLiteral("deleteConfirmation"));
        auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("deleteReason"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(confirmation, QStringLiteral("Lena.Hoffmann@example.com"));
        QVERIFY(!button->isEnabled());
        QTest::keyClicks(reason, QStringLiteral("Ticket 4711"));
        QVERIFY(button->isEnabled());
        confirmation->setText(QStringLiteral("delete me"));
        QVERIFY(!button->isEnabled());
        confirmation->setText(QStringLiteral("DELETE"));
        QVERIFY(button->isEnabled());
        saveScreenshot(dialog, QStringLiteral("delete-confirmation.png"));
    }

    auto window = openCustomers(editPath_);
    QVERIFY(window);
    CustomersPage *page = window->customersPage();
    ProfilePage *profile = page->profilePage();
    const std::int64_t lena = findLena(editPath_);
    page->openProfile(lena);
    QTRY_VERIFY(profile->record().has_value() && !profile->isLoading());

    DeleteShopperDialog::setNextAnswer(std::nullopt); // cancelled: nothing happens
    profile->findChild<QPushButton *>(QStringLiteral("deleteShopperButton"))->click();
    QVERIFY(page->isShowingProfile());
    QCOMPARE(findLena(editPath_), lena);

    DeleteShopperDialog::setNextAnswer(QStringLiteral("Ticket 4711"));
    profile->findChild<QPushButton *>(QStringLiteral("deleteShopperButton"))->click();
    QTRY_VERIFY(!page->isShowingProfile());
    QCOMPARE(findLena(editPath_), std::int64_t(0));
    // The list no longer shows her.
    QTRY_VERIFY(page->model()->rowCount() > 0 && !page->model()->isLoading());
    page->searchField()->setText(QStringLiteral("lena.hoffmann@example.com"));
    auto *emptyTitle = page->findChild<QLabel *>(QStringLiteral("customersEmptyTitle"));
    QTRY_VERIFY(emptyTitle->isVisible());
}

void TestCustomers::emptyWorkspaceSaysHowToImport()
{
    const QString empty = dir_.filePath(QStringLiteral("empty.clientele"));
    auto window = std::make_unique<MainWindow>(*settings_);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QString error;
    QVERIFY2(window->createWorkspace(empty, &error), qPrintable(error));
    window->findChild<QListWidget *>(QStringLiteral("sidebar"))->setCurrentRow(1);
    CustomersPage *page = window->customersPage();
    auto *title = page->findChild<QLabel *>(QStringLiteral("customersEmptyTitle"));
    QTRY_VERIFY(title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("No shoppers yet"));
    auto *import = page->findChild<QPushButton *>(QStringLiteral("customersImportButton"));
    QVERIFY(import->isVisible());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("customersEmptyText"))
                ->text()
                .contains(QStringLiteral("Import")));
    saveScreenshot(*window, QStringLiteral("customers-empty.png"));
}

void TestCustomers::overviewShowsRfmGroups()
{
    MainWindow window(*settings_);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY2(window.openWorkspace(demoPath_, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->overview().has_value(), 20000);
    const auto &groups = window.overviewPage()->rfmGroups();
    QCOMPARE(groups.size(), std::size_t(10));
    auto db = Workspace::connect(demoPath_.toStdString(), Database::Mode::ReadOnly);
    std::int64_t buyers = 0;
    for (const auto &group : groups)
        buyers += group.profiles;
    QCOMPARE(
        buyers, db.queryInt("SELECT count(*) FROM profile_traits WHERE rfm_group IS NOT NULL"));
    QVERIFY(buyers > 0);
    auto *chart = window.findChild<QWidget *>(QStringLiteral("rfmChart"));
    QVERIFY(chart && chart->isVisible());
    // Taller than the default window, whose Overview scrolls to the RFM chart.
    window.resize(1180, 1000);
    QTest::qWait(50);
    saveScreenshot(window, QStringLiteral("overview-rfm.png"));
}

QTEST_MAIN(TestCustomers)
#include "test_customers.moc"
