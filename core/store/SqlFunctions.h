#pragma once

namespace clientele {

class Database;

/**
 * SQL functions the workspace schema uses in expression indexes:
 * `clientele_name_key(first, last)` is TextFold::nameKey, NULL when both parts are empty.
 * Every connection that writes a workspace must have them (Workspace registers them when it
 * opens or connects); a tool without them can read a workspace but not change its profiles.
 */
void registerSqlFunctions(Database &db);

} // namespace clientele
