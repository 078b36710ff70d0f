#include "ImportRecord.h"

#include "ImportJob.h"

#include "store/Database.h"

#include <filesystem>

namespace clientele {

std::int64_t startImportRecord(
    Database &db, const ImportRequest &request, const std::string &preset, Millis startedAt)
{
    db.prepare(
          "INSERT INTO imports(source, preset, started_at, status) VALUES (?1, ?2, ?3, 'running')")
        .bind(1, std::filesystem::path(request.inputPath).filename().string())
        .bind(2, preset)
        .bind(3, startedAt)
        .run();
    return db.lastInsertRowId();
}

void completeImportRecord(Database &db, const ImportSummary &summary)
{
    db.prepare("UPDATE imports SET finished_at = ?2, status = 'completed', rows_read = ?3, "
               "imported = ?4, duplicates = ?5, rejected = ?6 WHERE id = ?1")
        .bind(1, summary.importId)
        .bind(2, nowMillis())
        .bind(3, summary.rowsRead)
        .bind(4, summary.imported)
        .bind(5, summary.duplicates)
        .bind(6, summary.rejected)
        .run();
}

} // namespace clientele
