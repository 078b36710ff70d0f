#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace clientele {

/**
 * One problem in a segment definition, with a message a marketer can read and where it is:
 * a JSON Pointer into the document ("/rule/conditions/2/value"), so that the builder can
 * mark the condition.
 */
struct ValidationIssue {
    std::string path;
    std::string message;

    bool operator==(const ValidationIssue &) const = default;
};

/** A segment that cannot be parsed, validated or evaluated; carries every issue found. */
class SegmentError : public std::runtime_error {
public:
    explicit SegmentError(std::vector<ValidationIssue> issues);
    /// One issue.
    SegmentError(const std::string &path, const std::string &message);
    const std::vector<ValidationIssue> &issues() const { return issues_; }

private:
    std::vector<ValidationIssue> issues_;
};

/// "in the last N days", "between two dates" or "ever" (no value: up to the evaluation time).
struct TimeWindow {
    enum class Kind { Ever, InLastDays, Between };
    Kind kind = Kind::Ever;
    nlohmann::json days; ///< InLastDays: whole number ≥ 1 (kept as written, checked by validation)
    nlohmann::json from; ///< Between: "YYYY-MM-DD", inclusive
    nlohmann::json to; ///< Between: "YYYY-MM-DD", inclusive

    bool operator==(const TimeWindow &) const = default;
};

/// A condition on one property of an event ("category is shoes", "props.payment is card").
struct PropertyCondition {
    std::string property;
    std::string op;
    nlohmann::json value; ///< null when the operator takes none (is_set)

    bool operator==(const PropertyCondition &) const = default;
};

/// An event type with optional property conditions: what a behaviour or sequence step matches.
struct EventFilter {
    std::string event; ///< snake_case key, e.g. "product_added"
    std::vector<PropertyCondition> where;

    bool operator==(const EventFilter &) const = default;
};

struct Condition;

/// all: every condition holds; any: at least one; none: not one.
struct GroupCondition {
    enum class Match { All, Any, None };
    Match match = Match::All;
    std::vector<Condition> conditions;

    bool operator==(const GroupCondition &) const;
};

/// A profile trait or attribute compared with a value ("revenue > 100").
struct TraitCondition {
    std::string field;
    std::string op;
    nlohmann::json value;

    bool operator==(const TraitCondition &) const = default;
};

/// Did / did not do an event, optionally N times or with a sum over its events.
struct EventCondition {
    EventFilter filter;
    bool did = true;
    /// at_least / at_most / exactly N (nullopt: at least once).
    std::optional<PropertyCondition> count; ///< property unused; op and value
    /// A sum over the matching events: property = value | quantity | line_value.
    std::optional<PropertyCondition> sum;
    TimeWindow when;

    bool operator==(const EventCondition &) const = default;
};

/**
 * Did `first`, and then did (thenDid) or did not do `then` within N hours. See
 * docs/segment-format.md for the exact definition.
 */
struct SequenceCondition {
    EventFilter first;
    EventFilter then;
    bool thenDid = false;
    nlohmann::json withinHours; ///< whole number ≥ 1
    TimeWindow when; ///< when `first` happened

    bool operator==(const SequenceCondition &) const = default;
};

/// In (or not in) another saved segment, by name.
struct MembershipCondition {
    std::string segment;
    bool member = true;

    bool operator==(const MembershipCondition &) const = default;
};

/// In one of these RFM groups (keys of rfmGroupKeys()).
struct RfmCondition {
    std::vector<std::string> groups;

    bool operator==(const RfmCondition &) const = default;
};

/// May be contacted on a channel: consent granted and not unsubscribed since.
struct ConsentCondition {
    std::string channel;

    bool operator==(const ConsentCondition &) const = default;
};

/// A node of the rule tree: a group or one leaf.
struct Condition {
    std::variant<GroupCondition, TraitCondition, EventCondition, SequenceCondition,
        MembershipCondition, RfmCondition, ConsentCondition>
        node;

    bool operator==(const Condition &) const = default;
};

/**
 * A segment's rule tree, as saved, diffed and exported: a JSON document with "version": 1
 * and a "rule" (docs/segment-format.md). Parsing is lenient about values (validation
 * checks them, with paths) but strict about the structure it needs to build the tree.
 */
struct SegmentDefinition {
    static constexpr int kVersion = 1;

    Condition rule;

    /// Builds the tree; structural problems go to issues (with paths) and the affected
    /// node is left out or empty. Never throws for a JSON value of any shape.
    static SegmentDefinition parse(
        const nlohmann::json &document, std::vector<ValidationIssue> &issues);
    /// parse() that throws SegmentError when there is any structural issue.
    static SegmentDefinition fromJson(const nlohmann::json &document);
    /// Parses text (throws SegmentError, also for text that is not JSON).
    static SegmentDefinition fromText(const std::string &text);

    nlohmann::json toJson() const;

    bool operator==(const SegmentDefinition &) const = default;
};

/// The JSON of one condition (as it appears inside "rule").
nlohmann::json conditionToJson(const Condition &condition);

} // namespace clientele
