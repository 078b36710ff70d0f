#pragma once

#include <string>
#include <string_view>

namespace clientele {

/**
 * The spellings ad platforms match customer lists on. Google Customer Match and Meta
 * custom audiences compare SHA-256 digests of normalised values, so a value is only found
 * when it is normalised exactly as the platform does before hashing; the rules and where
 * they are documented are in docs/export-formats.md. Every function returns an empty
 * string when there is nothing usable (the exporter then leaves the cell empty rather than
 * hashing an empty string, whose digest would match no one and look like data).
 *
 * Lower-casing is Unicode-aware (NFC, then each code point's lower case through utf8proc),
 * so `ÉMILIE` gives `émilie` and `ß` stays `ß` as the platforms' own SDKs leave it.
 */
namespace MatchKeys {

/// NFC and lower case; invalid UTF-8 is lower-cased in ASCII only.
std::string lowercase(std::string_view text);

/// `+` and 7 to 15 digits, the first not 0: the value as it is, else empty.
std::string e164(std::string_view phone);
/// Two ASCII letters, upper case (`DE`); anything else gives empty.
std::string isoCountry(std::string_view country);

/// Google: e-mail trimmed, lower case, no white space anywhere.
std::string googleEmail(std::string_view email);
/// Google: first or last name in lower case with all white space removed.
std::string googleName(std::string_view name);
/// Google: phone in E.164 with its `+` (hashed as such).
std::string googlePhone(std::string_view phone);

/// Meta: e-mail trimmed and lower case (white space removed too).
std::string metaEmail(std::string_view email);
/// Meta: the digits of the international number, country code first, no `+`, no leading 0.
std::string metaPhone(std::string_view phone);
/// Meta fn/ln: lower case, letters only (accents kept, as UTF-8): no punctuation, no spaces.
std::string metaName(std::string_view name);
/// Meta ct: lower case letters only, no punctuation, digits or white space.
std::string metaCity(std::string_view city);
/// Meta country: the ISO 3166-1 alpha-2 code in lower case (`de`).
std::string metaCountry(std::string_view country);

} // namespace MatchKeys

} // namespace clientele
