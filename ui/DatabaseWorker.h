#pragma once

#include "store/Database.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace clientele {

/**
 * Runs database jobs one after another on a worker thread, with a connection of its own
 * to the workspace (opened on first use, reopened when the path changes). Results are
 * delivered on the thread of a context object, and only while it lives, so a closed page
 * never receives a late answer. The destructor drops queued jobs and waits for the
 * running one.
 */
class DatabaseWorker {
public:
    explicit DatabaseWorker(Database::Mode mode = Database::Mode::ReadOnly);
    ~DatabaseWorker();
    DatabaseWorker(const DatabaseWorker &) = delete;
    DatabaseWorker &operator=(const DatabaseWorker &) = delete;

    /// The workspace later jobs read; an empty path closes the connection.
    void setWorkspace(const QString &path);
    QString workspace() const { return path_; }

    /**
     * Queues job(db) on the worker. onDone(result) or onError(message) then runs on
     * context's thread, unless context is gone by then.
     */
    template<typename Result>
    void post(QObject *context, std::function<Result(Database &)> job,
        std::function<void(Result)> onDone, std::function<void(const QString &)> onError = {})
    {
        auto state = state_;
        const std::string path = path_.toStdString();
        QPointer<QObject> guard(context);
        pool_.start([state, path, guard, job = std::move(job), onDone = std::move(onDone),
                        onError = std::move(onError)]() mutable {
            try {
                Result result = job(state->connection(path));
                if (!guard)
                    return;
                QMetaObject::invokeMethod(
                    guard.data(),
                    [guard, onDone = std::move(onDone), result = std::move(result)]() mutable {
                        if (guard && onDone)
                            onDone(std::move(result));
                    },
                    Qt::QueuedConnection);
            } catch (const std::exception &error) {
                const QString message = QString::fromStdString(error.what());
                if (!guard)
                    return;
                QMetaObject::invokeMethod(
                    guard.data(),
                    [guard, onError = std::move(onError), message] {
                        if (guard && onError)
                            onError(message);
                    },
                    Qt::QueuedConnection);
            }
        });
    }

    /// Waits until every queued job has run (tests, shutdown).
    void waitForIdle() { pool_.waitForDone(); }

private:
    /// The connection, used by one job at a time (the pool has a single thread).
    struct State {
        Database::Mode mode;
        std::unique_ptr<Database> db;
        Database &connection(const std::string &path);
    };

    QThreadPool pool_;
    std::shared_ptr<State> state_;
    QString path_;
};

} // namespace clientele
