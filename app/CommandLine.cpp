#include "CommandLine.h"

#include "demo/DemoStore.h"
#include "export/Audience.h"
#include "export/ExportJob.h"
#include "ingest/ImportJob.h"
#include "ingest/IngestError.h"
#include "journey/JourneyLift.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyTemplates.h"
#include "profile/IdentifierRef.h"
#include "profile/Privacy.h"
#include "profile/ProfileReader.h"
#include "profile/ProfileSearch.h"
#include "profile/ProfileTraits.h"
#include "profile/Rfm.h"
#include "profile/TraitBuilder.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/StoreError.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <exception>
#include <optional>

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

/// Parses a sub-command's arguments; returns the exit code when the command is already done
/// (a usage error: 2, --help: 0), or nothing when it should run.
std::optional<int> parseOrFinish(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    return std::nullopt;
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/// The options every `profile` sub-command takes.
struct ProfileOptions {
    QCommandLineOption workspace { QStringLiteral("workspace"),
        CommandLine::tr("The workspace file."), CommandLine::tr("FILE") };
    QCommandLineOption country { QStringLiteral("country"),
        CommandLine::tr("Country of phone numbers written without a country code (default DE)."),
        CommandLine::tr("CC"), QStringLiteral("DE") };

    void addTo(QCommandLineParser &parser) const
    {
        parser.addHelpOption();
        parser.addOptions({ workspace, country });
    }
};

/// Prints one JSON document on stdout, on one line.
void printJson(const nlohmann::json &document)
{
    out() << QString::fromStdString(document.dump()) << Qt::endl;
}

/// Finds the profile a KIND:VALUE argument names; prints why not and returns nullopt.
std::optional<std::int64_t> findProfile(
    Workspace &workspace, const QString &argument, const QString &country)
{
    try {
        const IdentifierRef ref
            = IdentifierRef::parse(argument.toStdString(), country.toUpper().toStdString());
        ProfileReader reader(workspace.db());
        if (const auto profile = reader.find(ref))
            return profile;
        err() << CommandLine::tr("No shopper has %1 '%2' in this workspace.")
                     .arg(fromStd(ref.kind), fromStd(ref.value))
              << Qt::endl;
    } catch (const std::invalid_argument &error) {
        err() << fromStd(error.what()) << Qt::endl;
    }
    return std::nullopt;
}

/// The options the `segment` sub-commands share.
struct SegmentOptions {
    QCommandLineOption workspace { QStringLiteral("workspace"),
        CommandLine::tr("The workspace file."), CommandLine::tr("FILE") };
    QCommandLineOption name { QStringLiteral("name"), CommandLine::tr("A saved segment's name."),
        CommandLine::tr("NAME") };
    QCommandLineOption file { QStringLiteral("file"),
        CommandLine::tr("A segment definition (JSON, see docs/segment-format.md)."),
        CommandLine::tr("RULE.json") };
    QCommandLineOption asOf { QStringLiteral("as-of"),
        CommandLine::tr("Evaluate as of the end of this day (UTC), using only events up to it."),
        CommandLine::tr("YYYY-MM-DD") };
};

/// Prints a segment's problems, one per line, with where they are.
void printIssues(const SegmentError &error)
{
    err() << CommandLine::tr("The segment is not valid:") << Qt::endl;
    for (const ValidationIssue &issue : error.issues()) {
        err() << QStringLiteral("  ")
              << (issue.path.empty() ? QString() : fromStd(issue.path) + QStringLiteral(": "))
              << fromStd(issue.message) << Qt::endl;
    }
}

/// Reads a definition file; prints why not and returns nullopt.
std::optional<SegmentDefinition> readDefinitionFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << CommandLine::tr("Cannot read the segment %1: %2").arg(path, file.errorString())
              << Qt::endl;
        return std::nullopt;
    }
    try {
        return SegmentDefinition::fromText(file.readAll().toStdString());
    } catch (const SegmentError &error) {
        printIssues(error);
        return std::nullopt;
    }
}

/// The export command's ways of naming an audience; resolveAudience turns them into one.
struct AudienceOptions {
    QCommandLineOption all { QStringLiteral("all"), CommandLine::tr("Every shopper.") };
    QCommandLineOption segment { QStringLiteral("segment"),
        CommandLine::tr("The shoppers of a saved segment (clientele segment list)."),
        CommandLine::tr("NAME") };
    QCommandLineOption profiles { QStringLiteral("profiles"),
        CommandLine::tr("The shoppers whose profile ids the file lists, one per line."),
        CommandLine::tr("IDS.txt") };

    void addTo(QCommandLineParser &parser) const { parser.addOptions({ all, segment, profiles }); }
    /// Whether exactly one audience is named; prints why not.
    bool chosenOnce(const QCommandLineParser &parser) const
    {
        const int chosen = (parser.isSet(all) ? 1 : 0) + (parser.isSet(segment) ? 1 : 0)
            + (parser.isSet(profiles) ? 1 : 0);
        if (chosen == 1)
            return true;
        err() << CommandLine::tr("Choose the shoppers with exactly one of --all, --segment NAME "
                                 "or --profiles IDS.txt.")
              << Qt::endl;
        return false;
    }
};

/// The one place that turns the command line into an Audience. Prints why not and returns
/// nullopt.
std::optional<Audience> resolveAudience(
    const QCommandLineParser &parser, const AudienceOptions &options, Database &db)
{
    if (parser.isSet(options.all))
        return Audience::all();
    if (parser.isSet(options.segment)) {
        const QString name = parser.value(options.segment);
        SegmentStore store(db);
        const auto saved = store.find(name.toStdString());
        if (!saved) {
            err() << CommandLine::tr("There is no saved segment '%1' in this workspace.").arg(name)
                  << Qt::endl;
            return std::nullopt;
        }
        SegmentEvaluator evaluator(db, &store);
        return Audience::profiles(evaluator.ids(saved->definition),
            { { "kind", "segment" }, { "name", saved->name },
                { "definition", saved->definition.toJson() } });
    }
    const QString path = parser.value(options.profiles);
    try {
        return Audience::profiles(Audience::readIdFile(path.toStdString()),
            { { "source", QFileInfo(path).fileName().toStdString() } });
    } catch (const std::exception &error) {
        err() << fromStd(error.what()) << Qt::endl;
        return std::nullopt;
    }
}

/// The definition named by --name or --file; prints why not and returns nullopt.
std::optional<SegmentDefinition> chosenDefinition(
    QCommandLineParser &parser, const SegmentOptions &options, SegmentStore &store)
{
    if (parser.isSet(options.file))
        return readDefinitionFile(parser.value(options.file));
    const QString name = parser.value(options.name);
    if (auto saved = store.find(name.toStdString()))
        return saved->definition;
    err() << CommandLine::tr("There is no saved segment '%1' in this workspace.").arg(name)
          << Qt::endl;
    return std::nullopt;
}

/// --as-of as the end of that day; false (after printing why) when it is not a date.
bool readAsOf(
    QCommandLineParser &parser, const SegmentOptions &options, EvaluationOptions &evaluation)
{
    if (!parser.isSet(options.asOf))
        return true;
    const auto day = parseIsoDate(parser.value(options.asOf).toStdString());
    if (!day) {
        err() << CommandLine::tr("--as-of must be a date like 2026-06-30, not '%1'.")
                     .arg(parser.value(options.asOf))
              << Qt::endl;
        return false;
    }
    evaluation.asOf = *day + kMillisPerDay - 1;
    return true;
}

/// Why shoppers were left out, as the summary names it.
QString suppressionText(const std::string &reason)
{
    if (reason == SuppressionReason::kNotFound)
        return CommandLine::tr("not a profile in this workspace");
    if (reason == SuppressionReason::kNoEmail)
        return CommandLine::tr("no e-mail address");
    if (reason == SuppressionReason::kNoPhone)
        return CommandLine::tr("no valid phone number");
    if (reason == SuppressionReason::kNoIdentifier)
        return CommandLine::tr("no e-mail address or phone number");
    if (reason == SuppressionReason::kNoConsent)
        return CommandLine::tr("never gave consent");
    if (reason == SuppressionReason::kDenied)
        return CommandLine::tr("declined consent");
    if (reason == SuppressionReason::kUnsubscribed)
        return CommandLine::tr("unsubscribed");
    return fromStd(reason);
}

} // namespace

bool CommandLine::isCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    return first == QLatin1String("demo") || first == QLatin1String("import")
        || first == QLatin1String("profile") || first == QLatin1String("segment")
        || first == QLatin1String("export") || first == QLatin1String("journey")
        || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("--version") || first == QLatin1String("help");
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
    return usage();
}

int CommandLine::usage()
{
    out() << tr(
        "Usage: clientele [WORKSPACE]            open the app on a workspace\n"
        "       clientele demo --out FILE [--shoppers N] [--seed S] [--end YYYY-MM-DD]\n"
        "                                         write a demo store workspace\n"
        "       clientele import --workspace FILE INPUT [--mapping MAPPING.json] [--preset NAME]\n"
        "                        [--timezone TZ] [--country CC] [--encoding windows-1252] "
        "[--json]\n"
        "                                         import an events file (CSV, optionally gzip)\n"
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
        "       clientele export --workspace FILE (--all | --segment NAME | --profiles IDS.txt)\n"
        "                        --format generic|klaviyo|mailchimp|customer-match|meta\n"
        "                        [--columns a,b,c] [--code-pattern SAVE10-XXXXXX] [--offer TEXT]\n"
        "                        [--channel email|sms] [--bom] [--delimiter ';'] --out FILE "
        "[--json]\n"
        "                                         write a campaign file (consenting shoppers "
        "only)\n"
        "       clientele journey simulate --workspace FILE (--template cart-recovery | --file "
        "JOURNEY.json)\n"
        "                                  --from YYYY-MM-DD --to YYYY-MM-DD [--json]\n"
        "                                         backtest a journey over past events\n"
        "       clientele journey lift --workspace FILE --campaign NAME [--days N] [--json]\n"
        "                                         treatment against holdout of a past "
        "campaign\n"
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
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the summary as one JSON object on stdout."));
    parser.addOptions({ workspaceOption, mappingOption, presetOption, timezoneOption, countryOption,
        encodingOption, jsonOption });
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("The file to import."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || parser.positionalArguments().size() != 1) {
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

    ImportRequest request;
    request.inputPath = parser.positionalArguments().constFirst().toStdString();
    request.encoding = encoding.toStdString();
    // A mapping makes the file generic; without one, the file must be a known format.
    request.preset = parser.isSet(mappingOption) && !parser.isSet(presetOption)
        ? "generic"
        : parser.value(presetOption).toStdString();
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

    try {
        auto workspace = Workspace::openOrCreate(parser.value(workspaceOption).toStdString());
        StderrProgress progress;
        const ImportSummary summary = ImportJob::run(workspace, request, &progress);
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
        }
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

int CommandLine::runProfile(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("show"))
        return runProfileShow(arguments.mid(1));
    if (action == QLatin1String("search"))
        return runProfileSearch(arguments.mid(1));
    if (action == QLatin1String("erase"))
        return runProfileErase(arguments.mid(1));
    if (action == QLatin1String("export"))
        return runProfileExport(arguments.mid(1));
    if (action == QLatin1String("rebuild-traits"))
        return runProfileRebuildTraits(arguments.mid(1));
    err() << tr("Usage: clientele profile show|search|export|erase|rebuild-traits --workspace "
                "FILE … "
                "(see clientele --help)")
          << Qt::endl;
    return 2;
}

void CommandLine::printTraits(Database &db, std::int64_t profileId)
{
    out() << tr("Traits:") << Qt::endl;
    const auto traits = ProfileTraits::load(db, profileId);
    if (!traits) {
        out() << tr("  not computed yet") << Qt::endl;
        return;
    }
    const auto date = [](const std::optional<Millis> &ts) {
        return ts ? fromStd(formatIsoDate(*ts)) : QStringLiteral("-");
    };
    const auto text = [](const std::string &value) {
        return value.empty() ? QStringLiteral("-") : fromStd(value);
    };
    out() << tr("  orders %1, revenue %2, average order %3, first order %4, last order %5")
                 .arg(traits->orders)
                 .arg(traits->revenue, 0, 'f', 2)
                 .arg(traits->averageOrderValue
                         ? QString::number(*traits->averageOrderValue, 'f', 2)
                         : QStringLiteral("-"),
                     date(traits->firstOrder), date(traits->lastOrder))
          << Qt::endl;
    out() << tr("  RFM %1 (R%2 F%3 M%4), refunds %5")
                 .arg(traits->rfmGroup.empty() ? QStringLiteral("-")
                                               : fromStd(rfmGroupName(traits->rfmGroup)))
                 .arg(traits->rfmRecency.value_or(0))
                 .arg(traits->rfmFrequency.value_or(0))
                 .arg(traits->rfmMonetary.value_or(0))
                 .arg(traits->refunds)
          << Qt::endl;
    out() << tr("  open cart %1 (%2 items, since %3), abandoned carts %4")
                 .arg(traits->cartValue, 0, 'f', 2)
                 .arg(traits->cartItems)
                 .arg(date(traits->cartAbandonedSince))
                 .arg(traits->abandonedCarts)
          << Qt::endl;
    out() << tr("  emails in the last 30 days: %1 received, %2 opened, %3 clicked; last open %4")
                 .arg(traits->emailsReceived30d)
                 .arg(traits->emailsOpened30d)
                 .arg(traits->emailsClicked30d)
                 .arg(date(traits->lastEmailOpen))
          << Qt::endl;
    out() << tr("  favourite category %1, brand %2; channels %3; first seen %4, last seen %5")
                 .arg(text(traits->favouriteCategory), text(traits->favouriteBrand),
                     text(traits->channels), date(traits->firstSeen), date(traits->lastSeen))
          << Qt::endl;
    out() << tr("  loyalty %1 (%2 points), open tickets %3")
                 .arg(text(traits->loyaltyTier))
                 .arg(traits->loyaltyPoints ? QString::number(*traits->loyaltyPoints)
                                            : QStringLiteral("-"))
                 .arg(traits->openTickets)
          << Qt::endl;
}

int CommandLine::runProfileShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows a shopper: attributes, identifiers, consents and "
                                        "the merges that formed the profile."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the profile as one JSON object on stdout."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"),
        tr("The shopper, e.g. email:ana@example.com, phone:+4915112345678, customer_id:17850 or "
           "profile:42."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile show --workspace FILE KIND:VALUE [--json]")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        ProfileReader reader(workspace.db());
        const auto record = reader.load(*profile);
        if (!record)
            return 1;
        if (parser.isSet(jsonOption)) {
            nlohmann::json document = profileRecordJson(*record);
            document["traits"] = storedTraitsJson(workspace.db(), record->id);
            printJson(document);
            return 0;
        }
        out() << tr("Profile %1: %2").arg(record->id).arg(fromStd(record->displayName()))
              << Qt::endl;
        out() << tr("  created %1; country %2, city %3, time zone %4")
                     .arg(fromStd(formatIsoDateTime(record->createdAt)),
                         fromStd(record->country.empty() ? "-" : record->country),
                         fromStd(record->city.empty() ? "-" : record->city),
                         fromStd(record->timezone.empty() ? "-" : record->timezone))
              << Qt::endl;
        out() << tr("Identities:") << Qt::endl;
        for (const ProfileIdentity &identity : record->identities) {
            out() << QStringLiteral("  %1 %2  ")
                         .arg(fromStd(identity.kind), -13)
                         .arg(fromStd(identity.value))
                  << tr("(from %1, first seen %2)")
                         .arg(fromStd(identity.source.empty() ? "?" : identity.source),
                             fromStd(formatIsoDateTime(identity.firstSeen)))
                  << Qt::endl;
        }
        out() << tr("Consents:") << Qt::endl;
        if (record->consents.empty())
            out() << tr("  none recorded") << Qt::endl;
        for (const ProfileConsent &consent : record->consents) {
            out() << QStringLiteral("  %1 %2  ")
                         .arg(fromStd(consent.channel), -6)
                         .arg(fromStd(consent.status), -12)
                  << tr("(from %1, %2)")
                         .arg(fromStd(consent.source.empty() ? "?" : consent.source),
                             fromStd(formatIsoDateTime(consent.ts)))
                  << Qt::endl;
        }
        printTraits(workspace.db(), record->id);
        out() << tr("Merges:") << Qt::endl;
        if (record->merges.empty())
            out() << tr("  none") << Qt::endl;
        for (const ProfileMerge &merge : record->merges) {
            const QString via = merge.identityKind.empty()
                ? QString()
                : tr(" via %1 '%2'").arg(fromStd(merge.identityKind), fromStd(merge.identityValue));
            out() << QStringLiteral("  #%1 %2 ")
                         .arg(merge.id)
                         .arg(fromStd(formatIsoDateTime(merge.ts)))
                  << (merge.action == "split" ? tr("split profile %1 out of %2")
                                                    .arg(merge.mergedProfileId)
                                                    .arg(merge.keptProfileId)
                                              : tr("merged profile %1 into %2")
                                                    .arg(merge.mergedProfileId)
                                                    .arg(merge.keptProfileId))
                  << via << QStringLiteral(": ") << fromStd(merge.reason)
                  << (merge.undoneAt
                             ? tr(" (undone %1)").arg(fromStd(formatIsoDateTime(*merge.undoneAt)))
                             : QString())
                  << Qt::endl;
        }
        if (!record->refusals.empty()) {
            out() << tr("Refused links:") << Qt::endl;
            for (const ProfileRefusal &refusal : record->refusals) {
                out() << QStringLiteral("  %1 %2 '%3': %4")
                             .arg(fromStd(formatIsoDateTime(refusal.ts)),
                                 fromStd(refusal.identityKind), fromStd(refusal.identityValue),
                                 fromStd(refusal.reason))
                      << Qt::endl;
            }
        }
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Could not read the profile: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Finds shoppers whose e-mail, phone, customer id, other identifier or name starts "
           "with TEXT (case does not matter; phones in any spelling)."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        tr("Most shoppers to list (default 20)."), tr("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the results as one JSON array on stdout."));
    parser.addOptions({ limitOption, jsonOption });
    parser.addPositionalArgument(QStringLiteral("TEXT"), tr("The beginning of what to find."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile search --workspace FILE TEXT [--limit N] [--json]")
              << Qt::endl;
        return 2;
    }
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000) {
        err() << tr("--limit must be a whole number from 1 to 1000, not '%1'.")
                     .arg(parser.value(limitOption))
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        ProfileSearch search(workspace.db(), parser.value(common.country).toUpper().toStdString());
        const auto hits
            = search.find(parser.positionalArguments().constFirst().toStdString(), limit);
        if (parser.isSet(jsonOption)) {
            nlohmann::json results = nlohmann::json::array();
            for (const ProfileSearchHit &hit : hits) {
                results.push_back({ { "profile_id", hit.profileId },
                    { "display_name", hit.displayName }, { "email", hit.email },
                    { "phone", hit.phone }, { "matched_kind", hit.matchedKind },
                    { "matched_value", hit.matchedValue } });
            }
            printJson(results);
            return 0;
        }
        if (hits.empty())
            out() << tr("No shopper found.") << Qt::endl;
        for (const ProfileSearchHit &hit : hits) {
            out() << QStringLiteral("%1  %2  %3  %4  (%5: %6)")
                         .arg(hit.profileId, 8)
                         .arg(fromStd(hit.displayName), -24)
                         .arg(fromStd(hit.email), -32)
                         .arg(fromStd(hit.phone), -16)
                         .arg(fromStd(hit.matchedKind), fromStd(hit.matchedValue))
                  << Qt::endl;
        }
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The search failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileErase(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Erases a shopper for good (right to be forgotten): events, identifiers, consents, "
           "traits, merge history and rejected import lines that quote them. Keeps a record of "
           "the erasure without personal data."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption yesOption(
        QStringLiteral("yes"), tr("Confirm: erasing cannot be undone."));
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        tr("Why, e.g. a ticket reference, kept in the erasure record (no personal data)."),
        tr("TEXT"));
    parser.addOptions({ yesOption, reasonOption });
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"), tr("The shopper to erase."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile erase --workspace FILE KIND:VALUE --yes "
                    "[--reason TEXT]")
              << Qt::endl;
        return 2;
    }
    if (!parser.isSet(yesOption)) {
        err() << tr("Erasing a shopper cannot be undone; add --yes to confirm.") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        const ErasureSummary summary
            = Privacy::erase(workspace.db(), *profile, parser.value(reasonOption).toStdString());
        out() << tr("Erased profile %1: %2 events, %3 identifiers, %4 consents, %5 merge records, "
                    "%6 refusals, %7 rejected import lines, %8 other rows (erasure #%9).")
                     .arg(*profile)
                     .arg(summary.events)
                     .arg(summary.identities)
                     .arg(summary.consents)
                     .arg(summary.merges)
                     .arg(summary.refusals)
                     .arg(summary.rejects)
                     .arg(summary.otherRows)
                     .arg(summary.erasureId)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The erasure failed; the workspace is unchanged: %1").arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes everything held about a shopper to one JSON file (right of access)."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption outOption(
        QStringLiteral("out"), tr("The JSON file to write."), tr("FILE.json"));
    parser.addOption(outOption);
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"), tr("The shopper."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || !parser.isSet(outOption)
        || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile export --workspace FILE KIND:VALUE --out FILE.json")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        Privacy::writeAccessExport(workspace.db(), *profile, parser.value(outOption).toStdString());
        out() << tr("Wrote %1 (profile %2).").arg(parser.value(outOption)).arg(*profile)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The export failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileRebuildTraits(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Recomputes every shopper's traits, the RFM score boundaries and the reference time "
           "of the 30/90-day windows (imports refresh only the shoppers they touch)."));
    const ProfileOptions common;
    common.addTo(parser);
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele profile rebuild-traits --workspace FILE") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        QElapsedTimer timer;
        timer.start();
        StderrProgress progress;
        Transaction transaction(workspace.db());
        TraitBuilder::rebuildAll(workspace.db(), &progress);
        refreshQueryStatistics(workspace.db());
        transaction.commit();
        out() << tr("Recomputed the traits of %1 shoppers in %2 s.")
                     .arg(workspace.db().queryInt("SELECT count(*) FROM profile_traits"))
                     .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Recomputing the traits failed; the workspace is unchanged: %1")
                     .arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

int CommandLine::runSegment(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("count"))
        return runSegmentCount(arguments.mid(1));
    if (action == QLatin1String("list"))
        return runSegmentList(arguments.mid(1));
    if (action == QLatin1String("save"))
        return runSegmentSave(arguments.mid(1));
    if (action == QLatin1String("explain"))
        return runSegmentExplain(arguments.mid(1));
    err() << tr("Usage: clientele segment count|list|save|explain --workspace FILE … "
                "(see clientele --help)")
          << Qt::endl;
    return 2;
}

int CommandLine::runSegmentCount(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Counts the shoppers of a segment, saved or in a file."));
    parser.addHelpOption();
    const SegmentOptions options;
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print {\"count\": N, \"ms\": T} on stdout."));
    parser.addOptions({ options.workspace, options.name, options.file, options.asOf, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || parser.isSet(options.name) == parser.isSet(options.file)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele segment count --workspace FILE (--name NAME | --file "
                    "RULE.json) [--as-of YYYY-MM-DD] [--json]")
              << Qt::endl;
        return 2;
    }
    EvaluationOptions evaluation;
    if (!readAsOf(parser, options, evaluation))
        return 2;
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        SegmentStore store(workspace.db());
        const auto definition = chosenDefinition(parser, options, store);
        if (!definition)
            return 1;
        QElapsedTimer timer;
        timer.start();
        SegmentEvaluator evaluator(workspace.db(), &store);
        const std::int64_t count = evaluator.count(*definition, evaluation);
        const qint64 ms = timer.elapsed();
        if (parser.isSet(jsonOption)) {
            printJson({ { "count", count }, { "ms", ms } });
        } else {
            const QLocale c = QLocale::c();
            out() << tr("%1 shoppers match (%2 ms).").arg(c.toString(count)).arg(ms) << Qt::endl;
        }
        return 0;
    } catch (const SegmentError &error) {
        printIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The count failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runSegmentList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the saved segments, one name per line."));
    parser.addHelpOption();
    const SegmentOptions options;
    parser.addOption(options.workspace);
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele segment list --workspace FILE") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        for (const SavedSegment &segment : SegmentStore(workspace.db()).list())
            out() << fromStd(segment.name) << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Could not list the segments: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runSegmentSave(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Saves a segment definition under a name (replacing "
                                        "the definition of a segment of that name)."));
    parser.addHelpOption();
    const SegmentOptions options;
    const QCommandLineOption descriptionOption(
        QStringLiteral("description"), tr("What the segment is for."), tr("TEXT"));
    parser.addOptions({ options.workspace, options.name, options.file, descriptionOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || !parser.isSet(options.name)
        || !parser.isSet(options.file) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele segment save --workspace FILE --name NAME --file RULE.json "
                    "[--description TEXT]")
              << Qt::endl;
        return 2;
    }
    const auto definition = readDefinitionFile(parser.value(options.file));
    if (!definition)
        return 1;
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        SegmentStore store(workspace.db());
        const std::int64_t id = store.save(parser.value(options.name).toStdString(), *definition,
            parser.value(descriptionOption).toStdString(), nowMillis());
        out() << tr("Saved segment '%1' (#%2).").arg(parser.value(options.name)).arg(id)
              << Qt::endl;
        return 0;
    } catch (const SegmentError &error) {
        printIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("Could not save the segment: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runSegmentExplain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows, condition by condition, why a shopper is in a "
                                        "segment or not, with the values compared."));
    parser.addHelpOption();
    const SegmentOptions options;
    const QCommandLineOption countryOption(QStringLiteral("country"),
        tr("Country of phone numbers written without a country code (default DE)."), tr("CC"),
        QStringLiteral("DE"));
    parser.addOptions(
        { options.workspace, options.name, options.file, options.asOf, countryOption });
    parser.addPositionalArgument(
        QStringLiteral("KIND:VALUE"), tr("The shopper, e.g. email:ana@example.com or profile:42."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(options.workspace) || parser.isSet(options.name) == parser.isSet(options.file)
        || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele segment explain --workspace FILE (--name NAME | --file "
                    "RULE.json) KIND:VALUE [--as-of YYYY-MM-DD]")
              << Qt::endl;
        return 2;
    }
    EvaluationOptions evaluation;
    if (!readAsOf(parser, options, evaluation))
        return 2;
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        SegmentStore store(workspace.db());
        const auto definition = chosenDefinition(parser, options, store);
        if (!definition)
            return 1;
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(countryOption));
        if (!profile)
            return 1;
        SegmentEvaluator evaluator(workspace.db(), &store);
        const SegmentExplanation explanation = evaluator.explain(*definition, *profile, evaluation);
        out() << (explanation.member ? tr("Profile %1 is in the segment (as of %2).")
                                     : tr("Profile %1 is not in the segment (as of %2)."))
                     .arg(*profile)
                     .arg(fromStd(formatIsoDateTime(explanation.now)))
              << Qt::endl;
        out() << fromStd(explanation.text());
        return 0;
    } catch (const SegmentError &error) {
        printIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The explanation failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a campaign file for email tools or ad platforms, with FILE.manifest.json "
           "beside it. Shoppers without consent for the channel are always left out; the "
           "summary says how many and why."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const AudienceOptions audienceOptions;
    const QCommandLineOption formatOption(QStringLiteral("format"),
        tr("generic (CSV with the chosen columns), klaviyo, mailchimp, customer-match (Google "
           "Ads, hashed) or meta (custom audience, hashed)."),
        tr("FORMAT"));
    const QCommandLineOption columnsOption(QStringLiteral("columns"),
        tr("Comma-separated columns (generic: the file's columns; klaviyo and mailchimp: extra "
           "columns), e.g. email,first_name,orders,last_order."),
        tr("a,b,c"));
    const QCommandLineOption codeOption(QStringLiteral("code-pattern"),
        tr("A unique discount code per shopper; each X becomes a random character."),
        tr("SAVE10-XXXXXX"));
    const QCommandLineOption offerOption(
        QStringLiteral("offer"), tr("Offer text for an Offer column."), tr("TEXT"));
    const QCommandLineOption channelOption(QStringLiteral("channel"),
        tr("generic only: email (default) or sms, whose consent and address are required."),
        tr("CHANNEL"), QStringLiteral("email"));
    const QCommandLineOption bomOption(
        QStringLiteral("bom"), tr("Start the file with a UTF-8 byte order mark (for Excel)."));
    const QCommandLineOption delimiterOption(QStringLiteral("delimiter"),
        tr("Field delimiter: ',' (default) or ';'."), tr("CHAR"), QStringLiteral(","));
    const QCommandLineOption outOption(
        QStringLiteral("out"), tr("The CSV file to write (must not exist yet)."), tr("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the summary as one JSON object on stdout."));
    parser.addOption(workspaceOption);
    audienceOptions.addTo(parser);
    parser.addOptions({ formatOption, columnsOption, codeOption, offerOption, channelOption,
        bomOption, delimiterOption, outOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || !parser.isSet(formatOption) || !parser.isSet(outOption)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele export --workspace FILE (--all | --profiles IDS.txt) "
                    "--format FORMAT --out FILE")
              << Qt::endl;
        return 2;
    }

    ExportRequest request;
    const auto format = parseExportFormat(parser.value(formatOption).toStdString());
    if (!format) {
        err() << tr("--format must be generic, klaviyo, mailchimp, customer-match or meta, not "
                    "'%1'.")
                     .arg(parser.value(formatOption))
              << Qt::endl;
        return 2;
    }
    request.format = *format;
    const QString channel = parser.value(channelOption).toLower();
    if (channel == QLatin1String("sms")) {
        if (request.format != ExportFormat::Generic) {
            err() << tr("--channel sms is for the generic format only.") << Qt::endl;
            return 2;
        }
        request.channel = ExportChannel::Sms;
    } else if (channel != QLatin1String("email")) {
        err() << tr("--channel must be email or sms, not '%1'.").arg(channel) << Qt::endl;
        return 2;
    }
    const QString delimiter = parser.value(delimiterOption);
    if (delimiter == QLatin1String(";") || delimiter == QLatin1String("semicolon")) {
        request.delimiter = ';';
    } else if (delimiter == QLatin1String(",") || delimiter == QLatin1String("comma")) {
        request.delimiter = ',';
    } else {
        err() << tr("--delimiter must be ',' or ';', not '%1'.").arg(delimiter) << Qt::endl;
        return 2;
    }
    if (parser.isSet(columnsOption)) {
        for (const QString &name : parser.value(columnsOption).split(QLatin1Char(','))) {
            if (!name.trimmed().isEmpty())
                request.columns.push_back(name.trimmed().toStdString());
        }
    }
    request.codePattern = parser.value(codeOption).toStdString();
    request.offer = parser.value(offerOption).toStdString();
    request.byteOrderMark = parser.isSet(bomOption);
    request.outputPath = parser.value(outOption).toStdString();
    if (!audienceOptions.chosenOnce(parser))
        return 2;

    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        const auto audience = resolveAudience(parser, audienceOptions, workspace.db());
        if (!audience)
            return 1;
        request.audience = *audience;
        QElapsedTimer timer;
        timer.start();
        StderrProgress progress;
        const ExportSummary summary = ExportJob::run(workspace.db(), request, &progress);
        if (parser.isSet(jsonOption)) {
            nlohmann::json suppressed = nlohmann::json::object();
            for (const auto &[reason, count] : summary.suppressed)
                suppressed[reason] = count;
            printJson({ { "export_id", summary.exportId }, { "file", summary.path },
                { "manifest", summary.manifestPath },
                { "format", exportFormatName(request.format) },
                { "channel", exportChannelName(exportChannelOf(request.format, request.channel)) },
                { "audience", summary.audience }, { "exported", summary.exported },
                { "suppressed", suppressed }, { "suppressed_total", summary.suppressedTotal() },
                { "discount_codes", summary.codes }, { "bytes", summary.bytes },
                { "sha256", summary.sha256 } });
            return 0;
        }
        const QLocale c = QLocale::c();
        out() << tr("Exported %1 of %2 shoppers to %3 in %4 s (manifest: %5).")
                     .arg(c.toString(summary.exported), c.toString(summary.audience),
                         fromStd(summary.path),
                         c.toString(static_cast<double>(timer.elapsed()) / 1000.0, 'f', 1),
                         fromStd(summary.manifestPath))
              << Qt::endl;
        out() << tr("Left out %1 without consent or address for %2:")
                     .arg(c.toString(summary.suppressedTotal()),
                         fromStd(std::string(
                             exportChannelName(exportChannelOf(request.format, request.channel)))))
              << Qt::endl;
        for (const auto &[reason, count] : summary.suppressed) {
            out()
                << QStringLiteral("  %1  %2").arg(c.toString(count), 9).arg(suppressionText(reason))
                << Qt::endl;
        }
        if (summary.codes > 0)
            out() << tr("Issued %1 discount codes.").arg(c.toString(summary.codes)) << Qt::endl;
        return 0;
    } catch (const Cancelled &) {
        err() << tr("The export was cancelled; nothing was written.") << Qt::endl;
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The export failed; nothing was written: %1").arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

} // namespace clientele

namespace clientele {

int CommandLine::runJourney(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("simulate"))
        return runJourneySimulate(arguments.mid(1));
    if (action == QLatin1String("lift"))
        return runJourneyLift(arguments.mid(1));
    err() << tr("Usage: clientele journey simulate|lift --workspace FILE … (see clientele --help)")
          << Qt::endl;
    return 2;
}

int CommandLine::runJourneySimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Backtests a journey: replays the shoppers of a past window through it and counts "
           "who would have got which message, and who ordered anyway."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption templateOption(
        QStringLiteral("template"), tr("A ready-made journey: cart-recovery."), tr("NAME"));
    const QCommandLineOption fileOption(
        QStringLiteral("file"), tr("A journey file (docs/journey-format.md)."), tr("JOURNEY.json"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), tr("First day shoppers may enter (UTC)."), tr("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"),
        tr("Last day shoppers may enter (UTC, inclusive)."), tr("YYYY-MM-DD"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the result as one JSON object on stdout."));
    parser.addOptions(
        { workspaceOption, templateOption, fileOption, fromOption, toOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || parser.isSet(templateOption) == parser.isSet(fileOption)
        || !parser.isSet(fromOption) || !parser.isSet(toOption)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey simulate --workspace FILE (--template cart-recovery "
                    "| --file JOURNEY.json) --from YYYY-MM-DD --to YYYY-MM-DD [--json]")
              << Qt::endl;
        return 2;
    }
    const auto from = parseIsoDate(parser.value(fromOption).toStdString());
    const auto to = parseIsoDate(parser.value(toOption).toStdString());
    if (!from || !to || *to < *from) {
        err() << tr("--from and --to must be dates (YYYY-MM-DD), --from not after --to.")
              << Qt::endl;
        return 2;
    }
    try {
        std::optional<Journey> journey;
        if (parser.isSet(templateOption)) {
            journey = JourneyTemplates::byKey(parser.value(templateOption).toStdString());
            if (!journey) {
                err() << tr("Unknown template %1 (known: cart-recovery).")
                             .arg(parser.value(templateOption))
                      << Qt::endl;
                return 2;
            }
        } else {
            QFile file(parser.value(fileOption));
            if (!file.open(QIODevice::ReadOnly)) {
                err() << tr("Cannot read the journey %1: %2")
                             .arg(parser.value(fileOption), file.errorString())
                      << Qt::endl;
                return 1;
            }
            journey = Journey::fromText(file.readAll().toStdString());
        }
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        QElapsedTimer timer;
        timer.start();
        StderrProgress progress;
        const SimulationResult result = JourneySimulator::simulate(workspace.db(), *journey, *from,
            *to + kMillisPerDay, parser.isSet(jsonOption) ? nullptr : &progress);
        const qint64 ms = timer.elapsed();
        if (parser.isSet(jsonOption)) {
            nlohmann::json document = result.toJson();
            document["ms"] = ms;
            printJson(document);
            return 0;
        }
        const QLocale c = QLocale::c();
        out() << tr("%1 entries (%2 shoppers), %3 converted, revenue %4, offer cost %5, "
                    "%6 still in the journey (%7 ms).")
                     .arg(c.toString(result.entered), c.toString(result.shoppers),
                         c.toString(result.conversions), c.toString(result.revenue, 'f', 2),
                         c.toString(result.offerCost, 'f', 2), c.toString(result.stillInJourney))
                     .arg(ms)
              << Qt::endl;
        out() << tr("Steps:") << Qt::endl;
        for (const JourneyNode &node : journey->nodes) {
            const NodeCounts &counts = result.nodes.at(node.id);
            out() << tr("  %1: %2 reached, %3 converted after, %4 left at goal, %5 still waiting")
                         .arg(fromStd(node.displayName()), c.toString(counts.arrived),
                             c.toString(counts.conversions), c.toString(counts.leftAtGoal),
                             c.toString(counts.waitingAtEnd));
            if (node.kind == JourneyKind::kSend)
                out() << tr("; %1 sent, %2 skipped for consent, %3 over the cap, %4 held out, "
                            "%5 postponed by quiet hours")
                             .arg(c.toString(counts.sent), c.toString(counts.skippedConsent),
                                 c.toString(counts.skippedCap), c.toString(counts.heldOut),
                                 c.toString(counts.postponed));
            out() << Qt::endl;
        }
        out() << tr("Connections:") << Qt::endl;
        for (const ConnectionCounts &counts : result.connections)
            out() << tr("  %1 (%2) → %3: %4 shoppers, %5 converted")
                         .arg(fromStd(counts.connection.fromNode),
                             fromStd(counts.connection.fromPort), fromStd(counts.connection.toNode),
                             c.toString(counts.shoppers), c.toString(counts.conversions))
                  << Qt::endl;
        out() << tr("Channels:") << Qt::endl;
        for (const auto &[channel, counts] : result.channels)
            out() << tr("  %1: %2 sent, %3 skipped for consent, %4 over the cap, %5 held out")
                         .arg(fromStd(channel), c.toString(counts.sent),
                             c.toString(counts.skippedConsent), c.toString(counts.skippedCap),
                             c.toString(counts.heldOut))
                  << Qt::endl;
        return 0;
    } catch (const JourneyInvalid &error) {
        err() << tr("The journey is not valid:") << Qt::endl;
        for (const JourneyIssue &issue : error.issues())
            err() << QStringLiteral("  ") << fromStd(issue.message) << Qt::endl;
        return 1;
    } catch (const SegmentError &error) {
        printIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The simulation failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runJourneyLift(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compares the orders after a past campaign's messages with its holdout group, with "
           "a 95 % confidence interval for the difference."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption campaignOption(
        QStringLiteral("campaign"), tr("The campaign name (props.campaign)."), tr("NAME"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
        tr("An order within this many days after the message counts (default 3)."), tr("N"),
        QStringLiteral("3"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the result as one JSON object on stdout."));
    parser.addOptions({ workspaceOption, campaignOption, daysOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    bool daysOk = false;
    const int days = parser.value(daysOption).toInt(&daysOk);
    if (!parser.isSet(workspaceOption) || !parser.isSet(campaignOption) || !daysOk || days < 1
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey lift --workspace FILE --campaign NAME [--days N] "
                    "[--json]")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        const LiftReport report = JourneyLift::measure(
            workspace.db(), parser.value(campaignOption).toStdString(), days);
        if (parser.isSet(jsonOption)) {
            printJson(report.toJson());
            return 0;
        }
        if (report.treatment.sends + report.holdout.sends == 0) {
            err() << tr("No messages of the campaign %1 were found.")
                         .arg(parser.value(campaignOption))
                  << Qt::endl;
            return 1;
        }
        const QLocale c = QLocale::c();
        auto percent = [&](double rate) { return c.toString(rate * 100.0, 'f', 1); };
        out() << tr("Treatment: %1 of %2 ordered within %3 days (%4 %).")
                     .arg(c.toString(report.treatment.conversions),
                         c.toString(report.treatment.sends), QString::number(days),
                         percent(report.treatment.rate()))
              << Qt::endl;
        out() << tr("Holdout: %1 of %2 ordered within %3 days (%4 %).")
                     .arg(c.toString(report.holdout.conversions), c.toString(report.holdout.sends),
                         QString::number(days), percent(report.holdout.rate()))
              << Qt::endl;
        out() << tr("Difference: %1 percentage points (95 % interval %2 to %3)%4")
                     .arg(percent(report.difference), percent(report.ciLow), percent(report.ciHigh),
                         report.significant() ? tr(": the campaign made a difference.")
                                              : tr(": not distinguishable from chance."))
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The lift report failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

} // namespace clientele
