#pragma once

#include "SegmentDefinition.h"

#include "common/Time.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clientele {

class FieldRegistry;
class SegmentStore;
class SqlDialect;
class Statement;

/// A bound parameter of compiled SQL.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// The moment a segment is evaluated at.
struct EvaluationTime {
    /// What "now" is for windows ("in the last 7 days") and relative dates.
    Millis now = 0;
    /// As of a past date: events after `now` are ignored, and the order family of traits
    /// (orders, revenue, first/last order, first/last seen) is derived from the events up
    /// to it; traits that cannot be derived are refused by validation.
    bool asOf = false;
};

/**
 * SQL for one segment: a predicate over `pt` (profile_traits, one row per profile) with
 * every value bound as a parameter. Put together with sql().
 */
struct CompiledSegment {
    std::string with; ///< "" or "WITH …" (as-of derived traits)
    std::string from; ///< "profile_traits AS pt …"
    std::string where; ///< the predicate (or, from SegmentCompiler::measure, a value)
    std::vector<SqlValue> params; ///< ?1 … ?N

    /// "WITH … SELECT columns FROM … WHERE (where) tail".
    std::string sql(std::string_view columns, std::string_view tail = {}) const;
    /// Binds params to ?1 … ?N.
    void bind(Statement &statement) const;
    /// The index the next appended parameter (e.g. a LIMIT) gets.
    int nextParameter() const { return static_cast<int>(params.size()) + 1; }
};

/**
 * Turns a validated rule tree into SQL the planner can serve from indexes:
 * - trait conditions compare profile_traits columns (indexed ones use their index);
 * - behaviour conditions are set tests `pt.profile_id [NOT] IN (SELECT e.profile_id FROM
 *   events e WHERE e.type = ? AND e.ts … [GROUP BY … HAVING …])`, served by
 *   events_type_ts (type, ts, profile_id); counts and sums that zero satisfies
 *   ("at most 2") are written as NOT IN the complement, so profiles without events count;
 * - sequences: an IN over the first step with a correlated NOT EXISTS / EXISTS on
 *   events_profile_ts (profile_id, ts) for the second;
 * - included segments are compiled inline; negations are NULL-safe (coalesce(…, 0) = 0).
 * No value is ever written into the SQL text: every value, also fixed ones such as event
 * types the compiler itself needs, is a bound parameter.
 */
class SegmentCompiler {
public:
    SegmentCompiler(const SqlDialect &dialect, const FieldRegistry &fields, SegmentStore *store);

    /// Validates (throws SegmentError with every issue) and compiles the whole rule.
    CompiledSegment compile(const SegmentDefinition &definition, const EvaluationTime &time) const;
    /**
     * Several rules for one statement (e.g. an overlap of two segments): each result's
     * where is its rule's predicate; with, from and params are shared and the same in every
     * result, so one statement may use all the predicates with one bind().
     */
    std::vector<CompiledSegment> compileTogether(
        const std::vector<SegmentDefinition> &definitions, const EvaluationTime &time) const;
    /// One condition of an already validated rule (for explain): where = its predicate.
    CompiledSegment compileCondition(const Condition &condition, const EvaluationTime &time) const;
    /**
     * What explain shows for one leaf condition: where = a scalar SQL expression over `pt`,
     * e.g. the trait's value, the count or sum of matching events, the RFM group, the
     * consent status. Empty where for conditions with nothing to show (segment membership).
     */
    CompiledSegment measure(const Condition &condition, const EvaluationTime &time) const;

private:
    const SqlDialect &dialect_;
    const FieldRegistry &fields_;
    SegmentStore *store_;
};

} // namespace clientele
