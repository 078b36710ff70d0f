#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace clientele {

class Statement;

/**
 * One SQLite connection. Owns the handle; not shared between threads (each worker opens
 * its own connection to the same file, which WAL allows).
 */
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens an existing file or creates it (ReadWrite). Throws StoreError.
    explicit Database(const std::string &path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    /// Runs one or more statements without parameters (schema, pragmas).
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    /// Convenience for single-value queries such as PRAGMA user_version.
    std::int64_t queryInt(std::string_view sql);
    /// Whether the file has a table of that name (tables later migrations add).
    bool hasTable(std::string_view name);

    std::int64_t lastInsertRowId() const;
    /// Whether a transaction is open on this connection.
    bool inTransaction() const;
    int changes() const;
    const std::string &path() const { return path_; }
    sqlite3 *handle() const { return db_; }

    /// The SQLite library's version, for About boxes and bug reports.
    static const char *sqliteVersion();

    /// Lets a query on another thread stop this connection's running statement.
    void interrupt();

private:
    sqlite3 *db_ = nullptr;
    std::string path_;
};

/// name as an SQL identifier in double quotes (a quote inside doubled), for the names of
/// tables and indexes that SQL cannot take as bound values.
std::string quoteIdentifier(std::string_view name);

/** A prepared statement. Values are always bound, never pasted into SQL text. */
class Statement {
public:
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view value);
    Statement &bind(int index, const char *value) { return bind(index, std::string_view(value)); }
    Statement &bind(int index, const std::string &value)
    {
        return bind(index, std::string_view(value));
    }
    Statement &bindNull(int index);
    template<typename T> Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances to the next row; false when done. Throws StoreError on failure.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    /// The kind of value a column of the current row holds.
    enum class ValueKind { Null, Integer, Real, Text, Blob };

    int columnCount() const;
    std::string columnName(int column) const;
    ValueKind columnKind(int column) const;
    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    /// The column's text without a copy, for tight loops over many rows; valid until the
    /// next step(), reset() or other read of this column.
    std::string_view columnView(int column) const;

private:
    sqlite3_stmt *stmt_ = nullptr;
    Database *db_ = nullptr;
};

/**
 * RAII transaction: rolls back unless commit() was called, so an exception or an early
 * return leaves the workspace as it was.
 */
class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    explicit Transaction(Database &db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &db_;
    bool open_ = true;
};

/**
 * A transaction of its own when the connection is not in one yet; inside the caller's
 * transaction it does nothing, and the caller's commit or rollback decides (an import that
 * advances journeys, a store change called from a larger job).
 */
class TransactionUnlessOpen {
public:
    explicit TransactionUnlessOpen(Database &db)
    {
        if (!db.inTransaction())
            own_.emplace(db);
    }
    void commit()
    {
        if (own_)
            own_->commit();
    }

private:
    std::optional<Transaction> own_;
};

} // namespace clientele
