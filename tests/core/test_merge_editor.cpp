#include "TestFiles.h"

#include "demo/DemoStore.h"
#include "identity/IdentityResolver.h"
#include "identity/MergeEditor.h"
#include "profile/IdentifierRef.h"
#include "profile/ProfileReader.h"
#include "profile/TraitBuilder.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace clientele;

namespace {

/// Where every event and identity is, and which profiles exist: what a split must restore.
struct Placement {
    std::map<std::int64_t, std::int64_t> events;
    std::map<std::int64_t, std::int64_t> identities;
    std::vector<std::int64_t> profiles;

    bool operator==(const Placement &other) const = default;
};

} // namespace

/** Splitting wrong merges, merging by hand, and undoing both. */
class TestMergeEditor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void splitGivesTheDeviceBackItsHistory();
    void undoingASplitMergesAgain();
    void manualMergeRoundTrip();
    void splitOfAChainedMerge();
    void splitOfTheBriefShopper();
    void refusesWhatCannotBeDone();
    void traitsAreRefreshedInTheEditsTransaction();

private:
    Database &db() { return workspace_->db(); }
    std::int64_t count(const std::string &sql) { return db().queryInt(sql); }
    void addEvent(ProfileId profile, Millis ts, std::optional<std::int64_t> identity);
    /// Resolves like an import and writes the event with its attribution.
    ProfileId see(IdentityResolver &resolver, const std::vector<Identifier> &ids, Millis ts);
    Placement placement();
    std::int64_t identityId(const std::string &kind, const std::string &value);
    std::int64_t profileOf(const std::string &kind, const std::string &value);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    std::int64_t nextKey_ = 1;
};

void TestMergeEditor::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(dir_->filePath(QStringLiteral("w.clientele")))));
}

void TestMergeEditor::cleanup()
{
    workspace_.reset();
    dir_.reset();
}

void TestMergeEditor::addEvent(ProfileId profile, Millis ts, std::optional<std::int64_t> identity)
{
    db().prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, identity_id) "
                 "VALUES (?1, ?2, 'page_viewed', ?3, 'web', ?4)")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, profile)
        .bind(4, identity)
        .run();
}

ProfileId TestMergeEditor::see(
    IdentityResolver &resolver, const std::vector<Identifier> &ids, Millis ts)
{
    const auto profile = resolver.resolve(ids, ts, "web");
    addEvent(*profile, ts, resolver.resolvedIdentity());
    return *profile;
}

Placement TestMergeEditor::placement()
{
    Placement result;
    auto events = db().prepare("SELECT id, profile_id FROM events ORDER BY id");
    while (events.step())
        result.events[events.columnInt(0)] = events.columnInt(1);
    auto identities = db().prepare("SELECT id, profile_id FROM identities ORDER BY id");
    while (identities.step())
        result.identities[identities.columnInt(0)] = identities.columnInt(1);
    auto profiles = db().prepare("SELECT id FROM profiles ORDER BY id");
    while (profiles.step())
        result.profiles.push_back(profiles.columnInt(0));
    return result;
}

std::int64_t TestMergeEditor::identityId(const std::string &kind, const std::string &value)
{
    auto query = db().prepare("SELECT id FROM identities WHERE kind = ?1 AND value = ?2");
    query.bind(1, kind).bind(2, value);
    return query.step() ? query.columnInt(0) : -1;
}

std::int64_t TestMergeEditor::profileOf(const std::string &kind, const std::string &value)
{
    auto query = db().prepare("SELECT profile_id FROM identities WHERE kind = ?1 AND value = ?2");
    query.bind(1, kind).bind(2, value);
    return query.step() ? query.columnInt(0) : -1;
}

void TestMergeEditor::splitGivesTheDeviceBackItsHistory()
{
    IdentityResolver resolver(db());
    // Browsing anonymously on a phone, signing up on a laptop …
    const ProfileId phone = see(resolver, { { "anonymous_id", "dev-phone" } }, 1000);
    see(resolver, { { "anonymous_id", "dev-phone" } }, 1100);
    const ProfileId laptop = see(
        resolver, { { "anonymous_id", "dev-laptop" }, { "email", "lena@example.com" } }, 2000);
    const Placement before = placement();
    // … then signing in on the phone: the phone's profile merges into the laptop's.
    see(resolver, { { "anonymous_id", "dev-phone" }, { "email", "lena@example.com" } }, 3000);
    see(resolver, { { "anonymous_id", "dev-phone" } }, 3100);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    const std::int64_t mergeId = db().queryInt("SELECT id FROM merges");
    // The phone's profile is older, so it stays; the laptop's brought two identities.
    std::vector<std::int64_t> brought;
    auto listed = db().prepare(
        "SELECT identity_id FROM merge_identities WHERE merge_id = ?1 ORDER BY identity_id");
    listed.bind(1, mergeId);
    while (listed.step())
        brought.push_back(listed.columnInt(0));
    QCOMPARE(brought,
        (std::vector<std::int64_t> {
            identityId("email", "lena@example.com"), identityId("anonymous_id", "dev-laptop") }));
    const ProfileId kept = std::min(phone, laptop);
    const ProfileId merged = std::max(phone, laptop);
    QCOMPARE(kept, phone);

    MergeEditor editor(db());
    const MergeEdit split = editor.split(mergeId);
    // The phone's profile (the merged one, here the laptop's id) comes back with its id.
    QCOMPARE(split.keptProfileId, kept);
    QCOMPARE(split.otherProfileId, merged);
    QCOMPARE(split.identitiesMoved, 2); // dev-laptop and the e-mail came with the merge
    QCOMPARE(profileOf("anonymous_id", "dev-laptop"), merged);
    QCOMPARE(profileOf("email", "lena@example.com"), merged);
    QCOMPARE(profileOf("anonymous_id", "dev-phone"), kept);
    // Events go with the identity that resolved them: the sign-in (resolved by the
    // e-mail) and the laptop's go to the split-out profile, the phone's stay.
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(kept)), 3);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(merged)), 2);
    QCOMPARE(split.eventsMoved, 2);
    QCOMPARE(split.changedProfiles, (std::vector<std::int64_t> { kept, merged }));
    QCOMPARE(count("SELECT is_known FROM profiles WHERE id = " + std::to_string(kept)), 0);
    QCOMPARE(count("SELECT is_known FROM profiles WHERE id = " + std::to_string(merged)), 1);

    // The history shows the merge as undone and the split that undid it.
    ProfileReader reader(db());
    const auto record = reader.load(kept);
    QVERIFY(record);
    QCOMPARE(record->merges.size(), std::size_t(2));
    QCOMPARE(record->merges[0].id, mergeId);
    QVERIFY(record->merges[0].undoneAt);
    QCOMPARE(record->merges[1].action, std::string("split"));
    QCOMPARE(record->merges[1].reason, std::string("split"));
    QCOMPARE(record->merges[1].revertsId, std::optional<std::int64_t>(mergeId));
    QVERIFY(!record->merges[1].undoneAt);
    const auto other = reader.load(merged);
    QVERIFY(other);
    // The split-out profile's history: it was merged, then split back out.
    QCOMPARE(other->merges.size(), std::size_t(2));
    QCOMPARE(other->merges[1].action, std::string("split"));
    QCOMPARE(other->merges[1].identityIds, brought);

    // Apart from the two later events, everything is where it was before the merge.
    Placement after = placement();
    auto last = after.events.end();
    after.events.erase(std::prev(last, 2), last);
    QCOMPARE(after.identities, before.identities);
    QCOMPARE(after.profiles, before.profiles);
    for (const auto &[event, profile] : before.events)
        QCOMPARE(after.events.at(event), profile);

    // A resolver opened now sees two profiles again.
    IdentityResolver fresh(db());
    QCOMPARE(*fresh.lookup("email", "lena@example.com"), merged);
    QCOMPARE(*fresh.lookup("anonymous_id", "dev-phone"), kept);
}

void TestMergeEditor::undoingASplitMergesAgain()
{
    IdentityResolver resolver(db());
    see(resolver, { { "anonymous_id", "a" } }, 1);
    see(resolver, { { "email", "x@example.com" } }, 2);
    see(resolver, { { "anonymous_id", "a" }, { "email", "x@example.com" } }, 3);
    const Placement merged = placement();
    const std::int64_t mergeId = db().queryInt("SELECT id FROM merges");

    MergeEditor editor(db());
    const MergeEdit split = editor.split(mergeId);
    QVERIFY(placement() != merged);
    const MergeEdit again = editor.undo(split.recordId);
    QCOMPARE(placement(), merged);
    QCOMPARE(again.removedProfiles, (std::vector<std::int64_t> { split.otherProfileId }));
    QCOMPARE(count("SELECT count(*) FROM merges"), 3);
    QCOMPARE(count("SELECT count(*) FROM merges WHERE undone_at IS NULL"), 1);
    QCOMPARE(count("SELECT reverts_id FROM merges WHERE undone_at IS NULL"), split.recordId);
    QCOMPARE(count("SELECT count(*) FROM merges WHERE reason = 'manual'"), 1);
    // … and that re-merge can be undone in turn.
    editor.undo(again.recordId);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 2);
}

void TestMergeEditor::manualMergeRoundTrip()
{
    IdentityResolver resolver(db());
    const ProfileId ana = see(resolver, { { "email", "ana@example.com" } }, 10);
    see(resolver, { { "email", "ana@example.com" } }, 11);
    const ProfileId work = see(resolver, { { "email", "ana.lopez@work.example" } }, 20);
    addEvent(work, 21, std::nullopt); // from before attribution
    db().exec("UPDATE profiles SET first_name = 'Ana' WHERE id = " + std::to_string(ana));
    db().exec("INSERT INTO consents VALUES (" + std::to_string(work)
        + ", 'email', 'granted', 'web', 25)");
    const Placement before = placement();

    MergeEditor editor(db());
    const MergeEdit merge = editor.merge(work, ana);
    QCOMPARE(merge.keptProfileId, ana);
    QCOMPARE(merge.otherProfileId, work);
    QCOMPARE(merge.eventsMoved, 2);
    QCOMPARE(merge.removedProfiles, (std::vector<std::int64_t> { work }));
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(ana)), 4);
    QCOMPARE(count("SELECT count(*) FROM consents WHERE profile_id = " + std::to_string(ana)), 1);
    auto row
        = db().prepare("SELECT action, reason, kept_profile_id, merged_profile_id FROM merges");
    QVERIFY(row.step());
    QCOMPARE(row.columnText(0), std::string("merge"));
    QCOMPARE(row.columnText(1), std::string("manual"));
    QCOMPARE(row.columnInt(2), ana);
    QCOMPARE(row.columnInt(3), work);

    const MergeEdit undone = editor.undo(merge.recordId);
    QCOMPARE(undone.otherProfileId, work);
    Placement after = placement();
    // The unattributed event stays with the kept profile, as documented; all else is back.
    const std::int64_t unattributed
        = db().queryInt("SELECT id FROM events WHERE identity_id IS NULL");
    QCOMPARE(after.events.at(unattributed), ana);
    after.events[unattributed] = work;
    QCOMPARE(after, before);
    QCOMPARE(count("SELECT count(*) FROM merges WHERE action = 'split' AND reverts_id = "
                 + std::to_string(merge.recordId)),
        1);
}

void TestMergeEditor::splitOfAChainedMerge()
{
    // b merges into a, then a (now holding b) merges into the older c by hand; splitting
    // the first merge still gives b its own identifiers back.
    IdentityResolver resolver(db());
    const ProfileId c = see(resolver, { { "customer_id", "C1" } }, 1);
    const ProfileId a = see(resolver, { { "email", "a@example.com" } }, 2);
    const ProfileId b = see(resolver, { { "anonymous_id", "b" } }, 3);
    see(resolver, { { "email", "a@example.com" }, { "anonymous_id", "b" } }, 4);
    const std::int64_t first = db().queryInt("SELECT id FROM merges");
    MergeEditor editor(db());
    editor.merge(a, c);
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
    QCOMPARE(editor.currentProfile(b), c);
    const MergeEdit split = editor.split(first);
    QCOMPARE(split.keptProfileId, c);
    QCOMPARE(split.otherProfileId, b);
    QCOMPARE(profileOf("anonymous_id", "b"), b);
    QCOMPARE(profileOf("email", "a@example.com"), c);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(b)), 1);
}

void TestMergeEditor::splitOfTheBriefShopper()
{
    DemoOptions options;
    options.shoppers = 40;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::generate(*workspace_, options);
    ProfileReader reader(db());
    const auto lena = reader.find(
        IdentifierRef::parse(std::string("email:") + DemoStore::kBriefShopperEmail, "DE"));
    QVERIFY(lena);
    const auto record = reader.load(*lena);
    QVERIFY(record);
    // The brief shopper browsed on her phone before signing in: a merge of a device.
    const ProfileMerge *deviceMerge = nullptr;
    for (const ProfileMerge &merge : record->merges) {
        if (merge.identityIds.size() == 1)
            deviceMerge = &merge;
    }
    QVERIFY2(deviceMerge, "the brief shopper has no recorded device merge");
    const std::int64_t device = deviceMerge->identityIds.front();
    const std::int64_t deviceEvents
        = count("SELECT count(*) FROM events WHERE identity_id = " + std::to_string(device));
    QVERIFY(deviceEvents > 0);
    const std::int64_t allEvents
        = count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(*lena));
    const Placement before = placement();

    MergeEditor editor(db());
    const MergeEdit split = editor.split(deviceMerge->id);
    QCOMPARE(split.keptProfileId, *lena);
    QCOMPARE(split.identitiesMoved, 1);
    QCOMPARE(split.eventsMoved, deviceEvents);
    QCOMPARE(count("SELECT profile_id FROM identities WHERE id = " + std::to_string(device)),
        split.otherProfileId);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = " + std::to_string(*lena)),
        allEvents - deviceEvents);
    // Her e-mail, customer id and the rest of her history stay hers.
    QCOMPARE(*reader.find(
                 IdentifierRef::parse(std::string("email:") + DemoStore::kBriefShopperEmail, "DE")),
        *lena);
    QCOMPARE(count("SELECT count(*) FROM events WHERE profile_id = "
                 + std::to_string(split.otherProfileId) + " AND identity_id <> "
                 + std::to_string(device)),
        0);

    editor.undo(split.recordId);
    QCOMPARE(placement(), before);
}

void TestMergeEditor::refusesWhatCannotBeDone()
{
    IdentityResolver resolver(db());
    const ProfileId a = see(resolver, { { "anonymous_id", "a" } }, 1);
    see(resolver, { { "email", "x@example.com" } }, 2);
    see(resolver, { { "anonymous_id", "a" }, { "email", "x@example.com" } }, 3);
    const std::int64_t mergeId = db().queryInt("SELECT id FROM merges");
    MergeEditor editor(db());
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.merge(a, a));
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.merge(a, 999));
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.split(4711));
    const MergeEdit split = editor.split(mergeId);
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.split(mergeId));
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.split(split.recordId));
    editor.undo(split.recordId);
    QVERIFY_THROWS_EXCEPTION(MergeEditError, editor.undo(split.recordId));
    // A merge recorded before merge_identities existed cannot be split, and says why.
    db().exec("DELETE FROM merge_identities");
    const std::int64_t remerge = db().queryInt("SELECT max(id) FROM merges");
    try {
        editor.split(remerge);
        QFAIL("split without a record of the identities");
    } catch (const MergeEditError &error) {
        QVERIFY2(std::string(error.what()).find("no record") != std::string::npos, error.what());
    }
    QCOMPARE(count("SELECT count(*) FROM profiles"), 1);
}

void TestMergeEditor::traitsAreRefreshedInTheEditsTransaction()
{
    IdentityResolver resolver(db());
    const ProfileId ana = see(resolver, { { "email", "ana@example.com" } }, 10);
    see(resolver, { { "email", "ana@example.com" } }, 11);
    const ProfileId work = see(resolver, { { "email", "ana.lopez@work.example" } }, 20);
    see(resolver, { { "email", "ana.lopez@work.example" } }, 21);
    TraitBuilder::refresh(db(), { ana, work }); // as an import leaves them
    const auto lastSeen = [this](ProfileId profile) {
        return count("SELECT coalesce(max(last_seen), -1) FROM profile_traits WHERE profile_id = "
            + std::to_string(profile));
    };
    QCOMPARE(lastSeen(ana), 11);

    // A merge, a split and an undo each leave the traits as a refresh computes them.
    MergeEditor editor(db());
    const MergeEdit merge = editor.merge(ana, work);
    QCOMPARE(lastSeen(ana), 21);
    QCOMPARE(lastSeen(work), -1);
    const MergeEdit split = editor.undo(merge.recordId);
    QCOMPARE(lastSeen(ana), 11);
    QCOMPARE(lastSeen(work), 21);

    // A refresh that fails takes the edit with it: no half-done merge with stale traits.
    db().exec("CREATE TEMP TRIGGER fail_trait_inserts BEFORE INSERT ON main.profile_traits "
              "BEGIN SELECT RAISE(ABORT, 'trait refresh failed'); END");
    db().exec("CREATE TEMP TRIGGER fail_trait_updates BEFORE UPDATE ON main.profile_traits "
              "BEGIN SELECT RAISE(ABORT, 'trait refresh failed'); END");
    const Placement before = placement();
    const std::int64_t records = count("SELECT count(*) FROM merges");
    const std::int64_t undone = count("SELECT count(*) FROM merges WHERE undone_at IS NOT NULL");
    QVERIFY_THROWS_EXCEPTION(StoreError, editor.undo(split.recordId));
    QVERIFY_THROWS_EXCEPTION(StoreError, editor.merge(ana, work));
    QCOMPARE(placement(), before);
    QCOMPARE(count("SELECT count(*) FROM merges"), records);
    QCOMPARE(count("SELECT count(*) FROM merges WHERE undone_at IS NOT NULL"), undone);
    QCOMPARE(lastSeen(ana), 11);
    QCOMPARE(lastSeen(work), 21);
    QVERIFY(!db().inTransaction());

    db().exec("DROP TRIGGER fail_trait_inserts");
    db().exec("DROP TRIGGER fail_trait_updates");
    editor.undo(split.recordId);
    QCOMPARE(lastSeen(ana), 21);
    QCOMPARE(lastSeen(work), -1);
}

QTEST_GUILESS_MAIN(TestMergeEditor)
#include "test_merge_editor.moc"
