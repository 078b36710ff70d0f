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

} // namespace

void registerSqlFunctions(Database &db)
{
    const int rc = sqlite3_create_function_v2(db.handle(), "clientele_name_key", 2,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, nameKeyFunction, nullptr,
        nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StoreError(StoreError::Kind::Sql,
            std::string("Registering the workspace's SQL functions failed: ") + sqlite3_errstr(rc));
}

} // namespace clientele
