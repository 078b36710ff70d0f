#include "TextFold.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace clientele::TextFold {

namespace {

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

/// Appends text to key with white space and commas collapsed to single spaces.
void appendWords(std::string &key, std::string_view text)
{
    bool pendingSpace = !key.empty();
    bool wroteWord = false;
    for (const char c : text) {
        const bool separator = c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r';
        if (separator) {
            pendingSpace = pendingSpace || wroteWord;
            continue;
        }
        if (pendingSpace && !key.empty())
            key += ' ';
        pendingSpace = false;
        wroteWord = true;
        key += c;
    }
}

} // namespace

std::optional<std::string> foldStrict(std::string_view text)
{
    // Nearly all text is ASCII, where NFC changes nothing, case folding is lower-casing and
    // nothing is default-ignorable: the common case skips utf8proc.
    bool ascii = true;
    for (const char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return asciiLower(text);
    utf8proc_uint8_t *mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
    const utf8proc_ssize_t length
        = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
            static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    if (length < 0)
        return std::nullopt;
    return std::string(reinterpret_cast<const char *>(mapped), static_cast<std::size_t>(length));
}

std::string fold(std::string_view text)
{
    // The fallback only when folding failed: value_or would lower-case every text twice.
    if (auto folded = foldStrict(text))
        return std::move(*folded);
    return asciiLower(text);
}

std::string nameKey(std::string_view first, std::string_view second)
{
    std::string key;
    appendWords(key, fold(first));
    appendWords(key, fold(second));
    return key;
}

} // namespace clientele::TextFold
