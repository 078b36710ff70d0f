#pragma once

#include "Journey.h"
#include "JourneyValidator.h"

#include "common/Progress.h"
#include "common/Time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// A journey that does not validate; carries every issue.
class JourneyInvalid : public std::runtime_error {
public:
    explicit JourneyInvalid(std::vector<JourneyIssue> issues);
    const std::vector<JourneyIssue> &issues() const { return issues_; }

private:
    std::vector<JourneyIssue> issues_;
};

/// What happened at one step during a simulation.
struct NodeCounts {
    std::int64_t arrived = 0; ///< shoppers who reached the step (an instance per entry)
    std::int64_t leftAtGoal = 0; ///< did the goal event while here, and left
    std::int64_t waitingAtEnd = 0; ///< still here when the replayed data ended
    std::int64_t exited = 0; ///< exit steps: left the journey here
    std::int64_t sent = 0; ///< send steps: messages that would have gone out
    std::int64_t skippedConsent = 0; ///< no consent or no address for the channel
    std::int64_t skippedCap = 0; ///< over the frequency cap (shopper moved on)
    std::int64_t heldOut = 0; ///< on a holdout path: nothing sent
    std::int64_t postponed = 0; ///< reached in quiet hours, sent at their end
    std::int64_t conversions = 0; ///< converted after passing this step
    double revenue = 0.0; ///< order value after passing this step, while in the journey
    double offerCost = 0.0; ///< send steps: cost of the offers used
};

/// Shoppers (instances) who went along one connection, and what they did after.
struct ConnectionCounts {
    JourneyConnection connection;
    std::int64_t shoppers = 0;
    std::int64_t conversions = 0;
    double revenue = 0.0;
};

/// Sends of one channel over all send steps.
struct ChannelCounts {
    std::int64_t sent = 0;
    std::int64_t skippedConsent = 0;
    std::int64_t skippedCap = 0;
    std::int64_t heldOut = 0;
};

/// The outcome of a backtest.
struct SimulationResult {
    Millis from = 0;
    Millis to = 0;
    Millis dataEnd = 0; ///< the replay followed shoppers up to here
    std::int64_t entered = 0; ///< entries (a shopper may enter more than once)
    std::int64_t shoppers = 0; ///< distinct shoppers who entered
    std::int64_t conversions = 0; ///< entries that reached the goal while in the journey
    double revenue = 0.0; ///< order_completed value while in the journey
    double offerCost = 0.0;
    std::int64_t stillInJourney = 0;
    std::map<std::string, NodeCounts> nodes; ///< by node id
    std::vector<ConnectionCounts> connections; ///< in the journey's order
    std::map<std::string, ChannelCounts> channels;

    nlohmann::json toJson() const;
};

/**
 * Backtests a journey over the real events of a window (see docs/journey-format.md,
 * "Simulation"). Reads only the event types the journey looks at, through the (type, ts)
 * index, groups them per shopper in memory and replays each shopper once in time order.
 * History holds no sends of this journey, so the conversions are the baseline: what
 * shoppers did without the messages.
 */
class JourneySimulator {
public:
    /// Shoppers who enter in [from, to) are followed until they leave or the data ends.
    /// Throws JourneyInvalid, SegmentError, StoreError or Cancelled.
    static SimulationResult simulate(Database &db, const Journey &journey, Millis from, Millis to,
        ProgressSink *progress = nullptr);
    static constexpr const char *kProgressStage = "Replaying shoppers";

    /// The split arm bucket of a shopper, 0 … 9999: a hash of (seed, profile id).
    static int splitBucket(std::uint64_t seed, std::int64_t profileId);
};

} // namespace clientele
