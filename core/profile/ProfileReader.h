#pragma once

#include "ProfileRecord.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace clientele {

class Database;
struct IdentifierRef;

/// Where a timeline page ends: the next page starts after this (ts, id), going back.
struct TimelineCursor {
    Millis ts = 0;
    std::int64_t id = 0;
};

/// Which events a timeline page shows; empty sets mean all channels / all types.
struct TimelineQuery {
    std::vector<std::string> channels;
    std::vector<std::string> types;
    int pageSize = 50;
    std::optional<TimelineCursor> after; ///< nullopt: the newest events
};

struct TimelinePage {
    std::vector<TimelineEvent> events; ///< newest first
    std::optional<TimelineCursor> next; ///< nullopt when this was the last page
};

/**
 * Reads one profile for the profile page, the CLI and access exports. Every query follows
 * an index (identities by (kind, value) and by profile, merges by kept and merged profile,
 * events by (profile, ts)), so a profile opens at once also in a million-shopper workspace.
 */
class ProfileReader {
public:
    explicit ProfileReader(Database &db);

    /// The profile an identifier (or `profile:ID`) names now, if any.
    std::optional<std::int64_t> find(const IdentifierRef &ref);

    /// The record of a profile, or nullopt when there is no such profile.
    std::optional<ProfileRecord> load(std::int64_t profileId);

    /// One page of the profile's events, newest first (keyset pagination on (ts, id)).
    TimelinePage timeline(std::int64_t profileId, const TimelineQuery &query);

    /// Every event of the profile, oldest first (for access exports).
    std::vector<TimelineEvent> allEvents(std::int64_t profileId);

    /// The profile and every profile merged into it (merges not undone), by id.
    std::unordered_set<std::int64_t> formedBy(std::int64_t profileId);

    /// The SQL of a timeline query of this shape, for EXPLAIN QUERY PLAN in tests.
    static std::string timelineSql(std::size_t channels, std::size_t types, bool after);

private:
    Database &db_;
};

} // namespace clientele
