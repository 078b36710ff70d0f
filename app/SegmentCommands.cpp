#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>

#include <exception>
#include <optional>

namespace clientele {

using namespace cli;

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
    if (action == QLatin1String("overlap"))
        return runSegmentOverlap(arguments.mid(1));
    err() << tr("Usage: clientele segment count|list|save|explain|overlap --workspace FILE … "
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

int CommandLine::runSegmentOverlap(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Counts the shoppers in the first segment only, in both "
                                        "and in the second only."));
    parser.addHelpOption();
    const SegmentOptions options;
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        tr("Print {\"a_only\": N, \"both\": N, \"b_only\": N, \"a\": N, \"b\": N, \"ms\": T} "
           "on stdout."));
    parser.addOptions({ options.workspace, options.name, options.asOf, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    const QStringList names = parser.values(options.name);
    if (!parser.isSet(options.workspace) || names.size() != 2
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele segment overlap --workspace FILE --name A --name B "
                    "[--as-of YYYY-MM-DD] [--json]")
              << Qt::endl;
        return 2;
    }
    EvaluationOptions evaluation;
    if (!readAsOf(parser, options, evaluation))
        return 2;
    try {
        auto workspace = Workspace::open(parser.value(options.workspace).toStdString());
        SegmentStore store(workspace.db());
        std::vector<SegmentDefinition> definitions;
        for (const QString &name : names) {
            const auto saved = store.find(name.toStdString());
            if (!saved) {
                err() << tr("There is no saved segment '%1' in this workspace.").arg(name)
                      << Qt::endl;
                return 1;
            }
            definitions.push_back(saved->definition);
        }
        QElapsedTimer timer;
        timer.start();
        SegmentEvaluator evaluator(workspace.db(), &store);
        const OverlapCounts counts
            = evaluator.overlap(definitions.at(0), definitions.at(1), evaluation);
        const qint64 ms = timer.elapsed();
        if (parser.isSet(jsonOption)) {
            printJson({ { "a_only", counts.aOnly() }, { "both", counts.both },
                { "b_only", counts.bOnly() }, { "a", counts.a }, { "b", counts.b }, { "ms", ms } });
        } else {
            const QLocale c = QLocale::c();
            out() << tr("Only in '%1': %2").arg(names.at(0), c.toString(counts.aOnly())) << Qt::endl
                  << tr("In both: %1").arg(c.toString(counts.both)) << Qt::endl
                  << tr("Only in '%1': %2").arg(names.at(1), c.toString(counts.bOnly())) << Qt::endl
                  << tr("('%1': %2, '%3': %4; %5 ms)")
                         .arg(names.at(0), c.toString(counts.a), names.at(1), c.toString(counts.b))
                         .arg(ms)
                  << Qt::endl;
        }
        return 0;
    } catch (const SegmentError &error) {
        printIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The overlap failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

} // namespace clientele
