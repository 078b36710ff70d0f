#include "ChartSupport.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace clientele::ChartSupport {

QChartView *createView(QWidget *parent, bool legend, int minimumHeight)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    if (legend)
        chart->legend()->setAlignment(Qt::AlignBottom);
    else
        chart->legend()->hide();
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(minimumHeight);
    return view;
}

QChart *cleared(QChartView *view)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    return chart;
}

QValueAxis *countAxis(double top, const QString &title, const char *format)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    axis->applyNiceNumbers();
    axis->setLabelFormat(QString::fromLatin1(format));
    axis->setTitleText(title);
    return axis;
}

QAbstractBarSeries *labelledBars(QBarSet *set, bool horizontal)
{
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    return series;
}

} // namespace clientele::ChartSupport
