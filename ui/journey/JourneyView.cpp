#include "JourneyView.h"

#include "JourneyDocument.h"
#include "JourneyKinds.h"
#include "JourneyNodeItem.h"
#include "JourneyPalette.h"
#include "JourneyScene.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 2.5;
/// Below this, the cards' texts and counts are too small to read.
constexpr double kReadableZoom = 0.8;

} // namespace

JourneyView::JourneyView(JourneyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , scene_(scene)
{
    setObjectName(QStringLiteral("journeyCanvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setAcceptDrops(true);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    // Cards cache themselves; the view repaints only the regions that changed and keeps the
    // grid background cached while nothing scrolls.
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setCacheMode(QGraphicsView::CacheBackground);
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
    updateSceneRect();
    connect(scene_->document(), &JourneyDocument::changed, this, &JourneyView::updateSceneRect);
}

void JourneyView::updateSceneRect()
{
    // Room around the journey so that cards can be dragged past its current edges.
    const QRectF journey = scene_->itemsBoundingRect();
    const QRectF area = journey.isEmpty() ? QRectF(-1000, -1000, 2000, 2000)
                                          : journey.adjusted(-1500, -1000, 1500, 1000);
    setSceneRect(area);
}

double JourneyView::zoom() const
{
    return transform().m11();
}

void JourneyView::setZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const double factor = zoom / this->zoom();
    if (std::abs(factor - 1.0) < 1e-9)
        return;
    scale(factor, factor);
    Q_EMIT zoomChanged(this->zoom());
}

void JourneyView::zoomIn()
{
    setZoom(zoom() * 1.25);
}

void JourneyView::zoomOut()
{
    setZoom(zoom() / 1.25);
}

void JourneyView::fitJourney()
{
    const QRectF bounds = scene_->itemsBoundingRect();
    if (bounds.isEmpty()) {
        setZoom(1.0);
        centerOn(0, 0);
        return;
    }
    const QRectF padded = bounds.adjusted(-30, -30, 30, 30);
    const double fit
        = std::min(viewport()->width() / padded.width(), viewport()->height() / padded.height());
    setZoom(std::min(1.0, fit));
    centerOn(padded.center());
}

void JourneyView::showStart()
{
    fitJourney();
    if (zoom() >= kReadableZoom)
        return;
    setZoom(kReadableZoom);
    const QRectF bounds = scene_->itemsBoundingRect();
    const double visibleWidth = viewport()->width() / zoom();
    centerOn(bounds.left() - 20 + visibleWidth / 2, bounds.center().y());
}

void JourneyView::addStep(const std::string &kind, const QPointF &scenePos)
{
    JourneyDocument *document = scene_->document();
    if (!document->isOpen())
        return;
    JourneyNode node;
    node.id = document->freeId(kind);
    node.kind = kind;
    node.config = JourneyKinds::defaultConfig(kind);
    const QPointF at = JourneyScene::snapped(scenePos);
    node.position = NodePosition { at.x(), at.y() };
    document->addNodes({ node }, {}, tr("Add %1").arg(JourneyKinds::label(kind)));
    scene_->selectNodes({ node.id });
}

void JourneyView::addStepAtCentre(const std::string &kind)
{
    const QPointF centre = mapToScene(viewport()->rect().center());
    addStep(kind, centre - QPointF(JourneyNodeItem::kWidth / 2, 40));
}

void JourneyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            setZoom(zoom() * std::pow(1.25, delta / 120.0));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void JourneyView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && spaceHeld_)) {
        panning_ = true;
        panFrom_ = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void JourneyView::mouseMoveEvent(QMouseEvent *event)
{
    if (panning_) {
        const QPoint delta = event->position().toPoint() - panFrom_;
        panFrom_ = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void JourneyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (panning_) {
        panning_ = false;
        if (spaceHeld_)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void JourneyView::keyPressEvent(QKeyEvent *event)
{
    // Space held: the left button pans instead of drawing a selection band.
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void JourneyView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void JourneyView::dragEnterEvent(QDragEnterEvent *event)
{
    if (JourneyPalette::kindOf(event->mimeData()) && scene_->document()->isOpen())
        event->acceptProposedAction();
    else
        event->ignore();
}

void JourneyView::dragMoveEvent(QDragMoveEvent *event)
{
    if (JourneyPalette::kindOf(event->mimeData()) && scene_->document()->isOpen())
        event->acceptProposedAction();
    else
        event->ignore();
}

void JourneyView::dropEvent(QDropEvent *event)
{
    const auto kind = JourneyPalette::kindOf(event->mimeData());
    if (!kind || !scene_->document()->isOpen()) {
        event->ignore();
        return;
    }
    addStep(*kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

} // namespace clientele
