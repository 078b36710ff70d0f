#include "JourneyMessage.h"

#include <algorithm>

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

} // namespace clientele
