#pragma once

#include "common/Time.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// One identifier of a profile and where it was first seen.
struct ProfileIdentity {
    std::int64_t id = 0;
    std::string kind;
    std::string value;
    std::string source; ///< "web", "pos", a file name … (empty when unknown)
    Millis firstSeen = 0;
};

/// The latest consent of a channel (email, sms, push …).
struct ProfileConsent {
    std::string channel;
    std::string status; ///< granted, denied, unsubscribed
    std::string source;
    Millis ts = 0;
};

/// A row of the merge history: a merge (automatic, manual) or a split.
struct ProfileMerge {
    std::int64_t id = 0;
    Millis ts = 0;
    std::string action; ///< "merge" or "split"
    std::int64_t keptProfileId = 0;
    std::int64_t mergedProfileId = 0; ///< for a split: the profile split out
    std::string identityKind; ///< the identifier that linked them (empty for manual ones)
    std::string identityValue;
    std::string reason;
    std::optional<std::int64_t> importId;
    std::optional<Millis> undoneAt;
    std::optional<std::int64_t> revertsId; ///< the row this one undid
    /// Identities the merged profile brought (merge) or that left (split).
    std::vector<std::int64_t> identityIds;
};

/// A link identity resolution refused, with the rule that refused it.
struct ProfileRefusal {
    std::int64_t id = 0;
    Millis ts = 0;
    std::int64_t profileId = 0;
    std::optional<std::int64_t> otherProfileId;
    std::string identityKind;
    std::string identityValue;
    std::string reason;
    std::optional<std::int64_t> importId;
};

/**
 * Everything Clientele knows about one shopper apart from the events: attributes,
 * identifiers, consents, and how the profile came to be (merges, splits, refusals).
 */
struct ProfileRecord {
    std::int64_t id = 0;
    Millis createdAt = 0;
    std::string firstName;
    std::string lastName;
    std::string country;
    std::string city;
    std::string timezone;
    bool known = false;
    /// Sorted by kind, then first seen: the identifiers grouped by kind.
    std::vector<ProfileIdentity> identities;
    std::vector<ProfileConsent> consents;
    /// Oldest first: the merges that formed the profile (also of profiles merged into it)
    /// and the splits it took part in.
    std::vector<ProfileMerge> merges;
    std::vector<ProfileRefusal> refusals;

    /// "First Last", else the first e-mail, phone or customer id, else "Profile 42".
    std::string displayName() const;
    /// The first identity of a kind (by first seen), or empty.
    std::string firstValueOf(const std::string &kind) const;
};

/// One event as the timeline shows it.
struct TimelineEvent {
    std::int64_t id = 0;
    Millis ts = 0;
    std::string type;
    std::string channel;
    std::optional<std::int64_t> productId;
    std::string category;
    std::string orderId;
    std::string cartId;
    std::optional<double> value;
    std::optional<std::int64_t> quantity;
    std::string currency;
    std::string props; ///< JSON text, empty when none
    std::optional<std::int64_t> identityId;
    std::optional<std::int64_t> importId;
};

/**
 * The record as one JSON object: {"profile": {...}, "identities": {kind: [...]},
 * "consents": [...], "merges": [...], "refusals": [...]}. Callers add sections (traits).
 */
nlohmann::json profileRecordJson(const ProfileRecord &record);
nlohmann::json timelineEventJson(const TimelineEvent &event);

/// The profile's profile_traits row as {column: value} (times in ms since the epoch, as
/// stored), whatever columns it has; an empty object when it has none.
nlohmann::json storedTraitsJson(Database &db, std::int64_t profileId);

} // namespace clientele
