#include "SqlDialect.h"

namespace clientele {

namespace {

/// Joins pieces by appending (GCC 12 warns falsely, -Wrestrict, on "literal" + std::string).
template<typename... Pieces> std::string concat(const Pieces &...pieces)
{
    std::string text;
    (text.append(pieces), ...);
    return text;
}

} // namespace

std::string SqliteDialect::placeholder(int index) const
{
    return concat("?", std::to_string(index));
}

// instr() rather than LIKE: the needle needs no escaping of % and _, may be longer than
// LIKE's 50,000-byte pattern limit, and lower() folds ASCII letters as LIKE would.
std::string SqliteDialect::containsText(
    const std::string &haystack, const std::string &needle) const
{
    return concat("(instr(lower(", haystack, "), lower(", needle, ")) > 0)");
}

std::string SqliteDialect::startsWithText(
    const std::string &haystack, const std::string &needle) const
{
    return concat("(instr(lower(", haystack, "), lower(", needle, ")) = 1)");
}

std::string SqliteDialect::endsWithText(
    const std::string &haystack, const std::string &needle, const std::string &needleLength) const
{
    return concat("(substr(lower(", haystack, "), -", needleLength, ") = lower(", needle, "))");
}

std::string SqliteDialect::jsonValue(const std::string &document, const std::string &path) const
{
    return concat("json_extract(", document, ", ", path, ")");
}

std::string SqliteDialect::jsonArrayElements(
    const std::string &document, const std::string &path, const std::string &alias) const
{
    return concat("json_each(", document, ", ", path, ") AS ", alias);
}

std::string SqliteDialect::jsonElement(const std::string &alias) const
{
    return concat(alias, ".value");
}

std::string SqliteDialect::csvListHas(const std::string &list, const std::string &item) const
{
    return concat("(instr(',' || ", list, " || ',', ',' || ", item, " || ',') > 0)");
}

std::string SqliteDialect::materializedCte(const std::string &name, const std::string &body) const
{
    return concat(name, " AS MATERIALIZED (", body, ")");
}

} // namespace clientele
