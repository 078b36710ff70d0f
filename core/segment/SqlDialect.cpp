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

// SQLite's lower() and LIKE fold only ASCII letters; the import folds with utf8proc, and so
// does this registered function (Zoë, MÜNCHEN, İstanbul).
std::string SqliteDialect::foldedText(const std::string &text) const
{
    return concat("clientele_fold(", text, ")");
}

// instr() rather than LIKE: the needle needs no escaping of % and _ and may be longer than
// LIKE's 50,000-byte pattern limit.
std::string SqliteDialect::containsText(
    const std::string &haystack, const std::string &needle) const
{
    return concat("(instr(", foldedText(haystack), ", ", foldedText(needle), ") > 0)");
}

std::string SqliteDialect::startsWithText(
    const std::string &haystack, const std::string &needle) const
{
    return concat("(instr(", foldedText(haystack), ", ", foldedText(needle), ") = 1)");
}

std::string SqliteDialect::endsWithText(
    const std::string &haystack, const std::string &needle, const std::string &needleLength) const
{
    return concat(
        "(substr(", foldedText(haystack), ", -", needleLength, ") = ", foldedText(needle), ")");
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

// SQLite's documented way to keep a term from driving index choice: a unary plus.
std::string SqliteDialect::withoutIndex(const std::string &expression) const
{
    return concat("+", expression);
}

std::string SqliteDialect::materializedCte(const std::string &name, const std::string &body) const
{
    return concat(name, " AS MATERIALIZED (", body, ")");
}

} // namespace clientele
