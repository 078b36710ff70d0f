#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "journey/JourneyLift.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyStore.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>

#include <exception>
#include <optional>

namespace clientele {

using namespace cli;

int CommandLine::runJourney(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("simulate"))
        return runJourneySimulate(arguments.mid(1));
    if (action == QLatin1String("lift"))
        return runJourneyLift(arguments.mid(1));
    if (action == QLatin1String("save"))
        return runJourneySave(arguments.mid(1));
    if (action == QLatin1String("list"))
        return runJourneyList(arguments.mid(1));
    if (action == QLatin1String("on") || action == QLatin1String("off")
        || action == QLatin1String("remove"))
        return runJourneySwitch(arguments.mid(1));
    if (action == QLatin1String("outbox"))
        return runJourneyOutbox(arguments.mid(1));
    err() << tr("Usage: clientele journey simulate|save|list|on|off|remove|outbox|lift "
                "--workspace FILE … (see clientele --help)")
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
    const QCommandLineOption nameOption(
        QStringLiteral("name"), tr("A journey saved in the workspace."), tr("NAME"));
    const QCommandLineOption fromOption(
        QStringLiteral("from"), tr("First day shoppers may enter (UTC)."), tr("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"),
        tr("Last day shoppers may enter (UTC, inclusive)."), tr("YYYY-MM-DD"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the result as one JSON object on stdout."));
    parser.addOptions({ workspaceOption, templateOption, fileOption, nameOption, fromOption,
        toOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    const int sources = int(parser.isSet(templateOption)) + int(parser.isSet(fileOption))
        + int(parser.isSet(nameOption));
    if (!parser.isSet(workspaceOption) || sources != 1 || !parser.isSet(fromOption)
        || !parser.isSet(toOption) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey simulate --workspace FILE (--name NAME | --template "
                    "cart-recovery | --file JOURNEY.json) --from YYYY-MM-DD --to YYYY-MM-DD "
                    "[--json]")
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
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        std::optional<Journey> journey;
        if (parser.isSet(nameOption)) {
            journey = JourneyStore(workspace.db()).load(parser.value(nameOption).toStdString());
            if (!journey) {
                err() << tr("There is no journey called %1 in this workspace.")
                             .arg(parser.value(nameOption))
                      << Qt::endl;
                return 1;
            }
        } else {
            int exitCode = 0;
            journey = readJourney(
                parser.value(templateOption), parser.value(fileOption), exitCode);
            if (!journey)
                return exitCode;
        }
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
        printJourneyIssues(error);
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
    const QCommandLineOption nameOption(QStringLiteral("name"),
        tr("A journey that runs in the workspace: its message arm against its holdout."),
        tr("NAME"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
        tr("An order within this many days after the message counts (default 3)."), tr("N"),
        QStringLiteral("3"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the result as one JSON object on stdout."));
    parser.addOptions({ workspaceOption, campaignOption, nameOption, daysOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    bool daysOk = false;
    const int days = parser.value(daysOption).toInt(&daysOk);
    if (!parser.isSet(workspaceOption) || parser.isSet(campaignOption) == parser.isSet(nameOption)
        || !daysOk || days < 1 || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey lift --workspace FILE (--campaign NAME [--days N] | "
                    "--name JOURNEY) [--json]")
              << Qt::endl;
        return 2;
    }
    const bool running = parser.isSet(nameOption);
    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        const LiftReport report = running
            ? JourneyLift::measureJourney(workspace.db(), parser.value(nameOption).toStdString())
            : JourneyLift::measure(
                workspace.db(), parser.value(campaignOption).toStdString(), days);
        if (parser.isSet(jsonOption)) {
            printJson(report.toJson());
            return 0;
        }
        if (report.treatment.sends + report.holdout.sends == 0) {
            err() << (running ? tr("The journey %1 has sent no messages and held back nobody yet.")
                              : tr("No messages of the campaign %1 were found."))
                         .arg(parser.value(running ? nameOption : campaignOption))
                  << Qt::endl;
            return 1;
        }
        const QLocale c = QLocale::c();
        auto percent = [&](double rate) { return c.toString(rate * 100.0, 'f', 1); };
        if (running) {
            out() << tr("Sent messages: %1 of %2 entries reached the goal while in the journey "
                        "(%3 %).")
                         .arg(c.toString(report.treatment.conversions),
                             c.toString(report.treatment.sends), percent(report.treatment.rate()))
                  << Qt::endl;
            out() << tr("Holdout: %1 of %2 entries reached the goal (%3 %).")
                         .arg(c.toString(report.holdout.conversions),
                             c.toString(report.holdout.sends), percent(report.holdout.rate()))
                  << Qt::endl;
        } else {
            out() << tr("Treatment: %1 of %2 ordered within %3 days (%4 %).")
                         .arg(c.toString(report.treatment.conversions),
                             c.toString(report.treatment.sends), QString::number(days),
                             percent(report.treatment.rate()))
                  << Qt::endl;
            out() << tr("Holdout: %1 of %2 ordered within %3 days (%4 %).")
                         .arg(c.toString(report.holdout.conversions),
                             c.toString(report.holdout.sends), QString::number(days),
                             percent(report.holdout.rate()))
                  << Qt::endl;
        }
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
