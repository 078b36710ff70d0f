#pragma once

#include <string>

namespace clientele {

/**
 * The SQL spellings that differ between databases. The segment compiler writes standard
 * SQL and asks the dialect for the rest, so that the same rule can later run on a server
 * database. Every argument is an SQL expression (a column or a placeholder), never a value.
 */
class SqlDialect {
public:
    virtual ~SqlDialect() = default;

    /// The placeholder of the index-th bound parameter (1-based); may be used repeatedly.
    virtual std::string placeholder(int index) const = 0;
    /// The text folded for case-insensitive comparison (Unicode case folding and NFC, as
    /// TextFold::fold); NULL stays NULL.
    virtual std::string foldedText(const std::string &text) const = 0;
    /// Case-insensitive substring test; needle is taken literally (no wildcards).
    virtual std::string containsText(
        const std::string &haystack, const std::string &needle) const = 0;
    virtual std::string startsWithText(
        const std::string &haystack, const std::string &needle) const = 0;
    /// needleLength: the folded needle's length in characters (bound by the caller).
    virtual std::string endsWithText(const std::string &haystack, const std::string &needle,
        const std::string &needleLength) const = 0;
    /// The value at a JSON path ("$.payment") of a JSON text column.
    virtual std::string jsonValue(const std::string &document, const std::string &path) const = 0;
    /// A table source of the elements of the JSON array at path, named alias; the element
    /// is jsonElement(alias).
    virtual std::string jsonArrayElements(
        const std::string &document, const std::string &path, const std::string &alias) const = 0;
    virtual std::string jsonElement(const std::string &alias) const = 0;
    /// True when a comma-separated list ("app,email,web") has the item.
    virtual std::string csvListHas(const std::string &list, const std::string &item) const = 0;
    /**
     * The expression, marked so that the planner does not choose an index for it. Used on
     * the event type of correlated per-profile lookups: they must seek events_profile_ts
     * (profile_id, ts), not walk a whole time range of one type on events_type_ts.
     */
    virtual std::string withoutIndex(const std::string &expression) const = 0;
    /// A common table expression computed once: "name AS MATERIALIZED (body)".
    virtual std::string materializedCte(const std::string &name, const std::string &body) const = 0;
};

/**
 * SQLite 3.40 (Debian 12): JSON1 functions, instr(), numbered "?N" parameters, and
 * clientele_fold() (core/store/SqlFunctions), which every workspace connection registers.
 */
class SqliteDialect : public SqlDialect {
public:
    std::string placeholder(int index) const override;
    std::string foldedText(const std::string &text) const override;
    std::string containsText(const std::string &haystack, const std::string &needle) const override;
    std::string startsWithText(
        const std::string &haystack, const std::string &needle) const override;
    std::string endsWithText(const std::string &haystack, const std::string &needle,
        const std::string &needleLength) const override;
    std::string jsonValue(const std::string &document, const std::string &path) const override;
    std::string jsonArrayElements(const std::string &document, const std::string &path,
        const std::string &alias) const override;
    std::string jsonElement(const std::string &alias) const override;
    std::string csvListHas(const std::string &list, const std::string &item) const override;
    std::string withoutIndex(const std::string &expression) const override;
    std::string materializedCte(const std::string &name, const std::string &body) const override;
};

} // namespace clientele
