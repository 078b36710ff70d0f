#include "SqlFunctions.h"

#include "Database.h"
#include "StoreError.h"
#include "common/TextFold.h"

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace clientele {

namespace {

std::string_view textArgument(sqlite3_value *value)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(value));
    if (!text)
        return {};
    return { text, static_cast<std::size_t>(sqlite3_value_bytes(value)) };
}

void nameKeyFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const std::string_view first = argc > 0 ? textArgument(argv[0]) : std::string_view();
    const std::string_view second = argc > 1 ? textArgument(argv[1]) : std::string_view();
    const std::string key = TextFold::nameKey(first, second);
    if (key.empty()) {
        sqlite3_result_null(context);
        return;
    }
    sqlite3_result_text64(context, key.data(), key.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void foldFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const std::string folded = TextFold::fold(textArgument(argv[0]));
    sqlite3_result_text64(context, folded.data(), folded.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void registerFunction(Database &db, const char *name, int arguments,
    void (*function)(sqlite3_context *, int, sqlite3_value **))
{
    // Deterministic: a call on a bound value (the needle of a text condition) is computed
    // once per statement, not once per row.
    const int rc = sqlite3_create_function_v2(db.handle(), name, arguments,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, function, nullptr, nullptr,
        nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::Sql,
            std::string("Registering the workspace's SQL functions failed: ") + sqlite3_errstr(rc));
}

} // namespace

void registerSqlFunctions(Database &db)
{
    registerFunction(db, "clientele_name_key", 2, nameKeyFunction);
    registerFunction(db, "clientele_fold", 1, foldFunction);
}

} // namespace clientele
