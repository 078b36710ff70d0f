#pragma once

#include "common/Progress.h"

#include <atomic>
#include <memory>

namespace clientele {

/**
 * Stops a background read that a newer request has superseded: the page keeps the latest
 * request's number in a shared counter, each job holds its own, and the job stops at its
 * next progress report once they differ (a page sets the counter to -1 when it closes).
 */
class SupersededCheck final : public ProgressSink {
public:
    SupersededCheck(std::shared_ptr<std::atomic<int>> latest, int generation)
        : latest_(std::move(latest))
        , generation_(generation)
    {
    }
    bool report(const Progress &) override { return current(); }
    bool current() const { return latest_->load() == generation_; }

private:
    std::shared_ptr<std::atomic<int>> latest_;
    int generation_;
};

} // namespace clientele
