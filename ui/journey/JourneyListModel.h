#pragma once

#include "journey/JourneyStore.h"

#include <QAbstractTableModel>

#include <vector>

namespace clientele {

/** The saved journeys of a workspace: name, on or off, shoppers in it, outbox pending. */
class JourneyListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Status, InJourney, Outbox, ColumnCount };

    explicit JourneyListModel(QObject *parent = nullptr);

    void setJourneys(std::vector<JourneySummary> journeys);
    const JourneySummary &journeyAt(int row) const
    {
        return rows_.at(static_cast<std::size_t>(row));
    }
    /// The row of the journey called name, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<JourneySummary> rows_;
};

} // namespace clientele
