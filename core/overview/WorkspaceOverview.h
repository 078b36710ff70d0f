#pragma once

#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clientele {

class Database;

/// The key figures of a workspace, as the Overview page shows them.
struct WorkspaceOverview {
    std::int64_t shoppers = 0;
    std::int64_t knownShoppers = 0;
    std::int64_t anonymousShoppers = 0;
    std::int64_t events = 0;
    std::int64_t orders = 0;
    double revenue = 0.0;
    std::string currency;
    std::optional<Millis> firstEvent;
    std::optional<Millis> lastEvent;
    /// Event counts per channel, largest first.
    std::vector<std::pair<std::string, std::int64_t>> eventsByChannel;
    /// Revenue of completed orders per calendar month ("YYYY-MM"), oldest first.
    std::vector<std::pair<std::string, double>> revenueByMonth;

    /// Reads the figures. Runs a few aggregate queries over indexes; call it off the UI
    /// thread for large workspaces.
    static WorkspaceOverview read(Database &db);
};

} // namespace clientele
