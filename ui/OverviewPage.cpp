#include "OverviewPage.h"

#include "ChartSupport.h"

#include "DisplayFormat.h"

#include "store/Workspace.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace clientele {

namespace {

enum StateIndex { Loading = 0, Empty = 1, Figures = 2 };

OverviewReadResult readOverview(const std::string &path)
{
    try {
        auto db = Workspace::connect(path, Database::Mode::ReadOnly);
        OverviewReadResult result;
        result.overview = WorkspaceOverview::read(db);
        result.rfmGroups = RfmGroupSize::read(db);
        return result;
    } catch (const std::exception &error) {
        OverviewReadResult result;
        result.error = QString::fromStdString(error.what());
        return result;
    }
}

QString formatDate(Millis t)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(t).date(), QLocale::ShortFormat);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    states_ = new QStackedWidget(this);
    layout->addWidget(states_);

    statusLabel_ = new QLabel(this);
    statusLabel_->setAlignment(Qt::AlignCenter);
    statusLabel_->setWordWrap(true);
    states_->insertWidget(Loading, statusLabel_);

    emptyState_ = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(emptyState_);
    emptyLayout->addStretch();
    auto *emptyTitle = new QLabel(tr("This workspace has no shoppers yet"), emptyState_);
    emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    emptyTitle->setAlignment(Qt::AlignCenter);
    QFont titleFont = emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    emptyTitle->setFont(titleFont);
    auto *emptyText = new QLabel(
        tr("Import your store's data — an events file, an order export — to see your "
           "shoppers here. Or, to see what Clientele shows for a living store first, fill it "
           "with the demo store: a running and outdoor shop with a year of shoppers, orders, "
           "carts, emails and store visits."),
        emptyState_);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    auto *importButton = new QPushButton(tr("Import a File…"), emptyState_);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setDefault(true);
    connect(importButton, &QPushButton::clicked, this, &OverviewPage::importRequested);
    auto *fillButton = new QPushButton(tr("Fill with Demo Data"), emptyState_);
    fillButton->setObjectName(QStringLiteral("fillWithDemoButton"));
    connect(fillButton, &QPushButton::clicked, this, &OverviewPage::fillWithDemoRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(importButton);
    buttons->addWidget(fillButton);
    buttons->addStretch();
    emptyText->setMaximumWidth(560);
    // A word-wrapped label only gets its height for its width without an alignment flag,
    // so centre it between stretches instead.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(emptyText, 1);
    textRow->addStretch();
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addLayout(textRow);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch();
    emptyLayout->setContentsMargins(80, 40, 80, 40);
    states_->insertWidget(Empty, emptyState_);

    states_->insertWidget(Figures, createFiguresView());

    connect(&watcher_, &QFutureWatcher<OverviewReadResult>::finished, this,
        [this] { showResult(watcher_.result()); });

    statusLabel_->setText(tr("No workspace is open."));
    states_->setCurrentIndex(Loading);
}

QWidget *OverviewPage::createFiguresView()
{
    auto *view = new QWidget(this);
    auto *layout = new QVBoxLayout(view);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(12);

    demoBanner_ = new QFrame(view);
    demoBanner_->setObjectName(QStringLiteral("demoBanner"));
    demoBanner_->setFrameShape(QFrame::StyledPanel);
    demoBanner_->setStyleSheet(QStringLiteral(
        "#demoBanner { background: #fff4d6; border: 1px solid #e6c66e; border-radius: 4px; }"));
    auto *bannerLayout = new QVBoxLayout(demoBanner_);
    auto *bannerText = new QLabel(
        tr("<b>You are looking at demo data.</b> Every shopper in this workspace was generated "
           "by Clientele to show what it does. To work with your own store, create a "
           "workspace of your own with <i>File › New Workspace</i> and bring in your data "
           "with <i>File › Import</i>."),
        demoBanner_);
    bannerText->setObjectName(QStringLiteral("demoBannerText"));
    bannerText->setWordWrap(true);
    bannerLayout->addWidget(bannerText);
    layout->addWidget(demoBanner_);

    title_ = new QLabel(view);
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    subtitle_ = new QLabel(view);
    subtitle_->setObjectName(QStringLiteral("dateRange"));
    layout->addWidget(title_);
    layout->addWidget(subtitle_);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(12);
    shoppers_ = addTile(grid, 0, 0, tr("Shoppers"));
    known_ = addTile(grid, 0, 1, tr("Known shoppers"));
    anonymous_ = addTile(grid, 0, 2, tr("Anonymous visitors"));
    orders_ = addTile(grid, 1, 0, tr("Orders"));
    revenue_ = addTile(grid, 1, 1, tr("Revenue"));
    events_ = addTile(grid, 1, 2, tr("Events"));
    shoppers_->setObjectName(QStringLiteral("shoppersValue"));
    known_->setObjectName(QStringLiteral("knownValue"));
    anonymous_->setObjectName(QStringLiteral("anonymousValue"));
    orders_->setObjectName(QStringLiteral("ordersValue"));
    revenue_->setObjectName(QStringLiteral("revenueValue"));
    events_->setObjectName(QStringLiteral("eventsValue"));
    layout->addLayout(grid);

    auto *charts = new QHBoxLayout;
    revenueChart_ = ChartSupport::createView(view);
    revenueChart_->setObjectName(QStringLiteral("revenueChart"));
    channelChart_ = ChartSupport::createView(view);
    channelChart_->setObjectName(QStringLiteral("channelChart"));
    rfmStates_ = new QStackedWidget(view);
    rfmChart_ = ChartSupport::createView(view);
    rfmChart_->setObjectName(QStringLiteral("rfmChart"));
    rfmEmpty_ = new QLabel(
        tr("<b>No buyers yet.</b><br>Customer groups by recency, frequency and value (RFM) "
           "appear here once shoppers have completed orders."),
        view);
    rfmEmpty_->setObjectName(QStringLiteral("rfmEmpty"));
    rfmEmpty_->setAlignment(Qt::AlignCenter);
    rfmEmpty_->setWordWrap(true);
    rfmStates_->addWidget(rfmChart_);
    rfmStates_->addWidget(rfmEmpty_);
    charts->addWidget(revenueChart_, 3);
    charts->addWidget(channelChart_, 2);
    layout->addLayout(charts, 1);
    rfmStates_->setMinimumHeight(300);
    layout->addWidget(rfmStates_, 1);

    // The figures scroll rather than squeeze the charts in a small window.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(view);
    return scroll;
}

QLabel *OverviewPage::addTile(QGridLayout *grid, int row, int column, const QString &caption)
{
    auto *tile = new QFrame;
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setObjectName(QStringLiteral("tile"));
    auto *tileLayout = new QVBoxLayout(tile);
    auto *captionLabel = new QLabel(caption, tile);
    captionLabel->setStyleSheet(QStringLiteral("color: palette(dark);"));
    auto *value = new QLabel(QStringLiteral("–"), tile);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    value->setFont(valueFont);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tileLayout->addWidget(captionLabel);
    tileLayout->addWidget(value);
    grid->addWidget(tile, row, column);
    return value;
}

void OverviewPage::load(const QString &workspacePath, bool isDemo, const QString &storeName)
{
    overview_.reset();
    storeName_ = storeName;
    demoBanner_->setVisible(isDemo);
    if (workspacePath.isEmpty()) {
        statusLabel_->setText(tr("No workspace is open."));
        states_->setCurrentIndex(Loading);
        return;
    }
    statusLabel_->setText(tr("Reading the workspace…"));
    states_->setCurrentIndex(Loading);
    // A newer request supersedes an older one: setFuture() detaches the watcher from the
    // older read, whose result is then never shown.
    watcher_.setFuture(QtConcurrent::run(readOverview, workspacePath.toStdString()));
}

void OverviewPage::showResult(const OverviewReadResult &result)
{
    if (!result.overview) {
        statusLabel_->setText(tr("The workspace could not be read: %1").arg(result.error));
        states_->setCurrentIndex(Loading);
        return;
    }
    overview_ = result.overview;
    rfmGroups_ = result.rfmGroups;
    const WorkspaceOverview &o = *overview_;
    if (o.shoppers == 0 && o.events == 0) {
        states_->setCurrentIndex(Empty);
        Q_EMIT loaded(o);
        return;
    }

    const QLocale locale;
    title_->setText(storeName_.isEmpty() ? tr("Overview") : storeName_);
    if (o.firstEvent && o.lastEvent)
        subtitle_->setText(
            tr("Activity from %1 to %2").arg(formatDate(*o.firstEvent), formatDate(*o.lastEvent)));
    else
        subtitle_->setText(tr("No activity recorded yet"));
    shoppers_->setText(locale.toString(o.shoppers));
    known_->setText(locale.toString(o.knownShoppers));
    anonymous_->setText(locale.toString(o.anonymousShoppers));
    orders_->setText(locale.toString(o.orders));
    revenue_->setText(formatMoney(o.revenue, o.currency));
    events_->setText(locale.toString(o.events));
    updateCharts(o);
    updateRfmChart();
    states_->setCurrentIndex(Figures);
    Q_EMIT loaded(o);
}

void OverviewPage::updateCharts(const WorkspaceOverview &overview)
{
    {
        QChart *chart = revenueChart_->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        // The last twelve calendar months: one bar per month name, so no two bars share a
        // label; the title says which year each belongs to.
        constexpr std::size_t kMonths = 12;
        const auto &all = overview.revenueByMonth;
        const auto first = all.size() > kMonths ? all.end() - kMonths : all.begin();
        auto *set = new QBarSet(tr("Revenue"));
        QStringList months;
        double top = 0;
        QDate firstMonth;
        QDate lastMonth;
        for (auto it = first; it != all.end(); ++it) {
            const QDate date
                = QDate::fromString(QString::fromStdString(it->first), QStringLiteral("yyyy-MM"));
            firstMonth = firstMonth.isValid() ? firstMonth : date;
            lastMonth = date;
            months << QLocale().toString(date, QStringLiteral("MMM"));
            *set << it->second;
            top = std::max(top, it->second);
        }
        const QString symbol = currencySymbol(QString::fromStdString(overview.currency));
        chart->setTitle(months.isEmpty()
                ? tr("Revenue by month (%1)").arg(symbol)
                : tr("Revenue by month, %1 – %2 (%3)")
                      .arg(QLocale().toString(firstMonth, QStringLiteral("MMM yyyy")),
                          QLocale().toString(lastMonth, QStringLiteral("MMM yyyy")), symbol));
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *axisX = new QBarCategoryAxis;
        axisX->append(months);
        // Some locales abbreviate months in four letters ("Sept"); a smaller font keeps
        // twelve of them readable under the bars.
        QFont monthFont = axisX->labelsFont();
        monthFont.setPointSizeF(monthFont.pointSizeF() * 0.85);
        axisX->setLabelsFont(monthFont);
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
        auto *axisY = new QValueAxis;
        axisY->setRange(0, top * 1.05);
        axisY->applyNiceNumbers();
        axisY->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
    }
    {
        QChart *chart = channelChart_->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        chart->setTitle(tr("Events by channel"));
        auto *set = new QBarSet(tr("Events"));
        QStringList channels;
        std::int64_t top = 0;
        // Largest first from the top: a horizontal bar chart draws its first category at
        // the bottom, so append in reverse.
        for (auto it = overview.eventsByChannel.rbegin(); it != overview.eventsByChannel.rend();
             ++it) {
            channels << channelDisplayName(it->first);
            *set << static_cast<double>(it->second);
            top = std::max(top, it->second);
        }
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *axisY = new QBarCategoryAxis;
        axisY->append(channels);
        chart->addAxis(axisY, Qt::AlignLeft);
        series->attachAxis(axisY);
        auto *axisX = new QValueAxis;
        axisX->setRange(0, static_cast<double>(top) * 1.05);
        axisX->applyNiceNumbers();
        axisX->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(axisX, Qt::AlignBottom);
        series->attachAxis(axisX);
    }
}

void OverviewPage::updateRfmChart()
{
    std::int64_t buyers = 0;
    std::int64_t top = 0;
    for (const RfmGroupSize &group : rfmGroups_) {
        buyers += group.profiles;
        top = std::max(top, group.profiles);
    }
    if (buyers == 0) {
        rfmStates_->setCurrentWidget(rfmEmpty_);
        return;
    }
    QChart *chart = rfmChart_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(tr("Buyers by RFM group (%L1)").arg(buyers));
    auto *set = new QBarSet(tr("Buyers"));
    set->setLabelColor(palette().color(QPalette::WindowText));
    QStringList groups;
    // Horizontal bars keep every group's name readable; the most valuable on top (the
    // first category is drawn at the bottom, so append in reverse).
    for (auto it = rfmGroups_.rbegin(); it != rfmGroups_.rend(); ++it) {
        groups << rfmGroupDisplayName(it->group);
        *set << static_cast<double>(it->profiles);
    }
    QAbstractBarSeries *series = ChartSupport::labelledBars(set, true);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(groups);
    // Long names ("Brauchen Aufmerksamkeit") would be elided to "…" on a narrow axis.
    axisY->setTruncateLabels(false);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, static_cast<double>(top) * 1.1);
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    rfmStates_->setCurrentWidget(rfmChart_);
}

} // namespace clientele
