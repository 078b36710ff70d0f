#include "SegmentListModel.h"

#include "DisplayFormat.h"

#include <QLocale>

namespace clientele {

SegmentListModel::SegmentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SegmentListModel::setSegments(std::vector<SavedSegment> segments)
{
    beginResetModel();
    rows_.clear();
    for (SavedSegment &segment : segments)
        rows_.push_back({ std::move(segment), false, std::nullopt });
    endResetModel();
}

void SegmentListModel::setSize(std::int64_t id, std::optional<std::int64_t> size)
{
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        if (rows_[row].segment.id != id)
            continue;
        rows_[row].counted = true;
        rows_[row].size = size;
        const QModelIndex cell = index(static_cast<int>(row), Size);
        Q_EMIT dataChanged(cell, cell);
    }
}

int SegmentListModel::rowOf(const QString &name) const
{
    for (std::size_t row = 0; row < rows_.size(); ++row) {
        if (QString::fromStdString(rows_[row].segment.name) == name)
            return static_cast<int>(row);
    }
    return -1;
}

int SegmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SegmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(row.segment.name);
        case Description:
            return QString::fromStdString(row.segment.description);
        case Size:
            if (!row.counted)
                return tr("counting…");
            return row.size ? QLocale().toString(static_cast<qlonglong>(*row.size))
                            : tr("cannot be counted");
        case Updated:
            return formatLocalDateTime(row.segment.updatedAt);
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole && index.column() == Size) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::UserRole && index.column() == Size) {
        return row.size ? QVariant::fromValue(static_cast<qlonglong>(*row.size)) : QVariant();
    }
    return {};
}

QVariant SegmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Size:
        return tr("Shoppers");
    case Updated:
        return tr("Last updated");
    default:
        break;
    }
    return {};
}

} // namespace clientele
