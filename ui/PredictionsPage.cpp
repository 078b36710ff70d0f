#include "PredictionsPage.h"

#include "ChartSupport.h"

#include "DisplayFormat.h"
#include "JobRunner.h"
#include "PredictionText.h"
#include "SupersededCheck.h"

#include "store/Workspace.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

enum StateIndex { Status = 0, Empty = 1, Content = 2 };

/// The rows of the parameter table, in the order shown.
enum ParameterRow {
    BgNbdRate,
    BgNbdDropout,
    BgNbdFit,
    ParetoRate,
    ParetoLifetime,
    ParetoFit,
    SpendWithin,
    SpendAcross,
    ParameterRows
};

/// The rows of what the model was fitted on.
enum FactRow {
    HistoryEnd,
    FittedAt,
    Customers,
    RepeatCustomers,
    Orders,
    TimeUnit,
    Discount,
    Replenishable,
    FactRows
};

QChartView *createChartView(QWidget *parent, const QString &objectName, bool legend)
{
    QChartView *view = ChartSupport::createView(parent, legend, 280);
    view->setObjectName(objectName);
    view->setMinimumWidth(300);
    return view;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(dark);"));
    return label;
}

QLabel *addTile(QHBoxLayout *row, const QString &caption, const QString &objectName)
{
    auto *tile = new QFrame;
    tile->setFrameShape(QFrame::StyledPanel);
    auto *tileLayout = new QVBoxLayout(tile);
    auto *captionLabel = new QLabel(caption, tile);
    captionLabel->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto *value = new QLabel(QStringLiteral("–"), tile);
    value->setObjectName(objectName);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    value->setFont(valueFont);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tileLayout->addWidget(captionLabel);
    tileLayout->addWidget(value);
    row->addWidget(tile, 1);
    return value;
}

/// A model parameter with three significant digits, without an exponent for large values.
QString parameter(double value)
{
    const QLocale locale;
    const double magnitude = std::abs(value);
    if (magnitude >= 1000)
        return locale.toString(value, 'f', 0);
    if (magnitude >= 100)
        return locale.toString(value, 'f', 1);
    if (magnitude >= 1)
        return locale.toString(value, 'f', 2);
    return locale.toString(value, 'g', 3);
}

QString logLikelihood(double value)
{
    return QLocale().toString(value, 'f', 1);
}

QString count(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString dayOf(Millis endExclusive)
{
    // Model periods end at midnight after their last day.
    return formatLongDate(predictionDay(endExclusive - 1));
}

} // namespace

PredictionsPage::PredictionsPage(QWidget *parent)
    : QWidget(parent)
    , reader_(Database::Mode::ReadOnly)
    , checker_(Database::Mode::ReadOnly)
    , latestCheck_(std::make_shared<std::atomic<int>>(0))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("predictionsMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setContentsMargins(24, 8, 24, 0);
    message_->hide();
    layout->addWidget(message_);

    states_ = new QStackedWidget(this);
    layout->addWidget(states_, 1);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("predictionsStatus"));
    status_->setAlignment(Qt::AlignCenter);
    status_->setWordWrap(true);
    states_->insertWidget(Status, status_);
    states_->insertWidget(Empty, createEmptyState());
    states_->insertWidget(Content, createContent());
    showStatus(tr("No workspace is open."));
}

PredictionsPage::~PredictionsPage()
{
    // A running holdout check stops at its next report; the workers then wait for it.
    latestCheck_->store(-1);
}

QWidget *PredictionsPage::createEmptyState()
{
    auto *empty = new QWidget(this);
    auto *layout = new QVBoxLayout(empty);
    layout->setContentsMargins(80, 40, 80, 40);
    layout->addStretch();
    emptyTitle_ = new QLabel(empty);
    emptyTitle_->setObjectName(QStringLiteral("predictionsEmptyTitle"));
    emptyTitle_->setAlignment(Qt::AlignCenter);
    QFont titleFont = emptyTitle_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    emptyTitle_->setFont(titleFont);
    emptyText_ = new QLabel(empty);
    emptyText_->setObjectName(QStringLiteral("predictionsEmptyText"));
    emptyText_->setWordWrap(true);
    emptyText_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    emptyText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    emptyText_->setMaximumWidth(560);
    // A word-wrapped label only gets its height for its width without an alignment flag in
    // the layout, so centre it between stretches instead.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(emptyText_, 1);
    textRow->addStretch();
    fitButton_ = new QPushButton(tr("Fit Predictions"), empty);
    fitButton_->setObjectName(QStringLiteral("fitButton"));
    fitButton_->setDefault(true);
    connect(fitButton_, &QPushButton::clicked, this, &PredictionsPage::refit);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(fitButton_);
    buttons->addStretch();
    layout->addWidget(emptyTitle_);
    layout->addLayout(textRow);
    layout->addLayout(buttons);
    layout->addStretch();
    return empty;
}

QWidget *PredictionsPage::createContent()
{
    auto *view = new QWidget(this);
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(12);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Predictions"), view);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title);
    header->addStretch();
    refitButton_ = new QPushButton(tr("Refit"), view);
    refitButton_->setObjectName(QStringLiteral("refitButton"));
    refitButton_->setToolTip(
        tr("Fit the models again on every completed order (runs in the background; you can "
           "cancel it)"));
    connect(refitButton_, &QPushButton::clicked, this, &PredictionsPage::refit);
    header->addWidget(refitButton_);
    layout->addLayout(header);
    subtitle_ = hint(QString(), view);
    subtitle_->setObjectName(QStringLiteral("predictionsSubtitle"));
    layout->addWidget(subtitle_);

    layout->addWidget(createHoldoutSection(view));
    layout->addWidget(createParameterSection(view));
    layout->addWidget(createDistributionSection(view));
    layout->addStretch();

    // The sections scroll rather than squeeze the charts in a small window.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("predictionsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(view);
    return scroll;
}

QWidget *PredictionsPage::createHoldoutSection(QWidget *parent)
{
    auto *box = new QGroupBox(tr("How well the model predicts"), parent);
    box->setObjectName(QStringLiteral("holdoutGroup"));
    auto *layout = new QVBoxLayout(box);

    holdoutChecking_ = new QWidget(box);
    auto *checkingRow = new QHBoxLayout(holdoutChecking_);
    checkingRow->setContentsMargins(0, 12, 0, 12);
    auto *checkingText
        = new QLabel(tr("Checking the model against the store's own history…"), holdoutChecking_);
    checkingText->setObjectName(QStringLiteral("holdoutChecking"));
    auto *busy = new QProgressBar(holdoutChecking_);
    busy->setRange(0, 0);
    busy->setMaximumWidth(200);
    checkingRow->addWidget(checkingText);
    checkingRow->addWidget(busy);
    checkingRow->addStretch();
    layout->addWidget(holdoutChecking_);

    holdoutProblem_ = new QLabel(box);
    holdoutProblem_->setObjectName(QStringLiteral("holdoutProblem"));
    holdoutProblem_->setWordWrap(true);
    holdoutProblem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(holdoutProblem_);

    holdoutResults_ = new QWidget(box);
    auto *results = new QVBoxLayout(holdoutResults_);
    results->setContentsMargins(0, 0, 0, 0);
    holdoutIntro_ = hint(QString(), holdoutResults_);
    holdoutIntro_->setObjectName(QStringLiteral("holdoutIntro"));
    results->addWidget(holdoutIntro_);
    auto *tiles = new QHBoxLayout;
    predictedTotal_
        = addTile(tiles, tr("Repeat orders predicted"), QStringLiteral("predictedTotalValue"));
    actualTotal_ = addTile(tiles, tr("Repeat orders placed"), QStringLiteral("actualTotalValue"));
    mae_ = addTile(tiles, tr("Mean error per shopper"), QStringLiteral("maeValue"));
    mae_->setToolTip(tr("The mean absolute difference between a shopper's predicted and actual "
                        "repeat orders"));
    results->addLayout(tiles);
    auto *charts = new QHBoxLayout;
    frequencyChart_ = createChartView(holdoutResults_, QStringLiteral("frequencyChart"), true);
    trackingChart_ = createChartView(holdoutResults_, QStringLiteral("trackingChart"), true);
    charts->addWidget(frequencyChart_, 1);
    charts->addWidget(trackingChart_, 1);
    results->addLayout(charts);
    layout->addWidget(holdoutResults_);
    setHoldoutVisible(holdoutChecking_);
    return box;
}

QWidget *PredictionsPage::createParameterSection(QWidget *parent)
{
    auto *box = new QGroupBox(tr("The fitted models"), parent);
    box->setObjectName(QStringLiteral("parametersGroup"));
    auto *layout = new QHBoxLayout(box);
    layout->setSpacing(24);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setColumnStretch(2, 1);
    parameterValues_.assign(ParameterRows, nullptr);
    parameterMeanings_.assign(ParameterRows, nullptr);
    int row = 0;
    auto heading = [&](const QString &text) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), box);
        grid->addWidget(label, row++, 0, 1, 3);
    };
    auto addRow = [&](ParameterRow which, const QString &name) {
        auto *nameLabel = new QLabel(name, box);
        nameLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto *value = new QLabel(box);
        value->setObjectName(QStringLiteral("parameter%1").arg(static_cast<int>(which)));
        value->setProperty("parameter", true);
        value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *meaning = hint(QString(), box);
        meaning->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(nameLabel, row, 0);
        grid->addWidget(value, row, 1);
        grid->addWidget(meaning, row, 2);
        parameterValues_[which] = value;
        parameterMeanings_[which] = meaning;
        ++row;
    };
    heading(tr("BG/NBD: when shoppers buy and when they drop out"));
    addRow(BgNbdRate, tr("r, α"));
    addRow(BgNbdDropout, tr("a, b"));
    addRow(BgNbdFit, tr("Log-likelihood"));
    heading(tr("Pareto/NBD: the same question, another model"));
    addRow(ParetoRate, tr("r, α"));
    addRow(ParetoLifetime, tr("s, β"));
    addRow(ParetoFit, tr("Log-likelihood"));
    heading(tr("Gamma-Gamma: how much shoppers spend per order"));
    addRow(SpendWithin, tr("p"));
    addRow(SpendAcross, tr("q, γ"));
    grid->setRowStretch(row, 1);
    layout->addLayout(grid, 3);

    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(12);
    factValues_.assign(FactRows, nullptr);
    const std::pair<FactRow, QString> factNames[] = {
        { HistoryEnd, tr("History up to:") },
        { FittedAt, tr("Fitted:") },
        { Customers, tr("Shoppers with orders:") },
        { RepeatCustomers, tr("With repeat orders:") },
        { Orders, tr("Orders read:") },
        { TimeUnit, tr("Time unit:") },
        { Discount, tr("Discount rate:") },
        { Replenishable, tr("Products with a usual rebuy interval:") },
    };
    static const char *const factObjectNames[] = { "historyEndValue", "fittedAtValue",
        "customersValue", "repeatCustomersValue", "ordersReadValue", "timeUnitValue",
        "discountValue", "replenishableValue" };
    for (const auto &[which, name] : factNames) {
        auto *nameLabel = new QLabel(name, box);
        nameLabel->setWordWrap(true);
        auto *value = new QLabel(box);
        value->setObjectName(QString::fromLatin1(factObjectNames[which]));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        facts->addWidget(nameLabel, which, 0);
        facts->addWidget(value, which, 1);
        factValues_[which] = value;
    }
    facts->setRowStretch(FactRows, 1);
    facts->setColumnStretch(1, 1);
    layout->addLayout(facts, 2);
    return box;
}

QWidget *PredictionsPage::createDistributionSection(QWidget *parent)
{
    auto *box = new QGroupBox(tr("Predicted value and churn risk"), parent);
    box->setObjectName(QStringLiteral("distributionGroup"));
    auto *layout = new QVBoxLayout(box);
    valueTotal_ = hint(QString(), box);
    valueTotal_->setObjectName(QStringLiteral("valueTotal"));
    layout->addWidget(valueTotal_);
    auto *charts = new QHBoxLayout;
    valueChart_ = createChartView(box, QStringLiteral("valueChart"), false);
    charts->addWidget(valueChart_, 3);
    auto *churn = new QVBoxLayout;
    churnChart_ = createChartView(box, QStringLiteral("churnChart"), false);
    churn->addWidget(churnChart_, 1);
    churnCuts_ = hint(QString(), box);
    churnCuts_->setObjectName(QStringLiteral("churnCuts"));
    churn->addWidget(churnCuts_);
    charts->addLayout(churn, 2);
    layout->addLayout(charts);
    return box;
}

void PredictionsPage::setWorkspace(const QString &path, const std::string &currency)
{
    path_ = path;
    currency_ = currency.empty() ? std::string("EUR") : currency;
    reader_.setWorkspace(path);
    checker_.setWorkspace(path);
    // Answers about the previous workspace are dropped when they arrive.
    ++readGeneration_;
    latestCheck_->store(++checkGeneration_);
    reading_ = false;
    checking_ = false;
    model_.reset();
    holdout_.reset();
    distribution_ = {};
    tooLittleData_.clear();
    showMessage(QString());
    if (path.isEmpty()) {
        stale_ = false;
        showStatus(tr("No workspace is open."));
        return;
    }
    stale_ = true;
    showStatus(tr("Reading the predictions…"));
    // The holdout check fits a model of its own: only when the page is seen.
    if (isVisible())
        reload();
}

void PredictionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (stale_)
        reload();
}

void PredictionsPage::reload()
{
    stale_ = false;
    if (path_.isEmpty()) {
        showStatus(tr("No workspace is open."));
        return;
    }
    latestCheck_->store(++checkGeneration_);
    checking_ = false;
    holdout_.reset();
    setHoldoutVisible(holdoutChecking_);
    if (!model_)
        showStatus(tr("Reading the predictions…"));
    readModel();
}

void PredictionsPage::readModel()
{
    const quint64 generation = ++readGeneration_;
    reading_ = true;
    reader_.post<PredictionsReadResult>(
        this,
        [](Database &db) {
            PredictionsReadResult result;
            result.model = predict::Predictions::stored(db);
            if (result.model)
                result.distribution = predict::Predictions::distribution(db);
            return result;
        },
        [this, generation](PredictionsReadResult result) {
            if (generation != readGeneration_)
                return;
            reading_ = false;
            showModel(std::move(result));
        },
        [this, generation](const QString &error) {
            if (generation != readGeneration_)
                return;
            reading_ = false;
            showStatus(tr("The predictions could not be read: %1").arg(error));
            Q_EMIT loaded();
        });
}

void PredictionsPage::checkHoldout()
{
    const int generation = ++checkGeneration_;
    latestCheck_->store(generation);
    checking_ = true;
    holdout_.reset();
    setHoldoutVisible(holdoutChecking_);
    auto latest = latestCheck_;
    checker_.post<predict::HoldoutCheck>(
        this,
        [latest, generation](Database &db) {
            SupersededCheck check(latest, generation);
            if (!check.current())
                throw Cancelled();
            // Default options: fitted on the first two thirds of the history, compared
            // with the last third.
            return predict::Predictions::validate(db, {}, &check);
        },
        [this, generation](predict::HoldoutCheck check) {
            if (generation != checkGeneration_)
                return;
            checking_ = false;
            holdout_ = std::move(check);
            showHoldout();
            Q_EMIT holdoutChecked();
        },
        [this, generation](const QString &error) {
            if (generation != checkGeneration_)
                return;
            checking_ = false;
            showHoldoutProblem(error);
            Q_EMIT holdoutChecked();
        });
}

void PredictionsPage::refit()
{
    if (path_.isEmpty())
        return;
    const predict::FitOptions options = predict::Predictions::refitOptions(model_);
    showMessage(QString());
    const std::string path = path_.toStdString();
    QString tooLittle;
    // runWithProgress returns only when the job has ended, so the job may write tooLittle.
    const JobOutcome outcome = runWithProgress(this, tr("Predictions"),
        tr("Fitting the purchase models to every buyer's orders…"),
        [path, options, &tooLittle](ProgressSink &progress) {
            auto db = Workspace::connect(path);
            try {
                predict::Predictions::fit(db, options, &progress);
            } catch (const predict::PredictionError &error) {
                tooLittle = QString::fromStdString(error.what());
            }
        });
    if (outcome.cancelled) {
        showMessage(model_ ? tr("Refit cancelled: the predictions are as they were.")
                           : tr("Fitting cancelled: nothing was stored."));
        return;
    }
    if (outcome.failed()) {
        showMessage(tr("The models could not be fitted: %1").arg(outcome.error), true);
        return;
    }
    if (!tooLittle.isEmpty()) {
        tooLittleData_ = tooLittle;
        if (model_)
            showMessage(tr("The models were not fitted again: %1 The predictions are as they "
                           "were.")
                            .arg(tooLittle),
                true);
        else
            showEmptyState();
        return;
    }
    tooLittleData_.clear();
    readModel();
    Q_EMIT modelFitted();
}

void PredictionsPage::showStatus(const QString &text)
{
    status_->setText(text);
    states_->setCurrentIndex(Status);
}

void PredictionsPage::showMessage(const QString &text, bool error)
{
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    message_->setVisible(!text.isEmpty());
}

void PredictionsPage::showEmptyState()
{
    if (tooLittleData_.isEmpty()) {
        emptyTitle_->setText(tr("No predictions yet"));
        emptyText_->setText(
            tr("Clientele can predict for every buyer when they are likely to order again, how "
               "likely they are still active and what they will spend in the next 12 months, "
               "from the store's completed orders. Fitting the models reads every order; on a "
               "large store it takes a little while, and you can cancel it."));
        fitButton_->setText(tr("Fit Predictions"));
    } else {
        emptyTitle_->setText(tr("Too little data for predictions"));
        emptyText_->setText(tr("%1\n\nPredictions need at least %L2 shoppers who ordered again "
                               "on a later day. Import more of the store's order history, "
                               "then try again.")
                                .arg(tooLittleData_)
                                .arg(static_cast<qlonglong>(predict::kMinimumRepeatBuyers)));
        fitButton_->setText(tr("Try Again"));
    }
    states_->setCurrentIndex(Empty);
}

void PredictionsPage::showModel(PredictionsReadResult result)
{
    model_ = std::move(result.model);
    distribution_ = std::move(result.distribution);
    if (!model_) {
        showEmptyState();
        Q_EMIT loaded();
        return;
    }
    const predict::FittedModel &m = *model_;
    subtitle_->setText(
        tr("Fitted on %1 on the orders up to %2: %L3 shoppers with orders, %L4 of them with "
           "repeat orders. Every buyer's predictions are kept with their profile, for "
           "segments and exports.")
            .arg(formatLocalDateTime(m.fittedAt), dayOf(m.calibrationEnd))
            .arg(static_cast<qlonglong>(m.customers))
            .arg(static_cast<qlonglong>(m.repeatCustomers)));
    fillParameters();
    fillDistribution();
    states_->setCurrentIndex(Content);
    if (!holdout_ && !checking_)
        checkHoldout();
    Q_EMIT loaded();
}

void PredictionsPage::setHoldoutVisible(QWidget *part)
{
    holdoutChecking_->setVisible(part == holdoutChecking_);
    holdoutProblem_->setVisible(part == holdoutProblem_);
    holdoutResults_->setVisible(part == holdoutResults_);
}

void PredictionsPage::showHoldoutProblem(const QString &text)
{
    holdoutProblem_->setText(tr("The model could not be checked against the store's history: "
                                "%1")
                                 .arg(text));
    setHoldoutVisible(holdoutProblem_);
}

void PredictionsPage::showHoldout()
{
    const predict::HoldoutCheck &h = *holdout_;
    const QLocale locale;
    holdoutIntro_->setText(
        tr("To show how far the predictions can be trusted, Clientele fitted the model on the "
           "orders up to %1 only and predicted the repeat orders of those %L2 shoppers from "
           "then until %3. The charts compare that forecast with what they really did.")
            .arg(dayOf(h.calibrationEnd))
            .arg(static_cast<qlonglong>(h.customers))
            .arg(dayOf(h.holdoutEnd)));
    predictedTotal_->setText(locale.toString(h.predictedTotal, 'f', 0));
    actualTotal_->setText(locale.toString(h.actualTotal, 'f', 0));
    mae_->setText(locale.toString(h.mae, 'f', 2));
    fillFrequencyChart();
    fillTrackingChart();
    setHoldoutVisible(holdoutResults_);
}

void PredictionsPage::fillFrequencyChart()
{
    const predict::HoldoutCheck &h = *holdout_;
    QChart *chart = ChartSupport::cleared(frequencyChart_);
    chart->setTitle(tr("Repeat orders per shopper"));
    auto *expected = new QBarSet(tr("Expected"));
    auto *actual = new QBarSet(tr("Actual"));
    QStringList groups;
    double top = 0;
    for (std::size_t i = 0; i < h.byFrequency.size(); ++i) {
        const auto &group = h.byFrequency[i];
        // The last group holds everyone with that many repeat orders or more.
        groups << (i + 1 == h.byFrequency.size() ? tr("%1+").arg(group.x)
                                                 : QString::number(group.x));
        *expected << group.expected;
        *actual << group.actual;
        top = std::max({ top, group.expected, group.actual });
    }
    auto *series = new QBarSeries;
    series->append(expected);
    series->append(actual);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(groups);
    axisX->setTitleText(tr("Repeat orders up to %1").arg(dayOf(h.calibrationEnd)));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    QValueAxis *axisY = ChartSupport::countAxis(top, tr("Per shopper"), "%.1f");
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
}

void PredictionsPage::fillTrackingChart()
{
    const predict::HoldoutCheck &h = *holdout_;
    QChart *chart = ChartSupport::cleared(trackingChart_);
    chart->setTitle(tr("Repeat orders week by week"));
    auto *expected = new QLineSeries;
    expected->setName(tr("Expected"));
    auto *actual = new QLineSeries;
    actual->setName(tr("Actual"));
    double top = 0;
    int weeks = 1;
    for (const auto &week : h.tracking) {
        expected->append(week.week, week.expectedCumulative);
        actual->append(week.week, week.actualCumulative);
        top = std::max({ top, week.expectedCumulative, week.actualCumulative });
        weeks = std::max(weeks, week.week);
    }
    chart->addSeries(expected);
    chart->addSeries(actual);
    // The forecast dashed, what happened solid.
    QPen pen = expected->pen();
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(2);
    expected->setPen(pen);
    auto *axisX = new QValueAxis;
    axisX->setRange(1, std::max(2, weeks));
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    axisX->setTickType(QValueAxis::TicksDynamic);
    axisX->setTickAnchor(1);
    axisX->setTickInterval(std::max(1, weeks / 8));
    axisX->setTitleText(tr("Weeks after %1").arg(dayOf(h.calibrationEnd)));
    chart->addAxis(axisX, Qt::AlignBottom);
    QValueAxis *axisY = ChartSupport::countAxis(top, tr("Cumulative"));
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QLineSeries *series : { expected, actual }) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
}

void PredictionsPage::fillParameters()
{
    const predict::FittedModel &m = *model_;
    const QLocale locale;
    const QString unit = m.unit == predict::TimeUnit::Day ? tr("days") : tr("weeks");
    auto set = [this](ParameterRow row, const QString &value, const QString &meaning) {
        parameterValues_[row]->setText(value);
        parameterMeanings_[row]->setText(meaning);
    };
    const predict::BgNbdParameters &bg = m.bgNbd;
    set(BgNbdRate, tr("%1 · %2").arg(parameter(bg.r), parameter(bg.alpha)),
        tr("How often shoppers buy while they are active: shape and scale of the buying rate "
           "(α in %1)")
            .arg(unit));
    set(BgNbdDropout, tr("%1 · %2").arg(parameter(bg.a), parameter(bg.b)),
        tr("How likely a shopper is to drop out after an order: shape of that chance across "
           "shoppers"));
    set(BgNbdFit, logLikelihood(bg.logLikelihood),
        tr("How well the model explains the history: the higher, the better"));

    if (const auto &pareto = m.paretoNbd) {
        set(ParetoRate, tr("%1 · %2").arg(parameter(pareto->r), parameter(pareto->alpha)),
            tr("How often shoppers buy while they are active: shape and scale (α in %1)")
                .arg(unit));
        set(ParetoLifetime, tr("%1 · %2").arg(parameter(pareto->s), parameter(pareto->beta)),
            tr("How long shoppers stay active: shape and scale of the dropout rate (β in %1)")
                .arg(unit));
        set(ParetoFit, logLikelihood(pareto->logLikelihood),
            pareto->logLikelihood > bg.logLikelihood
                ? tr("Beside BG/NBD's %1: Pareto/NBD explains this history a little better; "
                     "the predictions use BG/NBD")
                      .arg(logLikelihood(bg.logLikelihood))
                : tr("Beside BG/NBD's %1: BG/NBD, which the predictions use, explains this "
                     "history as well or better")
                      .arg(logLikelihood(bg.logLikelihood)));
    } else {
        set(ParetoRate, noValue(), tr("Not fitted (it is only a comparison for BG/NBD)"));
        set(ParetoLifetime, noValue(), QString());
        set(ParetoFit, noValue(), QString());
    }

    if (const auto &spend = m.gammaGamma) {
        set(SpendWithin, parameter(spend->p),
            tr("How much one shopper's order values vary around their own average"));
        QString across = tr("How typical order values differ between shoppers: shape and scale "
                            "(γ in %1)")
                             .arg(currencySymbol(QString::fromStdString(currency_)));
        // The mean of the spend distribution, defined for q > 1.
        if (spend->q > 1)
            across = tr("%1; an average repeat order: %2")
                         .arg(across, money(spend->p * spend->gamma / (spend->q - 1)));
        set(SpendAcross, tr("%1 · %2").arg(parameter(spend->q), parameter(spend->gamma)), across);
    } else {
        set(SpendWithin, noValue(),
            tr("Not fitted: order values did not fit the model, so predicted value uses each "
               "shopper's own average"));
        set(SpendAcross, noValue(), QString());
    }

    factValues_[HistoryEnd]->setText(dayOf(m.calibrationEnd));
    factValues_[FittedAt]->setText(formatLocalDateTime(m.fittedAt));
    factValues_[Customers]->setText(count(m.customers));
    factValues_[RepeatCustomers]->setText(count(m.repeatCustomers));
    factValues_[Orders]->setText(count(m.orders));
    factValues_[TimeUnit]->setText(unit);
    factValues_[Discount]->setText(m.annualDiscountRate > 0
            ? tr("%1 a year").arg(formatPercent(m.annualDiscountRate))
            : tr("None"));
    factValues_[Replenishable]->setText(count(m.replenishableProducts));
}

void PredictionsPage::fillDistribution()
{
    const predict::PredictionDistribution &d = distribution_;
    valueTotal_->setText(tr("Together, the shoppers are predicted to spend %1 in the next 12 "
                            "months.")
                             .arg(money(d.totalPredictedValue)));
    {
        QChart *chart = ChartSupport::cleared(valueChart_);
        chart->setTitle(tr("Shoppers by predicted value, next 12 months"));
        auto *set = new QBarSet(tr("Shoppers"));
        set->setLabelColor(palette().color(QPalette::WindowText));
        QStringList buckets;
        double top = 0;
        for (std::size_t i = 0; i < d.valueBuckets.size(); ++i) {
            const auto &[upper, shoppers] = d.valueBuckets[i];
            // Eight steps of the same width, then everybody above them.
            buckets << (i == 8 ? tr("more") : money(upper));
            *set << static_cast<double>(shoppers);
            top = std::max(top, static_cast<double>(shoppers));
        }
        QAbstractBarSeries *series = ChartSupport::labelledBars(set, false);
        chart->addSeries(series);
        auto *axisX = new QBarCategoryAxis;
        axisX->append(buckets);
        // Many money amounts side by side: a smaller font, and slanted so none is elided.
        QFont font = axisX->labelsFont();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        axisX->setLabelsFont(font);
        if (buckets.size() > 5)
            axisX->setLabelsAngle(-45);
        axisX->setTitleText(tr("Predicted value up to"));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        QValueAxis *axisY = ChartSupport::countAxis(top, tr("Shoppers"));
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
    }
    {
        QChart *chart = ChartSupport::cleared(churnChart_);
        chart->setTitle(tr("Shoppers by churn risk"));
        auto *set = new QBarSet(tr("Shoppers"));
        set->setLabelColor(palette().color(QPalette::WindowText));
        // High risk on top: a horizontal bar chart draws its first category at the bottom.
        const std::pair<const char *, std::int64_t> sizes[]
            = { { "low", d.low }, { "medium", d.medium }, { "high", d.high } };
        QStringList groups;
        for (const auto &[risk, shoppers] : sizes) {
            groups << churnRiskDisplayName(risk);
            *set << static_cast<double>(shoppers);
        }
        QAbstractBarSeries *series = ChartSupport::labelledBars(set, true);
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(groups);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        QValueAxis *axisX
            = ChartSupport::countAxis(static_cast<double>(std::max({ d.low, d.medium, d.high })), tr("Shoppers"));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
    }
    const predict::ChurnCutPoints &cuts = model_->churnCuts;
    QStringList rules;
    for (const char *risk : { "high", "medium", "low" })
        rules << tr("%1: %2").arg(churnRiskDisplayName(risk), churnRiskRule(risk, cuts));
    churnCuts_->setText(rules.join(QLatin1Char('\n')));
}

QString PredictionsPage::money(double amount) const
{
    return formatMoney(amount, currency_);
}

} // namespace clientele
