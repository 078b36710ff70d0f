#pragma once

#include "SegmentPickers.h"

#include "common/Time.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace clientele {

/**
 * What the Journeys area reads from the workspace once it opens, on a worker: the event
 * types for the event pickers, the saved segments a branch or an entry can use, and the
 * time of the latest event (the default simulation window ends there).
 */
struct JourneyContext {
    /// What the segment builder's condition rows offer (a branch's own condition); its
    /// event types are also what the event pickers offer.
    SegmentPickers pickers;
    /// Saved segment documents ({"version": 1, "rule": …}) by name.
    std::map<QString, nlohmann::json> segments;
    std::optional<Millis> latestEvent;
};

} // namespace clientele
