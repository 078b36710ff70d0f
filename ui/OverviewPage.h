#pragma once

#include "overview/WorkspaceOverview.h"
#include "profile/Rfm.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QChartView;
class QFrame;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace clientele {

/// What a background read of the Overview delivers: the figures or an error.
struct OverviewReadResult {
    std::optional<WorkspaceOverview> overview;
    std::vector<RfmGroupSize> rfmGroups; ///< buyers per RFM group, from profile_traits
    QString error;
};

/**
 * The first page a marketer sees: the workspace's key figures (shoppers, known and
 * anonymous, orders, revenue, events by channel, date range) and two charts. The figures
 * are read on a worker thread with its own connection, so a large workspace never
 * freezes the window.
 */
class OverviewPage : public QWidget {
    Q_OBJECT

public:
    explicit OverviewPage(QWidget *parent = nullptr);

    /// Starts reading the workspace at path; an empty path shows the "no workspace" state.
    void load(const QString &workspacePath, bool isDemo, const QString &storeName);
    bool isLoading() const { return watcher_.isRunning(); }
    const std::optional<WorkspaceOverview> &overview() const { return overview_; }
    /// Buyers per RFM group as last read (all ten groups, empty ones included).
    const std::vector<RfmGroupSize> &rfmGroups() const { return rfmGroups_; }

Q_SIGNALS:
    /// Emitted when figures have been read (for the status bar).
    void loaded(const clientele::WorkspaceOverview &overview);
    /// The empty state's button: the user wants demo data in this workspace.
    void fillWithDemoRequested();
    /// The empty state's other button: the user wants to import their own file.
    void importRequested();

private:
    void showResult(const OverviewReadResult &result);
    QWidget *createFiguresView();
    QLabel *addTile(QGridLayout *grid, int row, int column, const QString &caption);
    void updateCharts(const WorkspaceOverview &overview);
    void updateRfmChart();

    QFutureWatcher<OverviewReadResult> watcher_;
    std::optional<WorkspaceOverview> overview_;
    std::vector<RfmGroupSize> rfmGroups_;
    QString storeName_;

    QStackedWidget *states_ = nullptr;
    QLabel *statusLabel_ = nullptr;
    QWidget *emptyState_ = nullptr;
    QFrame *demoBanner_ = nullptr;
    QLabel *title_ = nullptr;
    QLabel *subtitle_ = nullptr;
    QLabel *shoppers_ = nullptr;
    QLabel *known_ = nullptr;
    QLabel *anonymous_ = nullptr;
    QLabel *orders_ = nullptr;
    QLabel *revenue_ = nullptr;
    QLabel *events_ = nullptr;
    QChartView *revenueChart_ = nullptr;
    QChartView *channelChart_ = nullptr;
    QStackedWidget *rfmStates_ = nullptr;
    QChartView *rfmChart_ = nullptr;
    QLabel *rfmEmpty_ = nullptr;
};

} // namespace clientele
