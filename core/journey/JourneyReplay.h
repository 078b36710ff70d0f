#pragma once

// Internal to core/journey: the state machine that moves shoppers through a journey, shared
// by the backtest (JourneySimulator) and the runtime (JourneyRuntime).

#include "Journey.h"
#include "JourneySimulator.h"

#include "common/Progress.h"
#include "common/Time.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace clientele::replay {

inline constexpr Millis kNever = std::numeric_limits<Millis>::max();
/// The made-up event type of "entered the trigger segment" (no imported event has it).
inline constexpr const char *kSegmentEntered = "__segment_entered";

/// Everything the runtime keeps of one shopper in one journey between two advances.
struct ShopperState {
    enum class Waiting { Nothing, Timer, Event };

    bool active = false; ///< in the journey now
    std::string node; ///< the step they are at (when active)
    Waiting waiting = Waiting::Nothing;
    Millis due = kNever; ///< a wait's end, a wait-until's deadline or a postponed send
    bool sendPending = false; ///< due is the end of quiet hours for a send
    bool heldOut = false;
    std::string cart; ///< cart_id / order_id of the event that let them in
    std::string order;
    std::vector<std::string> visited; ///< steps passed since entering
    std::int64_t entryId = 0; ///< journey_entries row of the current stay

    Millis pendingEntry = kNever; ///< a cart-abandonment entry waiting for its hours
    std::string pendingCart;
    std::string pendingOrder;
    Millis lastEntry = kNever;
    std::vector<Millis> sendTimes; ///< for the frequency cap

    /// When something next happens without a new event (kNever: nothing).
    Millis wakeAt() const;
    nlohmann::json toJson() const;
    static ShopperState fromJson(const nlohmann::json &state);
};

/**
 * What the runtime adds to a replay: where to start, the stored state of shoppers, and what
 * to do when they enter, receive a message or leave. The backtest has none of this.
 */
class RuntimeSink {
public:
    virtual ~RuntimeSink() = default;

    /// Events with a row id above this one are new since the last advance.
    virtual std::int64_t afterEventId() const = 0;
    /// The clock of the last advance: timers up to it have fired; newer events that carry an
    /// older time count at this time.
    virtual Millis previousClock() const = 0;
    /// Shoppers with something due up to clock, sorted.
    virtual std::vector<std::int64_t> dueProfiles(Millis clock) = 0;
    virtual std::optional<ShopperState> load(std::int64_t profile) = 0;
    virtual void save(std::int64_t profile, const ShopperState &state) = 0;

    /// A new stay in the journey; returns its journey_entries id.
    virtual std::int64_t entered(std::int64_t profile, Millis at) = 0;
    virtual void heldOut(std::int64_t entryId) = 0;
    /// A message that goes out (consent, address and cap already checked).
    virtual void sent(std::int64_t profile, std::int64_t entryId, const JourneyNode &node,
        Millis at, const std::string &cart)
        = 0;
    virtual void left(std::int64_t entryId, Millis at, bool converted) = 0;
    /// The trigger segment's members now (sorted): returns those who were not members at
    /// the last advance (or when the journey was switched on), and remembers the members.
    virtual std::vector<std::int64_t> segmentEntrants(const std::vector<std::int64_t> &members) = 0;
    /// An "update profile" step: the shopper gets the tag.
    virtual void tagged(std::int64_t profile, const std::string &tag, Millis at) = 0;
};

/// Where a replay looks: shoppers enter in [from, to); events up to dataEnd are replayed.
struct Window {
    Millis from = 0;
    Millis to = kNever;
    /// Backtest: the runtime's clock + 1 instead of the data's end.
    std::optional<Millis> dataEnd;
};

/// Replays the journey (already validated) and counts what happened. With a runtime, only
/// the new events and due shoppers are replayed, starting from their stored state.
SimulationResult run(Database &db, const Journey &journey, const Window &window,
    RuntimeSink *runtime, ProgressSink *progress);

} // namespace clientele::replay
