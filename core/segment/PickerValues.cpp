#include "PickerValues.h"

#include "store/Database.h"

namespace clientele {

namespace {

std::vector<std::string> column(Database &db, const char *sql)
{
    auto query = db.prepare(sql);
    std::vector<std::string> values;
    while (query.step())
        values.push_back(query.columnText(0));
    return values;
}

/// The distinct values of an indexed column by skipping from one to the next (a "skip
/// scan"): as many seeks as values, however many rows hold each.
std::vector<std::string> skipScan(Database &db, const std::string &table, const std::string &name)
{
    auto next = db.prepare("SELECT " + name + " FROM " + table + " WHERE " + name
        + " > ?1 ORDER BY " + name + " LIMIT 1");
    std::vector<std::string> values;
    std::string last;
    while (true) {
        next.bind(1, last);
        if (!next.step())
            break;
        last = next.columnText(0);
        next.reset();
        values.push_back(last);
    }
    return values;
}

} // namespace

std::vector<std::string> PickerValues::eventTypes(Database &db)
{
    return skipScan(db, "events", "type");
}

std::vector<std::string> PickerValues::categories(Database &db)
{
    return column(db, "SELECT DISTINCT category FROM products WHERE category <> '' ORDER BY 1");
}

std::vector<std::string> PickerValues::brands(Database &db)
{
    return column(db,
        "SELECT DISTINCT brand FROM products WHERE brand IS NOT NULL AND brand <> '' ORDER BY 1");
}

std::vector<std::string> PickerValues::countries(Database &db)
{
    return skipScan(db, "profile_traits", "country");
}

std::vector<std::string> PickerValues::channels(Database &db)
{
    return skipScan(db, "events", "channel");
}

} // namespace clientele
