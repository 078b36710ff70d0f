#include "MergeRules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace clientele {

namespace {

/// Placeholders that export tools write where a value is missing.
constexpr std::string_view kPlaceholders[] = {
    "null",
    "none",
    "nil",
    "undefined",
    "n/a",
    "na",
    "-",
    "0",
    "unknown",
    "(null)",
    "nan",
};

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

bool isPlaceholder(std::string_view lower)
{
    return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), lower)
        != std::end(kPlaceholders);
}

bool isAllZeroPhone(std::string_view value)
{
    return std::all_of(value.begin(), value.end(),
        [](char c) { return c == '0' || c == '+' || c == ' ' || c == '-'; });
}

/// 'value' followed by why it is refused. Built with append: GCC 12 warns falsely
/// (-Wrestrict) on literal + std::string chains at -O3.
std::string quotedWith(std::string_view value, std::string_view why)
{
    std::string text;
    text.reserve(value.size() + why.size() + 2);
    text += '\'';
    text.append(value);
    text += '\'';
    text.append(why);
    return text;
}

} // namespace

MergeRules::MergeRules()
    : limits_ {
        { IdentityKind::CustomerId, 1 },
        { IdentityKind::LoyaltyCard, 1 },
        { IdentityKind::Email, 5 },
        { IdentityKind::Phone, 5 },
    }
    , priorities_ {
        { IdentityKind::CustomerId, 50 },
        { IdentityKind::LoyaltyCard, 40 },
        { IdentityKind::Email, 30 },
        { IdentityKind::Phone, 20 },
        { IdentityKind::AnonymousId, 0 },
    }
    , blockedValues_ {
        "test@example.com", "test@test.com", "noreply@example.com", "no-reply@example.com",
        "email@example.com", "customer@example.com",
    }
{
    for (std::string_view placeholder : kPlaceholders)
        longestBlocked_ = std::max(longestBlocked_, placeholder.size());
    for (const std::string &value : blockedValues_)
        longestBlocked_ = std::max(longestBlocked_, value.size());
}

int MergeRules::limit(std::string_view kind) const
{
    const auto it = limits_.find(kind);
    return it == limits_.end() ? kUnlimited : it->second;
}

void MergeRules::setLimit(const std::string &kind, int limit)
{
    limits_[kind] = limit;
}

int MergeRules::priority(std::string_view kind) const
{
    const auto it = priorities_.find(kind);
    return it == priorities_.end() ? 10 : it->second;
}

void MergeRules::setPriority(const std::string &kind, int priority)
{
    priorities_[kind] = priority;
}

bool MergeRules::isBlocked(std::string_view kind, std::string_view value) const
{
    if (value.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return true;
    if (kind == IdentityKind::Phone && isAllZeroPhone(value))
        return true;
    if (value.size() > longestBlocked_)
        return false;
    // Lower-cased on the stack: blocked values are short (a longer one, added with
    // blockValue(), takes the allocating way).
    std::array<char, 64> buffer {};
    std::string heap;
    std::string_view lower;
    if (value.size() <= buffer.size()) {
        std::transform(value.begin(), value.end(), buffer.begin(),
            [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        lower = std::string_view(buffer.data(), value.size());
    } else {
        heap = asciiLower(value);
        lower = heap;
    }
    return isPlaceholder(lower) || blockedValues_.find(lower) != blockedValues_.end();
}

std::string MergeRules::blockedReason(std::string_view kind, std::string_view value) const
{
    if (value.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return "the value is empty";
    const std::string lower = asciiLower(value);
    if (isPlaceholder(lower))
        return quotedWith(value, " is a placeholder, not an identifier");
    if (blockedValues_.count(lower) != 0)
        return quotedWith(value, " is on the list of values that never identify a shopper");
    if (kind == IdentityKind::Phone && isAllZeroPhone(value))
        return quotedWith(value, " is an all-zero phone number");
    return {};
}

void MergeRules::blockValue(const std::string &value)
{
    longestBlocked_ = std::max(longestBlocked_, value.size());
    blockedValues_.insert(asciiLower(value));
}

} // namespace clientele
