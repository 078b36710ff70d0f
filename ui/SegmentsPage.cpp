#include "SegmentsPage.h"

#include "Prompts.h"
#include "SegmentEditor.h"
#include "SegmentListModel.h"
#include "SegmentOverlapDialog.h"

#include "common/Time.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Database.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace clientele {

namespace {

enum PageIndex { ListPage = 0, EditorPage = 1 };
enum ListState { TableState = 0, EmptyState = 1 };

} // namespace

SegmentsPage::SegmentsPage(QWidget *parent)
    : QWidget(parent)
    , writer_(Database::Mode::ReadWrite)
    , counter_(Database::Mode::ReadOnly)
{
    model_ = new SegmentListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_);
    pages_->insertWidget(ListPage, createListView());
    editor_ = new SegmentEditor(pages_);
    pages_->insertWidget(EditorPage, editor_);

    connect(editor_, &SegmentEditor::saveRequested, this, &SegmentsPage::save);
    connect(editor_, &SegmentEditor::profileRequested, this, &SegmentsPage::profileRequested);
    connect(editor_, &SegmentEditor::overlapRequested, this, &SegmentsPage::openOverlap);
    connect(editor_, &SegmentEditor::closeRequested, this, [this] {
        if (editor_->isModified()
            && !Prompts::confirm(this, tr("Unsaved Changes"),
                tr("The segment has changes that are not saved. Leave it anyway?"),
                tr("Discard Changes")))
            return;
        showList();
    });
}

SegmentsPage::~SegmentsPage() = default;

QWidget *SegmentsPage::createListView()
{
    auto *view = new QWidget(this);
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("Segments"), view);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *newButton = new QPushButton(tr("New Segment"), view);
    newButton->setObjectName(QStringLiteral("newSegmentButton"));
    editButton_ = new QPushButton(tr("Edit"), view);
    editButton_->setObjectName(QStringLiteral("editSegmentButton"));
    duplicateButton_ = new QPushButton(tr("Duplicate"), view);
    duplicateButton_->setObjectName(QStringLiteral("duplicateSegmentButton"));
    deleteButton_ = new QPushButton(tr("Delete…"), view);
    deleteButton_->setObjectName(QStringLiteral("deleteSegmentButton"));
    exportButton_ = new QPushButton(tr("Export…"), view);
    exportButton_->setObjectName(QStringLiteral("exportSegmentButton"));
    exportButton_->setToolTip(tr("Write this segment's shoppers to a campaign file"));
    overlapButton_ = new QPushButton(tr("Overlap…"), view);
    overlapButton_->setObjectName(QStringLiteral("overlapSegmentsButton"));
    overlapButton_->setToolTip(tr("How many shoppers two segments share"));
    connect(overlapButton_, &QPushButton::clicked, this, &SegmentsPage::openOverlap);
    connect(newButton, &QPushButton::clicked, this, &SegmentsPage::newSegment);
    connect(editButton_, &QPushButton::clicked, this, [this] { editSegment(currentRow()); });
    connect(
        duplicateButton_, &QPushButton::clicked, this, [this] { duplicateSegment(currentRow()); });
    connect(deleteButton_, &QPushButton::clicked, this, [this] { deleteSegment(currentRow()); });
    connect(exportButton_, &QPushButton::clicked, this, [this] {
        if (const int row = currentRow(); row >= 0)
            Q_EMIT exportRequested(QString::fromStdString(model_->segmentAt(row).name));
    });
    top->addWidget(title);
    top->addStretch();
    top->addWidget(newButton);
    top->addWidget(editButton_);
    top->addWidget(duplicateButton_);
    top->addWidget(deleteButton_);
    top->addWidget(exportButton_);
    top->addWidget(overlapButton_);
    layout->addLayout(top);

    message_ = new QLabel(view);
    message_->setObjectName(QStringLiteral("segmentsMessage"));
    message_->setWordWrap(true);
    message_->hide();
    layout->addWidget(message_);

    listStates_ = new QStackedWidget(view);
    table_ = new QTableView(view);
    table_->setObjectName(QStringLiteral("segmentTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setColumnWidth(SegmentListModel::Name, 220);
    table_->setColumnWidth(SegmentListModel::Description, 360);
    table_->setColumnWidth(SegmentListModel::Size, 110);
    connect(table_, &QTableView::activated, this,
        [this](const QModelIndex &index) { editSegment(index.row()); });
    auto *deleteShortcut = new QAction(table_);
    deleteShortcut->setShortcut(QKeySequence::Delete);
    deleteShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QAction::triggered, this, [this] { deleteSegment(currentRow()); });
    table_->addAction(deleteShortcut);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SegmentsPage::updateListState);
    listStates_->insertWidget(TableState, table_);

    auto *empty = new QWidget(view);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    auto *emptyTitle = new QLabel(tr("No segments yet"), empty);
    emptyTitle->setObjectName(QStringLiteral("segmentsEmptyTitle"));
    emptyTitle->setAlignment(Qt::AlignCenter);
    QFont emptyFont = emptyTitle->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    emptyFont.setBold(true);
    emptyTitle->setFont(emptyFont);
    auto *emptyText = new QLabel(
        tr("A segment is a group of shoppers described by rules, such as “spent more than "
           "100 in the last year” or “added to cart but did not order within a day”. "
           "Clientele keeps it up to date as new data arrives, counts it every day and lets "
           "you export it for a campaign."),
        empty);
    emptyText->setObjectName(QStringLiteral("segmentsEmptyText"));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    emptyText->setMaximumWidth(560);
    auto *emptyNew = new QPushButton(tr("New Segment"), empty);
    emptyNew->setObjectName(QStringLiteral("segmentsEmptyNew"));
    connect(emptyNew, &QPushButton::clicked, this, &SegmentsPage::newSegment);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(emptyText);
    textRow->addStretch();
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(emptyNew);
    buttonRow->addStretch();
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addLayout(textRow);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch();
    listStates_->insertWidget(EmptyState, empty);
    layout->addWidget(listStates_, 1);
    updateListState();
    return view;
}

void SegmentsPage::setWorkspace(const QString &path, const std::string &currency)
{
    path_ = path;
    currency_ = currency;
    writer_.setWorkspace(path);
    counter_.setWorkspace(path);
    editor_->setWorkspace(path, currency);
    showList();
    reload();
}

void SegmentsPage::reload()
{
    const int generation = ++listGeneration_;
    pendingCounts_ = 0;
    if (path_.isEmpty()) {
        model_->setSegments({});
        updateListState();
        return;
    }
    loadingList_ = true;
    updateListState();
    writer_.post<std::vector<SavedSegment>>(
        this, [](Database &db) { return SegmentStore(db).list(); },
        [this, generation](std::vector<SavedSegment> segments) {
            if (generation != listGeneration_)
                return;
            loadingList_ = false;
            std::vector<std::pair<std::int64_t, SegmentDefinition>> toCount;
            QStringList names;
            for (const SavedSegment &segment : segments) {
                toCount.emplace_back(segment.id, segment.definition);
                names << QString::fromStdString(segment.name);
            }
            editor_->setSegmentNames(names);
            model_->setSegments(std::move(segments));
            updateListState();
            pendingCounts_ = static_cast<int>(toCount.size());
            for (const auto &[id, definition] : toCount) {
                counter_.post<std::optional<std::int64_t>>(
                    this,
                    [definition](Database &db) -> std::optional<std::int64_t> {
                        SegmentStore store(db);
                        try {
                            return SegmentEvaluator(db, &store).count(definition);
                        } catch (const SegmentError &) {
                            return std::nullopt; // an included segment was removed since
                        }
                    },
                    [this, generation, id](std::optional<std::int64_t> size) {
                        if (generation != listGeneration_)
                            return;
                        --pendingCounts_;
                        model_->setSize(id, size);
                    },
                    [this, generation, id](const QString &) {
                        if (generation != listGeneration_)
                            return;
                        --pendingCounts_;
                        model_->setSize(id, std::nullopt);
                    });
            }
            Q_EMIT listLoaded();
        },
        [this, generation](const QString &message) {
            if (generation != listGeneration_)
                return;
            loadingList_ = false;
            message_->setText(tr("The segments could not be read: %1").arg(message));
            message_->show();
        });
}

void SegmentsPage::updateListState()
{
    // The explanation only once the list is known to be empty, not while it is read.
    listStates_->setCurrentIndex(
        model_->rowCount() == 0 && !loadingList_ ? EmptyState : TableState);
    const bool selected = currentRow() >= 0;
    editButton_->setEnabled(selected);
    duplicateButton_->setEnabled(selected);
    deleteButton_->setEnabled(selected);
    exportButton_->setEnabled(selected);
    overlapButton_->setEnabled(model_->rowCount() >= 2);
}

int SegmentsPage::currentRow() const
{
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

bool SegmentsPage::isEditing() const
{
    return pages_->currentIndex() == EditorPage;
}

void SegmentsPage::showList()
{
    pages_->setCurrentIndex(ListPage);
}

void SegmentsPage::newSegment()
{
    editor_->editNew();
    pages_->setCurrentIndex(EditorPage);
    editor_->nameField()->setFocus();
}

void SegmentsPage::editSegment(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const SavedSegment segment = model_->segmentAt(row);
    editor_->edit(segment);
    pages_->setCurrentIndex(EditorPage);
    const std::int64_t id = segment.id;
    writer_.post<std::vector<SegmentSize>>(
        editor_, [id](Database &db) { return SegmentStore(db).sizes(id); },
        [this, name = editor_->originalName()](std::vector<SegmentSize> sizes) {
            if (editor_->originalName() == name)
                editor_->setHistory(sizes);
        });
}

QString SegmentsPage::freeName(const QString &base) const
{
    QString name = tr("%1 (copy)").arg(base);
    for (int n = 2; model_->rowOf(name) >= 0; ++n)
        name = tr("%1 (copy %2)").arg(base).arg(n);
    return name;
}

void SegmentsPage::duplicateSegment(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const SavedSegment segment = model_->segmentAt(row);
    const std::string name = freeName(QString::fromStdString(segment.name)).toStdString();
    writer_.post<bool>(
        this,
        [segment, name](Database &db) {
            SegmentStore(db).save(name, segment.definition, segment.description, nowMillis());
            return true;
        },
        [this](bool) { reload(); },
        [this](const QString &message) {
            message_->setText(tr("The segment was not duplicated: %1").arg(message));
            message_->show();
        });
}

void SegmentsPage::deleteSegment(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const QString name = QString::fromStdString(model_->segmentAt(row).name);
    if (!Prompts::confirm(this, tr("Delete Segment"),
            tr("Delete the segment “%1” and its size history? Segments that include it will "
               "need to be changed.")
                .arg(name),
            tr("Delete")))
        return;
    writer_.post<bool>(
        this, [name = name.toStdString()](Database &db) { return SegmentStore(db).remove(name); },
        [this](bool) { reload(); },
        [this](const QString &message) {
            message_->setText(tr("The segment was not deleted: %1").arg(message));
            message_->show();
        });
}

void SegmentsPage::save()
{
    const QString name = editor_->name().trimmed();
    const QString original = editor_->originalName();
    if (name != original && model_->rowOf(name) >= 0
        && !Prompts::confirm(this, tr("Replace Segment"),
            tr("A segment named “%1” exists already. Replace it?").arg(name), tr("Replace")))
        return;
    const SegmentDefinition definition = editor_->definition();
    const std::string description = editor_->description().toStdString();
    writer_.post<bool>(
        this,
        [name = name.toStdString(), original = original.toStdString(), definition, description](
            Database &db) {
            // A renamed segment keeps its history and the segments that include it follow;
            // rename and save succeed or fail together.
            SegmentStore(db).saveAs(original, name, definition, description, nowMillis());
            return true;
        },
        [this, name](bool) {
            editor_->markSaved(name);
            showList();
            reload();
        },
        [this](const QString &message) { editor_->showSaveError(message); });
}

SegmentOverlapDialog *SegmentsPage::openOverlap()
{
    if (overlapDialog_)
        overlapDialog_->close();
    QStringList names;
    for (int row = 0; row < model_->rowCount(); ++row)
        names << QString::fromStdString(model_->segmentAt(row).name);
    std::optional<std::pair<QString, nlohmann::json>> editing;
    if (isEditing()) {
        // The edited version stands for the saved one, under the name it has now.
        names.removeAll(editor_->originalName());
        editing.emplace(editor_->name().trimmed(), editor_->document());
    } else if (const int row = currentRow(); row >= 0) {
        names.move(row, 0); // the selected segment is A
    }
    auto *dialog = new SegmentOverlapDialog(path_, names, editing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SegmentOverlapDialog::openPartRequested, this,
        [this, dialog](const nlohmann::json &document, const QString &name) {
            if (isEditing() && editor_->isModified()
                && !Prompts::confirm(this, tr("Unsaved Changes"),
                    tr("The segment has changes that are not saved. Leave it anyway?"),
                    tr("Discard Changes")))
                return;
            dialog->close();
            editor_->editNew(document, unusedName(name));
            pages_->setCurrentIndex(EditorPage);
        });
    connect(dialog, &SegmentOverlapDialog::exportPartRequested, this,
        [this, dialog](const nlohmann::json &document, const QString &name) {
            dialog->close();
            exportPart(document, name);
        });
    overlapDialog_ = dialog;
    dialog->show();
    return dialog;
}

QString SegmentsPage::unusedName(const QString &base) const
{
    QString name = base;
    for (int n = 2; model_->rowOf(name) >= 0; ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    return name;
}

void SegmentsPage::exportPart(const nlohmann::json &document, const QString &name)
{
    const QString saved = unusedName(name);
    const SegmentDefinition definition = SegmentDefinition::fromJson(document);
    writer_.post<bool>(
        this,
        [definition, name = saved.toStdString()](Database &db) {
            SegmentStore(db).save(name, definition, {}, nowMillis());
            return true;
        },
        [this, saved](bool) {
            reload();
            Q_EMIT exportRequested(saved);
        },
        [this](const QString &message) {
            message_->setText(tr("The part was not saved for the export: %1").arg(message));
            message_->show();
        });
}

} // namespace clientele
