#include "Workspace.h"

namespace clientele {

namespace {

/// Version 1: the foundation. Later versions append; a released migration never changes.
void createBaseSchema(Database &db)
{
    db.exec("PRAGMA application_id = " + std::to_string(Workspace::kApplicationId));
    db.exec(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE products (
    id             INTEGER PRIMARY KEY,
    sku            TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    category       TEXT NOT NULL,
    brand          TEXT,
    price          REAL NOT NULL,
    currency       TEXT NOT NULL,
    replenish_days INTEGER
);

CREATE TABLE profiles (
    id         INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    first_name TEXT,
    last_name  TEXT,
    country    TEXT,
    city       TEXT,
    timezone   TEXT,
    is_known   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    preset      TEXT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL,
    rows_read   INTEGER NOT NULL DEFAULT 0,
    imported    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_rejects (
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    raw       TEXT
);
CREATE INDEX import_rejects_import ON import_rejects(import_id, line);

CREATE TABLE identities (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    source     TEXT,
    first_seen INTEGER NOT NULL,
    UNIQUE (kind, value)
);
CREATE INDEX identities_profile ON identities(profile_id);

CREATE TABLE consents (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    channel    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('granted', 'denied', 'unsubscribed')),
    source     TEXT,
    ts         INTEGER NOT NULL,
    PRIMARY KEY (profile_id, channel)
) WITHOUT ROWID;

CREATE TABLE merges (
    id                INTEGER PRIMARY KEY,
    ts                INTEGER NOT NULL,
    kept_profile_id   INTEGER NOT NULL,
    merged_profile_id INTEGER NOT NULL,
    identity_kind     TEXT,
    identity_value    TEXT,
    reason            TEXT NOT NULL,
    import_id         INTEGER REFERENCES imports(id),
    undone_at         INTEGER
);
CREATE INDEX merges_kept ON merges(kept_profile_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    event_key  INTEGER NOT NULL,
    ts         INTEGER NOT NULL,
    type       TEXT NOT NULL,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    channel    TEXT NOT NULL,
    product_id INTEGER,
    category   TEXT,
    order_id   TEXT,
    cart_id    TEXT,
    value      REAL,
    quantity   INTEGER,
    currency   TEXT,
    import_id  INTEGER REFERENCES imports(id),
    props      TEXT
);
)sql");
    createEventIndexes(db);
}

/// Version 2: identity resolution records the merges its rules refused, with the reason.
void addMergeRefusals(Database &db)
{
    db.exec(R"sql(
CREATE TABLE merge_refusals (
    id               INTEGER PRIMARY KEY,
    ts               INTEGER NOT NULL,
    profile_id       INTEGER NOT NULL,
    other_profile_id INTEGER,
    identity_kind    TEXT NOT NULL,
    identity_value   TEXT NOT NULL,
    reason           TEXT NOT NULL,
    import_id        INTEGER REFERENCES imports(id)
);
CREATE INDEX merge_refusals_profile ON merge_refusals(profile_id);
)sql");
}

/**
 * Version 3: computed traits, one wide row per profile (core/profile/TraitBuilder), indexed
 * on what segments filter and sort on. Filling it needs the trait code of the version that
 * opens the file, so the migration only asks for a rebuild; Workspace::open runs it once
 * all migrations are applied (see finishPendingTraitRebuild).
 */
void addProfileTraits(Database &db)
{
    db.exec(R"sql(
CREATE TABLE profile_traits (
    profile_id           INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
    customer_id          TEXT,
    email                TEXT,
    phone                TEXT,
    name                 TEXT,
    country              TEXT,
    city                 TEXT,
    first_seen           INTEGER,
    last_seen            INTEGER,
    channels             TEXT,
    devices              INTEGER NOT NULL DEFAULT 0,
    orders               INTEGER NOT NULL DEFAULT 0,
    revenue              REAL NOT NULL DEFAULT 0,
    average_order_value  REAL,
    first_order          INTEGER,
    last_order           INTEGER,
    cancelled_orders     INTEGER NOT NULL DEFAULT 0,
    refunds              INTEGER NOT NULL DEFAULT 0,
    refunded_value       REAL NOT NULL DEFAULT 0,
    rfm_recency          INTEGER,
    rfm_frequency        INTEGER,
    rfm_monetary         INTEGER,
    rfm_group            TEXT,
    cart_value           REAL NOT NULL DEFAULT 0,
    cart_items           INTEGER NOT NULL DEFAULT 0,
    cart_abandoned_since INTEGER,
    abandoned_carts      INTEGER NOT NULL DEFAULT 0,
    emails_received_30d  INTEGER NOT NULL DEFAULT 0,
    emails_opened_30d    INTEGER NOT NULL DEFAULT 0,
    emails_clicked_30d   INTEGER NOT NULL DEFAULT 0,
    emails_received_90d  INTEGER NOT NULL DEFAULT 0,
    emails_opened_90d    INTEGER NOT NULL DEFAULT 0,
    emails_clicked_90d   INTEGER NOT NULL DEFAULT 0,
    last_email_open      INTEGER,
    favourite_category   TEXT,
    favourite_brand      TEXT,
    last_viewed_products TEXT,
    loyalty_tier         TEXT,
    loyalty_points       INTEGER,
    open_tickets         INTEGER NOT NULL DEFAULT 0,
    reviews              INTEGER NOT NULL DEFAULT 0,
    average_rating       REAL,
    email_consent        TEXT,
    sms_consent          TEXT,
    push_consent         TEXT,
    reference_time       INTEGER
);
CREATE INDEX profile_traits_revenue ON profile_traits(revenue);
CREATE INDEX profile_traits_orders ON profile_traits(orders);
CREATE INDEX profile_traits_last_order ON profile_traits(last_order);
CREATE INDEX profile_traits_last_seen ON profile_traits(last_seen);
CREATE INDEX profile_traits_rfm ON profile_traits(rfm_group, revenue);
CREATE INDEX profile_traits_cart ON profile_traits(cart_abandoned_since);
CREATE INDEX profile_traits_country ON profile_traits(country, city);
CREATE INDEX profile_traits_category ON profile_traits(favourite_category);
CREATE INDEX profile_traits_loyalty ON profile_traits(loyalty_tier);
CREATE INDEX profile_traits_email_consent ON profile_traits(email_consent);
INSERT INTO meta(key, value) SELECT 'traits.rebuild', 'pending' WHERE EXISTS (SELECT 1 FROM profiles);
)sql");
}

/**
 * Version 4: profiles you can search, explain, split and erase.
 *
 * - events.identity_id: the identity an event was resolved by, so that splitting a merge
 *   knows which events go back (NULL for events from before: they stay where they are);
 * - merge_identities: the identities a merged profile brought, recorded at merge time;
 * - merges.action ('merge' or 'split') and reverts_id (the row a split or re-merge undid);
 * - indexes for prefix search on identifier values and on case-folded names: the keys
 *   ("first last" and "last first", folded by the clientele_name_key SQL function that
 *   every workspace connection registers) are plain columns kept by triggers, not
 *   expression indexes, so that any SQLite tool can still read and check the file;
 * - erasures: what a right-to-be-forgotten request removed, without personal data.
 */
void addProfileHistoryAndPrivacy(Database &db)
{
    db.exec(R"sql(
ALTER TABLE events ADD COLUMN identity_id INTEGER;

CREATE TABLE merge_identities (
    merge_id    INTEGER NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
    identity_id INTEGER NOT NULL,
    PRIMARY KEY (merge_id, identity_id)
) WITHOUT ROWID;

ALTER TABLE merges ADD COLUMN action TEXT NOT NULL DEFAULT 'merge'
    CHECK (action IN ('merge', 'split'));
ALTER TABLE merges ADD COLUMN reverts_id INTEGER REFERENCES merges(id);
CREATE INDEX merges_merged ON merges(merged_profile_id);
CREATE INDEX merge_refusals_other ON merge_refusals(other_profile_id);

CREATE INDEX identities_value ON identities(value);
ALTER TABLE profiles ADD COLUMN name_key TEXT;
ALTER TABLE profiles ADD COLUMN name_key_reversed TEXT;
UPDATE profiles SET name_key = clientele_name_key(first_name, last_name),
    name_key_reversed = clientele_name_key(last_name, first_name)
    WHERE first_name IS NOT NULL OR last_name IS NOT NULL;
CREATE INDEX profiles_name_first ON profiles(name_key);
CREATE INDEX profiles_name_last ON profiles(name_key_reversed);
CREATE TRIGGER profiles_name_keys_insert AFTER INSERT ON profiles
    WHEN NEW.first_name IS NOT NULL OR NEW.last_name IS NOT NULL
BEGIN
    UPDATE profiles SET name_key = clientele_name_key(NEW.first_name, NEW.last_name),
        name_key_reversed = clientele_name_key(NEW.last_name, NEW.first_name)
    WHERE id = NEW.id;
END;
CREATE TRIGGER profiles_name_keys_update AFTER UPDATE OF first_name, last_name ON profiles
    WHEN NEW.first_name IS NOT OLD.first_name OR NEW.last_name IS NOT OLD.last_name
BEGIN
    UPDATE profiles SET name_key = clientele_name_key(NEW.first_name, NEW.last_name),
        name_key_reversed = clientele_name_key(NEW.last_name, NEW.first_name)
    WHERE id = NEW.id;
END;

CREATE TABLE erasures (
    id                 INTEGER PRIMARY KEY,
    ts                 INTEGER NOT NULL,
    profile_id         INTEGER NOT NULL,
    reason             TEXT,
    events_deleted     INTEGER NOT NULL,
    identities_deleted INTEGER NOT NULL,
    consents_deleted   INTEGER NOT NULL,
    merges_deleted     INTEGER NOT NULL,
    refusals_deleted   INTEGER NOT NULL,
    rejects_deleted    INTEGER NOT NULL,
    other_rows_deleted INTEGER NOT NULL
);
)sql");
}

/**
 * Version 5: saved segments (core/segment). The definition is the segment's JSON document
 * (docs/segment-format.md); segment_sizes keeps one size per segment per day, recorded
 * when the workspace is opened (SegmentStore::recordDailySizes), for the size-over-time
 * chart.
 */
void addSegments(Database &db)
{
    db.exec(R"sql(
CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    definition  TEXT NOT NULL CHECK (json_valid(definition)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE segment_sizes (
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    size       INTEGER NOT NULL,
    PRIMARY KEY (segment_id, day)
) WITHOUT ROWID;
)sql");
}

/**
 * Version 6: campaign exports (core/export). Every export is recorded with its audience,
 * format, columns, file and counts, so a campaign can be audited and reproduced; every
 * discount code it handed out is kept with the shopper it went to, so a redeemed code can be
 * traced back and a code is never issued twice in a workspace. discount_codes.profile_id has
 * no foreign key on purpose: a merge deletes the merged profile, and the code must still
 * name the profile it was issued to (merges says where that profile went). An erasure
 * removes the shopper's codes with the other rows that carry a profile_id. Codes are random
 * keys, so every index on them costs a random page write per code: only profile_id (for
 * erasure and "codes of this shopper") is indexed, not export_id.
 */
void addExports(Database &db)
{
    db.exec(R"sql(
CREATE TABLE exports (
    id          INTEGER PRIMARY KEY,
    ts          INTEGER NOT NULL,
    audience    TEXT NOT NULL,
    format      TEXT NOT NULL,
    columns     TEXT NOT NULL,
    file        TEXT NOT NULL,
    counts      TEXT NOT NULL,
    file_sha256 TEXT
);

CREATE TABLE discount_codes (
    code       TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL,
    export_id  INTEGER NOT NULL REFERENCES exports(id),
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX discount_codes_profile ON discount_codes(profile_id);
)sql");
}

/**
 * Version 7: an index for the most common shape of a value segment, "spent more than X and
 * has not ordered for N days" (revenue range, then last_order checked inside the index):
 * 3 ms instead of 400 ms on a million shoppers. The revenue index stays: the customer list
 * pages through it in (revenue, profile) order.
 */
void addSegmentIndexes(Database &db)
{
    db.exec("CREATE INDEX profile_traits_revenue_last_order "
            "ON profile_traits(revenue, last_order)");
}

/**
 * Version 8: saved journeys and their runtime (core/journey). journeys keeps each journey's
 * definition, whether it runs, its runtime clock and watermark (the last event it has seen),
 * and its running counts. journey_state is one row per shopper and journey: the step they
 * are at (NULL when not in it), when something next happens to them (wake_at: a wait's end,
 * a wait-until's deadline, a pending cart-abandonment entry) and the rest of their state as
 * JSON. journey_entries records every entry with its arm and outcome, for the lift report;
 * outbox holds the messages a running journey scheduled, rendered, until they are exported.
 * discount_codes is rebuilt so that a code can come from an outbox message instead of an
 * export (export_id becomes optional, outbox_id is new). profile_tags holds the tags an
 * "update profile" step set (segments test them as the list field "tags");
 * journey_members the members of a journey's trigger segment at its last advance (who is
 * new in the segment enters). Tables with a
 * profile_id are covered by erasure; merges move state, messages and tags to the surviving
 * profile.
 */
void addJourneys(Database &db)
{
    db.exec(R"sql(
CREATE TABLE journeys (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    definition    TEXT NOT NULL CHECK (json_valid(definition)),
    active        INTEGER NOT NULL DEFAULT 0,
    activated_at  INTEGER,
    clock         INTEGER,
    last_event_id INTEGER NOT NULL DEFAULT 0,
    stats         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stats)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE journey_state (
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    node       TEXT,
    wake_at    INTEGER,
    state      TEXT NOT NULL CHECK (json_valid(state)),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (journey_id, profile_id)
) WITHOUT ROWID;
CREATE INDEX journey_state_wake ON journey_state(journey_id, wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX journey_state_node ON journey_state(journey_id, node) WHERE node IS NOT NULL;
CREATE INDEX journey_state_profile ON journey_state(profile_id);

CREATE TABLE journey_entries (
    id           INTEGER PRIMARY KEY,
    journey_id   INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    profile_id   INTEGER NOT NULL,
    entered_at   INTEGER NOT NULL,
    held_out     INTEGER NOT NULL DEFAULT 0,
    messages     INTEGER NOT NULL DEFAULT 0,
    converted_at INTEGER,
    left_at      INTEGER
);
CREATE INDEX journey_entries_journey ON journey_entries(journey_id, entered_at);
CREATE INDEX journey_entries_profile ON journey_entries(profile_id);

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    journey_id  INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    node        TEXT NOT NULL,
    profile_id  INTEGER NOT NULL,
    channel     TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    offer_code  TEXT,
    offer       TEXT,
    due_at      INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    exported_at INTEGER
);
CREATE INDEX outbox_journey ON outbox(journey_id, channel, due_at);
CREATE INDEX outbox_profile ON outbox(profile_id);

CREATE TABLE journey_members (
    journey_id INTEGER NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    PRIMARY KEY (journey_id, profile_id)
) WITHOUT ROWID;

CREATE TABLE profile_tags (
    profile_id INTEGER NOT NULL,
    tag        TEXT NOT NULL,
    journey_id INTEGER REFERENCES journeys(id) ON DELETE SET NULL,
    ts         INTEGER NOT NULL,
    PRIMARY KEY (profile_id, tag)
) WITHOUT ROWID;

CREATE TABLE discount_codes_v8 (
    code       TEXT PRIMARY KEY,
    profile_id INTEGER NOT NULL,
    export_id  INTEGER REFERENCES exports(id),
    outbox_id  INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO discount_codes_v8(code, profile_id, export_id, created_at)
    SELECT code, profile_id, export_id, created_at FROM discount_codes;
DROP TABLE discount_codes;
ALTER TABLE discount_codes_v8 RENAME TO discount_codes;
CREATE INDEX discount_codes_profile ON discount_codes(profile_id);
)sql");
}

} // namespace

/**
 * Version 9: identities' uniqueness is a named index instead of a table constraint. A first
 * load writes its identities in id order, appending to the table, and builds the indexes
 * afterwards by sorting (IdentityResolver::finishBulkLoad); a constraint's automatic index
 * cannot be dropped for that, and inserting in its order instead put the rows at random
 * places in the table: 5.5 s instead of 0.8 s for 2.7 million identities. The unique index
 * leads with the value, so it also serves the search by value (prefix ranges) that
 * identities_value served: one index fewer to build and to keep up.
 *
 * Also: discount codes by outbox message. Removing a journey deletes its messages, and
 * for each one the foreign key sets its codes' outbox_id to NULL: without the index, one
 * scan of all codes per message.
 */
void makeIdentityUniquenessAnIndex(Database &db)
{
    db.exec(R"sql(
CREATE TABLE identities_v9 (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    value      TEXT NOT NULL,
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    source     TEXT,
    first_seen INTEGER NOT NULL
);
INSERT INTO identities_v9(id, kind, value, profile_id, source, first_seen)
    SELECT id, kind, value, profile_id, source, first_seen FROM identities;
DROP TABLE identities;
ALTER TABLE identities_v9 RENAME TO identities;
CREATE UNIQUE INDEX identities_value_kind ON identities(value, kind);
CREATE INDEX identities_profile ON identities(profile_id);
CREATE INDEX discount_codes_outbox ON discount_codes(outbox_id);
)sql");
}

/**
 * Version 10: predictions (core/predict). One row per buyer, written only by
 * predict::Predictions; the fitted model itself is kept in meta "predict.model". A merge or
 * an erasure that removes a profile removes its row. Segments read it by profile id (its
 * primary key), so it has no other index to keep up at every fit.
 *
 * Also events_orders: a partial index of the order, cancellation and refund events that
 * holds everything the purchase models and replenishment read (profile, time, order id,
 * value, the order's products), so a fit reads the orders of a million shoppers from about
 * a million index entries in profile order instead of looking each order up in the 19 M-row
 * events table (20 s) or scanning that table for the product lists (6 s).
 */
void addPredictions(Database &db)
{
    db.exec(R"sql(
CREATE TABLE predictions (
    profile_id             INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
    repeat_days            INTEGER NOT NULL,
    recency_days           REAL NOT NULL,
    age_days               REAL NOT NULL,
    expected_orders_30d    REAL NOT NULL,
    expected_orders_90d    REAL NOT NULL,
    expected_orders_365d   REAL NOT NULL,
    p_alive                REAL NOT NULL,
    expected_order_value   REAL NOT NULL,
    predicted_value_12m    REAL NOT NULL,
    churn_risk             TEXT NOT NULL,
    next_order_expected    INTEGER,
    replenishment_item     TEXT,
    replenishment_sku      TEXT,
    replenishment_due      INTEGER
);
CREATE INDEX IF NOT EXISTS events_orders
    ON events(profile_id, ts, type, order_id, value, product_id, category, props)
    WHERE type IN ('order_completed', 'order_cancelled', 'order_refunded');
)sql");
}

std::vector<IndexDefinition> dropIndexesOf(Database &db, const std::string &table)
{
    std::vector<IndexDefinition> indexes;
    {
        auto query = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                "AND tbl_name = ?1 AND sql IS NOT NULL");
        query.bind(1, table);
        while (query.step())
            indexes.push_back({ query.columnText(0), query.columnText(1) });
    }
    for (const IndexDefinition &index : indexes)
        db.exec("DROP INDEX " + quoteIdentifier(index.name));
    return indexes;
}

void recreateIndexes(Database &db, const std::vector<IndexDefinition> &indexes)
{
    for (const IndexDefinition &index : indexes)
        db.exec(index.sql);
}

void refreshQueryStatistics(Database &db)
{
    // Full statistics of the traits table (about a second for a million shoppers): sampled
    // ones misjudge how selective its indexes are. The events indexes need none: every
    // query names the index it wants by its leading columns.
    db.exec("PRAGMA analysis_limit = 0");
    db.exec("ANALYZE profile_traits");
}

void createEventIndexes(Database &db)
{
    db.exec(R"sql(
CREATE UNIQUE INDEX IF NOT EXISTS events_key ON events(event_key);
CREATE INDEX IF NOT EXISTS events_profile_ts ON events(profile_id, ts);
CREATE INDEX IF NOT EXISTS events_type_ts ON events(type, ts, profile_id);
CREATE INDEX IF NOT EXISTS events_channel ON events(channel, type);
CREATE INDEX IF NOT EXISTS events_orders
    ON events(profile_id, ts, type, order_id, value, product_id, category, props)
    WHERE type IN ('order_completed', 'order_cancelled', 'order_refunded');
)sql");
}

void dropEventIndexes(Database &db)
{
    db.exec(R"sql(
DROP INDEX IF EXISTS events_key;
DROP INDEX IF EXISTS events_profile_ts;
DROP INDEX IF EXISTS events_type_ts;
DROP INDEX IF EXISTS events_channel;
DROP INDEX IF EXISTS events_orders;
)sql");
}

const std::vector<Migration> &workspaceMigrations()
{
    static const std::vector<Migration> migrations {
        { 1, createBaseSchema },
        { 2, addMergeRefusals },
        { 3, addProfileTraits },
        { 4, addProfileHistoryAndPrivacy },
        { 5, addSegments },
        { 6, addExports },
        { 7, addSegmentIndexes },
        { 8, addJourneys },
        { 9, makeIdentityUniquenessAnIndex },
        { 10, addPredictions },
    };
    return migrations;
}

} // namespace clientele
