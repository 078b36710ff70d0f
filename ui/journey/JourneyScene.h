#pragma once

#include "journey/Journey.h"
#include "journey/JourneySimulator.h"

#include <QGraphicsScene>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

class QGraphicsPathItem;

namespace clientele {

class JourneyConnectionItem;
class JourneyDocument;
class JourneyNodeItem;
class JourneyPortItem;

/**
 * The canvas's scene: a view of the JourneyDocument. It creates, updates and removes only
 * the items an edit concerns (so a journey of a hundred steps stays smooth), turns mouse
 * gestures into document edits (dragging from an exit to an input connects, moving cards
 * moves nodes), and shows validation problems and simulated counts on the items.
 */
class JourneyScene : public QGraphicsScene {
    Q_OBJECT

public:
    static constexpr double kGrid = 20.0;
    /// The clipboard format of copied steps (JSON: nodes and the connections among them).
    static const QString kClipboardMimeType;

    explicit JourneyScene(JourneyDocument *document, QObject *parent = nullptr);
    ~JourneyScene() override;

    JourneyDocument *document() const { return document_; }
    JourneyNodeItem *nodeItem(const std::string &id) const;
    JourneyConnectionItem *connectionItem(const JourneyConnection &connection) const;
    const std::vector<JourneyConnectionItem *> &connectionItems() const { return connections_; }
    std::vector<std::string> selectedNodeIds() const;
    void selectNodes(const std::vector<std::string> &ids);

    /// Cards snap to the grid while the user drags them.
    bool snapsToGrid() const { return snap_ && userMoving_; }
    void setSnapToGrid(bool snap) { snap_ = snap; }
    static QPointF snapped(const QPointF &point);

    /// Deletes the selected steps (with their connections) and connections.
    void deleteSelection();
    void copySelection() const;
    /// Pastes copied steps with new ids, a little offset; selects them.
    void paste();
    /// Lays the journey out left to right (JourneyLayout), as one undo step.
    void arrange();

    /// Shows the counts of a simulation on the steps and connections; nullopt clears them.
    void showCounts(const std::optional<SimulationResult> &result);
    bool hasCounts() const { return hasCounts_; }

    /// Called by a card whose position changed: its connections follow.
    void nodeItemMoved(JourneyNodeItem *item);

Q_SIGNALS:
    /// A connection could not be drawn; reason says why, for the status line.
    void connectionRefused(const QString &reason);
    /// A connection was drawn.
    void connectionMade();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void rebuild();
    void addNodeItem(const std::string &id);
    void removeNodeItem(const std::string &id);
    void updateNodeItem(const std::string &id);
    void addConnectionItem(const JourneyConnection &connection);
    void removeConnectionItem(const JourneyConnection &connection);
    void updateConnectionPath(JourneyConnectionItem *item) const;
    /// For a link from start to end that would cross steps between its ends: the height
    /// above them all to run along; nullopt when the direct curve is clear.
    std::optional<double> laneAround(const JourneyNodeItem *from, const JourneyNodeItem *to,
        const QPointF &start, const QPointF &end) const;
    void showIssues();
    JourneyPortItem *portAt(const QPointF &scenePos) const;
    void finishConnecting(const QPointF &scenePos);

    JourneyDocument *document_;
    std::unordered_map<std::string, JourneyNodeItem *> nodes_;
    std::vector<JourneyConnectionItem *> connections_;
    bool snap_ = true;
    bool userMoving_ = false;
    bool hasCounts_ = false;
    /// Positions of the selected cards when a drag started.
    std::map<std::string, NodePosition> dragStart_;
    /// While a connection is being dragged out of an exit.
    JourneyPortItem *connectingFrom_ = nullptr;
    QGraphicsPathItem *rubberLine_ = nullptr;
};

} // namespace clientele
