#pragma once

namespace clientele {

class Database;

/**
 * SQL functions the workspace schema's triggers use:
 * `clientele_name_key(first, last)` is TextFold::nameKey, NULL when both parts are empty.
 * Every connection that writes profile names must have them (Workspace registers them when
 * it opens or connects); any SQLite tool can still read and check a workspace without them.
 */
void registerSqlFunctions(Database &db);

} // namespace clientele
