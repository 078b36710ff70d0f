#pragma once

#include "DatabaseWorker.h"
#include "TimelineText.h"

#include "predict/Predictions.h"
#include "profile/ProfileReader.h"
#include "profile/ProfileRecord.h"
#include "profile/ProfileTraits.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <set>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class QVBoxLayout;

namespace clientele {

/// Everything the profile page reads for one shopper, in one worker job.
struct ProfileView {
    std::optional<ProfileRecord> record;
    std::optional<ProfileTraits> traits;
    std::unordered_map<std::string, ProductSummary> viewedProducts; ///< by SKU
    std::optional<predict::ShopperPrediction> prediction; ///< none before the first order
    /// The stored model, when the shopper has orders (what the prediction was fitted on).
    std::optional<predict::FittedModel> predictionModel;
    QString predictionError; ///< why the predictions could not be read; empty otherwise
};

/**
 * One shopper, as a marketer looks at them: who they are (identifiers, consents), what
 * they did (traits in groups, a timeline across channels), how the profile was formed
 * (merges, splits, refusals, with Split… and Undo), and the data-protection actions
 * (export, delete). Everything is read and written on a worker with its own connection;
 * after a merge, split or undo the changed profiles' traits are refreshed in the same job.
 */
class ProfilePage : public QWidget {
    Q_OBJECT

public:
    explicit ProfilePage(QWidget *parent = nullptr);

    void setWorkspace(const QString &path, const std::string &currency);
    /// Shows the profile; reads it in the background.
    void showProfile(std::int64_t profileId);
    std::int64_t profileId() const { return profileId_; }
    const std::optional<ProfileRecord> &record() const { return view_.record; }
    const std::optional<ProfileTraits> &traits() const { return view_.traits; }
    const std::optional<predict::ShopperPrediction> &prediction() const { return view_.prediction; }
    bool isLoading() const { return loading_ || timelineLoading_ || editing_; }

    /// The timeline's events as shown, newest first.
    const std::vector<TimelineEvent> &timelineEvents() const { return events_; }
    /// Restricts the timeline to these channels (empty: all) and reloads it.
    void setTimelineChannels(const std::set<std::string> &channels);
    /// Loads the next (older) page of the timeline.
    void showOlderEvents();

    /// Actions, also reachable through the page's buttons.
    void splitMerge(std::int64_t mergeId);
    void undoMergeRecord(std::int64_t recordId);
    void mergeWith(std::int64_t otherProfileId);
    void exportData();
    void deleteShopper();

    /// The last message the page showed (export location, errors), for tests.
    QString lastMessage() const;

Q_SIGNALS:
    void backRequested();
    /// The profile was erased; the list should no longer show it.
    void profileErased(std::int64_t profileId);
    /// Profiles were merged or split: lists and figures should be read again.
    void workspaceChanged();
    /// A read (profile or timeline page) finished.
    void loaded();

private:
    void createHeader(QVBoxLayout *layout);
    QWidget *createDetailsTab();
    QWidget *createTimelineTab();
    QWidget *createMergesTab();
    void showView(ProfileView view);
    void fillHeader();
    void fillDetails();
    void fillPredictions(QFormLayout *form);
    void fillMerges();
    void reloadTimeline();
    void requestTimelinePage();
    void appendTimeline(const TimelinePage &page, const ProductIndex &products);
    void showMessage(const QString &text, bool error = false);
    void chooseMergePartner();
    /// Runs a merge edit on the worker, refreshes traits, then shows the profile again.
    void runEdit(const QString &what, std::function<std::int64_t(Database &)> edit);
    QString money(double amount) const;

    DatabaseWorker worker_;
    std::string currency_ = "EUR";
    std::int64_t profileId_ = 0;
    quint64 generation_ = 0;
    bool loading_ = false;
    bool timelineLoading_ = false;
    bool editing_ = false;
    ProfileView view_;

    std::vector<TimelineEvent> events_;
    std::optional<TimelineCursor> timelineNext_;
    quint64 timelineGeneration_ = 0;
    std::set<std::string> channels_;
    std::string typeFilter_;

    QLabel *name_ = nullptr;
    QLabel *badges_ = nullptr;
    QLabel *contact_ = nullptr;
    QLabel *message_ = nullptr;
    QPushButton *mergeButton_ = nullptr;
    QPushButton *exportButton_ = nullptr;
    QPushButton *deleteButton_ = nullptr;
    QTabWidget *tabs_ = nullptr;
    QWidget *details_ = nullptr;
    QGridLayout *detailsGrid_ = nullptr;
    QTreeWidget *timeline_ = nullptr;
    std::map<std::string, QToolButton *> channelButtons_;
    QComboBox *typeCombo_ = nullptr;
    QPushButton *olderButton_ = nullptr;
    QLabel *timelineStatus_ = nullptr;
    QTreeWidget *merges_ = nullptr;
    QTreeWidget *refusals_ = nullptr;
    QLabel *mergesEmpty_ = nullptr;
};

} // namespace clientele
