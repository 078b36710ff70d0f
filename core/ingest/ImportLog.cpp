#include "ImportLog.h"

#include "store/Database.h"

namespace clientele {

std::vector<ImportReject> ImportLog::rejects(
    Database &db, std::int64_t importId, int limit, int offset)
{
    auto statement = db.prepare("SELECT line, reason, coalesce(raw, '') FROM import_rejects "
                                "WHERE import_id = ?1 ORDER BY line LIMIT ?2 OFFSET ?3");
    statement.bind(1, importId).bind(2, limit).bind(3, offset);
    std::vector<ImportReject> found;
    while (statement.step())
        found.push_back(
            { statement.columnInt(0), statement.columnText(1), statement.columnText(2) });
    return found;
}

std::int64_t ImportLog::rejectCount(Database &db, std::int64_t importId)
{
    auto statement = db.prepare("SELECT count(*) FROM import_rejects WHERE import_id = ?1");
    statement.bind(1, importId);
    return statement.step() ? statement.columnInt(0) : 0;
}

} // namespace clientele
