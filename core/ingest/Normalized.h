#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace clientele {

/**
 * The outcome of normalising one imported value: either the value in its canonical form or
 * the reason, written for a marketer, why the cell could not be used. Bad input is data, not
 * a programming error, so normalisers return this instead of throwing; the import job copies
 * the reason into the reject log next to the line number.
 */
template<class T> struct Normalized {
    /// The canonical value; empty when the input was rejected.
    std::optional<T> value;
    /// Why the input was rejected ("'ana@example' has no domain ending (like .com)"); empty
    /// when value is set. Quotes the input so that the reject log stands on its own.
    std::string reason;

    static Normalized accepted(T canonical) { return Normalized { std::move(canonical), {} }; }
    static Normalized rejected(std::string why)
    {
        return Normalized { std::nullopt, std::move(why) };
    }

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return value.has_value(); }
};

/// Small UTF-8 helpers the normalisers share: trimming and quoting need no Unicode tables.
namespace ingest_text {

/// Decodes the UTF-8 sequence at text[pos]; returns the code point and advances pos.
/// Malformed bytes decode as U+FFFD one byte at a time, so callers never loop forever.
inline char32_t decodeUtf8(std::string_view text, std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        ++pos;
        return 0xFFFD;
    }
    if (pos + length > text.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    pos += length;
    return cp;
}

/// Space a spreadsheet or web page may leave around a value: ASCII white space and control
/// characters, every Unicode space separator (NBSP, narrow NBSP, ideographic space, …), the
/// zero-width space and the byte order mark.
inline bool isSpaceLike(char32_t cp)
{
    return cp <= 0x20 || cp == 0x7F || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
        || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/// The text without leading and trailing space-like characters (see isSpaceLike).
inline std::string_view trimSpace(std::string_view text)
{
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t next = begin;
        if (!isSpaceLike(decodeUtf8(text, next)))
            break;
        begin = next;
    }
    std::size_t end = text.size();
    while (end > begin) {
        // Step back to the first byte of the last UTF-8 sequence.
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80
            && end - start < 4)
            --start;
        std::size_t next = start;
        if (!isSpaceLike(decodeUtf8(text, next)) || next != end)
            break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

/// The input as a reason quotes it: in single quotes, control characters shown as '?', and
/// cut after 60 bytes (on a character boundary) so that one wild cell cannot flood the log.
inline std::string quoted(std::string_view input)
{
    constexpr std::size_t kMaxBytes = 60;
    std::string out = "'";
    std::size_t pos = 0;
    while (pos < input.size()) {
        if (pos >= kMaxBytes) {
            out += "…";
            break;
        }
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(input, pos);
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD)
            out += '?';
        else
            out.append(input.substr(start, pos - start));
    }
    out += '\'';
    return out;
}

} // namespace ingest_text

} // namespace clientele
