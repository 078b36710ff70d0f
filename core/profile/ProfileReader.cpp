#include "ProfileReader.h"

#include "IdentifierRef.h"

#include "store/Database.h"

#include <algorithm>

namespace clientele {

namespace {

/// The profile ?1 and every profile merged into it, directly or through others (merges
/// not undone): the profiles whose history is this profile's history.
constexpr const char *kFormedBy
    = "WITH RECURSIVE formed(pid) AS (SELECT ?1 UNION "
      "SELECT m.merged_profile_id FROM merges m JOIN formed f ON m.kept_profile_id = f.pid "
      "WHERE m.action = 'merge' AND m.undone_at IS NULL) ";

std::optional<std::int64_t> intOrNull(const Statement &statement, int column)
{
    return statement.isNull(column) ? std::nullopt
                                    : std::optional<std::int64_t>(statement.columnInt(column));
}

std::string placeholders(int first, std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += i == 0 ? "?" : ", ?";
        text += std::to_string(first + static_cast<int>(i));
    }
    return text;
}

constexpr const char *kEventColumns
    = "id, ts, type, channel, product_id, category, order_id, cart_id, value, quantity, "
      "currency, props, identity_id, import_id";

TimelineEvent readEvent(const Statement &row)
{
    TimelineEvent event;
    event.id = row.columnInt(0);
    event.ts = row.columnInt(1);
    event.type = row.columnText(2);
    event.channel = row.columnText(3);
    event.productId = intOrNull(row, 4);
    event.category = row.columnText(5);
    event.orderId = row.columnText(6);
    event.cartId = row.columnText(7);
    if (!row.isNull(8))
        event.value = row.columnDouble(8);
    event.quantity = intOrNull(row, 9);
    event.currency = row.columnText(10);
    event.props = row.columnText(11);
    event.identityId = intOrNull(row, 12);
    event.importId = intOrNull(row, 13);
    return event;
}

} // namespace

ProfileReader::ProfileReader(Database &db)
    : db_(db)
{
}

std::optional<std::int64_t> ProfileReader::find(const IdentifierRef &ref)
{
    if (ref.kind == "profile") {
        auto query = db_.prepare("SELECT id FROM profiles WHERE id = ?1");
        query.bind(1, static_cast<std::int64_t>(std::stoll(ref.value)));
        return query.step() ? std::optional<std::int64_t>(query.columnInt(0)) : std::nullopt;
    }
    auto query = db_.prepare("SELECT profile_id FROM identities WHERE kind = ?1 AND value = ?2");
    query.bind(1, ref.kind).bind(2, ref.value);
    return query.step() ? std::optional<std::int64_t>(query.columnInt(0)) : std::nullopt;
}

std::optional<ProfileRecord> ProfileReader::load(std::int64_t profileId)
{
    ProfileRecord record;
    {
        auto profile = db_.prepare("SELECT id, created_at, first_name, last_name, country, city, "
                                   "timezone, is_known FROM profiles WHERE id = ?1");
        profile.bind(1, profileId);
        if (!profile.step())
            return std::nullopt;
        record.id = profile.columnInt(0);
        record.createdAt = profile.columnInt(1);
        record.firstName = profile.columnText(2);
        record.lastName = profile.columnText(3);
        record.country = profile.columnText(4);
        record.city = profile.columnText(5);
        record.timezone = profile.columnText(6);
        record.known = profile.columnInt(7) != 0;
    }
    {
        auto identities = db_.prepare("SELECT id, kind, value, source, first_seen FROM identities "
                                      "WHERE profile_id = ?1 ORDER BY kind, first_seen, id");
        identities.bind(1, profileId);
        while (identities.step()) {
            record.identities.push_back({ identities.columnInt(0), identities.columnText(1),
                identities.columnText(2), identities.columnText(3), identities.columnInt(4) });
        }
    }
    {
        auto consents = db_.prepare("SELECT channel, status, source, ts FROM consents "
                                    "WHERE profile_id = ?1 ORDER BY channel");
        consents.bind(1, profileId);
        while (consents.step()) {
            record.consents.push_back({ consents.columnText(0), consents.columnText(1),
                consents.columnText(2), consents.columnInt(3) });
        }
    }
    {
        // The profiles merged into this one (and into those, …) formed it; their merge
        // rows, and every split this profile took part in, are its history.
        auto merges = db_.prepare(std::string(kFormedBy)
            + "SELECT id, ts, action, kept_profile_id, merged_profile_id, identity_kind, "
              "identity_value, reason, import_id, undone_at, reverts_id FROM merges "
              "WHERE kept_profile_id IN formed UNION "
              "SELECT id, ts, action, kept_profile_id, merged_profile_id, identity_kind, "
              "identity_value, reason, import_id, undone_at, reverts_id FROM merges "
              "WHERE merged_profile_id = ?1 ORDER BY 2, 1");
        merges.bind(1, profileId);
        while (merges.step()) {
            ProfileMerge merge;
            merge.id = merges.columnInt(0);
            merge.ts = merges.columnInt(1);
            merge.action = merges.columnText(2);
            merge.keptProfileId = merges.columnInt(3);
            merge.mergedProfileId = merges.columnInt(4);
            merge.identityKind = merges.columnText(5);
            merge.identityValue = merges.columnText(6);
            merge.reason = merges.columnText(7);
            merge.importId = intOrNull(merges, 8);
            merge.undoneAt = intOrNull(merges, 9);
            merge.revertsId = intOrNull(merges, 10);
            record.merges.push_back(std::move(merge));
        }
        auto identities = db_.prepare(
            "SELECT identity_id FROM merge_identities WHERE merge_id = ?1 ORDER BY identity_id");
        for (ProfileMerge &merge : record.merges) {
            identities.bind(1, merge.id);
            while (identities.step())
                merge.identityIds.push_back(identities.columnInt(0));
            identities.reset();
        }
    }
    {
        auto refusals = db_.prepare(std::string(kFormedBy)
            + "SELECT id, ts, profile_id, other_profile_id, identity_kind, identity_value, reason, "
              "import_id FROM merge_refusals WHERE profile_id IN formed UNION "
              "SELECT id, ts, profile_id, other_profile_id, identity_kind, identity_value, reason, "
              "import_id FROM merge_refusals WHERE other_profile_id IN formed ORDER BY 2, 1");
        refusals.bind(1, profileId);
        while (refusals.step()) {
            record.refusals.push_back({ refusals.columnInt(0), refusals.columnInt(1),
                refusals.columnInt(2), intOrNull(refusals, 3), refusals.columnText(4),
                refusals.columnText(5), refusals.columnText(6), intOrNull(refusals, 7) });
        }
    }
    return record;
}

std::unordered_set<std::int64_t> ProfileReader::formedBy(std::int64_t profileId)
{
    std::unordered_set<std::int64_t> formed;
    auto query = db_.prepare(std::string(kFormedBy) + "SELECT pid FROM formed");
    query.bind(1, profileId);
    while (query.step())
        formed.insert(query.columnInt(0));
    return formed;
}

std::string ProfileReader::timelineSql(std::size_t channels, std::size_t types, bool after)
{
    // ?1 profile, ?2 page size, ?3/?4 cursor (ts, id), then the channels, then the types.
    // The cursor is written as ts <= ?3 plus a filter, so the (profile_id, ts) index gives
    // the range and the order (its rows end in the rowid) without a sort.
    std::string sql = std::string("SELECT ") + kEventColumns
        + " FROM events INDEXED BY events_profile_ts WHERE profile_id = ?1";
    if (after)
        sql += " AND ts <= ?3 AND (ts < ?3 OR id < ?4)";
    if (channels > 0)
        sql += " AND channel IN (" + placeholders(5, channels) + ")";
    if (types > 0)
        sql += " AND type IN (" + placeholders(5 + static_cast<int>(channels), types) + ")";
    sql += " ORDER BY ts DESC, id DESC LIMIT ?2";
    return sql;
}

TimelinePage ProfileReader::timeline(std::int64_t profileId, const TimelineQuery &query)
{
    const int pageSize = std::clamp(query.pageSize, 1, 10'000);
    auto statement = db_.prepare(
        timelineSql(query.channels.size(), query.types.size(), query.after.has_value()));
    statement.bind(1, profileId).bind(2, pageSize + 1);
    if (query.after)
        statement.bind(3, query.after->ts).bind(4, query.after->id);
    int index = 5;
    for (const std::string &channel : query.channels)
        statement.bind(index++, channel);
    for (const std::string &type : query.types)
        statement.bind(index++, type);
    TimelinePage page;
    while (statement.step())
        page.events.push_back(readEvent(statement));
    // One row more than a page tells whether another page follows.
    if (static_cast<int>(page.events.size()) > pageSize) {
        page.events.pop_back();
        page.next = TimelineCursor { page.events.back().ts, page.events.back().id };
    }
    return page;
}

std::vector<TimelineEvent> ProfileReader::allEvents(std::int64_t profileId)
{
    auto statement = db_.prepare(std::string("SELECT ") + kEventColumns
        + " FROM events WHERE profile_id = ?1 ORDER BY ts, id");
    statement.bind(1, profileId);
    std::vector<TimelineEvent> events;
    while (statement.step())
        events.push_back(readEvent(statement));
    return events;
}

} // namespace clientele
