#pragma once

#include <string>
#include <vector>

namespace clientele {

class Database;

/**
 * The values a segment builder offers in its pickers, read from the workspace. Each is a
 * few index seeks or a read of a small table, so the builder can ask when it opens.
 */
struct PickerValues {
    /// Event types present (snake_case keys), sorted; one seek per type on events_type_ts.
    static std::vector<std::string> eventTypes(Database &db);
    /// Product categories and brands of the catalog (products table), sorted.
    static std::vector<std::string> categories(Database &db);
    static std::vector<std::string> brands(Database &db);
    /// Countries of profiles (profile_traits_country index), sorted.
    static std::vector<std::string> countries(Database &db);
    /// Channels events came through (events_channel index), sorted.
    static std::vector<std::string> channels(Database &db);
};

} // namespace clientele
