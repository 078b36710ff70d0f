#include "MergeEditor.h"

#include "ProfileCombiner.h"

#include "MergeRules.h"

#include "profile/TraitBuilder.h"
#include "store/Database.h"

#include <optional>

namespace clientele {

struct MergeEditor::Row {
    std::int64_t id = 0;
    std::string action;
    std::int64_t kept = 0;
    std::int64_t merged = 0;
    std::optional<std::string> identityKind;
    std::optional<std::string> identityValue;
    bool undone = false;
};

namespace {

std::string recordName(std::int64_t id)
{
    return "#" + std::to_string(id);
}

} // namespace

MergeEditor::MergeEditor(Database &db)
    : db_(db)
{
}

bool MergeEditor::profileExists(std::int64_t id)
{
    auto query = db_.prepare("SELECT 1 FROM profiles WHERE id = ?1");
    query.bind(1, id);
    return query.step();
}

std::int64_t MergeEditor::currentProfile(std::int64_t profileId)
{
    auto keptFor
        = db_.prepare("SELECT kept_profile_id FROM merges WHERE merged_profile_id = ?1 "
                      "AND action = 'merge' AND undone_at IS NULL ORDER BY id DESC LIMIT 1");
    std::int64_t profile = profileId;
    // Each step follows one merge; a chain longer than the merges table would be a cycle.
    for (int steps = 0; steps < 100000; ++steps) {
        if (profileExists(profile))
            return profile;
        keptFor.bind(1, profile);
        if (!keptFor.step())
            break;
        profile = keptFor.columnInt(0);
        keptFor.reset();
    }
    throw MergeEditError("Profile " + std::to_string(profileId) + " no longer exists.");
}

MergeEditor::Row MergeEditor::loadRow(std::int64_t id)
{
    auto query = db_.prepare("SELECT id, action, kept_profile_id, merged_profile_id, "
                             "identity_kind, identity_value, undone_at FROM merges WHERE id = ?1");
    query.bind(1, id);
    if (!query.step())
        throw MergeEditError("There is no merge " + recordName(id) + ".");
    Row row;
    row.id = query.columnInt(0);
    row.action = query.columnText(1);
    row.kept = query.columnInt(2);
    row.merged = query.columnInt(3);
    if (!query.isNull(4))
        row.identityKind = query.columnText(4);
    if (!query.isNull(5))
        row.identityValue = query.columnText(5);
    row.undone = !query.isNull(6);
    return row;
}

void MergeEditor::recordIdentities(
    std::int64_t recordId, const std::vector<std::int64_t> &identities)
{
    auto record
        = db_.prepare("INSERT INTO merge_identities(merge_id, identity_id) VALUES (?1, ?2)");
    for (const std::int64_t identity : identities)
        record.bind(1, recordId).bind(2, identity).run();
}

void MergeEditor::refreshKnown(std::int64_t profile)
{
    db_.prepare("UPDATE profiles SET is_known = EXISTS (SELECT 1 FROM identities "
                "WHERE profile_id = ?1 AND kind <> ?2) WHERE id = ?1")
        .bind(1, profile)
        .bind(2, IdentityKind::AnonymousId)
        .run();
}

MergeEdit MergeEditor::splitRow(const Row &merge, Millis now)
{
    if (merge.action != "merge")
        throw MergeEditError(recordName(merge.id)
            + " is a split, not a merge; undo it to merge "
              "the profiles again.");
    if (merge.undone)
        throw MergeEditError("Merge " + recordName(merge.id) + " was already undone.");
    const std::int64_t from = currentProfile(merge.kept);
    const std::int64_t to = merge.merged;
    if (profileExists(to))
        throw MergeEditError("Profile " + std::to_string(to) + " exists again, so merge "
            + recordName(merge.id) + " cannot be split.");

    // The identities the merged profile brought that are still where the merge put them.
    std::vector<std::int64_t> identities;
    Millis createdAt = now;
    {
        auto query = db_.prepare(
            "SELECT i.id, i.first_seen FROM merge_identities m JOIN identities i "
            "ON i.id = m.identity_id WHERE m.merge_id = ?1 AND i.profile_id = ?2 ORDER BY i.id");
        query.bind(1, merge.id).bind(2, from);
        while (query.step()) {
            identities.push_back(query.columnInt(0));
            createdAt = std::min(createdAt, query.columnInt(1));
        }
    }
    if (identities.empty())
        throw MergeEditError("Merge " + recordName(merge.id)
            + " has no record of the identifiers the merged profile brought (it is older than "
              "that record, or they were split or erased since), so it cannot be split.");

    MergeEdit edit;
    edit.keptProfileId = from;
    edit.otherProfileId = to;
    db_.prepare("INSERT INTO profiles(id, created_at, is_known) VALUES (?1, ?2, 0)")
        .bind(1, to)
        .bind(2, createdAt)
        .run();
    auto moveIdentity = db_.prepare("UPDATE identities SET profile_id = ?1 WHERE id = ?2");
    for (const std::int64_t identity : identities) {
        moveIdentity.bind(1, to).bind(2, identity).run();
        ++edit.identitiesMoved;
    }
    db_.prepare("UPDATE events SET profile_id = ?2 WHERE profile_id = ?1 AND identity_id IN "
                "(SELECT id FROM identities WHERE profile_id = ?2)")
        .bind(1, from)
        .bind(2, to)
        .run();
    edit.eventsMoved = db_.changes();
    db_.prepare("UPDATE profiles SET created_at = min(created_at, coalesce((SELECT min(ts) FROM "
                "events WHERE profile_id = ?1), created_at)) WHERE id = ?1")
        .bind(1, to)
        .run();
    refreshKnown(from);
    refreshKnown(to);

    db_.prepare("UPDATE merges SET undone_at = ?2 WHERE id = ?1")
        .bind(1, merge.id)
        .bind(2, now)
        .run();
    db_.prepare("INSERT INTO merges(ts, kept_profile_id, merged_profile_id, identity_kind, "
                "identity_value, reason, action, reverts_id) "
                "VALUES (?1, ?2, ?3, ?4, ?5, 'split', 'split', ?6)")
        .bind(1, now)
        .bind(2, from)
        .bind(3, to)
        .bind(4, merge.identityKind)
        .bind(5, merge.identityValue)
        .bind(6, merge.id)
        .run();
    edit.recordId = db_.lastInsertRowId();
    recordIdentities(edit.recordId, identities);
    edit.changedProfiles = { from, to };
    return edit;
}

MergeEdit MergeEditor::mergeProfiles(
    std::int64_t kept, std::int64_t merged, std::optional<std::int64_t> reverts, Millis now)
{
    if (kept == merged)
        throw MergeEditError("A profile cannot be merged with itself.");
    for (const std::int64_t profile : { kept, merged }) {
        if (!profileExists(profile))
            throw MergeEditError("Profile " + std::to_string(profile) + " does not exist.");
    }
    MergeEdit edit;
    edit.keptProfileId = kept;
    edit.otherProfileId = merged;
    std::vector<std::int64_t> identities;
    {
        auto query = db_.prepare("SELECT id FROM identities WHERE profile_id = ?1 ORDER BY id");
        query.bind(1, merged);
        while (query.step())
            identities.push_back(query.columnInt(0));
    }
    db_.prepare("UPDATE identities SET profile_id = ?1 WHERE profile_id = ?2")
        .bind(1, kept)
        .bind(2, merged)
        .run();
    edit.identitiesMoved = db_.changes();
    // As identity resolution merges: the newer consent of a channel wins, attributes the
    // kept profile lacks are filled from the merged one.
    ProfileCombiner(db_).combine(kept, merged);
    db_.prepare("UPDATE events SET profile_id = ?1 WHERE profile_id = ?2")
        .bind(1, kept)
        .bind(2, merged)
        .run();
    edit.eventsMoved = db_.changes();
    db_.prepare("DELETE FROM profiles WHERE id = ?1").bind(1, merged).run();
    refreshKnown(kept);

    db_.prepare("INSERT INTO merges(ts, kept_profile_id, merged_profile_id, reason, action, "
                "reverts_id) VALUES (?1, ?2, ?3, 'manual', 'merge', ?4)")
        .bind(1, now)
        .bind(2, kept)
        .bind(3, merged)
        .bind(4, reverts)
        .run();
    edit.recordId = db_.lastInsertRowId();
    recordIdentities(edit.recordId, identities);
    edit.changedProfiles = { kept };
    edit.removedProfiles = { merged };
    return edit;
}

void MergeEditor::refreshTraits(const MergeEdit &edit)
{
    std::vector<std::int64_t> touched = edit.changedProfiles;
    touched.insert(touched.end(), edit.removedProfiles.begin(), edit.removedProfiles.end());
    TraitBuilder::refresh(db_, touched);
}

MergeEdit MergeEditor::split(std::int64_t mergeId)
{
    Transaction transaction(db_);
    MergeEdit edit = splitRow(loadRow(mergeId), nowMillis());
    refreshTraits(edit);
    transaction.commit();
    return edit;
}

MergeEdit MergeEditor::merge(std::int64_t profileA, std::int64_t profileB)
{
    Transaction transaction(db_);
    // The older profile keeps its id, as in identity resolution.
    MergeEdit edit = mergeProfiles(
        std::min(profileA, profileB), std::max(profileA, profileB), std::nullopt, nowMillis());
    refreshTraits(edit);
    transaction.commit();
    return edit;
}

MergeEdit MergeEditor::undo(std::int64_t recordId)
{
    Transaction transaction(db_);
    const Row row = loadRow(recordId);
    const Millis now = nowMillis();
    MergeEdit edit;
    if (row.action == "merge") {
        edit = splitRow(row, now);
    } else {
        if (row.undone)
            throw MergeEditError("Split " + recordName(row.id) + " was already undone.");
        if (!profileExists(row.merged))
            throw MergeEditError("Profile " + std::to_string(row.merged) + " that split "
                + recordName(row.id) + " made no longer exists.");
        edit = mergeProfiles(currentProfile(row.kept), row.merged, row.id, now);
        db_.prepare("UPDATE merges SET undone_at = ?2 WHERE id = ?1")
            .bind(1, row.id)
            .bind(2, now)
            .run();
    }
    refreshTraits(edit);
    transaction.commit();
    return edit;
}

} // namespace clientele
