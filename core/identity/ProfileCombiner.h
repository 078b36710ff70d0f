#pragma once

#include "store/Database.h"

#include <cstdint>
#include <vector>

namespace clientele {

/**
 * What joining two profiles means for their own rows, the same for identity resolution and
 * for a merge made by hand: per channel the newer consent wins; attributes the kept
 * profile lacks (names, place, time zone) are filled from the merged one; the earlier
 * creation time stays; journey state, entries, messages and tags move along (where the
 * kept profile already has a state or a tag, its own stays). Identifiers, events and the
 * merged profile's row are the caller's.
 */
class ProfileCombiner {
public:
    explicit ProfileCombiner(Database &db);

    /// Combines merged's rows into kept, in the caller's transaction.
    void combine(std::int64_t kept, std::int64_t merged);

private:
    Statement mergeConsents_;
    Statement dropConsents_;
    Statement fillAttributes_;
    std::vector<Statement> moveJourneyRows_; ///< ?1 kept, ?2 merged
    std::vector<Statement> dropJourneyRows_; ///< ?1 merged: what the kept one had already
};

} // namespace clientele
