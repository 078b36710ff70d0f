#pragma once

#include "segment/SegmentEvaluator.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace clientele {

/** The first members of the segment being edited: name, e-mail, revenue, RFM group. */
class SegmentMemberModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Email, Revenue, RfmGroup, ColumnCount };

    explicit SegmentMemberModel(QObject *parent = nullptr);

    void setMembers(std::vector<SegmentMember> members, const std::string &currency);
    std::int64_t profileIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<SegmentMember> members_;
    std::string currency_;
};

} // namespace clientele
