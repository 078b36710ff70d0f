#pragma once

#include "DatabaseWorker.h"
#include "SegmentOverlapDialog.h"

#include <nlohmann/json.hpp>

#include <QPointer>
#include <QWidget>

#include <optional>

#include <string>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace clientele {

class SegmentEditor;
class SegmentListModel;

/**
 * The Segments area: the saved segments with their sizes (counted in the background when
 * the list is shown), New / Edit / Duplicate / Delete, and the builder. Reads and writes
 * go through workers with their own connections; the UI thread never waits on SQLite.
 */
class SegmentsPage : public QWidget {
    Q_OBJECT

public:
    explicit SegmentsPage(QWidget *parent = nullptr);
    ~SegmentsPage() override;

    void setWorkspace(const QString &path, const std::string &currency);
    /// Reads the list again and counts every segment.
    void reload();

    void newSegment();
    void editSegment(int row);
    void duplicateSegment(int row);
    void deleteSegment(int row);
    void showList();
    bool isEditing() const;
    /// Opens the overlap of two segments: the selected saved one (or the one being edited,
    /// with its unsaved rule, when editing) and another.
    SegmentOverlapDialog *openOverlap();
    SegmentOverlapDialog *overlapDialog() const { return overlapDialog_; }

    SegmentListModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    SegmentEditor *editor() const { return editor_; }
    /// True while the list or any size is still being read.
    bool isLoading() const { return pendingCounts_ > 0 || loadingList_; }

Q_SIGNALS:
    /// A shopper of a sample was double-clicked.
    void profileRequested(qint64 profileId);
    /// The list was read (and sizes are being counted).
    void listLoaded();
    /// "Export…" on a saved segment: the Export area should open with it as the audience.
    void exportRequested(const QString &segmentName);

private:
    QWidget *createListView();
    void updateListState();
    void save();
    int currentRow() const;
    /// The segment name that is free: "Name (copy)", "Name (copy 2)" …
    QString freeName(const QString &base) const;
    /// base itself when free, else "base (2)", "base (3)" …
    QString unusedName(const QString &base) const;
    /// Saves a part of an overlap as a new segment and asks Export to open it.
    void exportPart(const nlohmann::json &document, const QString &name);

    DatabaseWorker writer_;
    DatabaseWorker counter_;
    SegmentListModel *model_ = nullptr;
    SegmentEditor *editor_ = nullptr;
    QStackedWidget *pages_ = nullptr;
    QStackedWidget *listStates_ = nullptr;
    QTableView *table_ = nullptr;
    QPushButton *editButton_ = nullptr;
    QPushButton *duplicateButton_ = nullptr;
    QPushButton *deleteButton_ = nullptr;
    QPushButton *exportButton_ = nullptr;
    QPushButton *overlapButton_ = nullptr;
    QPointer<SegmentOverlapDialog> overlapDialog_;
    QLabel *message_ = nullptr;
    QString path_;
    std::string currency_;
    int listGeneration_ = 0;
    int pendingCounts_ = 0;
    bool loadingList_ = false;
};

} // namespace clientele
