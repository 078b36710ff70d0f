#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class Database;

/// A profile found by a search, with what to show in a result list.
struct ProfileSearchHit {
    std::int64_t profileId = 0;
    std::string displayName; ///< see ProfileRecord::displayName
    std::string email; ///< the profile's first e-mail, or empty
    std::string phone; ///< its first phone (E.164), or empty
    std::string matchedKind; ///< the identity kind that matched, or "name"
    std::string matchedValue; ///< the identity value or the name that matched
};

/**
 * Finds profiles as a user types: by any identifier value (email, phone, customer id,
 * loyalty card, device id …) or by name, always as a prefix.
 *
 * - e-mails and names match case-insensitively (Unicode case folding, as stored);
 * - a phone typed as `+49 151 …`, `0049 151…` or `0151 …` (national, in the default
 *   country) matches the E.164 value `+49151…`;
 * - every lookup is a range scan on an index (`value >= prefix AND value < successor` on
 *   identities(value), and the same on the folded "first last" and "last first" name keys),
 *   so it answers in milliseconds on a million profiles. Input is only ever bound, never
 *   pasted into SQL, and `%`, `_` and quotes have no special meaning.
 */
class ProfileSearch {
public:
    /// defaultCountry ("DE") reads nationally written phone numbers; empty: none.
    explicit ProfileSearch(Database &db, std::string defaultCountry = {});

    /// At most limit profiles whose identifier or name starts with text; exact identifier
    /// matches first. Empty text, or text with a NUL character, finds nothing.
    std::vector<ProfileSearchHit> find(std::string_view text, int limit = 20);

    /// The values a search tries as prefixes (raw, folded, phone forms); for tests.
    std::vector<std::string> identityPrefixes(std::string_view text) const;

    /// The smallest string greater than every string starting with prefix (the prefix with
    /// its last byte raised), or empty when there is none.
    static std::string prefixSuccessor(std::string_view prefix);

    /// The statements a search runs, for EXPLAIN QUERY PLAN in tests.
    static std::vector<std::string> statements();

private:
    Database &db_;
    std::string region_;
    std::string callingCode_;
};

} // namespace clientele
