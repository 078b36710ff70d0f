#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace clientele {

/**
 * Reads (and maps) the next rows of a file on a second thread while the importing thread
 * writes the ones before them: parsing and normalising then cost no time of their own on
 * a machine with two cores.
 *
 * Items travel in batches that are reused, so their strings keep their capacity. The
 * order of the file is kept. What the reading thread throws is rethrown by next() after
 * the items read before it. Destroying a ReadAhead (after a cancel, or an error on the
 * importing side) stops the reading thread and waits for it.
 */
template<class Item> class ReadAhead {
public:
    /// fill(item) reads the next item into item and returns false at the end of the input;
    /// position() is where the reader is (bytes), for progress. Both run on the reading
    /// thread only.
    ReadAhead(std::function<bool(Item &)> fill, std::function<std::int64_t()> position,
        std::size_t batchSize = 1024, std::size_t batches = 4)
        : fill_(std::move(fill))
        , position_(std::move(position))
        , batchSize_(batchSize)
    {
        for (std::size_t i = 0; i < batches; ++i)
            free_.push_back(std::make_unique<Batch>(batchSize_));
        thread_ = std::thread([this] { readAll(); });
    }

    ~ReadAhead()
    {
        {
            const std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }

    ReadAhead(const ReadAhead &) = delete;
    ReadAhead &operator=(const ReadAhead &) = delete;

    /// The next item, or nullptr after the last one. The item stays valid until the next
    /// call; the caller may move from it.
    Item *next()
    {
        if (current_ && taken_ < current_->count)
            return &current_->items[taken_++];
        std::unique_lock lock(mutex_);
        if (current_)
            free_.push_back(std::move(current_));
        changed_.notify_all();
        changed_.wait(lock, [this] { return !full_.empty() || finished_; });
        if (full_.empty()) {
            if (error_)
                std::rethrow_exception(error_);
            return nullptr;
        }
        current_ = std::move(full_.front());
        full_.pop_front();
        lastPosition_ = current_->position;
        lock.unlock();
        changed_.notify_all();
        taken_ = 0;
        return &current_->items[taken_++]; // hand() never queues an empty batch
    }

    /// The item distance places after the one next() returned last, when the reading
    /// thread has handed it over already in the same batch, else nullptr: for looking
    /// ahead (prefetching), not for taking.
    const Item *peek(std::size_t distance) const
    {
        if (!current_ || taken_ == 0)
            return nullptr;
        const std::size_t at = taken_ - 1 + distance;
        return at < current_->count ? &current_->items[at] : nullptr;
    }

    /// Where the reader was after the batch of the last item returned.
    std::int64_t position() const { return lastPosition_; }

private:
    struct Batch {
        explicit Batch(std::size_t size)
            : items(size)
        {
        }
        std::vector<Item> items;
        std::size_t count = 0;
        std::int64_t position = 0;
    };

    void readAll()
    {
        std::unique_ptr<Batch> batch;
        try {
            bool more = true;
            while (more) {
                {
                    std::unique_lock lock(mutex_);
                    changed_.wait(lock, [this] { return !free_.empty() || stop_; });
                    if (stop_)
                        break;
                    batch = std::move(free_.back());
                    free_.pop_back();
                }
                batch->count = 0;
                while (batch->count < batchSize_) {
                    if (!fill_(batch->items[batch->count])) {
                        more = false;
                        break;
                    }
                    ++batch->count;
                }
                hand(std::move(batch));
            }
        } catch (...) {
            // The items read before the failure still count: they go first.
            if (batch)
                hand(std::move(batch));
            const std::lock_guard lock(mutex_);
            error_ = std::current_exception();
        }
        {
            const std::lock_guard lock(mutex_);
            finished_ = true;
        }
        changed_.notify_all();
    }

    void hand(std::unique_ptr<Batch> batch)
    {
        batch->position = position_();
        {
            const std::lock_guard lock(mutex_);
            if (batch->count > 0)
                full_.push_back(std::move(batch));
            else
                free_.push_back(std::move(batch));
        }
        changed_.notify_all();
    }

    std::function<bool(Item &)> fill_;
    std::function<std::int64_t()> position_;
    const std::size_t batchSize_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<Batch>> full_; ///< read, in file order
    std::vector<std::unique_ptr<Batch>> free_; ///< ready to be filled again
    bool stop_ = false;
    bool finished_ = false;
    std::exception_ptr error_;

    // Owned by the importing thread.
    std::unique_ptr<Batch> current_;
    std::size_t taken_ = 0;
    std::int64_t lastPosition_ = 0;

    std::thread thread_; ///< last: starts once everything above is ready
};

} // namespace clientele
