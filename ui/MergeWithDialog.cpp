#include "MergeWithDialog.h"

#include "ProfileSearchRunner.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace clientele {

MergeWithDialog::MergeWithDialog(const QString &workspacePath, std::int64_t currentProfile,
    const QString &currentName, QWidget *parent)
    : QDialog(parent)
    , current_(currentProfile)
{
    setWindowTitle(tr("Merge With Another Shopper"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Find the profile that is the same person as %1. Its "
                                "identifiers and events will join this profile.")
                                 .arg(currentName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    field_ = new QLineEdit(this);
    field_->setObjectName(QStringLiteral("mergeSearchField"));
    field_->setPlaceholderText(tr("Name, email, phone, customer ID or loyalty card"));
    field_->setClearButtonEnabled(true);
    layout->addWidget(field_);
    results_ = new QListWidget(this);
    results_->setObjectName(QStringLiteral("mergeResults"));
    layout->addWidget(results_, 1);
    status_ = new QLabel(tr("Type to search."), this);
    layout->addWidget(status_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *choose = buttons_->addButton(tr("Merge…"), QDialogButtonBox::AcceptRole);
    choose->setEnabled(false);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons_);

    search_ = new ProfileSearchRunner(this);
    search_->setWorkspace(workspacePath);
    connect(field_, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            results_->clear();
            status_->setText(tr("Type to search."));
        }
        search_->search(text, 20);
    });
    connect(search_, &ProfileSearchRunner::finished, this, &MergeWithDialog::showResults);
    connect(results_, &QListWidget::currentRowChanged, this,
        [choose](int row) { choose->setEnabled(row >= 0); });
    connect(results_, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    resize(480, 420);
}

void MergeWithDialog::showResults(const ProfileSearchResult &result)
{
    results_->clear();
    for (const auto &hit : result.hits) {
        if (hit.profileId == current_)
            continue;
        QStringList details;
        if (!hit.email.empty())
            details << QString::fromStdString(hit.email);
        if (!hit.phone.empty())
            details << QString::fromStdString(hit.phone);
        const QString name = QString::fromStdString(hit.displayName);
        auto *item = new QListWidgetItem(
            details.isEmpty() ? name : tr("%1 — %2").arg(name, details.join(QStringLiteral(" · "))),
            results_);
        item->setData(Qt::UserRole, QVariant::fromValue<qint64>(hit.profileId));
        item->setData(Qt::UserRole + 1, name);
    }
    status_->setText(results_->count() == 0 ? tr("No other shopper matches “%1”.").arg(result.text)
                                            : tr("Choose the shopper to merge with."));
    if (results_->count() > 0)
        results_->setCurrentRow(0);
}

std::optional<std::int64_t> MergeWithDialog::chosenProfile() const
{
    const QListWidgetItem *item = results_->currentItem();
    if (!item)
        return std::nullopt;
    return item->data(Qt::UserRole).toLongLong();
}

QString MergeWithDialog::chosenName() const
{
    const QListWidgetItem *item = results_->currentItem();
    return item ? item->data(Qt::UserRole + 1).toString() : QString();
}

std::optional<std::pair<std::int64_t, QString>> MergeWithDialog::ask(QWidget *parent,
    const QString &workspacePath, std::int64_t currentProfile, const QString &currentName)
{
    if (hasNextChoice_) {
        hasNextChoice_ = false;
        return std::exchange(nextChoice_, std::nullopt);
    }
    MergeWithDialog dialog(workspacePath, currentProfile, currentName, parent);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosenProfile())
        return std::nullopt;
    return std::make_pair(*dialog.chosenProfile(), dialog.chosenName());
}

void MergeWithDialog::setNextChoice(std::optional<std::pair<std::int64_t, QString>> choice)
{
    hasNextChoice_ = true;
    nextChoice_ = std::move(choice);
}

} // namespace clientele
