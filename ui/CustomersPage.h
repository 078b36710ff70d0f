#pragma once

#include <QWidget>

#include <string>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace clientele {

class AppSettings;
class CustomerListModel;
class ProfilePage;
class ProfileSearchRunner;
struct ProfileSearchResult;

/**
 * The Customers area: every shopper in a list that stays fast with a million of them
 * (sorted on indexed columns, read in blocks as you scroll), a search field with results
 * as you type, and a shopper's profile page (Back returns to the list as it was).
 */
class CustomersPage : public QWidget {
    Q_OBJECT

public:
    explicit CustomersPage(AppSettings &settings, QWidget *parent = nullptr);

    /// Shows the shoppers of the workspace at path (empty: none).
    void setWorkspace(const QString &path, const std::string &currency);
    /// Reads the list again (after an import, a merge or a deletion).
    void reload();
    void openProfile(std::int64_t profileId);
    void showList();

    CustomerListModel *model() const { return model_; }
    ProfilePage *profilePage() const { return profile_; }
    QTableView *table() const { return table_; }
    QLineEdit *searchField() const { return search_; }
    bool isShowingProfile() const;

Q_SIGNALS:
    /// The empty state's button: the user wants to import a file.
    void importRequested();
    /// Shoppers were merged, split or deleted: figures elsewhere are out of date.
    void workspaceChanged();

private:
    QWidget *createListView();
    void searchTextChanged(const QString &text);
    void showSearchResults(const ProfileSearchResult &result);
    void updateListState();
    void applyColumns();
    void rebuildColumnMenu();
    void openCurrent();

    AppSettings &settings_;
    CustomerListModel *model_ = nullptr;
    ProfileSearchRunner *searchRunner_ = nullptr;
    QStackedWidget *pages_ = nullptr;
    QStackedWidget *listStates_ = nullptr;
    ProfilePage *profile_ = nullptr;
    QLabel *countLabel_ = nullptr;
    QLineEdit *search_ = nullptr;
    QToolButton *columnsButton_ = nullptr;
    QMenu *columnMenu_ = nullptr;
    QTableView *table_ = nullptr;
    QLabel *emptyTitle_ = nullptr;
    QLabel *emptyText_ = nullptr;
    QPushButton *emptyImport_ = nullptr;
    QString workspacePath_;
    bool listDirty_ = false;
    int lastSortColumn_ = -1;
};

} // namespace clientele
