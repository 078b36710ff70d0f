#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace clientele {

class Database;

/// One arm of a past campaign.
struct LiftArm {
    std::int64_t sends = 0; ///< messages sent (treatment) or held back (holdout)
    std::int64_t conversions = 0; ///< followed by an order_completed within the window
    double rate() const
    {
        return sends > 0 ? static_cast<double>(conversions) / static_cast<double>(sends) : 0.0;
    }
};

/// Treatment against holdout of a past campaign.
struct LiftReport {
    std::string campaign;
    int windowDays = 3;
    LiftArm treatment;
    LiftArm holdout;
    double difference = 0.0; ///< treatment rate − holdout rate
    double ciLow = 0.0; ///< 95 % confidence interval of the difference
    double ciHigh = 0.0;
    /// The interval excludes 0: the campaign made a difference beyond chance.
    bool significant() const { return ciLow > 0.0 || ciHigh < 0.0; }

    nlohmann::json toJson() const;
};

/**
 * Measures what a past campaign did: its `email_sent` and `email_held_out` events with
 * props.campaign = the name are the treatment and holdout arms; a send converts when the
 * same shopper completes an order within windowDays after it. The 95 % interval of the
 * difference of the two rates is the two-proportion normal (Wald) approximation:
 * d ± 1.96 · √(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀), reasonable when each arm has at least about
 * ten conversions and ten non-conversions.
 */
class JourneyLift {
public:
    /// Throws StoreError; arms without events are 0/0 (and the interval is 0 … 0).
    static LiftReport measure(Database &db, const std::string &campaign, int windowDays = 3);
    /**
     * The lift of a running journey (JourneyRuntime), from its entries: the treatment arm is
     * the entries that were sent at least one message, the holdout arm the entries on a
     * holdout path; an entry converts when the shopper reached the journey's goal while in
     * it, from the events imported after the sends. Entries still in the journey count as
     * not (yet) converted in both arms. report.campaign is the journey's name and
     * windowDays 0 (the journey's own paths decide how long a shopper is followed).
     */
    static LiftReport measureJourney(Database &db, const std::string &journey);
};

} // namespace clientele
