#include "Prompts.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace clientele {

bool Prompts::confirm(
    QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel)
{
    if (nextConfirmation_) {
        const bool answer = *nextConfirmation_;
        nextConfirmation_.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *accept = box.addButton(acceptLabel, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

QString Prompts::saveFileName(
    QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    if (nextFileName_) {
        const QString path = *nextFileName_;
        nextFileName_.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString Prompts::openFileName(
    QWidget *parent, const QString &title, const QString &folder, const QString &filter)
{
    if (nextOpenFileName_) {
        const QString path = *nextOpenFileName_;
        nextOpenFileName_.reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

bool Prompts::openUrl(const QUrl &url)
{
    if (captureUrls_) {
        lastOpenedUrl_ = url;
        return true;
    }
    return QDesktopServices::openUrl(url);
}

} // namespace clientele
