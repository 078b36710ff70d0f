#pragma once

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// A split or merge that cannot be done, with a message a marketer can read.
class MergeEditError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a split, manual merge or undo did.
struct MergeEdit {
    std::int64_t recordId = 0; ///< the merges row that records it
    std::int64_t keptProfileId = 0; ///< the profile that stays (the one split from)
    std::int64_t otherProfileId = 0; ///< merged in, or split out
    std::int64_t identitiesMoved = 0;
    std::int64_t eventsMoved = 0;
    /// Profiles whose identities or events changed (their traits were recomputed).
    std::vector<std::int64_t> changedProfiles;
    /// Profiles that no longer exist (merged away; their traits were dropped).
    std::vector<std::int64_t> removedProfiles;
};

/**
 * Merges a person can see and undo: split a wrong merge, merge two profiles by hand, and
 * undo either. Every step is one transaction and one row in `merges`:
 *
 * - split(merge) gives the merged profile back its identifiers (those recorded in
 *   merge_identities when it was merged) and the events attributed to them
 *   (events.identity_id), under its old profile id. Events without attribution (imported
 *   before Clientele recorded it) and consents stay with the kept profile; so do names and
 *   other attributes, which were combined at merge time and cannot be told apart.
 *   Recorded as action 'split' with reason "split", reverts_id = the merge.
 * - merge(a, b) joins two profiles as identity resolution would (the older id stays;
 *   consents newest-wins; attributes fill gaps), without applying the merge rules: a person
 *   decided. Recorded as action 'merge' with reason "manual".
 * - undo(row) reverses a merge (= split) or a split (= re-merge, reason "manual").
 *
 * The traits of the profiles an edit changed or removed are refreshed in the edit's own
 * transaction, so the profile list, segments and exports never see a merge without its
 * traits: when the refresh fails, the edit is rolled back. Runs its own transaction; call
 * it outside one.
 */
class MergeEditor {
public:
    explicit MergeEditor(Database &db);

    MergeEdit split(std::int64_t mergeId);
    MergeEdit merge(std::int64_t profileA, std::int64_t profileB);
    MergeEdit undo(std::int64_t recordId);

    /// The profile a (possibly merged-away) profile id lives on in now.
    std::int64_t currentProfile(std::int64_t profileId);

private:
    struct Row;
    Row loadRow(std::int64_t id);
    MergeEdit splitRow(const Row &merge, Millis now);
    MergeEdit mergeProfiles(
        std::int64_t kept, std::int64_t merged, std::optional<std::int64_t> reverts, Millis now);
    bool profileExists(std::int64_t id);
    /// TraitBuilder::refresh of the edit's changed and removed profiles.
    void refreshTraits(const MergeEdit &edit);
    void refreshKnown(std::int64_t profile);
    /// Lists the identities that moved with a merge or split record (merge_identities).
    void recordIdentities(std::int64_t recordId, const std::vector<std::int64_t> &identities);

    Database &db_;
};

} // namespace clientele
