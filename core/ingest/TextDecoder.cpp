#include "TextDecoder.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace clientele {

namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

/// The Unicode code points of Windows-1252 bytes 0x80–0x9F; 0 marks the five undefined ones.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178, //
};

/// One byte's UTF-8 form, precomputed so that decoding is a table lookup per byte.
struct Utf8Sequence {
    std::array<char, 3> bytes {};
    std::uint8_t length = 0;
};

constexpr Utf8Sequence encodeUtf8(char32_t codePoint)
{
    Utf8Sequence sequence;
    if (codePoint < 0x80) {
        sequence.bytes[0] = static_cast<char>(codePoint);
        sequence.length = 1;
    } else if (codePoint < 0x800) {
        sequence.bytes[0] = static_cast<char>(0xC0 | (codePoint >> 6));
        sequence.bytes[1] = static_cast<char>(0x80 | (codePoint & 0x3F));
        sequence.length = 2;
    } else {
        sequence.bytes[0] = static_cast<char>(0xE0 | (codePoint >> 12));
        sequence.bytes[1] = static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        sequence.bytes[2] = static_cast<char>(0x80 | (codePoint & 0x3F));
        sequence.length = 3;
    }
    return sequence;
}

constexpr std::array<Utf8Sequence, 256> makeWindows1252Table()
{
    std::array<Utf8Sequence, 256> table {};
    for (char32_t byte = 0; byte < 256; ++byte) {
        char32_t codePoint = byte;
        if (byte >= 0x80 && byte < 0xA0) {
            codePoint = kWindows1252High[byte - 0x80];
            if (codePoint == 0)
                codePoint = kReplacementCharacter;
        }
        table[byte] = encodeUtf8(codePoint);
    }
    return table;
}

constexpr std::array<Utf8Sequence, 256> kWindows1252ToUtf8 = makeWindows1252Table();
constexpr Utf8Sequence kReplacementUtf8 = encodeUtf8(kReplacementCharacter);

/// Length of the ASCII run at the start of [p, end), eight bytes at a time.
std::size_t asciiPrefixLength(const unsigned char *begin, const unsigned char *end)
{
    const unsigned char *p = begin;
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if (word & 0x8080808080808080ULL)
            break;
        p += 8;
    }
    while (p < end && *p < 0x80)
        ++p;
    return static_cast<std::size_t>(p - begin);
}

/// Length of the valid multi-byte UTF-8 sequence starting at p, or 0 when it is invalid.
std::size_t validSequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = *p;
    const auto available = end - p;
    auto continuation = [](unsigned char byte) { return (byte & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF)
        return available >= 2 && continuation(p[1]) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (available < 3 || !continuation(p[1]) || !continuation(p[2]))
            return 0;
        if (lead == 0xE0 && p[1] < 0xA0)
            return 0; // overlong
        if (lead == 0xED && p[1] >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (available < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3]))
            return 0;
        if (lead == 0xF0 && p[1] < 0x90)
            return 0; // overlong
        if (lead == 0xF4 && p[1] >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

const unsigned char *bytesOf(std::string_view text)
{
    return reinterpret_cast<const unsigned char *>(text.data());
}

} // namespace

bool TextDecoder::decode(std::string_view bytes, std::string &out) const
{
    out.clear();
    if (encoding_ == Encoding::Windows1252) {
        appendWindows1252AsUtf8(bytes, out);
        return true;
    }
    if (isValidUtf8(bytes)) {
        out.assign(bytes);
        return true;
    }
    appendRepairedUtf8(bytes, out);
    return false;
}

std::string TextDecoder::toUtf8(std::string_view bytes) const
{
    std::string text;
    decode(bytes, text);
    return text;
}

std::size_t TextDecoder::utf8BomLength(std::string_view bytes)
{
    return bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

bool TextDecoder::isAscii(std::string_view bytes)
{
    const unsigned char *begin = bytesOf(bytes);
    return asciiPrefixLength(begin, begin + bytes.size()) == bytes.size();
}

bool TextDecoder::isValidUtf8(std::string_view bytes)
{
    const unsigned char *p = bytesOf(bytes);
    const unsigned char *end = p + bytes.size();
    for (;;) {
        p += asciiPrefixLength(p, end);
        if (p == end)
            return true;
        const std::size_t length = validSequenceLength(p, end);
        if (length == 0)
            return false;
        p += length;
    }
}

void TextDecoder::appendRepairedUtf8(std::string_view bytes, std::string &out)
{
    const unsigned char *p = bytesOf(bytes);
    const unsigned char *end = p + bytes.size();
    out.reserve(out.size() + bytes.size());
    for (;;) {
        const std::size_t ascii = asciiPrefixLength(p, end);
        out.append(reinterpret_cast<const char *>(p), ascii);
        p += ascii;
        if (p == end)
            return;
        const std::size_t length = validSequenceLength(p, end);
        if (length == 0) {
            out.append(kReplacementUtf8.bytes.data(), kReplacementUtf8.length);
            ++p;
        } else {
            out.append(reinterpret_cast<const char *>(p), length);
            p += length;
        }
    }
}

void TextDecoder::appendWindows1252AsUtf8(std::string_view bytes, std::string &out)
{
    const unsigned char *p = bytesOf(bytes);
    const unsigned char *end = p + bytes.size();
    out.reserve(out.size() + bytes.size() + bytes.size() / 8);
    for (;;) {
        const std::size_t ascii = asciiPrefixLength(p, end);
        out.append(reinterpret_cast<const char *>(p), ascii);
        p += ascii;
        if (p == end)
            return;
        const Utf8Sequence &sequence = kWindows1252ToUtf8[*p++];
        out.append(sequence.bytes.data(), sequence.length);
    }
}

std::string_view TextDecoder::displayName(Encoding encoding)
{
    return encoding == Encoding::Windows1252 ? "Windows-1252" : "UTF-8";
}

std::optional<Encoding> TextDecoder::encodingFromName(std::string_view name)
{
    std::string key;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ')
            continue;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (key == "utf8")
        return Encoding::Utf8;
    if (key == "windows1252" || key == "cp1252" || key == "win1252" || key == "latin1"
        || key == "iso88591")
        return Encoding::Windows1252;
    return std::nullopt;
}

} // namespace clientele
