#pragma once

#include "journey/Journey.h"
#include "journey/JourneySimulator.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace clientele {

class JourneyPortItem;
class JourneyScene;

/**
 * A step on the canvas: a card with the kind's colour and icon, the step's label, a line
 * about its config, the input port on the left and the exits on the right with their names.
 * Problems the validator found give it a red outline and a badge; simulated counts show in
 * a strip at its foot. Its position is the node's position in the model (top left corner).
 */
class JourneyNodeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(JourneyNodeItem)

public:
    enum { Type = UserType + 1 };
    static constexpr double kWidth = 200.0;

    JourneyNodeItem(JourneyScene *scene, const JourneyNode &node);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
        QWidget *widget = nullptr) override;

    const std::string &nodeId() const { return node_.id; }
    const JourneyNode &node() const { return node_; }
    /// The node's config (or kind) changed: new texts and exits.
    void setNode(const JourneyNode &node);
    void setIssues(const QStringList &messages);
    bool hasIssues() const { return !issues_.isEmpty(); }
    void setCounts(const std::optional<NodeCounts> &counts);
    const std::optional<NodeCounts> &counts() const { return counts_; }
    /// The lines the counts strip shows (empty without counts).
    const QStringList &countLines() const { return countLines_; }

    JourneyPortItem *inputPort() const { return input_; }
    /// The exit called port, or nullptr.
    JourneyPortItem *outputPort(const std::string &port) const;
    const std::vector<JourneyPortItem *> &outputPorts() const { return outputs_; }
    /// Moves the item to the model's position without treating it as a drag.
    void setModelPosition(const NodePosition &position);

    /// The card's height for a node (without counts).
    static double cardHeight(const JourneyNode &node);
    /// The room a card takes in the automatic layout: with the most counts it can show, so
    /// that a simulation never makes cards overlap.
    static double layoutHeight(const JourneyNode &node);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void rebuildPorts();
    double height() const;

    JourneyScene *scene_;
    JourneyNode node_;
    JourneyPortItem *input_ = nullptr;
    std::vector<JourneyPortItem *> outputs_;
    QStringList issues_;
    std::optional<NodeCounts> counts_;
    /// countLines(), made when the counts or the node change: the size of the card (asked
    /// for on every paint and move) depends on how many there are.
    QStringList countLines_;

    static QStringList makeCountLines(
        const JourneyNode &node, const std::optional<NodeCounts> &counts);
};

} // namespace clientele
