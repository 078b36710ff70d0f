#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace clientele {

/// The identifier kinds Clientele knows; imports may add custom kinds (any other text).
namespace IdentityKind {
inline constexpr const char *CustomerId = "customer_id";
inline constexpr const char *Email = "email";
inline constexpr const char *Phone = "phone";
inline constexpr const char *LoyaltyCard = "loyalty_card";
inline constexpr const char *AnonymousId = "anonymous_id";
} // namespace IdentityKind

/**
 * The rules that decide whether two profiles may become one, as mature CDPs apply them:
 *
 * - a limit per kind: at most one customer id per profile, so a shared device or a store
 *   terminal that saw two signed-in customers does not fuse them;
 * - a priority per kind: when an event's identifiers point at profiles that may not merge,
 *   the event belongs to the profile of its highest-priority identifier;
 * - values that never identify anyone (`test@example.com`, `null`, all-zero phones …).
 */
class MergeRules {
public:
    /// The defaults: customer_id 1, loyalty_card 1, email 5, phone 5, anonymous_id
    /// unlimited; priority customer_id > loyalty_card > email > phone > anonymous_id.
    MergeRules();

    static constexpr int kUnlimited = -1;

    /// Most distinct values of a kind one profile may hold (kUnlimited if none).
    int limit(std::string_view kind) const;
    void setLimit(const std::string &kind, int limit);

    /// Higher wins. Custom kinds rank below the known ones unless set.
    int priority(std::string_view kind) const;
    void setPriority(const std::string &kind, int priority);

    /// Why value must never link profiles, or an empty string when it may.
    std::string blockedReason(std::string_view kind, std::string_view value) const;
    /// Whether blockedReason() has a reason, without building it: it runs for every
    /// identifier of every imported row, and allocates nothing for them.
    bool isBlocked(std::string_view kind, std::string_view value) const;
    /// Adds a value (of any kind) that must never link profiles, e.g. a store's own email.
    void blockValue(const std::string &value);

private:
    std::map<std::string, int, std::less<>> limits_;
    std::map<std::string, int, std::less<>> priorities_;
    std::set<std::string, std::less<>> blockedValues_;
    /// The longest placeholder or blocked value: a longer value is neither.
    std::size_t longestBlocked_ = 0;
};

} // namespace clientele
