#include "DatabaseWorker.h"

#include "store/StoreError.h"
#include "store/Workspace.h"

namespace clientele {

DatabaseWorker::DatabaseWorker(Database::Mode mode)
    : state_(std::make_shared<State>(State { mode, nullptr }))
{
    // One thread: jobs run in the order they were posted and never share the connection.
    pool_.setMaxThreadCount(1);
    pool_.setExpiryTimeout(-1);
}

DatabaseWorker::~DatabaseWorker()
{
    pool_.clear();
    pool_.waitForDone();
}

void DatabaseWorker::setWorkspace(const QString &path)
{
    path_ = path;
}

Database &DatabaseWorker::State::connection(const std::string &path)
{
    if (path.empty())
        throw StoreError(StoreError::Kind::CannotOpen, "No workspace is open.");
    if (!db || db->path() != path)
        db = std::make_unique<Database>(Workspace::connect(path, mode));
    return *db;
}

} // namespace clientele
