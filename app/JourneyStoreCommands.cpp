#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "journey/JourneyOutbox.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyStore.h"
#include "journey/JourneyValidator.h"
#include "store/Workspace.h"

#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QLocale>

#include <exception>
#include <optional>

namespace clientele {

using namespace cli;

namespace {

QString onOff(bool active)
{
    return active ? CommandLine::tr("on") : CommandLine::tr("off");
}

} // namespace

int CommandLine::runJourneySave(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Saves a journey in the workspace (a new one, or a new version of one with the same "
           "name). A journey that is on only accepts a valid new version."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption fileOption(
        QStringLiteral("file"), tr("A journey file (docs/journey-format.md)."), tr("JOURNEY.json"));
    const QCommandLineOption templateOption(
        QStringLiteral("template"), tr("A ready-made journey: cart-recovery."), tr("NAME"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
        tr("The name to save it under (default: the journey's own name)."), tr("NAME"));
    parser.addOptions({ workspaceOption, fileOption, templateOption, nameOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || parser.isSet(fileOption) == parser.isSet(templateOption)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey save --workspace FILE (--file JOURNEY.json | "
                    "--template cart-recovery) [--name NAME]")
              << Qt::endl;
        return 2;
    }
    try {
        int exitCode = 0;
        std::optional<Journey> journey
            = readJourney(parser.value(templateOption), parser.value(fileOption), exitCode);
        if (!journey)
            return exitCode;
        if (parser.isSet(nameOption))
            journey->name = parser.value(nameOption).toStdString();
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        JourneyStore(workspace.db()).save(*journey, nowMillis());
        const auto issues = JourneyValidator::validate(*journey);
        out() << tr("Saved the journey %1.").arg(fromStd(journey->name)) << Qt::endl;
        if (!issues.empty())
            out() << tr("It cannot be switched on yet: %1").arg(fromStd(issues.front().message))
                  << Qt::endl;
        return 0;
    } catch (const JourneyInvalid &error) {
        printJourneyIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The journey was not saved: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runJourneyList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the journeys saved in the workspace."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the list as one JSON array on stdout."));
    parser.addOptions({ workspaceOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey list --workspace FILE [--json]") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        const auto journeys = JourneyStore(workspace.db()).list();
        if (parser.isSet(jsonOption)) {
            nlohmann::json list = nlohmann::json::array();
            for (const JourneySummary &journey : journeys)
                list.push_back({ { "name", journey.name }, { "active", journey.active },
                    { "in_journey", journey.inJourney },
                    { "outbox_pending", journey.outboxPending },
                    { "clock",
                        journey.clock ? nlohmann::json(formatIsoDateTime(journey.clock))
                                      : nlohmann::json(nullptr) } });
            printJson(list);
            return 0;
        }
        const QLocale c = QLocale::c();
        for (const JourneySummary &journey : journeys)
            out() << tr("%1\t%2\t%3 in the journey\t%4 messages waiting for export")
                         .arg(fromStd(journey.name), onOff(journey.active),
                             c.toString(journey.inJourney), c.toString(journey.outboxPending))
                  << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Cannot list the journeys: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runJourneySwitch(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    QCommandLineParser parser;
    parser.setApplicationDescription(action == QLatin1String("remove")
            ? tr("Deletes a journey with its shoppers' state and its outbox.")
            : tr("Switches a journey on (each import advances it) or off (it keeps its state)."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), tr("The journey's name."), tr("NAME"));
    parser.addOptions({ workspaceOption, nameOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || !parser.isSet(nameOption)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey %1 --workspace FILE --name NAME").arg(action)
              << Qt::endl;
        return 2;
    }
    const std::string name = parser.value(nameOption).toStdString();
    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        JourneyStore store(workspace.db());
        if (action == QLatin1String("remove")) {
            if (!store.remove(name)) {
                err() << tr("There is no journey called %1.").arg(fromStd(name)) << Qt::endl;
                return 1;
            }
            out() << tr("Removed the journey %1.").arg(fromStd(name)) << Qt::endl;
            return 0;
        }
        const bool on = action == QLatin1String("on");
        store.setActive(name, on, nowMillis());
        out() << (on ? tr("The journey %1 is on: each import advances it.")
                     : tr("The journey %1 is off; its shoppers keep their place."))
                     .arg(fromStd(name))
              << Qt::endl;
        return 0;
    } catch (const JourneyInvalid &error) {
        printJourneyIssues(error);
        return 1;
    } catch (const std::exception &error) {
        err() << fromStd(error.what()) << Qt::endl;
        return 1;
    }
}

int CommandLine::runJourneyOutbox(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the messages a running journey scheduled, newest first."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), tr("The journey's name."), tr("NAME"));
    const QCommandLineOption channelOption(QStringLiteral("channel"),
        tr("Only this channel: email, push, sms, banner or ad_audience."), tr("CHANNEL"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        tr("At most this many messages (default 50)."), tr("N"), QStringLiteral("50"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the messages as one JSON array on stdout."));
    parser.addOptions({ workspaceOption, nameOption, channelOption, limitOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!parser.isSet(workspaceOption) || !parser.isSet(nameOption) || !limitOk || limit < 1
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele journey outbox --workspace FILE --name NAME [--channel C] "
                    "[--limit N] [--json]")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        OutboxFilter filter;
        filter.journey = parser.value(nameOption).toStdString();
        filter.channel = parser.value(channelOption).toStdString();
        if (!JourneyStore(workspace.db()).contains(filter.journey)) {
            err() << tr("There is no journey called %1.").arg(parser.value(nameOption)) << Qt::endl;
            return 1;
        }
        const auto messages = JourneyOutbox::list(workspace.db(), filter, limit);
        if (parser.isSet(jsonOption)) {
            nlohmann::json list = nlohmann::json::array();
            for (const OutboxMessage &message : messages)
                list.push_back({ { "id", message.id }, { "node", message.node },
                    { "profile_id", message.profileId }, { "channel", message.channel },
                    { "address", message.address }, { "subject", message.subject },
                    { "body", message.body }, { "offer", message.offer },
                    { "offer_code", message.offerCode },
                    { "due", formatIsoDateTime(message.dueAt) },
                    { "exported", message.exportedAt.has_value() } });
            printJson(list);
            return 0;
        }
        out() << tr("%1 messages in the outbox of %2 (newest first):")
                     .arg(QLocale::c().toString(JourneyOutbox::count(workspace.db(), filter)),
                         parser.value(nameOption))
              << Qt::endl;
        for (const OutboxMessage &message : messages)
            out() << fromStd(formatIsoDateTime(message.dueAt)) << '\t' << fromStd(message.channel)
                  << '\t' << fromStd(message.address) << '\t'
                  << fromStd(message.subject.empty() ? message.body : message.subject)
                  << (message.offerCode.empty() ? QString()
                                                : QLatin1Char('\t') + fromStd(message.offerCode))
                  << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Cannot read the outbox: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

} // namespace clientele
