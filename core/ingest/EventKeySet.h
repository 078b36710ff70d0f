#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clientele {

/**
 * The event keys a bulk load has written, for de-duplication while the unique index on
 * events.event_key does not exist yet (it is built once at the end).
 *
 * Open addressing with linear probing over a flat array: 8 bytes per slot, about 13 bytes
 * per key at its load factor, where a node-based std::unordered_set needs ~40. Ten
 * million keys fit in 128 MiB.
 */
class EventKeySet {
public:
    /// Adds the key; false when it was already there.
    bool insert(std::int64_t key);
    bool contains(std::int64_t key) const;
    /// Asks the CPU to load where insert(key) will start looking. Changes nothing.
    void prefetch(std::int64_t key) const;
    std::size_t size() const { return size_ + (hasEmptyKey_ ? 1 : 0); }

private:
    static constexpr std::uint64_t kEmpty = 0; ///< key 0 is kept aside in hasEmptyKey_
    static std::size_t slotOf(std::uint64_t key, std::size_t mask);
    void grow();

    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
    bool hasEmptyKey_ = false;
};

} // namespace clientele
