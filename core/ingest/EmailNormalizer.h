#pragma once

#include "Normalized.h"

#include <string>
#include <string_view>

namespace clientele {

/**
 * Turns an email address as a shop system wrote it into the one spelling Clientele stores as
 * an identifier, so that `  Ana@Example.COM `, `mailto:ana@example.com` and
 * `Ana <ana@example.com>` all find the same shopper.
 *
 * Steps:
 * - trims white space, including the Unicode spaces spreadsheets and web pages leave behind
 *   (NBSP, narrow NBSP, zero-width space, byte order mark);
 * - unwraps `mailto:` (cutting a `?subject=…` query) and `Name <address>` / `<address>`;
 * - Unicode NFC normalisation plus full case folding through utf8proc, so that `Zoë` typed
 *   with a precomposed or a combining diaeresis, and `ZOË`, give the same bytes. Invisible
 *   "default ignorable" characters (soft hyphen, zero-width joiner) are dropped because no one
 *   can see them, so they cannot tell two addresses apart. Full folding maps `ß` to `ss`.
 * - validates pragmatically, not by the letter of RFC 5321: exactly one `@`; a non-empty
 *   part before it of at most 64 bytes made of letters (any script), digits and
 *   ``!#$%&'*+-/=?^_`{|}~.`` without leading, trailing or doubled dots; a domain of at least
 *   two dot-separated labels of letters (any script, for internationalised domains), digits
 *   and inner hyphens, at most 63 bytes each, 253 in all, ending in a non-numeric label of at
 *   least two characters. Quoted local parts and IP-address domains are rejected: they do not
 *   occur in shop data and would more likely be a broken cell.
 *
 * It deliberately keeps Gmail-style dots and `+tags` (`ana.lopez+news@gmail.com`): whether
 * those addresses are the same person is a merge rule's decision (core/identity), made with
 * the knowledge of which provider ignores them; normalisation must not lose information.
 * Internationalised domains stay in Unicode; an `xn--` (punycode) spelling of the same domain
 * is not unified with it.
 */
class EmailNormalizer {
public:
    /// The canonical address, or why the cell is not usable as an email identifier.
    /// Never throws; thread-safe (no state).
    static Normalized<std::string> normalize(std::string_view input);

    /// Longest local part (before the @) that mail servers must accept, in bytes (RFC 5321).
    static constexpr std::size_t kMaxLocalPartBytes = 64;
    /// Longest domain name, in bytes (RFC 1035).
    static constexpr std::size_t kMaxDomainBytes = 253;
    /// Longest single domain label, in bytes (RFC 1035).
    static constexpr std::size_t kMaxLabelBytes = 63;
};

} // namespace clientele
