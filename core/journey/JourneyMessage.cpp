#include "JourneyMessage.h"

#include "store/Database.h"

#include <algorithm>
#include <cstdio>

namespace clientele {

namespace {

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

/// Calls visit(name, fallback, start, end) for each {{…}} in text.
template<typename Visit> void forEachToken(const std::string &text, Visit visit)
{
    std::size_t at = 0;
    while ((at = text.find("{{", at)) != std::string::npos) {
        const std::size_t close = text.find("}}", at + 2);
        if (close == std::string::npos)
            return;
        const std::string inner = text.substr(at + 2, close - at - 2);
        const std::size_t bar = inner.find('|');
        visit(trimmed(inner.substr(0, bar)),
            bar == std::string::npos ? std::string() : trimmed(inner.substr(bar + 1)), at,
            close + 2);
        at = close + 2;
    }
}

} // namespace

const std::vector<std::string> &JourneyMessage::tokens()
{
    static const std::vector<std::string> known { "first_name", "cart.items", "cart.value" };
    return known;
}

std::vector<std::string> JourneyMessage::unknownTokens(const std::string &text)
{
    std::vector<std::string> unknown;
    forEachToken(text, [&](const std::string &name, const std::string &, std::size_t, std::size_t) {
        if (std::find(tokens().begin(), tokens().end(), name) == tokens().end())
            unknown.push_back(name);
    });
    return unknown;
}

std::string JourneyMessage::render(
    const std::string &text, const std::map<std::string, std::string> &values)
{
    std::string result;
    std::size_t copied = 0;
    forEachToken(text,
        [&](const std::string &name, const std::string &fallback, std::size_t start,
            std::size_t end) {
            result.append(text, copied, start - copied);
            const auto found = values.find(name);
            result += found != values.end() && !found->second.empty() ? found->second : fallback;
            copied = end;
        });
    result.append(text, copied, std::string::npos);
    return result;
}

std::map<std::string, std::string> JourneyMessage::valuesFor(
    Database &db, std::int64_t profileId, const std::string &cart)
{
    return MessageValues(db).of(profileId, cart);
}

MessageValues::MessageValues(Database &db)
    : name_(db, "SELECT first_name FROM profiles WHERE id = ?1")
    // "+o.type" keeps the last order on the shopper's own events (events_profile_ts), not a
    // walk over every order of the workspace through events_type_ts.
    , cartLines_(db,
          "SELECT e.type, coalesce(p.name, json_extract(e.props, '$.name'), p.sku, ''), "
          "coalesce(e.value, 0), coalesce(e.currency, p.currency, '') "
          "FROM events e LEFT JOIN products p ON p.id = e.product_id "
          "WHERE e.profile_id = ?1 AND e.type IN ('product_added', 'product_removed') "
          "AND (?2 = '' OR e.cart_id = ?2) AND e.ts > coalesce((SELECT max(o.ts) FROM events o "
          "WHERE o.profile_id = ?1 AND +o.type = 'order_completed'), 0) ORDER BY e.ts, e.id")
{
}

std::map<std::string, std::string> MessageValues::of(
    std::int64_t profileId, const std::string &cart)
{
    std::map<std::string, std::string> values;
    name_.reset();
    name_.bind(1, profileId);
    if (name_.step() && !name_.isNull(0))
        values["first_name"] = name_.columnText(0);
    name_.reset();

    Statement &lines = cartLines_;
    lines.reset();
    lines.bind(1, profileId).bind(2, cart);
    std::vector<std::pair<std::string, double>> items;
    std::string currency;
    while (lines.step()) {
        const std::string product = lines.columnText(1);
        if (lines.columnView(0) == "product_removed") {
            const auto found = std::find_if(items.begin(), items.end(),
                [&](const auto &item) { return item.first == product; });
            if (found != items.end())
                items.erase(found);
            continue;
        }
        items.emplace_back(product, lines.columnDouble(2));
        if (currency.empty())
            currency = lines.columnText(3);
    }
    if (items.empty())
        return values;
    double total = 0.0;
    std::vector<std::string> names;
    for (const auto &[product, value] : items) {
        total += value;
        if (!product.empty() && std::find(names.begin(), names.end(), product) == names.end())
            names.push_back(product);
    }
    std::string text;
    constexpr std::size_t kNamed = 2;
    for (std::size_t i = 0; i < names.size() && i < kNamed; ++i)
        text += (i == 0 ? "" : (i + 1 == names.size() ? " and " : ", ")) + names[i];
    if (names.size() > kNamed)
        text += " and " + std::to_string(names.size() - kNamed) + " more";
    values["cart.items"] = text;
    char amount[64];
    std::snprintf(amount, sizeof amount, "%.2f", total);
    values["cart.value"] = currency.empty() ? amount : std::string(amount) + " " + currency;
    return values;
}

} // namespace clientele
