#include "JourneyResultsPanel.h"

#include "DatabaseWorker.h"
#include "DisplayFormat.h"
#include "JourneyKinds.h"

#include "store/Database.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clientele {

namespace {

/// A count of the runtime's stats, 0 when it has not counted it yet.
qint64 countOf(const nlohmann::json &object, const char *key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<qint64>() : 0;
}

double amountOf(const nlohmann::json &object, const char *key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<double>() : 0.0;
}

QString percent(double rate)
{
    return QLocale().toString(rate * 100.0, 'f', 1);
}

} // namespace

JourneyResultsPanel::JourneyResultsPanel(QWidget *parent)
    : QWidget(parent)
    , worker_(std::make_unique<DatabaseWorker>())
{
    auto *layout = new QVBoxLayout(this);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("resultsStatus"));
    status_->setWordWrap(true);
    totals_ = new QWidget(this);
    auto *form = new QFormLayout(totals_);
    form->setContentsMargins(0, 0, 0, 0);
    auto value = [this, form](const char *objectName, const QString &label) {
        auto *field = new QLabel(totals_);
        field->setObjectName(QLatin1String(objectName));
        field->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        form->addRow(label, field);
        return field;
    };
    entered_ = value("resultsEntered", tr("Entered:"));
    inJourney_ = value("resultsInJourney", tr("In the journey now:"));
    converted_ = value("resultsConverted", tr("Reached the goal:"));
    revenue_ = value("resultsRevenue", tr("Revenue while in the journey:"));
    offerCost_ = value("resultsOfferCost", tr("Offer cost:"));
    waiting_ = value("resultsWaiting", tr("Messages waiting for export:"));
    channels_ = new QTableWidget(0, 5, this);
    channels_->setObjectName(QStringLiteral("resultsChannels"));
    channels_->setHorizontalHeaderLabels(
        { tr("Channel"), tr("Sent"), tr("No consent"), tr("Capped"), tr("Held out") });
    channels_->horizontalHeaderItem(3)->setToolTip(tr("Over the journey's frequency cap"));
    channels_->verticalHeader()->hide();
    channels_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    channels_->setSelectionMode(QAbstractItemView::NoSelection);
    channels_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    channels_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    channels_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    channels_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    lift_ = new QLabel(this);
    lift_->setObjectName(QStringLiteral("resultsLift"));
    lift_->setWordWrap(true);
    lift_->setTextFormat(Qt::RichText);
    refreshButton_ = new QPushButton(tr("Refresh"), this);
    refreshButton_->setObjectName(QStringLiteral("resultsRefresh"));
    connect(refreshButton_, &QPushButton::clicked, this, &JourneyResultsPanel::refresh);
    layout->addWidget(status_);
    layout->addWidget(totals_);
    layout->addWidget(channels_);
    layout->addWidget(lift_);
    layout->addWidget(refreshButton_, 0, Qt::AlignLeft);
    layout->addStretch(1);
    showJourney({}, {});
}

JourneyResultsPanel::~JourneyResultsPanel() = default;

void JourneyResultsPanel::showJourney(const QString &path, const QString &name)
{
    if (path != path_)
        worker_->setWorkspace(path);
    path_ = path;
    name_ = name;
    refresh();
}

void JourneyResultsPanel::refresh()
{
    ++generation_;
    results_.reset();
    if (path_.isEmpty() || name_.isEmpty()) {
        loading_ = false;
        status_->setText(tr("Save the journey and switch it on to see what it does with each "
                            "import: who entered, the messages it scheduled, and how those "
                            "who got them compare with its holdout."));
        totals_->hide();
        channels_->hide();
        lift_->clear();
        refreshButton_->setEnabled(false);
        Q_EMIT updated();
        return;
    }
    loading_ = true;
    refreshButton_->setEnabled(false);
    status_->setText(tr("Reading the journey's results…"));
    const int generation = generation_;
    const std::string name = name_.toStdString();
    worker_->post<JourneyResults>(
        this,
        [name](Database &db) {
            JourneyResults results;
            const auto summary = JourneyStore(db).summary(name);
            if (!summary)
                throw JourneyStoreError("There is no journey called \"" + name + "\" any more.");
            results.summary = *summary;
            results.lift = JourneyLift::measureJourney(db, name);
            return results;
        },
        [this, generation](JourneyResults results) {
            if (generation == generation_)
                showResults(results);
        },
        [this, generation](const QString &message) {
            if (generation == generation_)
                showProblem(message);
        });
}

void JourneyResultsPanel::showResults(const JourneyResults &results)
{
    loading_ = false;
    results_ = results;
    refreshButton_->setEnabled(true);
    const JourneySummary &summary = results.summary;
    const QLocale locale;
    if (summary.active)
        status_->setText(tr("<b>On</b> since %1. Each import moves its shoppers on; the store's "
                            "data has taken it up to %2.")
                             .arg(formatLocalDateTime(summary.activatedAt),
                                 summary.clock > 0 ? formatLocalDateTime(summary.clock)
                                                   : tr("the newest event")));
    else if (summary.activatedAt > 0)
        status_->setText(tr("<b>Off</b>: imports leave it alone; its %1 shoppers keep their "
                            "place until it is switched on again.")
                             .arg(locale.toString(summary.inJourney)));
    else
        status_->setText(tr("<b>Off</b>: never switched on yet. Switch it on to run it with "
                            "every import from now on."));

    const nlohmann::json &stats = summary.stats;
    const qint64 entered = countOf(stats, "entered");
    const qint64 conversions = countOf(stats, "conversions");
    entered_->setText(locale.toString(entered));
    inJourney_->setText(locale.toString(summary.inJourney));
    converted_->setText(
        tr("%1 (%2 %)")
            .arg(locale.toString(conversions),
                percent(entered > 0 ? double(conversions) / double(entered) : 0.0)));
    revenue_->setText(formatMoney(amountOf(stats, "revenue"), currency_, 2));
    offerCost_->setText(formatMoney(amountOf(stats, "offer_cost"), currency_, 2));
    waiting_->setText(locale.toString(summary.outboxPending));
    totals_->show();

    const auto channels = stats.find("channels");
    channels_->setRowCount(0);
    if (channels != stats.end() && channels->is_object()) {
        for (const auto &[channel, counts] : channels->items()) {
            const int row = channels_->rowCount();
            channels_->insertRow(row);
            channels_->setItem(row, 0, new QTableWidgetItem(JourneyKinds::channelLabel(channel)));
            int column = 1;
            for (const char *key : { "sent", "skipped_consent", "skipped_cap", "held_out" }) {
                auto *item = new QTableWidgetItem(locale.toString(countOf(counts, key)));
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                channels_->setItem(row, column++, item);
            }
        }
    }
    // As tall as its rows: a few channels, no scrolling.
    channels_->setFixedHeight(channels_->horizontalHeader()->sizeHint().height()
        + channels_->rowCount() * channels_->verticalHeader()->defaultSectionSize()
        + 2 * channels_->frameWidth());
    channels_->setVisible(channels_->rowCount() > 0);

    const LiftReport &lift = results.lift;
    if (lift.treatment.sends == 0 || lift.holdout.sends == 0) {
        lift_->setText(
            tr("<b>Lift</b>: needs shoppers who got messages and shoppers held "
               "out (a split with a holdout arm). So far: %1 messaged, %2 held out.")
                .arg(locale.toString(lift.treatment.sends), locale.toString(lift.holdout.sends)));
    } else {
        lift_->setText(
            tr("<b>Lift</b>: of the shoppers who got messages, %1 of %2 reached the goal "
               "(%3 %); of the holdout, %4 of %5 (%6 %). Difference: %7 percentage points "
               "(95 % interval %8 to %9): %10")
                .arg(locale.toString(lift.treatment.conversions),
                    locale.toString(lift.treatment.sends), percent(lift.treatment.rate()),
                    locale.toString(lift.holdout.conversions), locale.toString(lift.holdout.sends),
                    percent(lift.holdout.rate()), percent(lift.difference), percent(lift.ciLow),
                    percent(lift.ciHigh))
                .arg(lift.significant() ? tr("the messages made a difference.")
                                        : tr("not distinguishable from chance yet.")));
    }
    Q_EMIT updated();
}

void JourneyResultsPanel::showProblem(const QString &message)
{
    loading_ = false;
    refreshButton_->setEnabled(true);
    status_->setText(tr("The results cannot be read: %1").arg(message.toHtmlEscaped()));
    totals_->hide();
    channels_->hide();
    lift_->clear();
    Q_EMIT updated();
}

} // namespace clientele
