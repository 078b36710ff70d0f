#pragma once

#include "common/Time.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// One message a running journey scheduled.
struct OutboxMessage {
    std::int64_t id = 0;
    std::string journey;
    std::string node; ///< the send step
    std::int64_t profileId = 0; ///< where the shopper is now (merges followed)
    std::string channel;
    std::string address; ///< e-mail, phone or device id; empty for banners
    std::string subject;
    std::string body;
    std::string offerCode; ///< a discount code issued for this message, or empty
    std::string offer; ///< the offer in words ("10 % off", "5 € voucher"), or empty
    Millis dueAt = 0; ///< when it should go out (quiet hours already applied)
    Millis createdAt = 0;
    std::optional<Millis> exportedAt;
};

/// Which outbox messages: of a journey, optionally one channel or one send step.
struct OutboxFilter {
    std::string journey;
    std::string channel; ///< empty: all
    std::string node; ///< empty: all
    bool pendingOnly = false; ///< only those not exported yet
};

/// A message to schedule: what OutboxWriter::append() writes.
struct OutboxDraft {
    std::int64_t journeyId = 0;
    std::string node;
    std::int64_t profileId = 0;
    std::string channel;
    std::string address;
    std::string subject;
    std::string body;
    std::optional<std::string> offer;
    Millis dueAt = 0;
    Millis createdAt = 0;
};

/**
 * The outbox of running journeys (table outbox), newest due first. The table is written
 * only here: OutboxWriter schedules messages (the runtime), markHandedOver() records an
 * export of them, removeJourney() deletes a removed journey's messages.
 */
class JourneyOutbox {
public:
    static std::vector<OutboxMessage> list(
        Database &db, const OutboxFilter &filter, int limit, int offset = 0);
    static std::int64_t count(Database &db, const OutboxFilter &filter);

    /// Marks the journey's messages on the channel that were not handed over yet as handed
    /// over at the time (an export wrote them or counted why it left them out).
    static void markHandedOver(
        Database &db, std::int64_t journeyId, const std::string &channel, Millis at);
    /// Deletes a journey's messages; their discount codes stay, without the message.
    static void removeJourney(Database &db, std::int64_t journeyId);
};

/// Schedules messages through the caller's transaction (prepared once per run).
class OutboxWriter {
public:
    explicit OutboxWriter(Database &db);
    /// Writes the message and returns its id.
    std::int64_t append(const OutboxDraft &message);
    /// Records the discount code issued for a message.
    void setCode(std::int64_t messageId, const std::string &code);

private:
    Database &db_;
    Statement insert_;
    Statement setCode_;
};

} // namespace clientele
