#pragma once

#include "overview/WorkspaceOverview.h"
#include "store/Workspace.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace clientele {

class AppSettings;
class CustomersPage;
class DatabaseWorker;
class ExportPage;
class JourneysPage;
class OverviewPage;
class PredictionsPage;
class SegmentsPage;

/**
 * The main window: a sidebar with the product's areas, the page of the chosen area, and a
 * status bar with the open workspace and its counts. Owns the UI thread's connection to
 * the workspace; pages read large data on workers with connections of their own.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AppSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the workspace at path. On failure the current workspace stays open and
    /// errorMessage (if given) says why; the caller decides how to show it.
    bool openWorkspace(const QString &path, QString *errorMessage = nullptr);
    /**
     * What the app does at start: opens requestedPath if given, else the last workspace,
     * else the demo store in the user's data folder, generating it on the first start.
     */
    bool openStartupWorkspace(const QString &requestedPath, QString *errorMessage = nullptr);
    /// Creates an empty workspace at path and opens it.
    bool createWorkspace(const QString &path, QString *errorMessage = nullptr);

    QString workspacePath() const;
    OverviewPage *overviewPage() const { return overview_; }
    CustomersPage *customersPage() const { return customers_; }
    SegmentsPage *segmentsPage() const { return segments_; }
    ExportPage *exportPage() const { return export_; }
    JourneysPage *journeysPage() const { return journeys_; }
    PredictionsPage *predictionsPage() const { return predictions_; }

public Q_SLOTS:
    /// Shows the Export area with the saved segment called name as the audience (the
    /// Segments area's "Export…").
    void exportSegment(const QString &name);
    /// Shows the Export area with a journey's shoppers at step, or its outbox of channel
    /// when step is empty (the Journeys area's "Export…").
    void exportJourney(const QString &journey, const QString &step, const QString &channel);

Q_SIGNALS:
    void workspaceOpened(const QString &path);

protected:
    /// Asks before a journey with unsaved changes is left.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createCentralArea();
    void rebuildRecentMenu();
    void showWorkspaceFigures(const WorkspaceOverview &overview);
    /// Reads the open workspace's figures again (after an import wrote to it).
    void reloadFigures();
    void reportError(const QString &title, const QString &message);
    /// Records today's size of every saved segment, on a worker (once a day per segment).
    void recordSegmentSizes();
    void openProfile(qint64 profileId);

    void newWorkspace();
    void openWorkspaceDialog();
    void fillWithDemoData();
    /// Opens the import wizard for the open workspace, refreshes the predictions when the
    /// import succeeded, and shows the new figures afterwards.
    void importFile();
    /// After an import: refits the predictions in a background job when the orders changed.
    void refreshPredictions();
    void about();

    AppSettings &settings_;
    std::unique_ptr<Workspace> workspace_;

    QListWidget *sidebar_ = nullptr;
    QStackedWidget *pages_ = nullptr;
    OverviewPage *overview_ = nullptr;
    CustomersPage *customers_ = nullptr;
    SegmentsPage *segments_ = nullptr;
    std::unique_ptr<DatabaseWorker> sizeRecorder_;
    ExportPage *export_ = nullptr;
    JourneysPage *journeys_ = nullptr;
    PredictionsPage *predictions_ = nullptr;
    QMenu *recentMenu_ = nullptr;
    QAction *importAction_ = nullptr;
    QLabel *workspaceLabel_ = nullptr;
    QLabel *shoppersLabel_ = nullptr;
    QLabel *eventsLabel_ = nullptr;
};

} // namespace clientele
