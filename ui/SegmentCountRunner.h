#pragma once

#include "DatabaseWorker.h"
#include "SegmentPickers.h"

#include "segment/SegmentEvaluator.h"

#include <nlohmann/json.hpp>

#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace clientele {

/// One finished count of the builder: the members, their reach and the first of them.
struct SegmentCountResult {
    std::int64_t generation = 0;
    Reachability reach;
    std::vector<SegmentMember> sample;
    qint64 elapsedMs = 0; ///< the count (with reach), not the sample
};

/**
 * Counts the segment being edited on a worker connection. Each start() supersedes the
 * request before it: the running evaluation is cancelled (sqlite3_interrupt through
 * SegmentEvaluator::cancel), a queued one is skipped, and a late result is dropped by its
 * generation, so only the newest edit's numbers are ever reported.
 */
class SegmentCountRunner : public QObject {
    Q_OBJECT

public:
    explicit SegmentCountRunner(QObject *parent = nullptr);
    ~SegmentCountRunner() override;

    void setWorkspace(const QString &path);
    /// Counts document ({"version": 1, "rule": …}, already valid) and samples 20 members.
    void start(const nlohmann::json &document);
    /// Drops whatever runs (the definition became invalid or the editor closed).
    void cancel();
    /// Reads the picker values; pickersLoaded follows.
    void loadPickers();
    bool isCounting() const { return counting_; }
    std::int64_t generation() const { return shared_->latest; }

Q_SIGNALS:
    void finished(const clientele::SegmentCountResult &result);
    void failed(const QString &message);
    void pickersLoaded(const clientele::SegmentPickers &pickers);

private:
    /// What the UI thread and the worker share to supersede a running count.
    struct Shared {
        std::mutex mutex;
        SegmentEvaluator *running = nullptr;
        std::atomic<std::int64_t> latest { 0 };
    };

    DatabaseWorker worker_;
    std::shared_ptr<Shared> shared_;
    bool counting_ = false;
};

} // namespace clientele
