#include "ChannelIcons.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <cmath>

namespace clientele {

namespace {

void drawGlyph(QPainter &p, const std::string &channel, double s)
{
    // Glyphs in white on the channel's disc, in a square of side s.
    QPen pen(Qt::white, s * 0.07);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double c = s / 2;
    if (channel == "web") {
        const double r = s * 0.27;
        p.drawEllipse(QPointF(c, c), r, r);
        p.drawEllipse(QPointF(c, c), r * 0.45, r);
        p.drawLine(QPointF(c - r, c), QPointF(c + r, c));
    } else if (channel == "app") {
        p.drawRoundedRect(
            QRectF(c - s * 0.15, c - s * 0.27, s * 0.3, s * 0.54), s * 0.05, s * 0.05);
        p.drawPoint(QPointF(c, c + s * 0.18));
    } else if (channel == "pos") {
        // A shop front: awning and door.
        p.drawLine(QPointF(c - s * 0.27, c - s * 0.12), QPointF(c + s * 0.27, c - s * 0.12));
        p.drawLine(QPointF(c - s * 0.22, c - s * 0.25), QPointF(c + s * 0.22, c - s * 0.25));
        p.drawLine(QPointF(c - s * 0.22, c - s * 0.25), QPointF(c - s * 0.27, c - s * 0.12));
        p.drawLine(QPointF(c + s * 0.22, c - s * 0.25), QPointF(c + s * 0.27, c - s * 0.12));
        p.drawRect(QRectF(c - s * 0.22, c - s * 0.12, s * 0.44, s * 0.37));
        p.drawRect(QRectF(c - s * 0.06, c + s * 0.05, s * 0.12, s * 0.2));
    } else if (channel == "email") {
        const QRectF r(c - s * 0.27, c - s * 0.18, s * 0.54, s * 0.36);
        p.drawRect(r);
        p.drawPolyline(QPolygonF { r.topLeft(), QPointF(c, c + s * 0.03), r.topRight() });
    } else if (channel == "support") {
        QPainterPath bubble;
        bubble.addRoundedRect(
            QRectF(c - s * 0.27, c - s * 0.22, s * 0.54, s * 0.34), s * 0.08, s * 0.08);
        p.drawPath(bubble);
        p.drawPolyline(QPolygonF { QPointF(c - s * 0.12, c + s * 0.12),
            QPointF(c - s * 0.16, c + s * 0.26), QPointF(c + s * 0.02, c + s * 0.12) });
    } else if (channel == "loyalty") {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double radius = (i % 2 == 0) ? s * 0.28 : s * 0.12;
            const double angle = -M_PI / 2 + i * M_PI / 5;
            star << QPointF(c + radius * std::cos(angle), c + radius * std::sin(angle));
        }
        p.setBrush(Qt::white);
        p.drawPolygon(star);
    } else {
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(c, c), s * 0.08, s * 0.08);
    }
}

QPixmap drawIcon(const std::string &channel, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(channelColor(channel));
    p.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    drawGlyph(p, channel, size);
    return pixmap;
}

} // namespace

QColor channelColor(const std::string &channel)
{
    if (channel == "web")
        return QColor(0x2f, 0x6f, 0xd6);
    if (channel == "app")
        return QColor(0x7b, 0x4f, 0xc9);
    if (channel == "pos")
        return QColor(0x1f, 0x9d, 0x6b);
    if (channel == "email")
        return QColor(0xe0, 0x8a, 0x1e);
    if (channel == "support")
        return QColor(0xc9, 0x3c, 0x4f);
    if (channel == "loyalty")
        return QColor(0xc2, 0x9b, 0x0c);
    return QColor(0x80, 0x80, 0x80);
}

QIcon channelIcon(const std::string &channel)
{
    static QHash<QString, QIcon> cache;
    const QString key = QString::fromStdString(channel);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int size : { 16, 20, 24, 32, 48 })
        icon.addPixmap(drawIcon(channel, size));
    cache.insert(key, icon);
    return icon;
}

} // namespace clientele
