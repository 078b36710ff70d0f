#include "MatchKeys.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace clientele::MatchKeys {

namespace {

bool isAscii(std::string_view text)
{
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

enum class Keep { All, AllButSpace, Letters };

bool isLetter(utf8proc_int32_t codePoint)
{
    switch (utf8proc_category(codePoint)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: // combining accents that NFC could not compose
    case UTF8PROC_CATEGORY_MC:
        return true;
    default:
        return false;
    }
}

bool isSpace(utf8proc_int32_t codePoint)
{
    switch (utf8proc_category(codePoint)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: // zero-width space and the like
        return true;
    default:
        return false;
    }
}

bool keeps(Keep keep, utf8proc_int32_t codePoint)
{
    switch (keep) {
    case Keep::All:
        return true;
    case Keep::AllButSpace:
        return !isSpace(codePoint);
    case Keep::Letters:
        return isLetter(codePoint);
    }
    return false;
}

/// Could NFC change text from this code point on? Combining marks compose with what is
/// before them, conjoining Hangul jamo with each other.
bool mayCompose(utf8proc_int32_t codePoint)
{
    switch (utf8proc_category(codePoint)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        return codePoint >= 0x1100 && codePoint <= 0x11FF;
    }
}

/// Appends the lower case of the code points of [data, data + size) that keep allows; false
/// (with out unspecified) when the text is not UTF-8, or when stopAtComposable and a code
/// point that NFC could combine turns up.
bool appendLowerFiltered(const utf8proc_uint8_t *data, utf8proc_ssize_t size, Keep keep,
    bool stopAtComposable, std::string &out)
{
    utf8proc_int32_t codePoint = 0;
    while (size > 0) {
        if (*data < 0x80) {
            if (keeps(keep, *data))
                out.push_back(asciiLower(static_cast<char>(*data)));
            ++data;
            --size;
            continue;
        }
        const utf8proc_ssize_t length = utf8proc_iterate(data, size, &codePoint);
        if (length <= 0)
            return false;
        data += length;
        size -= length;
        if (stopAtComposable && mayCompose(codePoint))
            return false;
        if (!keeps(keep, codePoint))
            continue;
        utf8proc_uint8_t encoded[4];
        const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(codePoint), encoded);
        out.append(reinterpret_cast<const char *>(encoded), static_cast<std::size_t>(written));
    }
    return true;
}

/// Lower case (after NFC) with only the code points keep allows.
std::string lowerFiltered(std::string_view text, Keep keep)
{
    std::string out;
    out.reserve(text.size());
    if (isAscii(text)) {
        for (const char c : text) {
            const auto codePoint = static_cast<utf8proc_int32_t>(static_cast<unsigned char>(c));
            if (keeps(keep, codePoint))
                out.push_back(asciiLower(c));
        }
        return out;
    }
    // Most non-ASCII names (Zoë, Müller) are already composed: NFC, which allocates, is only
    // needed when a combining character turns up.
    const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    if (appendLowerFiltered(bytes, size, keep, true, out))
        return out;
    out.clear();
    utf8proc_uint8_t *composed = nullptr;
    const utf8proc_ssize_t composedSize = utf8proc_map(
        bytes, size, &composed, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(composed, &std::free);
    if (composedSize < 0 || !appendLowerFiltered(composed, composedSize, keep, false, out)) {
        // Not UTF-8: what can be said safely is the ASCII part.
        out.clear();
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x80 && keeps(keep, byte))
                out.push_back(asciiLower(c));
        }
    }
    return out;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isAsciiSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string lowercase(std::string_view text)
{
    return lowerFiltered(text, Keep::All);
}

std::string e164(std::string_view phone)
{
    if (phone.size() < 8 || phone.size() > 16 || phone.front() != '+' || phone[1] == '0')
        return {};
    for (const char c : phone.substr(1)) {
        if (!isDigit(c))
            return {};
    }
    return std::string(phone);
}

std::string isoCountry(std::string_view country)
{
    country = trimmed(country);
    if (country.size() != 2)
        return {};
    std::string out;
    for (const char c : country) {
        const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (upper < 'A' || upper > 'Z')
            return {};
        out.push_back(upper);
    }
    return out;
}

std::string googleEmail(std::string_view email)
{
    return lowerFiltered(trimmed(email), Keep::AllButSpace);
}

std::string googleName(std::string_view name)
{
    return lowerFiltered(name, Keep::AllButSpace);
}

std::string googlePhone(std::string_view phone)
{
    return e164(trimmed(phone));
}

std::string metaEmail(std::string_view email)
{
    return lowerFiltered(trimmed(email), Keep::AllButSpace);
}

std::string metaPhone(std::string_view phone)
{
    const std::string international = e164(trimmed(phone));
    if (international.empty())
        return {};
    std::string digits = international.substr(1);
    const auto firstNonZero = digits.find_first_not_of('0');
    return firstNonZero == std::string::npos ? std::string() : digits.substr(firstNonZero);
}

std::string metaName(std::string_view name)
{
    return lowerFiltered(name, Keep::Letters);
}

std::string metaCity(std::string_view city)
{
    return lowerFiltered(city, Keep::Letters);
}

std::string metaCountry(std::string_view country)
{
    std::string code = isoCountry(country);
    for (char &c : code)
        c = asciiLower(c);
    return code;
}

} // namespace clientele::MatchKeys
