#include "JourneySimulationPanel.h"

#include "DisplayFormat.h"
#include "JourneyDocument.h"
#include "JourneyKinds.h"
#include "JourneySimulationRunner.h"

#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace clientele {

namespace {

Millis startOfUtcDay(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

QString count(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

} // namespace

JourneySimulationPanel::JourneySimulationPanel(JourneyDocument *document, QWidget *parent)
    : QWidget(parent)
    , document_(document)
    , runner_(new JourneySimulationRunner(this))
{
    setObjectName(QStringLiteral("journeySimulation"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *intro = new QLabel(tr("Replays the journey over the store's real history: who would "
                                "have entered, where they went and who ordered."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *dates = new QFormLayout;
    from_ = new QDateEdit(this);
    from_->setObjectName(QStringLiteral("simulateFrom"));
    from_->setCalendarPopup(true);
    from_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    to_ = new QDateEdit(this);
    to_->setObjectName(QStringLiteral("simulateTo"));
    to_->setCalendarPopup(true);
    to_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDate::currentDate();
    setWindow(today.addDays(-89), today);
    dates->addRow(tr("From:"), from_);
    dates->addRow(tr("To (inclusive):"), to_);
    layout->addLayout(dates);

    auto *buttons = new QHBoxLayout;
    simulate_ = new QPushButton(tr("Simulate"), this);
    simulate_->setObjectName(QStringLiteral("simulateButton"));
    simulate_->setToolTip(tr("Replay the journey over the chosen days"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancelSimulation"));
    buttons->addWidget(simulate_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    layout->addLayout(buttons);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("simulationProgress"));
    layout->addWidget(progress_);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("simulationStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("simulationSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::RichText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    layout->addStretch();
    setRunning(false);

    connect(simulate_, &QPushButton::clicked, this, &JourneySimulationPanel::simulate);
    connect(cancel_, &QPushButton::clicked, this, &JourneySimulationPanel::cancel);
    connect(runner_, &JourneySimulationRunner::progressed, this, [this](qint64 done, qint64 total) {
        progress_->setMaximum(total > 0 ? 1000 : 0);
        progress_->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
    connect(runner_, &JourneySimulationRunner::finished, this, &JourneySimulationPanel::showResult);
    connect(runner_, &JourneySimulationRunner::cancelled, this, [this] {
        setRunning(false);
        status_->setText(tr("Simulation cancelled."));
    });
    connect(runner_, &JourneySimulationRunner::failed, this, [this](const QString &message) {
        setRunning(false);
        status_->setText(tr("The simulation failed: %1").arg(message));
    });
    connect(document_, &JourneyDocument::contentChanged, this, [this] {
        if (result_ || isRunning())
            clear(tr("The journey changed: simulate again for new counts."));
    });
    connect(document_, &JourneyDocument::journeyReset, this, [this] { clear(QString()); });
}

JourneySimulationPanel::~JourneySimulationPanel() = default;

void JourneySimulationPanel::setWorkspace(const QString &path, const std::string &currency)
{
    runner_->setWorkspace(path);
    currency_ = currency;
    clear(QString());
}

void JourneySimulationPanel::setLatestEvent(std::optional<Millis> latest)
{
    const QDate last
        = latest ? QDateTime::fromMSecsSinceEpoch(*latest, Qt::UTC).date() : QDate::currentDate();
    setWindow(last.addDays(-89), last);
}

void JourneySimulationPanel::setWindow(const QDate &first, const QDate &last)
{
    from_->setDate(first);
    to_->setDate(last);
}

std::pair<Millis, Millis> JourneySimulationPanel::window() const
{
    return { startOfUtcDay(from_->date()), startOfUtcDay(to_->date().addDays(1)) };
}

bool JourneySimulationPanel::isRunning() const
{
    return runner_->isRunning();
}

void JourneySimulationPanel::simulate()
{
    if (!document_->isOpen())
        return;
    if (!document_->issues().empty()) {
        status_->setText(tr("Fix the journey's problems first: %1")
                             .arg(QString::fromStdString(document_->issues().front().message)));
        return;
    }
    if (from_->date() > to_->date()) {
        status_->setText(tr("The first day must come before the last."));
        return;
    }
    clear(QString());
    const auto [from, to] = window();
    setRunning(true);
    status_->setText(tr("Replaying shoppers…"));
    runner_->start(document_->journey(), from, to);
}

void JourneySimulationPanel::cancel()
{
    runner_->cancel();
    status_->setText(tr("Cancelling…"));
}

void JourneySimulationPanel::setRunning(bool running)
{
    simulate_->setEnabled(!running);
    cancel_->setVisible(running);
    progress_->setVisible(running);
    progress_->setRange(0, 0);
}

void JourneySimulationPanel::clear(const QString &message)
{
    const bool hadCounts = result_.has_value();
    if (isRunning()) {
        runner_->cancel();
        setRunning(false);
    }
    result_.reset();
    summary_->clear();
    status_->setText(message);
    if (hadCounts)
        Q_EMIT cleared();
}

void JourneySimulationPanel::showResult(const SimulationResult &result)
{
    setRunning(false);
    result_ = result;
    status_->setText(
        tr("Simulated %1 to %2.")
            .arg(from_->date().toString(Qt::ISODate), to_->date().toString(Qt::ISODate)));
    const double rate = result.entered > 0
        ? 100.0 * static_cast<double>(result.conversions) / static_cast<double>(result.entered)
        : 0.0;
    std::int64_t skippedConsent = 0;
    QString channels;
    for (const auto &[channel, counts] : result.channels) {
        skippedConsent += counts.skippedConsent;
        channels
            += tr("<tr><td>%1</td><td align=right>%2 sent</td></tr>")
                   .arg(JourneyKinds::channelLabel(channel).toHtmlEscaped(), count(counts.sent));
    }
    if (channels.isEmpty())
        channels = tr("<tr><td colspan=2>No sends</td></tr>");
    summary_->setText(
        tr("<table cellspacing=3>"
           "<tr><td>Entered</td><td align=right><b>%1</b></td></tr>"
           "<tr><td>Shoppers</td><td align=right><b>%2</b></td></tr>"
           "<tr><td>Conversions</td><td align=right><b>%3</b> (%4 %)</td></tr>"
           "<tr><td>Revenue</td><td align=right><b>%5</b></td></tr>"
           "<tr><td>Offer cost</td><td align=right><b>%6</b></td></tr>"
           "<tr><td>Skipped for consent</td><td align=right><b>%7</b></td></tr>"
           "<tr><td>Still in journey</td><td align=right><b>%8</b></td></tr>"
           "</table>"
           "<p><b>Sends per channel</b></p><table cellspacing=3>%9</table>"
           "<p>Baseline: the conversions are what shoppers ordered without any message "
           "(history has no sends of this journey).</p>")
            .arg(count(result.entered), count(result.shoppers), count(result.conversions),
                QLocale().toString(rate, 'f', 1), formatMoney(result.revenue, currency_),
                formatMoney(result.offerCost, currency_), count(skippedConsent),
                count(result.stillInJourney), channels));
    Q_EMIT simulated(result);
}

} // namespace clientele
