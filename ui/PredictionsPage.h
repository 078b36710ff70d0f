#pragma once

#include "DatabaseWorker.h"

#include "predict/Predictions.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QChartView;
class QGridLayout;
class QLabel;
class QPushButton;
class QShowEvent;
class QStackedWidget;

namespace clientele {

/// What a background read of the Predictions area delivers (the holdout check apart).
struct PredictionsReadResult {
    std::optional<predict::FittedModel> model;
    predict::PredictionDistribution distribution;
};

/**
 * The Predictions area: how well the purchase models forecast the store's own recent past
 * (the holdout check, two charts), the fitted parameters with what each means, the
 * predicted 12-month value and churn risk across shoppers, and Refit. The stored model and
 * the distribution are read on one worker, the holdout check (a fit of its own) runs on
 * another; both read only once the page is shown, and again when the workspace changes.
 */
class PredictionsPage : public QWidget {
    Q_OBJECT

public:
    explicit PredictionsPage(QWidget *parent = nullptr);
    ~PredictionsPage() override;

    /// The workspace to read (empty: none); read at once when shown, else when next shown.
    void setWorkspace(const QString &path, const std::string &currency);
    /// Reads the stored model, the distribution and the holdout check again.
    void reload();
    /// Fits the models again in a background job with progress and Cancel, then shows the
    /// new model (also the empty state's "Fit Predictions").
    void refit();

    bool isLoading() const { return reading_ || checking_; }
    bool isChecking() const { return checking_; }
    const std::optional<predict::FittedModel> &model() const { return model_; }
    const std::optional<predict::HoldoutCheck> &holdout() const { return holdout_; }

Q_SIGNALS:
    /// A read of the model (and the distribution) finished.
    void loaded();
    /// The holdout check finished, or could not run.
    void holdoutChecked();
    /// Refit stored a new model.
    void modelFitted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createEmptyState();
    QWidget *createContent();
    QWidget *createHoldoutSection(QWidget *parent);
    QWidget *createParameterSection(QWidget *parent);
    QWidget *createDistributionSection(QWidget *parent);
    void readModel();
    void checkHoldout();
    void showModel(PredictionsReadResult result);
    void setHoldoutVisible(QWidget *part);
    void showEmptyState();
    void showStatus(const QString &text);
    void showHoldout();
    void showHoldoutProblem(const QString &text);
    void showMessage(const QString &text, bool error = false);
    void fillParameters();
    void fillDistribution();
    void fillFrequencyChart();
    void fillTrackingChart();
    QString money(double amount) const;

    DatabaseWorker reader_;
    DatabaseWorker checker_;
    /// The latest holdout check's number; a superseded check stops at its next report.
    std::shared_ptr<std::atomic<int>> latestCheck_;
    int checkGeneration_ = 0;
    quint64 readGeneration_ = 0;
    QString path_;
    std::string currency_ = "EUR";
    bool stale_ = false;
    bool reading_ = false;
    bool checking_ = false;
    std::optional<predict::FittedModel> model_;
    predict::PredictionDistribution distribution_;
    std::optional<predict::HoldoutCheck> holdout_;
    QString tooLittleData_; ///< why the last fit found too little data; empty otherwise

    QStackedWidget *states_ = nullptr;
    QLabel *status_ = nullptr;
    QLabel *emptyTitle_ = nullptr;
    QLabel *emptyText_ = nullptr;
    QPushButton *fitButton_ = nullptr;

    QLabel *subtitle_ = nullptr;
    QLabel *message_ = nullptr;
    QPushButton *refitButton_ = nullptr;

    QWidget *holdoutChecking_ = nullptr;
    QLabel *holdoutProblem_ = nullptr;
    QWidget *holdoutResults_ = nullptr;
    QLabel *holdoutIntro_ = nullptr;
    QLabel *predictedTotal_ = nullptr;
    QLabel *actualTotal_ = nullptr;
    QLabel *mae_ = nullptr;
    QChartView *frequencyChart_ = nullptr;
    QChartView *trackingChart_ = nullptr;

    std::vector<QLabel *> parameterValues_; ///< by ParameterRow (PredictionsPage.cpp)
    std::vector<QLabel *> parameterMeanings_;
    std::vector<QLabel *> factValues_; ///< by FactRow

    QChartView *valueChart_ = nullptr;
    QChartView *churnChart_ = nullptr;
    QLabel *valueTotal_ = nullptr;
    QLabel *churnCuts_ = nullptr;
};

} // namespace clientele
