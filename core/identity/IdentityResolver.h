#pragma once

#include "IdentifierIndex.h"
#include "MergeRules.h"
#include "ProfileCombiner.h"

#include "common/Time.h"
#include "store/Database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clientele {

using ProfileId = std::int64_t;

/// One normalised identifier as an event carries it, e.g. {"email", "ana@example.com"}.
struct Identifier {
    std::string kind;
    std::string value;
    /// IdentifierIndex::hashOf(kind, value) once an import's reading thread computed it,
    /// else 0 (then it is computed where needed).
    std::uint64_t hash = 0;
};

/// Counts of what resolution did, for an import's summary.
struct ResolutionStats {
    std::int64_t profilesCreated = 0;
    std::int64_t identitiesAdded = 0;
    std::int64_t merges = 0;
    std::int64_t refusals = 0;
    std::int64_t blockedValues = 0;
};

/**
 * Identity resolution: turns the identifiers on each incoming event into the one profile
 * of the real shopper behind them.
 *
 * The identifiers form a graph; each connected group is one profile. An event carrying
 * identifiers of two profiles links them, and the profiles merge, unless MergeRules refuse
 * (a second customer id, a blocked value). Every merge and every refusal is written to
 * the workspace with its reason, so it can be explained and undone later.
 *
 * Incremental: it starts from the workspace's existing identities and extends them; all
 * writes go through the caller's open transaction, so a cancelled import leaves nothing.
 * The identity map is held in memory for speed (one hash lookup per identifier).
 */
class IdentityResolver {
public:
    IdentityResolver(Database &db, MergeRules rules = {});

    /// Records merges and refusals under this import (NULL in the workspace otherwise).
    void setImportId(std::optional<std::int64_t> importId) { importId_ = importId; }

    /// The profile an event with these identifiers belongs to, creating, extending or
    /// merging profiles as needed. source says where the identifiers were seen ("web",
    /// "pos", a file name …). With no usable identifier it returns nullopt and the
    /// caller rejects the row.
    std::optional<ProfileId> resolve(
        const std::vector<Identifier> &identifiers, Millis ts, std::string_view source);

    /// The identity (identities.id) the last resolve() attributed its event to: the
    /// highest-priority of its identifiers that the returned profile holds. Imports store
    /// it on the event so that a split can tell which events go back. nullopt when the last
    /// resolve() returned nullopt.
    std::optional<std::int64_t> resolvedIdentity() const { return resolvedIdentity_; }

    /**
     * Starts loading, into the CPU caches, what resolve() will read for identifiers a few
     * rows ahead: first the index slots (stage Slots), a row or two later the text those
     * slots point to (stage Keys, which reads the slots). Only identifiers with a hash.
     * The index is far larger than the caches; without this the importing thread spent a
     * third of its time waiting for it.
     */
    enum class PrefetchStage { Slots, Keys };
    void prefetch(const std::vector<Identifier> &identifiers, PrefetchStage stage) const;

    /// The profile a known identifier belongs to now, if any.
    std::optional<ProfileId> lookup(std::string_view kind, std::string_view value) const;

    /**
     * For a first load into a workspace without event indexes: new identities are kept in
     * memory and written once by finishBulkLoad(), in id order with the identities indexes
     * built afterwards (random inserts into them cost more than resolving); a merge moves
     * consents at once but
     * leaves events (and the merged profile's row) for finishBulkLoad() too.
     */
    void setBulkLoad(bool bulk) { bulkLoad_ = bulk; }
    /// Writes the identities held back since setBulkLoad(true), moves the events of every
    /// profile merged since then to the profile it ended up in, and deletes the merged
    /// profiles.
    void finishBulkLoad();

    const ResolutionStats &stats() const { return stats_; }
    /// Profiles merged into others since this resolver started (they no longer exist).
    const std::vector<ProfileId> &mergedAway() const { return mergedAway_; }
    const MergeRules &rules() const { return rules_; }

private:
    /// One identifier a profile holds; its text is in profileOf_.
    struct Member {
        IdentifierIndex::Key key;
        std::int64_t identity = 0; ///< identities.id
    };
    struct Candidate {
        const Identifier *identifier;
        int priority;
    };

    /// resolve() for a returning shopper (all identifiers known, on one profile), or
    /// nullopt when the full resolution is needed.
    std::optional<ProfileId> resolveReturning(const std::vector<Identifier> &identifiers);
    ProfileId createProfile(Millis ts);
    void attach(
        ProfileId profile, const Identifier &identifier, Millis ts, std::string_view source);
    /// Why the two profiles may not be one (limits), or empty when they may.
    std::string mergeConflict(ProfileId a, ProfileId b) const;
    std::string attachConflict(ProfileId profile, const Identifier &identifier) const;
    ProfileId merge(ProfileId kept, ProfileId merged, const Identifier &via, Millis ts);
    void refuse(ProfileId profile, std::optional<ProfileId> other, const Identifier &via, Millis ts,
        const std::string &reason);
    void markKnown(ProfileId profile);
    /// source's place in pendingSources_, added there when new.
    std::uint32_t sourceIndex(std::string_view source);

    Database &db_;
    MergeRules rules_;
    std::optional<std::int64_t> importId_;
    bool bulkLoad_ = false;
    /// merged → kept, in merge order, during a bulk load.
    std::vector<std::pair<ProfileId, ProfileId>> deferredMoves_;
    std::vector<ProfileId> mergedAway_;
    /// Identities first seen during a bulk load; their profile is looked up when written.
    /// Ten million events can bring millions of them: they keep no text of their own.
    struct PendingIdentity {
        std::int64_t id;
        IdentifierIndex::Key key;
        Millis firstSeen;
        std::uint32_t source; ///< in pendingSources_
    };
    std::vector<PendingIdentity> pendingIdentities_;
    std::vector<std::string> pendingSources_; ///< the distinct sources (channels)
    std::map<std::string, std::uint32_t, std::less<>> sourceIndexes_; ///< in pendingSources_
    ResolutionStats stats_;
    ProfileId nextProfileId_ = 1;
    std::int64_t nextIdentityId_ = 1;

    std::optional<std::int64_t> resolvedIdentity_;

    /// (kind, value) → profile and identity.
    IdentifierIndex profileOf_;
    /// Each profile's identifiers, for the merge-rule limits.
    std::unordered_map<ProfileId, std::vector<Member>> members_;

    Statement insertProfile_;
    Statement insertIdentity_;
    Statement markKnown_;
    Statement moveIdentities_;
    Statement moveEvents_;
    ProfileCombiner combiner_;
    Statement deleteProfile_;
    Statement insertMerge_;
    Statement insertRefusal_;
    Statement insertMergeIdentity_;
};

} // namespace clientele
