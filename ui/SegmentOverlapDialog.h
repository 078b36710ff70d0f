#pragma once

#include "DatabaseWorker.h"

#include "segment/SegmentOverlap.h"

#include <nlohmann/json.hpp>

#include <QDialog>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;

namespace clientele {

/**
 * How two segments overlap: A and B are saved segments, or A is the segment being edited
 * (with its unsaved rule). Shows how many shoppers are in A only, in both and in B only, as
 * numbers and a bar, counted on a worker (SegmentEvaluator::overlap, the same as
 * `clientele segment overlap`); each part can be opened as a new segment or sent to Export
 * (SegmentOverlap::partDocument builds its rule).
 */
class SegmentOverlapDialog : public QDialog {
    Q_OBJECT

public:
    /// savedNames: the segments to choose from. editing: the segment open in the builder
    /// (its name, possibly empty, and its rule), offered as A.
    SegmentOverlapDialog(const QString &workspace, const QStringList &savedNames,
        const std::optional<std::pair<QString, nlohmann::json>> &editing,
        QWidget *parent = nullptr);
    ~SegmentOverlapDialog() override;

    QComboBox *firstCombo() const { return first_; }
    QComboBox *secondCombo() const { return second_; }
    /// The last counts shown (nullopt while counting or after a failure).
    std::optional<OverlapCounts> counts() const { return counts_; }
    QLabel *partLabel(OverlapPart part) const;
    QPushButton *openButton(OverlapPart part) const;
    QPushButton *exportButton(OverlapPart part) const;
    /// The document of a part of the current choice, and a name for it.
    nlohmann::json partDocument(OverlapPart part) const;
    QString partName(OverlapPart part) const;

Q_SIGNALS:
    /// "Open as segment": the builder should open a new segment with this document.
    void openPartRequested(const nlohmann::json &document, const QString &name);
    /// "Export…": the part should be saved under name and exported.
    void exportPartRequested(const nlohmann::json &document, const QString &name);
    /// Counts of the current choice are shown.
    void countsShown();

private:
    OverlapOperand operand(const QComboBox *combo) const;
    QString sideName(const QComboBox *combo) const;
    void recount();
    void showCounts(const OverlapCounts &counts);

    DatabaseWorker worker_;
    std::optional<std::pair<QString, nlohmann::json>> editing_;
    QComboBox *first_ = nullptr;
    QComboBox *second_ = nullptr;
    QLabel *status_ = nullptr;
    QChartView *chart_ = nullptr;
    struct PartWidgets {
        QLabel *count = nullptr;
        QPushButton *open = nullptr;
        QPushButton *exportButton = nullptr;
    };
    PartWidgets parts_[3];
    std::optional<OverlapCounts> counts_;
    int generation_ = 0;
};

} // namespace clientele
