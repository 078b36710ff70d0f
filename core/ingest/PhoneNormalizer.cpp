#include "PhoneNormalizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <stdexcept>

namespace clientele {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using ingest_text::decodeUtf8;
using ingest_text::isSpaceLike;
using ingest_text::quoted;
using ingest_text::trimSpace;

/// Marks a region that has none: numbers must then carry their country code.
constexpr const char *kNoRegion = "ZZ";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// What a spreadsheet made of a number cell: digits, or a float whose digits are gone.
struct SpreadsheetNumber {
    enum class Kind { NotOne, Digits, LostDigits, Fractional } kind = Kind::NotOne;
    std::string digits;
};

/// Recognises `4915112345678.0`, `4915112345678,0` and `4.915112345678E+12`; plain digits
/// without a fraction or exponent are NotOne, they take the normal path.
SpreadsheetNumber readSpreadsheetNumber(std::string_view text)
{
    using Kind = SpreadsheetNumber::Kind;
    std::size_t pos = 0;
    const auto digitRun = [&] {
        const std::size_t start = pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
        return text.substr(start, pos - start);
    };
    const std::string_view whole = digitRun();
    // Spreadsheets write numbers without leading zeros; "030.1234567" is a Berlin number.
    if (whole.empty() || whole.front() == '0')
        return {};
    std::string_view fraction;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        fraction = digitRun();
        if (fraction.empty())
            return {};
    }
    std::size_t exponent = 0;
    bool hasExponent = false;
    if (pos < text.size() && (text[pos] == 'E' || text[pos] == 'e')) {
        ++pos;
        if (pos < text.size() && text[pos] == '+')
            ++pos;
        const std::string_view exponentDigits = digitRun();
        if (exponentDigits.empty() || exponentDigits.size() > 2)
            return {};
        hasExponent = true;
        for (const char c : exponentDigits)
            exponent = exponent * 10 + static_cast<std::size_t>(c - '0');
    }
    if (pos != text.size() || (fraction.empty() && !hasExponent))
        return {};
    const auto allZeros = [](std::string_view digits) {
        return digits.find_first_not_of('0') == std::string_view::npos;
    };
    // Without an exponent only a zero fraction is a spreadsheet's doing: `0151.123` is not.
    if (!hasExponent && !allZeros(fraction))
        return {};
    if (hasExponent && whole.size() != 1)
        return {};
    // Every digit the fraction holds beyond the exponent must be a written-out zero; fewer
    // fraction digits than the exponent means the spreadsheet rounded digits away.
    if (fraction.size() < exponent)
        return { Kind::LostDigits, {} };
    if (!allZeros(fraction.substr(exponent)))
        return { Kind::Fractional, {} };
    return { Kind::Digits, std::string(whole) + std::string(fraction.substr(0, exponent)) };
}

/// The digits of text when everything else in it is a separator people put in phone numbers.
std::string separatedDigits(std::string_view text)
{
    std::string digits;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (isDigit(c)) {
            digits += c;
            ++pos;
            continue;
        }
        const char32_t cp = decodeUtf8(text, pos);
        const bool separator = cp == '-' || cp == '.' || cp == '/' || cp == '(' || cp == ')'
            || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || isSpaceLike(cp);
        if (!separator)
            return {};
    }
    return digits;
}

struct Attempt {
    PhoneNumberUtil::ErrorType error = PhoneNumberUtil::NOT_A_NUMBER;
    PhoneNumber number;
    bool valid = false;
};

Attempt parse(const std::string &text, const std::string &region)
{
    const auto &util = *PhoneNumberUtil::GetInstance();
    Attempt attempt;
    attempt.error = util.Parse(text, region, &attempt.number);
    attempt.valid
        = attempt.error == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(attempt.number);
    return attempt;
}

std::string e164(const PhoneNumber &number)
{
    std::string formatted;
    PhoneNumberUtil::GetInstance()->Format(number, PhoneNumberUtil::E164, &formatted);
    return formatted;
}

std::string failureReason(
    const std::string &shown, const Attempt &attempt, const std::string &region)
{
    switch (attempt.error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        if (region == kNoRegion)
            return shown + " has no country code (like +49) and this import has no default country";
        return shown + " starts with a country code that does not exist";
    case PhoneNumberUtil::NOT_A_NUMBER:
        return shown + " is not a phone number";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return shown + " is too short for a phone number";
    case PhoneNumberUtil::TOO_LONG_NSN:
        return shown + " is too long for a phone number";
    }
    std::string numberRegion;
    PhoneNumberUtil::GetInstance()->GetRegionCodeForCountryCode(
        attempt.number.country_code(), &numberRegion);
    if (numberRegion.empty() || numberRegion == kNoRegion || numberRegion == "001")
        return shown + " is not a valid phone number";
    return shown + " is not a valid phone number for " + numberRegion;
}

} // namespace

PhoneNormalizer::PhoneNormalizer(std::string defaultCountry)
    : region_(std::move(defaultCountry))
{
    for (char &c : region_) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    if (region_.empty() || region_ == kNoRegion) {
        region_ = kNoRegion;
        return;
    }
    const int code = PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region_);
    if (code == 0)
        throw std::invalid_argument("'" + region_
            + "' is not a country for phone numbers; use a two-letter code like DE, AT or GB");
    callingCode_ = std::to_string(code);
}

Normalized<std::string> PhoneNormalizer::normalize(std::string_view input) const
{
    using Result = Normalized<std::string>;
    std::string_view text = trimSpace(input);
    if (text.empty())
        return Result::rejected("the phone number is empty");
    const std::string shown = quoted(text);
    if (text.size() >= 4 && (text[0] == 't' || text[0] == 'T') && (text[1] == 'e' || text[1] == 'E')
        && (text[2] == 'l' || text[2] == 'L') && text[3] == ':')
        text = trimSpace(text.substr(4));

    const SpreadsheetNumber spreadsheet = readSpreadsheetNumber(text);
    switch (spreadsheet.kind) {
    case SpreadsheetNumber::Kind::LostDigits:
        return Result::rejected(
            shown + " was shortened by a spreadsheet (scientific notation), so digits are missing");
    case SpreadsheetNumber::Kind::Fractional:
        return Result::rejected(shown + " is a number with decimals, not a phone number");
    case SpreadsheetNumber::Kind::Digits:
    case SpreadsheetNumber::Kind::NotOne:
        break;
    }
    const std::string candidate = spreadsheet.kind == SpreadsheetNumber::Kind::Digits
        ? spreadsheet.digits
        : std::string(text);

    bool hasLetters = false;
    for (const char c : candidate)
        hasLetters = hasLetters || isAsciiLetter(c);
    if (hasLetters) {
        // Letters are only fine as an extension marker ("ext. 12", "x12").
        const Attempt attempt = parse(candidate, region_);
        if (attempt.valid && attempt.number.has_extension())
            return Result::accepted(e164(attempt.number));
        return Result::rejected(shown + " contains letters; a phone number has only digits");
    }

    const std::string digits = separatedDigits(candidate);
    const bool withoutPrefix = !digits.empty() && digits.front() != '0';
    if (withoutPrefix) {
        // No '+' and no leading 0: see the class comment for why this order.
        if (!callingCode_.empty() && digits.starts_with(callingCode_)) {
            if (const Attempt own = parse("+" + digits, region_); own.valid)
                return Result::accepted(e164(own.number));
        }
        const Attempt national = parse(candidate, region_);
        if (national.valid)
            return Result::accepted(e164(national.number));
        if (const Attempt international = parse("+" + digits, region_); international.valid)
            return Result::accepted(e164(international.number));
        return Result::rejected(failureReason(shown, national, region_));
    }

    const Attempt attempt = parse(candidate, region_);
    if (attempt.valid)
        return Result::accepted(e164(attempt.number));
    if (digits.starts_with("00")) {
        // "00" is the international prefix in most of the world, also where the default
        // country dials another one (011 in the US).
        if (const Attempt viaZeros = parse("+" + digits.substr(2), region_); viaZeros.valid)
            return Result::accepted(e164(viaZeros.number));
    }
    return Result::rejected(failureReason(shown, attempt, region_));
}

} // namespace clientele
