#include "JourneyConnectionItem.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

QFont labelFont()
{
    QFont font;
    font.setPixelSize(11);
    font.setBold(true);
    return font;
}

} // namespace

JourneyConnectionItem::JourneyConnectionItem(const JourneyConnection &connection)
    : connection_(connection)
{
    setFlags(ItemIsSelectable);
    setZValue(-1);
    setPen(QPen(QColor(0x78, 0x90, 0x9c), 2.0));
}

QPainterPath JourneyConnectionItem::curve(
    const QPointF &from, const QPointF &to, std::optional<double> lane)
{
    if (lane) {
        // Out of the exit, along the lane past the steps in between, into the input.
        const double bend = 60.0;
        QPainterPath path(from);
        path.cubicTo(
            from + QPointF(bend, 0), QPointF(from.x(), *lane), QPointF(from.x() + bend, *lane));
        path.lineTo(to.x() - bend, *lane);
        path.cubicTo(QPointF(to.x(), *lane), to - QPointF(bend, 0), to);
        return path;
    }
    // Horizontal tangents at both ends; a backwards link bends out further.
    const double dx = std::max(60.0, std::abs(to.x() - from.x()) * 0.5);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void JourneyConnectionItem::setEnds(
    const QPointF &from, const QPointF &to, std::optional<double> lane)
{
    prepareGeometryChange();
    start_ = from;
    setPath(curve(from, to, lane));
}

void JourneyConnectionItem::setShoppers(std::optional<std::int64_t> shoppers)
{
    if (shoppers == shoppers_)
        return;
    prepareGeometryChange();
    shoppers_ = shoppers;
    // The label's text and size, made once here: the rectangle is asked for on every paint
    // and every move of a card it is attached to.
    label_ = shoppers_ ? QLocale().toString(static_cast<qlonglong>(*shoppers_)) : QString();
    if (shoppers_) {
        const QFontMetricsF metrics(labelFont());
        labelSize_ = QSizeF(metrics.horizontalAdvance(label_) + 12, metrics.height() + 4);
    }
    update();
}

QString JourneyConnectionItem::label() const
{
    return label_;
}

QRectF JourneyConnectionItem::labelRect() const
{
    if (!shoppers_)
        return {};
    // Beside the exit it left from: exits are a row apart, so labels of one step never
    // overlap, even when several exits lead into the same step.
    return QRectF(QPointF(start_.x() + 10, start_.y() - labelSize_.height() / 2), labelSize_);
}

QRectF JourneyConnectionItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(labelRect()).adjusted(-4, -4, 4, 4);
}

QPainterPath JourneyConnectionItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(path());
    if (shoppers_)
        shape.addRect(labelRect());
    return shape;
}

void JourneyConnectionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QPen line = pen();
    if (isSelected()) {
        line.setColor(QColor(0x19, 0x76, 0xd2));
        line.setWidthF(3.0);
    }
    painter->setPen(line);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (!shoppers_)
        return;
    const QRectF box = labelRect();
    painter->setPen(QPen(QColor(0x0d, 0x47, 0xa1), 1.0));
    painter->setBrush(QColor(0xe3, 0xf2, 0xfd));
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setFont(labelFont());
    painter->drawText(box, Qt::AlignCenter, label_);
}

} // namespace clientele
