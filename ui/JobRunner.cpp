#include "JobRunner.h"

#include "JobProgress.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace clientele {

namespace {

bool cancelNextJob = false;

} // namespace

void cancelNextJobForTests()
{
    cancelNextJob = true;
}

JobOutcome runWithProgress(QWidget *parent, const QString &title, const QString &label,
    std::function<void(ProgressSink &)> job)
{
    QProgressDialog dialog(label, QObject::tr("Cancel"), 0, 0, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);

    JobProgress progress;
    if (cancelNextJob) {
        cancelNextJob = false;
        progress.cancel();
    }
    QObject::connect(&progress, &JobProgress::progressed, &dialog,
        [&dialog](qint64 done, qint64 total, const QString &stage) {
            // QProgressDialog counts in int; scale large totals down.
            const qint64 scale = total > 1'000'000'000 ? total / 1'000'000 : 1;
            dialog.setMaximum(static_cast<int>(total / scale));
            dialog.setValue(static_cast<int>(done / scale));
            if (!stage.isEmpty())
                dialog.setLabelText(stage);
        });
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&progress, &dialog] {
        progress.cancel();
        dialog.setLabelText(QObject::tr("Cancelling…"));
    });

    QFutureWatcher<JobOutcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<JobOutcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&progress, job = std::move(job)]() -> JobOutcome {
        try {
            job(progress);
            return {};
        } catch (const Cancelled &) {
            return { true, {} };
        } catch (const std::exception &error) {
            return { false, QString::fromStdString(error.what()) };
        }
    }));
    loop.exec();
    return watcher.result();
}

} // namespace clientele
