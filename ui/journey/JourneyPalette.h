#pragma once

#include <QListWidget>

#include <optional>
#include <string>

class QMimeData;

namespace clientele {

/**
 * The step kinds a marketer drags onto the canvas (Entry, Wait, … Exit). A drag carries the
 * kind as kMimeType; JourneyView creates the step where it is dropped. Activating an item
 * (double-click, Enter) asks for the step at the middle of the canvas instead.
 */
class JourneyPalette : public QListWidget {
    Q_OBJECT

public:
    static const QString kMimeType;

    explicit JourneyPalette(QWidget *parent = nullptr);

    /// The drag data for a kind (what a drag from the palette carries).
    static QMimeData *mimeDataFor(const std::string &kind);
    /// The kind a drag carries, or nullopt when it is not a palette drag.
    static std::optional<std::string> kindOf(const QMimeData *mime);
    /// The kind of a row.
    std::string kindAt(int row) const;
    /// What dragging row carries (the same data a drag from the list starts with); the
    /// caller owns it.
    QMimeData *dragData(int row) const;

Q_SIGNALS:
    void stepRequested(const QString &kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace clientele
