#include "SegmentCountRunner.h"

#include "common/Progress.h"
#include "segment/SegmentStore.h"

#include <QElapsedTimer>
#include <QScopeGuard>

namespace clientele {

SegmentCountRunner::SegmentCountRunner(QObject *parent)
    : QObject(parent)
    , shared_(std::make_shared<Shared>())
{
}

SegmentCountRunner::~SegmentCountRunner()
{
    cancel();
}

void SegmentCountRunner::setWorkspace(const QString &path)
{
    cancel();
    worker_.setWorkspace(path);
}

void SegmentCountRunner::cancel()
{
    ++shared_->latest;
    counting_ = false;
    const std::lock_guard lock(shared_->mutex);
    if (shared_->running)
        shared_->running->cancel();
}

void SegmentCountRunner::start(const nlohmann::json &document)
{
    cancel();
    counting_ = true;
    const std::int64_t generation = shared_->latest;
    auto shared = shared_;
    worker_.post<SegmentCountResult>(
        this,
        [shared, generation, document](Database &db) {
            SegmentCountResult result;
            result.generation = generation;
            if (shared->latest != generation)
                return result; // superseded while queued
            const SegmentDefinition definition = SegmentDefinition::fromJson(document);
            SegmentStore store(db);
            SegmentEvaluator evaluator(db, &store);
            {
                const std::lock_guard lock(shared->mutex);
                shared->running = &evaluator;
            }
            const auto unregister = qScopeGuard([&shared] {
                const std::lock_guard lock(shared->mutex);
                shared->running = nullptr;
            });
            try {
                QElapsedTimer timer;
                timer.start();
                if (shared->latest != generation)
                    return result;
                result.reach = evaluator.reachability(definition);
                result.elapsedMs = timer.elapsed();
                if (shared->latest != generation)
                    return result;
                result.sample = evaluator.sample(definition, 20);
            } catch (const Cancelled &) {
                // A newer edit took over; its result is the one to show.
            }
            return result;
        },
        [this](SegmentCountResult result) {
            if (result.generation != shared_->latest)
                return;
            counting_ = false;
            Q_EMIT finished(result);
        },
        [this, generation](const QString &message) {
            if (generation != shared_->latest)
                return;
            counting_ = false;
            Q_EMIT failed(message);
        });
}

void SegmentCountRunner::loadPickers()
{
    worker_.post<SegmentPickers>(
        this, [](Database &db) { return readSegmentPickers(db); },
        [this](SegmentPickers pickers) { Q_EMIT pickersLoaded(pickers); });
}

} // namespace clientele
