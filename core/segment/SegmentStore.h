#pragma once

#include "SegmentDefinition.h"

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Database;

/// A segment as saved in the workspace (table segments, migration 5).
struct SavedSegment {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    SegmentDefinition definition;
    Millis createdAt = 0;
    Millis updatedAt = 0;
};

/// One day of a segment's size history (table segment_sizes).
struct SegmentSize {
    std::string day; ///< "YYYY-MM-DD" (UTC)
    std::int64_t size = 0;
};

/**
 * The saved segments of a workspace. Saving validates the definition first, including the
 * segments it includes (unknown names, cycles), so a saved segment always compiles at the
 * time it is saved; a segment it includes may still be changed or removed later, which
 * evaluation reports as a validation error.
 */
class SegmentStore {
public:
    explicit SegmentStore(Database &db);

    /// All saved segments, by name.
    std::vector<SavedSegment> list();
    std::optional<SavedSegment> find(const std::string &name);

    /**
     * Creates the segment or replaces the definition and description of the one with that
     * name. Throws SegmentError with the validation issues (the workspace is unchanged).
     * Returns the segment's id.
     */
    std::int64_t save(const std::string &name, const SegmentDefinition &definition,
        const std::string &description, Millis now);
    /**
     * Renames a saved segment, keeping its id, creation time and size history, and points
     * the segments that include it by name at the new name. A segment already called
     * newName is replaced (the caller asked the user). Throws SegmentError when there is no
     * segment called oldName or newName is not a usable name. saveAs() renames and saves
     * in one transaction.
     */
    void rename(const std::string &oldName, const std::string &newName, Millis now);
    /**
     * Saves an edited segment that was saved as previousName (empty: a new one) under name:
     * when the name changed and previousName is still saved, it is renamed first (keeping
     * its id and size history; segments that include it follow), then saved. One
     * transaction: when the save fails (an invalid rule), the rename is undone too. Returns
     * the segment's id.
     */
    std::int64_t saveAs(const std::string &previousName, const std::string &name,
        const SegmentDefinition &definition, const std::string &description, Millis now);
    /// Removes a segment and its size history; false when there is none of that name. Does
    /// not check whether other segments include it (they then fail validation).
    bool remove(const std::string &name);

    /// The recorded daily sizes of a segment, oldest first.
    std::vector<SegmentSize> sizes(std::int64_t segmentId);

    /**
     * Records today's size of every saved segment that has none for today (one row per
     * segment per day; a second call the same day does nothing). Meant for when the
     * workspace is opened, on a worker connection: one count per segment. Segments that
     * no longer validate are skipped. Returns how many sizes were recorded.
     */
    static int recordDailySizes(Database &db, Millis today);

private:
    Database &db_;
};

} // namespace clientele
