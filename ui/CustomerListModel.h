#pragma once

#include "DatabaseWorker.h"

#include "profile/CustomerList.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace clientele {

/**
 * The customer list: every shopper of the workspace, one row each, read from
 * profile_traits in blocks of kBlockSize on a worker thread as the view scrolls
 * (canFetchMore/fetchMore, keyset pagination), so a million shoppers cost what the
 * visible ones do. Sorting asks the worker for the first block in the new order; only
 * indexed columns sort. While a search is shown, the rows are the search's hits instead.
 */
class CustomerListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        Email,
        Phone,
        CustomerId,
        Country,
        Orders,
        Revenue,
        LastOrder,
        LastSeen,
        RfmGroup,
        CartValue,
        LoyaltyTier,
        EmailConsent,
        ColumnCount
    };
    enum Role { ProfileIdRole = Qt::UserRole + 1 };
    static constexpr int kBlockSize = 200;

    explicit CustomerListModel(QObject *parent = nullptr);

    /// Shows the shoppers of the workspace at path (empty: none); money in currency.
    void setWorkspace(const QString &path, const std::string &currency);
    /// Reads the list again from the top (after a change to the workspace).
    void reload();

    /// Shows these rows (search hits) instead of the list, in their order.
    void showSearchResults(std::vector<CustomerRow> rows);
    /// Back to the whole list.
    void clearSearchResults();
    bool isShowingSearchResults() const { return searching_; }

    /// The stable key of a column, as saved in settings ("revenue").
    static QString columnKey(int column);
    static bool isSortable(int column);
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    /// All shoppers of the workspace, once counted; -1 before.
    qint64 totalCount() const { return total_; }
    /// True while a block is being read.
    bool isLoading() const { return pending_; }
    std::int64_t profileIdAt(int row) const;
    const CustomerRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /// The workspace's number of shoppers was counted.
    void totalCountChanged(qint64 total);
    /// A block arrived (or the list was reset); for empty states and tests.
    void blockLoaded();
    void loadFailed(const QString &message);

private:
    void restart();
    void requestBlock();
    QVariant display(const CustomerRow &row, int column) const;

    DatabaseWorker worker_;
    std::string currency_ = "EUR";
    std::vector<CustomerRow> rows_;
    std::vector<CustomerRow> listRows_; ///< the list's rows while search hits are shown
    std::optional<CustomerListCursor> next_;
    bool atEnd_ = true;
    bool pending_ = false;
    bool searching_ = false;
    bool listStale_ = false;
    quint64 generation_ = 0;
    qint64 total_ = -1;
    int sortColumn_ = Revenue;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
};

} // namespace clientele
