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

    /// The placement of an identifier, or nullptr when it is not known.
    Placement *find(std::string_view kind, std::string_view value);
    const Placement *find(std::string_view kind, std::string_view value) const;
    /// Adds an identifier that is not known yet and returns its placement.
    Placement &insert(std::string_view kind, std::string_view value, Placement placement);
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint64_t offset = kEmpty; ///< of the key in arena_, kEmpty for a free slot
        std::uint32_t length = 0;
        Placement placement;
    };
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);

    static std::uint64_t hashOf(std::string_view kind, std::string_view value);
    bool matches(
        const Slot &slot, std::uint64_t hash, std::string_view kind, std::string_view value) const;
    std::size_t findSlot(std::uint64_t hash, std::string_view kind, std::string_view value) const;
    void grow();

    std::vector<Slot> slots_;
    std::string arena_; ///< kind, '\x1f', value of every key, back to back
    std::size_t size_ = 0;
};

} // namespace clientele
