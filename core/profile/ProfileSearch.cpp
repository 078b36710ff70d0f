#include "ProfileSearch.h"

#include "common/TextFold.h"
#include "identity/MergeRules.h"
#include "ingest/PhoneNormalizer.h"
#include "store/Database.h"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <unordered_set>

namespace clientele {

namespace {

constexpr const char *kIdentityPrefixSql
    = "SELECT kind, value, profile_id FROM identities "
      "WHERE value >= ?1 AND value < ?2 ORDER BY value LIMIT ?3";
constexpr const char *kFirstLastSql
    = "SELECT id, name_key FROM profiles WHERE name_key >= ?1 AND name_key < ?2 "
      "ORDER BY name_key LIMIT ?3";
constexpr const char *kLastFirstSql
    = "SELECT id, name_key_reversed FROM profiles WHERE name_key_reversed >= ?1 "
      "AND name_key_reversed < ?2 ORDER BY name_key_reversed LIMIT ?3";
constexpr const char *kProfileSql = "SELECT first_name, last_name FROM profiles WHERE id = ?1";
constexpr const char *kContactSql = "SELECT kind, value FROM identities WHERE profile_id = ?1 "
                                    "AND kind IN ('email', 'phone', 'customer_id') "
                                    "ORDER BY first_seen, id";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string_view trimAscii(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

/// The digits of a phone number as typed so far, with whether it started with '+'; empty
/// when the text holds anything but digits and the separators people type in numbers.
std::string typedPhoneDigits(std::string_view text, bool &plus)
{
    plus = false;
    std::string cleaned(text);
    // "+49 (0)151 …": the (0) is a trunk prefix written for national callers.
    if (const auto trunk = cleaned.find("(0)"); trunk != std::string::npos)
        cleaned.erase(trunk, 3);
    std::string digits;
    for (std::size_t i = 0; i < cleaned.size(); ++i) {
        const char c = cleaned[i];
        if (isDigit(c))
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')')
            return {};
    }
    return digits;
}

} // namespace

ProfileSearch::ProfileSearch(Database &db, std::string defaultCountry)
    : db_(db)
    , region_(std::move(defaultCountry))
{
    for (char &c : region_) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    if (!region_.empty()) {
        const int code
            = i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(region_);
        if (code != 0)
            callingCode_ = std::to_string(code);
        else
            region_.clear();
    }
}

std::string ProfileSearch::prefixSuccessor(std::string_view prefix)
{
    std::string successor(prefix);
    while (!successor.empty() && static_cast<unsigned char>(successor.back()) == 0xFF)
        successor.pop_back();
    if (successor.empty())
        return {};
    successor.back() = static_cast<char>(static_cast<unsigned char>(successor.back()) + 1);
    return successor;
}

std::vector<std::string> ProfileSearch::statements()
{
    return { kIdentityPrefixSql, kFirstLastSql, kLastFirstSql, kProfileSql, kContactSql };
}

std::vector<std::string> ProfileSearch::identityPrefixes(std::string_view input) const
{
    const std::string_view text = trimAscii(input);
    std::vector<std::string> prefixes;
    const auto add = [&prefixes](std::string prefix) {
        if (!prefix.empty()
            && std::find(prefixes.begin(), prefixes.end(), prefix) == prefixes.end())
            prefixes.push_back(std::move(prefix));
    };
    if (text.empty())
        return prefixes;
    // Customer ids, loyalty cards and device ids are stored as written, e-mails folded.
    add(std::string(text));
    add(TextFold::fold(text));

    bool plus = false;
    const std::string digits = typedPhoneDigits(text, plus);
    if (digits.size() >= 2) {
        // Built with append: GCC 12 warns falsely (-Wrestrict) on "+" + std::string.
        const auto international = [](std::string_view code, std::string_view rest) {
            std::string number("+");
            number.append(code).append(rest);
            return number;
        };
        const std::string_view typed = digits;
        if (plus)
            add(international({}, typed));
        else if (typed.starts_with("00"))
            add(international({}, typed.substr(2)));
        else if (typed.front() == '0' && !callingCode_.empty())
            add(international(callingCode_, typed.substr(1)));
        else if (typed.front() != '0')
            add(international({}, typed));
        // A complete number in any spelling libphonenumber reads (e.g. "tel:", "ext.").
        if (!region_.empty() || plus) {
            const auto full = PhoneNormalizer(region_).normalize(text);
            if (full)
                add(*full.value);
        }
    }
    return prefixes;
}

std::vector<ProfileSearchHit> ProfileSearch::find(std::string_view input, int limit)
{
    std::vector<ProfileSearchHit> hits;
    const std::string_view text = trimAscii(input);
    if (text.empty() || limit <= 0 || text.find('\0') != std::string_view::npos)
        return hits;
    limit = std::min(limit, 1000);

    std::unordered_set<std::int64_t> seen;
    std::vector<ProfileSearchHit> exact;
    std::vector<ProfileSearchHit> prefixed;
    const auto room
        = [&] { return exact.size() + prefixed.size() < static_cast<std::size_t>(limit); };

    auto identities = db_.prepare(kIdentityPrefixSql);
    for (const std::string &prefix : identityPrefixes(text)) {
        const std::string upper = prefixSuccessor(prefix);
        if (upper.empty())
            continue;
        // Several identities of one profile may match; read a few more than needed.
        identities.bind(1, prefix).bind(2, upper).bind(3, limit * 4);
        while (identities.step()) {
            const std::int64_t profile = identities.columnInt(2);
            ProfileSearchHit hit;
            hit.profileId = profile;
            hit.matchedKind = identities.columnText(0);
            hit.matchedValue = identities.columnText(1);
            const bool isExact = hit.matchedValue == prefix;
            if (isExact) {
                // An exact match outranks a prefix match of the same profile found earlier.
                std::erase_if(
                    prefixed, [&](const ProfileSearchHit &h) { return h.profileId == profile; });
                if (std::none_of(exact.begin(), exact.end(),
                        [&](const ProfileSearchHit &h) { return h.profileId == profile; }))
                    exact.push_back(std::move(hit));
                seen.insert(profile);
            } else if (seen.insert(profile).second && room()) {
                prefixed.push_back(std::move(hit));
            }
        }
        identities.reset();
    }

    const std::string nameKey = TextFold::nameKey(text, {});
    const bool looksLikeName = text.find('@') == std::string_view::npos
        && std::any_of(text.begin(), text.end(), [](char c) {
               return !isDigit(c) && c != '+' && c != ' ' && c != '-' && c != '(' && c != ')';
           });
    if (looksLikeName && !nameKey.empty() && room()) {
        const std::string upper = prefixSuccessor(nameKey);
        for (const char *sql : { kFirstLastSql, kLastFirstSql }) {
            auto names = db_.prepare(sql);
            names.bind(1, nameKey).bind(2, upper).bind(3, limit);
            while (names.step() && room()) {
                const std::int64_t profile = names.columnInt(0);
                if (!seen.insert(profile).second)
                    continue;
                ProfileSearchHit hit;
                hit.profileId = profile;
                hit.matchedKind = "name";
                prefixed.push_back(std::move(hit));
            }
        }
    }

    hits = std::move(exact);
    for (ProfileSearchHit &hit : prefixed)
        hits.push_back(std::move(hit));
    if (hits.size() > static_cast<std::size_t>(limit))
        hits.resize(static_cast<std::size_t>(limit));

    auto profile = db_.prepare(kProfileSql);
    auto contacts = db_.prepare(kContactSql);
    for (ProfileSearchHit &hit : hits) {
        profile.bind(1, hit.profileId);
        std::string name;
        if (profile.step()) {
            name = profile.columnText(0);
            const std::string last = profile.columnText(1);
            if (!last.empty() && !name.empty())
                name += ' ';
            name += last;
        }
        profile.reset();
        std::string customerId;
        contacts.bind(1, hit.profileId);
        while (contacts.step()) {
            const std::string kind = contacts.columnText(0);
            std::string &slot = kind == IdentityKind::Email ? hit.email
                : kind == IdentityKind::Phone               ? hit.phone
                                                            : customerId;
            if (slot.empty())
                slot = contacts.columnText(1);
        }
        contacts.reset();
        if (hit.matchedKind == "name")
            hit.matchedValue = name;
        hit.displayName = !name.empty() ? name
            : !hit.email.empty()        ? hit.email
            : !hit.phone.empty()        ? hit.phone
            : !customerId.empty()       ? customerId
                                  : std::string("Profile ").append(std::to_string(hit.profileId));
    }
    return hits;
}

} // namespace clientele
