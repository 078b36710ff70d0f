#pragma once

#include "journey/JourneyLift.h"
#include "journey/JourneyStore.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace clientele {

class DatabaseWorker;

/// What the results panel shows of one saved journey, read on a worker.
struct JourneyResults {
    JourneySummary summary;
    LiftReport lift;
};

/**
 * The results of a saved journey that runs: whether it is on and how far the data has
 * taken it, what its runtime counted (entered, reached the goal, revenue and offer cost
 * while in the journey, messages per channel and those skipped for consent, the cap or the
 * holdout), and the measured lift — the goal rate of the shoppers it messaged against its
 * holdout, with a 95 % interval — from the events imported after the sends.
 */
class JourneyResultsPanel : public QWidget {
    Q_OBJECT

public:
    explicit JourneyResultsPanel(QWidget *parent = nullptr);
    ~JourneyResultsPanel() override;

    /// Shows the saved journey called name in the workspace at path (empty name: none).
    void showJourney(const QString &path, const QString &name);
    /// The store's currency (ISO code) for money amounts.
    void setCurrency(const std::string &currency) { currency_ = currency; }
    /// Reads the figures again (after an import, or switching the journey on).
    void refresh();

    const QString &journeyName() const { return name_; }
    const QString &path() const { return path_; }
    /// The figures shown last, once they have arrived.
    const std::optional<JourneyResults> &results() const { return results_; }
    bool isLoading() const { return loading_; }

Q_SIGNALS:
    /// New figures (or a problem) are shown.
    void updated();

private:
    void showResults(const JourneyResults &results);
    void showProblem(const QString &message);

    std::unique_ptr<DatabaseWorker> worker_;
    QString path_;
    QString name_;
    int generation_ = 0;
    bool loading_ = false;
    std::optional<JourneyResults> results_;

    std::string currency_;

    QLabel *status_ = nullptr;
    QWidget *totals_ = nullptr;
    QLabel *entered_ = nullptr;
    QLabel *inJourney_ = nullptr;
    QLabel *converted_ = nullptr;
    QLabel *revenue_ = nullptr;
    QLabel *offerCost_ = nullptr;
    QLabel *waiting_ = nullptr;
    QTableWidget *channels_ = nullptr;
    QLabel *lift_ = nullptr;
    QPushButton *refreshButton_ = nullptr;
};

} // namespace clientele
