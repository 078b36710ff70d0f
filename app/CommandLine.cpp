#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "demo/DemoStore.h"
#include "export/ExportJob.h"
#include "ingest/ImportJob.h"
#include "journey/JourneySimulator.h"
#include "predict/Predictions.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <exception>
#include <optional>

namespace clientele {

using namespace cli;

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return first == QLatin1String("demo") || first == QLatin1String("import")
        || first == QLatin1String("profile") || first == QLatin1String("segment")
        || first == QLatin1String("export") || first == QLatin1String("journey")
        || first == QLatin1String("predict") || first == QLatin1String("--help")
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
    if (command == QLatin1String("import"))
        return runImport(arguments.mid(1));
    if (command == QLatin1String("profile"))
        return runProfile(arguments.mid(1));
    if (command == QLatin1String("segment"))
        return runSegment(arguments.mid(1));
    if (command == QLatin1String("export"))
        return runExport(arguments.mid(1));
    if (command == QLatin1String("journey"))
        return runJourney(arguments.mid(1));
    if (command == QLatin1String("predict"))
        return runPredict(arguments.mid(1));
    return usage();
}

int CommandLine::usage()
{
    out() << tr(
        "Usage: clientele [WORKSPACE]            open the app on a workspace\n"
        "       clientele demo --out FILE [--shoppers N] [--seed S] [--end YYYY-MM-DD]\n"
        "                                         write a demo store workspace\n"
        "       clientele import --workspace FILE INPUT [--mapping MAPPING.json | --guess-mapping]\n"
        "                        [--preset NAME] [--timezone TZ] [--country CC]\n"
        "                        [--encoding windows-1252] [--json]\n"
        "                                         import an events file (CSV, optionally gzip)\n"
        "       clientele import --print-mapping INPUT\n"
        "                                         print the mapping guessed from a file's header\n"
        "       clientele profile show --workspace FILE KIND:VALUE [--json]\n"
        "                                         show a shopper (e.g. email:ana@example.com)\n"
        "       clientele profile search --workspace FILE TEXT [--limit N] [--json]\n"
        "                                         find shoppers by identifier or name prefix\n"
        "       clientele profile export --workspace FILE KIND:VALUE --out FILE.json\n"
        "                                         write everything held about a shopper\n"
        "       clientele profile erase --workspace FILE KIND:VALUE --yes [--reason TEXT]\n"
        "                                         erase a shopper for good\n"
        "       clientele profile rebuild-traits --workspace FILE\n"
        "                                         recompute every shopper's traits\n"
        "       clientele segment count --workspace FILE (--name NAME | --file RULE.json)\n"
        "                               [--as-of YYYY-MM-DD] [--json]\n"
        "                                         count the shoppers of a segment\n"
        "       clientele segment list --workspace FILE\n"
        "                                         list the saved segments\n"
        "       clientele segment save --workspace FILE --name NAME --file RULE.json\n"
        "                              [--description TEXT]\n"
        "                                         save a segment (docs/segment-format.md)\n"
        "       clientele segment explain --workspace FILE (--name NAME | --file RULE.json)\n"
        "                                 KIND:VALUE [--as-of YYYY-MM-DD]\n"
        "                                         why a shopper is in a segment or not\n"
        "       clientele segment overlap --workspace FILE --name A --name B\n"
        "                                 [--as-of YYYY-MM-DD] [--json]\n"
        "                                         shoppers in A only, in both, in B only\n"
        "       clientele export --workspace FILE (--all | --segment NAME | --profiles IDS.txt |\n"
        "                        --journey NAME (--step NODE | --outbox CHANNEL))\n"
        "                        --format generic|klaviyo|mailchimp|customer-match|meta\n"
        "                        [--columns a,b,c] [--code-pattern SAVE10-XXXXXX] [--offer TEXT]\n"
        "                        [--channel email|sms] [--bom] [--delimiter ';'] --out FILE "
        "[--json]\n"
        "                                         write a campaign file (consenting shoppers "
        "only)\n"
        "       clientele journey simulate --workspace FILE (--name NAME | --template "
        "cart-recovery |\n"
        "                                  --file JOURNEY.json) --from YYYY-MM-DD --to YYYY-MM-DD "
        "[--json]\n"
        "                                         backtest a journey over past events\n"
        "       clientele journey save --workspace FILE (--file JOURNEY.json | --template "
        "cart-recovery)\n"
        "                              [--name NAME]   save a journey in the workspace\n"
        "       clientele journey list --workspace FILE [--json]\n"
        "                                         saved journeys, on or off, with their counts\n"
        "       clientele journey on|off|remove --workspace FILE --name NAME\n"
        "                                         run a journey with each import, stop it, "
        "delete it\n"
        "       clientele journey outbox --workspace FILE --name NAME [--channel C] [--limit N] "
        "[--json]\n"
        "                                         the messages a running journey scheduled\n"
        "       clientele journey lift --workspace FILE (--campaign NAME [--days N] | --name "
        "NAME) [--json]\n"
        "                                         treatment against holdout of a past "
        "campaign or a running journey\n"
        "       clientele predict fit --workspace FILE [--calibration-end YYYY-MM-DD]\n"
        "                             [--time-unit day|week] [--discount-rate RATE] [--json]\n"
        "                                         fit lifetime value, churn and next-order "
        "models\n"
        "       clientele predict validate --workspace FILE [--calibration-end DATE]\n"
        "                                  [--holdout-end DATE] [--time-unit day|week] "
        "[--json]\n"
        "                                         compare predictions with what happened "
        "after a date\n"
        "       clientele predict show --workspace FILE KIND:VALUE [--json]\n"
        "                                         one shopper's predictions\n"
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
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
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

int CommandLine::runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Imports an events file into a workspace. Every row is "
                                        "imported, counted as a duplicate, or rejected with its "
                                        "line number and reason."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
        tr("The workspace file (created when it does not exist)."), tr("FILE"));
    const QCommandLineOption mappingOption(QStringLiteral("mapping"),
        tr("How the file's columns become events (a JSON file; see docs/import-mapping.md)."),
        tr("MAPPING.json"));
    const QCommandLineOption timezoneOption(QStringLiteral("timezone"),
        tr("Time zone of timestamps that have no offset, e.g. Europe/Berlin."), tr("TZ"));
    const QCommandLineOption countryOption(QStringLiteral("country"),
        tr("Country of phone numbers written without a country code, e.g. DE."), tr("CC"));
    const QCommandLineOption encodingOption(QStringLiteral("encoding"),
        tr("Text encoding of the file: utf-8 (default) or windows-1252."), tr("ENCODING"),
        QStringLiteral("utf-8"));
    const QCommandLineOption presetOption(QStringLiteral("preset"),
        tr("A known export format (online-retail, shopify-orders, shopify-customers, catalog "
           "for a product catalog, segment for Segment JSON Lines), or auto (default) to "
           "recognise it from the header or from JSON Lines content; a file that is not a "
           "known format needs --mapping."),
        tr("NAME"), QStringLiteral("auto"));
    const QCommandLineOption guessMappingOption(QStringLiteral("guess-mapping"),
        tr("Map the columns by their names, as the import wizard guesses them (e.g. Email, "
           "Order Date, Total), instead of a --mapping file."));
    const QCommandLineOption printMappingOption(QStringLiteral("print-mapping"),
        tr("Print the mapping guessed from INPUT's header as JSON (to check, edit and pass to "
           "--mapping) and import nothing; needs no --workspace."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the summary as one JSON object on stdout."));
    parser.addOptions({ workspaceOption, mappingOption, guessMappingOption, printMappingOption,
        presetOption, timezoneOption, countryOption, encodingOption, jsonOption });
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("The file to import."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    const bool printMapping = parser.isSet(printMappingOption);
    if ((!printMapping && !parser.isSet(workspaceOption))
        || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele import --workspace FILE INPUT [--mapping MAPPING.json]")
              << Qt::endl;
        return 2;
    }
    const QString encoding = parser.value(encodingOption).toLower();
    if (encoding != QLatin1String("utf-8") && encoding != QLatin1String("windows-1252")) {
        err() << tr("--encoding must be utf-8 or windows-1252, not '%1'.").arg(encoding)
              << Qt::endl;
        return 2;
    }

    if (parser.isSet(mappingOption) && (parser.isSet(guessMappingOption) || printMapping)) {
        err() << tr("--mapping cannot be combined with --guess-mapping or --print-mapping.")
              << Qt::endl;
        return 2;
    }

    ImportRequest request;
    request.inputPath = parser.positionalArguments().constFirst().toStdString();
    request.encoding = encoding.toStdString();
    // A mapping makes the file generic; without one, the file must be a known format.
    const bool guess = parser.isSet(guessMappingOption) || printMapping;
    request.preset = (parser.isSet(mappingOption) || guess) && !parser.isSet(presetOption)
        ? "generic"
        : parser.value(presetOption).toStdString();
    if (guess) {
        try {
            if (ImportJob::isJsonLines(request.inputPath)) {
                err() << tr("%1 is JSON Lines (Segment messages): it is imported without a "
                            "mapping.")
                             .arg(parser.positionalArguments().constFirst())
                      << Qt::endl;
                return 1;
            }
            request.mapping = ImportMapping::guessFromHeader(
                ImportJob::csvHeader(request.inputPath, request.encoding));
        } catch (const std::exception &error) {
            err() << tr("Cannot read the header of %1: %2")
                         .arg(parser.positionalArguments().constFirst(),
                             QString::fromStdString(error.what()))
                  << Qt::endl;
            return 1;
        }
    }
    if (parser.isSet(mappingOption)) {
        QFile mappingFile(parser.value(mappingOption));
        if (!mappingFile.open(QIODevice::ReadOnly)) {
            err() << tr("Cannot read the mapping %1: %2")
                         .arg(mappingFile.fileName(), mappingFile.errorString())
                  << Qt::endl;
            return 1;
        }
        try {
            request.mapping = ImportMapping::fromJson(
                nlohmann::json::parse(mappingFile.readAll().toStdString()));
        } catch (const std::exception &error) {
            err() << tr("The mapping %1 cannot be used: %2")
                         .arg(mappingFile.fileName(), QString::fromStdString(error.what()))
                  << Qt::endl;
            return 1;
        }
    }
    if (parser.isSet(timezoneOption))
        request.mapping.timezone = parser.value(timezoneOption).toStdString();
    if (parser.isSet(countryOption))
        request.mapping.country = parser.value(countryOption).toUpper().toStdString();
    if (printMapping) {
        out() << QString::fromStdString(request.mapping.toJson().dump(2)) << Qt::endl;
        // What the guess leaves open, so that the printed mapping can be completed.
        std::vector<std::string> header;
        for (const ColumnMapping &column : request.mapping.columns)
            header.push_back(column.column);
        for (const std::string &problem : request.mapping.problems(header))
            err() << tr("Still to do before importing: %1").arg(QString::fromStdString(problem))
                  << Qt::endl;
        return 0;
    }

    try {
        auto workspace = Workspace::openOrCreate(parser.value(workspaceOption).toStdString());
        StderrProgress progress;
        const ImportSummary summary = ImportJob::run(workspace, request, &progress);
        // The predictions follow the orders: refitted when this import changed them. The
        // import itself is done either way.
        std::optional<predict::FittedModel> refitted;
        QString refitError;
        try {
            refitted = predict::Predictions::refreshAfterImport(workspace.db(), &progress);
        } catch (const std::exception &error) {
            refitError = QString::fromStdString(error.what());
        }
        if (parser.isSet(jsonOption)) {
            const QJsonObject json {
                { QStringLiteral("import_id"), static_cast<qint64>(summary.importId) },
                { QStringLiteral("rows_read"), static_cast<qint64>(summary.rowsRead) },
                { QStringLiteral("imported"), static_cast<qint64>(summary.imported) },
                { QStringLiteral("duplicates"), static_cast<qint64>(summary.duplicates) },
                { QStringLiteral("rejected"), static_cast<qint64>(summary.rejected) },
                { QStringLiteral("profiles_created"),
                    static_cast<qint64>(summary.profilesCreated) },
                { QStringLiteral("merges"), static_cast<qint64>(summary.merges) },
                { QStringLiteral("merges_refused"), static_cast<qint64>(summary.mergesRefused) },
                { QStringLiteral("identifiers_rejected"),
                    static_cast<qint64>(summary.identifiersRejected) },
                { QStringLiteral("journey_entries"), static_cast<qint64>(summary.journeyEntries) },
                { QStringLiteral("journey_messages"),
                    static_cast<qint64>(summary.journeyMessages) },
                { QStringLiteral("predictions_refitted"), refitted.has_value() },
            };
            out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))
                  << Qt::endl;
        } else {
            const QLocale c = QLocale::c();
            out() << tr("Read %1 rows: %2 imported, %3 duplicates, %4 rejected. %5 new shoppers, "
                        "%6 merges.")
                         .arg(c.toString(summary.rowsRead), c.toString(summary.imported),
                             c.toString(summary.duplicates), c.toString(summary.rejected),
                             c.toString(summary.profilesCreated), c.toString(summary.merges))
                  << Qt::endl;
            if (summary.journeyEntries > 0 || summary.journeyMessages > 0)
                out() << tr("Running journeys: %1 shoppers entered, %2 messages scheduled in the "
                            "outbox.")
                             .arg(c.toString(summary.journeyEntries),
                                 c.toString(summary.journeyMessages))
                      << Qt::endl;
            if (refitted)
                out()
                    << tr("Predictions refitted on %1 buyers.").arg(c.toString(refitted->customers))
                    << Qt::endl;
        }
        if (!refitError.isEmpty())
            err() << tr("The import is complete, but the predictions could not be refitted: %1")
                         .arg(refitError)
                  << Qt::endl;
        return 0;
    } catch (const Cancelled &) {
        err() << tr("The import was cancelled; the workspace is unchanged.") << Qt::endl;
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The import failed; the workspace is unchanged: %1")
                     .arg(QString::fromStdString(error.what()))
              << Qt::endl;
        return 1;
    }
}

} // namespace clientele
