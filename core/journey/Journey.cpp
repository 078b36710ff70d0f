#include "Journey.h"

namespace clientele {

using nlohmann::json;

namespace {

const json &member(const json &object, const char *key, const std::string &where)
{
    if (!object.is_object() || !object.contains(key))
        throw JourneyFormatError(where + ": \"" + key + "\" is missing");
    return object.at(key);
}

std::string text(const json &object, const char *key, const std::string &where)
{
    const json &value = member(object, key, where);
    if (!value.is_string())
        throw JourneyFormatError(where + ": \"" + key + "\" must be text");
    return value.get<std::string>();
}

int wholeNumber(const json &object, const char *key, const std::string &where)
{
    const json &value = member(object, key, where);
    if (!value.is_number_integer())
        throw JourneyFormatError(where + ": \"" + key + "\" must be a whole number");
    return value.get<int>();
}

} // namespace

std::string JourneyNode::displayName() const
{
    if (config.is_object() && config.contains("label") && config.at("label").is_string()
        && !config.at("label").get<std::string>().empty()) {
        std::string name(1, '"');
        name += config.at("label").get<std::string>();
        name += '"';
        return name;
    }
    std::string name = kind;
    name += " step \"";
    name += id;
    name += '"';
    return name;
}

Journey Journey::fromText(const std::string &text)
{
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded())
        throw JourneyFormatError("The journey file is not valid JSON");
    return fromJson(document);
}

Journey Journey::fromJson(const json &document)
{
    if (!document.is_object())
        throw JourneyFormatError("A journey must be a JSON object");
    if (wholeNumber(document, "version", "journey") != kVersion)
        throw JourneyFormatError("This journey was written by another version of Clientele "
                                 "(version "
            + document.at("version").dump() + ", expected 1)");
    Journey journey;
    if (document.contains("name") && document.at("name").is_string())
        journey.name = document.at("name").get<std::string>();

    if (document.contains("settings")) {
        const json &settings = document.at("settings");
        if (!settings.is_object())
            throw JourneyFormatError("settings must be an object");
        if (settings.contains("goal"))
            journey.settings.goalEvent = text(settings, "goal", "settings");
        if (settings.contains("frequency_cap")) {
            const json &cap = settings.at("frequency_cap");
            journey.settings.frequencyCap
                = FrequencyCap { wholeNumber(cap, "sends", "frequency_cap"),
                      wholeNumber(cap, "days", "frequency_cap") };
        }
        if (settings.contains("quiet_hours")) {
            const json &quiet = settings.at("quiet_hours");
            QuietHours hours;
            hours.startHour = wholeNumber(quiet, "start", "quiet_hours");
            hours.endHour = wholeNumber(quiet, "end", "quiet_hours");
            if (quiet.contains("default_timezone"))
                hours.defaultTimezone = text(quiet, "default_timezone", "quiet_hours");
            journey.settings.quietHours = hours;
        }
        if (settings.contains("seed")) {
            const json &seed = settings.at("seed");
            if (!seed.is_number_integer()
                || (!seed.is_number_unsigned() && seed.get<std::int64_t>() < 0))
                throw JourneyFormatError("settings: \"seed\" must be a whole number ≥ 0");
            journey.settings.seed = seed.get<std::uint64_t>();
        }
    }

    const json &nodes = member(document, "nodes", "journey");
    if (!nodes.is_array())
        throw JourneyFormatError("\"nodes\" must be a list");
    for (const json &entry : nodes) {
        JourneyNode node;
        node.id = text(entry, "id", "node");
        const std::string where = "node \"" + node.id + "\"";
        node.kind = text(entry, "kind", where);
        if (entry.contains("config")) {
            node.config = entry.at("config");
            if (!node.config.is_object())
                throw JourneyFormatError(where + ": \"config\" must be an object");
        }
        if (entry.contains("position")) {
            const json &position = entry.at("position");
            if (!position.is_object() || !position.value("x", json()).is_number()
                || !position.value("y", json()).is_number())
                throw JourneyFormatError(where + ": \"position\" must be {\"x\": …, \"y\": …}");
            node.position = { position.at("x").get<double>(), position.at("y").get<double>() };
        }
        if (journey.node(node.id))
            throw JourneyFormatError("Two steps have the id \"" + node.id + "\"");
        journey.nodes.push_back(std::move(node));
    }

    if (document.contains("connections")) {
        const json &connections = document.at("connections");
        if (!connections.is_array())
            throw JourneyFormatError("\"connections\" must be a list");
        for (const json &entry : connections) {
            const json &from = member(entry, "from", "connection");
            const json &to = member(entry, "to", "connection");
            JourneyConnection connection;
            connection.fromNode = text(from, "node", "connection");
            connection.fromPort = text(from, "port", "connection");
            connection.toNode = text(to, "node", "connection");
            connection.toPort = to.contains("port") ? text(to, "port", "connection") : "in";
            journey.connections.push_back(std::move(connection));
        }
    }
    return journey;
}

json Journey::toJson() const
{
    json settingsJson = json::object();
    if (!settings.goalEvent.empty())
        settingsJson["goal"] = settings.goalEvent;
    if (settings.frequencyCap)
        settingsJson["frequency_cap"] = { { "sends", settings.frequencyCap->sends },
            { "days", settings.frequencyCap->days } };
    if (settings.quietHours)
        settingsJson["quiet_hours"] = { { "start", settings.quietHours->startHour },
            { "end", settings.quietHours->endHour },
            { "default_timezone", settings.quietHours->defaultTimezone } };
    settingsJson["seed"] = settings.seed;

    json nodesJson = json::array();
    for (const JourneyNode &node : nodes)
        nodesJson.push_back({ { "id", node.id }, { "kind", node.kind }, { "config", node.config },
            { "position", { { "x", node.position.x }, { "y", node.position.y } } } });
    json connectionsJson = json::array();
    for (const JourneyConnection &connection : connections)
        connectionsJson.push_back(
            { { "from", { { "node", connection.fromNode }, { "port", connection.fromPort } } },
                { "to", { { "node", connection.toNode }, { "port", connection.toPort } } } });
    return { { "version", kVersion }, { "name", name }, { "settings", settingsJson },
        { "nodes", nodesJson }, { "connections", connectionsJson } };
}

const JourneyNode *Journey::node(const std::string &id) const
{
    for (const JourneyNode &candidate : nodes)
        if (candidate.id == id)
            return &candidate;
    return nullptr;
}

std::vector<std::string> Journey::outputPorts(const JourneyNode &node)
{
    if (node.kind == JourneyKind::kExit)
        return {};
    if (node.kind == JourneyKind::kWaitUntil)
        return { "event", "timeout" };
    if (node.kind == JourneyKind::kBranch) {
        const json rules = node.config.value("rules", json());
        if (!rules.is_array())
            return { "yes", "no" };
        std::vector<std::string> ports;
        for (const json &rule : rules)
            if (rule.is_object() && rule.value("port", json()).is_string())
                ports.push_back(rule.at("port").get<std::string>());
        ports.push_back("else");
        return ports;
    }
    if (node.kind == JourneyKind::kSplit) {
        std::vector<std::string> ports;
        const json arms = node.config.value("arms", json());
        if (arms.is_array())
            for (const json &arm : arms)
                if (arm.is_object() && arm.value("port", json()).is_string())
                    ports.push_back(arm.at("port").get<std::string>());
        return ports;
    }
    return { "out" };
}

std::vector<const JourneyConnection *> Journey::connectionsFrom(
    const std::string &nodeId, const std::string &port) const
{
    std::vector<const JourneyConnection *> found;
    for (const JourneyConnection &connection : connections)
        if (connection.fromNode == nodeId && connection.fromPort == port)
            found.push_back(&connection);
    return found;
}

} // namespace clientele
