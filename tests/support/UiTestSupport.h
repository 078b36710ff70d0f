#pragma once

#include "AppSettings.h"
#include "MainWindow.h"

#include "common/Time.h"
#include "demo/DemoStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

/**
 * The demo workspace the UI tests share (3,000 shoppers, seed 5, history up to 25 November
 * 2026), at path: a copy of the one the ctest fixture ui_demo builds once per run
 * (CLIENTELE_UI_DEMO), or, when a test runs on its own without it, written here the same
 * way. False when it cannot be made.
 */
inline bool writeUiDemo(const QString &path)
{
#ifdef CLIENTELE_UI_DEMO
    const QString shared = QStringLiteral(CLIENTELE_UI_DEMO);
    if (QFile::exists(shared) && QFile::copy(shared, path)) {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return true;
    }
#endif
    DemoOptions options;
    options.shoppers = 3000;
    options.seed = 5;
    options.end = *parseIsoDate("2026-11-25");
    try {
        DemoStore::writeWorkspace(path.toStdString(), options);
    } catch (const std::exception &) {
        return false;
    }
    return true;
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
