#pragma once

#include <string>
#include <vector>

namespace clientele {

class Journey;

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
    /// The channels a send may use.
    static const std::vector<std::string> &channels();
    /// "sun" 0, "mon" 1 … "sat" 6 (a wait until a time of day's weekdays); -1 otherwise.
    static int weekdayIndex(const std::string &day);
};

} // namespace clientele
