#pragma once

#include "common/Time.h"

namespace clientele {

class Database;

/**
 * The saved segments a demo store starts with, so that the Segments area is never empty
 * on first start: ready-made starting points a marketer edits rather than builds from
 * nothing (abandoned carts, high-value repeat customers, first-time buyers, lapsed
 * customers), and two built on the predictions (valuable customers at risk of churning,
 * due for replenishment).
 */
namespace DemoSegments {
/// Saves them through SegmentStore (replacing segments of the same names).
void save(Database &db, Millis now);
} // namespace DemoSegments

} // namespace clientele
