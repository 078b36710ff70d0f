#include "FieldPicker.h"

#include "SegmentText.h"

#include "segment/FieldRegistry.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace clientele {

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;

const FieldGroup kGroups[] = { FieldGroup::Profile, FieldGroup::Orders, FieldGroup::Cart,
    FieldGroup::Engagement, FieldGroup::Rfm, FieldGroup::Predictions, FieldGroup::Behaviour,
    FieldGroup::Consent };

/// Entries that are not plain traits, by the group they are listed under.
QList<QString> specialEntries(FieldGroup group)
{
    switch (group) {
    case FieldGroup::Profile:
        return { QStringLiteral("segment") };
    case FieldGroup::Rfm:
        return { QStringLiteral("rfm") };
    case FieldGroup::Behaviour:
        return { QStringLiteral("event"), QStringLiteral("sequence") };
    case FieldGroup::Consent:
        return { QStringLiteral("consent:email"), QStringLiteral("consent:sms"),
            QStringLiteral("consent:push") };
    default:
        break;
    }
    return {};
}

} // namespace

QString FieldPickerPopup::entryLabel(const QString &entry)
{
    if (entry == QLatin1String("event"))
        return tr("Did or did not do an event…");
    if (entry == QLatin1String("sequence"))
        return tr("Did one event, then (not) another…");
    if (entry == QLatin1String("rfm"))
        return tr("In RFM group…");
    if (entry == QLatin1String("segment"))
        return tr("In another saved segment…");
    if (entry.startsWith(QLatin1String("consent:")))
        return tr("May be contacted by %1")
            .arg(SegmentText::consentChannelLabel(entry.mid(8).toStdString()));
    if (entry.startsWith(QLatin1String("trait:"))) {
        if (const FieldInfo *info = FieldRegistry::standard().trait(entry.mid(6).toStdString()))
            return SegmentText::fieldLabel(*info);
    }
    return tr("Choose…");
}

FieldPickerPopup::FieldPickerPopup(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("fieldPickerPopup"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("fieldSearch"));
    search_->setPlaceholderText(tr("Search fields…"));
    search_->setClearButtonEnabled(true);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("fieldList"));
    tree_->setHeaderHidden(true);
    tree_->setRootIsDecorated(false);
    layout->addWidget(search_);
    layout->addWidget(tree_);

    const FieldRegistry &registry = FieldRegistry::standard();
    for (FieldGroup group : kGroups) {
        auto *heading = new QTreeWidgetItem(tree_, { SegmentText::groupLabel(group) });
        heading->setFlags(Qt::ItemIsEnabled);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        QStringList entries = specialEntries(group);
        for (const FieldInfo &field : registry.traits()) {
            if (field.group == group)
                entries << QStringLiteral("trait:%1").arg(QString::fromStdString(field.key));
        }
        for (const QString &entry : entries) {
            auto *item = new QTreeWidgetItem(heading, { entryLabel(entry) });
            item->setData(0, kEntryRole, entry);
        }
    }
    tree_->expandAll();
    resize(320, 420);

    connect(search_, &QLineEdit::textChanged, this, &FieldPickerPopup::filter);
    connect(search_, &QLineEdit::returnPressed, this, &FieldPickerPopup::pickFirstVisible);
    connect(tree_, &QTreeWidget::itemActivated, this, &FieldPickerPopup::itemActivated);
    connect(tree_, &QTreeWidget::itemClicked, this, &FieldPickerPopup::itemActivated);
}

void FieldPickerPopup::filter(const QString &text)
{
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem *heading = tree_->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < heading->childCount(); ++i) {
            QTreeWidgetItem *item = heading->child(i);
            const bool shown = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                || heading->text(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!shown);
            any = any || shown;
        }
        heading->setHidden(!any);
    }
}

void FieldPickerPopup::pickFirstVisible()
{
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem *heading = tree_->topLevelItem(g);
        for (int i = 0; i < heading->childCount(); ++i) {
            if (!heading->child(i)->isHidden() && !heading->isHidden()) {
                itemActivated(heading->child(i));
                return;
            }
        }
    }
}

void FieldPickerPopup::itemActivated(QTreeWidgetItem *item)
{
    const QString entry = item ? item->data(0, kEntryRole).toString() : QString();
    if (entry.isEmpty())
        return;
    close();
    Q_EMIT picked(entry);
}

FieldPickerButton::FieldPickerButton(QWidget *parent)
    : QPushButton(parent)
{
    setObjectName(QStringLiteral("fieldButton"));
    setToolTip(tr("Choose what this condition tests"));
    connect(this, &QPushButton::clicked, this, &FieldPickerButton::openPopup);
}

void FieldPickerButton::setEntry(const QString &entry)
{
    entry_ = entry;
    // Behaviour rows carry their own words ("did … then did not …"): a short name is enough.
    QString label = FieldPickerPopup::entryLabel(entry);
    if (entry == QLatin1String("event"))
        label = tr("Behaviour");
    else if (entry == QLatin1String("sequence"))
        label = tr("Sequence");
    else if (entry == QLatin1String("segment"))
        label = tr("Segment");
    setText(label + QStringLiteral(" ▾"));
}

void FieldPickerButton::openPopup()
{
    popup_ = new FieldPickerPopup(this);
    connect(popup_, &FieldPickerPopup::picked, this, &FieldPickerButton::entryPicked);
    popup_->move(mapToGlobal(QPoint(0, height())));
    popup_->show();
    popup_->searchField()->setFocus();
}

} // namespace clientele
