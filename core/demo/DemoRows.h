#pragma once

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

/// One events row as the simulation produces it; empty strings and 0 ids are NULL.
struct DemoEvent {
    Millis ts = 0;
    std::uint32_t sequence = 0; ///< creation order: makes sorting by time deterministic
    const char *type = nullptr;
    const char *channel = nullptr;
    int productId = 0;
    const char *category = nullptr;
    std::string orderId;
    std::string cartId;
    std::optional<double> value;
    bool valueIsMoney = false; ///< currency = 'EUR' on the row
    int quantity = 0;
    std::string props; ///< compact JSON
    int device = -1; ///< the device it happened on (its anonymous_id resolved it), or -1
};

struct DemoIdentity {
    const char *kind = nullptr;
    std::string value;
    const char *source = nullptr;
    Millis firstSeen = 0;
    int device = -1; ///< for an anonymous_id: the device it names
};

struct DemoConsent {
    const char *channel = nullptr;
    const char *status = nullptr;
    const char *source = nullptr;
    Millis ts = 0;
};

struct DemoMerge {
    Millis ts = 0;
    std::int64_t mergedProfileId = 0;
    const char *identityKind = nullptr;
    std::string identityValue;
    const char *reason = nullptr;
    int device = -1; ///< the device whose own profile was merged in, or -1
};

/**
 * Everything one shopper contributes to the workspace. The generator fills it, writes it
 * and reuses it for the next shopper, so memory stays flat however many shoppers there are.
 */
struct DemoShopperRows {
    std::int64_t profileId = 0;
    bool known = false;
    Millis createdAt = 0;
    std::string firstName;
    std::string lastName;
    std::string country;
    std::string city;
    std::string timezone;
    std::vector<DemoIdentity> identities;
    std::vector<DemoConsent> consents;
    std::vector<DemoMerge> merges;
    std::vector<DemoEvent> events;
    int orders = 0;
    std::int64_t revenueCents = 0;

    void clear()
    {
        profileId = 0;
        known = false;
        createdAt = 0;
        firstName.clear();
        lastName.clear();
        country.clear();
        city.clear();
        timezone.clear();
        identities.clear();
        consents.clear();
        merges.clear();
        events.clear();
        orders = 0;
        revenueCents = 0;
    }
};

} // namespace clientele
