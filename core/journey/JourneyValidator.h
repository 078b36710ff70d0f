#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Journey;
struct JourneyConnection;

/// Why a connection may not be drawn (JourneyValidator::connectionProblem).
enum class ConnectionProblem {
    UnknownStep, ///< one end names no step of the journey
    ToItself, ///< a step leading to itself (of any kind, a Wait included)
    IntoEntry, ///< nothing leads into the Entry: it is where shoppers start
    UnknownExit, ///< the step has no exit of that name (an Exit step has none at all)
    UnknownInput, ///< a step has one input, "in"
    ExitTaken, ///< the exit already leads to a step; each exit leads to exactly one
};

/// One problem of a journey, in words a marketer understands, naming the step (node id;
/// empty for journey-wide settings) so that the canvas can mark it.
struct JourneyIssue {
    std::string nodeId;
    std::string message;

    bool operator==(const JourneyIssue &) const = default;
};

/**
 * Checks that a journey can run: exactly one entry; every step reachable from it; every
 * exit of every step connected, so that each path ends in an Exit; a Wait until with both
 * its "event" and "timeout" exits wired; no loop without a wait; sends on a known channel
 * (email, push, sms, banner, ad_audience); split percentages adding up to 100; and each
 * kind's settings (durations, events, segment rules, message tokens). Consent needs no
 * check here: the simulator and the runtime check it at every send, so a send without
 * consent handling cannot be drawn.
 */
class JourneyValidator {
public:
    static std::vector<JourneyIssue> validate(const Journey &journey);
    /**
     * Whether connection may join the journey: the one rule the canvas (refusing a drag)
     * and validate() (judging a saved graph) share. The journey's first `existing`
     * connections count as drawn already (all of them by default; validate() judges each
     * connection against those before it). A loop without a wait is not judged here: it
     * is a property of the whole graph, which validate() reports.
     */
    static std::optional<ConnectionProblem> connectionProblem(const Journey &journey,
        const JourneyConnection &connection,
        std::size_t existing = std::numeric_limits<std::size_t>::max());
    /// The channels a send may use.
    static const std::vector<std::string> &channels();
    /// "sun" 0, "mon" 1 … "sat" 6 (a wait until a time of day's weekdays); -1 otherwise.
    static int weekdayIndex(const std::string &day);
};

} // namespace clientele
