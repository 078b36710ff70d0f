#pragma once

#include "SegmentDefinition.h"

#include <string>
#include <vector>

namespace clientele {

class FieldRegistry;
class SegmentStore;

/// What a definition is checked for beyond its own content.
struct ValidationOptions {
    /// Evaluated as of a past date: conditions on traits that cannot be recomputed for a
    /// past date (cart, e-mail windows, RFM, …) are refused.
    bool asOf = false;
    /// The name the definition is (to be) saved under, so that including itself, directly
    /// or through other segments, is reported as a cycle.
    std::string selfName;
};

/**
 * Checks a segment definition and says, in a marketer's words and with a path into the
 * document, everything that is wrong with it: unknown fields, operators that do not apply
 * to a field's type, missing or malformed values, empty groups, counts that are not whole
 * numbers, unknown or cyclic segment references.
 */
class SegmentValidator {
public:
    /// store: where included segments are looked up (nullptr: segment conditions are refused).
    SegmentValidator(const FieldRegistry &fields, SegmentStore *store);

    std::vector<ValidationIssue> validate(
        const SegmentDefinition &definition, const ValidationOptions &options = {}) const;
    /// Parses and validates a JSON document: structural and semantic issues together.
    std::vector<ValidationIssue> validateJson(
        const nlohmann::json &document, const ValidationOptions &options = {}) const;

private:
    const FieldRegistry &fields_;
    SegmentStore *store_;
};

} // namespace clientele
