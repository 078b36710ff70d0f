#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace clientele {

/**
 * Gives a large table that is read at random places (the import's hash tables, hundreds of
 * megabytes) 2 MB pages where the system allows it. With 4 KB pages nearly every lookup in
 * such a table also misses the address-translation cache; Debian's default is to use large
 * pages only where a program asks for them (transparent_hugepage = madvise).
 *
 * Sizes table to count values of value, asking for large pages before the memory is first
 * touched. Elsewhere, or when the system declines, it is an ordinary assign().
 */
template<class T> void assignWithHugePages(std::vector<T> &table, std::size_t count, const T &value)
{
    table.clear();
    table.shrink_to_fit();
    table.reserve(count); // allocated, not yet touched
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(table.data());
    const std::uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = (start + count * sizeof(T)) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#endif
    table.assign(count, value);
}

} // namespace clientele
