#include "Prompts.h"

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

} // namespace clientele
