#include "JourneyOutboxPanel.h"

#include "DisplayFormat.h"
#include "JourneyKinds.h"

#include "journey/JourneyValidator.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace clientele {

namespace {

// The message and whom it goes to first: the panel is narrow.
enum Column { Due, Address, Message, Channel, Step, Code, Exported, ColumnCount };

} // namespace

JourneyOutboxPanel::JourneyOutboxPanel(QWidget *parent)
    : QWidget(parent)
    , reader_(Database::Mode::ReadOnly)
{
    setObjectName(QStringLiteral("journeyOutbox"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *top = new QHBoxLayout;
    channel_ = new QComboBox(this);
    channel_->setObjectName(QStringLiteral("outboxChannel"));
    channel_->addItem(tr("All channels"), QString());
    for (const std::string &channel : JourneyValidator::channels())
        channel_->addItem(JourneyKinds::channelLabel(channel), QString::fromStdString(channel));
    export_ = new QPushButton(tr("Export…"), this);
    export_->setObjectName(QStringLiteral("exportOutbox"));
    export_->setToolTip(tr("Write this channel's waiting messages to a campaign file"));
    top->addWidget(channel_, 1);
    top->addWidget(export_);
    layout->addLayout(top);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("outboxCount"));
    count_->setWordWrap(true);
    layout->addWidget(count_);
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("outboxTable"));
    table_->setHorizontalHeaderLabels({ tr("Due"), tr("To"), tr("Message"), tr("Channel"),
        tr("Step"), tr("Code"), tr("Exported") });
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    layout->addWidget(table_, 1);
    detail_ = new QLabel(this);
    detail_->setObjectName(QStringLiteral("outboxDetail"));
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::PlainText);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(detail_);
    connect(table_, &QTableWidget::currentCellChanged, this, [this](int row) { showDetail(row); });

    connect(channel_, &QComboBox::currentIndexChanged, this, &JourneyOutboxPanel::reload);
    connect(export_, &QPushButton::clicked, this,
        [this] { Q_EMIT exportRequested(journey_, channel_->currentData().toString()); });
    showJourney({});
}

JourneyOutboxPanel::~JourneyOutboxPanel() = default;

void JourneyOutboxPanel::setWorkspace(const QString &path)
{
    reader_.setWorkspace(path);
    showJourney({});
}

void JourneyOutboxPanel::showJourney(const QString &name)
{
    journey_ = name;
    reload();
}

void JourneyOutboxPanel::reload()
{
    const int generation = ++generation_;
    export_->setEnabled(!journey_.isEmpty() && !channel_->currentData().toString().isEmpty());
    if (journey_.isEmpty()) {
        loading_ = false;
        table_->setRowCount(0);
        shown_.clear();
        detail_->clear();
        count_->setText(tr("Select a saved journey on the left to see the messages it "
                           "scheduled."));
        return;
    }
    loading_ = true;
    count_->setText(tr("Reading…"));
    OutboxFilter filter;
    filter.journey = journey_.toStdString();
    filter.channel = channel_->currentData().toString().toStdString();
    reader_.post<Page>(
        this,
        [filter](Database &db) {
            Page page;
            page.messages = JourneyOutbox::list(db, filter, kShown);
            page.total = JourneyOutbox::count(db, filter);
            OutboxFilter pending = filter;
            pending.pendingOnly = true;
            page.pending = JourneyOutbox::count(db, pending);
            return page;
        },
        [this, generation](Page page) {
            if (generation == generation_)
                show(page);
        },
        [this, generation](const QString &error) {
            if (generation != generation_)
                return;
            loading_ = false;
            count_->setText(error);
        });
}

void JourneyOutboxPanel::show(const Page &page)
{
    loading_ = false;
    const QLocale locale;
    QString text = tr("%1 messages, %2 waiting to be exported.")
                       .arg(locale.toString(static_cast<qlonglong>(page.total)),
                           locale.toString(static_cast<qlonglong>(page.pending)));
    if (page.total > static_cast<std::int64_t>(page.messages.size()))
        text += QLatin1Char(' ')
            + tr("The newest %1 are shown.")
                  .arg(locale.toString(static_cast<qlonglong>(page.messages.size())));
    if (page.total == 0)
        text = tr("No messages yet: a journey fills its outbox once it is switched on and "
                  "new events are imported.");
    count_->setText(text);
    shown_ = page.messages;
    table_->setRowCount(static_cast<int>(page.messages.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const OutboxMessage &message = page.messages[static_cast<std::size_t>(row)];
        const QString body = message.subject.empty()
            ? QString::fromStdString(message.body)
            : QStringLiteral("%1 — %2").arg(
                QString::fromStdString(message.subject), QString::fromStdString(message.body));
        const QStringList cells { formatLocalDateTime(message.dueAt),
            QString::fromStdString(message.address), body,
            JourneyKinds::channelLabel(message.channel), QString::fromStdString(message.node),
            QString::fromStdString(message.offerCode),
            message.exportedAt ? formatLocalDateTime(*message.exportedAt) : tr("waiting") };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == Message)
                item->setToolTip(body);
            table_->setItem(row, column, item);
        }
    }
    table_->resizeColumnsToContents();
    table_->setColumnWidth(Message, std::min(table_->columnWidth(Message), 320));
    if (table_->rowCount() > 0)
        table_->setCurrentCell(0, Due);
    showDetail(table_->currentRow());
}

void JourneyOutboxPanel::showDetail(int row)
{
    if (row < 0 || row >= static_cast<int>(shown_.size())) {
        detail_->clear();
        return;
    }
    const OutboxMessage &message = shown_[static_cast<std::size_t>(row)];
    QString text
        = tr("%1 to %2, step %3, due %4")
              .arg(JourneyKinds::channelLabel(message.channel),
                  message.address.empty() ? tr("the shop's site")
                                          : QString::fromStdString(message.address),
                  QString::fromStdString(message.node), formatLocalDateTime(message.dueAt));
    if (!message.offerCode.empty())
        text += QLatin1Char('\n')
            + tr("Offer: %1, code %2")
                  .arg(QString::fromStdString(message.offer),
                      QString::fromStdString(message.offerCode));
    if (!message.subject.empty())
        text += QLatin1Char('\n') + QString::fromStdString(message.subject);
    text += QLatin1Char('\n') + QString::fromStdString(message.body);
    detail_->setText(text);
}

} // namespace clientele
