#pragma once

#include "Database.h"

#include <functional>
#include <string>
#include <vector>

namespace clientele {

/// One step of the schema's history: runs inside a transaction, then user_version = version.
struct Migration {
    int version = 0;
    std::function<void(Database &)> apply;
};

/**
 * A workspace: one SQLite file holding everything a store knows about its shoppers.
 *
 * Opening checks that the file is ours, undamaged and not from a newer Clientele before
 * anything is written, so a wrong file is never modified. The schema is brought up to
 * date through numbered migrations (PRAGMA user_version).
 */
class Workspace {
public:
    /// The schema version this build writes.
    static int schemaVersion();
    /// The application id stamped in the SQLite header ('CLTS').
    static constexpr int kApplicationId = 0x434C5453;

    /// Opens an existing workspace, migrating it if it is older. Throws StoreError.
    static Workspace open(const std::string &path);
    /// Creates a new workspace; the file must not exist yet (or be empty). Throws StoreError.
    static Workspace create(const std::string &path);
    /// Opens the file if it exists, creates it otherwise.
    static Workspace openOrCreate(const std::string &path);

    /// Same as open() with a custom migration list; lets tests exercise the runner.
    static Workspace open(const std::string &path, const std::vector<Migration> &migrations);

    /// Opens another connection to an already opened workspace, for a worker thread.
    static Database connect(
        const std::string &path, Database::Mode mode = Database::Mode::ReadWrite);

    Database &db() { return db_; }
    const std::string &path() const { return db_.path(); }
    int version();

    std::string meta(const std::string &key);
    void setMeta(const std::string &key, const std::string &value);

    /// Full consistency check (PRAGMA integrity_check); returns "ok" or the problems.
    std::string integrityCheck();

private:
    explicit Workspace(Database db);
    Database db_;
};

/// The migrations that build the current schema, oldest first.
const std::vector<Migration> &workspaceMigrations();

} // namespace clientele

namespace clientele {

/**
 * Bulk loads build the events indexes after inserting (PERF-NOTES: several times faster
 * than maintaining them row by row); these drop and recreate them inside the caller's
 * transaction.
 */
void dropEventIndexes(Database &db);
/// Refreshes the statistics the query planner chooses indexes by (ANALYZE of the traits
/// table): after a first import, a trait rebuild or the demo, so that segments over traits
/// pick the index that narrows most.
void refreshQueryStatistics(Database &db);

/// An index as the schema defines it, to drop it for a bulk write and build it again after.
struct IndexDefinition {
    std::string name;
    std::string sql;
};
/// Drops a table's own indexes (not those of its UNIQUE or PRIMARY KEY constraints) and
/// returns their definitions, whatever migrations created them.
std::vector<IndexDefinition> dropIndexesOf(Database &db, const std::string &table);
/// Builds indexes that dropIndexesOf() returned.
void recreateIndexes(Database &db, const std::vector<IndexDefinition> &indexes);
void createEventIndexes(Database &db);

} // namespace clientele
