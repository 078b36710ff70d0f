#pragma once

#include "common/Progress.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace clientele {

/**
 * Adapts core's ProgressSink to Qt: a job on a worker thread reports through it, the
 * UI receives queued signals, and a Cancel button sets the flag the job polls.
 */
class JobProgress : public QObject, public ProgressSink {
    Q_OBJECT

public:
    explicit JobProgress(QObject *parent = nullptr);

    /// Called on the worker thread.
    bool report(const Progress &progress) override;

    /// Called on any thread; the job stops at its next report.
    void cancel() { cancelled_ = true; }
    bool isCancelled() const { return cancelled_; }

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, const QString &stage);

private:
    std::atomic<bool> cancelled_ = false;
};

} // namespace clientele
