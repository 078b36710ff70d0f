#include "IdentityResolver.h"

#include "store/Workspace.h"

#include <algorithm>
#include <set>

namespace clientele {

IdentityResolver::IdentityResolver(Database &db, MergeRules rules)
    : db_(db)
    , rules_(std::move(rules))
    , insertProfile_(db, "INSERT INTO profiles(id, created_at, is_known) VALUES (?1, ?2, 0)")
    , insertIdentity_(db,
          "INSERT INTO identities(id, kind, value, profile_id, source, first_seen) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    , markKnown_(db, "UPDATE profiles SET is_known = 1 WHERE id = ?1")
    , moveIdentities_(db, "UPDATE identities SET profile_id = ?1 WHERE profile_id = ?2")
    , moveEvents_(db, "UPDATE events SET profile_id = ?1 WHERE profile_id = ?2")
    , combiner_(db)
    , deleteProfile_(db, "DELETE FROM profiles WHERE id = ?1")
    , insertMerge_(db,
          "INSERT INTO merges(ts, kept_profile_id, merged_profile_id, identity_kind, "
          "identity_value, reason, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    , insertRefusal_(db,
          "INSERT INTO merge_refusals(ts, profile_id, other_profile_id, identity_kind, "
          "identity_value, reason, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    , insertMergeIdentity_(
          db, "INSERT INTO merge_identities(merge_id, identity_id) VALUES (?1, ?2)")
{
    nextProfileId_ = db.queryInt("SELECT coalesce(max(id), 0) + 1 FROM profiles");
    // Merged profiles' ids are never reused: a merge row may still name them.
    nextProfileId_ = std::max(
        nextProfileId_, db.queryInt("SELECT coalesce(max(merged_profile_id), 0) + 1 FROM merges"));
    nextIdentityId_ = db.queryInt("SELECT coalesce(max(id), 0) + 1 FROM identities");
    auto identities = db.prepare("SELECT kind, value, profile_id, id FROM identities");
    while (identities.step()) {
        const ProfileId profile = identities.columnInt(2);
        const std::int64_t identity = identities.columnInt(3);
        const auto key = profileOf_.insert(
            identities.columnView(0), identities.columnView(1), { profile, identity });
        members_[profile].push_back({ key, identity });
    }
}

void IdentityResolver::prefetch(
    const std::vector<Identifier> &identifiers, PrefetchStage stage) const
{
    for (const Identifier &identifier : identifiers) {
        if (identifier.hash == 0)
            continue;
        if (stage == PrefetchStage::Slots)
            profileOf_.prefetchSlot(identifier.hash);
        else
            profileOf_.prefetchKey(identifier.hash);
    }
}

std::optional<ProfileId> IdentityResolver::lookup(
    std::string_view kind, std::string_view value) const
{
    const IdentifierIndex::Placement *placement = profileOf_.find(kind, value);
    if (!placement)
        return std::nullopt;
    return placement->profile;
}

std::optional<ProfileId> IdentityResolver::resolve(
    const std::vector<Identifier> &identifiers, Millis ts, std::string_view source)
{
    resolvedIdentity_.reset();
    if (const auto known = resolveReturning(identifiers))
        return known;
    std::vector<Candidate> candidates;
    candidates.reserve(identifiers.size());
    for (const Identifier &identifier : identifiers) {
        if (rules_.isBlocked(identifier.kind, identifier.value)) {
            ++stats_.blockedValues;
            continue;
        }
        const bool duplicate
            = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate &c) {
                  return c.identifier->kind == identifier.kind
                      && c.identifier->value == identifier.value;
              });
        if (!duplicate)
            candidates.push_back({ &identifier, rules_.priority(identifier.kind) });
    }
    if (candidates.empty())
        return std::nullopt;
    // The event belongs to its highest-priority identifier's profile; the others join it
    // where the rules allow, and are refused (with the reason) where they do not.
    std::stable_sort(candidates.begin(), candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.priority > b.priority; });

    std::optional<ProfileId> anchor;
    std::vector<const Identifier *> pending; ///< new identifiers met before any profile
    const auto attachOrRefuse = [&](ProfileId profile, const Identifier &identifier) {
        const std::string conflict = attachConflict(profile, identifier);
        if (conflict.empty())
            attach(profile, identifier, ts, source);
        else
            refuse(profile, std::nullopt, identifier, ts, conflict);
    };

    for (const Candidate &candidate : candidates) {
        const Identifier &identifier = *candidate.identifier;
        // An earlier merge in this loop may have moved this identifier's profile.
        const std::optional<ProfileId> profile = lookup(identifier.kind, identifier.value);
        if (!profile) {
            if (anchor)
                attachOrRefuse(*anchor, identifier);
            else
                pending.push_back(&identifier);
            continue;
        }
        if (!anchor) {
            if (pending.empty() || attachConflict(*profile, *pending.front()).empty()) {
                anchor = profile;
            } else {
                // A stronger new identifier that this profile may not hold (a second
                // customer id on a shared device): it starts its own profile, and the
                // link to the existing one is refused below.
                anchor = createProfile(ts);
            }
            for (const Identifier *waiting : pending)
                attachOrRefuse(*anchor, *waiting);
            pending.clear();
            if (*anchor == *profile)
                continue;
        }
        if (*profile == *anchor)
            continue;
        const std::string conflict = mergeConflict(*anchor, *profile);
        if (!conflict.empty()) {
            refuse(*anchor, profile, identifier, ts, conflict);
            continue;
        }
        // The older profile keeps its id, so ids that people have seen stay valid.
        anchor = merge(std::min(*anchor, *profile), std::max(*anchor, *profile), identifier, ts);
    }
    if (!anchor) {
        anchor = createProfile(ts);
        for (const Identifier *waiting : pending)
            attachOrRefuse(*anchor, *waiting);
    }
    for (const Candidate &candidate : candidates) {
        const IdentifierIndex::Placement *placement
            = profileOf_.find(candidate.identifier->kind, candidate.identifier->value);
        if (placement && placement->profile == *anchor) {
            resolvedIdentity_ = placement->identity;
            break;
        }
    }
    return anchor;
}

std::optional<ProfileId> IdentityResolver::resolveReturning(
    const std::vector<Identifier> &identifiers)
{
    // What resolve() would decide when every identifier is known and all are on one
    // profile: that profile, attributed to its highest-priority identifier (the first of
    // equals). Anything else (a new or blocked value, two profiles) takes the full path.
    const IdentifierIndex::Placement *chosen = nullptr;
    int chosenPriority = 0;
    for (const Identifier &identifier : identifiers) {
        if (rules_.isBlocked(identifier.kind, identifier.value))
            return std::nullopt;
        const IdentifierIndex::Placement *placement = identifier.hash != 0
            ? profileOf_.find(identifier.kind, identifier.value, identifier.hash)
            : profileOf_.find(identifier.kind, identifier.value);
        if (!placement || (chosen && placement->profile != chosen->profile))
            return std::nullopt;
        const int priority = rules_.priority(identifier.kind);
        if (!chosen || priority > chosenPriority) {
            chosen = placement;
            chosenPriority = priority;
        }
    }
    if (!chosen)
        return std::nullopt;
    resolvedIdentity_ = chosen->identity;
    return chosen->profile;
}

ProfileId IdentityResolver::createProfile(Millis ts)
{
    // A new profile holds no identifier yet; attach() marks it known with its first
    // identifier that is not a device id.
    const ProfileId id = nextProfileId_++;
    insertProfile_.bind(1, id).bind(2, ts).run();
    members_[id];
    ++stats_.profilesCreated;
    return id;
}

void IdentityResolver::attach(
    ProfileId profile, const Identifier &identifier, Millis ts, std::string_view source)
{
    // Ids are handed out here, so a bulk load can attribute events to identities it
    // writes only at the end.
    const std::int64_t identity = nextIdentityId_++;
    auto &members = members_[profile];
    const bool wasKnown = std::any_of(members.begin(), members.end(),
        [this](const Member &m) { return profileOf_.kindOf(m.key) != IdentityKind::AnonymousId; });
    const auto key = profileOf_.insert(identifier.kind, identifier.value, { profile, identity });
    members.push_back({ key, identity });
    if (bulkLoad_) {
        pendingIdentities_.push_back({ identity, key, ts, sourceIndex(source) });
    } else {
        insertIdentity_.bind(1, identity)
            .bind(2, identifier.kind)
            .bind(3, identifier.value)
            .bind(4, profile)
            .bind(5, source)
            .bind(6, ts)
            .run();
    }
    ++stats_.identitiesAdded;
    if (!wasKnown && identifier.kind != IdentityKind::AnonymousId)
        markKnown(profile);
}

std::uint32_t IdentityResolver::sourceIndex(std::string_view source)
{
    // A mapped channel column may hold many distinct values: not a scan per identity.
    if (const auto known = sourceIndexes_.find(source); known != sourceIndexes_.end())
        return known->second;
    const auto index = static_cast<std::uint32_t>(pendingSources_.size());
    pendingSources_.emplace_back(source);
    sourceIndexes_.emplace(std::string(source), index);
    return index;
}

void IdentityResolver::markKnown(ProfileId profile)
{
    markKnown_.bind(1, profile).run();
}

std::string IdentityResolver::attachConflict(ProfileId profile, const Identifier &identifier) const
{
    const int limit = rules_.limit(identifier.kind);
    if (limit == MergeRules::kUnlimited)
        return {};
    const auto &members = members_.at(profile);
    const auto ofKind
        = [&](const Member &m) { return profileOf_.kindOf(m.key) == identifier.kind; };
    const auto held = std::count_if(members.begin(), members.end(), ofKind);
    if (held < limit)
        return {};
    const auto first = std::find_if(members.begin(), members.end(), ofKind);
    return "the profile already has " + identifier.kind + " '"
        + std::string(profileOf_.valueOf(first->key)) + "' (at most " + std::to_string(limit)
        + " allowed)";
}

std::string IdentityResolver::mergeConflict(ProfileId a, ProfileId b) const
{
    const auto &left = members_.at(a);
    const auto &right = members_.at(b);
    std::set<std::string_view> kinds;
    for (const Member &m : right)
        kinds.insert(profileOf_.kindOf(m.key));
    for (std::string_view kind : kinds) {
        const int limit = rules_.limit(kind);
        if (limit == MergeRules::kUnlimited)
            continue;
        std::set<std::string_view> values;
        for (const auto *side : { &left, &right })
            for (const Member &m : *side)
                if (profileOf_.kindOf(m.key) == kind)
                    values.insert(profileOf_.valueOf(m.key));
        if (static_cast<int>(values.size()) > limit) {
            std::string listed;
            for (std::string_view value : values)
                listed += (listed.empty() ? "'" : ", '") + std::string(value) + "'";
            return "the two profiles have different " + std::string(kind) + " values (" + listed
                + "; at most " + std::to_string(limit) + " per profile)";
        }
    }
    return {};
}

ProfileId IdentityResolver::merge(
    ProfileId kept, ProfileId merged, const Identifier &via, Millis ts)
{
    moveIdentities_.bind(1, kept).bind(2, merged).run();
    combiner_.combine(kept, merged);
    mergedAway_.push_back(merged);
    if (bulkLoad_) {
        deferredMoves_.emplace_back(merged, kept);
    } else {
        moveEvents_.bind(1, kept).bind(2, merged).run();
        deleteProfile_.bind(1, merged).run();
    }
    insertMerge_.bind(1, ts)
        .bind(2, kept)
        .bind(3, merged)
        .bind(4, via.kind)
        .bind(5, via.value)
        .bind(6, "both profiles share " + via.kind + " '" + via.value + "'")
        .bind(7, importId_)
        .run();
    // What the merged profile brought, so that a split can give exactly that back.
    const std::int64_t mergeId = db_.lastInsertRowId();

    auto &keptMembers = members_[kept];
    auto mergedMembers = std::move(members_[merged]);
    members_.erase(merged);
    for (Member &member : mergedMembers) {
        insertMergeIdentity_.bind(1, mergeId).bind(2, member.identity).run();
        profileOf_.find(member.key)->profile = kept;
        keptMembers.push_back(member);
    }
    ++stats_.merges;
    return kept;
}

void IdentityResolver::refuse(ProfileId profile, std::optional<ProfileId> other,
    const Identifier &via, Millis ts, const std::string &reason)
{
    insertRefusal_.bind(1, ts)
        .bind(2, profile)
        .bind(3, other)
        .bind(4, via.kind)
        .bind(5, via.value)
        .bind(6, reason)
        .bind(7, importId_)
        .run();
    ++stats_.refusals;
}

void IdentityResolver::finishBulkLoad()
{
    // Ids were handed out in the order the identities were met: in that order the table
    // grows at its end, and its three indexes (the unique (kind, value) one included) are
    // built once afterwards by sorting, instead of row by row at random places.
    const auto indexes = dropIndexesOf(db_, "identities");
    for (const PendingIdentity &identity : pendingIdentities_) {
        insertIdentity_.bind(1, identity.id)
            .bind(2, profileOf_.kindOf(identity.key))
            .bind(3, profileOf_.valueOf(identity.key))
            .bind(4, profileOf_.find(identity.key)->profile)
            .bind(5, pendingSources_[identity.source])
            .bind(6, identity.firstSeen)
            .run();
    }
    recreateIndexes(db_, indexes);
    pendingIdentities_.clear();
    pendingIdentities_.shrink_to_fit();
    if (deferredMoves_.empty())
        return;
    // Follow chains (a merged into b, later b into c) to where each profile ended up.
    std::unordered_map<ProfileId, ProfileId> keptFor(deferredMoves_.begin(), deferredMoves_.end());
    const auto finalProfile = [&keptFor](ProfileId profile) {
        for (auto it = keptFor.find(profile); it != keptFor.end(); it = keptFor.find(profile))
            profile = it->second;
        return profile;
    };
    db_.exec("CREATE TEMP TABLE profile_remap (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
    {
        auto insert = db_.prepare("INSERT INTO temp.profile_remap(old, new) VALUES (?1, ?2)");
        for (const auto &[merged, kept] : deferredMoves_)
            insert.bind(1, merged).bind(2, finalProfile(kept)).run();
    }
    // One pass over the events instead of one scan per merge.
    db_.exec("UPDATE events SET profile_id = (SELECT new FROM temp.profile_remap r "
             "WHERE r.old = events.profile_id) "
             "WHERE profile_id IN (SELECT old FROM temp.profile_remap)");
    db_.exec("DELETE FROM profiles WHERE id IN (SELECT old FROM temp.profile_remap)");
    db_.exec("DROP TABLE temp.profile_remap");
    deferredMoves_.clear();
}

} // namespace clientele
