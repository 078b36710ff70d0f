#include "MainWindow.h"

#include "AppSettings.h"
#include "CustomersPage.h"
#include "DatabaseWorker.h"
#include "DisplayFormat.h"
#include "ExportPage.h"
#include "ImportWizard.h"
#include "JobRunner.h"
#include "JourneysPage.h"
#include "OverviewPage.h"
#include "PredictionsPage.h"
#include "SegmentsPage.h"

#include "demo/DemoStore.h"
#include "predict/Predictions.h"
#include "segment/SegmentStore.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>

#include <exception>

namespace clientele {

namespace {

const QString kWorkspaceFilter = QStringLiteral("*.clientele");

} // namespace

MainWindow::MainWindow(AppSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , settings_(settings)
{
    setWindowTitle(tr("Clientele"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/clientele.svg")));
    createCentralArea();
    createActions();

    workspaceLabel_ = new QLabel(tr("No workspace"), this);
    shoppersLabel_ = new QLabel(this);
    eventsLabel_ = new QLabel(this);
    workspaceLabel_->setObjectName(QStringLiteral("workspaceLabel"));
    shoppersLabel_->setObjectName(QStringLiteral("shoppersLabel"));
    eventsLabel_->setObjectName(QStringLiteral("eventsLabel"));
    statusBar()->addWidget(workspaceLabel_, 1);
    statusBar()->addPermanentWidget(shoppersLabel_);
    statusBar()->addPermanentWidget(eventsLabel_);
    resize(1180, 780);
}

MainWindow::~MainWindow() = default;

void MainWindow::openProfile(qint64 profileId)
{
    sidebar_->setCurrentRow(pages_->indexOf(customers_));
    customers_->openProfile(profileId);
}

void MainWindow::recordSegmentSizes()
{
    // Its own writing connection: a count per saved segment must not hold up the list. One
    // worker for the window's life (it reconnects when the path changes), so opening
    // another workspace never waits for the last one's counts.
    if (!sizeRecorder_)
        sizeRecorder_ = std::make_unique<DatabaseWorker>(Database::Mode::ReadWrite);
    sizeRecorder_->setWorkspace(workspacePath());
    sizeRecorder_->post<int>(
        this, [](Database &db) { return SegmentStore::recordDailySizes(db, nowMillis()); },
        [this](int recorded) {
            if (recorded > 0)
                segments_->reload();
        });
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    sidebar_ = new QListWidget(central);
    sidebar_->setObjectName(QStringLiteral("sidebar"));
    sidebar_->setFixedWidth(180);
    sidebar_->setIconSize(QSize(20, 20));
    sidebar_->setFrameShape(QFrame::NoFrame);
    sidebar_->setStyleSheet(QStringLiteral(
        "#sidebar { background: palette(window); border-right: 1px solid palette(mid); }"
        "#sidebar::item { padding: 8px 10px; }"));
    pages_ = new QStackedWidget(central);

    // Only areas that work appear here; each later area adds its own entry.
    overview_ = new OverviewPage(pages_);
    pages_->addWidget(overview_);
    auto *overviewItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_FileDialogInfoView), tr("Overview"), sidebar_);
    overviewItem->setToolTip(tr("Key figures of the workspace"));

    customers_ = new CustomersPage(settings_, pages_);
    pages_->addWidget(customers_);
    auto *customersItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_DirHomeIcon), tr("Customers"), sidebar_);
    customersItem->setToolTip(tr("Every shopper, their profile and timeline"));

    segments_ = new SegmentsPage(pages_);
    pages_->addWidget(segments_);
    auto *segmentsItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_FileDialogListView), tr("Segments"), sidebar_);
    segmentsItem->setToolTip(
        tr("Groups of shoppers described by rules, counted as you build them"));
    connect(segments_, &SegmentsPage::profileRequested, this, &MainWindow::openProfile);
    connect(segments_, &SegmentsPage::exportRequested, this, &MainWindow::exportSegment);

    journeys_ = new JourneysPage(pages_);
    pages_->addWidget(journeys_);
    auto *journeysItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_ArrowRight), tr("Journeys"), sidebar_);
    journeysItem->setToolTip(
        tr("Automated messages as a graph of steps, simulated on the store's history"));
    connect(journeys_, &JourneysPage::exportRequested, this, &MainWindow::exportJourney);

    predictions_ = new PredictionsPage(pages_);
    pages_->addWidget(predictions_);
    auto *predictionsItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Predictions"), sidebar_);
    predictionsItem->setToolTip(
        tr("Who is likely to order again, when, and what they will spend in the next 12 "
           "months"));

    export_ = new ExportPage(pages_);
    pages_->addWidget(export_);
    auto *exportItem = new QListWidgetItem(
        style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Export"), sidebar_);
    exportItem->setToolTip(tr("Campaign files for email tools and ad platforms"));

    connect(sidebar_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    sidebar_->setCurrentRow(0);
    connect(overview_, &OverviewPage::loaded, this, &MainWindow::showWorkspaceFigures);
    connect(overview_, &OverviewPage::fillWithDemoRequested, this, &MainWindow::fillWithDemoData);
    connect(overview_, &OverviewPage::importRequested, this, &MainWindow::importFile);
    connect(customers_, &CustomersPage::importRequested, this, &MainWindow::importFile);
    connect(customers_, &CustomersPage::workspaceChanged, this, [this] {
        // Merges and deletions change the counts: read the figures again, not the list.
        const bool isDemo = workspace_->meta("origin") == "demo";
        overview_->load(
            workspacePath(), isDemo, QString::fromStdString(workspace_->meta("store.name")));
        export_->setWorkspace(workspacePath());
    });

    layout->addWidget(sidebar_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));

    auto *newAction = fileMenu->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("newWorkspaceAction"));

    auto *openAction
        = fileMenu->addAction(tr("&Open Workspace…"), this, &MainWindow::openWorkspaceDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(QStringLiteral("openWorkspaceAction"));

    recentMenu_ = fileMenu->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();

    fileMenu->addSeparator();
    importAction_ = fileMenu->addAction(tr("&Import…"), this, &MainWindow::importFile);
    importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction_->setObjectName(QStringLiteral("importAction"));
    importAction_->setEnabled(false); // until a workspace is open

    fileMenu->addSeparator();
    auto *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *aboutAction = helpMenu->addAction(tr("&About Clientele"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = settings_.recentWorkspaces();
    for (const QString &path : recent) {
        QAction *action = recentMenu_->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openWorkspace(path, &error))
                reportError(tr("Open Workspace"), error);
        });
    }
    if (recent.isEmpty()) {
        recentMenu_->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear List"), this, [this] {
        settings_.clearRecentWorkspaces();
        rebuildRecentMenu();
    });
}

bool MainWindow::openWorkspace(const QString &path, QString *errorMessage)
{
    std::unique_ptr<Workspace> opened;
    try {
        opened = std::make_unique<Workspace>(Workspace::open(path.toStdString()));
    } catch (const StoreError &error) {
        if (errorMessage)
            *errorMessage = describeStoreError(error, path);
        return false;
    }
    workspace_ = std::move(opened);
    importAction_->setEnabled(true);

    const QString absolute = QFileInfo(path).absoluteFilePath();
    settings_.addRecentWorkspace(absolute);
    rebuildRecentMenu();
    setWindowTitle(tr("%1 – Clientele").arg(QFileInfo(path).fileName()));
    workspaceLabel_->setText(tr("Workspace: %1").arg(QDir::toNativeSeparators(absolute)));
    reloadFigures();
    recordSegmentSizes();
    Q_EMIT workspaceOpened(absolute);
    return true;
}

void MainWindow::reloadFigures()
{
    shoppersLabel_->setText(tr("Reading…"));
    eventsLabel_->clear();
    const bool isDemo = workspace_->meta("origin") == "demo";
    const QString storeName = QString::fromStdString(workspace_->meta("store.name"));
    overview_->load(workspacePath(), isDemo, storeName);
    customers_->setWorkspace(workspacePath(), workspace_->meta("currency"));
    segments_->setWorkspace(workspacePath(), workspace_->meta("currency"));
    journeys_->setWorkspace(workspacePath(), workspace_->meta("currency"));
    predictions_->setWorkspace(workspacePath(), workspace_->meta("currency"));
    export_->setWorkspace(workspacePath());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!journeys_->confirmLeave()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::exportSegment(const QString &name)
{
    sidebar_->setCurrentRow(pages_->indexOf(export_));
    export_->chooseSegment(name);
}

void MainWindow::exportJourney(
    const QString &journey, const QString &step, const QString &channel)
{
    sidebar_->setCurrentRow(pages_->indexOf(export_));
    export_->chooseJourney(journey, step, channel);
}

bool MainWindow::openStartupWorkspace(const QString &requestedPath, QString *errorMessage)
{
    if (!requestedPath.isEmpty())
        return openWorkspace(requestedPath, errorMessage);
    const QString last = settings_.lastWorkspace();
    if (!last.isEmpty() && QFileInfo::exists(last) && openWorkspace(last, errorMessage))
        return true;

    const QString demoPath = AppSettings::defaultWorkspacePath();
    if (!QFileInfo::exists(demoPath)) {
        QDir().mkpath(QFileInfo(demoPath).absolutePath());
        DemoOptions options;
        options.end = startOfDay(nowMillis());
        const std::string target = demoPath.toStdString();
        const JobOutcome outcome = runWithProgress(this, tr("Welcome to Clientele"),
            tr("Creating a demo store so that you can explore Clientele…"),
            [target, options](
                ProgressSink &progress) { DemoStore::writeWorkspace(target, options, &progress); });
        if (!outcome.succeeded()) {
            if (errorMessage)
                *errorMessage = outcome.cancelled
                    ? tr("The demo store was not created. Use File › New "
                         "Workspace or File › Open Workspace to start.")
                    : outcome.error;
            return false;
        }
    }
    return openWorkspace(demoPath, errorMessage);
}

bool MainWindow::createWorkspace(const QString &path, QString *errorMessage)
{
    try {
        Workspace::create(path.toStdString());
    } catch (const StoreError &error) {
        if (errorMessage)
            *errorMessage = describeStoreError(error, path);
        return false;
    }
    return openWorkspace(path, errorMessage);
}

QString MainWindow::workspacePath() const
{
    return workspace_ ? QString::fromStdString(workspace_->path()) : QString();
}

void MainWindow::showWorkspaceFigures(const WorkspaceOverview &overview)
{
    const QLocale locale;
    shoppersLabel_->setText(tr("Shoppers: %1").arg(locale.toString(overview.shoppers)));
    eventsLabel_->setText(tr("Events: %1").arg(locale.toString(overview.events)));
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

void MainWindow::newWorkspace()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"),
        QDir(folder).filePath(tr("My Store.clientele")),
        tr("Clientele workspaces (%1)").arg(kWorkspaceFilter));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".clientele")))
        path += QStringLiteral(".clientele");
    if (QFileInfo::exists(path)) {
        // The file dialog already asked whether to replace it; a workspace is never
        // overwritten silently, so ask for a new name instead.
        reportError(tr("New Workspace"),
            tr("%1 already exists. Choose another name, or open it with "
               "File › Open Workspace.")
                .arg(QDir::toNativeSeparators(path)));
        return;
    }
    QString error;
    if (!createWorkspace(path, &error))
        reportError(tr("New Workspace"), error);
}

void MainWindow::openWorkspaceDialog()
{
    const QString start = workspace_
        ? QFileInfo(workspacePath()).absolutePath()
        : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), start,
        tr("Clientele workspaces (%1);;All files (*)").arg(kWorkspaceFilter));
    if (path.isEmpty())
        return;
    QString error;
    if (!openWorkspace(path, &error))
        reportError(tr("Open Workspace"), error);
}

void MainWindow::fillWithDemoData()
{
    if (!workspace_)
        return;
    // The generator writes in one transaction on its own connection: a cancelled run
    // leaves the empty workspace exactly as it was.
    const std::string path = workspace_->path();
    DemoOptions options;
    options.end = startOfDay(nowMillis());
    const JobOutcome outcome = runWithProgress(this, tr("Demo Store"),
        tr("Filling the workspace with the demo store…"), [path, options](ProgressSink &progress) {
            auto workspace = Workspace::open(path);
            DemoStore::generate(workspace, options, &progress);
        });
    if (outcome.failed())
        reportError(tr("Demo Store"), outcome.error);
    else if (outcome.succeeded())
        reloadFigures();
}

void MainWindow::importFile()
{
    if (workspacePath().isEmpty())
        return;
    ImportWizard wizard(workspacePath(), this);
    wizard.exec();
    if (!wizard.lastSummary())
        return;
    refreshPredictions();
    reloadFigures();
}

void MainWindow::refreshPredictions()
{
    // Its own connection on the job's thread; a cancel leaves the previous predictions.
    const std::string path = workspace_->path();
    const JobOutcome outcome = runWithProgress(this, tr("Updating Predictions"),
        tr("Updating the predictions with the imported orders…"), [path](ProgressSink &progress) {
            // Too little data is no error after an import (no refit); the Predictions area
            // says so.
            auto db = Workspace::connect(path);
            predict::Predictions::refreshAfterImport(db, &progress);
        });
    if (outcome.failed())
        reportError(tr("Predictions"),
            tr("The import is complete, but the predictions could not be updated: %1")
                .arg(outcome.error));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Clientele"),
        tr("<h3>Clientele %1</h3>"
           "<p>A customer-data workbench for online stores: one profile per real shopper "
           "across web, app, store, email and support, kept in a local workspace file.</p>"
           "<p>Workspace format %2 · SQLite %3 · Qt %4</p>")
            .arg(QStringLiteral(CLIENTELE_VERSION))
            .arg(Workspace::schemaVersion())
            .arg(QString::fromLatin1(Database::sqliteVersion()))
            .arg(QString::fromLatin1(qVersion())));
}

} // namespace clientele
