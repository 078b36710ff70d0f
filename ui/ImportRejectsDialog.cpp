#include "ImportRejectsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clientele {

ImportRejectsDialog::ImportRejectsDialog(
    const std::vector<ImportReject> &rejects, std::int64_t total, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Rejected Rows"));
    auto *layout = new QVBoxLayout(this);

    const QLocale locale;
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("rejectsIntro"));
    intro->setWordWrap(true);
    if (total > static_cast<std::int64_t>(rejects.size()))
        intro->setText(
            tr("The first %1 of %2 rows that were not imported. Fix them in the file "
               "and import it again: rows already imported are recognised and skipped.")
                .arg(locale.toString(static_cast<qint64>(rejects.size())), locale.toString(total)));
    else
        intro->setText(tr("Rows not imported: %1. Fix them in the file and import it again: "
                          "rows already imported are recognised and skipped.")
                           .arg(locale.toString(total)));
    layout->addWidget(intro);

    table_ = new QTableWidget(static_cast<int>(rejects.size()), 3, this);
    table_->setObjectName(QStringLiteral("rejectsTable"));
    table_->setHorizontalHeaderLabels({ tr("Line"), tr("Reason"), tr("Row as read") });
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    for (int row = 0; row < static_cast<int>(rejects.size()); ++row) {
        const ImportReject &reject = rejects[static_cast<std::size_t>(row)];
        auto *line = new QTableWidgetItem(locale.toString(static_cast<qint64>(reject.line)));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, 0, line);
        auto *reason = new QTableWidgetItem(QString::fromStdString(reject.reason));
        reason->setToolTip(reason->text());
        table_->setItem(row, 1, reason);
        auto *raw = new QTableWidgetItem(QString::fromStdString(reject.raw));
        raw->setToolTip(raw->text());
        table_->setItem(row, 2, raw);
    }
    table_->resizeColumnsToContents();
    table_->setColumnWidth(1, qMin(table_->columnWidth(1), 420));
    table_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table_, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 420);
}

} // namespace clientele
