#pragma once

namespace clientele {

class Database;

/**
 * SQL functions of the workspace's connections:
 * - `clientele_name_key(first, last)` is TextFold::nameKey, NULL when both parts are empty
 *   (the schema's name-key triggers call it);
 * - `clientele_fold(text)` is TextFold::fold (NULL stays NULL): compiled segments compare
 *   text case-insensitively beyond ASCII with it.
 * Every connection that writes profile names must have them (Workspace registers them when
 * it opens or connects); any SQLite tool can still read and check a workspace without them.
 */
void registerSqlFunctions(Database &db);

} // namespace clientele
