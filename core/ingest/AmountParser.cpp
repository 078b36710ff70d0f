#include "AmountParser.h"

#include <utf8proc.h>

#include <array>
#include <charconv>
#include <optional>
#include <system_error>

namespace clientele {

namespace {

using ingest_text::decodeUtf8;
using ingest_text::isSpaceLike;
using ingest_text::quoted;
using ingest_text::trimSpace;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// An amount's text split into sign and number, with both ways of reading the number.
struct Readings {
    bool isNumber = false;
    bool negative = false;
    /// The number as "1234.56" when `.` is the decimal mark, nullopt when that reading fails.
    std::optional<std::string> withPoint;
    /// The same when `,` is the decimal mark.
    std::optional<std::string> withComma;
};

bool isMinus(char32_t cp)
{
    return cp == '-' || cp == 0x2212 || cp == 0x2013;
}

/// Local currency abbreviations that are not three upper-case letters.
constexpr std::array<std::string_view, 8> kCurrencyWords
    = { "kr.", "kr", "Kč", "zł", "Ft", "Fr.", "Rs.", "Rs" };

/// Length in bytes of a currency marker at the start of text, 0 when there is none.
std::size_t currencyPrefix(std::string_view text)
{
    if (text.empty())
        return 0;
    std::size_t pos = 0;
    const char32_t cp = decodeUtf8(text, pos);
    if (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_SC)
        return pos;
    if (cp == '$')
        return 1;
    const auto isUpper
        = [&](std::size_t i) { return i < text.size() && text[i] >= 'A' && text[i] <= 'Z'; };
    const auto isLetterAt = [&](std::size_t i) {
        return i < text.size()
            && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'));
    };
    if (isUpper(0) && isUpper(1) && isUpper(2) && !isLetterAt(3))
        return 3;
    for (const auto word : kCurrencyWords) {
        if (text.starts_with(word) && !isLetterAt(word.size()))
            return word.size();
    }
    return 0;
}

/// Length in bytes of a currency marker at the end of text, 0 when there is none.
std::size_t currencySuffix(std::string_view text)
{
    // Currency markers are at most 4 bytes (kr., three letters, a 3-byte symbol).
    for (std::size_t length = 1; length <= 4 && length <= text.size(); ++length) {
        const std::string_view tail = text.substr(text.size() - length);
        if ((static_cast<unsigned char>(tail.front()) & 0xC0) == 0x80)
            continue;
        if (currencyPrefix(tail) == length) {
            const std::string_view before = text.substr(0, text.size() - length);
            const bool glued = !before.empty()
                && ((before.back() >= 'a' && before.back() <= 'z')
                    || (before.back() >= 'A' && before.back() <= 'Z'));
            if (!glued)
                return length;
        }
    }
    return 0;
}

/// Reads the digits of body with decimalMark as the decimal separator; every other
/// separator ('.' or ',', spaces, apostrophes) must be a thousands separator grouping by
/// three. Returns "1234.56", or nullopt when body is not a number that way.
std::optional<std::string> readDigits(std::string_view body, char decimalMark)
{
    const char32_t otherMark = decimalMark == '.' ? U',' : U'.';
    enum class Separator { None, OtherMark, Space, Apostrophe };
    std::string integer;
    std::string fraction;
    bool inFraction = false;
    Separator thousands = Separator::None;
    std::size_t groupSize = 0; // digits in the current group of the integer part
    // After a thousands separator, every group has exactly three digits.
    const auto groupComplete = [&] { return thousands == Separator::None || groupSize == 3; };
    std::size_t pos = 0;
    while (pos < body.size()) {
        const char c = body[pos];
        if (isDigit(c)) {
            if (inFraction) {
                fraction += c;
            } else {
                integer += c;
                ++groupSize;
            }
            ++pos;
            continue;
        }
        if (c == decimalMark) {
            if (inFraction || !groupComplete())
                return std::nullopt;
            inFraction = true;
            ++pos;
            continue;
        }
        const char32_t cp = decodeUtf8(body, pos);
        Separator kind = Separator::None;
        if (cp == otherMark)
            kind = Separator::OtherMark;
        else if (isSpaceLike(cp))
            kind = Separator::Space;
        else if (cp == '\'' || cp == 0x2019)
            kind = Separator::Apostrophe;
        if (kind == Separator::None || inFraction)
            return std::nullopt;
        if (thousands == Separator::None) {
            // The first group: 1–3 digits, no leading zero (0,123 is a decimal, not 123).
            if (groupSize < 1 || groupSize > 3 || integer[0] == '0')
                return std::nullopt;
        } else if (kind != thousands || groupSize != 3) {
            return std::nullopt;
        }
        thousands = kind;
        groupSize = 0;
    }
    if ((!inFraction && !groupComplete()) || (inFraction && fraction.empty()))
        return std::nullopt;
    if (integer.empty() && fraction.empty())
        return std::nullopt;
    return (integer.empty() ? std::string("0") : integer)
        + (fraction.empty() ? std::string() : "." + fraction);
}

Readings read(std::string_view text)
{
    Readings readings;
    std::string_view rest = text;
    if (!rest.empty() && (rest.front() == '\'' || rest.starts_with("\u2019")))
        rest = trimSpace(rest.substr(rest.front() == '\'' ? 1 : 3));

    bool parenthesised = false;
    bool signSeen = false;
    bool currencySeen = false;
    const auto unwrapParentheses = [&] {
        if (!parenthesised && rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
            parenthesised = true;
            rest = trimSpace(rest.substr(1, rest.size() - 2));
        }
    };
    unwrapParentheses();
    for (bool progress = true; progress;) {
        progress = false;
        std::size_t pos = 0;
        const char32_t cp = rest.empty() ? 0 : decodeUtf8(rest, pos);
        if (!signSeen && (isMinus(cp) || cp == '+')) {
            signSeen = true;
            readings.negative = cp != '+';
            rest = trimSpace(rest.substr(pos));
            progress = true;
        } else if (const std::size_t length = currencyPrefix(rest); !currencySeen && length > 0) {
            currencySeen = true;
            rest = trimSpace(rest.substr(length));
            progress = true;
        }
    }
    if (const std::size_t length = currencySuffix(rest); !currencySeen && length > 0)
        rest = trimSpace(rest.substr(0, rest.size() - length));
    unwrapParentheses();
    if (parenthesised) {
        if (signSeen)
            return readings;
        readings.negative = true;
    }
    readings.withPoint = readDigits(rest, '.');
    readings.withComma = readDigits(rest, ',');
    readings.isNumber = readings.withPoint || readings.withComma;
    return readings;
}

/// Point or Comma when only one reading works, Auto when both do and differ or none does.
DecimalStyle styleShown(const Readings &readings)
{
    if (readings.withPoint && !readings.withComma)
        return DecimalStyle::Point;
    if (readings.withComma && !readings.withPoint)
        return DecimalStyle::Comma;
    return DecimalStyle::Auto;
}

} // namespace

AmountParser::AmountParser(DecimalStyle style, DecimalStyle ambiguousAs)
    : style_(style)
    , ambiguousAs_(ambiguousAs)
{
}

Normalized<double> AmountParser::parse(std::string_view input) const
{
    using Result = Normalized<double>;
    const std::string_view text = trimSpace(input);
    if (text.empty())
        return Result::rejected("the amount is empty");
    const Readings readings = read(text);
    if (!readings.isNumber)
        return Result::rejected(quoted(text) + " is not a number");

    const std::optional<std::string> *chosen = nullptr;
    switch (style_) {
    case DecimalStyle::Point:
        if (!readings.withPoint) {
            return Result::rejected(quoted(text)
                + " is written with a decimal comma, but this import reads amounts with a "
                  "decimal point (like 1,234.56)");
        }
        chosen = &readings.withPoint;
        break;
    case DecimalStyle::Comma:
        if (!readings.withComma) {
            return Result::rejected(quoted(text)
                + " is written with a decimal point, but this import reads amounts with a "
                  "decimal comma (like 1.234,56)");
        }
        chosen = &readings.withComma;
        break;
    case DecimalStyle::Auto:
        if (!readings.withComma
            || (readings.withPoint && *readings.withPoint == *readings.withComma))
            chosen = &readings.withPoint;
        else if (!readings.withPoint)
            chosen = &readings.withComma;
        else if (ambiguousAs_ == DecimalStyle::Point)
            chosen = &readings.withPoint;
        else if (ambiguousAs_ == DecimalStyle::Comma)
            chosen = &readings.withComma;
        else
            return Result::rejected(quoted(text) + " could be " + *readings.withPoint + " or "
                + *readings.withComma + "; choose the decimal separator for this import");
        break;
    }

    const std::string &digits = **chosen;
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size())
        return Result::rejected(quoted(text) + " is too large to be an amount");
    if (readings.negative && value != 0)
        value = -value;
    return Result::accepted(value);
}

DecimalStyle AmountParser::detectStyle(const std::vector<std::string> &samples)
{
    int pointVotes = 0;
    int commaVotes = 0;
    for (const auto &sample : samples) {
        switch (styleShown(read(trimSpace(sample)))) {
        case DecimalStyle::Point:
            ++pointVotes;
            break;
        case DecimalStyle::Comma:
            ++commaVotes;
            break;
        case DecimalStyle::Auto:
            break;
        }
    }
    if (pointVotes == commaVotes)
        return DecimalStyle::Auto;
    return pointVotes > commaVotes ? DecimalStyle::Point : DecimalStyle::Comma;
}

} // namespace clientele
