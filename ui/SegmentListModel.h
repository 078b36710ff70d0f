#pragma once

#include "segment/SegmentStore.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace clientele {

/** The saved segments of a workspace: name, description, size (counted later), last updated. */
class SegmentListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Description, Size, Updated, ColumnCount };

    explicit SegmentListModel(QObject *parent = nullptr);

    /// Replaces the list; sizes start unknown ("counting…").
    void setSegments(std::vector<SavedSegment> segments);
    /// The counted size of the segment with that id (nullopt: it could not be counted).
    void setSize(std::int64_t id, std::optional<std::int64_t> size);
    const SavedSegment &segmentAt(int row) const
    {
        return rows_.at(static_cast<std::size_t>(row)).segment;
    }
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        SavedSegment segment;
        bool counted = false;
        std::optional<std::int64_t> size;
    };
    std::vector<Row> rows_;
};

} // namespace clientele
