#include "TimestampParser.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace clientele {

namespace {

using ingest_text::quoted;
using ingest_text::trimSpace;

constexpr std::int64_t kSecondsPerDay = 86400;

/// What a value said, before it is checked against the calendar and the clock.
struct Fields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int millis = 0;
    /// 0 for a 24-hour time, 1 for AM, 2 for PM.
    int meridiem = 0;
    bool hasOffset = false;
    int offsetSeconds = 0;
    /// Set when the value was Unix time: nothing else applies then.
    std::optional<Millis> epoch;
    /// True when the import's DateOrder decided which number is the month.
    bool orderApplied = false;
};

enum class Problem {
    None,
    Unrecognised,
    Placeholder,
    NoSuchMonth,
    NoSuchDay,
    NoSuchTime,
    NoSuchOffset,
    NoTimeZone
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view word, std::string_view lowercase)
{
    if (word.size() != lowercase.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (lower(word[i]) != lowercase[i])
            return false;
    }
    return true;
}

constexpr std::array<std::string_view, 12> kMonthNames = { "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december" };

constexpr std::array<std::string_view, 7> kWeekdayNames
    = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

/// 1–12 for an English month name or its three-letter abbreviation ("Sept" too), else 0.
int monthNumber(std::string_view word)
{
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
        if (equalsIgnoringCase(word, kMonthNames[i])
            || equalsIgnoringCase(word, kMonthNames[i].substr(0, 3)))
            return static_cast<int>(i) + 1;
    }
    return equalsIgnoringCase(word, "sept") ? 9 : 0;
}

bool isWeekdayName(std::string_view word)
{
    for (const auto name : kWeekdayNames) {
        if (equalsIgnoringCase(word, name) || equalsIgnoringCase(word, name.substr(0, 3)))
            return true;
    }
    return equalsIgnoringCase(word, "tues") || equalsIgnoringCase(word, "thur")
        || equalsIgnoringCase(word, "thurs");
}

/// Two-digit years as POSIX %y reads them: 69–99 are 1969–1999, 00–68 are 2000–2068.
int expandTwoDigitYear(int year)
{
    return year < 69 ? 2000 + year : 1900 + year;
}

/** A read position in one value; every read either consumes what it matched or nothing. */
class Cursor {
public:
    explicit Cursor(std::string_view text)
        : text_(text)
    {
    }

    bool atEnd() const { return pos_ == text_.size(); }
    std::size_t position() const { return pos_; }
    void rewind(std::size_t position) { pos_ = position; }
    char peek(std::size_t ahead = 0) const
    {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    bool accept(char c)
    {
        if (peek() != c)
            return false;
        ++pos_;
        return true;
    }

    std::size_t digitsAhead() const
    {
        std::size_t count = 0;
        while (isDigit(peek(count)))
            ++count;
        return count;
    }

    /// Reads a run of minDigits to maxDigits digits into value; fails on a longer run.
    bool number(std::size_t minDigits, std::size_t maxDigits, int &value)
    {
        const std::size_t available = digitsAhead();
        if (available < minDigits || available > maxDigits)
            return false;
        value = 0;
        for (std::size_t i = 0; i < available; ++i)
            value = value * 10 + (text_[pos_ + i] - '0');
        pos_ += available;
        return true;
    }

    /// Reads up to maxDigits digits (at least minDigits) into value, leaving any further
    /// digits: a format's fields can be written without separators (%Y%m%d).
    bool field(std::size_t minDigits, std::size_t maxDigits, int &value)
    {
        std::size_t count = 0;
        value = 0;
        while (count < maxDigits && isDigit(peek(count))) {
            value = value * 10 + (text_[pos_ + count] - '0');
            ++count;
        }
        if (count < minDigits)
            return false;
        pos_ += count;
        return true;
    }

    std::size_t skipSpaces()
    {
        const std::size_t start = pos_;
        while (peek() == ' ' || peek() == '\t')
            ++pos_;
        return pos_ - start;
    }

    std::string_view word()
    {
        const std::size_t start = pos_;
        while (isLetter(peek()))
            ++pos_;
        return text_.substr(start, pos_ - start);
    }

    /// Skips the digits after a decimal mark, keeping the first three as milliseconds.
    int fractionAsMillis()
    {
        int millis = 0;
        int scale = 100;
        while (isDigit(peek())) {
            millis += (text_[pos_] - '0') * scale;
            scale /= 10;
            ++pos_;
        }
        return millis;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

bool readMonthName(Cursor &in, int &month)
{
    const std::size_t start = in.position();
    month = monthNumber(in.word());
    if (month == 0) {
        in.rewind(start);
        return false;
    }
    in.accept('.');
    return true;
}

bool readYear(Cursor &in, int &year)
{
    if (in.number(4, 4, year))
        return true;
    if (!in.number(2, 2, year))
        return false;
    year = expandTwoDigitYear(year);
    return true;
}

/// `:SS` with an optional `.fff` or `,fff` fraction.
bool readSeconds(Cursor &in, Fields &f)
{
    if (!in.field(1, 2, f.second))
        return false;
    if ((in.peek() == '.' || in.peek() == ',') && isDigit(in.peek(1))) {
        in.accept(in.peek());
        f.millis = in.fractionAsMillis();
    }
    return true;
}

/// AM/PM, a.m./p.m., in any case.
bool readMeridiem(Cursor &in, Fields &f)
{
    const std::size_t start = in.position();
    const char first = lower(in.peek());
    if ((first == 'a' || first == 'p') && in.accept(in.peek())) {
        const bool dotted = in.accept('.');
        if (lower(in.peek()) == 'm' && in.accept(in.peek())) {
            if (dotted)
                in.accept('.');
            if (!isLetter(in.peek())) {
                f.meridiem = first == 'a' ? 1 : 2;
                return true;
            }
        }
    }
    in.rewind(start);
    return false;
}

/// H:MM[:SS[.fff]] [AM|PM]
bool readTime(Cursor &in, Fields &f)
{
    if (!in.number(1, 2, f.hour) || !in.accept(':') || !in.number(2, 2, f.minute))
        return false;
    if (in.accept(':') && !readSeconds(in, f))
        return false;
    const std::size_t beforeSpaces = in.position();
    in.skipSpaces();
    if (!readMeridiem(in, f))
        in.rewind(beforeSpaces);
    return true;
}

/// +hh, +hhmm, +hh:mm (ISO, RFC 2822); after GMT/UTC also +h. Problem::None when read.
Problem readOffset(Cursor &in, Fields &f, bool singleDigitHours)
{
    const int sign = in.peek() == '-' ? -1 : 1;
    if (!in.accept('+') && !in.accept('-'))
        return Problem::Unrecognised;
    int hours = 0;
    int minutes = 0;
    if (in.digitsAhead() == 4) {
        in.number(4, 4, hours);
        minutes = hours % 100;
        hours /= 100;
    } else {
        if (!in.number(singleDigitHours ? 1 : 2, 2, hours))
            return Problem::Unrecognised;
        if (in.accept(':') && !in.number(2, 2, minutes))
            return Problem::Unrecognised;
    }
    if (hours > 18 || minutes > 59)
        return Problem::NoSuchOffset;
    f.hasOffset = true;
    f.offsetSeconds = sign * (hours * 3600 + minutes * 60);
    return Problem::None;
}

/// `Z`, an offset, or `UTC`/`GMT`/`UT` optionally followed by an offset. Leaves the cursor
/// where it was when there is no zone.
Problem readZone(Cursor &in, Fields &f)
{
    const std::size_t start = in.position();
    in.skipSpaces();
    const char c = in.peek();
    if ((c == 'Z' || c == 'z') && !isLetter(in.peek(1))) {
        in.accept(c);
        f.hasOffset = true;
        return Problem::None;
    }
    if (c == '+' || c == '-')
        return readOffset(in, f, false);
    const std::string_view word = in.word();
    if (equalsIgnoringCase(word, "utc") || equalsIgnoringCase(word, "gmt")
        || equalsIgnoringCase(word, "ut")) {
        f.hasOffset = true;
        if (in.peek() == '+' || in.peek() == '-')
            return readOffset(in, f, true);
        return Problem::None;
    }
    in.rewind(start);
    return Problem::None;
}

/// Trailing spaces and an RFC 2822 / JavaScript comment like `(Central European Summer Time)`.
bool readEnd(Cursor &in, std::string_view text)
{
    in.skipSpaces();
    if (in.peek() == '(' && !text.empty() && text.back() == ')')
        return true;
    return in.atEnd();
}

std::int64_t digitsValue(std::string_view digits)
{
    std::int64_t value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

/// Unix time (10 or 13 digits) and the compact dates YYYYMMDD and YYYYMMDDhhmmss.
Problem readDigitsOnly(std::string_view text, Fields &f)
{
    switch (text.size()) {
    case 10:
        f.epoch = digitsValue(text) * 1000;
        return Problem::None;
    case 13:
        f.epoch = digitsValue(text);
        return Problem::None;
    case 14:
        f.hour = static_cast<int>(digitsValue(text.substr(8, 2)));
        f.minute = static_cast<int>(digitsValue(text.substr(10, 2)));
        f.second = static_cast<int>(digitsValue(text.substr(12, 2)));
        [[fallthrough]];
    case 8:
        f.year = static_cast<int>(digitsValue(text.substr(0, 4)));
        f.month = static_cast<int>(digitsValue(text.substr(4, 2)));
        f.day = static_cast<int>(digitsValue(text.substr(6, 2)));
        return Problem::None;
    default:
        return Problem::Unrecognised;
    }
}

bool isDateSeparator(char c)
{
    return c == '-' || c == '/' || c == '.';
}

/// The date of a value that starts with a digit: ISO-like year first, or day/month first.
bool readNumericDate(Cursor &in, DateOrder order, Fields &f)
{
    const std::size_t lead = in.digitsAhead();
    if (lead == 4) {
        const char separator = in.peek(4);
        return isDateSeparator(separator) && in.number(4, 4, f.year) && in.accept(separator)
            && in.number(1, 2, f.month) && in.accept(separator) && in.number(1, 2, f.day);
    }
    int first = 0;
    if (!in.number(1, 2, first))
        return false;
    const char separator = in.peek();
    if (separator == ' ' ? in.skipSpaces() == 0
                         : (!isDateSeparator(separator) || !in.accept(separator)))
        return false;
    if (isLetter(in.peek())) {
        // 07 Oct 2025, 7-Oct-2025, 07.Oct.2025
        f.day = first;
        if (!readMonthName(in, f.month))
            return false;
        if (separator == ' ' ? in.skipSpaces() == 0 : !in.accept(separator))
            return false;
        return readYear(in, f.year);
    }
    int second = 0;
    if (separator == ' ' || !in.number(1, 2, second) || !in.accept(separator)
        || !readYear(in, f.year))
        return false;
    const bool dayFirst = separator == '.' || order == DateOrder::DayMonthYear;
    f.orderApplied = separator != '.';
    f.day = dayFirst ? first : second;
    f.month = dayFirst ? second : first;
    return true;
}

/// The date of a value that starts with a word: `Tue, 07 Oct 2025`, `Oct 7, 2025`.
bool readNamedDate(Cursor &in, Fields &f)
{
    std::size_t start = in.position();
    if (isWeekdayName(in.word())) {
        in.accept('.');
        in.accept(',');
        if (in.skipSpaces() == 0)
            return false;
        start = in.position();
    }
    in.rewind(start);
    if (isDigit(in.peek())) {
        if (!in.number(1, 2, f.day) || in.skipSpaces() == 0 || !readMonthName(in, f.month)
            || in.skipSpaces() == 0)
            return false;
        return in.number(4, 4, f.year);
    }
    if (!readMonthName(in, f.month) || in.skipSpaces() == 0 || !in.number(1, 2, f.day))
        return false;
    in.accept(',');
    return in.skipSpaces() > 0 && in.number(4, 4, f.year);
}

/// Recognises the common formats listed on the class; Problem::None when the text is one.
Problem readAnyFormat(std::string_view text, DateOrder order, Fields &f)
{
    Cursor in(text);
    const std::size_t lead = in.digitsAhead();
    if (lead == text.size())
        return readDigitsOnly(text, f);
    if (lead == 10 && in.peek(10) == '.') {
        // Unix seconds with a fraction, as scripting languages print them.
        Cursor fraction(text.substr(11));
        const std::size_t fractionDigits = fraction.digitsAhead();
        if (fractionDigits == 0 || fractionDigits != text.size() - 11)
            return Problem::Unrecognised;
        f.epoch = digitsValue(text.substr(0, 10)) * 1000 + fraction.fractionAsMillis();
        return Problem::None;
    }
    const bool dateRead = lead > 0 ? readNumericDate(in, order, f) : readNamedDate(in, f);
    if (!dateRead)
        return Problem::Unrecognised;

    const std::size_t afterDate = in.position();
    const bool comma = in.accept(',');
    const std::size_t spaces = in.skipSpaces();
    bool hasTime = false;
    if (!comma && spaces == 0 && (in.accept('T') || in.accept('t')))
        hasTime = true;
    else if (spaces > 0 && isDigit(in.peek()))
        hasTime = true;
    if (hasTime) {
        if (!readTime(in, f))
            return Problem::Unrecognised;
        if (const Problem zone = readZone(in, f); zone != Problem::None)
            return zone;
    } else {
        in.rewind(afterDate);
    }
    return readEnd(in, text) ? Problem::None : Problem::Unrecognised;
}

/// Reads text with an explicit format (checked at construction).
Problem readWithFormat(std::string_view text, std::string_view format, Fields &f)
{
    Cursor in(text);
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c == ' ') {
            in.skipSpaces();
            continue;
        }
        if (c != '%') {
            if (!in.accept(c))
                return Problem::Unrecognised;
            continue;
        }
        bool matched = false;
        switch (format[++i]) {
        case 'Y':
            matched = in.field(4, 4, f.year);
            break;
        case 'y':
            matched = in.field(2, 2, f.year);
            f.year = expandTwoDigitYear(f.year);
            break;
        case 'm':
            matched = in.field(1, 2, f.month);
            break;
        case 'e':
            in.skipSpaces();
            [[fallthrough]];
        case 'd':
            matched = in.field(1, 2, f.day);
            break;
        case 'H':
        case 'I':
            matched = in.field(1, 2, f.hour);
            break;
        case 'M':
            matched = in.field(1, 2, f.minute);
            break;
        case 'S':
            matched = readSeconds(in, f);
            break;
        case 'p':
            matched = readMeridiem(in, f);
            break;
        case 'b':
        case 'B':
        case 'h':
            matched = readMonthName(in, f.month);
            break;
        case 'a':
        case 'A':
            matched = isWeekdayName(in.word());
            in.accept('.');
            break;
        case 'z':
            if (in.peek() == 'Z' || in.peek() == 'z') {
                matched = in.accept(in.peek());
                f.hasOffset = true;
            } else if (const Problem offset = readOffset(in, f, false); offset != Problem::None) {
                return offset;
            } else {
                matched = true;
            }
            break;
        case 'Z': {
            const std::string_view word = in.word();
            matched = equalsIgnoringCase(word, "utc") || equalsIgnoringCase(word, "gmt")
                || equalsIgnoringCase(word, "ut") || equalsIgnoringCase(word, "z");
            f.hasOffset = true;
            break;
        }
        case '%':
            matched = in.accept('%');
            break;
        default:
            break;
        }
        if (!matched)
            return Problem::Unrecognised;
    }
    in.skipSpaces();
    return in.atEnd() ? Problem::None : Problem::Unrecognised;
}

/// Checks fields against the calendar and the clock, and turns a 12-hour time into 24 hours.
Problem checkFields(Fields &f)
{
    if (f.epoch)
        return Problem::None;
    if (f.year == 0 && f.month == 0 && f.day == 0)
        return Problem::Placeholder;
    if (f.month < 1 || f.month > 12)
        return Problem::NoSuchMonth;
    const date::year_month_day ymd { date::year { f.year },
        date::month { static_cast<unsigned>(f.month) },
        date::day { static_cast<unsigned>(f.day) } };
    if (!ymd.ok())
        return Problem::NoSuchDay;
    if (f.meridiem != 0) {
        if (f.hour < 1 || f.hour > 12)
            return Problem::NoSuchTime;
        f.hour = f.hour % 12 + (f.meridiem == 2 ? 12 : 0);
    }
    if (f.hour > 23 || f.minute > 59 || f.second > 59)
        return Problem::NoSuchTime;
    return Problem::None;
}

std::int64_t localSecondsOf(const Fields &f)
{
    const date::year_month_day ymd { date::year { f.year },
        date::month { static_cast<unsigned>(f.month) },
        date::day { static_cast<unsigned>(f.day) } };
    const std::int64_t days = date::sys_days(ymd).time_since_epoch().count();
    return days * kSecondsPerDay + f.hour * 3600 + f.minute * 60 + f.second;
}

std::string explain(Problem problem, std::string_view text, const Fields &f,
    const TimestampParser::Options &options)
{
    const std::string shown = quoted(text);
    std::string orderHint;
    if (f.orderApplied) {
        orderHint = options.dateOrder == DateOrder::DayMonthYear ? " (read as day/month/year)"
                                                                 : " (read as month/day/year)";
    }
    switch (problem) {
    case Problem::None:
    case Problem::Unrecognised:
        break;
    case Problem::Placeholder:
        return shown + " is an empty-date placeholder, not a date";
    case Problem::NoSuchMonth:
        return shown + " is not a real date: there is no month " + std::to_string(f.month)
            + orderHint;
    case Problem::NoSuchDay: {
        std::string monthName(kMonthNames[static_cast<std::size_t>(f.month - 1)]);
        monthName[0] = static_cast<char>(monthName[0] - 'a' + 'A');
        return shown + " is not a real date: " + monthName + " " + std::to_string(f.year)
            + " has no day " + std::to_string(f.day) + orderHint;
    }
    case Problem::NoSuchTime:
        return shown + " is not a real time of day";
    case Problem::NoSuchOffset:
        return shown + " has a time zone offset that does not exist";
    case Problem::NoTimeZone:
        return shown
            + " has no time zone; choose the time zone of this file in the import settings";
    }
    if (!options.format.empty())
        return shown + " does not match this import's date format " + options.format;
    return shown + " is not a date and time Clientele can read (like 2025-10-07 09:50:26)";
}

/// options.format with %F, %T and %R spelled out; throws std::invalid_argument when a
/// directive is unknown or the year, month or day is missing.
std::string expandFormat(const std::string &format)
{
    std::string expanded;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            expanded += format[i];
            continue;
        }
        const char directive = i + 1 < format.size() ? format[++i] : '\0';
        switch (directive) {
        case 'F':
            expanded += "%Y-%m-%d";
            break;
        case 'T':
            expanded += "%H:%M:%S";
            break;
        case 'R':
            expanded += "%H:%M";
            break;
        default:
            if (directive == '\0'
                || std::string_view("YymdeHIMSpbBhaAzZ%").find(directive) == std::string_view::npos)
                throw std::invalid_argument("the date format '" + format + "' uses %"
                    + std::string(directive == '\0' ? "" : std::string(1, directive))
                    + ", which Clientele does not know");
            expanded += '%';
            expanded += directive;
        }
    }
    const auto has = [&](std::string_view directives) {
        for (const char d : directives) {
            if (expanded.find(std::string { '%', d }) != std::string::npos)
                return true;
        }
        return false;
    };
    if (!has("Yy") || !has("mbBh") || !has("de"))
        throw std::invalid_argument("the date format '" + format
            + "' needs a year (%Y), a month (%m or %b) and a day (%d)");
    if (has("I") != has("p"))
        throw std::invalid_argument("the date format '" + format
            + "' must use %I (12-hour clock) together with %p (AM/PM)");
    return expanded;
}

/// Clamps the tz database's "forever" bounds so that adding an offset cannot overflow.
std::int64_t clampedSeconds(std::int64_t seconds)
{
    constexpr std::int64_t kLimit = std::int64_t { 1 } << 50;
    return seconds < -kLimit ? -kLimit : (seconds > kLimit ? kLimit : seconds);
}

} // namespace

TimestampParser::TimestampParser(Options options)
    : options_(std::move(options))
{
    if (!options_.format.empty())
        format_ = expandFormat(options_.format);
    if (!options_.timeZone.empty()) {
        try {
            zone_ = date::locate_zone(options_.timeZone);
        } catch (const std::exception &) {
            throw std::invalid_argument("'" + options_.timeZone
                + "' is not a time zone Clientele knows; use a name like Europe/Berlin, "
                  "America/New_York or UTC");
        }
    }
}

Normalized<Millis> TimestampParser::parse(std::string_view input)
{
    const std::string_view text = trimSpace(input);
    if (text.empty())
        return Normalized<Millis>::rejected("the date is empty");
    Fields f;
    Problem problem = format_.empty() ? readAnyFormat(text, options_.dateOrder, f)
                                      : readWithFormat(text, format_, f);
    if (problem == Problem::None)
        problem = checkFields(f);
    if (problem == Problem::None && !f.epoch && !f.hasOffset && !zone_)
        problem = Problem::NoTimeZone;
    if (problem != Problem::None)
        return Normalized<Millis>::rejected(explain(problem, text, f, options_));
    if (f.epoch)
        return Normalized<Millis>::accepted(*f.epoch);
    const std::int64_t local = localSecondsOf(f);
    const std::int64_t utc = f.hasOffset ? local - f.offsetSeconds : utcSecondsOfLocal(local);
    return Normalized<Millis>::accepted(utc * kMillisPerSecond + f.millis);
}

std::int64_t TimestampParser::utcSecondsOfLocal(std::int64_t localSeconds)
{
    if (localSeconds >= cacheBegin_ && localSeconds < cacheEnd_)
        return localSeconds - cacheOffset_;
    const date::local_info info
        = zone_->get_info(date::local_seconds { std::chrono::seconds { localSeconds } });
    // For a skipped or repeated local time, info.first is the period before the change.
    const std::int64_t offset = info.first.offset.count();
    if (info.result == date::local_info::unique) {
        // Offsets never change by two days or more, so two days inside the period's local
        // range no neighbouring period can reach: the offset is certain there.
        constexpr std::int64_t kMargin = 2 * kSecondsPerDay;
        const std::int64_t begin
            = clampedSeconds(info.first.begin.time_since_epoch().count()) + offset + kMargin;
        const std::int64_t end
            = clampedSeconds(info.first.end.time_since_epoch().count()) + offset - kMargin;
        if (begin < end) {
            cacheBegin_ = begin;
            cacheEnd_ = end;
            cacheOffset_ = offset;
        }
    }
    return localSeconds - offset;
}

std::optional<DateOrder> TimestampParser::detectDateOrder(const std::vector<std::string> &samples)
{
    bool dayFirstSeen = false;
    bool monthFirstSeen = false;
    for (const auto &sample : samples) {
        Cursor in(trimSpace(sample));
        int first = 0;
        int second = 0;
        const char separator = in.peek(in.digitsAhead());
        if ((separator != '/' && separator != '-') || !in.number(1, 2, first)
            || !in.accept(separator) || !in.number(1, 2, second) || !in.accept(separator))
            continue;
        dayFirstSeen = dayFirstSeen || (first > 12 && second <= 12);
        monthFirstSeen = monthFirstSeen || (second > 12 && first <= 12);
    }
    if (dayFirstSeen == monthFirstSeen)
        return std::nullopt;
    return dayFirstSeen ? DateOrder::DayMonthYear : DateOrder::MonthDayYear;
}

} // namespace clientele
