#include "Database.h"

#include "StoreError.h"

#include <sqlite3.h>

#include <utility>

namespace clientele {

namespace {

StoreError::Kind kindForCode(int code)
{
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        return StoreError::Kind::NotAWorkspace;
    case SQLITE_CORRUPT:
        return StoreError::Kind::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return StoreError::Kind::Busy;
    case SQLITE_INTERRUPT:
        return StoreError::Kind::Interrupted;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
        return StoreError::Kind::CannotOpen;
    default:
        return StoreError::Kind::Sql;
    }
}

[[noreturn]] void fail(sqlite3 *db, int code, std::string_view context)
{
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw StoreError(kindForCode(code), message);
}

/// Process-wide settings, made once before the first connection opens.
void configureSqlite()
{
    static const bool configured = [] {
        // Allocation statistics take a global mutex on every SQLite allocation (several per
        // inserted row); nothing here reads them. Fails harmlessly if SQLite was already
        // initialised by someone else.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

} // namespace

Database::Database(const std::string &path, Mode mode)
    : path_(path)
{
    configureSqlite();
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "Cannot open '" + path + "': " + sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(kindForCode(rc), message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Database::~Database()
{
    if (db_)
        sqlite3_close_v2(db_);
}

Database::Database(Database &&other) noexcept
    : db_(std::exchange(other.db_, nullptr))
    , path_(std::move(other.path_))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        if (db_)
            sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char *error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError(kindForCode(rc), message);
    }
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(*this, sql);
}

std::int64_t Database::queryInt(std::string_view sql)
{
    Statement statement(*this, sql);
    if (!statement.step() || statement.isNull(0))
        return 0;
    return statement.columnInt(0);
}

bool Database::hasTable(std::string_view name)
{
    auto query = prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    query.bind(1, name);
    return query.step();
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const
{
    return sqlite3_changes(db_);
}

const char *Database::sqliteVersion()
{
    return sqlite3_libversion();
}

void Database::interrupt()
{
    sqlite3_interrupt(db_);
}

Statement::Statement(Database &db, std::string_view sql)
    : db_(&db)
{
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
        SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        fail(db.handle(), rc, "Preparing a query failed");
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement &&other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr))
    , db_(other.db_)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
        db_ = other.db_;
    }
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK)
        fail(db_->handle(), rc, "Binding a value failed");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK)
        fail(db_->handle(), rc, "Binding a value failed");
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    const int rc = sqlite3_bind_text64(
        stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(db_->handle(), rc, "Binding a value failed");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK)
        fail(db_->handle(), rc, "Binding a value failed");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // Leave the statement reusable even after a failed step.
    sqlite3_reset(stmt_);
    fail(db_->handle(), rc, "Query failed");
}

void Statement::run()
{
    while (step()) { }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(stmt_);
}

std::string Statement::columnName(int column) const
{
    const char *name = sqlite3_column_name(stmt_, column);
    return name ? std::string(name) : std::string();
}

Statement::ValueKind Statement::columnKind(int column) const
{
    switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
        return ValueKind::Integer;
    case SQLITE_FLOAT:
        return ValueKind::Real;
    case SQLITE_TEXT:
        return ValueKind::Text;
    case SQLITE_BLOB:
        return ValueKind::Blob;
    default:
        return ValueKind::Null;
    }
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    if (!text)
        return {};
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::columnView(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    if (!text)
        return {};
    return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string quoteIdentifier(std::string_view name)
{
    std::string quoted = "\"";
    for (const char c : name)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(db_) == 0;
}

Transaction::Transaction(Database &db, Kind kind)
    : db_(db)
{
    db_.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction()
{
    if (open_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const StoreError &) {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
        }
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    open_ = false;
}

} // namespace clientele
