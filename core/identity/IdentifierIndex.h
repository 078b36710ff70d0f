#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

/**
 * Where each known identifier is: (kind, value) → profile and identities row. The
 * resolver asks it once or twice for every imported row, so it is built for that: open
 * addressing over one flat array, the keys' text in one arena, a probe compares the
 * stored hash before any text. A node-based std::unordered_map costs three to four cache
 * misses per lookup at a million identifiers; this costs one or two.
 */
class IdentifierIndex {
public:
    struct Placement {
        std::int64_t profile = 0;
        std::int64_t identity = 0;
    };

    /**
     * Where a stored identifier's text is. It stays valid as the index grows (unlike a
     * string_view of that text), so holders of many identifiers keep these instead of
     * copies of the text: 16 bytes instead of two strings.
     */
    struct Key {
        std::uint64_t offset = 0;
        std::uint32_t kindLength = 0;
        std::uint32_t valueLength = 0;
    };

    /// The placement of an identifier, or nullptr when it is not known.
    Placement *find(std::string_view kind, std::string_view value);
    const Placement *find(std::string_view kind, std::string_view value) const;
    /// The same, with hash = hashOf(kind, value) computed earlier.
    const Placement *find(std::string_view kind, std::string_view value, std::uint64_t hash) const;

    /// The hash find() and insert() place an identifier by.
    static std::uint64_t hashOf(std::string_view kind, std::string_view value);
    /// Ask the CPU to load the slot where a lookup of hash starts. Changes nothing.
    void prefetchSlot(std::uint64_t hash) const;
    /// Ask the CPU to load the key text that slot holds when it is hash's (read it first
    /// with prefetchSlot, a little earlier). Changes nothing.
    void prefetchKey(std::uint64_t hash) const;
    Placement *find(const Key &key) { return find(kindOf(key), valueOf(key)); }
    /// Adds an identifier that is not known yet (or moves a known one) and returns where
    /// its text is kept.
    Key insert(std::string_view kind, std::string_view value, Placement placement);
    std::size_t size() const { return size_; }

    /// A stored identifier's text; valid until the next insert().
    std::string_view kindOf(const Key &key) const
    {
        return { arena_.data() + key.offset, key.kindLength };
    }
    std::string_view valueOf(const Key &key) const
    {
        return { arena_.data() + key.offset + key.kindLength + 1, key.valueLength };
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t offset = kEmpty; ///< of the key in arena_, kEmpty for a free slot
        std::uint32_t length = 0;
        Placement placement;
    };
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);

    bool matches(
        const Slot &slot, std::uint64_t hash, std::string_view kind, std::string_view value) const;
    std::size_t findSlot(std::uint64_t hash, std::string_view kind, std::string_view value) const;
    void grow();

    std::vector<Slot> slots_;
    std::string arena_; ///< kind, '\x1f', value of every key, back to back
    std::size_t size_ = 0;
};

} // namespace clientele
