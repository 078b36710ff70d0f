#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace clientele {

/**
 * The app's persistent settings with their keys and defaults in one place. Takes the
 * QSettings to use, so tests pass a temporary file instead of touching the user's.
 */
class AppSettings {
public:
    explicit AppSettings(QSettings &settings);

    static constexpr int kMaxRecentWorkspaces = 8;

    QStringList recentWorkspaces() const;
    /// Puts path first in the recent list (once), trimming the list to its maximum.
    void addRecentWorkspace(const QString &path);
    void clearRecentWorkspaces();

    QString lastWorkspace() const;

    /// The customer list's visible columns by key ("name", "revenue" …); a default set
    /// until the user chooses.
    QStringList customerColumns() const;
    void setCustomerColumns(const QStringList &keys);
    static QStringList defaultCustomerColumns();

    /// Where the first start puts the demo workspace: the user's data folder.
    static QString defaultWorkspacePath();

private:
    QSettings &settings_;
};

} // namespace clientele
