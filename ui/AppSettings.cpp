#include "AppSettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace clientele {

namespace {

const QString kRecentKey = QStringLiteral("workspaces/recent");
const QString kCustomerColumnsKey = QStringLiteral("customers/columns");

} // namespace

AppSettings::AppSettings(QSettings &settings)
    : settings_(settings)
{
}

QStringList AppSettings::recentWorkspaces() const
{
    return settings_.value(kRecentKey).toStringList();
}

void AppSettings::addRecentWorkspace(const QString &path)
{
    const QString absolute = QDir(path).absolutePath();
    QStringList recent = recentWorkspaces();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentWorkspaces)
        recent.removeLast();
    settings_.setValue(kRecentKey, recent);
}

void AppSettings::clearRecentWorkspaces()
{
    settings_.remove(kRecentKey);
}

QString AppSettings::lastWorkspace() const
{
    const QStringList recent = recentWorkspaces();
    return recent.isEmpty() ? QString() : recent.first();
}

QStringList AppSettings::customerColumns() const
{
    if (!settings_.contains(kCustomerColumnsKey))
        return defaultCustomerColumns();
    return settings_.value(kCustomerColumnsKey).toStringList();
}

void AppSettings::setCustomerColumns(const QStringList &keys)
{
    settings_.setValue(kCustomerColumnsKey, keys);
}

QStringList AppSettings::defaultCustomerColumns()
{
    return { QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("country"),
        QStringLiteral("orders"), QStringLiteral("revenue"), QStringLiteral("last_order"),
        QStringLiteral("rfm_group"), QStringLiteral("loyalty_tier") };
}

QString AppSettings::defaultWorkspacePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("demo-store.clientele"));
}

} // namespace clientele
