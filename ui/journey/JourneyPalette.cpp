#include "JourneyPalette.h"

#include "JourneyKinds.h"

#include <QMimeData>

namespace clientele {

const QString JourneyPalette::kMimeType = QStringLiteral("application/x-clientele-journey-kind");

JourneyPalette::JourneyPalette(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("journeyPalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(22, 22));
    setSpacing(2);
    for (const std::string &kind : JourneyKinds::all()) {
        auto *item = new QListWidgetItem(JourneyKinds::icon(kind), JourneyKinds::label(kind), this);
        item->setData(Qt::UserRole, QString::fromStdString(kind));
        item->setToolTip(tr("%1. Drag onto the canvas.").arg(JourneyKinds::description(kind)));
    }
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT stepRequested(item->data(Qt::UserRole).toString());
    });
}

QMimeData *JourneyPalette::mimeDataFor(const std::string &kind)
{
    auto *mime = new QMimeData;
    mime->setData(kMimeType, QByteArray::fromStdString(kind));
    return mime;
}

std::optional<std::string> JourneyPalette::kindOf(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(kMimeType))
        return std::nullopt;
    const std::string kind = mime->data(kMimeType).toStdString();
    for (const std::string &known : JourneyKinds::all())
        if (known == kind)
            return kind;
    return std::nullopt;
}

std::string JourneyPalette::kindAt(int row) const
{
    const QListWidgetItem *entry = item(row);
    return entry ? entry->data(Qt::UserRole).toString().toStdString() : std::string();
}

QMimeData *JourneyPalette::dragData(int row) const
{
    QListWidgetItem *entry = item(row);
    return entry ? mimeData({ entry }) : nullptr;
}

QStringList JourneyPalette::mimeTypes() const
{
    return { kMimeType };
}

QMimeData *JourneyPalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    return mimeDataFor(items.front()->data(Qt::UserRole).toString().toStdString());
}

} // namespace clientele
