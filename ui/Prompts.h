#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace clientele {

/**
 * The modal questions the Customers area asks (confirmations, file names), behind one
 * seam: a test sets the next answer, and the next question returns it without showing a
 * window (as KeePassXC's MessageBox::setNextAnswer does).
 */
class Prompts {
public:
    /// Asks a yes/no question; acceptLabel names the action ("Split").
    static bool confirm(
        QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel);
    /// A file name to save to; empty when cancelled.
    static QString saveFileName(
        QWidget *parent, const QString &title, const QString &suggested, const QString &filter);

    /// For tests: the answer of the next confirm().
    static void setNextConfirmation(bool answer) { nextConfirmation_ = answer; }
    /// For tests: the answer of the next saveFileName() (empty: cancelled).
    static void setNextSaveFileName(const QString &path) { nextFileName_ = path; }

private:
    static inline std::optional<bool> nextConfirmation_;
    static inline std::optional<QString> nextFileName_;
};

} // namespace clientele
