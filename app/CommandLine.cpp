#include "CommandLine.h"

#include "demo/DemoStore.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTextStream>

#include <exception>

namespace clientele {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// Progress on stderr, rewritten in place when stderr is a terminal.
class StderrProgress : public ProgressSink {
public:
    bool report(const Progress &progress) override
    {
        if (progress.total > 0 && progress.done != progress.total && timer_.isValid()
            && timer_.elapsed() < 500)
            return true;
        timer_.start();
        err() << QString::fromStdString(progress.stage) << QStringLiteral(": ") << progress.done;
        if (progress.total > 0)
            err() << QStringLiteral(" / ") << progress.total;
        err() << Qt::endl;
        return true;
    }

private:
    QElapsedTimer timer_;
};

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return first == QLatin1String("demo") || first == QLatin1String("--help")
        || first == QLatin1String("-h") || first == QLatin1String("--version")
        || first == QLatin1String("help");
}

int CommandLine::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version")) {
        out() << QStringLiteral("clientele %1").arg(QStringLiteral(CLIENTELE_VERSION)) << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("demo"))
        return runDemo(arguments.mid(1));
    return usage();
}

int CommandLine::usage()
{
    out() << tr("Usage: clientele [WORKSPACE]            open the app on a workspace\n"
                "       clientele demo --out FILE [--shoppers N] [--seed S] [--end YYYY-MM-DD]\n"
                "                                         write a demo store workspace\n"
                "       clientele --help | --version\n");
    return 0;
}

int CommandLine::runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Writes a demo store workspace: a running and outdoor "
                                        "shop with a year of shopper history."));
    parser.addHelpOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), tr("The workspace file to write (must not exist)."), tr("FILE"));
    const QCommandLineOption shoppersOption(QStringLiteral("shoppers"),
        tr("Number of shoppers (default 20000)."), tr("N"), QStringLiteral("20000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        tr("Random seed; the same seed and end date give the same workspace (default 42)."),
        tr("S"), QStringLiteral("42"));
    const QCommandLineOption endOption(QStringLiteral("end"),
        tr("The day after the last day of history (default: today)."), tr("YYYY-MM-DD"));
    parser.addOptions({ outOption, shoppersOption, seedOption, endOption });
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        return 2;
    }
    if (!parser.isSet(outOption)) {
        err() << tr("Missing --out FILE: where to write the demo workspace.") << Qt::endl;
        return 2;
    }

    DemoOptions options;
    bool ok = false;
    options.shoppers = parser.value(shoppersOption).toInt(&ok);
    if (!ok || options.shoppers < 1 || options.shoppers > 10'000'000) {
        err() << tr("--shoppers must be a whole number from 1 to 10000000, not '%1'.")
                     .arg(parser.value(shoppersOption))
              << Qt::endl;
        return 2;
    }
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        err() << tr("--seed must be a non-negative whole number, not '%1'.")
                     .arg(parser.value(seedOption))
              << Qt::endl;
        return 2;
    }
    if (parser.isSet(endOption)) {
        const auto end = parseIsoDate(parser.value(endOption).toStdString());
        if (!end) {
            err() << tr("--end must be a date like 2026-11-25, not '%1'.")
                         .arg(parser.value(endOption))
                  << Qt::endl;
            return 2;
        }
        options.end = *end;
    } else {
        options.end = startOfDay(nowMillis());
    }

    const QString path = parser.value(outOption);
    QElapsedTimer timer;
    timer.start();
    try {
        StderrProgress progress;
        const DemoSummary summary
            = DemoStore::writeWorkspace(path.toStdString(), options, &progress);
        const QLocale c = QLocale::c();
        out() << tr("Wrote %1: %2 shoppers (%3 known), %4 products, %5 events, %6 orders in %7 s.")
                     .arg(path, c.toString(summary.profiles), c.toString(summary.knownProfiles),
                         c.toString(summary.products), c.toString(summary.events),
                         c.toString(summary.orders), c.toString(timer.elapsed() / 1000.0, 'f', 1))
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Could not write the demo workspace: %1")
                     .arg(QString::fromStdString(error.what()))
              << Qt::endl;
        return 1;
    }
}

} // namespace clientele
