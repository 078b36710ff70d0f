#include "AppSettings.h"
#include "CommandLine.h"
#include "MainWindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace {

/// Follows the system language: Clientele's own strings and Qt's (dialog buttons …).
void installTranslations(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(
            QLocale(), QStringLiteral("clientele"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Clientele"));
    QCoreApplication::setApplicationName(QStringLiteral("Clientele"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIENTELE_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (clientele::CommandLine::isCommand(arguments)) {
        // Headless: no display needed, so the CLI works over ssh and in scheduled jobs.
        QCoreApplication app(argc, argv);
        describeApplication();
        installTranslations(app);
        return clientele::CommandLine::run(arguments);
    }

    QApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setDesktopFileName(QStringLiteral("io.clientele.Clientele"));
    installTranslations(app);

    QSettings settings;
    clientele::AppSettings appSettings(settings);
    clientele::MainWindow window(appSettings);
    window.show();

    QString error;
    if (!window.openStartupWorkspace(arguments.value(1), &error))
        QMessageBox::warning(&window, QObject::tr("Open Workspace"), error);
    return app.exec();
}
