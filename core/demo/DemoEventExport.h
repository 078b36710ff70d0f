#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// One identifier the export wrote, and the demo shopper it really belongs to.
struct DemoTrueIdentity {
    std::string kind; ///< customer_id, email, phone or anonymous_id
    std::string value;
    std::int64_t shopper = 0; ///< the demo profile id: the generator's truth
};

/// What the export wrote.
struct DemoEventExportResult {
    std::int64_t messages = 0;
    /// Events no channel could attribute to anyone (no device, no e-mail): not written.
    std::int64_t unattributable = 0;
    /// Session events stored without their device (app opened, cart viewed, checkout
    /// started), given the shopper's device of that channel used last (at first: first seen).
    std::int64_t devicesInferred = 0;
    /// Every identifier value the messages carry, once, with its true shopper.
    std::vector<DemoTrueIdentity> truth;
    /// Identities of the demo workspace that no message carries (loyalty cards, whose
    /// Segment field the import does not read; devices or ids a shopper never used).
    std::int64_t identitiesNotExported = 0;
};

/**
 * Replays a demo workspace as the raw Segment JSON Lines stream the shop's channels would
 * have sent, for measuring identity resolution against the generator's truth.
 *
 * Each message carries only what its channel sees, never the profile id:
 * - web and app events: the device's anonymousId; from the shopper's first sign-in (or
 *   sign-up) on that device on, also userId. The sign-in itself also carries the
 *   account's e-mail and phone (context.traits), as an identify after login would;
 * - store, loyalty, e-mail and support events: properties.email (the receipt, the
 *   mailing, the ticket). loyalty_joined also carries the phone from the sign-up form;
 * - order follow-ups without a device (shipped, delivered, refunded, reviewed): userId
 *   once the shopper has signed in anywhere, else properties.email.
 * Messages are written in time order, as they would have arrived.
 */
class DemoEventExport {
public:
    /// Reads the demo workspace behind db and writes one message per line to out.
    /// Throws StoreError.
    static DemoEventExportResult write(Database &db, std::ostream &out);
};

} // namespace clientele
