#include "JourneyOutbox.h"

#include "export/DiscountCodes.h"
#include "store/Database.h"

namespace clientele {

namespace {

/// The WHERE clause of a filter; its values are bound as ?1 … ?3.
std::string whereOf(const OutboxFilter &filter)
{
    std::string where = " WHERE j.name = ?1";
    if (!filter.channel.empty())
        where += " AND o.channel = ?2";
    if (!filter.node.empty())
        where += " AND o.node = ?3";
    if (filter.pendingOnly)
        where += " AND o.exported_at IS NULL";
    return where;
}

void bindFilter(Statement &statement, const OutboxFilter &filter)
{
    statement.bind(1, filter.journey);
    if (!filter.channel.empty())
        statement.bind(2, filter.channel);
    if (!filter.node.empty())
        statement.bind(3, filter.node);
}

} // namespace

std::vector<OutboxMessage> JourneyOutbox::list(
    Database &db, const OutboxFilter &filter, int limit, int offset)
{
    Statement query(db,
        "SELECT o.id, j.name, o.node, o.profile_id, o.channel, o.address, o.subject, o.body, "
        "o.offer_code, o.offer, o.due_at, o.created_at, o.exported_at "
        "FROM outbox o JOIN journeys j ON j.id = o.journey_id"
            + whereOf(filter) + " ORDER BY o.due_at DESC, o.id DESC LIMIT ?4 OFFSET ?5");
    bindFilter(query, filter);
    query.bind(4, limit).bind(5, offset);
    std::vector<OutboxMessage> messages;
    while (query.step()) {
        OutboxMessage message;
        message.id = query.columnInt(0);
        message.journey = query.columnText(1);
        message.node = query.columnText(2);
        message.profileId = query.columnInt(3);
        message.channel = query.columnText(4);
        message.address = query.columnText(5);
        message.subject = query.columnText(6);
        message.body = query.columnText(7);
        message.offerCode = query.isNull(8) ? std::string() : query.columnText(8);
        message.offer = query.isNull(9) ? std::string() : query.columnText(9);
        message.dueAt = query.columnInt(10);
        message.createdAt = query.columnInt(11);
        if (!query.isNull(12))
            message.exportedAt = query.columnInt(12);
        messages.push_back(std::move(message));
    }
    return messages;
}

std::int64_t JourneyOutbox::count(Database &db, const OutboxFilter &filter)
{
    Statement query(db,
        "SELECT count(*) FROM outbox o JOIN journeys j ON j.id = o.journey_id" + whereOf(filter));
    bindFilter(query, filter);
    query.step();
    return query.columnInt(0);
}

void JourneyOutbox::markHandedOver(
    Database &db, std::int64_t journeyId, const std::string &channel, Millis at)
{
    auto done = db.prepare("UPDATE outbox SET exported_at = ?3 WHERE journey_id = ?1 "
                           "AND channel = ?2 AND exported_at IS NULL");
    done.bind(1, journeyId).bind(2, channel).bind(3, at);
    done.run();
}

void JourneyOutbox::removeJourney(Database &db, std::int64_t journeyId)
{
    DiscountCodeLedger::detachJourneyMessages(db, journeyId);
    auto remove = db.prepare("DELETE FROM outbox WHERE journey_id = ?1");
    remove.bind(1, journeyId);
    remove.run();
}

OutboxWriter::OutboxWriter(Database &db)
    : db_(db)
    , insert_(db,
          "INSERT INTO outbox(journey_id, node, profile_id, channel, address, subject, body, "
          "offer, due_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
    , setCode_(db, "UPDATE outbox SET offer_code = ?2 WHERE id = ?1")
{
}

std::int64_t OutboxWriter::append(const OutboxDraft &message)
{
    insert_.bind(1, message.journeyId)
        .bind(2, message.node)
        .bind(3, message.profileId)
        .bind(4, message.channel)
        .bind(5, message.address)
        .bind(6, message.subject)
        .bind(7, message.body)
        .bind(8, message.offer)
        .bind(9, message.dueAt)
        .bind(10, message.createdAt);
    insert_.run();
    return db_.lastInsertRowId();
}

void OutboxWriter::setCode(std::int64_t messageId, const std::string &code)
{
    setCode_.bind(1, messageId).bind(2, code);
    setCode_.run();
}

} // namespace clientele
