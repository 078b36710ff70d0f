#pragma once

#include "common/Time.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class Database;

/// What RFM looks at for one buyer (a profile with at least one order that counts).
struct RfmInput {
    Millis lastOrder = 0;
    std::int64_t orders = 0;
    double revenue = 0.0;
};

/// Recency, frequency and monetary scores, each 1 (weakest fifth) to 5 (strongest fifth).
struct RfmScores {
    int recency = 0;
    int frequency = 0;
    int monetary = 0;
};

/**
 * The quintile cut points of a workspace's buyers, as the last full rebuild measured them.
 *
 * Recency is counted in whole days before the reference time (the workspace's latest
 * event, so that a historical data set such as 2011's Online Retail is scored against its
 * own end rather than today); frequency is the number of orders, monetary the revenue.
 *
 * A score is 1 + the number of cut points the buyer beats. Cut point k (1…4) is the value
 * of the buyer at sorted position ceil(k × n / 5) − 1, counting from the weakest, so with
 * distinct values each fifth of the buyers gets one score. Equal values always get the same
 * score: when many buyers share a value (most have one order) some scores are skipped
 * rather than a tie being split by chance. Equivalently: score = 1 + floor(5 × L / n), L
 * being the number of buyers strictly weaker.
 *
 * Incremental refreshes score new values against the stored cut points, so one import does
 * not reshuffle every other buyer; a full rebuild measures them again.
 */
struct RfmModel {
    Millis referenceTime = 0;
    std::int64_t buyers = 0;
    /// Days since the last order; beating a cut point means fewer days.
    std::array<double, 4> recencyDays {};
    std::array<double, 4> frequency {};
    std::array<double, 4> monetary {};

    /// Measures the cut points over all buyers.
    static RfmModel fit(Millis referenceTime, const std::vector<RfmInput> &buyers);
    /// Scores one buyer; meaningful only when buyers > 0.
    RfmScores score(const RfmInput &buyer) const;

    /// Whole days from lastOrder to the reference time (negative when it is later).
    std::int64_t daysSince(Millis lastOrder) const;

    std::string toJson() const;
    /// nullopt when the text is not a model this version wrote.
    static std::optional<RfmModel> fromJson(std::string_view text);

    bool operator==(const RfmModel &) const = default;
};

/**
 * The named RFM group of a recency and frequency score, the commonly published 10-segment
 * R/F map (rows R, columns F):
 *
 *         F=1             F=2                  F=3                  F=4              F=5
 *   R=5   new_customers   potential_loyalists  potential_loyalists  champions        champions
 *   R=4   promising       potential_loyalists  potential_loyalists  loyal_customers loyal_customers
 *   R=3   about_to_sleep  about_to_sleep       need_attention       loyal_customers loyal_customers
 *   R=2   hibernating     hibernating          at_risk              at_risk          cant_lose_them
 *   R=1   hibernating     hibernating          at_risk              at_risk          cant_lose_them
 *
 * Returns the group's key (stable, stored in profile_traits.rfm_group); scores outside
 * 1…5 return nullptr.
 */
const char *rfmGroup(int recency, int frequency);

/// The ten group keys, from the most to the least valuable (the order a chart shows).
const std::array<const char *, 10> &rfmGroupKeys();

/// The English name of a group key ("cant_lose_them" → "Can't Lose Them"); the ui
/// translates by key. The key itself when unknown.
std::string rfmGroupName(std::string_view key);

/// How many buyers one RFM group holds, for the Overview chart.
struct RfmGroupSize {
    std::string group; ///< key, e.g. "champions"
    std::string name; ///< English name, e.g. "Champions"
    std::int64_t profiles = 0;
    double revenue = 0.0;

    /// All ten groups in rfmGroupKeys() order, empty groups included. Reads the
    /// rfm_group index only.
    static std::vector<RfmGroupSize> read(Database &db);
};

} // namespace clientele
