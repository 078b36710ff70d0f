#pragma once

#include "ingest/ImportMapping.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QWizardPage>

#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace clientele {

class ImportWizard;

/** The first rows of a file as read, one column per header name. */
class FilePreviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    void setContents(QStringList header, QList<QStringList> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList header_;
    QList<QStringList> rows_;
};

/** Step 1: the file, its encoding, its first rows and its format. */
class ImportFilePage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportFilePage(ImportWizard *wizard);

    bool isComplete() const override;
    int nextId() const override;

    /// Reads the file named in the path field now (the field otherwise waits for typing
    /// to pause).
    void reload();
    /// "generic" or the chosen preset's name.
    std::string formatName() const;
    std::string encodingName() const;
    QString path() const;
    void setPath(const QString &path);

    QLineEdit *pathEdit() const { return pathEdit_; }
    QComboBox *encodingCombo() const { return encodingCombo_; }
    QComboBox *formatCombo() const { return formatCombo_; }
    QLabel *statusLabel() const { return statusLabel_; }
    FilePreviewModel *previewModel() const { return previewModel_; }

private:
    void browse();

    ImportWizard *wizard_;
    QLineEdit *pathEdit_ = nullptr;
    QComboBox *encodingCombo_ = nullptr;
    QComboBox *formatCombo_ = nullptr;
    QLabel *statusLabel_ = nullptr;
    QTableView *previewView_ = nullptr;
    FilePreviewModel *previewModel_ = nullptr;
    bool readable_ = false;
};

/** Step 2 (generic files): what each column means, and how its values are written. */
class ImportMappingPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    /// The mapping as the page's fields describe it.
    ImportMapping mapping() const;
    /// Fills the page's fields from a mapping (columns the file lacks are ignored).
    void applyMapping(const ImportMapping &mapping);
    /// The problems shown under the table; empty when the file can be imported.
    const std::vector<std::string> &problems() const { return problems_; }

    /// Sets one column's meaning (detail: identity kind or property name).
    bool setColumnTarget(const QString &column, FieldTarget target, const std::string &detail = {});
    std::pair<FieldTarget, std::string> columnTarget(const QString &column) const;

    /// Writes the mapping as JSON; returns the error for the user, or "".
    QString saveMapping(const QString &path) const;
    /// Reads a mapping saved as JSON and shows it; returns the error for the user, or "".
    QString loadMapping(const QString &path);

    QTableWidget *columnsTable() const { return columnsTable_; }
    QTableWidget *previewTable() const { return previewTable_; }
    QLabel *problemsLabel() const { return problemsLabel_; }
    QLineEdit *eventTypeEdit() const { return eventTypeEdit_; }
    QComboBox *channelCombo() const { return channelCombo_; }
    QCheckBox *lineItemsCheck() const { return lineItemsCheck_; }
    QComboBox *timezoneCombo() const { return timezoneCombo_; }
    QComboBox *countryCombo() const { return countryCombo_; }
    QComboBox *decimalCombo() const { return decimalCombo_; }
    QComboBox *dateOrderCombo() const { return dateOrderCombo_; }

private:
    QComboBox *targetCombo(int row) const;
    void rebuildColumns();
    void refresh();
    void refreshPreview(const ImportMapping &mapping);
    void saveMappingDialog();
    void loadMappingDialog();
    void showFileMessage(const QString &message, bool isError);

    ImportWizard *wizard_;
    QTableWidget *columnsTable_ = nullptr;
    QTableWidget *previewTable_ = nullptr;
    QLabel *problemsLabel_ = nullptr;
    QLabel *fileMessageLabel_ = nullptr;
    QLineEdit *eventTypeEdit_ = nullptr;
    QComboBox *channelCombo_ = nullptr;
    QCheckBox *lineItemsCheck_ = nullptr;
    QComboBox *timezoneCombo_ = nullptr;
    QComboBox *countryCombo_ = nullptr;
    QComboBox *decimalCombo_ = nullptr;
    QComboBox *dateOrderCombo_ = nullptr;
    /// Settings a loaded mapping brings that the page has no field for (line items …).
    ImportMapping base_;
    std::vector<std::string> shownHeader_;
    std::vector<std::string> problems_;
    bool updating_ = false;
};

/** Step 3: what will happen, the import itself, and its summary. */
class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportRunPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// Runs the import on a worker with a progress dialog; true when it succeeded.
    bool runImport();
    /// Opens (non-modal) the list of the rows this import rejected.
    QDialog *showRejects();

    QPushButton *importButton() const { return importButton_; }
    QPushButton *rejectsButton() const { return rejectsButton_; }
    QLabel *planLabel() const { return planLabel_; }
    QLabel *resultLabel() const { return resultLabel_; }

private:
    ImportWizard *wizard_;
    QLabel *planLabel_ = nullptr;
    QPushButton *importButton_ = nullptr;
    QLabel *resultLabel_ = nullptr;
    QWidget *summaryBox_ = nullptr;
    std::vector<std::pair<const char *, QLabel *>> figures_;
    QPushButton *rejectsButton_ = nullptr;
};

} // namespace clientele
