#include "ImportWizardPages.h"

#include "DisplayFormat.h"
#include "ImportRejectsDialog.h"
#include "ImportWizard.h"
#include "JobRunner.h"

#include "common/Progress.h"
#include "identity/MergeRules.h"
#include "ingest/ImportJob.h"
#include "ingest/ImportLog.h"
#include "ingest/ImportPreset.h"
#include "ingest/RowMapper.h"
#include "profile/TraitBuilder.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <array>
#include <stdexcept>

namespace clientele {

namespace {

const QColor kErrorColor(0xb0, 0x1c, 0x1c);

/// One choice of the mapping combo: a target and, for identities, the kind.
struct TargetChoice {
    FieldTarget target;
    const char *detail;
    const char *label;
};

const std::array<TargetChoice, 28> &targetChoices()
{
    static const std::array<TargetChoice, 28> choices { {
        { FieldTarget::Ignore, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Ignore") },
        { FieldTarget::Timestamp, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Timestamp *") },
        { FieldTarget::EventType, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Event type *") },
        { FieldTarget::EventId, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Event id") },
        { FieldTarget::Identity, IdentityKind::Email,
            QT_TRANSLATE_NOOP("ImportMappingPage", "Identity: email") },
        { FieldTarget::Identity, IdentityKind::Phone,
            QT_TRANSLATE_NOOP("ImportMappingPage", "Identity: phone") },
        { FieldTarget::Identity, IdentityKind::CustomerId,
            QT_TRANSLATE_NOOP("ImportMappingPage", "Identity: customer id") },
        { FieldTarget::Identity, IdentityKind::AnonymousId,
            QT_TRANSLATE_NOOP("ImportMappingPage", "Identity: anonymous id") },
        { FieldTarget::Identity, IdentityKind::LoyaltyCard,
            QT_TRANSLATE_NOOP("ImportMappingPage", "Identity: loyalty card") },
        { FieldTarget::Channel, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Channel") },
        { FieldTarget::ProductSku, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Product SKU") },
        { FieldTarget::ProductName, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Product name") },
        { FieldTarget::Category, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Category") },
        { FieldTarget::Brand, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Brand") },
        { FieldTarget::OrderId, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Order id") },
        { FieldTarget::CartId, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Cart id") },
        { FieldTarget::Value, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Value") },
        { FieldTarget::Price, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Price") },
        { FieldTarget::Quantity, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Quantity") },
        { FieldTarget::Currency, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Currency") },
        { FieldTarget::FirstName, "", QT_TRANSLATE_NOOP("ImportMappingPage", "First name") },
        { FieldTarget::LastName, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Last name") },
        { FieldTarget::Country, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Country") },
        { FieldTarget::City, "", QT_TRANSLATE_NOOP("ImportMappingPage", "City") },
        { FieldTarget::Property, "", QT_TRANSLATE_NOOP("ImportMappingPage", "Property") },
        { FieldTarget::Consent, "email",
            QT_TRANSLATE_NOOP("ImportMappingPage", "Consent: email marketing") },
        { FieldTarget::Consent, "sms",
            QT_TRANSLATE_NOOP("ImportMappingPage", "Consent: SMS marketing") },
        { FieldTarget::Consent, "push",
            QT_TRANSLATE_NOOP("ImportMappingPage", "Consent: push notifications") },
    } };
    return choices;
}

QString toQ(const std::string &text)
{
    return QString::fromStdString(text);
}

/// Adds the sentence about Cancel to every stage the import reports, in the user's language.
class ImportProgressNote : public ProgressSink {
public:
    explicit ImportProgressNote(ProgressSink &inner)
        : inner_(inner)
    {
    }
    bool report(const Progress &progress) override
    {
        Progress noted = progress;
        QString stage = ImportRunPage::tr("Reading the file…");
        if (progress.stage == "Saving" || progress.stage == ImportJob::kStageWritingShoppers
            || progress.stage == ImportJob::kStageBuildingIndexes)
            stage = ImportRunPage::tr("Saving the import…");
        else if (progress.stage == TraitBuilder::kProgressStage)
            stage = ImportRunPage::tr("Computing customer traits…");
        noted.stage = (stage + QLatin1Char('\n')
            + ImportRunPage::tr("Cancel stops the import and leaves the workspace unchanged."))
                          .toStdString();
        return inner_.report(noted);
    }

private:
    ProgressSink &inner_;
};

} // namespace

// ---------------------------------------------------------------------------------------

void FilePreviewModel::setContents(QStringList header, QList<QStringList> rows)
{
    beginResetModel();
    header_ = std::move(header);
    rows_ = std::move(rows);
    endResetModel();
}

int FilePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FilePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(header_.size());
}

QVariant FilePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const QStringList &row = rows_.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() < row.size() ? row.at(index.column()) : QString();
    return {};
}

QVariant FilePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < header_.size() ? header_.at(section) : QVariant();
    return section + 1;
}

// ---------------------------------------------------------------------------------------

ImportFilePage::ImportFilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , wizard_(wizard)
{
    setTitle(tr("Choose a file"));
    setSubTitle(tr("A CSV file exported from your shop, point of sale, newsletter or support "
                   "tool. Compressed files (.csv.gz) can be imported as they are."));

    pathEdit_ = new QLineEdit(this);
    pathEdit_->setObjectName(QStringLiteral("pathEdit"));
    pathEdit_->setPlaceholderText(tr("Path of the file to import"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browseButton"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(pathEdit_, 1);
    pathRow->addWidget(browseButton);

    encodingCombo_ = new QComboBox(this);
    encodingCombo_->setObjectName(QStringLiteral("encodingCombo"));
    encodingCombo_->addItem(tr("UTF-8"), QStringLiteral("utf-8"));
    encodingCombo_->addItem(tr("Windows-1252 (Excel on Windows)"), QStringLiteral("windows-1252"));

    formatCombo_ = new QComboBox(this);
    formatCombo_->setObjectName(QStringLiteral("formatCombo"));
    formatCombo_->addItem(presetDisplayName("generic"), QStringLiteral("generic"));
    for (const auto &preset : ImportPreset::all())
        formatCombo_->addItem(presetDisplayName(preset->name()), toQ(preset->name()));
    formatCombo_->addItem(presetDisplayName("catalog"), QStringLiteral("catalog"));
    formatCombo_->addItem(presetDisplayName("segment"), QStringLiteral("segment"));

    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(pathEdit_);
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("&Encoding:"), encodingCombo_);
    form->addRow(tr("F&ormat:"), formatCombo_);

    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("fileStatusLabel"));
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    previewModel_ = new FilePreviewModel(this);
    previewView_ = new QTableView(this);
    previewView_->setObjectName(QStringLiteral("filePreview"));
    previewView_->setModel(previewModel_);
    previewView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewView_->setWordWrap(false);
    previewView_->verticalHeader()->setDefaultSectionSize(previewView_->fontMetrics().height() + 6);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(statusLabel_);
    auto *previewTitle = new QLabel(tr("First rows of the file:"), this);
    layout->addWidget(previewTitle);
    layout->addWidget(previewView_, 1);

    auto *typingPause = new QTimer(this);
    typingPause->setSingleShot(true);
    typingPause->setInterval(400);
    connect(typingPause, &QTimer::timeout, this, &ImportFilePage::reload);
    connect(pathEdit_, &QLineEdit::textEdited, typingPause, qOverload<>(&QTimer::start));
    connect(pathEdit_, &QLineEdit::editingFinished, this, [this, typingPause] {
        if (typingPause->isActive()) {
            typingPause->stop();
            reload();
        }
    });
    connect(browseButton, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(encodingCombo_, &QComboBox::currentIndexChanged, this, &ImportFilePage::reload);
    connect(formatCombo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!readable_)
            return;
        const std::string chosen = formatName();
        const std::string detected = wizard_->detectedFormat();
        if (chosen == "generic")
            statusLabel_->setText(detected != "generic"
                    ? tr("Read as a generic events file: you map its columns on the next page.")
                    : tr("Generic events file — map its columns on the next page."));
        else if (detected == chosen)
            statusLabel_->setText(tr("Recognised: %1").arg(presetDisplayName(chosen)));
        else
            statusLabel_->setText(tr("Read as %1, although its columns do not look like it.")
                                      .arg(presetDisplayName(chosen)));
        statusLabel_->setStyleSheet({});
    });
}

QString ImportFilePage::path() const
{
    return pathEdit_->text().trimmed();
}

void ImportFilePage::setPath(const QString &path)
{
    pathEdit_->setText(path);
    reload();
}

std::string ImportFilePage::formatName() const
{
    return formatCombo_->currentData().toString().toStdString();
}

std::string ImportFilePage::encodingName() const
{
    return encodingCombo_->currentData().toString().toStdString();
}

void ImportFilePage::browse()
{
    const QString chosen
        = QFileDialog::getOpenFileName(this, tr("Import File"), QFileInfo(path()).absolutePath(),
            tr("Store exports (*.csv *.txt *.tsv *.jsonl *.json *.gz);;CSV files (*.csv *.csv.gz);;"
               "Event logs (*.jsonl *.json *.jsonl.gz);;All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ImportFilePage::reload()
{
    const QString error = wizard_->readPreview();
    readable_ = error.isEmpty() && !wizard_->header().empty();

    QStringList header;
    for (const std::string &name : wizard_->header())
        header << toQ(name);
    QList<QStringList> rows;
    for (const CsvRecord &record : wizard_->previewRecords()) {
        QStringList fields;
        for (const std::string &field : record.fields)
            fields << toQ(field);
        rows << fields;
    }
    previewModel_->setContents(header, rows);
    previewView_->resizeColumnsToContents();
    for (int column = 0; column < previewModel_->columnCount(); ++column)
        previewView_->setColumnWidth(column, qMin(previewView_->columnWidth(column), 260));

    if (path().isEmpty()) {
        statusLabel_->setText(tr("No file chosen yet. Its first rows will show here, so you "
                                 "can check that it reads correctly."));
        statusLabel_->setStyleSheet({});
    } else if (!error.isEmpty()) {
        statusLabel_->setText(tr("This file cannot be imported: %1").arg(error));
        statusLabel_->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColor.name()));
    } else {
        const std::string detected = wizard_->detectedFormat();
        const int index = formatCombo_->findData(toQ(detected));
        const QSignalBlocker blocker(formatCombo_);
        formatCombo_->setCurrentIndex(qMax(0, index));
        statusLabel_->setStyleSheet({});
        statusLabel_->setText(detected != "generic"
                ? tr("Recognised: %1").arg(presetDisplayName(detected))
                : tr("Generic events file — map its columns on the next page."));
    }
    Q_EMIT completeChanged();
}

bool ImportFilePage::isComplete() const
{
    return readable_;
}

int ImportFilePage::nextId() const
{
    return formatName() == "generic" ? ImportWizard::MappingPage : ImportWizard::ImportPage;
}

// ---------------------------------------------------------------------------------------

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , wizard_(wizard)
{
    setTitle(tr("Map the columns"));
    setSubTitle(tr("Say what each column holds. Required: when it happened, the event type "
                   "(a column or one type for the whole file) and at least one identity. "
                   "Required choices are marked *."));

    columnsTable_ = new QTableWidget(0, 3, this);
    columnsTable_->setObjectName(QStringLiteral("columnsTable"));
    columnsTable_->setHorizontalHeaderLabels({ tr("Column"), tr("First value"), tr("Holds") });
    columnsTable_->verticalHeader()->hide();
    columnsTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    columnsTable_->setSelectionMode(QAbstractItemView::NoSelection);
    columnsTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    columnsTable_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    columnsTable_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    eventTypeEdit_ = new QLineEdit(this);
    eventTypeEdit_->setObjectName(QStringLiteral("eventTypeEdit"));
    eventTypeEdit_->setPlaceholderText(tr("e.g. Order Completed"));
    eventTypeEdit_->setToolTip(tr("Used for every row when no column holds the event type."));

    timezoneCombo_ = new QComboBox(this);
    timezoneCombo_->setObjectName(QStringLiteral("timezoneCombo"));
    timezoneCombo_->setEditable(true);
    QStringList zones { QStringLiteral("UTC"), QStringLiteral("Europe/London"),
        QStringLiteral("Europe/Dublin"), QStringLiteral("Europe/Lisbon"),
        QStringLiteral("Europe/Paris"), QStringLiteral("Europe/Berlin"),
        QStringLiteral("Europe/Madrid"), QStringLiteral("Europe/Rome"),
        QStringLiteral("Europe/Amsterdam"), QStringLiteral("Europe/Vienna"),
        QStringLiteral("Europe/Zurich"), QStringLiteral("Europe/Stockholm"),
        QStringLiteral("Europe/Warsaw"), QStringLiteral("Europe/Helsinki"),
        QStringLiteral("Europe/Athens"), QStringLiteral("America/New_York"),
        QStringLiteral("America/Chicago"), QStringLiteral("America/Denver"),
        QStringLiteral("America/Los_Angeles"), QStringLiteral("America/Sao_Paulo"),
        QStringLiteral("Asia/Dubai"), QStringLiteral("Asia/Kolkata"),
        QStringLiteral("Asia/Singapore"), QStringLiteral("Asia/Tokyo"),
        QStringLiteral("Australia/Sydney") };
    const QString systemZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (!systemZone.isEmpty() && !zones.contains(systemZone))
        zones.prepend(systemZone);
    timezoneCombo_->addItems(zones);
    timezoneCombo_->setCurrentText(systemZone.isEmpty() ? QStringLiteral("UTC") : systemZone);
    timezoneCombo_->setToolTip(tr("For times written without an offset."));

    countryCombo_ = new QComboBox(this);
    countryCombo_->setObjectName(QStringLiteral("countryCombo"));
    QStringList countries { QStringLiteral("AT"), QStringLiteral("AU"), QStringLiteral("BE"),
        QStringLiteral("BR"), QStringLiteral("CA"), QStringLiteral("CH"), QStringLiteral("CZ"),
        QStringLiteral("DE"), QStringLiteral("DK"), QStringLiteral("ES"), QStringLiteral("FI"),
        QStringLiteral("FR"), QStringLiteral("GB"), QStringLiteral("GR"), QStringLiteral("IE"),
        QStringLiteral("IN"), QStringLiteral("IT"), QStringLiteral("JP"), QStringLiteral("NL"),
        QStringLiteral("NO"), QStringLiteral("NZ"), QStringLiteral("PL"), QStringLiteral("PT"),
        QStringLiteral("SE"), QStringLiteral("US") };
    QString systemCountry = QLocale::territoryToCode(QLocale::system().territory());
    if (systemCountry.size() != 2)
        systemCountry = QString::fromStdString(ImportMapping().country);
    if (!countries.contains(systemCountry))
        countries.append(systemCountry);
    countries.sort();
    countryCombo_->addItems(countries);
    countryCombo_->setCurrentText(systemCountry);
    countryCombo_->setToolTip(tr("For phone numbers written without a country code."));

    decimalCombo_ = new QComboBox(this);
    decimalCombo_->setObjectName(QStringLiteral("decimalCombo"));
    decimalCombo_->addItem(tr("Detect"), QStringLiteral("auto"));
    decimalCombo_->addItem(tr("Point (12.50)"), QStringLiteral("point"));
    decimalCombo_->addItem(tr("Comma (12,50)"), QStringLiteral("comma"));

    dateOrderCombo_ = new QComboBox(this);
    dateOrderCombo_->setObjectName(QStringLiteral("dateOrderCombo"));
    dateOrderCombo_->addItem(tr("Day first (31/12/2025)"), QStringLiteral("DMY"));
    dateOrderCombo_->addItem(tr("Month first (12/31/2025)"), QStringLiteral("MDY"));

    channelCombo_ = new QComboBox(this);
    channelCombo_->setObjectName(QStringLiteral("channelCombo"));
    for (const char *channel : { "web", "app", "pos", "email", "support", "loyalty" })
        channelCombo_->addItem(channelDisplayName(channel), QString::fromLatin1(channel));
    channelCombo_->setToolTip(tr("Where the rows happened, unless a column says it."));

    lineItemsCheck_ = new QCheckBox(tr("One row per order line (rows with the same order id "
                                       "become one order)"),
        this);
    lineItemsCheck_->setObjectName(QStringLiteral("lineItemsCheck"));

    auto *options = new QGroupBox(tr("How the values are written"), this);
    auto *form = new QFormLayout(options);
    form->addRow(tr("Event type for all rows:"), eventTypeEdit_);
    form->addRow(tr("Channel for all rows:"), channelCombo_);
    form->addRow(lineItemsCheck_);
    form->addRow(tr("Time zone:"), timezoneCombo_);
    form->addRow(tr("Phone country:"), countryCombo_);
    form->addRow(tr("Decimal separator:"), decimalCombo_);
    form->addRow(tr("Date order:"), dateOrderCombo_);

    auto *saveButton = new QPushButton(tr("Save Mapping…"), this);
    saveButton->setObjectName(QStringLiteral("saveMappingButton"));
    auto *loadButton = new QPushButton(tr("Load Mapping…"), this);
    loadButton->setObjectName(QStringLiteral("loadMappingButton"));
    fileMessageLabel_ = new QLabel(this);
    fileMessageLabel_->setObjectName(QStringLiteral("mappingFileMessage"));
    fileMessageLabel_->setWordWrap(true);
    auto *side = new QVBoxLayout;
    side->addWidget(options);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(loadButton);
    fileButtons->addWidget(saveButton);
    fileButtons->addStretch();
    side->addLayout(fileButtons);
    side->addWidget(fileMessageLabel_);
    side->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(columnsTable_, 3);
    top->addLayout(side, 2);

    problemsLabel_ = new QLabel(this);
    problemsLabel_->setObjectName(QStringLiteral("problemsLabel"));
    problemsLabel_->setWordWrap(true);

    previewTable_ = new QTableWidget(0, 6, this);
    previewTable_->setObjectName(QStringLiteral("mappedPreview"));
    previewTable_->setHorizontalHeaderLabels({ tr("Line"), tr("Time (local)"), tr("Event"),
        tr("Identities"), tr("Consents"), tr("Amount / result") });
    previewTable_->verticalHeader()->hide();
    previewTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewTable_->setWordWrap(false);
    previewTable_->horizontalHeader()->setStretchLastSection(true);
    previewTable_->verticalHeader()->setDefaultSectionSize(
        previewTable_->fontMetrics().height() + 6);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 3);
    layout->addWidget(problemsLabel_);
    layout->addWidget(new QLabel(tr("How the first rows will be imported:"), this));
    layout->addWidget(previewTable_, 2);

    connect(eventTypeEdit_, &QLineEdit::textChanged, this, &ImportMappingPage::refresh);
    connect(timezoneCombo_, &QComboBox::currentTextChanged, this, &ImportMappingPage::refresh);
    connect(channelCombo_, &QComboBox::currentIndexChanged, this, &ImportMappingPage::refresh);
    connect(lineItemsCheck_, &QCheckBox::toggled, this, &ImportMappingPage::refresh);
    connect(countryCombo_, &QComboBox::currentIndexChanged, this, &ImportMappingPage::refresh);
    connect(decimalCombo_, &QComboBox::currentIndexChanged, this, &ImportMappingPage::refresh);
    connect(dateOrderCombo_, &QComboBox::currentIndexChanged, this, &ImportMappingPage::refresh);
    connect(saveButton, &QPushButton::clicked, this, &ImportMappingPage::saveMappingDialog);
    connect(loadButton, &QPushButton::clicked, this, &ImportMappingPage::loadMappingDialog);
}

QComboBox *ImportMappingPage::targetCombo(int row) const
{
    return qobject_cast<QComboBox *>(columnsTable_->cellWidget(row, 2));
}

void ImportMappingPage::initializePage()
{
    if (shownHeader_ != wizard_->header())
        rebuildColumns();
    else
        refresh();
}

void ImportMappingPage::rebuildColumns()
{
    updating_ = true;
    shownHeader_ = wizard_->header();
    const auto &header = shownHeader_;
    columnsTable_->setRowCount(static_cast<int>(header.size()));
    for (int row = 0; row < static_cast<int>(header.size()); ++row) {
        const QString name = toQ(header[static_cast<std::size_t>(row)]);
        columnsTable_->setItem(row, 0, new QTableWidgetItem(name));
        QString sample;
        for (const CsvRecord &record : wizard_->previewRecords())
            if (record.fields.size() > static_cast<std::size_t>(row)
                && !trimmed(record.fields[static_cast<std::size_t>(row)]).empty()) {
                sample = toQ(record.fields[static_cast<std::size_t>(row)]);
                break;
            }
        auto *sampleItem = new QTableWidgetItem(sample);
        sampleItem->setForeground(palette().placeholderText());
        sampleItem->setToolTip(sample);
        columnsTable_->setItem(row, 1, sampleItem);

        auto *combo = new QComboBox(columnsTable_);
        combo->setObjectName(QStringLiteral("target_%1").arg(name));
        for (const TargetChoice &choice : targetChoices())
            combo->addItem(tr(choice.label),
                QStringList { toQ(ImportMapping::targetName(choice.target)),
                    QString::fromLatin1(choice.detail) });
        columnsTable_->setCellWidget(row, 2, combo);
        const ColumnMapping guess = ImportMapping::guessColumn(name.toStdString());
        setColumnTarget(name, guess.target, guess.detail);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportMappingPage::refresh);
    }
    columnsTable_->resizeColumnToContents(2);
    updating_ = false;
    refresh();
}

bool ImportMappingPage::setColumnTarget(
    const QString &column, FieldTarget target, const std::string &detail)
{
    for (int row = 0; row < columnsTable_->rowCount(); ++row) {
        if (columnsTable_->item(row, 0)->text() != column)
            continue;
        QComboBox *combo = targetCombo(row);
        const auto &choices = targetChoices();
        for (int index = 0; index < static_cast<int>(choices.size()); ++index) {
            const TargetChoice &choice = choices[static_cast<std::size_t>(index)];
            if (choice.target == target
                && (std::string_view(choice.detail).empty() || detail == choice.detail)) {
                combo->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    }
    return false;
}

std::pair<FieldTarget, std::string> ImportMappingPage::columnTarget(const QString &column) const
{
    for (int row = 0; row < columnsTable_->rowCount(); ++row)
        if (columnsTable_->item(row, 0)->text() == column) {
            const TargetChoice &choice = targetChoices()[static_cast<std::size_t>(
                qMax(0, targetCombo(row)->currentIndex()))];
            return { choice.target, choice.detail };
        }
    return { FieldTarget::Ignore, {} };
}

ImportMapping ImportMappingPage::mapping() const
{
    ImportMapping mapping = base_;
    mapping.columns.clear();
    for (int row = 0; row < columnsTable_->rowCount(); ++row) {
        const QString name = columnsTable_->item(row, 0)->text();
        auto [target, detail] = columnTarget(name);
        if (target == FieldTarget::Ignore)
            continue;
        if (target == FieldTarget::Property)
            detail = name.toStdString();
        mapping.columns.push_back({ name.toStdString(), target, detail });
    }
    mapping.fixedEventType = toEventTypeKey(eventTypeEdit_->text().trimmed().toStdString());
    mapping.fixedChannel = channelCombo_->currentData().toString().toStdString();
    mapping.lineItems = lineItemsCheck_->isChecked();
    mapping.timezone = timezoneCombo_->currentText().trimmed().toStdString();
    mapping.country = countryCombo_->currentText().toStdString();
    mapping.decimal = decimalCombo_->currentData().toString().toStdString();
    mapping.dateOrder = dateOrderCombo_->currentData().toString().toStdString();
    return mapping;
}

void ImportMappingPage::applyMapping(const ImportMapping &mapping)
{
    updating_ = true;
    base_ = mapping;
    for (int row = 0; row < columnsTable_->rowCount(); ++row)
        targetCombo(row)->setCurrentIndex(0);
    for (const ColumnMapping &column : mapping.columns)
        setColumnTarget(toQ(column.column), column.target, column.detail);
    eventTypeEdit_->setText(toQ(mapping.fixedEventType));
    if (channelCombo_->findData(toQ(mapping.fixedChannel)) < 0)
        channelCombo_->addItem(channelDisplayName(mapping.fixedChannel), toQ(mapping.fixedChannel));
    channelCombo_->setCurrentIndex(channelCombo_->findData(toQ(mapping.fixedChannel)));
    lineItemsCheck_->setChecked(mapping.lineItems);
    timezoneCombo_->setCurrentText(toQ(mapping.timezone));
    if (countryCombo_->findText(toQ(mapping.country)) < 0)
        countryCombo_->addItem(toQ(mapping.country));
    countryCombo_->setCurrentText(toQ(mapping.country));
    decimalCombo_->setCurrentIndex(qMax(0, decimalCombo_->findData(toQ(mapping.decimal))));
    dateOrderCombo_->setCurrentIndex(qMax(0, dateOrderCombo_->findData(toQ(mapping.dateOrder))));
    updating_ = false;
    refresh();
}

void ImportMappingPage::refresh()
{
    if (updating_)
        return;
    const ImportMapping current = mapping();
    problems_ = current.problems(wizard_->header());
    refreshPreview(current);

    if (problems_.empty()) {
        problemsLabel_->setText(tr("Ready: every required field is mapped."));
        problemsLabel_->setStyleSheet({});
    } else {
        QStringList lines;
        for (const std::string &problem : problems_)
            lines << QStringLiteral("• ") + toQ(problem);
        problemsLabel_->setText(lines.join(QLatin1Char('\n')));
        problemsLabel_->setStyleSheet(QStringLiteral("color: %1;").arg(kErrorColor.name()));
    }
    Q_EMIT completeChanged();
}

void ImportMappingPage::refreshPreview(const ImportMapping &mapping)
{
    previewTable_->setRowCount(0);
    if (!problems_.empty())
        return;
    std::optional<RowMapper> mapper;
    try {
        mapper.emplace(mapping, wizard_->header());
    } catch (const std::exception &error) {
        problems_.push_back(error.what());
        return;
    }
    const QLocale locale;
    const auto &records = wizard_->previewRecords();
    previewTable_->setRowCount(static_cast<int>(records.size()));
    for (int row = 0; row < static_cast<int>(records.size()); ++row) {
        const CsvRecord &record = records[static_cast<std::size_t>(row)];
        MappedRow mapped;
        std::string reason = record.error;
        if (reason.empty())
            reason = mapper->map(record.fields, mapped, nullptr, record.line);
        auto *line = new QTableWidgetItem(locale.toString(static_cast<qint64>(record.line)));
        line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        previewTable_->setItem(row, 0, line);
        if (!reason.empty()) {
            auto *result = new QTableWidgetItem(tr("Rejected: %1").arg(toQ(reason)));
            result->setForeground(kErrorColor);
            result->setToolTip(result->text());
            previewTable_->setItem(row, 5, result);
            continue;
        }
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(mapped.ts).toLocalTime();
        previewTable_->setItem(
            row, 1, new QTableWidgetItem(locale.toString(time, QLocale::ShortFormat)));
        previewTable_->setItem(row, 2, new QTableWidgetItem(toQ(mapped.type)));
        QStringList identities;
        for (const Identifier &identifier : mapped.identifiers)
            identities << toQ(identifier.kind) + QLatin1Char(' ') + toQ(identifier.value);
        previewTable_->setItem(row, 3, new QTableWidgetItem(identities.join(QStringLiteral(", "))));
        QStringList consents;
        for (const ConsentUpdate &consent : mapped.consents)
            consents << toQ(consent.channel) + QLatin1Char(' ') + toQ(consent.status);
        previewTable_->setItem(row, 4, new QTableWidgetItem(consents.join(QStringLiteral(", "))));
        QString amount;
        if (mapped.value)
            amount = mapped.currency.empty() ? locale.toString(*mapped.value, 'f', 2)
                                             : formatMoney(*mapped.value, mapped.currency, 2);
        previewTable_->setItem(row, 5, new QTableWidgetItem(amount));
    }
    previewTable_->resizeColumnsToContents();
}

bool ImportMappingPage::isComplete() const
{
    return problems_.empty() && !wizard_->header().empty();
}

int ImportMappingPage::nextId() const
{
    return ImportWizard::ImportPage;
}

QString ImportMappingPage::saveMapping(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    const std::string text = mapping().toJson().dump(2) + "\n";
    if (file.write(text.data(), static_cast<qint64>(text.size()))
        != static_cast<qint64>(text.size()))
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString ImportMappingPage::loadMapping(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    const QByteArray bytes = file.readAll();
    try {
        const auto document
            = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
        applyMapping(ImportMapping::fromJson(document));
    } catch (const nlohmann::json::exception &) {
        return tr("%1 is not a mapping file (it is not valid JSON).")
            .arg(QFileInfo(path).fileName());
    } catch (const std::invalid_argument &error) {
        return tr("%1 cannot be used: %2").arg(QFileInfo(path).fileName(), toQ(error.what()));
    }
    return {};
}

void ImportMappingPage::showFileMessage(const QString &message, bool isError)
{
    fileMessageLabel_->setText(message);
    fileMessageLabel_->setStyleSheet(
        isError ? QStringLiteral("color: %1;").arg(kErrorColor.name()) : QString());
}

void ImportMappingPage::saveMappingDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Mapping"),
        QFileInfo(wizard_->inputPath()).completeBaseName() + QStringLiteral(".mapping.json"),
        tr("Mappings (*.json)"));
    if (path.isEmpty())
        return;
    const QString error = saveMapping(path);
    showFileMessage(error.isEmpty() ? tr("Saved to %1.").arg(QFileInfo(path).fileName()) : error,
        !error.isEmpty());
}

void ImportMappingPage::loadMappingDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Mapping"),
        QFileInfo(wizard_->inputPath()).absolutePath(), tr("Mappings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = loadMapping(path);
    showFileMessage(error.isEmpty() ? tr("Loaded %1.").arg(QFileInfo(path).fileName()) : error,
        !error.isEmpty());
}

// ---------------------------------------------------------------------------------------

ImportRunPage::ImportRunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , wizard_(wizard)
{
    setTitle(tr("Import"));
    setSubTitle(tr("The whole file is imported in one step: if you cancel, or anything goes "
                   "wrong, the workspace stays exactly as it was."));
    setFinalPage(true);

    planLabel_ = new QLabel(this);
    planLabel_->setObjectName(QStringLiteral("planLabel"));
    planLabel_->setWordWrap(true);

    importButton_ = new QPushButton(tr("Import"), this);
    importButton_->setObjectName(QStringLiteral("importButton"));
    importButton_->setDefault(true);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(importButton_);
    buttonRow->addStretch();

    resultLabel_ = new QLabel(this);
    resultLabel_->setObjectName(QStringLiteral("resultLabel"));
    resultLabel_->setWordWrap(true);
    resultLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    summaryBox_ = new QGroupBox(tr("Summary"), this);
    auto *grid = new QFormLayout(summaryBox_);
    const std::array<std::pair<const char *, QString>, 6> rows { {
        { "rowsReadValue", tr("Rows read:") },
        { "importedValue", tr("Events imported:") },
        { "duplicatesValue", tr("Already in the workspace (skipped):") },
        { "rejectedValue", tr("Rejected rows:") },
        { "newShoppersValue", tr("New shoppers:") },
        { "mergesValue", tr("Shopper profiles merged:") },
    } };
    for (const auto &[name, label] : rows) {
        auto *value = new QLabel(summaryBox_);
        value->setObjectName(QString::fromLatin1(name));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(80);
        grid->addRow(label, value);
        figures_.emplace_back(name, value);
    }
    rejectsButton_ = new QPushButton(tr("Show Rejected Rows…"), summaryBox_);
    rejectsButton_->setObjectName(QStringLiteral("rejectsButton"));
    auto *rejectsRow = new QHBoxLayout;
    rejectsRow->addStretch();
    rejectsRow->addWidget(rejectsButton_);
    grid->addRow(rejectsRow);
    summaryBox_->setMaximumWidth(520);
    summaryBox_->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(planLabel_);
    layout->addLayout(buttonRow);
    layout->addWidget(resultLabel_);
    layout->addWidget(summaryBox_);
    layout->addStretch();

    connect(importButton_, &QPushButton::clicked, this, &ImportRunPage::runImport);
    connect(rejectsButton_, &QPushButton::clicked, this, &ImportRunPage::showRejects);
}

void ImportRunPage::initializePage()
{
    const ImportRequest request = wizard_->request();
    const QString format = presetDisplayName(request.preset);
    const QString mapped = request.preset == "generic"
        ? tr("columns mapped: %1").arg(request.mapping.columns.size())
        : tr("the format's own mapping");
    planLabel_->setText(
        tr("<p>Clientele will read <b>%1</b> as <b>%2</b> (%3) and add its events to the "
           "workspace <b>%4</b>.</p>"
           "<p>Shoppers are matched by their identities: rows of a known shopper join their "
           "profile, new identities make new profiles. Rows already imported are recognised "
           "and skipped. Rows that cannot be used are kept in a list of rejected rows, with the "
           "reason each.</p>")
            .arg(QFileInfo(wizard_->inputPath()).fileName().toHtmlEscaped(), format, mapped,
                QFileInfo(wizard_->workspacePath()).fileName().toHtmlEscaped()));
    resultLabel_->clear();
    summaryBox_->setVisible(false);
    importButton_->setEnabled(true);
    wizard_->lastSummary_.reset();
    Q_EMIT completeChanged();
}

bool ImportRunPage::isComplete() const
{
    return wizard_->lastSummary_.has_value();
}

bool ImportRunPage::runImport()
{
    const ImportRequest request = wizard_->request();
    const std::string workspacePath = wizard_->workspacePath().toStdString();
    ImportSummary summary;
    importButton_->setEnabled(false);
    resultLabel_->setText(tr("Importing…"));
    const JobOutcome outcome = runWithProgress(this, tr("Import"),
        tr("Reading the file…\nCancel stops the import and leaves the workspace unchanged."),
        [&summary, request, workspacePath](ProgressSink &progress) {
            ImportProgressNote noted(progress);
            auto workspace = Workspace::open(workspacePath);
            summary = ImportJob::run(workspace, request, &noted);
        });
    if (!outcome.succeeded()) {
        importButton_->setEnabled(true);
        resultLabel_->setStyleSheet(
            outcome.failed() ? QStringLiteral("color: %1;").arg(kErrorColor.name()) : QString());
        resultLabel_->setText(outcome.cancelled
                ? tr("Import cancelled. The workspace is unchanged.")
                : tr("The import failed and the workspace is unchanged: %1").arg(outcome.error));
        return false;
    }
    wizard_->lastSummary_ = summary;
    resultLabel_->setStyleSheet({});
    resultLabel_->setText(tr("Import finished."));
    const QLocale locale;
    const std::array<std::int64_t, 6> values { summary.rowsRead, summary.imported,
        summary.duplicates, summary.rejected, summary.profilesCreated, summary.merges };
    for (std::size_t i = 0; i < figures_.size(); ++i)
        figures_[i].second->setText(locale.toString(static_cast<qint64>(values[i])));
    rejectsButton_->setEnabled(summary.rejected > 0);
    summaryBox_->setVisible(true);
    Q_EMIT completeChanged();
    return true;
}

QDialog *ImportRunPage::showRejects()
{
    const auto &summary = wizard_->lastSummary_;
    if (!summary)
        return nullptr;
    std::vector<ImportReject> rejects;
    std::int64_t total = 0;
    try {
        // A short read on the UI thread: at most 1,000 rows of one indexed table.
        Database db
            = Workspace::connect(wizard_->workspacePath().toStdString(), Database::Mode::ReadOnly);
        rejects = ImportLog::rejects(db, summary->importId, 1000, 0);
        total = ImportLog::rejectCount(db, summary->importId);
    } catch (const std::exception &error) {
        resultLabel_->setText(tr("The rejected rows cannot be read: %1").arg(toQ(error.what())));
        return nullptr;
    }
    auto *dialog = new ImportRejectsDialog(rejects, total, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace clientele
