#pragma once

#include "SegmentCountRunner.h"
#include "SegmentPickers.h"

#include "segment/SegmentDefinition.h"
#include "segment/SegmentStore.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QChartView;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTableView;
class QUndoStack;

namespace clientele {

class ConditionRow;
class SegmentMemberModel;

/**
 * The segment builder: name, description and the rule tree as nested groups of condition
 * rows, the rule as one sentence, validation next to the rows, and a live count with reach
 * and a sample of members that follows every edit. The document is the segment's JSON;
 * every edit (also of the name) is a command on the editor's own QUndoStack that swaps
 * the whole state, so undo restores exactly the JSON before.
 */
class SegmentEditor : public QWidget {
    Q_OBJECT

public:
    /// What an undo step restores.
    struct State {
        QString name;
        QString description;
        nlohmann::json document; ///< {"version": 1, "rule": {group}}

        bool operator==(const State &) const = default;
    };

    explicit SegmentEditor(QWidget *parent = nullptr);
    ~SegmentEditor() override;

    void setWorkspace(const QString &path, const std::string &currency);
    /// A new segment with an empty "All of" group.
    void editNew();
    /// A new segment that starts as document, named name (e.g. a part of an overlap); one
    /// undo step takes it back to an empty segment.
    void editNew(const nlohmann::json &document, const QString &name);
    /// A saved segment; its size history follows with setHistory().
    void edit(const SavedSegment &segment);
    void setHistory(const std::vector<SegmentSize> &sizes);
    /// The saved segments a condition may include ("in another segment").
    void setSegmentNames(const QStringList &names);

    const nlohmann::json &document() const { return state_.document; }
    SegmentDefinition definition() const;
    QString name() const { return state_.name; }
    QString description() const { return state_.description; }
    /// The name the segment was opened with (empty for a new one).
    QString originalName() const { return originalName_; }
    bool isModified() const;
    /// After a successful save: the current state is the saved one.
    void markSaved(const QString &name);
    void showSaveError(const QString &message);

    QUndoStack *undoStack() const { return undo_; }
    QPushButton *saveButton() const { return save_; }
    QLabel *sentenceLabel() const { return sentence_; }
    QLabel *countLabel() const { return count_; }
    QLabel *countStatusLabel() const { return countStatus_; }
    QLabel *reachLabel() const { return reach_; }
    QTableView *sampleView() const { return sample_; }
    SegmentMemberModel *sampleModel() const { return sampleModel_; }
    QGroupBox *historyBox() const { return historyBox_; }
    QLineEdit *nameField() const { return nameEdit_; }
    const std::vector<ConditionRow *> &rows() const { return rows_; }
    const std::vector<ValidationIssue> &issues() const { return issues_; }
    /// The last exact count shown (nullopt until one finished).
    std::optional<std::int64_t> lastCount() const;
    std::optional<Reachability> lastReach() const { return lastReach_; }
    bool isCounting() const { return runner_->isCounting(); }
    /// The picker values (event types, categories, countries …) have been read.
    bool hasPickers() const { return hasPickers_; }
    /// The add buttons of the group at a JSON Pointer path ("/rule").
    QPushButton *addConditionButton(const std::string &groupPath) const;
    QPushButton *addGroupButton(const std::string &groupPath) const;
    /// The row or group box of the node at path ("/rule/conditions/1"), and its drag grip.
    QWidget *nodeWidget(const std::string &path) const;
    QWidget *dragHandle(const std::string &path) const;
    QPushButton *overlapButton() const { return overlap_; }
    /// Moves the node at from into the group at groupPath, before its index-th condition
    /// (as a drop does); one undo step. False when that is no move or not possible (a
    /// group into itself).
    bool moveTo(const std::string &from, const std::string &groupPath, std::size_t index);

    /// Applies a state (the undo commands call this). rebuild: recreate the tree widgets.
    void applyState(const State &state, bool rebuild);

Q_SIGNALS:
    void saveRequested();
    void closeRequested();
    void profileRequested(qint64 profileId);
    /// A count finished and is shown (only the newest edit's count ever is).
    void countShown(qint64 total);
    /// "Overlap…": compare this segment with a saved one.
    void overlapRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Clears what belonged to the segment edited before: counts, sample, errors, undo.
    void forgetCountsAndHistory();
    void pushState(
        const State &next, const QString &text, const QString &mergeKey, bool structural);
    /// A new document with the node at path replaced.
    void replaceNode(const std::string &path, const nlohmann::json &node, const QString &mergeKey,
        bool structural);
    void addCondition(const std::string &groupPath);
    void addGroup(const std::string &groupPath);
    void removeNode(const std::string &path);
    void moveNode(const std::string &path, int delta);
    void moveOut(const std::string &path);
    /// Into the nearest sibling group: the next one (first place) or else the previous one.
    void moveIn(const std::string &path);
    /// The path of the row or group that has the keyboard focus ("" when none).
    std::string focusedPath() const;
    /// Where a drag over globalPos would drop the node at dragged: (group path, index).
    std::optional<std::pair<std::string, std::size_t>> dropTarget(
        const std::string &dragged, const QPoint &globalPos) const;
    void showDropIndicator(const std::optional<std::pair<std::string, std::size_t>> &target);

    void rebuildTree();
    QWidget *buildGroup(
        const nlohmann::json &group, const std::string &path, int depth, QWidget *parent);
    void refresh();
    void showResult(const SegmentCountResult &result);
    void showCountFailure(const QString &message);
    void setCountGreyed(bool greyed);

    State state_;
    QString originalName_;
    std::string currency_;
    SegmentPickers pickers_;
    bool hasPickers_ = false;
    QStringList allSegmentNames_;
    QUndoStack *undo_ = nullptr;
    SegmentCountRunner *runner_ = nullptr;

    QLabel *title_ = nullptr;
    QLineEdit *nameEdit_ = nullptr;
    QLineEdit *descriptionEdit_ = nullptr;
    QPushButton *save_ = nullptr;
    QPushButton *overlap_ = nullptr;
    QScrollArea *treeArea_ = nullptr;
    QLabel *sentence_ = nullptr;
    QLabel *saveError_ = nullptr;
    QLabel *count_ = nullptr;
    QLabel *countStatus_ = nullptr;
    QLabel *reach_ = nullptr;
    QTableView *sample_ = nullptr;
    SegmentMemberModel *sampleModel_ = nullptr;
    QGroupBox *historyBox_ = nullptr;
    QChartView *historyChart_ = nullptr;
    QLabel *historyNote_ = nullptr;

    std::vector<ConditionRow *> rows_;
    /// Group boxes by path: their issue label and add buttons.
    struct GroupWidgets {
        std::string path;
        QWidget *box = nullptr;
        QWidget *handle = nullptr; ///< nullptr for the rule itself
        QLabel *issues = nullptr;
        QPushButton *addCondition = nullptr;
        QPushButton *addGroup = nullptr;
    };
    std::vector<GroupWidgets> groups_;
    /// A drag in progress: the path of the node dragged, where it started.
    struct Drag {
        std::string path;
        QPoint start;
        bool active = false;
    };
    std::optional<Drag> drag_;
    QFrame *dropIndicator_ = nullptr;
    /// After a move, the moved node's path, to give its grip the focus again.
    std::string focusAfterRebuild_;
    std::vector<ValidationIssue> issues_;
    /// The document of the count running or shown, so a rename does not count again.
    nlohmann::json countedDocument_;
    std::optional<std::int64_t> lastCount_;
    std::optional<Reachability> lastReach_;
};

} // namespace clientele
