#include "SegmentEditor.h"

#include "ConditionRow.h"
#include "DisplayFormat.h"
#include "SegmentMemberModel.h"
#include "SegmentText.h"

#include "segment/FieldRegistry.h"
#include "segment/SegmentValidator.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace clientele {

namespace {

using json = nlohmann::json;
using Pointer = json::json_pointer;

/** One edit of the segment: swaps the whole editor state (small: a rule tree). */
class EditCommand : public QUndoCommand {
public:
    EditCommand(SegmentEditor *editor, SegmentEditor::State before, SegmentEditor::State after,
        const QString &text, QString mergeKey, bool structural)
        : QUndoCommand(text)
        , editor_(editor)
        , before_(std::move(before))
        , after_(std::move(after))
        , mergeKey_(std::move(mergeKey))
        , structural_(structural)
    {
    }

    int id() const override { return mergeKey_.isEmpty() ? -1 : 1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const EditCommand *>(other);
        if (next->mergeKey_ != mergeKey_)
            return false;
        after_ = next->after_;
        setObsolete(after_ == before_);
        return true;
    }

    void redo() override
    {
        // The first redo follows an edit the widgets already show; rebuilding them would
        // take the focus from the field being typed in.
        editor_->applyState(after_, !first_ || structural_);
        first_ = false;
    }

    void undo() override { editor_->applyState(before_, true); }

private:
    SegmentEditor *editor_;
    SegmentEditor::State before_;
    SegmentEditor::State after_;
    QString mergeKey_;
    bool structural_;
    bool first_ = true;
};

json emptyDocument()
{
    return { { "version", SegmentDefinition::kVersion },
        { "rule", { { "type", "all" }, { "conditions", json::array() } } } };
}

bool isGroup(const json &node)
{
    const std::string type = node.value("type", std::string());
    return type == "all" || type == "any" || type == "none";
}

/// "/rule/conditions/3" → ("/rule/conditions", 3).
std::pair<Pointer, std::size_t> splitIndex(const std::string &path)
{
    const Pointer pointer(path);
    return { pointer.parent_pointer(), static_cast<std::size_t>(std::stoul(pointer.back())) };
}

bool isWithin(const std::string &path, const std::string &prefix)
{
    return path == prefix
        || (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0
            && path[prefix.size()] == '/');
}

/// The path of the node marked by a move (see SegmentEditor::moveTo), with the mark taken
/// off; "" when there is none.
std::string takeMark(json &node, const std::string &path)
{
    if (node.is_object() && node.contains("$moved")) {
        node.erase("$moved");
        return path;
    }
    if (!isGroup(node) || !node.contains("conditions"))
        return {};
    json &conditions = node["conditions"];
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        std::string found = takeMark(conditions[i], path + "/conditions/" + std::to_string(i));
        if (!found.empty())
            return found;
    }
    return {};
}

/// Removes the placeholder a move leaves where the node was.
bool removePlaceholder(json &node)
{
    if (!isGroup(node) || !node.contains("conditions"))
        return false;
    json &conditions = node["conditions"];
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (conditions[i].is_object() && conditions[i].contains("$moving")) {
            conditions.erase(i);
            return true;
        }
        if (removePlaceholder(conditions[i]))
            return true;
    }
    return false;
}

QPushButton *smallButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

} // namespace

SegmentEditor::SegmentEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("segmentEditor"));
    undo_ = new QUndoStack(this);
    runner_ = new SegmentCountRunner(this);
    sampleModel_ = new SegmentMemberModel(this);
    state_.document = emptyDocument();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *top = new QHBoxLayout;
    auto *back = new QPushButton(tr("‹ All Segments"), this);
    back->setObjectName(QStringLiteral("backButton"));
    back->setFlat(true);
    connect(back, &QPushButton::clicked, this, &SegmentEditor::closeRequested);
    title_ = new QLabel(this);
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title_->setFont(titleFont);

    // Fixed labels (the command's name goes to the tooltip), so the bar does not jump.
    auto *undoAction = new QAction(tr("Undo"), this);
    undoAction->setShortcuts(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setEnabled(false);
    connect(undoAction, &QAction::triggered, undo_, &QUndoStack::undo);
    connect(undo_, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(undo_, &QUndoStack::undoTextChanged, undoAction,
        [undoAction](const QString &text) { undoAction->setToolTip(tr("Undo %1").arg(text)); });
    auto *redoAction = new QAction(tr("Redo"), this);
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redoAction->setShortcuts(redoKeys);
    redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setEnabled(false);
    connect(redoAction, &QAction::triggered, undo_, &QUndoStack::redo);
    connect(undo_, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(undo_, &QUndoStack::redoTextChanged, redoAction,
        [redoAction](const QString &text) { redoAction->setToolTip(tr("Redo %1").arg(text)); });
    addAction(undoAction);
    addAction(redoAction);
    auto *undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undoAction);
    undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *redoButton = new QToolButton(this);
    redoButton->setDefaultAction(redoAction);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    overlap_ = new QPushButton(tr("Overlap…"), this);
    overlap_->setObjectName(QStringLiteral("overlapButton"));
    overlap_->setToolTip(tr("How many shoppers this segment shares with a saved one"));
    connect(overlap_, &QPushButton::clicked, this, &SegmentEditor::overlapRequested);

    save_ = new QPushButton(tr("Save Segment"), this);
    save_->setObjectName(QStringLiteral("saveButton"));
    save_->setDefault(true);
    connect(save_, &QPushButton::clicked, this, &SegmentEditor::saveRequested);

    top->addWidget(back);
    top->addSpacing(8);
    top->addWidget(title_);
    top->addStretch();
    top->addWidget(undoButton);
    top->addWidget(redoButton);
    top->addSpacing(8);
    top->addWidget(overlap_);
    top->addWidget(save_);
    layout->addLayout(top);

    auto *form = new QFormLayout;
    nameEdit_ = new QLineEdit(this);
    nameEdit_->setObjectName(QStringLiteral("segmentName"));
    nameEdit_->setPlaceholderText(tr("e.g. Abandoned carts this week"));
    descriptionEdit_ = new QLineEdit(this);
    descriptionEdit_->setObjectName(QStringLiteral("segmentDescription"));
    descriptionEdit_->setPlaceholderText(tr("What the segment is for (optional)"));
    form->addRow(tr("Name:"), nameEdit_);
    form->addRow(tr("Description:"), descriptionEdit_);
    layout->addLayout(form);
    connect(nameEdit_, &QLineEdit::textEdited, this, [this](const QString &text) {
        State next = state_;
        next.name = text;
        pushState(next, tr("Rename"), QStringLiteral("name"), false);
    });
    connect(descriptionEdit_, &QLineEdit::textEdited, this, [this](const QString &text) {
        State next = state_;
        next.description = text;
        pushState(next, tr("Change Description"), QStringLiteral("description"), false);
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    treeArea_ = new QScrollArea(left);
    treeArea_->setObjectName(QStringLiteral("ruleTree"));
    treeArea_->setWidgetResizable(true);
    treeArea_->setFrameShape(QFrame::NoFrame);
    leftLayout->addWidget(treeArea_, 1);
    dropIndicator_ = new QFrame(treeArea_);
    dropIndicator_->setObjectName(QStringLiteral("dropIndicator"));
    dropIndicator_->setStyleSheet(QStringLiteral("background: palette(highlight);"));
    dropIndicator_->hide();
    // Moving by keyboard, for the condition or group whose grip (or any field) has the focus.
    const auto moveKey = [this](QKeySequence keys, const QString &name, auto move) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, [this, move] {
            const std::string path = focusedPath();
            if (!path.empty() && path != "/rule")
                move(path);
        });
        treeArea_->addAction(action);
    };
    moveKey(QKeySequence(Qt::CTRL | Qt::Key_Up), QStringLiteral("moveUpAction"),
        [this](const std::string &path) { moveNode(path, -1); });
    moveKey(QKeySequence(Qt::CTRL | Qt::Key_Down), QStringLiteral("moveDownAction"),
        [this](const std::string &path) { moveNode(path, 1); });
    moveKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), QStringLiteral("moveOutAction"),
        [this](const std::string &path) { moveOut(path); });
    moveKey(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), QStringLiteral("moveInAction"),
        [this](const std::string &path) { moveIn(path); });
    sentence_ = new QLabel(left);
    sentence_->setObjectName(QStringLiteral("segmentSentence"));
    sentence_->setWordWrap(true);
    sentence_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sentence_->setStyleSheet(QStringLiteral(
        "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
        "border-radius: 4px; padding: 8px; font-style: italic; }"));
    leftLayout->addWidget(sentence_);
    saveError_ = new QLabel(left);
    saveError_->setObjectName(QStringLiteral("saveError"));
    saveError_->setStyleSheet(QStringLiteral("color: #c62828;"));
    saveError_->setWordWrap(true);
    saveError_->hide();
    leftLayout->addWidget(saveError_);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    count_ = new QLabel(tr("—"), right);
    count_->setObjectName(QStringLiteral("segmentCount"));
    QFont countFont = count_->font();
    countFont.setPointSizeF(countFont.pointSizeF() * 1.6);
    countFont.setBold(true);
    count_->setFont(countFont);
    countStatus_ = new QLabel(right);
    countStatus_->setObjectName(QStringLiteral("countStatus"));
    countStatus_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    reach_ = new QLabel(right);
    reach_->setObjectName(QStringLiteral("segmentReach"));
    reach_->setWordWrap(true);
    rightLayout->addWidget(count_);
    rightLayout->addWidget(countStatus_);
    rightLayout->addWidget(reach_);

    auto *sampleTitle = new QLabel(tr("First matching shoppers (double-click to open):"), right);
    rightLayout->addWidget(sampleTitle);
    sample_ = new QTableView(right);
    sample_->setObjectName(QStringLiteral("segmentSample"));
    sample_->setModel(sampleModel_);
    sample_->setSelectionBehavior(QAbstractItemView::SelectRows);
    sample_->setSelectionMode(QAbstractItemView::SingleSelection);
    sample_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sample_->setAlternatingRowColors(true);
    sample_->setWordWrap(false);
    sample_->verticalHeader()->hide();
    sample_->verticalHeader()->setDefaultSectionSize(sample_->fontMetrics().height() + 8);
    // Names and addresses share what the money and RFM columns leave: no sideways scrolling.
    QHeaderView *header = sample_->horizontalHeader();
    header->setSectionResizeMode(SegmentMemberModel::Name, QHeaderView::Stretch);
    header->setSectionResizeMode(SegmentMemberModel::Email, QHeaderView::Stretch);
    header->setSectionResizeMode(SegmentMemberModel::Revenue, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SegmentMemberModel::RfmGroup, QHeaderView::ResizeToContents);
    connect(sample_, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const std::int64_t id = sampleModel_->profileIdAt(index.row()))
            Q_EMIT profileRequested(id);
    });
    rightLayout->addWidget(sample_, 1);

    historyBox_ = new QGroupBox(tr("Size history"), right);
    historyBox_->setObjectName(QStringLiteral("historyBox"));
    auto *historyLayout = new QVBoxLayout(historyBox_);
    historyChart_ = new QChartView(historyBox_);
    historyChart_->setObjectName(QStringLiteral("historyChart"));
    historyChart_->setRenderHint(QPainter::Antialiasing);
    historyChart_->setMinimumHeight(180);
    historyNote_ = new QLabel(historyBox_);
    historyNote_->setWordWrap(true);
    historyNote_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    historyLayout->addWidget(historyChart_);
    historyLayout->addWidget(historyNote_);
    historyBox_->hide();
    rightLayout->addWidget(historyBox_);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 640, 420 });

    connect(runner_, &SegmentCountRunner::finished, this, &SegmentEditor::showResult);
    connect(runner_, &SegmentCountRunner::failed, this, &SegmentEditor::showCountFailure);
    connect(
        runner_, &SegmentCountRunner::pickersLoaded, this, [this](const SegmentPickers &pickers) {
            const QString workspace = pickers_.workspace;
            pickers_ = pickers;
            pickers_.workspace = workspace;
            hasPickers_ = true;
            rebuildTree();
            refresh();
        });
    editNew();
}

SegmentEditor::~SegmentEditor() = default;

void SegmentEditor::setWorkspace(const QString &path, const std::string &currency)
{
    currency_ = currency;
    runner_->setWorkspace(path);
    pickers_ = {};
    pickers_.workspace = path;
    allSegmentNames_.clear();
    hasPickers_ = false;
    if (!path.isEmpty())
        runner_->loadPickers();
}

void SegmentEditor::forgetCountsAndHistory()
{
    lastCount_.reset();
    lastReach_.reset();
    count_->setText(tr("—"));
    reach_->clear();
    sampleModel_->setMembers({}, currency_);
    saveError_->hide();
    undo_->clear();
    countedDocument_ = json();
}

void SegmentEditor::editNew()
{
    originalName_.clear();
    pickers_.segments = allSegmentNames_;
    title_->setText(tr("New Segment"));
    historyBox_->hide();
    forgetCountsAndHistory();
    applyState({ QString(), QString(), emptyDocument() }, true);
    undo_->setClean();
}

void SegmentEditor::editNew(const json &document, const QString &name)
{
    editNew();
    json start = document;
    if (!isGroup(start["rule"]))
        start["rule"] = { { "type", "all" }, { "conditions", json::array({ start["rule"] }) } };
    pushState({ name, QString(), start }, tr("New Segment"), QString(), true);
}

void SegmentEditor::edit(const SavedSegment &segment)
{
    originalName_ = QString::fromStdString(segment.name);
    pickers_.segments = allSegmentNames_;
    pickers_.segments.removeAll(originalName_);
    title_->setText(tr("Edit Segment"));
    forgetCountsAndHistory();
    json document = segment.definition.toJson();
    // The builder edits groups: a rule that is a single condition becomes "All of" it.
    if (!isGroup(document["rule"]))
        document["rule"]
            = { { "type", "all" }, { "conditions", json::array({ document["rule"] }) } };
    applyState({ originalName_, QString::fromStdString(segment.description), document }, true);
    undo_->setClean();
    historyBox_->show();
    historyChart_->hide();
    historyNote_->setText(tr("Reading the size history…"));
}

void SegmentEditor::setHistory(const std::vector<SegmentSize> &sizes)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *line = new QLineSeries(chart);
    auto *points = new QScatterSeries(chart);
    points->setMarkerSize(7);
    std::int64_t low = 0;
    std::int64_t high = 0;
    QDateTime first;
    QDateTime last;
    for (const SegmentSize &size : sizes) {
        const QDateTime day
            = QDate::fromString(QString::fromStdString(size.day), Qt::ISODate).startOfDay(Qt::UTC);
        line->append(static_cast<qreal>(day.toMSecsSinceEpoch()), static_cast<qreal>(size.size));
        points->append(static_cast<qreal>(day.toMSecsSinceEpoch()), static_cast<qreal>(size.size));
        low = first.isValid() ? std::min(low, size.size) : size.size;
        high = first.isValid() ? std::max(high, size.size) : size.size;
        if (!first.isValid())
            first = day;
        last = day;
    }
    chart->addSeries(line);
    chart->addSeries(points);
    points->setColor(line->color());
    auto *days = new QDateTimeAxis(chart);
    days->setFormat(QStringLiteral("dd MMM"));
    days->setTickCount(std::clamp(static_cast<int>(sizes.size()), 2, 6));
    if (first.isValid())
        days->setRange(first.addDays(first == last ? -1 : 0), last.addDays(first == last ? 1 : 0));
    auto *shoppers = new QValueAxis(chart);
    shoppers->setLabelFormat(QStringLiteral("%d"));
    const std::int64_t pad = std::max<std::int64_t>(1, (high - low) / 10);
    shoppers->setRange(
        static_cast<qreal>(std::max<std::int64_t>(0, low - pad)), static_cast<qreal>(high + pad));
    chart->addAxis(days, Qt::AlignBottom);
    chart->addAxis(shoppers, Qt::AlignLeft);
    for (auto *series :
        { static_cast<QAbstractSeries *>(line), static_cast<QAbstractSeries *>(points) }) {
        series->attachAxis(days);
        series->attachAxis(shoppers);
    }
    QChart *old = historyChart_->chart();
    historyChart_->setChart(chart);
    delete old;
    historyChart_->setVisible(!sizes.empty());
    historyNote_->setText(sizes.empty()
            ? tr("No sizes recorded yet: Clientele records each saved segment's size once a "
                 "day, when the workspace is opened.")
            : tr("Sizes of %1 days; one is recorded a day, when the workspace is opened.")
                  .arg(sizes.size()));
    historyBox_->show();
}

void SegmentEditor::setSegmentNames(const QStringList &names)
{
    allSegmentNames_ = names;
    QStringList others = names;
    others.removeAll(originalName_); // a segment cannot include itself
    if (others == pickers_.segments)
        return;
    pickers_.segments = others;
    rebuildTree();
}

SegmentDefinition SegmentEditor::definition() const
{
    return SegmentDefinition::fromJson(state_.document);
}

bool SegmentEditor::isModified() const
{
    return !undo_->isClean();
}

void SegmentEditor::markSaved(const QString &name)
{
    originalName_ = name;
    undo_->setClean();
    saveError_->hide();
}

void SegmentEditor::showSaveError(const QString &message)
{
    saveError_->setText(tr("The segment was not saved: %1").arg(message));
    saveError_->show();
}

std::optional<std::int64_t> SegmentEditor::lastCount() const
{
    return lastCount_;
}

QPushButton *SegmentEditor::addConditionButton(const std::string &groupPath) const
{
    for (const GroupWidgets &group : groups_) {
        if (group.path == groupPath)
            return group.addCondition;
    }
    return nullptr;
}

QPushButton *SegmentEditor::addGroupButton(const std::string &groupPath) const
{
    for (const GroupWidgets &group : groups_) {
        if (group.path == groupPath)
            return group.addGroup;
    }
    return nullptr;
}

void SegmentEditor::pushState(
    const State &next, const QString &text, const QString &mergeKey, bool structural)
{
    if (next == state_)
        return;
    undo_->push(new EditCommand(this, state_, next, text, mergeKey, structural));
}

void SegmentEditor::applyState(const State &state, bool rebuild)
{
    state_ = state;
    if (nameEdit_->text() != state_.name)
        nameEdit_->setText(state_.name);
    if (descriptionEdit_->text() != state_.description)
        descriptionEdit_->setText(state_.description);
    if (rebuild)
        rebuildTree();
    refresh();
}

void SegmentEditor::replaceNode(
    const std::string &path, const json &node, const QString &mergeKey, bool structural)
{
    State next = state_;
    next.document[Pointer(path)] = node;
    pushState(next, tr("Change Condition"),
        mergeKey.isEmpty() ? QString() : QString::fromStdString(path) + QLatin1Char(':') + mergeKey,
        structural);
}

void SegmentEditor::addCondition(const std::string &groupPath)
{
    State next = state_;
    next.document[Pointer(groupPath)]["conditions"].push_back(
        ConditionRow::defaultCondition(QStringLiteral("trait:orders")));
    pushState(next, tr("Add Condition"), QString(), true);
}

void SegmentEditor::addGroup(const std::string &groupPath)
{
    State next = state_;
    next.document[Pointer(groupPath)]["conditions"].push_back({ { "type", "any" },
        { "conditions",
            json::array({ ConditionRow::defaultCondition(QStringLiteral("trait:orders")) }) } });
    pushState(next, tr("Add Group"), QString(), true);
}

void SegmentEditor::removeNode(const std::string &path)
{
    State next = state_;
    const auto [array, index] = splitIndex(path);
    next.document[array].erase(index);
    pushState(next, tr("Remove Condition"), QString(), true);
}

void SegmentEditor::moveNode(const std::string &path, int delta)
{
    State next = state_;
    const auto [arrayPath, index] = splitIndex(path);
    json &array = next.document[arrayPath];
    const auto target = static_cast<std::ptrdiff_t>(index) + delta;
    if (target < 0 || target >= static_cast<std::ptrdiff_t>(array.size()))
        return;
    std::swap(array[index], array[static_cast<std::size_t>(target)]);
    focusAfterRebuild_ = arrayPath.to_string() + "/" + std::to_string(target);
    pushState(next, tr("Move Condition"), QString(), true);
}

void SegmentEditor::moveOut(const std::string &path)
{
    // /rule/conditions/2/conditions/1 → after /rule/conditions/2 in /rule/conditions.
    const auto [arrayPath, index] = splitIndex(path);
    const Pointer groupPath = arrayPath.parent_pointer();
    if (groupPath.empty() || groupPath == Pointer("/rule"))
        return;
    const auto [outerArray, groupIndex] = splitIndex(groupPath.to_string());
    State next = state_;
    const json node = next.document[arrayPath][index];
    next.document[arrayPath].erase(index);
    json &outer = next.document[outerArray];
    outer.insert(outer.begin() + static_cast<std::ptrdiff_t>(groupIndex) + 1, node);
    focusAfterRebuild_ = outerArray.to_string() + "/" + std::to_string(groupIndex + 1);
    pushState(next, tr("Move Out of Group"), QString(), true);
}

void SegmentEditor::moveIn(const std::string &path)
{
    const auto [arrayPath, index] = splitIndex(path);
    const json &siblings = state_.document[arrayPath];
    const auto groupAt
        = [&](std::size_t i) { return arrayPath.to_string() + "/" + std::to_string(i); };
    for (std::size_t i = index + 1; i < siblings.size(); ++i) {
        if (isGroup(siblings[i])) {
            moveTo(path, groupAt(i), 0);
            return;
        }
    }
    for (std::size_t i = index; i-- > 0;) {
        if (isGroup(siblings[i])) {
            moveTo(path, groupAt(i), siblings[i].value("conditions", json::array()).size());
            return;
        }
    }
}

bool SegmentEditor::moveTo(const std::string &from, const std::string &groupPath, std::size_t index)
{
    if (from == "/rule" || isWithin(groupPath, from))
        return false; // a group cannot go into itself
    const Pointer group(groupPath);
    if (!state_.document.contains(Pointer(from)) || !state_.document.contains(group)
        || !isGroup(state_.document[group]))
        return false;
    const auto [fromArray, fromIndex] = splitIndex(from);
    if (fromArray == Pointer(groupPath + "/conditions")
        && (index == fromIndex || index == fromIndex + 1))
        return false; // dropped where it is
    State next = state_;
    json node = next.document[Pointer(from)];
    node["$moved"] = true;
    // The node's place is held until it is inserted, so that no path changes in between.
    next.document[Pointer(from)] = json { { "$moving", true } };
    json &target = next.document[group]["conditions"];
    target.insert(target.begin() + static_cast<std::ptrdiff_t>(std::min(index, target.size())),
        std::move(node));
    removePlaceholder(next.document["rule"]);
    focusAfterRebuild_ = takeMark(next.document["rule"], "/rule");
    pushState(next, tr("Move Condition"), QString(), true);
    return true;
}

std::string SegmentEditor::focusedPath() const
{
    for (QWidget *widget = QApplication::focusWidget(); widget && widget != treeArea_;
         widget = widget->parentWidget()) {
        const QVariant path = widget->property("path");
        if (path.isValid())
            return path.toString().toStdString();
    }
    return {};
}

QWidget *SegmentEditor::nodeWidget(const std::string &path) const
{
    for (ConditionRow *row : rows_) {
        if (row->path() == path)
            return row;
    }
    for (const GroupWidgets &group : groups_) {
        if (group.path == path)
            return group.box;
    }
    return nullptr;
}

QWidget *SegmentEditor::dragHandle(const std::string &path) const
{
    for (ConditionRow *row : rows_) {
        if (row->path() == path)
            return row->dragHandle();
    }
    for (const GroupWidgets &group : groups_) {
        if (group.path == path)
            return group.handle;
    }
    return nullptr;
}

std::optional<std::pair<std::string, std::size_t>> SegmentEditor::dropTarget(
    const std::string &dragged, const QPoint &globalPos) const
{
    // The innermost group under the pointer that is not the dragged group or inside it.
    const GroupWidgets *best = nullptr;
    for (const GroupWidgets &group : groups_) {
        if (isWithin(group.path, dragged) || !group.box->isVisible())
            continue;
        const QRect area(group.box->mapToGlobal(QPoint(0, 0)), group.box->size());
        if (area.contains(globalPos) && (!best || group.path.size() > best->path.size()))
            best = &group;
    }
    if (!best)
        return std::nullopt;
    std::size_t index = 0;
    for (std::size_t i = 0;; ++i) {
        const QWidget *child = nodeWidget(best->path + "/conditions/" + std::to_string(i));
        if (!child)
            break;
        if (child->mapToGlobal(QPoint(0, child->height() / 2)).y() < globalPos.y())
            index = i + 1;
    }
    return std::make_pair(best->path, index);
}

void SegmentEditor::showDropIndicator(
    const std::optional<std::pair<std::string, std::size_t>> &target)
{
    const QWidget *box = target ? nodeWidget(target->first) : nullptr;
    if (!box) {
        dropIndicator_->hide();
        return;
    }
    const std::string childPath = target->first + "/conditions/";
    const QWidget *before = nodeWidget(childPath + std::to_string(target->second));
    const QWidget *after
        = target->second > 0 ? nodeWidget(childPath + std::to_string(target->second - 1)) : nullptr;
    int y = 0;
    if (before)
        y = before->mapTo(treeArea_, QPoint(0, 0)).y() - 2;
    else if (after)
        y = after->mapTo(treeArea_, QPoint(0, after->height())).y();
    else
        y = box->mapTo(treeArea_, QPoint(0, 28)).y();
    const QPoint left = box->mapTo(treeArea_, QPoint(8, 0));
    dropIndicator_->setGeometry(left.x(), y, box->width() - 16, 3);
    dropIndicator_->show();
    dropIndicator_->raise();
}

bool SegmentEditor::eventFilter(QObject *watched, QEvent *event)
{
    const QVariant path = watched->property("path");
    const bool handle = path.isValid() && watched->objectName() == QLatin1String("dragHandle");
    if (!handle)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            break;
        drag_ = Drag { path.toString().toStdString(), mouse->globalPosition().toPoint(), false };
        return true;
    }
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!drag_ || !(mouse->buttons() & Qt::LeftButton))
            break;
        const QPoint at = mouse->globalPosition().toPoint();
        if (!drag_->active
            && (at - drag_->start).manhattanLength() < QApplication::startDragDistance())
            return true;
        if (!drag_->active) {
            drag_->active = true;
            QApplication::setOverrideCursor(Qt::ClosedHandCursor);
        }
        showDropIndicator(dropTarget(drag_->path, at));
        return true;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!drag_ || mouse->button() != Qt::LeftButton)
            break;
        const Drag drag = *drag_;
        drag_.reset();
        dropIndicator_->hide();
        if (!drag.active)
            return true;
        QApplication::restoreOverrideCursor();
        if (const auto target = dropTarget(drag.path, mouse->globalPosition().toPoint()))
            moveTo(drag.path, target->first, target->second);
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void SegmentEditor::rebuildTree()
{
    rows_.clear();
    groups_.clear();
    auto *container = new QWidget;
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(
        buildGroup(state_.document.value("rule", json::object()), "/rule", 0, container));
    layout->addStretch();
    // The old tree may hold the widget whose signal got us here: delete it later.
    if (QWidget *old = treeArea_->takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    treeArea_->setWidget(container);
    dropIndicator_->raise();
    if (!focusAfterRebuild_.empty()) {
        if (QWidget *grip = dragHandle(focusAfterRebuild_))
            grip->setFocus(Qt::OtherFocusReason);
        focusAfterRebuild_.clear();
    }
}

QWidget *SegmentEditor::buildGroup(
    const json &group, const std::string &path, int depth, QWidget *parent)
{
    auto *box = new QGroupBox(parent);
    box->setObjectName(QStringLiteral("conditionGroup"));
    box->setProperty("path", QString::fromStdString(path));
    auto *layout = new QVBoxLayout(box);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    GroupWidgets widgets;
    widgets.path = path;
    widgets.box = box;
    if (depth > 0) {
        auto *grip = ConditionRow::makeDragGrip(box,
            tr("Drag to move this group (or Ctrl+Up/Down, Ctrl+Shift+Up out of its parent "
               "group, Ctrl+Shift+Down into the next group)"));
        grip->setProperty("path", QString::fromStdString(path));
        grip->installEventFilter(this);
        header->addWidget(grip);
        widgets.handle = grip;
    }
    auto *match = new QComboBox(box);
    match->setObjectName(QStringLiteral("matchCombo"));
    match->addItem(tr("All of"), QStringLiteral("all"));
    match->addItem(tr("Any of"), QStringLiteral("any"));
    match->addItem(tr("None of"), QStringLiteral("none"));
    match->setCurrentIndex(std::max(
        0, match->findData(QString::fromStdString(group.value("type", std::string("all"))))));
    match->setToolTip(tr("Whether a shopper must meet all, any or none of these conditions"));
    connect(match, &QComboBox::activated, this, [this, match, path](int index) {
        json node = state_.document[Pointer(path)];
        node["type"] = match->itemData(index).toString().toStdString();
        replaceNode(path, node, QString(), false);
    });
    header->addWidget(match);
    header->addWidget(new QLabel(tr("these conditions:"), box));
    header->addStretch();
    if (depth > 0) {
        auto button = [&](const QString &glyph, const QString &tip, const QString &name) {
            auto *b = new QToolButton(box);
            b->setText(glyph);
            b->setToolTip(tip);
            b->setAutoRaise(true);
            b->setObjectName(name);
            header->addWidget(b);
            return b;
        };
        connect(button(QStringLiteral("↑"), tr("Move group up"), QStringLiteral("moveUp")),
            &QToolButton::clicked, this, [this, path] { moveNode(path, -1); });
        connect(button(QStringLiteral("↓"), tr("Move group down"), QStringLiteral("moveDown")),
            &QToolButton::clicked, this, [this, path] { moveNode(path, 1); });
        auto *out = button(QStringLiteral("⇤"), tr("Move group out of its parent group"),
            QStringLiteral("moveOut"));
        out->setEnabled(depth > 1);
        connect(out, &QToolButton::clicked, this, [this, path] { moveOut(path); });
        connect(button(QStringLiteral("✕"), tr("Remove this group"), QStringLiteral("remove")),
            &QToolButton::clicked, this, [this, path] { removeNode(path); });
    }
    layout->addLayout(header);

    const json conditions = group.value("conditions", json::array());
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const std::string childPath = path + "/conditions/" + std::to_string(i);
        const json &child = conditions.at(i);
        if (isGroup(child)) {
            layout->addWidget(buildGroup(child, childPath, depth + 1, box));
            continue;
        }
        auto *row = new ConditionRow(child, childPath, pickers_, depth > 0, box);
        row->dragHandle()->setProperty("path", QString::fromStdString(childPath));
        row->dragHandle()->installEventFilter(this);
        connect(row, &ConditionRow::edited, this, &SegmentEditor::replaceNode);
        connect(row, &ConditionRow::removeRequested, this, &SegmentEditor::removeNode);
        connect(row, &ConditionRow::moveRequested, this, &SegmentEditor::moveNode);
        connect(row, &ConditionRow::moveOutRequested, this, &SegmentEditor::moveOut);
        rows_.push_back(row);
        layout->addWidget(row);
    }

    widgets.issues = new QLabel(box);
    widgets.issues->setObjectName(QStringLiteral("groupIssues"));
    widgets.issues->setStyleSheet(QStringLiteral("color: #c62828;"));
    widgets.issues->setWordWrap(true);
    widgets.issues->hide();
    layout->addWidget(widgets.issues);

    auto *footer = new QHBoxLayout;
    widgets.addCondition = smallButton(tr("+ Add condition"), QStringLiteral("addCondition"), box);
    widgets.addGroup = smallButton(tr("+ Add group"), QStringLiteral("addGroup"), box);
    connect(
        widgets.addCondition, &QPushButton::clicked, this, [this, path] { addCondition(path); });
    connect(widgets.addGroup, &QPushButton::clicked, this, [this, path] { addGroup(path); });
    footer->addWidget(widgets.addCondition);
    footer->addWidget(widgets.addGroup);
    footer->addStretch();
    layout->addLayout(footer);
    groups_.push_back(widgets);
    return box;
}

void SegmentEditor::refresh()
{
    const SegmentValidator validator(FieldRegistry::standard(), nullptr);
    ValidationOptions options;
    options.selfName = state_.name.toStdString();
    issues_ = validator.validateJson(state_.document, options);
    // Included segments are looked up in the workspace, which only the workers read: the
    // count and the save check them (cycles, removed segments) and say so.
    std::vector<ValidationIssue> kept;
    for (ValidationIssue &issue : issues_) {
        const std::string suffix = "/segment";
        if (issue.path.size() > suffix.size()
            && issue.path.compare(issue.path.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const json node = state_.document.value(
                Pointer(issue.path.substr(0, issue.path.size() - suffix.size())), json());
            if (node.value("type", std::string()) == "segment")
                continue;
        }
        kept.push_back(std::move(issue));
    }
    issues_ = std::move(kept);
    for (const ConditionRow *row : rows_) {
        if (row->node().value("type", std::string()) == "segment"
            && row->node().value("segment", std::string()).empty())
            issues_.push_back({ row->path() + "/segment", tr("Choose a segment.").toStdString() });
    }

    // Each issue goes to the row or group whose path is the longest prefix of its path.
    std::vector<QStringList> rowIssues(rows_.size());
    std::vector<QStringList> groupIssues(groups_.size());
    for (const ValidationIssue &issue : issues_) {
        std::size_t best = 0;
        int bestRow = -1;
        int bestGroup = -1;
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            if (isWithin(issue.path, rows_[i]->path()) && rows_[i]->path().size() >= best) {
                best = rows_[i]->path().size();
                bestRow = static_cast<int>(i);
            }
        }
        for (std::size_t i = 0; i < groups_.size(); ++i) {
            if (isWithin(issue.path, groups_[i].path) && groups_[i].path.size() > best) {
                best = groups_[i].path.size();
                bestGroup = static_cast<int>(i);
                bestRow = -1;
            }
        }
        const QString message = QString::fromStdString(issue.message);
        if (bestRow >= 0)
            rowIssues[static_cast<std::size_t>(bestRow)] << message;
        else if (bestGroup >= 0)
            groupIssues[static_cast<std::size_t>(bestGroup)] << message;
        else if (!groups_.empty())
            groupIssues.front() << message;
    }
    for (std::size_t i = 0; i < rows_.size(); ++i)
        rows_[i]->setIssues(rowIssues[i]);
    for (std::size_t i = 0; i < groups_.size(); ++i) {
        groups_[i].issues->setText(groupIssues[i].join(QLatin1Char('\n')));
        groups_[i].issues->setVisible(!groupIssues[i].isEmpty());
    }

    const json &rule = state_.document.value("rule", json::object());
    const bool empty = rule.value("conditions", json::array()).empty();
    sentence_->setText(empty ? tr("Add a condition to describe the shoppers of this segment.")
                             : SegmentText::sentence(rule) + QLatin1Char('.'));

    const bool named = !state_.name.trimmed().isEmpty();
    save_->setEnabled(issues_.empty() && named);
    save_->setToolTip(!issues_.empty() ? tr("Fix the conditions marked in red to save.")
            : !named                   ? tr("Give the segment a name to save it.")
                                       : QString());

    if (!issues_.empty()) {
        countedDocument_ = json();
        runner_->cancel();
        setCountGreyed(true);
        countStatus_->setText(empty ? tr("Add a condition to count its shoppers.")
                                    : tr("Fix the conditions marked in red to count."));
        return;
    }
    if (state_.document == countedDocument_)
        return; // a new name or description: the members are the same
    countedDocument_ = state_.document;
    setCountGreyed(true);
    countStatus_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    countStatus_->setText(tr("counting…"));
    runner_->start(state_.document);
}

void SegmentEditor::setCountGreyed(bool greyed)
{
    count_->setStyleSheet(greyed ? QStringLiteral("color: palette(mid);") : QString());
}

void SegmentEditor::showResult(const SegmentCountResult &result)
{
    const QLocale locale;
    lastCount_ = result.reach.total;
    lastReach_ = result.reach;
    count_->setText((result.reach.total == 1 ? tr("1 shopper · %2 ms") : tr("%1 shoppers · %2 ms"))
                        .arg(locale.toString(static_cast<qlonglong>(result.reach.total)))
                        .arg(result.elapsedMs < 1 ? tr("< 1") : QString::number(result.elapsedMs)));
    setCountGreyed(false);
    countStatus_->clear();
    reach_->setText(tr("Reachable: %1 by e-mail · %2 by SMS · %3 by push")
                        .arg(locale.toString(static_cast<qlonglong>(result.reach.email)),
                            locale.toString(static_cast<qlonglong>(result.reach.sms)),
                            locale.toString(static_cast<qlonglong>(result.reach.push))));
    reach_->setToolTip(
        tr("Shoppers with the address or device and consent granted for the channel"));
    sampleModel_->setMembers(result.sample, currency_);
    Q_EMIT countShown(result.reach.total);
}

void SegmentEditor::showCountFailure(const QString &message)
{
    countStatus_->setText(tr("Could not count: %1").arg(message));
    countStatus_->setStyleSheet(QStringLiteral("color: #c62828;"));
}

} // namespace clientele
