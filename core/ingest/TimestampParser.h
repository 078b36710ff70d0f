#pragma once

#include "Normalized.h"
#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace date {
class time_zone;
}

namespace clientele {

/// How a numeric date with the day and the month in front is read: 12/01/2010 is the 12th of
/// January (DayMonthYear, European habit) or the 1st of December (MonthDayYear, US habit).
enum class DateOrder { DayMonthYear, MonthDayYear };

/**
 * Reads the timestamps of an import into Millis (UTC), hand-parsed without regex or streams
 * because a file can hold millions of them.
 *
 * Without an explicit format it recognises, per value:
 * - ISO 8601 and its relatives: `2025-10-07`, `2025-10-07T09:50`, `2025-10-07 09:50:26.123`,
 *   with `Z`, `+02:00`, `+0200`, `+02` or a separate ` +0200` (Shopify), ` UTC`, ` GMT+2`;
 *   `/` or `.` instead of `-` after a four-digit year;
 * - numeric dates with the day and month in front, read in the import's DateOrder for `/` and
 *   `-` (`12/1/2010 8:26`, the UCI Online Retail export, is MonthDayYear) and always day first
 *   for dots (`07.10.2025 09:50`, German); two-digit years are 1969–2068 (POSIX `%y`);
 * - month names in English: `Tue, 07 Oct 2025 09:50:26 +0200` (RFC 2822, weekday ignored),
 *   `07 Oct 2025`, `7-Oct-2025`, `Oct 7, 2025 9:50 PM`, `Tue Oct 07 2025 09:50:26 GMT+0200
 *   (Central European Summer Time)` (JavaScript);
 * - 12-hour times with AM/PM after any of the above;
 * - Unix time as digits: 10 digits are seconds (optionally with a fraction), 13 digits
 *   milliseconds; 8 and 14 digits are compact dates `20251007` / `20251007095026`.
 * Fractions of a second beyond milliseconds are cut off, not rounded.
 *
 * A value with an offset or `Z` is exact and the import's time zone plays no part. A value
 * without one is a local time in the import's time zone, converted with that zone's rules
 * including daylight saving time. Local times that do not exist (the hour skipped in spring)
 * or exist twice (the hour repeated in autumn) are read with the offset in force just before
 * the change: `2025-03-30 02:30` in Europe/Berlin becomes 03:30 CEST, `2025-10-26 02:30` the
 * first, summer-time 02:30 (CEST). This is RFC 5545's and java.time's choice: no value is
 * rejected and the order of events around the change is kept.
 *
 * An instance caches the zone's current offset, so parse() is not const; give each thread
 * its own copy (copies are cheap).
 */
class TimestampParser {
public:
    /// The per-import settings, chosen by the marketer or a source preset.
    struct Options {
        /// IANA name of the zone that times without an offset are in ("Europe/Berlin", "UTC").
        /// Empty means the file carries offsets: a value without one is then rejected with a
        /// reason asking for a zone, rather than silently read as UTC.
        std::string timeZone;
        /// How `12/01/2010` and `12-01-2010` are read; European day-first unless the source is
        /// known to be US (see detectDateOrder()).
        DateOrder dateOrder = DateOrder::DayMonthYear;
        /// When set, every value must match this pattern and nothing else is tried:
        /// `%Y` (4 digits), `%y` (2 digits), `%m`, `%d`/`%e`, `%H`, `%I`, `%M`, `%S` (1–2
        /// digits; `%S` takes an optional fraction), `%p` (AM/PM), `%b`/`%B`/`%h` (English
        /// month name), `%a`/`%A` (weekday name, ignored), `%z` (`Z`, `+02`, `+0200`,
        /// `+02:00`), `%Z` (`UTC`, `GMT`, `Z`), `%F`, `%T`, `%R`, `%%`. A space matches any run
        /// of spaces, any other character itself.
        std::string format;
    };

    /// Throws std::invalid_argument with a readable message for an unknown zone name or a
    /// format with an unknown or missing directive: those are settings errors, shown once in
    /// the import dialog, not a million times in the reject log.
    explicit TimestampParser(Options options);

    /// The instant, or why the cell is not a timestamp. Never throws.
    Normalized<Millis> parse(std::string_view text);

    /// The order the samples' slash dates must be in: a first number above 12 (`13/1/2010`)
    /// proves day first, a second one (`1/13/2010`) month first. nullopt when no sample tells
    /// or they contradict each other; the import dialog then asks.
    static std::optional<DateOrder> detectDateOrder(const std::vector<std::string> &samples);

    const Options &options() const { return options_; }

private:
    std::int64_t utcSecondsOfLocal(std::int64_t localSeconds);

    Options options_;
    /// options_.format with %F, %T and %R spelled out; checked at construction.
    std::string format_;
    /// Null when the import has no time zone (options_.timeZone empty).
    const date::time_zone *zone_ = nullptr;
    /// Local seconds range in which the zone's UTC offset is known to be cacheOffset_: a
    /// file's timestamps cluster, so most look-ups skip the tz database.
    std::int64_t cacheBegin_ = 0;
    std::int64_t cacheEnd_ = 0;
    std::int64_t cacheOffset_ = 0;
};

} // namespace clientele
