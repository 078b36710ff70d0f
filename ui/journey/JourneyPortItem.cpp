#include "JourneyPortItem.h"

#include "JourneyNodeItem.h"

#include <QBrush>
#include <QCursor>
#include <QPen>

namespace clientele {

JourneyPortItem::JourneyPortItem(JourneyNodeItem *node, std::string port, bool input)
    : QGraphicsEllipseItem(-kRadius, -kRadius, 2 * kRadius, 2 * kRadius, node)
    , node_(node)
    , port_(std::move(port))
    , input_(input)
{
    setBrush(QColor(0xfa, 0xfa, 0xfa));
    setPen(QPen(QColor(0x60, 0x60, 0x60), 1.5));
    setAcceptHoverEvents(true);
    setCursor(input ? Qt::ArrowCursor : Qt::CrossCursor);
    setZValue(1);
}

void JourneyPortItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    setBrush(QColor(0xff, 0xd5, 0x4f));
    QGraphicsEllipseItem::hoverEnterEvent(event);
}

void JourneyPortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    setBrush(QColor(0xfa, 0xfa, 0xfa));
    QGraphicsEllipseItem::hoverLeaveEvent(event);
}

} // namespace clientele
