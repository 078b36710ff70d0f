#include "TraitBuilder.h"

#include "Rfm.h"
#include "TraitAccumulator.h"
#include "TraitStorage.h"

#include "store/Database.h"
#include "store/PragmaScope.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <algorithm>
#include <map>

namespace clientele {

namespace {

constexpr const char *kModelKey = "traits.rfm";
constexpr const char *kStage = TraitBuilder::kProgressStage;
constexpr std::int64_t kProgressEvery = 20000; ///< profiles between two progress reports

/**
 * A nested transaction: rolls back to where it started unless released, and leaves the
 * enclosing transaction (if any) open either way.
 */
class Savepoint {
public:
    explicit Savepoint(Database &db)
        : db_(db)
    {
        db_.exec("SAVEPOINT trait_rebuild");
    }
    ~Savepoint()
    {
        if (!open_)
            return;
        try {
            db_.exec("ROLLBACK TO trait_rebuild");
            db_.exec("RELEASE trait_rebuild");
        } catch (const StoreError &) {
            // SQLite may already have rolled back the whole transaction (e.g. disk full).
        }
    }
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    void release()
    {
        db_.exec("RELEASE trait_rebuild");
        open_ = false;
    }

private:
    Database &db_;
    bool open_ = true;
};

std::string eventColumns()
{
    return std::string("ts, type, channel, product_id, category, order_id, cart_id, value, "
                       "quantity, ")
        + TraitAccumulator::propsColumnSql();
}

/// Reads the columns of eventColumns(), starting at column first: only those the event's
/// kind needs (most events are views, which need two).
TraitEvent eventAt(const Statement &row, int first)
{
    TraitEvent event;
    event.ts = row.columnInt(first);
    event.type = row.columnView(first + 1);
    event.kind = TraitAccumulator::kindOf(event.type);
    event.channel = row.columnView(first + 2);
    const auto columns = TraitAccumulator::columnsOf(event.kind);
    if (columns.product) {
        event.productId = row.isNull(first + 3) ? 0 : row.columnInt(first + 3);
        event.category = row.columnView(first + 4);
    }
    if (columns.order)
        event.orderId = row.columnView(first + 5);
    if (columns.cart)
        event.cartId = row.columnView(first + 6);
    if (columns.value) {
        if (!row.isNull(first + 7))
            event.value = row.columnDouble(first + 7);
        if (!row.isNull(first + 8))
            event.quantity = row.columnInt(first + 8);
    }
    if (columns.props)
        event.props = row.columnView(first + 9);
    return event;
}

constexpr std::int64_t kWorkCacheKiB = 16 * 1024;

std::optional<RfmModel> storedModel(Database &db)
{
    auto query = db.prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, kModelKey);
    if (!query.step())
        return std::nullopt;
    return RfmModel::fromJson(query.columnView(0));
}

void storeModel(Database &db, const RfmModel &model)
{
    db.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, kModelKey)
        .bind(2, model.toJson())
        .run();
}

void applyScores(ProfileTraits &traits, const RfmModel &model)
{
    if (traits.orders <= 0 || !traits.lastOrder || model.buyers == 0)
        return;
    const RfmScores scores = model.score({ *traits.lastOrder, traits.orders, traits.revenue });
    traits.rfmRecency = scores.recency;
    traits.rfmFrequency = scores.frequency;
    traits.rfmMonetary = scores.monetary;
    traits.rfmGroup = rfmGroup(scores.recency, scores.frequency);
}

/// Measures the cut points over the stored traits of all buyers and scores every buyer.
void rescoreAll(Database &db, Millis referenceTime)
{
    std::vector<ProfileId> ids;
    std::vector<RfmInput> buyers;
    {
        auto query = db.prepare("SELECT profile_id, last_order, orders, revenue FROM "
                                "profile_traits WHERE orders > 0 AND last_order IS NOT NULL");
        while (query.step()) {
            ids.push_back(query.columnInt(0));
            buyers.push_back({ query.columnInt(1), query.columnInt(2), query.columnDouble(3) });
        }
    }
    const RfmModel model = RfmModel::fit(referenceTime, buyers);
    auto update = db.prepare("UPDATE profile_traits SET rfm_recency = ?2, rfm_frequency = ?3, "
                             "rfm_monetary = ?4, rfm_group = ?5 WHERE profile_id = ?1");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const RfmScores scores = model.score(buyers[i]);
        update.bind(1, ids[i])
            .bind(2, scores.recency)
            .bind(3, scores.frequency)
            .bind(4, scores.monetary)
            .bind(5, rfmGroup(scores.recency, scores.frequency))
            .run();
    }
    storeModel(db, model);
}

/// Moves a cursor ordered by profile id (column 0) past the rows of profiles before id.
bool skipBefore(Statement &cursor, bool more, ProfileId id)
{
    while (more && cursor.columnInt(0) < id)
        more = cursor.step();
    return more;
}

} // namespace

std::optional<Millis> TraitBuilder::latestEventTime(Database &db)
{
    if (db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                    "AND name = 'events_type_ts'")
        == 0) {
        auto scan = db.prepare("SELECT max(ts) FROM events");
        if (!scan.step() || scan.isNull(0))
            return std::nullopt;
        return scan.columnInt(0);
    }
    // Walk the distinct types on the (type, ts) index and take each one's latest time.
    auto nextType = db.prepare("SELECT type FROM events WHERE type > ?1 ORDER BY type LIMIT 1");
    auto latest = db.prepare("SELECT ts FROM events WHERE type = ?1 ORDER BY ts DESC LIMIT 1");
    std::optional<Millis> result;
    std::string type;
    bool first = true;
    while (true) {
        if (first) {
            auto lowest = db.prepare("SELECT type FROM events ORDER BY type LIMIT 1");
            if (!lowest.step())
                break;
            type = lowest.columnText(0);
            first = false;
        } else {
            nextType.bind(1, type);
            const bool found = nextType.step();
            if (found)
                type = nextType.columnText(0);
            nextType.reset();
            if (!found)
                break;
        }
        latest.bind(1, type);
        if (latest.step())
            result = std::max(result.value_or(latest.columnInt(0)), latest.columnInt(0));
        latest.reset();
    }
    return result;
}

void TraitBuilder::rebuildAll(Database &db, ProgressSink *progress)
{
    // Sorts and ordered scans want a small cache (PERF-NOTES: SQLite's sorter threads stay
    // on); the workspace connection's default is 2 MB.
    PragmaScope cache(db, "cache_size", -kWorkCacheKiB);
    TransactionUnlessOpen transaction(db);
    Savepoint savepoint(db);
    const Millis referenceTime = latestEventTime(db).value_or(0);
    const TraitCatalog catalog = TraitCatalog::load(db);
    const std::int64_t total = db.queryInt("SELECT count(*) FROM profiles");
    reportProgress(progress, 0, total, kStage);

    const auto indexes = dropIndexesOf(db, "profile_traits");
    db.exec("DELETE FROM profile_traits");

    // Four cursors in profile order, merged as one pass: no per-profile query.
    auto profiles
        = db.prepare("SELECT id, first_name, last_name, country, city FROM profiles ORDER BY id");
    auto identities = db.prepare("SELECT profile_id, kind, value, first_seen, id FROM identities "
                                 "ORDER BY profile_id");
    auto consents
        = db.prepare("SELECT profile_id, channel, status, ts FROM consents ORDER BY profile_id");
    // A scan and a sort, not the (profile_id, ts) index: walking the index visits the table
    // in random order, one page read per event, where a scan reads each page once and
    // SQLite sorts on two threads (PERF-NOTES: 19 s → 7.7 s for ten million events).
    auto events = db.prepare("SELECT profile_id, " + eventColumns()
        + " FROM events NOT INDEXED ORDER BY profile_id, ts, id");
    auto insert = db.prepare(TraitStorage::insertSql());

    TraitAccumulator accumulator(catalog, referenceTime);
    bool moreIdentities = identities.step();
    bool moreConsents = consents.step();
    bool moreEvents = events.step();
    std::int64_t done = 0;
    while (profiles.step()) {
        const ProfileId id = profiles.columnInt(0);
        accumulator.start(id);
        accumulator.addAttributes(profiles.columnView(1), profiles.columnView(2),
            profiles.columnView(3), profiles.columnView(4));
        moreIdentities = skipBefore(identities, moreIdentities, id);
        while (moreIdentities && identities.columnInt(0) == id) {
            accumulator.addIdentity(identities.columnView(1), identities.columnView(2),
                identities.columnInt(3), identities.columnInt(4));
            moreIdentities = identities.step();
        }
        moreConsents = skipBefore(consents, moreConsents, id);
        while (moreConsents && consents.columnInt(0) == id) {
            accumulator.addConsent(
                consents.columnView(1), consents.columnView(2), consents.columnInt(3));
            moreConsents = consents.step();
        }
        moreEvents = skipBefore(events, moreEvents, id);
        while (moreEvents && events.columnInt(0) == id) {
            accumulator.addEvent(eventAt(events, 1));
            moreEvents = events.step();
        }
        TraitStorage::bind(insert, accumulator.finish());
        insert.run();
        if (++done % kProgressEvery == 0)
            reportProgress(progress, done, total, kStage);
    }

    rescoreAll(db, referenceTime);
    recreateIndexes(db, indexes);
    // Fresh statistics let the planner pick the right index for a segment's conditions
    // (e.g. revenue before last_order when few shoppers spent much).
    refreshQueryStatistics(db);
    reportProgress(progress, total, total, kStage);
    savepoint.release();
    transaction.commit();
}

void TraitBuilder::refresh(Database &db, const std::vector<ProfileId> &profiles)
{
    if (profiles.empty())
        return;
    std::vector<ProfileId> ids = profiles;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    // Sorts and ordered scans want a small cache (PERF-NOTES: SQLite's sorter threads stay
    // on); the workspace connection's default is 2 MB.
    PragmaScope cache(db, "cache_size", -kWorkCacheKiB);
    const std::optional<RfmModel> model = storedModel(db);
    const bool scored = model && model->buyers > 0;
    const Millis referenceTime = scored ? model->referenceTime : latestEventTime(db).value_or(0);
    const TraitCatalog catalog = TraitCatalog::load(db);

    auto profile
        = db.prepare("SELECT first_name, last_name, country, city FROM profiles WHERE id = ?1");
    auto identities
        = db.prepare("SELECT kind, value, first_seen, id FROM identities WHERE profile_id = ?1");
    auto consents = db.prepare("SELECT channel, status, ts FROM consents WHERE profile_id = ?1");
    auto events = db.prepare(
        "SELECT " + eventColumns() + " FROM events WHERE profile_id = ?1 ORDER BY ts, id");
    auto insert = db.prepare(TraitStorage::insertSql());
    auto remove = db.prepare("DELETE FROM profile_traits WHERE profile_id = ?1");

    // Compute every row first, then write them in id order: reading and writing in turns
    // would make each evict the other's pages from the cache.
    TraitAccumulator accumulator(catalog, referenceTime);
    std::vector<ProfileTraits> rows;
    std::vector<ProfileId> gone;
    rows.reserve(ids.size());
    for (const ProfileId id : ids) {
        profile.bind(1, id);
        if (!profile.step()) {
            profile.reset();
            gone.push_back(id);
            continue;
        }
        accumulator.start(id);
        accumulator.addAttributes(profile.columnView(0), profile.columnView(1),
            profile.columnView(2), profile.columnView(3));
        profile.reset();

        identities.bind(1, id);
        while (identities.step())
            accumulator.addIdentity(identities.columnView(0), identities.columnView(1),
                identities.columnInt(2), identities.columnInt(3));
        identities.reset();
        consents.bind(1, id);
        while (consents.step())
            accumulator.addConsent(
                consents.columnView(0), consents.columnView(1), consents.columnInt(2));
        consents.reset();
        events.bind(1, id);
        while (events.step())
            accumulator.addEvent(eventAt(events, 0));
        events.reset();

        rows.push_back(accumulator.finish());
        if (scored)
            applyScores(rows.back(), *model);
    }
    for (const ProfileId id : gone)
        remove.bind(1, id).run();
    // Most refreshed rows change in a few columns (last seen, a count): updating just those
    // leaves the indexes of the others alone, several times cheaper than replacing the row.
    auto stored = db.prepare(
        "SELECT " + TraitStorage::columnList() + " FROM profile_traits WHERE profile_id = ?1");
    std::map<std::uint64_t, Statement> updates;
    const auto &names = TraitStorage::columns();
    static_assert(sizeof(std::uint64_t) * 8 >= 46, "one bit per column");
    for (const ProfileTraits &row : rows) {
        stored.bind(1, row.profileId);
        if (!stored.step()) {
            stored.reset();
            TraitStorage::bind(insert, row);
            insert.run();
            continue;
        }
        const auto before = TraitStorage::values(TraitStorage::read(stored));
        stored.reset();
        const auto after = TraitStorage::values(row);
        std::uint64_t changed = 0;
        for (std::size_t i = 1; i < after.size(); ++i)
            if (before[i] != after[i])
                changed |= std::uint64_t(1) << i;
        if (changed == 0)
            continue;
        auto update = updates.find(changed);
        if (update == updates.end()) {
            std::string sql = "UPDATE profile_traits SET ";
            int parameter = 1;
            for (std::size_t i = 1; i < after.size(); ++i)
                if (changed & (std::uint64_t(1) << i)) {
                    sql += (parameter > 1 ? ", " : "") + names[i] + " = ?";
                    sql += std::to_string(++parameter);
                }
            update = updates.emplace(changed, db.prepare(sql + " WHERE profile_id = ?1")).first;
        }
        Statement &statement = update->second;
        statement.bind(1, row.profileId);
        int parameter = 1;
        for (std::size_t i = 1; i < after.size(); ++i)
            if (changed & (std::uint64_t(1) << i))
                TraitStorage::bindValue(statement, ++parameter, after[i]);
        statement.run();
    }
    if (!scored)
        rescoreAll(db, referenceTime);
}

} // namespace clientele
