#pragma once

#include <QGraphicsEllipseItem>

#include <string>

namespace clientele {

class JourneyNodeItem;

/**
 * A port of a node on the canvas: the one input on the left, or an exit on the right.
 * Dragging from an exit to an input draws a connection (JourneyScene handles the drag).
 */
class JourneyPortItem : public QGraphicsEllipseItem {
public:
    enum { Type = UserType + 2 };
    static constexpr double kRadius = 6.0;

    JourneyPortItem(JourneyNodeItem *node, std::string port, bool input);

    int type() const override { return Type; }
    JourneyNodeItem *nodeItem() const { return node_; }
    const std::string &port() const { return port_; }
    bool isInput() const { return input_; }
    /// The port's centre in scene coordinates (where connections attach).
    QPointF anchor() const { return scenePos(); }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    JourneyNodeItem *node_;
    std::string port_;
    bool input_;
};

} // namespace clientele
