#include "ExportPage.h"

#include "DatabaseWorker.h"
#include "JobRunner.h"
#include "Prompts.h"
#include "SupersededCheck.h"

#include "common/Progress.h"
#include "export/DiscountCodes.h"
#include "export/ExportColumns.h"
#include "export/ExportError.h"
#include "journey/JourneyStore.h"
#include "segment/SegmentStore.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

#include <array>

namespace clientele {

namespace {

enum ColumnState { CheckableColumns = 0, FixedColumns = 1 };

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(dark);"));
    return label;
}

} // namespace

ExportPage::ExportPage(QWidget *parent)
    : QWidget(parent)
    , worker_(std::make_unique<DatabaseWorker>())
    , latestGeneration_(std::make_shared<std::atomic<int>>(0))
{
    previewTimer_ = new QTimer(this);
    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(150);
    connect(previewTimer_, &QTimer::timeout, this, &ExportPage::startPreview);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    auto *title = new QLabel(tr("Export"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    layout->addWidget(hint(tr("Write a campaign file for an email tool or an ad platform. "
                              "Shoppers without consent for the channel are always left out."),
        this));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(createSettings());
    scroll->setMinimumWidth(360);
    splitter->addWidget(scroll);
    splitter->addWidget(createResults());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 390, 760 });
    layout->addWidget(splitter, 1);

    formatChanged();
}

ExportPage::~ExportPage()
{
    // Superseded previews stop at their next report; then wait for the worker.
    latestGeneration_->store(-1);
}

QWidget *ExportPage::createSettings()
{
    auto *settings = new QWidget(this);
    auto *layout = new QVBoxLayout(settings);
    layout->setContentsMargins(0, 0, 8, 0);

    // Audience
    auto *audienceBox = new QGroupBox(tr("Audience"), settings);
    auto *audienceLayout = new QGridLayout(audienceBox);
    allButton_ = new QRadioButton(tr("All shoppers"), audienceBox);
    allButton_->setObjectName(QStringLiteral("audienceAll"));
    allButton_->setChecked(true);
    segmentButton_ = new QRadioButton(tr("Saved segment:"), audienceBox);
    segmentButton_->setObjectName(QStringLiteral("audienceSegment"));
    segmentCombo_ = new QComboBox(audienceBox);
    segmentCombo_->setObjectName(QStringLiteral("segmentCombo"));
    segmentCombo_->setPlaceholderText(tr("No saved segments yet"));
    fileButton_ = new QRadioButton(tr("Profile ids from a file:"), audienceBox);
    fileButton_->setObjectName(QStringLiteral("audienceFile"));
    idFileButton_ = new QPushButton(tr("Choose File…"), audienceBox);
    idFileButton_->setObjectName(QStringLiteral("idFileButton"));
    idFileLabel_ = hint(tr("A text file with one profile id per line."), audienceBox);
    audienceLayout->addWidget(allButton_, 0, 0, 1, 2);
    audienceLayout->addWidget(segmentButton_, 1, 0);
    audienceLayout->addWidget(segmentCombo_, 1, 1);
    audienceLayout->addWidget(fileButton_, 2, 0);
    audienceLayout->addWidget(idFileButton_, 2, 1);
    audienceLayout->addWidget(idFileLabel_, 3, 0, 1, 2);
    journeyButton_ = new QRadioButton(tr("Journey:"), audienceBox);
    journeyButton_->setObjectName(QStringLiteral("audienceJourney"));
    journeyCombo_ = new QComboBox(audienceBox);
    journeyCombo_->setObjectName(QStringLiteral("journeyCombo"));
    journeyCombo_->setPlaceholderText(tr("No saved journeys yet"));
    journeyTargetCombo_ = new QComboBox(audienceBox);
    journeyTargetCombo_->setObjectName(QStringLiteral("journeyTargetCombo"));
    journeyTargetCombo_->setToolTip(tr("The shoppers at a step of the journey now, or the "
                                       "messages it scheduled on one channel (each message is "
                                       "exported once)."));
    audienceLayout->addWidget(journeyButton_, 4, 0);
    audienceLayout->addWidget(journeyCombo_, 4, 1);
    audienceLayout->addWidget(journeyTargetCombo_, 5, 1);
    audienceLayout->setColumnStretch(1, 1);
    auto *audienceGroup = new QButtonGroup(audienceBox);
    audienceGroup->addButton(allButton_);
    audienceGroup->addButton(segmentButton_);
    audienceGroup->addButton(fileButton_);
    audienceGroup->addButton(journeyButton_);
    connect(audienceGroup, &QButtonGroup::buttonToggled, this,
        [this](QAbstractButton *button, bool on) {
            if (!on)
                return;
            if (button == segmentButton_ && segmentCombo_->currentIndex() < 0
                && segmentCombo_->count() > 0) {
                const QSignalBlocker blocker(segmentCombo_);
                segmentCombo_->setCurrentIndex(0); // a segment radio means some segment
            }
            if (button == journeyButton_ && journeyCombo_->currentIndex() < 0
                && journeyCombo_->count() > 0) {
                const QSignalBlocker blocker(journeyCombo_);
                journeyCombo_->setCurrentIndex(0);
                fillJourneyTargets();
            }
            journeyTargetChanged();
        });
    connect(journeyCombo_, &QComboBox::currentIndexChanged, this, [this](int index) {
        fillJourneyTargets();
        if (index >= 0 && !journeyButton_->isChecked())
            journeyButton_->setChecked(true);
        else
            journeyTargetChanged();
    });
    connect(journeyTargetCombo_, &QComboBox::currentIndexChanged, this,
        &ExportPage::journeyTargetChanged);
    connect(segmentCombo_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && !segmentButton_->isChecked())
            segmentButton_->setChecked(true); // picking a segment means exporting it
        else
            schedulePreview();
    });
    connect(idFileButton_, &QPushButton::clicked, this, &ExportPage::chooseIdFile);
    layout->addWidget(audienceBox);

    // Format
    auto *formatBox = new QGroupBox(tr("Format"), settings);
    auto *formatLayout = new QVBoxLayout(formatBox);
    formatCombo_ = new QComboBox(formatBox);
    formatCombo_->setObjectName(QStringLiteral("formatCombo"));
    formatCombo_->addItem(tr("Generic CSV"), QStringLiteral("generic"));
    formatCombo_->addItem(tr("Klaviyo list"), QStringLiteral("klaviyo"));
    formatCombo_->addItem(tr("Mailchimp audience"), QStringLiteral("mailchimp"));
    formatCombo_->addItem(tr("Google Ads Customer Match"), QStringLiteral("customer-match"));
    formatCombo_->addItem(tr("Meta custom audience"), QStringLiteral("meta"));
    formatHelp_ = hint(QString(), formatBox);
    formatHelp_->setObjectName(QStringLiteral("formatHelp"));
    formatLayout->addWidget(formatCombo_);
    formatLayout->addWidget(formatHelp_);

    genericOptions_ = new QWidget(formatBox);
    auto *genericLayout = new QFormLayout(genericOptions_);
    genericLayout->setContentsMargins(0, 0, 0, 0);
    channelCombo_ = new QComboBox(genericOptions_);
    channelCombo_->setObjectName(QStringLiteral("channelCombo"));
    channelCombo_->addItem(tr("Email (needs email consent)"), QStringLiteral("email"));
    channelCombo_->addItem(tr("SMS (needs SMS consent)"), QStringLiteral("sms"));
    channelCombo_->addItem(tr("Push (journey outbox; needs push consent)"), QStringLiteral("push"));
    channelCombo_->addItem(tr("On-site banner (journey outbox)"), QStringLiteral("banner"));
    genericLayout->addRow(tr("Channel:"), channelCombo_);
    bomCheck_ = new QCheckBox(tr("UTF-8 byte order mark (for Excel)"), genericOptions_);
    bomCheck_->setObjectName(QStringLiteral("bomCheck"));
    semicolonCheck_ = new QCheckBox(tr("Separate with ; (for Excel in Europe)"), genericOptions_);
    semicolonCheck_->setObjectName(QStringLiteral("semicolonCheck"));
    genericLayout->addRow(bomCheck_);
    genericLayout->addRow(semicolonCheck_);
    formatLayout->addWidget(genericOptions_);
    connect(formatCombo_, &QComboBox::currentIndexChanged, this, &ExportPage::formatChanged);
    connect(channelCombo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!columnsCustomised_)
            fillColumns(exportChannelOf(ExportFormat::Generic, currentRequest().channel));
        schedulePreview();
    });
    connect(bomCheck_, &QCheckBox::toggled, this, &ExportPage::schedulePreview);
    connect(semicolonCheck_, &QCheckBox::toggled, this, &ExportPage::schedulePreview);
    layout->addWidget(formatBox);

    // Columns
    auto *columnsBox = new QGroupBox(tr("Columns"), settings);
    auto *columnsLayout = new QVBoxLayout(columnsBox);
    columnStates_ = new QStackedWidget(columnsBox);
    columnList_ = new QListWidget(columnStates_);
    columnList_->setObjectName(QStringLiteral("columnList"));
    columnList_->setMinimumHeight(180);
    for (const ExportColumn &column : ExportColumns::all()) {
        // Discount code and offer come from the campaign fields below.
        if (column.type == ExportColumn::Type::DiscountCode
            || column.type == ExportColumn::Type::Offer)
            continue;
        auto *item = new QListWidgetItem(QString::fromStdString(column.label), columnList_);
        item->setData(Qt::UserRole, QString::fromStdString(column.name));
        item->setData(Qt::UserRole + 1, column.fromOutbox); // shown for an outbox only
        item->setHidden(column.fromOutbox);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    connect(columnList_, &QListWidget::itemChanged, this, [this] {
        columnsCustomised_ = true;
        schedulePreview();
    });
    columnStates_->insertWidget(CheckableColumns, columnList_);
    fixedColumns_ = hint(QString(), columnStates_);
    fixedColumns_->setObjectName(QStringLiteral("fixedColumns"));
    fixedColumns_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    fixedColumns_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    columnStates_->insertWidget(FixedColumns, fixedColumns_);
    columnsLayout->addWidget(columnStates_);
    layout->addWidget(columnsBox);
    fillColumns(ExportChannel::Email);

    // Campaign fields
    auto *campaignBox = new QGroupBox(tr("Campaign"), settings);
    auto *campaignLayout = new QFormLayout(campaignBox);
    codePattern_ = new QLineEdit(campaignBox);
    codePattern_->setObjectName(QStringLiteral("codePattern"));
    codePattern_->setPlaceholderText(tr("e.g. SAVE10-XXXXXX (optional)"));
    codePattern_->setToolTip(tr("Every X becomes a random letter or digit: one unique "
                                "discount code per shopper, recorded in the workspace."));
    codeMessage_ = new QLabel(campaignBox);
    codeMessage_->setObjectName(QStringLiteral("codeMessage"));
    codeMessage_->setWordWrap(true);
    offer_ = new QLineEdit(campaignBox);
    offer_->setObjectName(QStringLiteral("offerText"));
    offer_->setPlaceholderText(tr("e.g. 10% off your next order (optional)"));
    campaignNote_ = hint(tr("Ad audiences carry no discount codes or offers: the file only "
                            "says whom to show ads to."),
        campaignBox);
    campaignLayout->addRow(tr("Discount codes:"), codePattern_);
    campaignLayout->addRow(QString(), codeMessage_);
    campaignLayout->addRow(tr("Offer text:"), offer_);
    campaignLayout->addRow(campaignNote_);
    connect(codePattern_, &QLineEdit::textChanged, this, [this] {
        validateCodePattern();
        schedulePreview();
    });
    connect(offer_, &QLineEdit::textChanged, this, &ExportPage::schedulePreview);
    layout->addWidget(campaignBox);
    layout->addStretch();
    validateCodePattern();
    return settings;
}

QWidget *ExportPage::createResults()
{
    auto *results = new QWidget(this);
    auto *layout = new QVBoxLayout(results);
    layout->setContentsMargins(8, 0, 0, 0);

    countsLabel_ = new QLabel(results);
    countsLabel_->setObjectName(QStringLiteral("exportCounts"));
    countsLabel_->setWordWrap(true);
    countsLabel_->setTextFormat(Qt::RichText);
    // Two lines (totals, reasons) from the start, so the preview does not jump down.
    countsLabel_->setMinimumHeight(countsLabel_->fontMetrics().lineSpacing() * 2 + 4);
    countsLabel_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(countsLabel_);

    notice_ = new QLabel(results);
    notice_->setObjectName(QStringLiteral("exportNotice"));
    notice_->setWordWrap(true);
    notice_->setStyleSheet(QStringLiteral(
        "background: #fff4d6; border: 1px solid #e0c36a; border-radius: 4px; padding: 8px;"));
    notice_->hide();
    layout->addWidget(notice_);

    auto *previewTitle
        = new QLabel(tr("Preview: the first rows as the file will have them"), results);
    QFont bold = previewTitle->font();
    bold.setBold(true);
    previewTitle->setFont(bold);
    layout->addWidget(previewTitle);
    previewTable_ = new QTableWidget(results);
    previewTable_->setObjectName(QStringLiteral("previewTable"));
    previewTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewTable_->setAlternatingRowColors(true);
    previewTable_->setWordWrap(false);
    previewTable_->verticalHeader()->setDefaultSectionSize(
        previewTable_->fontMetrics().height() + 8);
    previewTable_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(previewTable_, 1);

    auto *actions = new QHBoxLayout;
    problemLabel_ = new QLabel(results);
    problemLabel_->setObjectName(QStringLiteral("exportProblem"));
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    exportButton_ = new QPushButton(tr("Export…"), results);
    exportButton_->setObjectName(QStringLiteral("exportButton"));
    exportButton_->setDefault(true);
    exportButton_->setEnabled(false);
    connect(exportButton_, &QPushButton::clicked, this, &ExportPage::exportFile);
    actions->addWidget(problemLabel_, 1);
    actions->addWidget(exportButton_);
    layout->addLayout(actions);

    summaryPanel_ = new QGroupBox(tr("Last export"), results);
    summaryPanel_->setObjectName(QStringLiteral("exportSummary"));
    auto *summaryLayout = new QHBoxLayout(summaryPanel_);
    summaryLabel_ = new QLabel(summaryPanel_);
    summaryLabel_->setObjectName(QStringLiteral("exportSummaryText"));
    summaryLabel_->setWordWrap(true);
    summaryLabel_->setTextFormat(Qt::RichText);
    summaryLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    openFolderButton_ = new QPushButton(tr("Open Folder"), summaryPanel_);
    openFolderButton_->setObjectName(QStringLiteral("openFolderButton"));
    connect(openFolderButton_, &QPushButton::clicked, this, [this] {
        if (lastSummary_) {
            const QString folder
                = QFileInfo(QString::fromStdString(lastSummary_->path)).absolutePath();
            Prompts::openUrl(QUrl::fromLocalFile(folder));
        }
    });
    summaryLayout->addWidget(summaryLabel_, 1);
    summaryLayout->addWidget(openFolderButton_, 0, Qt::AlignTop);
    summaryPanel_->hide();
    layout->addWidget(summaryPanel_);
    return results;
}

void ExportPage::setWorkspace(const QString &path)
{
    workspacePath_ = path;
    worker_->setWorkspace(path);
    preview_.reset();
    shoppers_ = -1;
    lastSummary_.reset();
    summaryPanel_->hide();
    reloadSegments();
    reloadJourneys();
    schedulePreview();
}

void ExportPage::reloadSegments()
{
    if (workspacePath_.isEmpty())
        return;
    worker_->post<QStringList>(
        this,
        [](Database &db) {
            QStringList names;
            SegmentStore store(db);
            for (const SavedSegment &segment : store.list())
                names << QString::fromStdString(segment.name);
            return names;
        },
        [this](QStringList names) {
            QStringList shown;
            for (int i = 0; i < segmentCombo_->count(); ++i)
                shown << segmentCombo_->itemText(i);
            if (shown == names && pendingSegment_.isEmpty()
                && segmentCombo_->isEnabled() == !names.isEmpty())
                return; // nothing changed: the counts shown still hold
            const QString current
                = pendingSegment_.isEmpty() ? segmentCombo_->currentText() : pendingSegment_;
            {
                const QSignalBlocker blocker(segmentCombo_);
                segmentCombo_->clear();
                segmentCombo_->addItems(names);
                segmentCombo_->setCurrentIndex(names.indexOf(current));
            }
            segmentCombo_->setPlaceholderText(
                names.isEmpty() ? tr("No saved segments yet") : tr("Choose a segment…"));
            segmentCombo_->setEnabled(!names.isEmpty());
            segmentButton_->setEnabled(!names.isEmpty());
            if (!pendingSegment_.isEmpty() && names.contains(pendingSegment_)) {
                pendingSegment_.clear();
                segmentButton_->setChecked(true);
            }
            schedulePreview();
        });
}

void ExportPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reloadSegments();
    reloadJourneys();
}

void ExportPage::reloadJourneys()
{
    if (workspacePath_.isEmpty())
        return;
    worker_->post<QList<JourneyTargets>>(
        this,
        [](Database &db) {
            QList<JourneyTargets> journeys;
            JourneyStore store(db);
            for (const JourneySummary &summary : store.list()) {
                JourneyTargets targets;
                targets.name = QString::fromStdString(summary.name);
                if (const auto journey = store.load(summary.name))
                    for (const JourneyNode &node : journey->nodes)
                        targets.steps.append({ QString::fromStdString(node.id),
                            QString::fromStdString(node.displayName()) });
                journeys.append(targets);
            }
            return journeys;
        },
        [this](QList<JourneyTargets> journeys) {
            const QString current = pendingJourney_
                ? QString::fromStdString(pendingJourney_->journey)
                : journeyCombo_->currentText();
            const QString target = journeyTargetCombo_->currentData().toString();
            journeys_ = journeys;
            {
                const QSignalBlocker blocker(journeyCombo_);
                journeyCombo_->clear();
                for (const JourneyTargets &journey : journeys_)
                    journeyCombo_->addItem(journey.name);
                journeyCombo_->setCurrentIndex(journeyCombo_->findText(current));
            }
            journeyCombo_->setEnabled(!journeys_.isEmpty());
            journeyButton_->setEnabled(!journeys_.isEmpty());
            fillJourneyTargets();
            const QString wanted = !pendingJourney_ ? target
                : pendingJourney_->kind == AudienceRequest::Kind::JourneyOutbox
                ? QStringLiteral("outbox:") + QString::fromStdString(pendingJourney_->channel)
                : QStringLiteral("step:") + QString::fromStdString(pendingJourney_->step);
            {
                const QSignalBlocker blocker(journeyTargetCombo_);
                const int index = journeyTargetCombo_->findData(wanted);
                if (index >= 0)
                    journeyTargetCombo_->setCurrentIndex(index);
            }
            if (pendingJourney_ && journeyCombo_->currentIndex() >= 0) {
                pendingJourney_.reset();
                journeyButton_->setChecked(true);
            }
            journeyTargetChanged();
        });
}

void ExportPage::fillJourneyTargets()
{
    const QSignalBlocker blocker(journeyTargetCombo_);
    journeyTargetCombo_->clear();
    const int index = journeyCombo_->currentIndex();
    if (index < 0 || index >= journeys_.size())
        return;
    const std::array<std::pair<const char *, QString>, 5> outboxes { {
        { "email", tr("Outbox: e-mail messages") },
        { "sms", tr("Outbox: text messages") },
        { "push", tr("Outbox: push messages") },
        { "banner", tr("Outbox: on-site banners") },
        { "ad_audience", tr("Outbox: ad audience") },
    } };
    for (const auto &[channel, label] : outboxes)
        journeyTargetCombo_->addItem(label, QStringLiteral("outbox:") + QLatin1String(channel));
    for (const auto &[id, name] : journeys_.at(index).steps)
        journeyTargetCombo_->addItem(
            tr("Shoppers now at: %1").arg(name), QStringLiteral("step:") + id);
    journeyTargetCombo_->setCurrentIndex(0);
}

bool ExportPage::outboxChosen() const
{
    return journeyButton_->isChecked()
        && journeyTargetCombo_->currentData().toString().startsWith(QStringLiteral("outbox:"));
}

void ExportPage::journeyTargetChanged()
{
    const bool outbox = outboxChosen();
    if (outbox) {
        // An outbox is written on its own channel (ExportJob refuses anything else).
        const QString channel = journeyTargetCombo_->currentData().toString().mid(7);
        const bool adFormat = currentFormat() == ExportFormat::CustomerMatch
            || currentFormat() == ExportFormat::Meta;
        if (channel == QStringLiteral("ad_audience")) {
            if (!adFormat)
                formatCombo_->setCurrentIndex(
                    formatCombo_->findData(QStringLiteral("customer-match")));
        } else if (channel != QStringLiteral("email") || adFormat) {
            formatCombo_->setCurrentIndex(formatCombo_->findData(QStringLiteral("generic")));
        }
        if (channel != QStringLiteral("ad_audience")) {
            const QSignalBlocker blocker(channelCombo_);
            channelCombo_->setCurrentIndex(channelCombo_->findData(channel));
        }
    }
    {
        const QSignalBlocker blocker(columnList_);
        for (int row = 0; row < columnList_->count(); ++row) {
            QListWidgetItem *item = columnList_->item(row);
            if (item->data(Qt::UserRole + 1).toBool())
                item->setHidden(!outbox);
        }
    }
    if (!columnsCustomised_ || !outbox)
        fillColumns(exportChannelOf(currentFormat(), currentRequest().channel));
    schedulePreview();
}

void ExportPage::chooseJourney(const QString &journey, const QString &step, const QString &channel)
{
    pendingJourney_ = step.isEmpty()
        ? AudienceRequest::ofJourneyOutbox(journey.toStdString(), channel.toStdString())
        : AudienceRequest::ofJourneyStep(journey.toStdString(), step.toStdString());
    reloadJourneys();
}

void ExportPage::chooseSegment(const QString &name)
{
    const int index = segmentCombo_->findText(name);
    if (index < 0) {
        // Saved a moment ago in the Segments area: read the list, then choose it.
        pendingSegment_ = name;
        reloadSegments();
        return;
    }
    segmentCombo_->setCurrentIndex(index);
    segmentButton_->setChecked(true);
    schedulePreview();
}

ExportFormat ExportPage::currentFormat() const
{
    return parseExportFormat(formatCombo_->currentData().toString().toStdString())
        .value_or(ExportFormat::Generic);
}

AudienceRequest ExportPage::audienceChoice() const
{
    if (segmentButton_->isChecked())
        return AudienceRequest::ofSegment(segmentCombo_->currentText().toStdString());
    if (fileButton_->isChecked())
        return AudienceRequest::ofProfileFile(idFile_.toStdString());
    if (journeyButton_->isChecked()) {
        const QString target = journeyTargetCombo_->currentData().toString();
        const std::string journey = journeyCombo_->currentText().toStdString();
        if (target.startsWith(QStringLiteral("outbox:")))
            return AudienceRequest::ofJourneyOutbox(journey, target.mid(7).toStdString());
        return AudienceRequest::ofJourneyStep(journey, target.mid(5).toStdString());
    }
    return AudienceRequest::all();
}

ExportRequest ExportPage::currentRequest() const
{
    ExportRequest request;
    request.format = currentFormat();
    if (request.format == ExportFormat::Generic) {
        request.channel = parseExportChannel(channelCombo_->currentData().toString().toStdString())
                              .value_or(ExportChannel::Email);
        for (int row = 0; row < columnList_->count(); ++row) {
            const QListWidgetItem *item = columnList_->item(row);
            if (item->checkState() == Qt::Checked)
                request.columns.push_back(item->data(Qt::UserRole).toString().toStdString());
        }
        request.byteOrderMark = bomCheck_->isChecked();
        request.delimiter = semicolonCheck_->isChecked() ? ';' : ',';
    }
    const bool adFormat
        = request.format == ExportFormat::CustomerMatch || request.format == ExportFormat::Meta;
    if (!adFormat) {
        request.codePattern = codePattern_->text().trimmed().toStdString();
        request.offer = offer_->text().trimmed().toStdString();
    }
    return request;
}

QString ExportPage::reasonDisplayName(const std::string &reason)
{
    using namespace SuppressionReason;
    if (reason == kNotFound)
        return tr("not a shopper of this workspace (unknown id)");
    if (reason == kNoEmail)
        return tr("no e-mail address");
    if (reason == kNoPhone)
        return tr("no valid mobile number");
    if (reason == kNoIdentifier)
        return tr("no e-mail address or phone to match on");
    if (reason == kNoConsent)
        return tr("never gave consent");
    if (reason == kDenied)
        return tr("declined consent");
    if (reason == kUnsubscribed)
        return tr("unsubscribed");
    if (reason == kNoDevice)
        return tr("no app device to send a push to");
    return QString::fromStdString(reason);
}

void ExportPage::fillColumns(ExportChannel channel)
{
    const std::vector<std::string> defaults = ExportJob::defaultColumns(channel, outboxChosen());
    const QSignalBlocker blocker(columnList_);
    for (int row = 0; row < columnList_->count(); ++row) {
        QListWidgetItem *item = columnList_->item(row);
        const std::string name = item->data(Qt::UserRole).toString().toStdString();
        const bool on = std::find(defaults.begin(), defaults.end(), name) != defaults.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

void ExportPage::formatChanged()
{
    const ExportFormat format = currentFormat();
    switch (format) {
    case ExportFormat::Generic:
        formatHelp_->setText(tr("A plain CSV file with the columns you choose, for any email "
                                "or SMS tool, or to open in a spreadsheet."));
        break;
    case ExportFormat::Klaviyo:
        formatHelp_->setText(tr("A list import for Klaviyo: e-mail first, then names, phone and "
                                "the email and SMS consent columns Klaviyo reads."));
        break;
    case ExportFormat::Mailchimp:
        formatHelp_->setText(tr("An audience import for Mailchimp: e-mail address, names, phone "
                                "and country."));
        break;
    case ExportFormat::CustomerMatch:
        formatHelp_->setText(tr("A Google Ads Customer Match list, to show ads to these shoppers. "
                                "E-mail, phone and names are SHA-256 hashed as Google requires; "
                                "the country stays readable."));
        break;
    case ExportFormat::Meta:
        formatHelp_->setText(tr("A Meta (Facebook, Instagram) custom audience list. Every "
                                "personal value is SHA-256 hashed, as Meta requires."));
        break;
    }
    const bool generic = format == ExportFormat::Generic;
    const bool adFormat = format == ExportFormat::CustomerMatch || format == ExportFormat::Meta;
    genericOptions_->setVisible(generic);
    columnStates_->setCurrentIndex(generic ? CheckableColumns : FixedColumns);
    fixedColumns_->setText(tr("Set by the platform; shown in the preview."));
    codePattern_->setEnabled(!adFormat);
    offer_->setEnabled(!adFormat);
    campaignNote_->setVisible(adFormat);
    validateCodePattern();
    schedulePreview();
}

void ExportPage::validateCodePattern()
{
    const QString text = codePattern_->text().trimmed();
    if (text.isEmpty() || !codePattern_->isEnabled()) {
        codeMessage_->setText(tr("Leave empty for no codes."));
        codeMessage_->setStyleSheet(QStringLiteral("color: palette(dark);"));
        return;
    }
    try {
        const DiscountCodePattern pattern(text.toStdString());
        codeMessage_->setText(
            tr("One unique code per exported shopper, each X a random "
               "character: %1 possible codes.")
                .arg(pattern.combinations() < 1e15
                        ? QLocale().toString(static_cast<qint64>(pattern.combinations()))
                        : QLocale().toString(pattern.combinations(), 'g', 3)));
        codeMessage_->setStyleSheet(QStringLiteral("color: #1b6e20;"));
    } catch (const ExportError &error) {
        codeMessage_->setText(QString::fromStdString(error.what()));
        codeMessage_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    }
}

void ExportPage::schedulePreview()
{
    // Anything shown so far no longer matches the choices.
    ++generation_;
    latestGeneration_->store(generation_);
    preview_.reset();
    updateExportButton();
    previewTimer_->start();
}

void ExportPage::startPreview()
{
    if (workspacePath_.isEmpty())
        return;
    const int generation = generation_;
    const AudienceRequest choice = audienceChoice();
    ExportRequest request = currentRequest();

    // Problems the page can tell before asking the workspace.
    QString problem;
    if (choice.kind == AudienceRequest::Kind::Segment && choice.segment.empty())
        problem = tr("Choose a saved segment, or save one in the Segments area first.");
    else if (choice.kind == AudienceRequest::Kind::ProfileFile && choice.profileFile.empty())
        problem = tr("Choose a file of profile ids.");
    else if ((choice.kind == AudienceRequest::Kind::JourneyStep
                 || choice.kind == AudienceRequest::Kind::JourneyOutbox)
        && choice.journey.empty())
        problem = tr("Choose a journey, or save one in the Journeys area first.");
    else if (request.format == ExportFormat::Generic && request.columns.empty())
        problem = tr("Choose at least one column.");
    if (!problem.isEmpty()) {
        showPreviewError(generation, problem);
        return;
    }
    countsLabel_->setText(tr("Counting…"));
    auto latest = latestGeneration_;
    const bool countShoppers = shoppers_ < 0;
    worker_->post<ExportPreviewResult>(
        this,
        [generation, choice, request, latest, countShoppers](Database &db) mutable {
            SupersededCheck check(latest, generation);
            if (!check.current())
                throw Cancelled();
            ExportPreviewResult result;
            result.generation = generation;
            if (countShoppers)
                result.shoppers = Audience::countAll(db);
            request.audience = choice.resolve(db);
            result.preview = ExportJob::preview(db, request, 10, &check);
            return result;
        },
        [this](ExportPreviewResult result) { showPreview(result); },
        [this, generation](const QString &message) { showPreviewError(generation, message); });
}

void ExportPage::showPreview(const ExportPreviewResult &result)
{
    if (result.generation != generation_)
        return; // an older question: a newer preview is on its way
    answeredGeneration_ = result.generation;
    preview_ = result.preview;
    if (result.shoppers >= 0)
        shoppers_ = result.shoppers;
    previewProblem_.clear();
    const ExportPreview &preview = *preview_;
    showCounts(preview);

    if (currentFormat() != ExportFormat::Generic) {
        QStringList headers;
        for (const std::string &header : preview.headers)
            headers << QString::fromStdString(header);
        fixedColumns_->setText(
            tr("Set by the platform, in this order:\n%1").arg(headers.join(QStringLiteral("\n"))));
    }

    previewTable_->clear();
    previewTable_->setColumnCount(static_cast<int>(preview.headers.size()));
    previewTable_->setRowCount(static_cast<int>(preview.rows.size()));
    QStringList headers;
    for (const std::string &header : preview.headers)
        headers << QString::fromStdString(header);
    previewTable_->setHorizontalHeaderLabels(headers);
    for (int row = 0; row < static_cast<int>(preview.rows.size()); ++row) {
        const auto &cells = preview.rows[static_cast<std::size_t>(row)];
        for (int column = 0; column < static_cast<int>(cells.size()); ++column) {
            const QString text = QString::fromStdString(cells[static_cast<std::size_t>(column)]);
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            previewTable_->setItem(row, column, item);
        }
    }
    previewTable_->resizeColumnsToContents();
    // Digests are not for reading: narrow enough that every column of an ad file shows.
    const bool hashed
        = currentFormat() == ExportFormat::CustomerMatch || currentFormat() == ExportFormat::Meta;
    const int widest = hashed ? 130 : 260;
    for (int column = 0; column < previewTable_->columnCount(); ++column)
        previewTable_->setColumnWidth(column, std::min(previewTable_->columnWidth(column), widest));

    // Empty states: say why nothing would be written, and what to do.
    if (shoppers_ == 0) {
        notice_->setText(tr("This workspace has no shoppers yet. Import your store's data with "
                            "File › Import…, or fill it with the demo store from the Overview "
                            "page; then come back to export."));
        notice_->show();
    } else if (preview.audience == 0) {
        notice_->setText(tr("This audience has nobody in it. Choose another segment or file."));
        notice_->show();
    } else if (preview.exported == 0) {
        QStringList why;
        for (const auto &[reason, count] : preview.suppressed) {
            if (count > 0)
                why << tr("%1: %2").arg(reasonDisplayName(reason), QLocale().toString(count));
        }
        const ExportChannel channel = exportChannelOf(currentFormat(), currentRequest().channel);
        const QString channelName = channel == ExportChannel::Sms ? tr("SMS")
            : channel == ExportChannel::Advertising               ? tr("ads")
            : channel == ExportChannel::Push                      ? tr("push")
            : channel == ExportChannel::OnSite                    ? tr("the on-site banner")
                                                                  : tr("email");
        notice_->setText(tr("Nobody in this audience can be exported for %1 (%2). Only "
                            "shoppers who gave consent and have an address to send to are "
                            "exported; choose another audience, format or channel.")
                             .arg(channelName, why.join(QStringLiteral("; "))));
        notice_->show();
    } else {
        notice_->hide();
    }
    updateExportButton();
    Q_EMIT previewUpdated();
}

void ExportPage::showPreviewError(int generation, const QString &message)
{
    if (generation != generation_)
        return;
    answeredGeneration_ = generation;
    preview_.reset();
    previewProblem_ = message;
    countsLabel_->setText(QString());
    previewTable_->clear();
    previewTable_->setRowCount(0);
    previewTable_->setColumnCount(0);
    notice_->hide();
    updateExportButton();
    Q_EMIT previewUpdated();
}

void ExportPage::showCounts(const ExportPreview &preview)
{
    const QLocale locale;
    QString text
        = tr("<b>%1</b> in the audience · <b>%2</b> left out · "
             "<b>%3</b> to be exported")
              .arg(locale.toString(preview.audience), locale.toString(preview.suppressedTotal()),
                  locale.toString(preview.exported));
    QStringList reasons;
    for (const auto &[reason, count] : preview.suppressed) {
        if (count > 0)
            reasons << tr("%1 %2").arg(
                locale.toString(count), reasonDisplayName(reason).toHtmlEscaped());
    }
    if (!reasons.isEmpty())
        text += QStringLiteral("<br><span style='color:#5f6368'>")
            + tr("Left out: %1").arg(reasons.join(QStringLiteral(", ")))
            + QStringLiteral("</span>");
    countsLabel_->setText(text);
}

QString ExportPage::problem() const
{
    if (workspacePath_.isEmpty())
        return tr("Open a workspace first.");
    const bool adFormat
        = currentFormat() == ExportFormat::CustomerMatch || currentFormat() == ExportFormat::Meta;
    const QString pattern = codePattern_->text().trimmed();
    if (!adFormat && !pattern.isEmpty()) {
        try {
            DiscountCodePattern(pattern.toStdString());
        } catch (const ExportError &error) {
            return tr("Fix the discount-code pattern: %1")
                .arg(QString::fromStdString(error.what()));
        }
    }
    return previewProblem_;
}

void ExportPage::updateExportButton()
{
    const QString problem = this->problem();
    problemLabel_->setText(problem);
    exportButton_->setEnabled(problem.isEmpty() && preview_ && preview_->exported > 0);
}

void ExportPage::chooseIdFile()
{
    const QString folder = idFile_.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        : QFileInfo(idFile_).absolutePath();
    const QString path = Prompts::openFileName(
        this, tr("Profile Ids"), folder, tr("Text files (*.txt *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    idFile_ = path;
    idFileLabel_->setText(QDir::toNativeSeparators(path));
    fileButton_->setChecked(true);
    schedulePreview();
}

void ExportPage::exportFile()
{
    if (!preview_ || workspacePath_.isEmpty())
        return;
    const AudienceRequest choice = audienceChoice();
    ExportRequest request = currentRequest();
    const QString audienceName = choice.kind == AudienceRequest::Kind::Segment
        ? QString::fromStdString(choice.segment)
        : choice.kind == AudienceRequest::Kind::ProfileFile
        ? QFileInfo(QString::fromStdString(choice.profileFile)).baseName()
        : tr("all-shoppers");
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(
                  QStringLiteral("%1-%2-%3.csv")
                      .arg(audienceName,
                          QString::fromStdString(std::string(exportFormatName(request.format))),
                          QDate::currentDate().toString(Qt::ISODate)));
    QString path = Prompts::saveFileName(
        this, tr("Export Campaign File"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    request.outputPath = path.toStdString();

    auto summary = std::make_shared<std::optional<ExportSummary>>();
    const std::string workspace = workspacePath_.toStdString();
    const JobOutcome outcome = runWithProgress(this, tr("Export"),
        tr("Exporting %Ln shopper(s)…", nullptr, static_cast<int>(preview_->exported)),
        [workspace, choice, request, summary](ProgressSink &progress) mutable {
            Database db = Workspace::connect(workspace, Database::Mode::ReadWrite);
            request.audience = choice.resolve(db);
            *summary = ExportJob::run(db, request, &progress);
        });
    if (outcome.cancelled) {
        showExportProblem(tr("The export was cancelled. Nothing was written."));
        Q_EMIT exportFinished(false);
        return;
    }
    if (outcome.failed() || !*summary) {
        showExportProblem(tr("The export failed: %1 Nothing was written.").arg(outcome.error));
        Q_EMIT exportFinished(false);
        return;
    }
    lastSummary_ = **summary;
    showSummary(*lastSummary_);
    Q_EMIT exportFinished(true);
}

void ExportPage::showSummary(const ExportSummary &summary)
{
    const QLocale locale;
    QString text
        = tr("<b>%Ln shopper(s) exported</b> to %1", nullptr, static_cast<int>(summary.exported))
              .arg(QDir::toNativeSeparators(QString::fromStdString(summary.path)).toHtmlEscaped());
    QStringList reasons;
    for (const auto &[reason, count] : summary.suppressed) {
        if (count > 0)
            reasons << tr("%1 %2").arg(
                locale.toString(count), reasonDisplayName(reason).toHtmlEscaped());
    }
    text += QStringLiteral("<br>")
        + tr("Left out: %1").arg(locale.toString(summary.suppressedTotal()));
    if (!reasons.isEmpty())
        text += QStringLiteral(" (") + reasons.join(QStringLiteral(", ")) + QStringLiteral(")");
    if (summary.codes > 0)
        text += QStringLiteral("<br>")
            + tr("Discount codes issued: %1").arg(locale.toString(summary.codes));
    text += QStringLiteral("<br>")
        + tr("Manifest: %1")
              .arg(QDir::toNativeSeparators(QString::fromStdString(summary.manifestPath))
                       .toHtmlEscaped());
    summaryLabel_->setText(text);
    summaryLabel_->setStyleSheet(QString());
    openFolderButton_->show();
    summaryPanel_->show();
}

void ExportPage::showExportProblem(const QString &message)
{
    lastSummary_.reset();
    summaryLabel_->setText(message.toHtmlEscaped());
    summaryLabel_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    openFolderButton_->hide();
    summaryPanel_->show();
}

const ExportPreview *ExportPage::preview() const
{
    return preview_ ? &*preview_ : nullptr;
}

} // namespace clientele
