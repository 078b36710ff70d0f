#pragma once

#include "AppSettings.h"
#include "MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QListWidget>
#include <QTest>
#include <QWidget>

#include <memory>

namespace clientele::test {

/**
 * Saves what a widget shows as build/tests/screenshots/NAME, beside the test binaries, so
 * that a developer can look at what the test saw. Pending layouts run first, as a user
 * would see the window. False when the file cannot be written.
 */
inline bool saveScreenshot(QWidget &widget, const QString &name)
{
    QTest::qWait(50);
    const QString folder
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QDir().mkpath(folder);
    return widget.grab().save(QDir(folder).filePath(name));
}

/// A shown main window on a workspace with the sidebar area named area (e.g. "Customers")
/// chosen; nullptr when the window or the workspace cannot be opened.
inline std::unique_ptr<MainWindow> openArea(
    AppSettings &settings, const QString &path, const QString &area)
{
    auto window = std::make_unique<MainWindow>(settings);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    QString error;
    if (!window->openWorkspace(path, &error))
        return nullptr;
    auto *sidebar = window->findChild<QListWidget *>(QStringLiteral("sidebar"));
    const auto items = sidebar->findItems(area, Qt::MatchExactly);
    if (items.size() != 1)
        return nullptr;
    sidebar->setCurrentItem(items.front());
    return window;
}

} // namespace clientele::test
