#include "JourneyNodeItem.h"

#include "JourneyKinds.h"
#include "JourneyPortItem.h"
#include "JourneyScene.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace clientele {

namespace {

constexpr double kHeaderHeight = 24.0;
constexpr double kPortsTop = 84.0;
constexpr double kPortRow = 20.0;
constexpr double kCountLine = 16.0;
constexpr double kRadius = 6.0;

/// text in at most two lines of width: broken at a space, the second line elided.
QStringList twoLines(const QString &text, const QFontMetricsF &metrics, double width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return { text };
    int cut = 0;
    for (int i = 0; i < text.size(); ++i)
        if (text[i] == QLatin1Char(' ') && metrics.horizontalAdvance(text.left(i)) <= width)
            cut = i;
    if (cut == 0)
        return { metrics.elidedText(text, Qt::ElideRight, width) };
    return { text.left(cut), metrics.elidedText(text.mid(cut + 1), Qt::ElideRight, width) };
}

/// A card's height (without counts) with this many exits.
double heightWithExits(std::size_t exits)
{
    return kPortsTop + static_cast<double>(std::max<std::size_t>(1, exits)) * kPortRow;
}

QString number(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

} // namespace

JourneyNodeItem::JourneyNodeItem(JourneyScene *scene, const JourneyNode &node)
    : scene_(scene)
    , node_(node)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    // A card repaints from a cached pixmap while the view scrolls or other cards move.
    setCacheMode(DeviceCoordinateCache);
    setPos(node.position.x, node.position.y);
    rebuildPorts();
}

double JourneyNodeItem::cardHeight(const JourneyNode &node)
{
    return heightWithExits(Journey::outputPorts(node).size());
}

double JourneyNodeItem::layoutHeight(const JourneyNode &node)
{
    // arrived; sent · skipped and held out (send) or exited (exit); still waiting.
    const double lines = node.kind == JourneyKind::kSend ? 4 : 2;
    return cardHeight(node) + lines * kCountLine + 8;
}

double JourneyNodeItem::height() const
{
    // Asked for on every paint and move: the exits are counted by their port items
    // (rebuildPorts keeps one per exit), not worked out from the node again.
    const auto lines = static_cast<double>(countLines().size());
    return heightWithExits(outputs_.size()) + (lines > 0 ? lines * kCountLine + 8 : 0.0);
}

QRectF JourneyNodeItem::boundingRect() const
{
    // Room for the outline, the ports half outside and the issue badge.
    return QRectF(-8, -10, kWidth + 16, height() + 18);
}

QStringList JourneyNodeItem::makeCountLines(
    const JourneyNode &node, const std::optional<NodeCounts> &counts)
{
    if (!counts)
        return {};
    const NodeCounts &c = *counts;
    QStringList lines;
    QString first = tr("%1 arrived").arg(number(c.arrived));
    if (c.leftAtGoal > 0)
        first = tr("%1 · %2 left at goal").arg(first, number(c.leftAtGoal));
    lines << first;
    if (node.kind == JourneyKind::kSend) {
        lines << tr("%1 sent · %2 skipped")
                     .arg(number(c.sent), number(c.skippedConsent + c.skippedCap));
        if (c.heldOut > 0)
            lines << tr("%1 held out").arg(number(c.heldOut));
    } else if (node.kind == JourneyKind::kExit) {
        lines << tr("%1 exited").arg(number(c.exited));
    }
    if (c.waitingAtEnd > 0)
        lines << tr("%1 still waiting").arg(number(c.waitingAtEnd));
    return lines;
}

void JourneyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const QColor kindColor = JourneyKinds::color(node_.kind);
    const double cardBottom = cardHeight(node_);
    const QRectF card(0, 0, kWidth, height());

    // Card and outline: red when the validator names this step, thick when selected.
    QPen outline(
        hasIssues() ? QColor(0xc6, 0x28, 0x28) : QColor(0x9e, 0x9e, 0x9e), hasIssues() ? 2.5 : 1.0);
    if (isSelected())
        outline = QPen(hasIssues() ? QColor(0xc6, 0x28, 0x28) : QColor(0x19, 0x76, 0xd2), 3.0);
    painter->setPen(outline);
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(card, kRadius, kRadius);

    // Header band with the kind's icon and name.
    QPainterPath header;
    header.setFillRule(Qt::WindingFill); // the two shapes overlap: fill both, not the difference
    header.addRoundedRect(QRectF(0, 0, kWidth, kHeaderHeight), kRadius, kRadius);
    header.addRect(QRectF(0, kHeaderHeight / 2, kWidth, kHeaderHeight / 2));
    painter->setPen(Qt::NoPen);
    painter->setBrush(kindColor);
    painter->drawPath(header.simplified());
    JourneyKinds::icon(node_.kind).paint(painter, QRect(6, 4, 16, 16));
    QFont font = painter->font();
    font.setPixelSize(12);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(28, 0, kWidth - 56, kHeaderHeight), Qt::AlignVCenter | Qt::AlignLeft,
        JourneyKinds::label(node_.kind));

    // Label and summary, elided to the card.
    painter->setPen(QColor(0x21, 0x21, 0x21));
    font.setPixelSize(13);
    painter->setFont(font);
    const QFontMetricsF titleMetrics(font);
    painter->drawText(QRectF(10, kHeaderHeight + 4, kWidth - 20, 18),
        Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(JourneyKinds::title(node_), Qt::ElideRight, kWidth - 20));
    font.setBold(false);
    font.setPixelSize(11);
    painter->setFont(font);
    const QFontMetricsF summaryMetrics(font);
    painter->setPen(QColor(0x61, 0x61, 0x61));
    const QStringList summary = twoLines(JourneyKinds::summary(node_), summaryMetrics, kWidth - 20);
    for (int i = 0; i < summary.size(); ++i)
        painter->drawText(QRectF(10, kHeaderHeight + 23 + i * 14, kWidth - 20, 14),
            Qt::AlignLeft | Qt::AlignVCenter, summary[i]);

    // Exit names beside their ports.
    painter->setPen(QColor(0x42, 0x42, 0x42));
    for (const JourneyPortItem *port : outputs_) {
        const QString name = JourneyKinds::portLabel(node_, port->port());
        if (name.isEmpty())
            continue;
        // The ports' rows are below the texts: an exit's name may take most of the width.
        painter->drawText(QRectF(16, port->pos().y() - kPortRow / 2, kWidth - 28, kPortRow),
            Qt::AlignRight | Qt::AlignVCenter,
            summaryMetrics.elidedText(name, Qt::ElideRight, kWidth - 28));
    }

    // Simulated counts in a strip at the foot.
    const QStringList &lines = countLines_;
    if (!lines.isEmpty()) {
        const QRectF strip(1, cardBottom, kWidth - 2, height() - cardBottom - 1);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xe3, 0xf2, 0xfd));
        painter->drawRect(strip.adjusted(0, 0, 0, -kRadius));
        painter->drawRoundedRect(strip, kRadius - 1, kRadius - 1);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(QColor(0x0d, 0x47, 0xa1));
        for (int i = 0; i < lines.size(); ++i)
            painter->drawText(QRectF(10, cardBottom + 4 + i * kCountLine, kWidth - 20, kCountLine),
                Qt::AlignLeft | Qt::AlignVCenter,
                summaryMetrics.elidedText(lines[i], Qt::ElideRight, kWidth - 20));
    }

    // A badge for the problems (the tooltip lists them).
    if (hasIssues()) {
        const QRectF badge(kWidth - 22, -8, 20, 20);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(QColor(0xc6, 0x28, 0x28));
        painter->drawEllipse(badge);
        font.setBold(true);
        font.setPixelSize(12);
        painter->setFont(font);
        painter->drawText(badge, Qt::AlignCenter,
            issues_.size() > 1 ? QString::number(issues_.size()) : QStringLiteral("!"));
    }
}

void JourneyNodeItem::setNode(const JourneyNode &node)
{
    const bool portsChanged = Journey::outputPorts(node) != Journey::outputPorts(node_);
    prepareGeometryChange();
    node_ = node;
    countLines_ = makeCountLines(node_, counts_);
    if (portsChanged)
        rebuildPorts();
    update();
}

void JourneyNodeItem::setIssues(const QStringList &messages)
{
    if (messages == issues_)
        return;
    issues_ = messages;
    setToolTip(messages.join(QLatin1Char('\n')));
    update();
}

void JourneyNodeItem::setCounts(const std::optional<NodeCounts> &counts)
{
    if (!counts && !counts_)
        return;
    prepareGeometryChange();
    counts_ = counts;
    countLines_ = makeCountLines(node_, counts_);
    update();
}

JourneyPortItem *JourneyNodeItem::outputPort(const std::string &port) const
{
    for (JourneyPortItem *item : outputs_)
        if (item->port() == port)
            return item;
    return nullptr;
}

void JourneyNodeItem::setModelPosition(const NodePosition &position)
{
    setPos(position.x, position.y);
}

void JourneyNodeItem::rebuildPorts()
{
    delete input_;
    input_ = nullptr;
    for (JourneyPortItem *port : outputs_)
        delete port;
    outputs_.clear();
    const double firstRow = kPortsTop + kPortRow / 2;
    if (node_.kind != JourneyKind::kEntry) {
        input_ = new JourneyPortItem(this, "in", true);
        input_->setPos(0, firstRow);
        input_->setToolTip(tr("Input: drop a connection here"));
    }
    const std::vector<std::string> ports = Journey::outputPorts(node_);
    for (std::size_t i = 0; i < ports.size(); ++i) {
        auto *port = new JourneyPortItem(this, ports[i], false);
        port->setPos(kWidth, firstRow + static_cast<double>(i) * kPortRow);
        port->setToolTip(tr("Exit \"%1\": drag to the input of the next step")
                             .arg(QString::fromStdString(ports[i])));
        outputs_.push_back(port);
    }
}

QVariant JourneyNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionChange && scene_ && scene_->snapsToGrid())
        return scene_->snapped(value.toPointF());
    if (change == ItemPositionHasChanged && scene_)
        scene_->nodeItemMoved(this);
    return QGraphicsItem::itemChange(change, value);
}

} // namespace clientele
