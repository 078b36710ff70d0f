#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace clientele {

/// Node kinds of a journey (the "kind" of a node in the JSON).
namespace JourneyKind {
inline constexpr const char *kEntry = "entry";
inline constexpr const char *kWait = "wait";
inline constexpr const char *kWaitUntil = "wait_until";
inline constexpr const char *kBranch = "branch";
inline constexpr const char *kSplit = "split";
inline constexpr const char *kSend = "send";
inline constexpr const char *kUpdateProfile = "update_profile";
inline constexpr const char *kExit = "exit";
} // namespace JourneyKind

/// Where a node sits on the canvas; the core keeps it only so that a saved journey reopens
/// as it was drawn.
struct NodePosition {
    double x = 0.0;
    double y = 0.0;

    bool operator==(const NodePosition &) const = default;
};

/// One step of a journey. The config's shape depends on the kind (docs/journey-format.md);
/// JourneyValidator checks it.
struct JourneyNode {
    std::string id;
    std::string kind;
    nlohmann::json config = nlohmann::json::object();
    NodePosition position;

    /// The name a marketer sees: config "label" when set, else the kind and id.
    std::string displayName() const;

    bool operator==(const JourneyNode &) const = default;
};

/**
 * A connection as a plain value: from an exit (output port) of one node to the input of
 * another (as QtNodes' ConnectionId). Every node has one input port, "in".
 */
struct JourneyConnection {
    std::string fromNode;
    std::string fromPort;
    std::string toNode;
    std::string toPort = "in";

    bool operator==(const JourneyConnection &) const = default;
};

/// At most `sends` messages per shopper in any `days` days (across the journey's sends).
struct FrequencyCap {
    int sends = 0;
    int days = 0;

    bool operator==(const FrequencyCap &) const = default;
};

/// Sends that fall between startHour and endHour (local time of the shopper, wrapping
/// over midnight when start > end) are postponed to endHour.
struct QuietHours {
    int startHour = 21;
    int endHour = 8;
    /// Used for shoppers without a time zone (profiles.timezone).
    std::string defaultTimezone = "UTC";

    bool operator==(const QuietHours &) const = default;
};

/// Journey-wide settings.
struct JourneySettings {
    /// A shopper who does this event leaves the journey at once, counted as converted.
    std::string goalEvent;
    std::optional<FrequencyCap> frequencyCap;
    std::optional<QuietHours> quietHours;
    /// Seeds the random split: the same seed puts each shopper in the same arm.
    std::uint64_t seed = 1;

    bool operator==(const JourneySettings &) const = default;
};

/// A journey document that cannot be read (not JSON, wrong version, wrong shapes).
class JourneyFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/**
 * The journey graph, apart from any scene: nodes by id and connections as values, saved
 * and loaded as JSON (`"version": 1`, see docs/journey-format.md). Whether it makes sense
 * (one entry, every path ends …) is JourneyValidator's business, not the model's.
 */
class Journey {
public:
    static constexpr int kVersion = 1;

    std::string name;
    JourneySettings settings;
    std::vector<JourneyNode> nodes;
    std::vector<JourneyConnection> connections;

    /// Reads a document; throws JourneyFormatError naming the first problem.
    static Journey fromJson(const nlohmann::json &document);
    static Journey fromText(const std::string &text);
    nlohmann::json toJson() const;

    /// The node with this id, or nullptr.
    const JourneyNode *node(const std::string &id) const;
    /// The exits (output ports) a node has, from its kind and config: entry/wait/send/
    /// update_profile "out", wait_until "event"+"timeout", branch "yes"+"no" or its rules'
    /// ports + "else", split its arms' ports, exit none.
    static std::vector<std::string> outputPorts(const JourneyNode &node);
    /// The connections leaving this node's port.
    std::vector<const JourneyConnection *> connectionsFrom(
        const std::string &nodeId, const std::string &port) const;

    bool operator==(const Journey &) const = default;
};

} // namespace clientele
