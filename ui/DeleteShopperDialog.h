#pragma once

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace clientele {

/**
 * Confirms the erasure of a shopper: says what goes, and asks the user to type DELETE
 * (or the shopper's email) and a reason such as a ticket reference before the Delete
 * button works. Tests answer it through setNextAnswer().
 */
class DeleteShopperDialog : public QDialog {
    Q_OBJECT

public:
    DeleteShopperDialog(
        const QString &displayName, const QString &email, QWidget *parent = nullptr);

    /// The reason the user gave, once accepted.
    QString reason() const;
    /// Whether what was typed confirms (DELETE or the email, case-insensitively).
    bool isConfirmed() const;

    /// Shows the dialog; the reason when the user confirmed, nullopt when cancelled.
    static std::optional<QString> ask(
        QWidget *parent, const QString &displayName, const QString &email);
    /// For tests: what the next ask() returns without showing (nullopt: cancelled).
    static void setNextAnswer(std::optional<QString> reason);

private:
    void updateButton();

    QString email_;
    QLineEdit *confirmation_ = nullptr;
    QLineEdit *reason_ = nullptr;
    QPushButton *deleteButton_ = nullptr;
    static inline bool hasNextAnswer_ = false;
    static inline std::optional<QString> nextAnswer_;
};

} // namespace clientele
