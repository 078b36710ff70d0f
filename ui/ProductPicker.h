#pragma once

#include "DatabaseWorker.h"

#include "segment/ProductSearch.h"

#include <QDialog>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace clientele {

/**
 * Chooses a product of the catalogue for a condition on products (SKU or product id):
 * search by a part of the name or the SKU, with category and price shown. The search runs
 * on a worker (core ProductSearch); the newest search wins.
 */
class ProductPicker : public QDialog {
    Q_OBJECT

public:
    explicit ProductPicker(const QString &workspace, QWidget *parent = nullptr);
    ~ProductPicker() override;

    QLineEdit *searchField() const { return search_; }
    QTreeWidget *results() const { return results_; }
    /// The product selected in the list.
    std::optional<ProductMatch> chosen() const;

Q_SIGNALS:
    /// The results of the newest search are listed.
    void resultsShown();

private:
    void search(const QString &text);
    void showResults(const std::vector<ProductMatch> &matches);

    DatabaseWorker worker_;
    QLineEdit *search_ = nullptr;
    QTreeWidget *results_ = nullptr;
    QLabel *status_ = nullptr;
    std::vector<ProductMatch> matches_;
    int generation_ = 0;
};

} // namespace clientele
