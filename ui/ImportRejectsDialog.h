#pragma once

#include "ingest/ImportLog.h"

#include <QDialog>

#include <vector>

class QTableWidget;

namespace clientele {

/** The rows one import rejected: line, reason and the row as it was in the file. */
class ImportRejectsDialog : public QDialog {
    Q_OBJECT

public:
    ImportRejectsDialog(
        const std::vector<ImportReject> &rejects, std::int64_t total, QWidget *parent = nullptr);

    QTableWidget *table() const { return table_; }

private:
    QTableWidget *table_ = nullptr;
};

} // namespace clientele
