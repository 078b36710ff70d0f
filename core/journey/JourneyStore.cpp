#include "JourneyStore.h"

#include "JourneyOutbox.h"

#include "JourneyRuntime.h"
#include "JourneySimulator.h"
#include "JourneyValidator.h"

#include "store/Database.h"

#include <algorithm>

namespace clientele {

namespace {

void requireValid(const Journey &journey)
{
    auto issues = JourneyValidator::validate(journey);
    if (!issues.empty())
        throw JourneyInvalid(std::move(issues));
}

JourneySummary readSummary(Statement &query)
{
    JourneySummary summary;
    summary.id = query.columnInt(0);
    summary.name = query.columnText(1);
    summary.active = query.columnInt(2) != 0;
    summary.updatedAt = query.columnInt(3);
    summary.activatedAt = query.isNull(4) ? 0 : query.columnInt(4);
    summary.clock = query.isNull(5) ? 0 : query.columnInt(5);
    summary.inJourney = query.columnInt(6);
    summary.outboxPending = query.columnInt(7);
    summary.stats = nlohmann::json::parse(query.columnView(8));
    return summary;
}

constexpr const char *kSummarySql
    = "SELECT j.id, j.name, j.active, j.updated_at, j.activated_at, j.clock, "
      "(SELECT count(*) FROM journey_state s WHERE s.journey_id = j.id AND s.node IS NOT NULL), "
      "(SELECT count(*) FROM outbox o WHERE o.journey_id = j.id AND o.exported_at IS NULL), "
      "j.stats FROM journeys j";

} // namespace

JourneyStore::JourneyStore(Database &db)
    : db_(db)
{
}

std::vector<JourneySummary> JourneyStore::list() const
{
    std::vector<JourneySummary> journeys;
    Statement query(db_, std::string(kSummarySql) + " ORDER BY j.name COLLATE NOCASE");
    while (query.step())
        journeys.push_back(readSummary(query));
    return journeys;
}

std::optional<JourneySummary> JourneyStore::summary(const std::string &name) const
{
    Statement query(db_, std::string(kSummarySql) + " WHERE j.name = ?1");
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    return readSummary(query);
}

std::optional<Journey> JourneyStore::load(const std::string &name) const
{
    Statement query(db_, "SELECT definition FROM journeys WHERE name = ?1");
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    Journey journey = Journey::fromText(query.columnText(0));
    journey.name = name;
    return journey;
}

std::optional<std::int64_t> JourneyStore::findId(const std::string &name, bool *active) const
{
    Statement query(db_, "SELECT id, active FROM journeys WHERE name = ?1");
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    if (active)
        *active = query.columnInt(1) != 0;
    return query.columnInt(0);
}

std::int64_t JourneyStore::idOf(const std::string &name) const
{
    const auto id = findId(name);
    if (!id)
        throw JourneyStoreError("There is no journey called \"" + name + "\".");
    return *id;
}

void JourneyStore::requireFree(const std::string &name) const
{
    if (name.empty())
        throw JourneyStoreError("A journey needs a name.");
    if (findId(name))
        throw JourneyStoreError("There is already a journey called \"" + name + "\".");
}

void JourneyStore::save(const Journey &journey, Millis now)
{
    if (journey.name.empty())
        throw JourneyStoreError("A journey needs a name to be saved.");
    bool active = false;
    if (findId(journey.name, &active) && active)
        requireValid(journey);
    Statement upsert(db_,
        "INSERT INTO journeys(name, definition, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) "
        "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, "
        "updated_at = excluded.updated_at");
    upsert.bind(1, journey.name).bind(2, journey.toJson().dump()).bind(3, now);
    upsert.run();
}

void JourneyStore::saveAs(const std::string &previousName, const Journey &journey, Millis now)
{
    TransactionUnlessOpen transaction(db_);
    if (!previousName.empty() && previousName != journey.name && contains(previousName))
        rename(previousName, journey.name, now);
    save(journey, now);
    transaction.commit();
}

void JourneyStore::rename(const std::string &from, const std::string &to, Millis now)
{
    TransactionUnlessOpen transaction(db_);
    if (to.empty())
        throw JourneyStoreError("A journey needs a name.");
    const std::int64_t id = idOf(from);
    if (from == to)
        return;
    requireFree(to);
    Journey journey = *load(from);
    journey.name = to;
    Statement update(
        db_, "UPDATE journeys SET name = ?2, definition = ?3, updated_at = ?4 WHERE id = ?1");
    update.bind(1, id).bind(2, to).bind(3, journey.toJson().dump()).bind(4, now);
    update.run();
    transaction.commit();
}

void JourneyStore::duplicate(const std::string &from, const std::string &to, Millis now)
{
    requireFree(to);
    const auto journey = load(from);
    if (!journey)
        throw JourneyStoreError("There is no journey called \"" + from + "\".");
    Journey copy = *journey;
    copy.name = to;
    save(copy, now);
}

bool JourneyStore::remove(const std::string &name)
{
    TransactionUnlessOpen transaction(db_);
    const auto found = findId(name);
    if (!found)
        return false;
    const std::int64_t id = *found;
    // Codes already handed out stay traceable to their shopper; only the message goes.
    JourneyOutbox::removeJourney(db_, id);
    for (const char *sql : { "DELETE FROM journey_entries WHERE journey_id = ?1",
             "DELETE FROM journey_state WHERE journey_id = ?1",
             "DELETE FROM journey_members WHERE journey_id = ?1",
             "DELETE FROM journeys WHERE id = ?1" }) {
        Statement statement(db_, sql);
        statement.bind(1, id);
        statement.run();
    }
    transaction.commit();
    return true;
}

Audience JourneyStore::stepAudience(const std::string &name, const std::string &step) const
{
    const auto journey = load(name);
    if (!journey)
        throw JourneyStoreError("There is no journey called \"" + name + "\".");
    if (!journey->node(step))
        throw JourneyStoreError("The journey \"" + name + "\" has no step \"" + step + "\".");
    return Audience::query(
        "SELECT profile_id FROM journey_state WHERE journey_id = ?1 AND node = ?2",
        { idOf(name), step },
        { { "kind", "journey_step" }, { "journey", name }, { "step", step } });
}

Audience JourneyStore::outboxAudience(const std::string &name, const std::string &channel) const
{
    const auto &channels = JourneyValidator::channels();
    if (std::find(channels.begin(), channels.end(), channel) == channels.end())
        throw JourneyStoreError("\"" + channel + "\" is not a channel a journey sends on.");
    return Audience::outbox(idOf(name), name, channel);
}

void JourneyStore::setActive(const std::string &name, bool active, Millis now)
{
    TransactionUnlessOpen transaction(db_);
    const std::int64_t id = idOf(name);
    if (!active) {
        Statement update(db_, "UPDATE journeys SET active = 0, updated_at = ?2 WHERE id = ?1");
        update.bind(1, id).bind(2, now);
        update.run();
        transaction.commit();
        return;
    }
    const Journey journey = *load(name);
    requireValid(journey);
    // From now on the journey sees what is imported after this moment: the watermark is
    // the newest event row, the clock the newest event time (never going back).
    Statement update(db_,
        "UPDATE journeys SET active = 1, activated_at = ?2, updated_at = ?2, "
        "last_event_id = (SELECT coalesce(max(id), 0) FROM events), "
        "clock = max(coalesce(clock, 0), (SELECT coalesce(max(ts), 0) FROM events)) "
        "WHERE id = ?1 AND active = 0");
    update.bind(1, id).bind(2, now);
    update.run();
    if (db_.changes() == 1)
        JourneyRuntime::rememberTriggerSegment(db_, id, journey);
    transaction.commit();
}

} // namespace clientele
