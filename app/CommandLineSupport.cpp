#include "CommandLineSupport.h"

#include "common/Time.h"
#include "journey/JourneyTemplates.h"
#include "profile/IdentifierRef.h"
#include "profile/ProfileReader.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"

#include <QFile>

namespace clientele::cli {

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

void printJson(const nlohmann::json &document)
{
    out() << QString::fromStdString(document.dump()) << Qt::endl;
}

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

void printIssues(const SegmentError &error)
{
    err() << CommandLine::tr("The segment is not valid:") << Qt::endl;
    for (const ValidationIssue &issue : error.issues()) {
        err() << QStringLiteral("  ")
              << (issue.path.empty() ? QString() : fromStd(issue.path) + QStringLiteral(": "))
              << fromStd(issue.message) << Qt::endl;
    }
}

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

void printJourneyIssues(const JourneyInvalid &error)
{
    err() << CommandLine::tr("The journey is not valid:") << Qt::endl;
    for (const JourneyIssue &issue : error.issues())
        err() << QStringLiteral("  ") << fromStd(issue.message) << Qt::endl;
}

std::optional<Journey> readJourney(const QString &templateKey, const QString &path, int &exitCode)
{
    if (!templateKey.isEmpty()) {
        auto journey = JourneyTemplates::byKey(templateKey.toStdString());
        if (!journey) {
            err() << CommandLine::tr("Unknown template %1 (known: cart-recovery).").arg(templateKey)
                  << Qt::endl;
            exitCode = 2;
        }
        return journey;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << CommandLine::tr("Cannot read the journey %1: %2").arg(path, file.errorString())
              << Qt::endl;
        exitCode = 1;
        return std::nullopt;
    }
    return Journey::fromText(file.readAll().toStdString());
}

bool readDay(QCommandLineParser &parser, const QCommandLineOption &option, std::optional<Millis> &day)
{
    if (!parser.isSet(option))
        return true;
    const auto parsed = parseIsoDate(parser.value(option).toStdString());
    if (!parsed) {
        err() << CommandLine::tr("--%1 must be a date like 2026-06-30, not '%2'.")
                     .arg(option.names().constFirst(), parser.value(option))
              << Qt::endl;
        return false;
    }
    day = parsed;
    return true;
}

bool readAsOf(
    QCommandLineParser &parser, const SegmentOptions &options, EvaluationOptions &evaluation)
{
    std::optional<Millis> day;
    if (!readDay(parser, options.asOf, day))
        return false;
    if (day)
        evaluation.asOf = *day + kMillisPerDay - 1;
    return true;
}

} // namespace clientele::cli
