#pragma once

#include "journey/JourneySimulator.h"

#include <QWidget>

#include <optional>
#include <utility>

class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;

namespace clientele {

class JourneyDocument;
class JourneySimulationRunner;

/**
 * The "Simulate" side panel: a date window (by default the last 90 days of the workspace's
 * data), Simulate with a progress bar and Cancel, and the conversion summary of the last
 * run — entered, shoppers, conversions and rate, revenue, offer cost, sends per channel,
 * skipped for consent, still in the journey — with the baseline's meaning. The summary is
 * dropped as soon as the journey changes.
 */
class JourneySimulationPanel : public QWidget {
    Q_OBJECT

public:
    JourneySimulationPanel(JourneyDocument *document, QWidget *parent = nullptr);
    ~JourneySimulationPanel() override;

    void setWorkspace(const QString &path, const std::string &currency);
    /// The window ends on the day of the latest event and spans 90 days.
    void setLatestEvent(std::optional<Millis> latest);
    /// The window simulate() uses: [from, to) in UTC milliseconds (to is the day after the
    /// last day chosen).
    std::pair<Millis, Millis> window() const;
    void setWindow(const QDate &first, const QDate &last);

    void simulate();
    void cancel();
    bool isRunning() const;
    const std::optional<SimulationResult> &result() const { return result_; }
    QPushButton *simulateButton() const { return simulate_; }
    QLabel *summaryLabel() const { return summary_; }

Q_SIGNALS:
    /// A run finished: the canvas shows its counts.
    void simulated(const clientele::SimulationResult &result);
    /// The counts are no longer true (the journey changed, a new run started).
    void cleared();

private:
    void showResult(const SimulationResult &result);
    void clear(const QString &message);
    void setRunning(bool running);

    JourneyDocument *document_;
    JourneySimulationRunner *runner_;
    std::string currency_;
    std::optional<SimulationResult> result_;
    QDateEdit *from_ = nullptr;
    QDateEdit *to_ = nullptr;
    QPushButton *simulate_ = nullptr;
    QPushButton *cancel_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QLabel *status_ = nullptr;
    QLabel *summary_ = nullptr;
};

} // namespace clientele
