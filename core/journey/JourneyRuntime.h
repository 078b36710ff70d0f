#pragma once

#include "Journey.h"
#include "JourneySimulator.h"

#include "common/Progress.h"
#include "common/Time.h"

#include <cstdint>
#include <string>

namespace clientele {

class Database;

/// What one advance of the switched-on journeys did.
struct AdvanceSummary {
    std::int64_t entered = 0;
    std::int64_t messages = 0; ///< written to the outbox
};

/**
 * Runs switched-on journeys forward (docs/journey-format.md, "Runtime"). Each journey keeps
 * a clock (the newest event time it has seen; time in a workspace is the time of its data)
 * and a watermark (the newest event row it has seen). An advance replays, through the same
 * state machine as the backtest, the shoppers with events imported since the watermark and
 * those whose wait ends by the new clock, starting from their stored state
 * (journey_state); sends write rendered messages with their offer codes to the outbox,
 * entries and outcomes go to journey_entries, counts add up in journeys.stats. An event
 * imported late (older than the clock) counts at the clock.
 *
 * Every import calls advanceAll inside its own transaction, so an import and what its
 * events did to the journeys are one unit: cancelled or failed, neither happened.
 */
class JourneyRuntime {
public:
    /// Advances every switched-on journey. Runs inside the caller's open transaction, or
    /// in one of its own. Throws StoreError, SegmentError or Cancelled.
    static AdvanceSummary advanceAll(Database &db, ProgressSink *progress = nullptr);

    /// When a journey whose entry is "enters a segment" is switched on: its members now are
    /// remembered, so that only shoppers who join later enter.
    static void rememberTriggerSegment(
        Database &db, std::int64_t journeyId, const Journey &journey);
};

} // namespace clientele
