#pragma once

#include "store/Database.h"

#include <cstdint>
#include <vector>

namespace clientele {

class DemoCatalog;
struct DemoShopperRows;

/**
 * Writes the demo's rows through prepared statements that are reused for every row: the
 * generator streams one shopper at a time through it, so nothing accumulates in memory.
 */
class DemoWriter {
public:
    /// seed makes the events' keys differ between demo stores.
    DemoWriter(Database &db, std::uint64_t seed);

    void writeProducts(const DemoCatalog &catalog);
    void writeShopper(const DemoShopperRows &rows);

    std::int64_t eventsWritten() const { return eventsWritten_; }

private:
    Database &db_;
    Statement insertProfile_;
    Statement insertIdentity_;
    Statement insertConsent_;
    Statement insertMerge_;
    Statement insertEvent_;
    Statement insertMergeIdentity_;
    std::uint64_t keyBase_;
    /// The current shopper's identities rows (as written), and the one per device.
    std::vector<std::int64_t> identityIds_;
    std::vector<std::int64_t> deviceIdentity_;
    std::int64_t eventsWritten_ = 0;
};

} // namespace clientele
