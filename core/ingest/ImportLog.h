#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// One row an import could not use, as the reject log keeps it.
struct ImportReject {
    std::int64_t line = 0; ///< 1-based line in the imported file
    std::string reason;
    std::string raw; ///< the row's text as read
};

/**
 * Read access to the log an import leaves behind (the import_rejects table), so that the
 * wizard and the CLI can show which rows were rejected and why without writing SQL.
 */
class ImportLog {
public:
    /// The rejects of one import in line order, at most limit of them from offset on.
    static std::vector<ImportReject> rejects(
        Database &db, std::int64_t importId, int limit = 1000, int offset = 0);
    /// How many rows the import rejected.
    static std::int64_t rejectCount(Database &db, std::int64_t importId);
};

} // namespace clientele
