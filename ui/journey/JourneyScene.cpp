#include "JourneyScene.h"

#include "JourneyConnectionItem.h"
#include "JourneyDocument.h"
#include "JourneyLayout.h"
#include "JourneyNodeItem.h"
#include "JourneyPortItem.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <set>

namespace clientele {

using nlohmann::json;

const QString JourneyScene::kClipboardMimeType
    = QStringLiteral("application/x-clientele-journey-steps");

JourneyScene::JourneyScene(JourneyDocument *document, QObject *parent)
    : QGraphicsScene(parent)
    , document_(document)
{
    // Items are added and removed one by one; a BSP tree would be rebuilt on every change.
    setItemIndexMethod(NoIndex);
    connect(document_, &JourneyDocument::journeyReset, this, &JourneyScene::rebuild);
    connect(document_, &JourneyDocument::nodeAdded, this,
        [this](const QString &id) { addNodeItem(id.toStdString()); });
    connect(document_, &JourneyDocument::nodeRemoved, this,
        [this](const QString &id) { removeNodeItem(id.toStdString()); });
    connect(document_, &JourneyDocument::nodeChanged, this,
        [this](const QString &id) { updateNodeItem(id.toStdString()); });
    connect(document_, &JourneyDocument::nodeMoved, this, [this](const QString &id) {
        if (JourneyNodeItem *item = nodeItem(id.toStdString()))
            item->setModelPosition(document_->journey().node(id.toStdString())->position);
    });
    // Cards that moved (after a drag, undo or Arrange) may now stand in the way of links
    // that pass them by, or no longer: every link is routed again, once per move.
    connect(document_, &JourneyDocument::positionsApplied, this, [this] {
        for (JourneyConnectionItem *connection : connections_)
            updateConnectionPath(connection);
    });
    connect(document_, &JourneyDocument::connectionAdded, this, &JourneyScene::addConnectionItem);
    connect(
        document_, &JourneyDocument::connectionRemoved, this, &JourneyScene::removeConnectionItem);
    connect(document_, &JourneyDocument::validated, this, &JourneyScene::showIssues);
    connect(document_, &JourneyDocument::contentChanged, this, [this] {
        if (hasCounts_)
            showCounts(std::nullopt);
    });
    rebuild();
}

JourneyScene::~JourneyScene() = default;

QPointF JourneyScene::snapped(const QPointF &point)
{
    return QPointF(std::round(point.x() / kGrid) * kGrid, std::round(point.y() / kGrid) * kGrid);
}

JourneyNodeItem *JourneyScene::nodeItem(const std::string &id) const
{
    const auto found = nodes_.find(id);
    return found == nodes_.end() ? nullptr : found->second;
}

JourneyConnectionItem *JourneyScene::connectionItem(const JourneyConnection &connection) const
{
    for (JourneyConnectionItem *item : connections_)
        if (item->connection() == connection)
            return item;
    return nullptr;
}

std::vector<std::string> JourneyScene::selectedNodeIds() const
{
    // In the journey's order, so that copies and deletions are deterministic.
    std::vector<std::string> ids;
    for (const JourneyNode &node : document_->journey().nodes)
        if (JourneyNodeItem *item = nodeItem(node.id); item && item->isSelected())
            ids.push_back(node.id);
    return ids;
}

void JourneyScene::selectNodes(const std::vector<std::string> &ids)
{
    clearSelection();
    for (const std::string &id : ids)
        if (JourneyNodeItem *item = nodeItem(id))
            item->setSelected(true);
}

void JourneyScene::rebuild()
{
    connectingFrom_ = nullptr;
    rubberLine_ = nullptr;
    // Forget the items before they go: deleting a selected one reports a selection change.
    nodes_.clear();
    connections_.clear();
    clear();
    hasCounts_ = false;
    for (const JourneyNode &node : document_->journey().nodes)
        addNodeItem(node.id);
    for (const JourneyConnection &connection : document_->journey().connections)
        addConnectionItem(connection);
    showIssues();
}

void JourneyScene::addNodeItem(const std::string &id)
{
    const JourneyNode *node = document_->journey().node(id);
    if (!node || nodeItem(id))
        return;
    auto *item = new JourneyNodeItem(this, *node);
    addItem(item);
    nodes_[id] = item;
}

void JourneyScene::removeNodeItem(const std::string &id)
{
    JourneyNodeItem *item = nodeItem(id);
    if (!item)
        return;
    nodes_.erase(id);
    removeItem(item);
    delete item;
}

void JourneyScene::updateNodeItem(const std::string &id)
{
    JourneyNodeItem *item = nodeItem(id);
    const JourneyNode *node = document_->journey().node(id);
    if (!item || !node)
        return;
    item->setNode(*node);
    nodeItemMoved(item); // exits may have moved or gone
}

void JourneyScene::addConnectionItem(const JourneyConnection &connection)
{
    auto *item = new JourneyConnectionItem(connection);
    addItem(item);
    connections_.push_back(item);
    updateConnectionPath(item);
}

void JourneyScene::removeConnectionItem(const JourneyConnection &connection)
{
    auto found = std::find_if(connections_.begin(), connections_.end(),
        [&](JourneyConnectionItem *item) { return item->connection() == connection; });
    if (found == connections_.end())
        return;
    JourneyConnectionItem *item = *found;
    connections_.erase(found);
    removeItem(item);
    delete item;
}

void JourneyScene::updateConnectionPath(JourneyConnectionItem *item) const
{
    const JourneyConnection &connection = item->connection();
    const JourneyNodeItem *from = nodeItem(connection.fromNode);
    const JourneyNodeItem *to = nodeItem(connection.toNode);
    if (!from || !to)
        return;
    // An exit that no longer exists (a renamed split arm) attaches at the card's edge; the
    // validator names it.
    const JourneyPortItem *out = from->outputPort(connection.fromPort);
    const QPointF start
        = out ? out->anchor() : from->mapToScene(QPointF(JourneyNodeItem::kWidth, 40));
    const QPointF end
        = to->inputPort() ? to->inputPort()->anchor() : to->mapToScene(QPointF(0, 40));
    item->setEnds(start, end, laneAround(from, to, start, end));
}

std::optional<double> JourneyScene::laneAround(const JourneyNodeItem *from,
    const JourneyNodeItem *to, const QPointF &start, const QPointF &end) const
{
    // Only a link that skips columns can run into a step between its ends.
    if (end.x() - start.x() < 1.5 * JourneyNodeItem::kWidth)
        return std::nullopt;
    const double top = std::min(start.y(), end.y()) - 10;
    const double bottom = std::max(start.y(), end.y()) + 10;
    std::optional<double> highest;
    bool blocked = false;
    for (const auto &[id, card] : nodes_) {
        if (card == from || card == to)
            continue;
        const QRectF box = card->sceneBoundingRect();
        if (box.right() < start.x() || box.left() > end.x())
            continue;
        // Every card in between counts for the lane, so that it clears them all.
        highest = highest ? std::min(*highest, box.top()) : box.top();
        blocked = blocked || (box.bottom() > top && box.top() < bottom);
    }
    if (!blocked)
        return std::nullopt;
    return *highest - 2 * kGrid;
}

void JourneyScene::nodeItemMoved(JourneyNodeItem *item)
{
    for (JourneyConnectionItem *connection : connections_)
        if (connection->connection().fromNode == item->nodeId()
            || connection->connection().toNode == item->nodeId())
            updateConnectionPath(connection);
}

void JourneyScene::showIssues()
{
    std::map<std::string, QStringList> byNode;
    for (const JourneyIssue &issue : document_->issues())
        if (!issue.nodeId.empty())
            byNode[issue.nodeId] << QString::fromStdString(issue.message);
    for (const auto &[id, item] : nodes_) {
        const auto found = byNode.find(id);
        item->setIssues(found == byNode.end() ? QStringList() : found->second);
    }
}

void JourneyScene::showCounts(const std::optional<SimulationResult> &result)
{
    hasCounts_ = result.has_value();
    for (const auto &[id, item] : nodes_) {
        std::optional<NodeCounts> counts;
        if (result) {
            const auto found = result->nodes.find(id);
            counts = found == result->nodes.end() ? NodeCounts() : found->second;
        }
        item->setCounts(counts);
    }
    for (JourneyConnectionItem *item : connections_) {
        std::optional<std::int64_t> shoppers;
        if (result) {
            shoppers = 0;
            for (const ConnectionCounts &counts : result->connections)
                if (counts.connection == item->connection())
                    shoppers = counts.shoppers;
        }
        item->setShoppers(shoppers);
    }
}

void JourneyScene::deleteSelection()
{
    std::vector<JourneyConnection> connections;
    for (JourneyConnectionItem *item : connections_)
        if (item->isSelected())
            connections.push_back(item->connection());
    document_->removeItems(selectedNodeIds(), connections);
}

void JourneyScene::copySelection() const
{
    const std::vector<std::string> ids = selectedNodeIds();
    if (ids.empty())
        return;
    const std::set<std::string> chosen(ids.begin(), ids.end());
    Journey copied;
    for (const std::string &id : ids)
        copied.nodes.push_back(*document_->journey().node(id));
    for (const JourneyConnection &connection : document_->journey().connections)
        if (chosen.count(connection.fromNode) && chosen.count(connection.toNode))
            copied.connections.push_back(connection);
    const QByteArray text = QByteArray::fromStdString(copied.toJson().dump(2));
    auto *mime = new QMimeData;
    mime->setData(kClipboardMimeType, text);
    mime->setText(QString::fromUtf8(text));
    QApplication::clipboard()->setMimeData(mime);
}

void JourneyScene::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(kClipboardMimeType))
        return;
    Journey copied;
    try {
        copied = Journey::fromText(mime->data(kClipboardMimeType).toStdString());
    } catch (const JourneyFormatError &) {
        return;
    }
    // New ids that neither the journey nor the other pasted steps have.
    Journey taken = document_->journey();
    std::map<std::string, std::string> renamed;
    std::vector<JourneyNode> nodes;
    for (JourneyNode node : copied.nodes) {
        const std::string id = JourneyDocument::freeId(taken, node.kind);
        renamed[node.id] = id;
        node.id = id;
        node.position.x += 2 * kGrid;
        node.position.y += 2 * kGrid;
        taken.nodes.push_back(node);
        nodes.push_back(node);
    }
    std::vector<JourneyConnection> connections;
    for (JourneyConnection connection : copied.connections) {
        connection.fromNode = renamed[connection.fromNode];
        connection.toNode = renamed[connection.toNode];
        connections.push_back(connection);
    }
    document_->addNodes(
        nodes, connections, nodes.size() == 1 ? tr("Paste Step") : tr("Paste Steps"));
    std::vector<std::string> ids;
    for (const JourneyNode &node : nodes)
        ids.push_back(node.id);
    selectNodes(ids);
}

void JourneyScene::arrange()
{
    document_->moveNodes(JourneyLayout::arrange(document_->journey(), JourneyNodeItem::kWidth,
                             &JourneyNodeItem::layoutHeight),
        tr("Arrange"));
}

JourneyPortItem *JourneyScene::portAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == JourneyPortItem::Type)
            return static_cast<JourneyPortItem *>(item);
        if (item->type() == JourneyNodeItem::Type)
            return static_cast<JourneyNodeItem *>(item)->inputPort();
    }
    return nullptr;
}

void JourneyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        QGraphicsItem *item = itemAt(event->scenePos(), QTransform());
        if (item && item->type() == JourneyPortItem::Type
            && !static_cast<JourneyPortItem *>(item)->isInput()) {
            connectingFrom_ = static_cast<JourneyPortItem *>(item);
            rubberLine_ = addPath(
                JourneyConnectionItem::curve(connectingFrom_->anchor(), event->scenePos()),
                QPen(QColor(0x19, 0x76, 0xd2), 2.0, Qt::DashLine));
            rubberLine_->setZValue(2);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    dragStart_.clear();
    if (event->button() == Qt::LeftButton && mouseGrabberItem()
        && mouseGrabberItem()->type() == JourneyNodeItem::Type) {
        userMoving_ = true;
        for (const std::string &id : selectedNodeIds())
            dragStart_[id] = document_->journey().node(id)->position;
    }
}

void JourneyScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (connectingFrom_) {
        rubberLine_->setPath(
            JourneyConnectionItem::curve(connectingFrom_->anchor(), event->scenePos()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void JourneyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (connectingFrom_) {
        finishConnecting(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    userMoving_ = false;
    if (dragStart_.empty())
        return;
    std::map<std::string, NodePosition> positions;
    for (const auto &[id, start] : dragStart_)
        if (JourneyNodeItem *item = nodeItem(id))
            positions[id] = NodePosition { item->pos().x(), item->pos().y() };
    dragStart_.clear();
    document_->moveNodes(positions, positions.size() == 1 ? tr("Move Step") : tr("Move Steps"));
}

void JourneyScene::finishConnecting(const QPointF &scenePos)
{
    JourneyPortItem *from = connectingFrom_;
    connectingFrom_ = nullptr;
    removeItem(rubberLine_);
    delete rubberLine_;
    rubberLine_ = nullptr;

    JourneyPortItem *target = portAt(scenePos);
    if (!target) {
        JourneyNodeItem *onNode = nullptr;
        for (QGraphicsItem *item : items(scenePos))
            if (item->type() == JourneyNodeItem::Type)
                onNode = static_cast<JourneyNodeItem *>(item);
        if (!onNode)
            return; // let go on empty canvas: nothing to connect
    }
    if (target && !target->isInput()) {
        Q_EMIT connectionRefused(tr("Connect an exit to the input on the left of a step."));
        return;
    }
    JourneyConnection connection;
    connection.fromNode = from->nodeItem()->nodeId();
    connection.fromPort = from->port();
    // A drop on an Entry card (it has no input) is refused with the reason.
    connection.toNode = target ? target->nodeItem()->nodeId() : std::string();
    if (!target)
        for (QGraphicsItem *item : items(scenePos))
            if (item->type() == JourneyNodeItem::Type)
                connection.toNode = static_cast<JourneyNodeItem *>(item)->nodeId();
    if (auto refusal = document_->connectPorts(connection))
        Q_EMIT connectionRefused(*refusal);
    else
        Q_EMIT connectionMade();
}

void JourneyScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, QColor(0xf7, 0xf8, 0xfa));
    // Grid lines every 20 px (only when zoomed in far enough to see them), stronger every
    // 100 px.
    const double scale = painter->worldTransform().m11();
    const double step = scale < 0.6 ? 5 * kGrid : kGrid;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QLineF> minor;
    QVector<QLineF> major;
    for (double x = left; x < rect.right(); x += step)
        (std::fmod(std::abs(x), 5 * kGrid) < 0.5 ? major : minor)
            << QLineF(x, rect.top(), x, rect.bottom());
    for (double y = top; y < rect.bottom(); y += step)
        (std::fmod(std::abs(y), 5 * kGrid) < 0.5 ? major : minor)
            << QLineF(rect.left(), y, rect.right(), y);
    painter->setPen(QPen(QColor(0xec, 0xee, 0xf1), 0));
    painter->drawLines(minor);
    painter->setPen(QPen(QColor(0xdc, 0xdf, 0xe4), 0));
    painter->drawLines(major);
}

} // namespace clientele
