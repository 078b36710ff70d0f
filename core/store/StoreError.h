#pragma once

#include <stdexcept>
#include <string>

namespace clientele {

/**
 * A failure of the workspace file, with a message a marketer can read. The kind lets
 * callers react (offer to pick another file, explain that the app is too old, …).
 */
class StoreError : public std::runtime_error {
public:
    enum class Kind {
        CannotOpen, ///< missing folder, no permission, disk full
        NotAWorkspace, ///< a file that is not a Clientele workspace
        Corrupt, ///< a workspace whose SQLite structure is damaged
        TooNew, ///< written by a newer Clientele than this one
        Busy, ///< another program holds a lock for too long
        Interrupted, ///< a running query was cancelled
        Sql ///< any other SQLite failure
    };

    StoreError(Kind kind, const std::string &message)
        : std::runtime_error(message)
        , kind_(kind)
    {
    }

    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace clientele
