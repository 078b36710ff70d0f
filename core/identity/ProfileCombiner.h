#pragma once

#include "store/Database.h"

#include <cstdint>

namespace clientele {

/**
 * What joining two profiles means for their own rows, the same for identity resolution and
 * for a merge made by hand: per channel the newer consent wins; attributes the kept
 * profile lacks (names, place, time zone) are filled from the merged one; the earlier
 * creation time stays. Identifiers, events and the merged profile's row are the caller's.
 */
class ProfileCombiner {
public:
    explicit ProfileCombiner(Database &db);

    /// Combines merged's consents and attributes into kept, in the caller's transaction.
    void combine(std::int64_t kept, std::int64_t merged);

private:
    Statement mergeConsents_;
    Statement dropConsents_;
    Statement fillAttributes_;
};

} // namespace clientele
