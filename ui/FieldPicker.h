#pragma once

#include <QFrame>
#include <QPushButton>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace clientele {

/**
 * What a condition tests, chosen from a searchable list grouped like the field registry
 * (Profile, Orders, Cart, Engagement, RFM, Behaviour, Consent). Entries are keys:
 * "trait:revenue", "event", "sequence", "rfm", "consent:email".
 */
class FieldPickerPopup : public QFrame {
    Q_OBJECT

public:
    explicit FieldPickerPopup(QWidget *parent = nullptr);

    QLineEdit *searchField() const { return search_; }
    QTreeWidget *list() const { return tree_; }
    /// The label an entry key is shown with ("Revenue").
    static QString entryLabel(const QString &entry);

Q_SIGNALS:
    void picked(const QString &entry);

private:
    void filter(const QString &text);
    void pickFirstVisible();
    void itemActivated(QTreeWidgetItem *item);

    QLineEdit *search_ = nullptr;
    QTreeWidget *tree_ = nullptr;
};

/** A button showing the chosen field; clicking it opens a FieldPickerPopup under it. */
class FieldPickerButton : public QPushButton {
    Q_OBJECT

public:
    explicit FieldPickerButton(QWidget *parent = nullptr);
    void setEntry(const QString &entry);
    QString entry() const { return entry_; }
    /// The open popup, if any (tests).
    FieldPickerPopup *popup() const { return popup_; }

Q_SIGNALS:
    void entryPicked(const QString &entry);

private:
    void openPopup();

    QString entry_;
    FieldPickerPopup *popup_ = nullptr;
};

} // namespace clientele
