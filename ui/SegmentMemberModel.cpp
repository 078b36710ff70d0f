#include "SegmentMemberModel.h"

#include "DisplayFormat.h"

namespace clientele {

SegmentMemberModel::SegmentMemberModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SegmentMemberModel::setMembers(std::vector<SegmentMember> members, const std::string &currency)
{
    beginResetModel();
    members_ = std::move(members);
    currency_ = currency;
    endResetModel();
}

std::int64_t SegmentMemberModel::profileIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? members_[static_cast<std::size_t>(row)].profileId : 0;
}

int SegmentMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(members_.size());
}

int SegmentMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentMemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SegmentMember &member = members_[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return member.name.empty() ? tr("(anonymous)") : QString::fromStdString(member.name);
        case Email:
            return member.email.empty() ? noValue() : QString::fromStdString(member.email);
        case Revenue:
            return formatMoney(member.revenue, currency_, 2);
        case RfmGroup:
            return member.rfmGroup.empty() ? noValue() : rfmGroupDisplayName(member.rfmGroup);
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole && index.column() == Revenue) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant SegmentMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("E-mail");
    case Revenue:
        return tr("Revenue");
    case RfmGroup:
        return tr("RFM group");
    default:
        break;
    }
    return {};
}

} // namespace clientele
