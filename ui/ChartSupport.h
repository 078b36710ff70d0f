#pragma once

#include <QString>

class QAbstractBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;
class QWidget;

namespace clientele {

/// What the pages' charts share: how a chart view looks, clearing one before it is filled
/// again, a count axis, and bar series with their values written at the bars' ends.
namespace ChartSupport {

/// A chart view without animation or rounded corners; the legend below when legend is
/// true, hidden otherwise.
QChartView *createView(QWidget *parent, bool legend = false, int minimumHeight = 260);
/// Removes what the view's chart showed (series and axes) and returns the chart.
QChart *cleared(QChartView *view);
/// An axis from 0 to a little above top, on nice numbers, with a title.
QValueAxis *countAxis(double top, const QString &title, const char *format = "%.0f");
/// A bar series (horizontal or vertical) of one set whose values are written at the bars'
/// ends; the caller adds it to a chart.
QAbstractBarSeries *labelledBars(QBarSet *set, bool horizontal);

} // namespace ChartSupport

} // namespace clientele
