#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace clientele {

class ProgressSink;

/// How a job run with runWithProgress() ended.
struct JobOutcome {
    bool cancelled = false;
    QString error; ///< what went wrong, for the user; empty when it succeeded
    bool succeeded() const { return !cancelled && error.isEmpty(); }
    bool failed() const { return !cancelled && !error.isEmpty(); }
};

/**
 * Runs a core job on a worker thread while a window-modal progress dialog with a Cancel
 * button shows its advance; the window stays responsive meanwhile. The job reports
 * through the ProgressSink and throws Cancelled when told to stop.
 */
JobOutcome runWithProgress(QWidget *parent, const QString &title, const QString &label,
    std::function<void(ProgressSink &)> job);

/// For tests: the next runWithProgress() starts as if Cancel had been pressed at once, so
/// the job stops at its first progress report (a real cancel, without racing a timer).
void cancelNextJobForTests();

} // namespace clientele
