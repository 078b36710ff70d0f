#include "DeleteShopperDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace clientele {

DeleteShopperDialog::DeleteShopperDialog(
    const QString &displayName, const QString &email, QWidget *parent)
    : QDialog(parent)
    , email_(email)
{
    setWindowTitle(tr("Delete Shopper"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(
        tr("<p><b>Delete %1 for good?</b></p>"
           "<p>This removes the shopper's profile, every event, identifier and consent, "
           "their merge history, and import lines that quote them. It is meant for a "
           "right-to-be-forgotten request and <b>cannot be undone</b>.</p>"
           "<p>The workspace keeps a record that a shopper was deleted, with the reason you "
           "give below, but nothing that identifies them.</p>")
            .arg(displayName.toHtmlEscaped()),
        this);
    text->setWordWrap(true);
    text->setObjectName(QStringLiteral("deleteExplanation"));
    layout->addWidget(text);

    auto *form = new QFormLayout;
    confirmation_ = new QLineEdit(this);
    confirmation_->setObjectName(QStringLiteral("deleteConfirmation"));
    confirmation_->setPlaceholderText(
        email.isEmpty() ? tr("DELETE") : tr("DELETE or %1").arg(email));
    form->addRow(email.isEmpty() ? tr("Type DELETE to confirm:")
                                 : tr("Type DELETE or the email to confirm:"),
        confirmation_);
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("deleteReason"));
    reason_->setPlaceholderText(tr("e.g. ticket #4711 — no names or addresses"));
    form->addRow(tr("Reason or ticket:"), reason_);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    deleteButton_ = buttons->addButton(tr("Delete Shopper"), QDialogButtonBox::AcceptRole);
    deleteButton_->setObjectName(QStringLiteral("deleteButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(confirmation_, &QLineEdit::textChanged, this, &DeleteShopperDialog::updateButton);
    connect(reason_, &QLineEdit::textChanged, this, &DeleteShopperDialog::updateButton);
    updateButton();
    setMinimumWidth(520);
}

QString DeleteShopperDialog::reason() const
{
    return reason_->text().trimmed();
}

bool DeleteShopperDialog::isConfirmed() const
{
    const QString typed = confirmation_->text().trimmed();
    return typed == QStringLiteral("DELETE")
        || (!email_.isEmpty() && typed.compare(email_, Qt::CaseInsensitive) == 0);
}

void DeleteShopperDialog::updateButton()
{
    deleteButton_->setEnabled(isConfirmed() && !reason().isEmpty());
}

std::optional<QString> DeleteShopperDialog::ask(
    QWidget *parent, const QString &displayName, const QString &email)
{
    if (hasNextAnswer_) {
        hasNextAnswer_ = false;
        return std::exchange(nextAnswer_, std::nullopt);
    }
    DeleteShopperDialog dialog(displayName, email, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

void DeleteShopperDialog::setNextAnswer(std::optional<QString> reason)
{
    hasNextAnswer_ = true;
    nextAnswer_ = std::move(reason);
}

} // namespace clientele
