#pragma once

#include "SegmentPickers.h"

#include <nlohmann/json.hpp>

#include <QWidget>

#include <functional>
#include <string>

class QBoxLayout;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace clientele {

class FieldPickerButton;
struct FieldInfo;

/**
 * One leaf condition of the rule tree as a row of widgets that fit what it tests: a field
 * picker, an operator combo for the field's type and value widgets for the type (numbers,
 * dates, "N days", picker values); behaviour conditions (did / did not, event, how often,
 * when, "where" filters) and sequences (did A, then not B within N hours) have their own
 * shapes. The row never changes the document itself: it reports each edit as the new JSON
 * of its node, and the editor turns that into an undo command.
 */
class ConditionRow : public QWidget {
    Q_OBJECT

public:
    ConditionRow(const nlohmann::json &node, std::string path, const SegmentPickers &pickers,
        bool canMoveOut, QWidget *parent = nullptr);

    const std::string &path() const { return path_; }
    const nlohmann::json &node() const { return node_; }
    FieldPickerButton *fieldButton() const { return fieldButton_; }
    /// The grip the row is dragged by (the editor handles the drag).
    QLabel *dragHandle() const { return dragHandle_; }
    /// Red text under the row; empty hides it.
    void setIssues(const QStringList &messages);
    QString issueText() const;

    /// The JSON a new condition of this picker entry starts with ("trait:revenue", "event" …).
    static nlohmann::json defaultCondition(const QString &entry);
    /// The picker entry of a condition node.
    static QString entryOf(const nlohmann::json &node);
    /// A grip to drag a condition or group by, focusable so that the move keys reach it.
    static QLabel *makeDragGrip(QWidget *parent, const QString &tip);

Q_SIGNALS:
    /// The node's new JSON. mergeKey names what changed, so typing merges into one undo
    /// step; structural: the row's shape changes (the editor rebuilds it).
    void edited(const std::string &path, const nlohmann::json &node, const QString &mergeKey,
        bool structural);
    void removeRequested(const std::string &path);
    void moveRequested(const std::string &path, int delta);
    void moveOutRequested(const std::string &path);

private:
    void build();
    void buildTrait(QHBoxLayout *line);
    void buildEvent(QHBoxLayout *line);
    void buildSequence(QHBoxLayout *line);
    void buildSum(QHBoxLayout *line);
    void buildRfm(QHBoxLayout *line);
    void buildConsent(QHBoxLayout *line);
    void buildMembership(QHBoxLayout *line);
    /// The "when" widgets of node_[key] on line.
    void buildWindow(QHBoxLayout *line, const std::string &key);
    /// The "where" rows of the filter at node_[filterKey] (empty key: node_ itself).
    void buildWhere(QVBoxLayout *rows, const std::string &filterKey);
    QComboBox *eventCombo(const std::string &current);
    /// Value widgets for field with operator op; onChange receives the new value.
    void buildValue(QBoxLayout *line, const FieldInfo &field, const std::string &op,
        const nlohmann::json &value, const QString &mergeKey,
        std::function<void(nlohmann::json)> setValue);
    QStringList pickerValuesFor(const std::string &key) const;
    void commit(const QString &mergeKey, bool structural);

    nlohmann::json node_;
    std::string path_;
    const SegmentPickers &pickers_;
    bool canMoveOut_ = false;
    FieldPickerButton *fieldButton_ = nullptr;
    QLabel *dragHandle_ = nullptr;
    QHBoxLayout *second_ = nullptr; ///< the second line of behaviour rows

    QLabel *issues_ = nullptr;
};

} // namespace clientele
