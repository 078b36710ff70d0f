#pragma once

#include "DatabaseWorker.h"

#include "journey/Journey.h"
#include "journey/JourneySimulator.h"

#include <QObject>

namespace clientele {

class JobProgress;

/**
 * Runs JourneySimulator::simulate on a worker connection with progress and Cancel. A new
 * start() cancels the run before it; only the newest run reports.
 */
class JourneySimulationRunner : public QObject {
    Q_OBJECT

public:
    explicit JourneySimulationRunner(QObject *parent = nullptr);
    ~JourneySimulationRunner() override;

    void setWorkspace(const QString &path);
    void start(const Journey &journey, Millis from, Millis to);
    /// Stops the running simulation at its next progress report; cancelled follows.
    void cancel();
    bool isRunning() const { return running_ != nullptr; }
    /// For tests: the next start() begins as if Cancel had been pressed at once, so the
    /// simulation stops at its first progress report (a real cancel, without a race).
    static void cancelNextRunForTests() { cancelNext_ = true; }

Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void finished(const clientele::SimulationResult &result);
    void cancelled();
    void failed(const QString &message);

private:
    DatabaseWorker worker_;
    /// The progress (and cancel flag) of the newest run.
    JobProgress *running_ = nullptr;
    static inline bool cancelNext_ = false;
};

} // namespace clientele
