#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clientele {

/**
 * Case-insensitive keys for searching as a user types. Unicode NFC plus full case folding
 * (utf8proc), so that `ÖZDEMIR`, `Özdemir` and `özdemir` give the same bytes; broken UTF-8
 * is folded byte by byte in ASCII only, never rejected.
 */
namespace TextFold {

/// text case-folded as a whole.
std::string fold(std::string_view text);

/// NFC + full case folding, default-ignorable characters dropped; nullopt when text is not
/// valid UTF-8 (identifiers are rejected then, not guessed).
std::optional<std::string> foldStrict(std::string_view text);

/// The search key of a name: both parts folded, joined by one space, inner white space and
/// commas collapsed ("  Lena ", "HOFFMANN" → "lena hoffmann"). Empty when both are empty.
std::string nameKey(std::string_view first, std::string_view second);

} // namespace TextFold

} // namespace clientele
