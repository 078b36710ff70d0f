#include "Workspace.h"

#include "PragmaScope.h"
#include "SqlFunctions.h"
#include "StoreError.h"

#include "profile/TraitBuilder.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

namespace clientele {

namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string &path)
{
    return "'" + path + "'";
}

bool isEmptyFile(const std::string &path)
{
    std::error_code ec;
    return fs::exists(path, ec) && fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0;
}

void applyConnectionSettings(Database &db, bool writable)
{
    // The name-key triggers call these: without them a connection cannot write names.
    registerSqlFunctions(db);
    db.exec("PRAGMA foreign_keys = ON");
    if (writable) {
        db.exec("PRAGMA journal_mode = WAL");
        // NORMAL is durable across application crashes in WAL mode; only a power loss can
        // lose the last commits, never corrupt the file.
        db.exec("PRAGMA synchronous = NORMAL");
    }
    // PERF-NOTES: a small cache and file-backed temp store keep SQLite's sorter threads on.
    db.exec("PRAGMA temp_store = FILE");
    db.exec("PRAGMA threads = 2");
}

/// Whether the file starts with an SQLite header that carries Clientele's application id,
/// read as bytes (SQLite's file format: the id is at offset 68, big-endian).
bool hasWorkspaceHeader(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    std::array<unsigned char, 72> header {};
    if (!file.read(reinterpret_cast<char *>(header.data()), header.size()))
        return false;
    static constexpr std::string_view kMagic("SQLite format 3\0", 16);
    if (std::string_view(reinterpret_cast<const char *>(header.data()), kMagic.size()) != kMagic)
        return false;
    const auto id = static_cast<std::uint32_t>(header[68] << 24 | header[69] << 16
        | header[70] << 8 | header[71]);
    return id == static_cast<std::uint32_t>(Workspace::kApplicationId);
}

/**
 * A first load runs on a rollback journal (see ImportJob). Cut off by a kill or a crash,
 * it leaves a hot journal, and rolling that back (which also shrinks the file to its old
 * size) needs a writable connection: the read-only probe below would fail on it. So for a
 * workspace of ours with a journal beside it, a writable connection reads the schema
 * first, which makes SQLite restore the file as it was before that import.
 */
void recoverInterruptedTransaction(const std::string &path)
{
    std::error_code ec;
    const auto journalSize = fs::file_size(path + "-journal", ec);
    if (ec || journalSize == 0 || !hasWorkspaceHeader(path))
        return;
    try {
        Database recovery(path, Database::Mode::ReadWrite);
        recovery.queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const StoreError &error) {
        // Busy: another program writes to it right now (Workspace::open says so). Anything
        // else (a damaged file, read-only media) is for the probe to report in its words.
        if (error.kind() == StoreError::Kind::Busy)
            throw;
    }
}

/**
 * Reads the header and schema of an existing file through a read-only connection, so
 * that a wrong or damaged file is reported without a single byte being written to it.
 * Returns the file's schema version (0 for an empty SQLite file).
 */
int inspectExisting(const std::string &path, int newestVersion)
{
    try {
        Database probe(path, Database::Mode::ReadOnly);
        const auto applicationId = probe.queryInt("PRAGMA application_id");
        const auto version = probe.queryInt("PRAGMA user_version");
        const auto objects = probe.queryInt("SELECT count(*) FROM sqlite_schema");
        if (applicationId != Workspace::kApplicationId) {
            if (objects == 0 && version == 0)
                return 0;
            throw StoreError(StoreError::Kind::NotAWorkspace,
                quoted(path) + " is a database, but not a Clientele workspace.");
        }
        if (version > newestVersion) {
            throw StoreError(StoreError::Kind::TooNew,
                quoted(path) + " was written by a newer version of Clientele (format "
                    + std::to_string(version) + "; this version reads up to "
                    + std::to_string(newestVersion) + "). Please update Clientele to open it.");
        }
        // Touch the root page of every table so that a damaged file is noticed now, where
        // the user opened it, rather than halfway through an import.
        Statement tables(probe,
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'");
        std::vector<std::string> names;
        while (tables.step())
            names.push_back(tables.columnText(0));
        for (const auto &name : names)
            probe.queryInt(
                "SELECT count(*) FROM (SELECT 1 FROM " + quoteIdentifier(name) + " LIMIT 1)");
        return static_cast<int>(version);
    } catch (const StoreError &error) {
        switch (error.kind()) {
        case StoreError::Kind::NotAWorkspace:
            if (std::string(error.what()).find("not a Clientele") != std::string::npos)
                throw;
            throw StoreError(StoreError::Kind::NotAWorkspace,
                quoted(path) + " is not a Clientele workspace (it is not a database file).");
        case StoreError::Kind::Corrupt:
            throw StoreError(StoreError::Kind::Corrupt,
                quoted(path) + " is a damaged workspace and cannot be opened safely ("
                    + error.what() + "). Restore it from a backup.");
        default:
            throw;
        }
    }
}

void migrate(Database &db, const std::vector<Migration> &migrations, int from)
{
    // A migration that rebuilds a table copies its rows as they are: foreign keys are not
    // checked row by row while it runs (SQLite's procedure for changing a table), so one
    // stray row can never make a workspace impossible to open.
    PragmaScope foreignKeys(db, "foreign_keys", 0);
    for (const auto &migration : migrations) {
        if (migration.version <= from)
            continue;
        Transaction transaction(db);
        migration.apply(db);
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        transaction.commit();
    }
}

int newestOf(const std::vector<Migration> &migrations)
{
    return migrations.empty() ? 0 : migrations.back().version;
}

/**
 * A migration that adds computed tables (profile_traits) cannot fill them itself: the code
 * that computes them changes with later versions, a released migration never does. It
 * leaves meta "traits.rebuild" instead, and the opened workspace is filled here, with the
 * schema complete. An interrupted rebuild is simply done again at the next open.
 */
void finishPendingTraitRebuild(Database &db)
{
    if (!db.hasTable("meta") || !db.hasTable("profile_traits"))
        return;
    if (db.queryInt("SELECT count(*) FROM meta WHERE key = 'traits.rebuild'") == 0)
        return;
    Transaction transaction(db);
    TraitBuilder::rebuildAll(db);
    db.exec("DELETE FROM meta WHERE key = 'traits.rebuild'");
    transaction.commit();
}

Database openAndMigrate(
    const std::string &path, const std::vector<Migration> &migrations, int version)
{
    Database db(path, Database::Mode::ReadWrite);
    // A new file's page size is set before its first page is written (WAL mode fixes it
    // from then on). 16 KB instead of SQLite's 4 KB: a first load of ten million events
    // inserts them about a third faster and builds its indexes about a fifth faster (fewer
    // pages to fill, split and write); lookups are unaffected while the file is cached.
    if (version == 0)
        db.exec("PRAGMA page_size = 16384");
    applyConnectionSettings(db, true);
    if (version < newestOf(migrations))
        migrate(db, migrations, version);
    finishPendingTraitRebuild(db);
    return db;
}

} // namespace

int Workspace::schemaVersion()
{
    return newestOf(workspaceMigrations());
}

Workspace::Workspace(Database db)
    : db_(std::move(db))
{
}

Workspace Workspace::open(const std::string &path)
{
    return open(path, workspaceMigrations());
}

Workspace Workspace::open(const std::string &path, const std::vector<Migration> &migrations)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw StoreError(StoreError::Kind::CannotOpen, quoted(path) + " does not exist.");
    if (fs::is_directory(path, ec))
        throw StoreError(
            StoreError::Kind::CannotOpen, quoted(path) + " is a folder, not a workspace file.");
    const int newest = newestOf(migrations);
    try {
        if (!isEmptyFile(path))
            recoverInterruptedTransaction(path);
        const int version = isEmptyFile(path) ? 0 : inspectExisting(path, newest);
        return Workspace(openAndMigrate(path, migrations, version));
    } catch (const StoreError &error) {
        if (error.kind() != StoreError::Kind::Busy)
            throw;
        // A first load keeps the file to itself until it commits (see ImportJob).
        throw StoreError(StoreError::Kind::Busy,
            quoted(path) + " is busy: another program is writing to it, such as a first import "
                           "into it, which keeps the file to itself until it has finished. Open "
                           "it again then.");
    }
}

Workspace Workspace::create(const std::string &path)
{
    std::error_code ec;
    if (fs::exists(path, ec) && !isEmptyFile(path))
        throw StoreError(StoreError::Kind::CannotOpen, quoted(path) + " already exists.");
    const auto parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw StoreError(StoreError::Kind::CannotOpen,
            "The folder " + quoted(parent.string()) + " does not exist.");
    return Workspace(openAndMigrate(path, workspaceMigrations(), 0));
}

Workspace Workspace::openOrCreate(const std::string &path)
{
    std::error_code ec;
    return fs::exists(path, ec) ? open(path) : create(path);
}

Database Workspace::connect(const std::string &path, Database::Mode mode)
{
    Database db(path, mode);
    const auto version = db.queryInt("PRAGMA user_version");
    if (db.queryInt("PRAGMA application_id") != kApplicationId || version != schemaVersion())
        throw StoreError(StoreError::Kind::NotAWorkspace,
            quoted(path) + " is not an open Clientele workspace of this version.");
    applyConnectionSettings(db, mode == Database::Mode::ReadWrite);
    return db;
}

int Workspace::version()
{
    return static_cast<int>(db_.queryInt("PRAGMA user_version"));
}

std::string Workspace::meta(const std::string &key)
{
    auto query = db_.prepare("SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    return query.step() ? query.columnText(0) : std::string();
}

void Workspace::setMeta(const std::string &key, const std::string &value)
{
    db_.prepare("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::string Workspace::integrityCheck()
{
    auto query = db_.prepare("PRAGMA integrity_check");
    std::string result;
    while (query.step()) {
        if (!result.empty())
            result += '\n';
        result += query.columnText(0);
    }
    return result;
}

} // namespace clientele
