#include "ProfileCombiner.h"

#include <string>

namespace clientele {

ProfileCombiner::ProfileCombiner(Database &db)
    : mergeConsents_(db,
        "INSERT INTO consents(profile_id, channel, status, source, ts) "
        "SELECT ?1, channel, status, source, ts FROM consents WHERE profile_id = ?2 "
        "ON CONFLICT(profile_id, channel) DO UPDATE SET status = excluded.status, "
        "source = excluded.source, ts = excluded.ts WHERE excluded.ts > consents.ts")
    , dropConsents_(db, "DELETE FROM consents WHERE profile_id = ?1")
    , fillAttributes_(db,
          "UPDATE profiles SET "
          "created_at = min(created_at, (SELECT created_at FROM profiles WHERE id = ?2)), "
          "first_name = coalesce(first_name, (SELECT first_name FROM profiles WHERE id = ?2)), "
          "last_name = coalesce(last_name, (SELECT last_name FROM profiles WHERE id = ?2)), "
          "country = coalesce(country, (SELECT country FROM profiles WHERE id = ?2)), "
          "city = coalesce(city, (SELECT city FROM profiles WHERE id = ?2)), "
          "timezone = coalesce(timezone, (SELECT timezone FROM profiles WHERE id = ?2)), "
          "is_known = max(is_known, (SELECT is_known FROM profiles WHERE id = ?2)) "
          "WHERE id = ?1")
{
    // Keyed by (journey, profile) and (profile, tag): a row the kept profile has already
    // is ignored by the move and dropped below. Entries and messages always move.
    for (const char *table : { "journey_state", "journey_entries", "outbox", "profile_tags" })
        moveJourneyRows_.emplace_back(db,
            std::string("UPDATE OR IGNORE ") + table
                + " SET profile_id = ?1 WHERE profile_id = ?2");
    for (const char *table : { "journey_state", "profile_tags" })
        dropJourneyRows_.emplace_back(
            db, std::string("DELETE FROM ") + table + " WHERE profile_id = ?1");
}

void ProfileCombiner::combine(std::int64_t kept, std::int64_t merged)
{
    mergeConsents_.bind(1, kept).bind(2, merged).run();
    dropConsents_.bind(1, merged).run();
    fillAttributes_.bind(1, kept).bind(2, merged).run();
    for (Statement &move : moveJourneyRows_)
        move.bind(1, kept).bind(2, merged).run();
    for (Statement &drop : dropJourneyRows_)
        drop.bind(1, merged).run();
}

} // namespace clientele
