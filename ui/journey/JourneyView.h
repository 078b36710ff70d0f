#pragma once

#include <QGraphicsView>

#include <string>

namespace clientele {

class JourneyScene;

/**
 * The canvas's view: zoom (Ctrl+wheel, zoomIn/zoomOut/fit), pan (drag with the middle or
 * right button, or with the left one while Space is held, or the scroll bars), rubber-band
 * selection with the left button, and drops
 * from the JourneyPalette, which create a step with a default config where they land.
 */
class JourneyView : public QGraphicsView {
    Q_OBJECT

public:
    explicit JourneyView(JourneyScene *scene, QWidget *parent = nullptr);

    JourneyScene *journeyScene() const { return scene_; }
    void zoomIn();
    void zoomOut();
    /// Shows the whole journey (never enlarged beyond 100 %).
    void fitJourney();
    /// How a journey first appears: whole when it fits at a readable zoom, else at that
    /// zoom from its start (the entry is on the left).
    void showStart();
    double zoom() const;
    /// Adds a step of kind with its top left corner at scenePos (snapped to the grid).
    void addStep(const std::string &kind, const QPointF &scenePos);
    /// The scrollable area: the journey with room around it to drag cards into. Follows
    /// the journey after each change.
    void updateSceneRect();
    /// Adds a step at the middle of what the view shows (palette double-click).
    void addStepAtCentre(const std::string &kind);

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    void setZoom(double zoom);

    JourneyScene *scene_;
    bool panning_ = false;
    /// Space is held: the left button pans.
    bool spaceHeld_ = false;
    QPoint panFrom_;
};

} // namespace clientele
