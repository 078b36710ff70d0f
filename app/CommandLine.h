#pragma once

#include <cstdint>

#include <QCoreApplication>
#include <QStringList>

namespace clientele {

class Database;

/**
 * The headless sub-commands (`clientele demo …`). Each calls the same core function as
 * the GUI button that does the same thing.
 */
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(clientele::CommandLine)

public:
    /// True when arguments name a sub-command (or --help/--version) rather than a workspace.
    static bool isCommand(const QStringList &arguments);

    /// Runs the command; returns the process exit code. Messages go to stdout/stderr.
    static int run(const QStringList &arguments);

private:
    static int usage();
    static int runDemo(const QStringList &arguments);
    static int runImport(const QStringList &arguments);
    static int runProfile(const QStringList &arguments);
    static int runProfileShow(const QStringList &arguments);
    /// The traits section of `profile show`.
    static void printTraits(Database &db, std::int64_t profileId);
    static int runProfileSearch(const QStringList &arguments);
    static int runProfileErase(const QStringList &arguments);
    static int runProfileExport(const QStringList &arguments);
    static int runProfileRebuildTraits(const QStringList &arguments);
    static int runSegment(const QStringList &arguments);
    static int runSegmentCount(const QStringList &arguments);
    static int runSegmentList(const QStringList &arguments);
    static int runSegmentSave(const QStringList &arguments);
    static int runSegmentExplain(const QStringList &arguments);
    static int runSegmentOverlap(const QStringList &arguments);
    static int runExport(const QStringList &arguments);
    static int runJourney(const QStringList &arguments);
    static int runJourneySimulate(const QStringList &arguments);
    static int runJourneyLift(const QStringList &arguments);
    static int runJourneySave(const QStringList &arguments);
    static int runJourneyList(const QStringList &arguments);
    /// on, off and remove: one journey by name.
    static int runJourneySwitch(const QStringList &arguments);
    static int runJourneyOutbox(const QStringList &arguments);
    static int runPredict(const QStringList &arguments);
    static int runPredictFit(const QStringList &arguments);
    static int runPredictValidate(const QStringList &arguments);
    static int runPredictShow(const QStringList &arguments);
};

} // namespace clientele
