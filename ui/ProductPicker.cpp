#include "ProductPicker.h"

#include "DisplayFormat.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace clientele {

namespace {

enum Column { Sku, Name, Category, Price };

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

ProductPicker::ProductPicker(const QString &workspace, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("productPicker"));
    setWindowTitle(tr("Choose a Product"));
    worker_.setWorkspace(workspace);
    auto *layout = new QVBoxLayout(this);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("productSearch"));
    search_->setPlaceholderText(tr("Search by name or SKU"));
    search_->setClearButtonEnabled(true);
    layout->addWidget(search_);
    results_ = new QTreeWidget(this);
    results_->setObjectName(QStringLiteral("productResults"));
    results_->setRootIsDecorated(false);
    results_->setAlternatingRowColors(true);
    results_->setHeaderLabels({ tr("SKU"), tr("Name"), tr("Category"), tr("Price") });
    results_->header()->setStretchLastSection(false);
    results_->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    results_->header()->setSectionResizeMode(Sku, QHeaderView::ResizeToContents);
    results_->header()->setSectionResizeMode(Category, QHeaderView::ResizeToContents);
    results_->header()->setSectionResizeMode(Price, QHeaderView::ResizeToContents);
    layout->addWidget(results_, 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("productStatus"));
    layout->addWidget(status_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(results_, &QTreeWidget::itemSelectionChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen().has_value());
    });
    connect(results_, &QTreeWidget::itemActivated, this, [this] {
        if (chosen())
            accept();
    });
    connect(search_, &QLineEdit::textChanged, this, &ProductPicker::search);
    resize(620, 420);
    search(QString());
}

ProductPicker::~ProductPicker() = default;

std::optional<ProductMatch> ProductPicker::chosen() const
{
    const QTreeWidgetItem *item = results_->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const int index = results_->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item));
    if (index < 0 || index >= static_cast<int>(matches_.size()))
        return std::nullopt;
    return matches_[static_cast<std::size_t>(index)];
}

void ProductPicker::search(const QString &text)
{
    const int generation = ++generation_;
    status_->setText(tr("searching…"));
    worker_.post<std::vector<ProductMatch>>(
        this,
        [text = text.trimmed().toStdString()](
            Database &db) { return ProductSearch::find(db, text, 200); },
        [this, generation](std::vector<ProductMatch> matches) {
            if (generation == generation_)
                showResults(matches);
        },
        [this, generation](const QString &message) {
            if (generation == generation_)
                status_->setText(tr("The catalogue could not be read: %1").arg(message));
        });
}

void ProductPicker::showResults(const std::vector<ProductMatch> &matches)
{
    matches_ = matches;
    results_->clear();
    for (const ProductMatch &match : matches_) {
        auto *item = new QTreeWidgetItem(results_);
        item->setText(Sku, qs(match.sku));
        item->setText(Name, qs(match.name));
        item->setToolTip(Name,
            match.brand.empty() ? qs(match.name)
                                : tr("%1 (%2)").arg(qs(match.name), qs(match.brand)));
        item->setText(Category, qs(match.category));
        item->setText(Price, formatMoney(match.price, match.currency, 2));
        item->setTextAlignment(Price, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (!matches_.empty())
        results_->setCurrentItem(results_->topLevelItem(0));
    status_->setText(matches_.empty() ? tr("No product matches.")
            : matches_.size() == 1    ? tr("1 product")
                                      : tr("%1 products").arg(matches_.size()));
    Q_EMIT resultsShown();
}

} // namespace clientele
