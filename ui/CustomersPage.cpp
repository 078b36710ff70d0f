#include "CustomersPage.h"

#include "AppSettings.h"
#include "CustomerListModel.h"
#include "ProfilePage.h"
#include "ProfileSearchRunner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace clientele {

namespace {

enum PageIndex { ListPage = 0, ProfilePageIndex = 1 };
enum ListState { TableState = 0, EmptyState = 1 };

} // namespace

CustomersPage::CustomersPage(AppSettings &settings, QWidget *parent)
    : QWidget(parent)
    , settings_(settings)
{
    model_ = new CustomerListModel(this);
    searchRunner_ = new ProfileSearchRunner(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_);
    pages_->insertWidget(ListPage, createListView());
    profile_ = new ProfilePage(pages_);
    pages_->insertWidget(ProfilePageIndex, profile_);

    connect(model_, &CustomerListModel::totalCountChanged, this, &CustomersPage::updateListState);
    connect(model_, &CustomerListModel::blockLoaded, this, &CustomersPage::updateListState);
    connect(model_, &CustomerListModel::loadFailed, this, [this](const QString &message) {
        countLabel_->setText(tr("The shoppers could not be read: %1").arg(message));
    });
    connect(searchRunner_, &ProfileSearchRunner::finished, this, &CustomersPage::showSearchResults);
    connect(profile_, &ProfilePage::backRequested, this, &CustomersPage::showList);
    connect(profile_, &ProfilePage::workspaceChanged, this, [this] {
        listDirty_ = true;
        Q_EMIT workspaceChanged();
    });
    connect(profile_, &ProfilePage::profileErased, this, [this] {
        listDirty_ = true;
        showList();
    });
}

QWidget *CustomersPage::createListView()
{
    auto *view = new QWidget(this);
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("Customers"), view);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    countLabel_ = new QLabel(view);
    countLabel_->setObjectName(QStringLiteral("customerCount"));
    countLabel_->setStyleSheet(QStringLiteral("color: palette(dark);"));
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(countLabel_);
    top->addStretch();
    layout->addLayout(top);

    auto *tools = new QHBoxLayout;
    search_ = new QLineEdit(view);
    search_->setObjectName(QStringLiteral("customerSearch"));
    search_->setPlaceholderText(tr("Search by name, email, phone, customer ID or loyalty card…"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, &CustomersPage::searchTextChanged);
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        // Enter in the search field opens the best hit.
        if (model_->isShowingSearchResults() && model_->rowCount() > 0)
            openProfile(model_->profileIdAt(0));
    });
    columnsButton_ = new QToolButton(view);
    columnsButton_->setObjectName(QStringLiteral("columnsButton"));
    columnsButton_->setText(tr("Columns…"));
    columnsButton_->setPopupMode(QToolButton::InstantPopup);
    columnMenu_ = new QMenu(columnsButton_);
    columnsButton_->setMenu(columnMenu_);
    tools->addWidget(search_, 1);
    tools->addWidget(columnsButton_);
    layout->addLayout(tools);

    listStates_ = new QStackedWidget(view);
    table_ = new QTableView(view);
    table_->setObjectName(QStringLiteral("customerTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionsMovable(true);
    table_->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->horizontalHeader()->setSortIndicator(model_->sortColumn(), model_->sortOrder());
    table_->setSortingEnabled(true);
    lastSortColumn_ = model_->sortColumn();
    const int widths[] = { 180, 240, 140, 100, 150, 64, 100, 100, 100, 140, 90, 90, 110 };
    for (int column = 0; column < CustomerListModel::ColumnCount; ++column)
        table_->setColumnWidth(column, widths[column]);
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        [this](int column, Qt::SortOrder order) {
            QHeaderView *header = table_->horizontalHeader();
            const QSignalBlocker blocker(header);
            if (!CustomerListModel::isSortable(column)) {
                // Only indexed columns sort; put the indicator back where the list is.
                header->setSortIndicator(model_->sortColumn(), model_->sortOrder());
                return;
            }
            // A marketer clicking Revenue wants the biggest first: a newly chosen column
            // starts descending; a second click on it turns it around.
            if (column != lastSortColumn_ && order == Qt::AscendingOrder) {
                header->setSortIndicator(column, Qt::DescendingOrder);
                model_->sort(column, Qt::DescendingOrder);
            }
            lastSortColumn_ = column;
        });
    connect(table_->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        [this](const QPoint &pos) {
            columnMenu_->popup(table_->horizontalHeader()->mapToGlobal(pos));
        });
    connect(table_, &QTableView::activated, this,
        [this](const QModelIndex &index) { openProfile(model_->profileIdAt(index.row())); });
    listStates_->insertWidget(TableState, table_);

    auto *empty = new QWidget(view);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    emptyTitle_ = new QLabel(empty);
    emptyTitle_->setObjectName(QStringLiteral("customersEmptyTitle"));
    emptyTitle_->setAlignment(Qt::AlignCenter);
    QFont emptyFont = emptyTitle_->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    emptyFont.setBold(true);
    emptyTitle_->setFont(emptyFont);
    emptyText_ = new QLabel(empty);
    emptyText_->setObjectName(QStringLiteral("customersEmptyText"));
    emptyText_->setAlignment(Qt::AlignCenter);
    emptyText_->setWordWrap(true);
    emptyImport_ = new QPushButton(tr("Import a File…"), empty);
    emptyImport_->setObjectName(QStringLiteral("customersImportButton"));
    connect(emptyImport_, &QPushButton::clicked, this, &CustomersPage::importRequested);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(emptyImport_);
    buttonRow->addStretch();
    emptyLayout->addWidget(emptyTitle_);
    emptyLayout->addWidget(emptyText_);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch();
    listStates_->insertWidget(EmptyState, empty);
    layout->addWidget(listStates_, 1);

    rebuildColumnMenu();
    applyColumns();
    return view;
}

void CustomersPage::rebuildColumnMenu()
{
    columnMenu_->clear();
    const QStringList visible = settings_.customerColumns();
    for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
        const QString key = CustomerListModel::columnKey(column);
        QAction *action = columnMenu_->addAction(
            model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setObjectName(QStringLiteral("column_%1").arg(key));
        action->setCheckable(true);
        action->setChecked(column == CustomerListModel::Name || visible.contains(key));
        action->setEnabled(column != CustomerListModel::Name); // a list needs its names
        connect(action, &QAction::toggled, this, [this, key](bool checked) {
            QStringList keys = settings_.customerColumns();
            keys.removeAll(key);
            if (checked)
                keys << key;
            settings_.setCustomerColumns(keys);
            applyColumns();
        });
    }
    columnMenu_->addSeparator();
    columnMenu_->addAction(tr("Reset Columns"), this, [this] {
        settings_.setCustomerColumns(AppSettings::defaultCustomerColumns());
        rebuildColumnMenu();
        applyColumns();
    });
}

void CustomersPage::applyColumns()
{
    const QStringList visible = settings_.customerColumns();
    for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
        const bool shown = column == CustomerListModel::Name
            || visible.contains(CustomerListModel::columnKey(column));
        table_->setColumnHidden(column, !shown);
    }
}

void CustomersPage::setWorkspace(const QString &path, const std::string &currency)
{
    workspacePath_ = path;
    {
        const QSignalBlocker blocker(search_);
        search_->clear();
    }
    searchRunner_->setWorkspace(path);
    profile_->setWorkspace(path, currency);
    pages_->setCurrentIndex(ListPage);
    countLabel_->setText(path.isEmpty() ? QString() : tr("Reading…"));
    model_->setWorkspace(path, currency);
    listDirty_ = false;
}

void CustomersPage::reload()
{
    listDirty_ = false;
    model_->reload();
    if (!search_->text().trimmed().isEmpty())
        searchRunner_->search(search_->text());
}

bool CustomersPage::isShowingProfile() const
{
    return pages_->currentIndex() == ProfilePageIndex;
}

void CustomersPage::openProfile(std::int64_t profileId)
{
    if (profileId == 0)
        return;
    profile_->showProfile(profileId);
    pages_->setCurrentIndex(ProfilePageIndex);
}

void CustomersPage::showList()
{
    pages_->setCurrentIndex(ListPage);
    if (listDirty_)
        reload();
    table_->setFocus();
}

void CustomersPage::searchTextChanged(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        searchRunner_->search(QString());
        model_->clearSearchResults();
        updateListState();
        return;
    }
    searchRunner_->search(text);
}

void CustomersPage::showSearchResults(const ProfileSearchResult &result)
{
    if (result.text != search_->text())
        return; // the field changed since; a newer search is on its way
    model_->showSearchResults(result.rows);
    updateListState();
}

void CustomersPage::updateListState()
{
    if (workspacePath_.isEmpty()) {
        countLabel_->clear();
        emptyTitle_->setText(tr("No workspace is open"));
        emptyText_->setText(tr("Open or create a workspace with the File menu."));
        emptyImport_->hide();
        listStates_->setCurrentIndex(EmptyState);
        return;
    }
    if (model_->isShowingSearchResults()) {
        const int hits = model_->rowCount();
        countLabel_->setText(
            hits == 1 ? tr("1 shopper found") : tr("%L1 shoppers found").arg(hits));
        if (hits == 0) {
            emptyTitle_->setText(tr("No shoppers match “%1”").arg(search_->text().trimmed()));
            emptyText_->setText(tr("Search looks at the start of names, email addresses, phone "
                                   "numbers, customer IDs and loyalty cards. Check the spelling, "
                                   "or type less."));
            emptyImport_->hide();
            listStates_->setCurrentIndex(EmptyState);
        } else {
            listStates_->setCurrentIndex(TableState);
        }
        return;
    }
    const qint64 total = model_->totalCount();
    if (total < 0) {
        countLabel_->setText(tr("Reading…"));
        listStates_->setCurrentIndex(TableState);
        return;
    }
    countLabel_->setText(total == 1 ? tr("1 shopper") : tr("%L1 shoppers").arg(total));
    if (total == 0) {
        countLabel_->clear();
        emptyTitle_->setText(tr("No shoppers yet"));
        emptyText_->setText(tr("Shoppers appear here once you import your store's data: an "
                               "events file, an order export or a customer list. Use "
                               "File › Import… or the button below."));
        emptyImport_->show();
        listStates_->setCurrentIndex(EmptyState);
    } else {
        listStates_->setCurrentIndex(TableState);
    }
}

} // namespace clientele
