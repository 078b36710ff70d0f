#pragma once

#include "Database.h"

#include <cstdint>
#include <exception>
#include <string>

namespace clientele {

/**
 * Sets an integer PRAGMA of a connection for the length of a scope and restores the value
 * it had (cache_size for a bulk load, secure_delete for an erasure, foreign_keys around a
 * first load). Pragmas that SQLite ignores inside a transaction (foreign_keys) must be set
 * outside one.
 */
class PragmaScope {
public:
    PragmaScope(Database &db, std::string name, std::int64_t value)
        : db_(db)
        , name_(std::move(name))
        , previous_(db.queryInt("PRAGMA " + name_))
    {
        db_.exec("PRAGMA " + name_ + " = " + std::to_string(value));
    }
    ~PragmaScope()
    {
        try {
            db_.exec("PRAGMA " + name_ + " = " + std::to_string(previous_));
        } catch (const std::exception &) {
            // Restoring a setting cannot fail in a way that matters to what the scope did;
            // every new connection starts from Workspace's settings anyway.
        }
    }
    PragmaScope(const PragmaScope &) = delete;
    PragmaScope &operator=(const PragmaScope &) = delete;

private:
    Database &db_;
    std::string name_; ///< one of a fixed set of names in the code, never user input
    std::int64_t previous_;
};

} // namespace clientele
