#include "JourneyListModel.h"

#include "DisplayFormat.h"

#include <QColor>
#include <QLocale>

namespace clientele {

JourneyListModel::JourneyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void JourneyListModel::setJourneys(std::vector<JourneySummary> journeys)
{
    beginResetModel();
    rows_ = std::move(journeys);
    endResetModel();
}

int JourneyListModel::rowOf(const QString &name) const
{
    for (std::size_t row = 0; row < rows_.size(); ++row)
        if (QString::fromStdString(rows_[row].name) == name)
            return static_cast<int>(row);
    return -1;
}

int JourneyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int JourneyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JourneyListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const JourneySummary &journey = rows_[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString::fromStdString(journey.name);
        case Status:
            return journey.active ? tr("On") : tr("Off");
        case InJourney:
            return QLocale().toString(static_cast<qlonglong>(journey.inJourney));
        case Outbox:
            return QLocale().toString(static_cast<qlonglong>(journey.outboxPending));
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        return journey.active ? QColor(0x2e, 0x7d, 0x32) : QColor(0x75, 0x75, 0x75);
    if (role == Qt::TextAlignmentRole && (index.column() == InJourney || index.column() == Outbox))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        const QString state = journey.active
            ? tr("On since %1: each import moves shoppers along it.")
                  .arg(formatLocalDateTime(journey.activatedAt))
            : tr("Off: imports leave it alone.");
        return tr("%1\nLast saved %2\n%3 shoppers at a step, %4 messages waiting in the outbox")
            .arg(state, formatLocalDateTime(journey.updatedAt),
                QLocale().toString(static_cast<qlonglong>(journey.inJourney)),
                QLocale().toString(static_cast<qlonglong>(journey.outboxPending)));
    }
    return {};
}

QVariant JourneyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Journey");
        case Status:
            return tr("On/Off");
        case InJourney:
            return tr("In");
        case Outbox:
            return tr("Outbox");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case InJourney:
            return tr("Shoppers at a step now");
        case Outbox:
            return tr("Messages waiting to be exported");
        default:
            return {};
        }
    }
    return {};
}

} // namespace clientele
