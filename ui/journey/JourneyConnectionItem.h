#pragma once

#include "journey/Journey.h"

#include <QGraphicsPathItem>
#include <QSizeF>
#include <QString>

#include <optional>

namespace clientele {

/**
 * A connection on the canvas: a curve from an exit's port to the next step's input, with
 * the number of shoppers who went along it after a simulation.
 */
class JourneyConnectionItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 3 };

    explicit JourneyConnectionItem(const JourneyConnection &connection);

    int type() const override { return Type; }
    const JourneyConnection &connection() const { return connection_; }
    /// The curve between two scene points (exit → input); with a lane, it runs along that
    /// height in between (around the steps it passes).
    void setEnds(const QPointF &from, const QPointF &to, std::optional<double> lane = {});
    void setShoppers(std::optional<std::int64_t> shoppers);
    std::optional<std::int64_t> shoppers() const { return shoppers_; }
    /// The text of the count label (empty without counts).
    QString label() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
        QWidget *widget = nullptr) override;

    /// The curve the canvas draws between two points (also while dragging a new one).
    static QPainterPath curve(
        const QPointF &from, const QPointF &to, std::optional<double> lane = {});

private:
    QRectF labelRect() const;

    JourneyConnection connection_;
    std::optional<std::int64_t> shoppers_;
    QString label_; ///< label(), made by setShoppers
    QSizeF labelSize_; ///< the label's box, made by setShoppers
    QPointF start_;
};

} // namespace clientele
