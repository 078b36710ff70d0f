#pragma once

#include "common/Time.h"

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

/** The outbox of running journeys (table outbox), newest due first. */
class JourneyOutbox {
public:
    static std::vector<OutboxMessage> list(
        Database &db, const OutboxFilter &filter, int limit, int offset = 0);
    static std::int64_t count(Database &db, const OutboxFilter &filter);
};

} // namespace clientele
