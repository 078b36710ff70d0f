#include "CustomerListModel.h"

#include "DisplayFormat.h"

#include <QLocale>

namespace clientele {

namespace {

std::optional<CustomerSort> sortOf(int column)
{
    switch (column) {
    case CustomerListModel::Orders:
        return CustomerSort::Orders;
    case CustomerListModel::Revenue:
        return CustomerSort::Revenue;
    case CustomerListModel::LastOrder:
        return CustomerSort::LastOrder;
    case CustomerListModel::LastSeen:
        return CustomerSort::LastSeen;
    case CustomerListModel::RfmGroup:
        return CustomerSort::RfmGroup;
    case CustomerListModel::LoyaltyTier:
        return CustomerSort::LoyaltyTier;
    case CustomerListModel::EmailConsent:
        return CustomerSort::EmailConsent;
    default:
        return std::nullopt;
    }
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/// What the list reads on the worker for one block.
struct Block {
    std::vector<CustomerRow> rows;
    std::optional<CustomerListCursor> next;
    qint64 total = -1; ///< counted with the first block only
};

} // namespace

CustomerListModel::CustomerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CustomerListModel::setWorkspace(const QString &path, const std::string &currency)
{
    worker_.setWorkspace(path);
    currency_ = currency.empty() ? std::string("EUR") : currency;
    restart();
}

void CustomerListModel::reload()
{
    restart();
}

void CustomerListModel::restart()
{
    beginResetModel();
    ++generation_;
    rows_.clear();
    listRows_.clear();
    searching_ = false;
    listStale_ = false;
    next_.reset();
    total_ = -1;
    pending_ = false;
    atEnd_ = worker_.workspace().isEmpty();
    endResetModel();
    if (!atEnd_)
        requestBlock();
    else
        Q_EMIT blockLoaded();
}

void CustomerListModel::requestBlock()
{
    if (pending_ || atEnd_)
        return;
    pending_ = true;
    CustomerListQuery query;
    query.sort = sortOf(sortColumn_).value_or(CustomerSort::Revenue);
    query.descending = sortOrder_ == Qt::DescendingOrder;
    query.limit = kBlockSize;
    query.after = next_;
    const bool first = !next_;
    const quint64 generation = generation_;
    worker_.post<Block>(
        this,
        [query, first](Database &db) {
            Block block;
            CustomerListPage page = CustomerList::page(db, query);
            block.rows = std::move(page.rows);
            block.next = std::move(page.next);
            if (first)
                block.total = CustomerList::count(db);
            return block;
        },
        [this, generation](Block block) {
            if (generation != generation_)
                return; // a newer sort or reload superseded this block
            pending_ = false;
            next_ = block.next;
            atEnd_ = !next_;
            if (block.total >= 0) {
                total_ = block.total;
                Q_EMIT totalCountChanged(total_);
            }
            auto &target = searching_ ? listRows_ : rows_;
            if (!block.rows.empty()) {
                if (searching_) {
                    target.insert(target.end(), block.rows.begin(), block.rows.end());
                } else {
                    const int first = static_cast<int>(rows_.size());
                    beginInsertRows({}, first, first + static_cast<int>(block.rows.size()) - 1);
                    rows_.insert(rows_.end(), std::make_move_iterator(block.rows.begin()),
                        std::make_move_iterator(block.rows.end()));
                    endInsertRows();
                }
            }
            Q_EMIT blockLoaded();
        },
        [this, generation](const QString &message) {
            if (generation != generation_)
                return;
            pending_ = false;
            atEnd_ = true;
            Q_EMIT loadFailed(message);
            Q_EMIT blockLoaded();
        });
}

void CustomerListModel::showSearchResults(std::vector<CustomerRow> rows)
{
    beginResetModel();
    if (!searching_)
        listRows_ = std::move(rows_);
    searching_ = true;
    rows_ = std::move(rows);
    endResetModel();
}

void CustomerListModel::clearSearchResults()
{
    if (!searching_)
        return;
    if (listStale_) {
        listStale_ = false;
        restart();
        return;
    }
    beginResetModel();
    searching_ = false;
    rows_ = std::move(listRows_);
    listRows_.clear();
    endResetModel();
}

QString CustomerListModel::columnKey(int column)
{
    switch (column) {
    case Name:
        return QStringLiteral("name");
    case Email:
        return QStringLiteral("email");
    case Phone:
        return QStringLiteral("phone");
    case CustomerId:
        return QStringLiteral("customer_id");
    case Country:
        return QStringLiteral("country");
    case Orders:
        return QStringLiteral("orders");
    case Revenue:
        return QStringLiteral("revenue");
    case LastOrder:
        return QStringLiteral("last_order");
    case LastSeen:
        return QStringLiteral("last_seen");
    case RfmGroup:
        return QStringLiteral("rfm_group");
    case CartValue:
        return QStringLiteral("cart_value");
    case LoyaltyTier:
        return QStringLiteral("loyalty_tier");
    case EmailConsent:
        return QStringLiteral("email_consent");
    default:
        return {};
    }
}

bool CustomerListModel::isSortable(int column)
{
    return sortOf(column).has_value();
}

std::int64_t CustomerListModel::profileIdAt(int row) const
{
    const CustomerRow *customer = rowAt(row);
    return customer ? customer->profileId : 0;
}

const CustomerRow *CustomerListModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(rows_.size()))
        return nullptr;
    return &rows_[static_cast<std::size_t>(row)];
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::display(const CustomerRow &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        if (!row.name.empty())
            return fromStd(row.name);
        if (!row.email.empty())
            return fromStd(row.email);
        return tr("Anonymous visitor");
    case Email:
        return row.email.empty() ? noValue() : fromStd(row.email);
    case Phone:
        return row.phone.empty() ? noValue() : fromStd(row.phone);
    case CustomerId:
        return row.customerId.empty() ? noValue() : fromStd(row.customerId);
    case Country:
        if (row.country.empty())
            return noValue();
        return row.city.empty() ? fromStd(row.country)
                                : tr("%1, %2").arg(fromStd(row.city), fromStd(row.country));
    case Orders:
        return locale.toString(row.orders);
    case Revenue:
        return formatMoney(row.revenue, currency_, 2);
    case LastOrder:
        return formatLocalDate(row.lastOrder);
    case LastSeen:
        return formatLocalDate(row.lastSeen);
    case RfmGroup:
        return row.rfmGroup.empty() ? noValue() : rfmGroupDisplayName(row.rfmGroup);
    case CartValue:
        return row.cartItems > 0 ? formatMoney(row.cartValue, currency_, 2) : noValue();
    case LoyaltyTier:
        return row.loyaltyTier.empty() ? noValue() : loyaltyTierDisplayName(row.loyaltyTier);
    case EmailConsent:
        return consentDisplayName(row.emailConsent);
    default:
        return {};
    }
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CustomerRow &row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Name && row.name.empty() && row.email.empty())
            return tr("Known only by a browser or app install");
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Orders:
        case Revenue:
        case CartValue:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case ProfileIdRole:
        return QVariant::fromValue<qint64>(row.profileId);
    default:
        return {};
    }
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        return isSortable(section) ? tr("Click to sort")
                                   : tr("This column cannot be sorted in a large workspace");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("Email");
    case Phone:
        return tr("Phone");
    case CustomerId:
        return tr("Customer ID");
    case Country:
        return tr("Location");
    case Orders:
        return tr("Orders");
    case Revenue:
        return tr("Revenue");
    case LastOrder:
        return tr("Last order");
    case LastSeen:
        return tr("Last seen");
    case RfmGroup:
        return tr("RFM group");
    case CartValue:
        return tr("Open cart");
    case LoyaltyTier:
        return tr("Loyalty tier");
    case EmailConsent:
        return tr("Email consent");
    default:
        return {};
    }
}

bool CustomerListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !searching_ && !atEnd_ && !pending_;
}

void CustomerListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || searching_)
        return;
    requestBlock();
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == sortColumn_ && order == sortOrder_))
        return;
    sortColumn_ = column;
    sortOrder_ = order;
    if (searching_)
        listStale_ = true; // read again in the new order when the search is cleared
    else
        restart();
}

} // namespace clientele
