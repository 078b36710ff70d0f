#include "JourneySimulationRunner.h"

#include "JobProgress.h"

namespace clientele {

namespace {

/// A simulation's end: its result, or that it was cancelled.
struct SimulationOutcome {
    bool cancelled = false;
    SimulationResult result;
};

} // namespace

JourneySimulationRunner::JourneySimulationRunner(QObject *parent)
    : QObject(parent)
{
}

JourneySimulationRunner::~JourneySimulationRunner()
{
    // The worker (a member) waits for a running job before the progress objects (children)
    // go; cancelling first makes that wait short.
    cancel();
}

void JourneySimulationRunner::setWorkspace(const QString &path)
{
    cancel();
    worker_.setWorkspace(path);
}

void JourneySimulationRunner::cancel()
{
    if (running_)
        running_->cancel();
}

void JourneySimulationRunner::start(const Journey &journey, Millis from, Millis to)
{
    if (running_) {
        running_->cancel();
        running_ = nullptr; // its late answer is dropped below
    }
    auto *progress = new JobProgress(this);
    running_ = progress;
    if (cancelNext_) {
        cancelNext_ = false;
        progress->cancel();
    }
    connect(progress, &JobProgress::progressed, this, [this, progress](qint64 done, qint64 total) {
        if (progress == running_)
            Q_EMIT progressed(done, total);
    });
    const auto finish = [this, progress] {
        const bool current = progress == running_;
        if (current)
            running_ = nullptr;
        progress->deleteLater();
        return current;
    };
    worker_.post<SimulationOutcome>(
        this,
        [journey, from, to, progress](Database &db) {
            SimulationOutcome outcome;
            try {
                outcome.result = JourneySimulator::simulate(db, journey, from, to, progress);
            } catch (const Cancelled &) {
                outcome.cancelled = true;
            }
            return outcome;
        },
        [this, finish](SimulationOutcome outcome) {
            if (!finish())
                return;
            if (outcome.cancelled)
                Q_EMIT cancelled();
            else
                Q_EMIT finished(outcome.result);
        },
        [this, finish](const QString &message) {
            if (finish())
                Q_EMIT failed(message);
        });
}

} // namespace clientele
