#include "IdentifierIndex.h"

#include <functional>
#include <utility>

namespace clientele {

namespace {

constexpr char kSeparator = '\x1f';
constexpr std::size_t kInitialSlots = 1 << 12;

} // namespace

std::uint64_t IdentifierIndex::hashOf(std::string_view kind, std::string_view value)
{
    // Kinds are few and short; the value carries the entropy.
    const std::uint64_t kindHash = std::hash<std::string_view> {}(kind);
    const std::uint64_t valueHash = std::hash<std::string_view> {}(value);
    return valueHash ^ (kindHash * 0x9e3779b97f4a7c15ull);
}

bool IdentifierIndex::matches(
    const Slot &slot, std::uint64_t hash, std::string_view kind, std::string_view value) const
{
    if (slot.hash != hash || slot.length != kind.size() + 1 + value.size())
        return false;
    const std::string_view key(arena_.data() + slot.offset, slot.length);
    return key.substr(0, kind.size()) == kind && key[kind.size()] == kSeparator
        && key.substr(kind.size() + 1) == value;
}

std::size_t IdentifierIndex::findSlot(
    std::uint64_t hash, std::string_view kind, std::string_view value) const
{
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = static_cast<std::size_t>(hash) & mask;; at = (at + 1) & mask) {
        const Slot &slot = slots_[at];
        if (slot.offset == kEmpty || matches(slot, hash, kind, value))
            return at;
    }
}

const IdentifierIndex::Placement *IdentifierIndex::find(
    std::string_view kind, std::string_view value) const
{
    return find(kind, value, hashOf(kind, value));
}

const IdentifierIndex::Placement *IdentifierIndex::find(
    std::string_view kind, std::string_view value, std::uint64_t hash) const
{
    if (slots_.empty())
        return nullptr;
    const Slot &slot = slots_[findSlot(hash, kind, value)];
    return slot.offset == kEmpty ? nullptr : &slot.placement;
}

void IdentifierIndex::prefetchSlot(std::uint64_t hash) const
{
    if (!slots_.empty())
        __builtin_prefetch(&slots_[static_cast<std::size_t>(hash) & (slots_.size() - 1)]);
}

void IdentifierIndex::prefetchKey(std::uint64_t hash) const
{
    if (slots_.empty())
        return;
    const Slot &slot = slots_[static_cast<std::size_t>(hash) & (slots_.size() - 1)];
    if (slot.offset == kEmpty || slot.hash != hash)
        return;
    const char *key = arena_.data() + slot.offset;
    __builtin_prefetch(key);
    __builtin_prefetch(key + slot.length - 1);
}

IdentifierIndex::Placement *IdentifierIndex::find(std::string_view kind, std::string_view value)
{
    return const_cast<Placement *>(std::as_const(*this).find(kind, value));
}

IdentifierIndex::Key IdentifierIndex::insert(
    std::string_view kind, std::string_view value, Placement placement)
{
    // Grow at a load factor of 5/8: probes stay short.
    if ((size_ + 1) * 8 > slots_.size() * 5)
        grow();
    const std::uint64_t hash = hashOf(kind, value);
    Slot &slot = slots_[findSlot(hash, kind, value)];
    if (slot.offset == kEmpty) {
        slot.hash = hash;
        slot.offset = arena_.size();
        slot.length = static_cast<std::uint32_t>(kind.size() + 1 + value.size());
        arena_.append(kind).push_back(kSeparator);
        arena_.append(value);
        ++size_;
    }
    slot.placement = placement;
    return { slot.offset, static_cast<std::uint32_t>(kind.size()),
        static_cast<std::uint32_t>(value.size()) };
}

void IdentifierIndex::grow()
{
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? kInitialSlots : old.size() * 2, Slot {});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot &slot : old) {
        if (slot.offset == kEmpty)
            continue;
        std::size_t at = static_cast<std::size_t>(slot.hash) & mask;
        while (slots_[at].offset != kEmpty)
            at = (at + 1) & mask;
        slots_[at] = slot;
    }
}

} // namespace clientele
