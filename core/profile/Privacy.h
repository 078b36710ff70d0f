#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class Database;

/// What an erasure removed; the same counts are kept in the `erasures` table.
struct ErasureSummary {
    std::int64_t erasureId = 0;
    std::int64_t events = 0;
    std::int64_t identities = 0;
    std::int64_t consents = 0;
    std::int64_t merges = 0; ///< merge and split rows (with their merge_identities)
    std::int64_t refusals = 0;
    std::int64_t rejects = 0; ///< import_rejects lines that quoted the person
    std::int64_t otherRows = 0; ///< rows of other tables with a profile_id (traits, …)
};

/**
 * The data-protection rights of a shopper: erasure ("right to be forgotten") and access
 * (a copy of everything held about them).
 *
 * Erasure, in one transaction, deletes the profile and everything that names the person:
 * - the profile's events, identities, consents and its row;
 * - rows of any other table with a profile_id column for it (profile_traits and tables
 *   later modules add), so that new per-profile tables are covered without a change here;
 * - merges and splits the profile or the profiles merged into it took part in, or that
 *   carry one of its identifier values (and their merge_identities); the same for
 *   merge_refusals (also refusals on other profiles that quote its identifiers);
 * - import_rejects lines whose raw text or reason contains one of its identifier values
 *   (case-insensitive; phones also as their digits, e.g. 0151 1234 5678), or both its
 *   first and last name. Rejected lines were never linked to a profile, so this textual
 *   match is the only way to find them; a line that misspells the address stays.
 * It then records an `erasures` row with the time, the counts, the former profile id (a
 * number that identifies no one once the data is gone) and the caller's reason, e.g. a
 * ticket reference: the reason must not contain personal data itself. SQLite's
 * secure_delete overwrites the freed pages, and the write-ahead log is checkpointed, so
 * the values do not linger in the file either (unless another connection holds the log).
 * Other shoppers' rows are left as they are.
 */
class Privacy {
public:
    /// Erases profileId; throws std::invalid_argument when there is no such profile.
    static ErasureSummary erase(Database &db, std::int64_t profileId, std::string_view reason);

    /// Everything held about a profile as one JSON document: profile attributes,
    /// identities, consents, traits (when the workspace has them), merges, refusals and
    /// every event. Read in one transaction, so it is a consistent snapshot.
    static nlohmann::json accessExport(Database &db, std::int64_t profileId);

    /// accessExport written to path (UTF-8 JSON); the file appears only when complete.
    static void writeAccessExport(Database &db, std::int64_t profileId, const std::string &path);
};

} // namespace clientele
