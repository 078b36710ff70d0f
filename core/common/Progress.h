#pragma once

#include <cstdint>
#include <string>

namespace clientele {

/// A snapshot of a long job's advance, in the job's own unit (rows, shoppers, bytes …).
struct Progress {
    std::int64_t done = 0;
    std::int64_t total = 0; ///< 0 when unknown
    std::string stage; ///< short text for the user, e.g. "Writing events"
};

/**
 * How core jobs report progress and learn that they should stop. Core never shows a
 * dialog: ui adapts this to a progress bar and a Cancel button, the CLI to stderr.
 */
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    /// Returns false when the user asked to cancel; the job then stops and rolls back.
    virtual bool report(const Progress &progress) = 0;
};

/// Thrown by a job that stopped because its ProgressSink asked it to.
class Cancelled : public std::exception {
public:
    const char *what() const noexcept override { return "cancelled"; }
};

/// Reports to sink (if any) and throws Cancelled when it asks the job to stop.
inline void reportProgress(
    ProgressSink *sink, std::int64_t done, std::int64_t total, const char *stage)
{
    if (sink && !sink->report(Progress { done, total, stage }))
        throw Cancelled();
}

} // namespace clientele
