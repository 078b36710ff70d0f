#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clientele {

/// Time in core and in the workspace: milliseconds since the Unix epoch, UTC.
using Millis = std::int64_t;

inline constexpr Millis kMillisPerSecond = 1000;
inline constexpr Millis kMillisPerHour = 3600 * kMillisPerSecond;
inline constexpr Millis kMillisPerDay = 24 * kMillisPerHour;

/// The current time.
Millis nowMillis();

/// Midnight UTC at the start of the day that contains t.
Millis startOfDay(Millis t);

/// Parses a calendar date "YYYY-MM-DD" to midnight UTC; nullopt when it is not a real date.
std::optional<Millis> parseIsoDate(std::string_view text);

/// "YYYY-MM-DD" of the UTC day containing t.
std::string formatIsoDate(Millis t);

/// "YYYY-MM-DDTHH:MM:SSZ" of t.
std::string formatIsoDateTime(Millis t);

} // namespace clientele
