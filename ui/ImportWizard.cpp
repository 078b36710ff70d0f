#include "ImportWizard.h"

#include "ingest/JsonLinesReader.h"

#include "ImportWizardPages.h"

#include "ingest/ImportPreset.h"
#include "ingest/IngestError.h"
#include "ingest/InputFile.h"

#include <QFileInfo>

namespace clientele {

QString presetDisplayName(const std::string &presetName)
{
    if (presetName == "online-retail")
        return ImportWizard::tr("UCI Online Retail");
    if (presetName == "shopify-orders")
        return ImportWizard::tr("Shopify orders export");
    if (presetName == "shopify-customers")
        return ImportWizard::tr("Shopify customers export");
    if (presetName == "catalog")
        return ImportWizard::tr("Product catalog");
    if (presetName == "segment")
        return ImportWizard::tr("Segment JSON Lines");
    if (presetName == "generic")
        return ImportWizard::tr("Generic events file");
    return QString::fromStdString(presetName);
}

ImportWizard::ImportWizard(const QString &workspacePath, QWidget *parent)
    : QWizard(parent)
    , workspacePath_(workspacePath)
{
    setWindowTitle(tr("Import Events"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    filePage_ = new ImportFilePage(this);
    mappingPage_ = new ImportMappingPage(this);
    runPage_ = new ImportRunPage(this);
    setPage(FilePage, filePage_);
    setPage(MappingPage, mappingPage_);
    setPage(ImportPage, runPage_);
    setStartId(FilePage);
    filePage_->reload();
    resize(1040, 720);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::setInputPath(const QString &path)
{
    filePage_->setPath(path);
}

QString ImportWizard::inputPath() const
{
    return filePage_->path();
}

std::string ImportWizard::encoding() const
{
    return filePage_->encodingName();
}

const ImportPreset *ImportWizard::preset() const
{
    // Formats without a column mapping of their own (generic, catalog, segment) have none.
    return ImportPreset::find(filePage_->formatName());
}

std::string ImportWizard::detectedFormat() const
{
    if (jsonLines_)
        return "segment";
    return header_.empty() ? std::string("generic") : ImportJob::detectCsvFormat(header_);
}

ImportMapping ImportWizard::mapping() const
{
    if (const ImportPreset *chosen = preset())
        return chosen->mapping(header_);
    return mappingPage_->mapping();
}

ImportRequest ImportWizard::request() const
{
    ImportRequest request;
    request.inputPath = QFileInfo(inputPath()).absoluteFilePath().toStdString();
    request.mapping = mapping();
    request.encoding = encoding();
    request.delimiter = delimiter_;
    // The format picked on the file page: generic, a preset, catalog or segment.
    request.preset = filePage_->formatName();
    return request;
}

QString ImportWizard::readPreview()
{
    header_.clear();
    previewRecords_.clear();
    delimiter_ = 0;
    const QString path = inputPath();
    if (path.trimmed().isEmpty())
        return {};
    try {
        if (ImportJob::isJsonLines(path.toStdString())) {
            // One message per line: the preview shows the messages as they are.
            InputFile file(path.toStdString());
            JsonLinesReader reader(file);
            JsonRecord message;
            while (
                static_cast<int>(previewRecords_.size()) < kPreviewRows && reader.next(message)) {
                CsvRecord record;
                record.line = message.line;
                record.raw = message.raw;
                record.fields = { message.raw };
                previewRecords_.push_back(std::move(record));
            }
            header_ = { tr("Message").toStdString() };
            jsonLines_ = true;
            return {};
        }
        jsonLines_ = false;
        InputFile file(path.toStdString());
        CsvOptions options;
        options.encoding = encoding() == "windows-1252" ? Encoding::Windows1252 : Encoding::Utf8;
        CsvReader reader(file, options);
        CsvRecord record;
        while (static_cast<int>(previewRecords_.size()) < kPreviewRows && reader.next(record))
            previewRecords_.push_back(record);
        header_ = reader.header();
        delimiter_ = reader.delimiter();
        return {};
    } catch (const IngestError &error) {
        header_.clear();
        previewRecords_.clear();
        return QString::fromStdString(error.what());
    }
}

} // namespace clientele
