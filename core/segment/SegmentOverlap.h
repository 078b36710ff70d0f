#pragma once

#include "SegmentDefinition.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace clientele {

/// How many shoppers two segments A and B have, alone and together.
struct OverlapCounts {
    std::int64_t a = 0; ///< members of A
    std::int64_t b = 0; ///< members of B
    std::int64_t both = 0; ///< members of A and of B

    std::int64_t aOnly() const { return a - both; }
    std::int64_t bOnly() const { return b - both; }
};

/// One of the three parts of an overlap.
enum class OverlapPart { AOnly, Both, BOnly };

/**
 * One side of an overlap: a saved segment (by name) or the rule being edited, not saved
 * yet. A saved side enters a part's rule as an "in another saved segment" condition, so
 * the part follows later changes of that segment; an unsaved side enters as its rule.
 */
struct OverlapOperand {
    std::string savedName; ///< empty: use rule
    nlohmann::json rule; ///< the rule ({"type": …}) of an unsaved segment

    static OverlapOperand saved(std::string name);
    static OverlapOperand unsaved(nlohmann::json rule);
    /// The condition that holds for this side's members.
    nlohmann::json condition() const;
};

/**
 * The segment definitions of an overlap's parts, so that the GUI (open a part as a new
 * segment, send it to Export) and any other caller build them the same way:
 * A only = all[A, none[B]], both = all[A, B], B only = all[B, none[A]].
 * The counts themselves come from SegmentEvaluator::overlap.
 */
class SegmentOverlap {
public:
    static SegmentDefinition part(
        OverlapPart part, const OverlapOperand &a, const OverlapOperand &b);
    /// The part's JSON document ({"version": 1, "rule": …}).
    static nlohmann::json partDocument(
        OverlapPart part, const OverlapOperand &a, const OverlapOperand &b);
};

} // namespace clientele
