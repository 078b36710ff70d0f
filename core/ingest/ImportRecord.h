#pragma once

#include "common/Time.h"

#include <cstdint>
#include <string>

namespace clientele {

class Database;
struct ImportRequest;
struct ImportSummary;

/// The imports record of a run: written at its start (inside the import's transaction, so
/// a cancelled import leaves none), completed with its counts at the end.
std::int64_t startImportRecord(
    Database &db, const ImportRequest &request, const std::string &preset, Millis startedAt);
void completeImportRecord(Database &db, const ImportSummary &summary);

} // namespace clientele
