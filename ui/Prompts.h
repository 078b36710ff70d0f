#pragma once

#include <QString>
#include <QUrl>

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

    /// A file name to read; empty when cancelled.
    static QString openFileName(
        QWidget *parent, const QString &title, const QString &folder, const QString &filter);
    /// Opens url with the desktop's handler (a folder in the file manager). While tests
    /// capture URLs, records it in lastOpenedUrl() instead.
    static bool openUrl(const QUrl &url);

    /// For tests: the answer of the next confirm().
    static void setNextConfirmation(bool answer) { nextConfirmation_ = answer; }
    /// For tests: the answer of the next saveFileName() (empty: cancelled).
    static void setNextSaveFileName(const QString &path) { nextFileName_ = path; }

    /// For tests: the answer of the next openFileName() (empty: cancelled).
    static void setNextOpenFileName(const QString &path) { nextOpenFileName_ = path; }
    /// For tests: openUrl() records the URL instead of opening it.
    static void setCaptureOpenedUrls(bool capture) { captureUrls_ = capture; }
    static QUrl lastOpenedUrl() { return lastOpenedUrl_; }

private:
    static inline std::optional<bool> nextConfirmation_;
    static inline std::optional<QString> nextOpenFileName_;
    static inline bool captureUrls_ = false;
    static inline QUrl lastOpenedUrl_;
    static inline std::optional<QString> nextFileName_;
};

} // namespace clientele
