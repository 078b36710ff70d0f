#include "JobProgress.h"

namespace clientele {

JobProgress::JobProgress(QObject *parent)
    : QObject(parent)
{
}

bool JobProgress::report(const Progress &progress)
{
    Q_EMIT progressed(progress.done, progress.total, QString::fromStdString(progress.stage));
    return !cancelled_;
}

} // namespace clientele
