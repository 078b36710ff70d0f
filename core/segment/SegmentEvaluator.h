#pragma once

#include "SegmentCompiler.h"
#include "SegmentDefinition.h"
#include "SegmentOverlap.h"

#include "common/Time.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;
class SegmentStore;

using ProfileId = std::int64_t;

/// When a segment is evaluated.
struct EvaluationOptions {
    /// Backtesting: evaluate as of this time. Only events up to it count, and traits are
    /// derived from them (see SegmentCompiler / docs/segment-format.md).
    std::optional<Millis> asOf;
    /// What "now" is when not as of a past date; default: the workspace's latest event
    /// (as TraitBuilder's reference time, so a historical data set is measured against
    /// its own end).
    std::optional<Millis> now;
};

/// A matching profile with what a preview list shows.
struct SegmentMember {
    ProfileId profileId = 0;
    std::string name;
    std::string email;
    std::string customerId;
    std::string country;
    std::string city;
    std::int64_t orders = 0;
    double revenue = 0.0;
    std::optional<Millis> lastSeen;
    std::string rfmGroup; ///< key of rfmGroupKeys(), empty when none
};

/// How many members of a segment a campaign can reach on each channel.
struct Reachability {
    std::int64_t total = 0; ///< members
    /// Members with an e-mail address and e-mail consent "granted".
    std::int64_t email = 0;
    /// Members with a phone number and SMS consent "granted".
    std::int64_t sms = 0;
    /// Members with an app device and push consent "granted".
    std::int64_t push = 0;
};

/// One line of an explanation: a condition (or group) of the tree, met or not.
struct ConditionOutcome {
    std::string path; ///< JSON Pointer of the condition, e.g. "/rule/conditions/1"
    int depth = 0; ///< 0 for the rule itself
    bool met = false;
    /// What was compared, e.g. "revenue 129.50 > 100 ✓" or
    /// "product_added in the last 7 days: 1 time, needs at least 2 ✗".
    std::string text;
};

/// Why a profile is (not) in a segment.
struct SegmentExplanation {
    ProfileId profileId = 0;
    bool member = false;
    Millis now = 0;
    bool asOf = false;
    std::vector<ConditionOutcome> conditions; ///< the tree, depth-first

    /// The lines indented by depth, one per condition.
    std::string text() const;
};

/**
 * Counts, samples, lists and explains the profiles of a segment on one connection. Every
 * call validates and compiles the definition first (throws SegmentError). cancel() may be
 * called from another thread: the running query stops (sqlite3_interrupt) and the call
 * throws Cancelled.
 */
class SegmentEvaluator {
public:
    /// store: where included segments are looked up (nullptr: none may be included).
    explicit SegmentEvaluator(Database &db, SegmentStore *store = nullptr);

    std::int64_t count(const SegmentDefinition &definition, const EvaluationOptions &options = {});
    /// The first `limit` matching profiles (by profile id).
    std::vector<SegmentMember> sample(
        const SegmentDefinition &definition, int limit, const EvaluationOptions &options = {});
    /// The members and how many of them have the identifier and the consent of each channel
    /// (profile_traits email / phone / devices and the *_consent columns), in one query.
    Reachability reachability(
        const SegmentDefinition &definition, const EvaluationOptions &options = {});
    /// Every matching profile id, ascending (for exports).
    std::vector<ProfileId> ids(
        const SegmentDefinition &definition, const EvaluationOptions &options = {});
    /**
     * How many shoppers are in a, in b and in both, evaluated at one time in one statement:
     * each side's members are computed once (as the count would) and intersected in SQL,
     * so no id reaches C++.
     */
    OverlapCounts overlap(const SegmentDefinition &a, const SegmentDefinition &b,
        const EvaluationOptions &options = {});
    /// Each condition of the tree for one profile, met or failed, with the values compared.
    /// Throws std::invalid_argument when the profile does not exist.
    SegmentExplanation explain(const SegmentDefinition &definition, ProfileId profile,
        const EvaluationOptions &options = {});

    /// Stops the evaluation running now (thread-safe).
    void cancel();

    /// The time an evaluation with these options runs at.
    EvaluationTime timeFor(const EvaluationOptions &options);
    /// The SQL count() runs (for EXPLAIN QUERY PLAN and tests).
    CompiledSegment compile(
        const SegmentDefinition &definition, const EvaluationOptions &options = {});

private:
    template<typename Body> auto guarded(Body body);
    void explainNode(const Condition &condition, const std::string &path, int depth,
        const EvaluationTime &time, ProfileId profile, SegmentExplanation &explanation);
    bool leafMet(const Condition &condition, const EvaluationTime &time, ProfileId profile);

    Database &db_;
    SegmentStore *store_;
    std::atomic<bool> cancelled_ { false };
};

} // namespace clientele
