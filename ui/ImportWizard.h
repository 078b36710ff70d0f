#pragma once

#include "ingest/CsvReader.h"
#include "ingest/ImportJob.h"
#include "ingest/ImportMapping.h"

#include <QString>
#include <QWizard>

#include <optional>
#include <string>
#include <vector>

namespace clientele {

class ImportPreset;
class ImportFilePage;
class ImportMappingPage;
class ImportRunPage;

/**
 * Imports one CSV file into a workspace in three steps: choose the file (and see its first
 * rows and whether it is a known format), map its columns (generic files only), import on
 * a worker with progress and Cancel, then read the summary and the rejected rows.
 */
class ImportWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { FilePage, MappingPage, ImportPage };

    explicit ImportWizard(const QString &workspacePath, QWidget *parent = nullptr);
    ~ImportWizard() override;

    QString workspacePath() const { return workspacePath_; }

    /// Sets the file to import and reads its header and first rows at once.
    void setInputPath(const QString &path);
    QString inputPath() const;

    /// What the file page read: the header and up to kPreviewRows records.
    const std::vector<std::string> &header() const { return header_; }
    /// The format the file's content says it is in: "segment", a preset, "catalog", "generic".
    std::string detectedFormat() const;
    const std::vector<CsvRecord> &previewRecords() const { return previewRecords_; }
    char delimiter() const { return delimiter_; }
    std::string encoding() const;
    /// The preset chosen on the file page, nullptr for a generic file.
    const ImportPreset *preset() const;
    /// The mapping the import will use: the preset's or the one made on the mapping page.
    ImportMapping mapping() const;
    /// Everything ImportJob::run needs.
    ImportRequest request() const;

    /// The outcome of the import run from this wizard, once it succeeded.
    const std::optional<ImportSummary> &lastSummary() const { return lastSummary_; }

    ImportFilePage *filePage() const { return filePage_; }
    ImportMappingPage *mappingPage() const { return mappingPage_; }
    ImportRunPage *runPage() const { return runPage_; }

    static constexpr int kPreviewRows = 20;

private:
    friend class ImportFilePage;
    friend class ImportRunPage;

    /// Reads the header and the first rows; returns the error for the user, or "".
    QString readPreview();

    QString workspacePath_;
    std::vector<std::string> header_;
    bool jsonLines_ = false;
    std::vector<CsvRecord> previewRecords_;
    char delimiter_ = 0;
    std::optional<ImportSummary> lastSummary_;

    ImportFilePage *filePage_ = nullptr;
    ImportMappingPage *mappingPage_ = nullptr;
    ImportRunPage *runPage_ = nullptr;
};

/// The name a marketer reads for a preset key ("online-retail" → "UCI Online Retail").
QString presetDisplayName(const std::string &presetName);

} // namespace clientele
