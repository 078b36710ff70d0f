#include "EventKeySet.h"

namespace clientele {

namespace {

constexpr std::size_t kInitialSlots = 1 << 16;

} // namespace

std::size_t EventKeySet::slotOf(std::uint64_t key, std::size_t mask)
{
    // Keys are already FNV hashes; one multiply spreads their low bits over the table.
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ull) >> 20) & mask;
}

bool EventKeySet::insert(std::int64_t signedKey)
{
    const auto key = static_cast<std::uint64_t>(signedKey);
    if (key == kEmpty) {
        const bool added = !hasEmptyKey_;
        hasEmptyKey_ = true;
        return added;
    }
    // Grow at a load factor of 5/8: linear probing stays short below ~0.7.
    if ((size_ + 1) * 8 > slots_.size() * 5)
        grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = slotOf(key, mask);; slot = (slot + 1) & mask) {
        if (slots_[slot] == key)
            return false;
        if (slots_[slot] == kEmpty) {
            slots_[slot] = key;
            ++size_;
            return true;
        }
    }
}

bool EventKeySet::contains(std::int64_t signedKey) const
{
    const auto key = static_cast<std::uint64_t>(signedKey);
    if (key == kEmpty)
        return hasEmptyKey_;
    if (slots_.empty())
        return false;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = slotOf(key, mask);; slot = (slot + 1) & mask) {
        if (slots_[slot] == key)
            return true;
        if (slots_[slot] == kEmpty)
            return false;
    }
}

void EventKeySet::prefetch(std::int64_t key) const
{
    if (!slots_.empty())
        __builtin_prefetch(&slots_[slotOf(static_cast<std::uint64_t>(key), slots_.size() - 1)]);
}

void EventKeySet::grow()
{
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? kInitialSlots : old.size() * 2, kEmpty);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t key : old) {
        if (key == kEmpty)
            continue;
        std::size_t slot = slotOf(key, mask);
        while (slots_[slot] != kEmpty)
            slot = (slot + 1) & mask;
        slots_[slot] = key;
    }
}

} // namespace clientele
