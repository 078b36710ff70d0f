#include "JourneySimulator.h"

#include "JourneyReplay.h"

namespace clientele {

using nlohmann::json;

JourneyInvalid::JourneyInvalid(std::vector<JourneyIssue> issues)
    : std::runtime_error(issues.empty() ? "The journey is not valid" : issues.front().message)
    , issues_(std::move(issues))
{
}

int JourneySimulator::splitBucket(std::uint64_t seed, std::int64_t profileId)
{
    // splitmix64 of the pair: stable across runs, platforms and workspace sizes.
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(profileId);
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    return static_cast<int>(x % 10000);
}

SimulationResult JourneySimulator::simulate(
    Database &db, const Journey &journey, Millis from, Millis to, ProgressSink *progress)
{
    auto issues = JourneyValidator::validate(journey);
    if (!issues.empty())
        throw JourneyInvalid(std::move(issues));
    return replay::run(db, journey, { from, to, std::nullopt }, nullptr, progress);
}

namespace {

json nodeJson(const NodeCounts &counts)
{
    return { { "arrived", counts.arrived }, { "left_at_goal", counts.leftAtGoal },
        { "waiting_at_end", counts.waitingAtEnd }, { "exited", counts.exited },
        { "sent", counts.sent }, { "skipped_consent", counts.skippedConsent },
        { "skipped_cap", counts.skippedCap }, { "held_out", counts.heldOut },
        { "postponed", counts.postponed }, { "conversions", counts.conversions },
        { "revenue", counts.revenue }, { "offer_cost", counts.offerCost } };
}

} // namespace

json SimulationResult::toJson() const
{
    json nodesJson = json::object();
    for (const auto &[id, counts] : nodes)
        nodesJson[id] = nodeJson(counts);
    json connectionsJson = json::array();
    for (const ConnectionCounts &counts : connections)
        connectionsJson.push_back(
            { { "from", counts.connection.fromNode }, { "port", counts.connection.fromPort },
                { "to", counts.connection.toNode }, { "shoppers", counts.shoppers },
                { "conversions", counts.conversions }, { "revenue", counts.revenue } });
    json channelsJson = json::object();
    for (const auto &[channel, counts] : channels)
        channelsJson[channel]
            = { { "sent", counts.sent }, { "skipped_consent", counts.skippedConsent },
                  { "skipped_cap", counts.skippedCap }, { "held_out", counts.heldOut } };
    return { { "from", formatIsoDate(from) }, { "to", formatIsoDate(to) },
        { "data_end", formatIsoDateTime(dataEnd) }, { "entered", entered },
        { "shoppers", shoppers }, { "conversions", conversions }, { "revenue", revenue },
        { "offer_cost", offerCost }, { "still_in_journey", stillInJourney }, { "nodes", nodesJson },
        { "connections", connectionsJson }, { "channels", channelsJson } };
}

} // namespace clientele
