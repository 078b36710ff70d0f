#include "EmailNormalizer.h"

#include "common/TextFold.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace clientele {

namespace {

using ingest_text::decodeUtf8;
using ingest_text::isSpaceLike;
using ingest_text::quoted;
using ingest_text::trimSpace;

bool startsWithIgnoringAsciiCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i])
            return false;
    }
    return true;
}

/// The address inside the usual wrappings: `mailto:…`, `<…>` and `Name <…>`.
std::string_view unwrap(std::string_view text)
{
    if (startsWithIgnoringAsciiCase(text, "mailto:")) {
        text.remove_prefix(7);
        if (const auto query = text.find('?'); query != std::string_view::npos)
            text = text.substr(0, query);
        return trimSpace(text);
    }
    if (!text.empty() && text.back() == '>') {
        const auto open = text.rfind('<');
        if (open != std::string_view::npos)
            return trimSpace(text.substr(open + 1, text.size() - open - 2));
    }
    return text;
}

bool isLetterMarkOrNumber(char32_t cp)
{
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

bool isAsciiAlnum(char32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

/// Characters RFC 5322 allows unquoted before the @ ("atext"), plus the dot.
bool isLocalPartChar(char32_t cp)
{
    if (cp >= 0x80)
        return isLetterMarkOrNumber(cp);
    if (isAsciiAlnum(cp))
        return true;
    constexpr std::string_view kSymbols = "!#$%&'*+-/=?^_`{|}~.";
    return kSymbols.find(static_cast<char>(cp)) != std::string_view::npos;
}

bool isDomainChar(char32_t cp)
{
    return cp >= 0x80 ? isLetterMarkOrNumber(cp) : (isAsciiAlnum(cp) || cp == '-' || cp == '.');
}

/// The first character of text that fails isAllowed, as its UTF-8 bytes; empty when none.
template<class Predicate>
std::string_view firstDisallowed(std::string_view text, Predicate isAllowed)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        if (!isAllowed(decodeUtf8(text, pos)))
            return text.substr(start, pos - start);
    }
    return {};
}

bool containsSpace(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (isSpaceLike(decodeUtf8(text, pos)))
            return true;
    }
    return false;
}

std::optional<std::string> domainProblem(std::string_view domain, const std::string &shown)
{
    if (domain.size() > EmailNormalizer::kMaxDomainBytes)
        return shown + " has a domain longer than 253 characters";
    if (domain.find('.') == std::string_view::npos)
        return shown + " has no domain ending (like .com)";
    if (domain.front() == '.' || domain.back() == '.')
        return shown + " has a dot right after the @ or at the very end";
    std::string_view rest = domain;
    std::string_view label;
    while (!rest.empty()) {
        const auto dot = rest.find('.');
        label = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view {} : rest.substr(dot + 1);
        if (label.size() > EmailNormalizer::kMaxLabelBytes)
            return shown + " has a part of the domain longer than 63 characters";
        if (label.front() == '-' || label.back() == '-')
            return shown + " has a part of the domain that starts or ends with a hyphen";
    }
    bool allDigits = true;
    for (const char c : label)
        allDigits = allDigits && c >= '0' && c <= '9';
    std::size_t characters = 0;
    for (std::size_t pos = 0; pos < label.size(); ++characters)
        decodeUtf8(label, pos);
    if (allDigits || characters < 2)
        return shown + " does not end in a real domain ending (like .com)";
    return std::nullopt;
}

} // namespace

Normalized<std::string> EmailNormalizer::normalize(std::string_view input)
{
    using Result = Normalized<std::string>;
    const std::string_view trimmed = trimSpace(input);
    if (trimmed.empty())
        return Result::rejected("the email address is empty");
    const std::string shown = quoted(trimmed);
    const std::string_view address = unwrap(trimmed);
    if (address.empty())
        return Result::rejected(shown + " contains no email address");

    std::optional<std::string> folded = TextFold::foldStrict(address);
    if (!folded)
        return Result::rejected(shown + " is not readable text (broken UTF-8 bytes)");
    const std::string_view text = *folded;

    const auto at = text.find('@');
    if (at == std::string_view::npos)
        return Result::rejected(shown + " has no @");
    if (text.find('@', at + 1) != std::string_view::npos)
        return Result::rejected(shown + " has more than one @");
    if (containsSpace(text))
        return Result::rejected(shown + " contains a space");
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    if (local.empty())
        return Result::rejected(shown + " has nothing before the @");
    if (domain.empty())
        return Result::rejected(shown + " has nothing after the @");
    if (text.find("..") != std::string_view::npos)
        return Result::rejected(shown + " has two dots in a row");
    if (const auto bad = firstDisallowed(local, isLocalPartChar); !bad.empty())
        return Result::rejected(
            shown + " contains '" + std::string(bad) + "', which an email address cannot have");
    if (const auto bad = firstDisallowed(domain, isDomainChar); !bad.empty())
        return Result::rejected(shown + " contains '" + std::string(bad)
            + "' after the @, which a domain name cannot have");
    if (local.front() == '.' || local.back() == '.')
        return Result::rejected(shown + " has a dot at the start or end of the part before the @");
    if (local.size() > kMaxLocalPartBytes)
        return Result::rejected(shown + " has more than 64 characters before the @");
    if (auto problem = domainProblem(domain, shown))
        return Result::rejected(std::move(*problem));
    return Result::accepted(std::move(*folded));
}

} // namespace clientele
