#pragma once

#include "export/AudienceRequest.h"
#include "export/ExportJob.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace clientele {

class DatabaseWorker;

/// A saved journey as the audience box offers it: its steps (id, name) for "shoppers at".
struct JourneyTargets {
    QString name;
    QList<QPair<QString, QString>> steps;
};

/// What a background preview delivers.
struct ExportPreviewResult {
    int generation = 0;
    /// Profiles in the workspace: counted for the first preview of a workspace, -1 later
    /// (the number only changes with the workspace, which then counts again).
    std::int64_t shoppers = -1;
    ExportPreview preview;
};

/**
 * The Export area: choose an audience (all shoppers, a saved segment, a file of profile
 * ids), a format (generic CSV, Klaviyo, Mailchimp, Google Customer Match, Meta), columns
 * and campaign fields; see at once how many shoppers will be exported, who is left out for
 * consent and why, and the first rows exactly as the file will have them; then export in
 * the background with progress and Cancel.
 */
class ExportPage : public QWidget {
    Q_OBJECT

public:
    explicit ExportPage(QWidget *parent = nullptr);
    ~ExportPage() override;

    /// Works on the workspace at path (empty: none).
    void setWorkspace(const QString &path);
    /// Chooses the saved segment called name as the audience (e.g. from the Segments area).
    void chooseSegment(const QString &name);
    /// Reads the saved segments again (they change in the Segments area).
    void reloadSegments();
    /**
     * Chooses a journey's shoppers at step (a node id), or its outbox of channel when step
     * is empty, as the audience (the Journeys area's "Export…"); an outbox also picks the
     * format and channel it is written in.
     */
    void chooseJourney(const QString &journey, const QString &step, const QString &channel);
    /// Reads the saved journeys again (they change in the Journeys area).
    void reloadJourneys();

    /// The request the page would export now (audience left as all shoppers: the chosen
    /// audience is built on the worker from audienceChoice()).
    ExportRequest currentRequest() const;
    AudienceRequest audienceChoice() const;
    /// The last preview that matches the current choices, if it has arrived.
    const ExportPreview *preview() const;
    /// True while the preview of the current choices is still to come.
    bool isPreviewPending() const { return answeredGeneration_ != generation_; }
    /// Profiles in the workspace, as of the last preview.
    std::int64_t workspaceShoppers() const { return shoppers_; }
    /// Why Export is disabled, or empty.
    QString problem() const;
    QPushButton *exportButton() const { return exportButton_; }
    /// The summary of the last export, when it succeeded.
    const std::optional<ExportSummary> &lastSummary() const { return lastSummary_; }

    /// A suppression reason key as a marketer reads it ("no_consent" → "never gave consent").
    static QString reasonDisplayName(const std::string &reason);

Q_SIGNALS:
    /// A preview arrived (or failed: problem() says why).
    void previewUpdated();
    /// An export ended; succeeded says whether a file was written.
    void exportFinished(bool succeeded);

protected:
    /// Saved segments change in the Segments area: read them again when the page is shown.
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createSettings();
    QWidget *createResults();
    void fillColumns(ExportChannel channel);
    /// The outbox or step list of the chosen journey.
    void fillJourneyTargets();
    /// After choosing an outbox: its channel and format, and the message columns.
    void journeyTargetChanged();
    bool outboxChosen() const;
    void formatChanged();
    void validateCodePattern();
    /// Something changed: a new preview shortly (typing does not start one per key).
    void schedulePreview();
    void startPreview();
    void showPreview(const ExportPreviewResult &result);
    void showPreviewError(int generation, const QString &message);
    void showCounts(const ExportPreview &preview);
    void updateExportButton();
    void chooseIdFile();
    void exportFile();
    void showSummary(const ExportSummary &summary);
    void showExportProblem(const QString &message);
    ExportFormat currentFormat() const;

    std::unique_ptr<DatabaseWorker> worker_;
    std::shared_ptr<std::atomic<int>> latestGeneration_;
    int generation_ = 0;
    int answeredGeneration_ = 0; ///< the newest generation shown (preview or problem)
    QString workspacePath_;
    QTimer *previewTimer_ = nullptr;
    std::optional<ExportPreview> preview_;
    std::int64_t shoppers_ = -1;
    QString previewProblem_; ///< why the last preview failed
    QString pendingSegment_;
    std::optional<ExportSummary> lastSummary_;
    bool columnsCustomised_ = false;

    QRadioButton *allButton_ = nullptr;
    QRadioButton *segmentButton_ = nullptr;
    QRadioButton *fileButton_ = nullptr;
    QComboBox *segmentCombo_ = nullptr;
    QRadioButton *journeyButton_ = nullptr;
    QComboBox *journeyCombo_ = nullptr;
    QComboBox *journeyTargetCombo_ = nullptr;
    QList<JourneyTargets> journeys_;
    std::optional<AudienceRequest> pendingJourney_;
    QLabel *idFileLabel_ = nullptr;
    QPushButton *idFileButton_ = nullptr;
    QString idFile_;
    QComboBox *formatCombo_ = nullptr;
    QLabel *formatHelp_ = nullptr;
    QWidget *genericOptions_ = nullptr;
    QComboBox *channelCombo_ = nullptr;
    QCheckBox *bomCheck_ = nullptr;
    QCheckBox *semicolonCheck_ = nullptr;
    QStackedWidget *columnStates_ = nullptr;
    QListWidget *columnList_ = nullptr;
    QLabel *fixedColumns_ = nullptr;
    QLineEdit *codePattern_ = nullptr;
    QLabel *codeMessage_ = nullptr;
    QLineEdit *offer_ = nullptr;
    QLabel *campaignNote_ = nullptr;

    QLabel *countsLabel_ = nullptr;
    QLabel *notice_ = nullptr;
    QTableWidget *previewTable_ = nullptr;
    QLabel *problemLabel_ = nullptr;
    QPushButton *exportButton_ = nullptr;
    QWidget *summaryPanel_ = nullptr;
    QLabel *summaryLabel_ = nullptr;
    QPushButton *openFolderButton_ = nullptr;
};

} // namespace clientele
