#pragma once

#include "profile/CustomerList.h"
#include "profile/ProfileRecord.h"

#include <QString>
#include <QStringList>

#include <string>
#include <unordered_map>

namespace clientele {

/// The products a timeline page mentions, by id.
using ProductIndex = std::unordered_map<std::int64_t, ProductSummary>;

/**
 * One event as a sentence a marketer reads: "Added Trail Runner X (shoes) to cart —
 * €104.95", "Order T-1234 completed — 2 items, €71.85", "Opened email 'New season…'".
 * Money in the event's currency, else storeCurrency.
 */
QString describeEvent(
    const TimelineEvent &event, const ProductIndex &products, const std::string &storeCurrency);

/// The readable name of an event type ("product_added" → "Added to cart").
QString eventTypeDisplayName(const std::string &type);

/// The event types the timeline's type filter offers, in a sensible order.
const std::vector<std::string> &timelineEventTypes();

} // namespace clientele
