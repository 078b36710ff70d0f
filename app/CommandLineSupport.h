#pragma once

#include "common/Progress.h"
#include "common/Time.h"
#include "journey/Journey.h"
#include "journey/JourneySimulator.h"
#include "segment/SegmentDefinition.h"
#include "segment/SegmentEvaluator.h"

#include "CommandLine.h"

#include <nlohmann/json.hpp>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <cstdint>
#include <optional>
#include <string>

namespace clientele {

class SegmentError;
class SegmentStore;
class Workspace;

/// What the command-line sub-commands share: output streams, progress, option sets and
/// the readers of shoppers and segment definitions.
namespace cli {

/// Standard output and error as text streams (UTF-8).
QTextStream &out();
QTextStream &err();

/// Progress on stderr: at most two lines a second, and the line that completes a stage.
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

/// Parses a sub-command's arguments; returns the exit code when the command is already done
/// (a usage error: 2, --help: 0), or nothing when it should run.
std::optional<int> parseOrFinish(QCommandLineParser &parser, const QStringList &arguments);

QString fromStd(const std::string &text);

/// Prints one JSON document on stdout, on one line.
void printJson(const nlohmann::json &document);

/// Finds the profile a KIND:VALUE argument names; prints why not and returns nullopt.
std::optional<std::int64_t> findProfile(
    Workspace &workspace, const QString &argument, const QString &country);

/// Prints a segment's problems, one per line, with where they are.
void printIssues(const SegmentError &error);

/// Reads a definition file; prints why not and returns nullopt.
std::optional<SegmentDefinition> readDefinitionFile(const QString &path);

/// The definition named by --name or --file; prints why not and returns nullopt.
std::optional<SegmentDefinition> chosenDefinition(
    QCommandLineParser &parser, const SegmentOptions &options, SegmentStore &store);

/// Prints a journey's validation problems, one per line.
void printJourneyIssues(const JourneyInvalid &error);

/// A ready-made journey (templateKey, e.g. "cart-recovery") or, when templateKey is empty,
/// the journey file at path; prints why not, sets exitCode (2: unknown template, 1: the file
/// cannot be read) and returns nullopt. A file that is not a journey throws
/// JourneyFormatError.
std::optional<Journey> readJourney(const QString &templateKey, const QString &path, int &exitCode);

/// A YYYY-MM-DD option as the start of that day (unset: day stays as it was); false (after
/// printing why) when it is not a date.
bool readDay(QCommandLineParser &parser, const QCommandLineOption &option, std::optional<Millis> &day);

/// --as-of as the end of that day; false (after printing why) when it is not a date.
bool readAsOf(
    QCommandLineParser &parser, const SegmentOptions &options, EvaluationOptions &evaluation);

} // namespace cli

} // namespace clientele
