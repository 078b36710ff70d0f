#include "JourneyValidator.h"

#include "Journey.h"
#include "JourneyMessage.h"

#include "segment/SegmentDefinition.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace clientele {

using nlohmann::json;

namespace {

bool positiveNumber(const json &config, const char *key)
{
    const json value = config.value(key, json());
    return value.is_number() && value.get<double>() > 0.0;
}

bool nonEmptyText(const json &config, const char *key)
{
    const json value = config.value(key, json());
    return value.is_string() && !value.get<std::string>().empty();
}

std::string percentText(double value)
{
    const double whole = std::round(value);
    return std::abs(value - whole) < 1e-9 ? std::to_string(static_cast<long long>(whole))
                                          : json(value).dump();
}

void checkSegmentRule(const JourneyNode &node, const json &rule, const std::string &what,
    std::vector<JourneyIssue> &issues)
{
    std::vector<ValidationIssue> ruleIssues;
    SegmentDefinition::parse(rule, ruleIssues);
    if (!ruleIssues.empty())
        issues.push_back({ node.id,
            node.displayName() + ": " + what + " is not a valid segment rule ("
                + ruleIssues.front().message + ")" });
}

void checkConfig(const JourneyNode &node, std::vector<JourneyIssue> &issues)
{
    const json &config = node.config;
    const std::string name = node.displayName();
    if (node.kind == JourneyKind::kEntry) {
        const json trigger = config.value("trigger", json());
        const bool bySegment = trigger.is_object() && trigger.contains("segment");
        if (bySegment) {
            checkSegmentRule(node, trigger.at("segment"), "the segment shoppers enter", issues);
            if (trigger.contains("event") || trigger.contains("then_not"))
                issues.push_back({ node.id,
                    name
                        + ": shoppers enter either on an event or on entering a segment, "
                          "not both" });
        } else if (!trigger.is_object() || !nonEmptyText(trigger, "event"))
            issues.push_back(
                { node.id, name + ": choose the event (or the segment) that lets shoppers in" });
        else if (trigger.contains("then_not")
            && (!nonEmptyText(trigger, "then_not") || !positiveNumber(trigger, "within_hours")))
            issues.push_back({ node.id,
                name + ": \"did not do … within\" needs an event and a number of hours" });
        if (config.contains("segment"))
            checkSegmentRule(node, config.at("segment"), "the entry segment", issues);
        const json reentry = config.value("reentry", json("once"));
        const std::string policy = reentry.is_string() ? reentry.get<std::string>()
            : reentry.is_object()                      ? reentry.value("policy", std::string())
                                                       : std::string();
        if (policy != "once" && policy != "every_time" && policy != "again_after_days")
            issues.push_back(
                { node.id, name + ": re-entry must be once, every_time or again_after_days" });
        else if (policy == "again_after_days" && !positiveNumber(reentry, "days"))
            issues.push_back(
                { node.id, name + ": say after how many days a shopper may enter again" });
    } else if (node.kind == JourneyKind::kWait) {
        if (config.contains("until")) {
            const json &until = config.at("until");
            const json hour = until.is_object() ? until.value("hour", json()) : json();
            if (!hour.is_number_integer() || hour.get<int>() < 0 || hour.get<int>() > 23)
                issues.push_back({ node.id, name + ": wait until which hour (0 to 23)?" });
            const json days = until.is_object() ? until.value("weekdays", json::array()) : json();
            bool daysOk = days.is_array();
            if (daysOk)
                for (const json &day : days)
                    daysOk = daysOk && day.is_string()
                        && JourneyValidator::weekdayIndex(day.get<std::string>()) >= 0;
            if (!daysOk)
                issues.push_back(
                    { node.id, name + ": weekdays are mon, tue, wed, thu, fri, sat and sun" });
            if (config.contains("hours") || config.contains("days"))
                issues.push_back({ node.id,
                    name + ": wait either a duration or until a time of day, not both" });
        } else if (!positiveNumber(config, "hours") && !positiveNumber(config, "days")) {
            issues.push_back({ node.id, name + ": set how long to wait (hours or days)" });
        }
    } else if (node.kind == JourneyKind::kWaitUntil) {
        if (!nonEmptyText(config, "event"))
            issues.push_back({ node.id, name + ": choose the event to wait for" });
        if (!positiveNumber(config, "timeout_hours"))
            issues.push_back(
                { node.id, name + ": set after how many hours to stop waiting (timeout)" });
        const json match = config.value("match", json::array());
        if (!match.is_array())
            issues.push_back({ node.id, name + ": \"match\" must be a list of properties" });
        else
            for (const json &field : match)
                if (field != "cart_id" && field != "order_id")
                    issues.push_back({ node.id,
                        name + ": can only wait for the same cart_id or order_id, not "
                            + field.dump() });
    } else if (node.kind == JourneyKind::kBranch) {
        if (config.contains("rules")) {
            const json &rules = config.at("rules");
            if (!rules.is_array() || rules.empty())
                issues.push_back({ node.id, name + ": add at least one rule" });
            else
                for (const json &rule : rules) {
                    if (!rule.is_object() || !nonEmptyText(rule, "port")
                        || rule.at("port") == "else")
                        issues.push_back({ node.id, name + ": every rule needs an exit name" });
                    else
                        checkSegmentRule(node, rule.value("segment", json()),
                            "the rule \"" + rule.at("port").get<std::string>() + "\"", issues);
                }
        } else {
            checkSegmentRule(node, config.value("segment", json()), "the condition", issues);
        }
    } else if (node.kind == JourneyKind::kSplit) {
        const json arms = config.value("arms", json());
        double total = 0.0;
        if (!arms.is_array() || arms.size() < 2) {
            issues.push_back({ node.id, name + ": a split needs at least two paths" });
        } else {
            std::set<std::string> ports;
            for (const json &arm : arms) {
                if (!arm.is_object() || !nonEmptyText(arm, "port")
                    || !arm.value("percent", json()).is_number()
                    || arm.at("percent").get<double>() < 0.0) {
                    issues.push_back(
                        { node.id, name + ": every path needs a name and a percentage" });
                    return;
                }
                if (!ports.insert(arm.at("port").get<std::string>()).second)
                    issues.push_back({ node.id,
                        name + ": two paths are called \"" + arm.at("port").get<std::string>()
                            + "\"" });
                total += arm.at("percent").get<double>();
            }
            if (std::abs(total - 100.0) > 1e-9)
                issues.push_back({ node.id,
                    name + ": the percentages add up to " + percentText(total)
                        + " %, they must add up to 100 %" });
        }
    } else if (node.kind == JourneyKind::kSend) {
        const std::string channel = config.value("channel", json("")).is_string()
            ? config.value("channel", std::string())
            : std::string();
        const auto &known = JourneyValidator::channels();
        if (std::find(known.begin(), known.end(), channel) == known.end())
            issues.push_back({ node.id,
                name + ": \"" + channel
                    + "\" is not a channel Clientele can send on (email, push, sms, banner, "
                      "ad_audience)" });
        for (const char *field : { "subject", "body" }) {
            const json value = config.value(field, json(""));
            if (!value.is_string())
                continue;
            for (const std::string &token : JourneyMessage::unknownTokens(value.get<std::string>()))
                issues.push_back({ node.id,
                    name + ": the " + field + " uses {{" + token
                        + "}}, which is not a known field (first_name, cart.items, cart.value)" });
        }
        if (config.contains("offer")) {
            const json &offer = config.at("offer");
            const std::string kind = offer.is_object() ? offer.value("kind", std::string()) : "";
            if (kind == "discount") {
                if (!positiveNumber(offer, "percent") || offer.at("percent").get<double>() > 100)
                    issues.push_back(
                        { node.id, name + ": the discount needs a percentage (1–100)" });
            } else if (kind == "loyalty_reward") {
                if (!positiveNumber(offer, "value"))
                    issues.push_back({ node.id, name + ": the reward needs a value" });
            } else {
                issues.push_back(
                    { node.id, name + ": an offer is a discount or a loyalty_reward" });
            }
        }
    } else if (node.kind == JourneyKind::kUpdateProfile) {
        if (!nonEmptyText(config, "tag"))
            issues.push_back({ node.id, name + ": choose the tag to set" });
    } else if (node.kind != JourneyKind::kExit) {
        issues.push_back({ node.id, name + ": \"" + node.kind + "\" is not a kind of step" });
    }
}

} // namespace

int JourneyValidator::weekdayIndex(const std::string &day)
{
    static const std::vector<std::string> days { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
    const auto found = std::find(days.begin(), days.end(), day);
    return found == days.end() ? -1 : static_cast<int>(found - days.begin());
}

std::optional<ConnectionProblem> JourneyValidator::connectionProblem(
    const Journey &journey, const JourneyConnection &connection, std::size_t existing)
{
    const JourneyNode *from = journey.node(connection.fromNode);
    const JourneyNode *to = journey.node(connection.toNode);
    if (!from || !to)
        return ConnectionProblem::UnknownStep;
    if (from->id == to->id)
        return ConnectionProblem::ToItself;
    if (to->kind == JourneyKind::kEntry)
        return ConnectionProblem::IntoEntry;
    const std::vector<std::string> ports = Journey::outputPorts(*from);
    if (std::find(ports.begin(), ports.end(), connection.fromPort) == ports.end())
        return ConnectionProblem::UnknownExit;
    if (connection.toPort != "in")
        return ConnectionProblem::UnknownInput;
    const std::size_t drawn = std::min(existing, journey.connections.size());
    for (std::size_t i = 0; i < drawn; ++i) {
        const JourneyConnection &other = journey.connections[i];
        if (other.fromNode == connection.fromNode && other.fromPort == connection.fromPort)
            return ConnectionProblem::ExitTaken;
    }
    return std::nullopt;
}

const std::vector<std::string> &JourneyValidator::channels()
{
    static const std::vector<std::string> known { "email", "push", "sms", "banner", "ad_audience" };
    return known;
}

std::vector<JourneyIssue> JourneyValidator::validate(const Journey &journey)
{
    std::vector<JourneyIssue> issues;
    if (!journey.settings.goalEvent.empty()
        && journey.settings.goalEvent.find(' ') != std::string::npos)
        issues.push_back({ "", "The goal must be an event key such as order_completed" });
    if (const auto &cap = journey.settings.frequencyCap; cap && (cap->sends < 1 || cap->days < 1))
        issues.push_back({ "", "The frequency cap needs at least 1 send in at least 1 day" });
    if (const auto &quiet = journey.settings.quietHours; quiet
        && (quiet->startHour < 0 || quiet->startHour > 23 || quiet->endHour < 0
            || quiet->endHour > 23 || quiet->startHour == quiet->endHour))
        issues.push_back({ "", "Quiet hours need a start and an end hour between 0 and 23" });

    std::vector<const JourneyNode *> entries;
    for (const JourneyNode &node : journey.nodes) {
        checkConfig(node, issues);
        if (node.kind == JourneyKind::kEntry)
            entries.push_back(&node);
    }
    if (entries.empty())
        issues.push_back(
            { "", "The journey has no entry: add an Entry step that says who comes in" });
    for (std::size_t i = 1; i < entries.size(); ++i)
        issues.push_back({ entries[i]->id,
            entries[i]->displayName()
                + ": a journey has exactly one entry, this is a second one" });

    // Connections: each judged by connectionProblem against the ones before it.
    std::map<std::string, std::vector<std::string>> next;
    std::set<std::pair<std::string, std::string>> wired;
    for (std::size_t i = 0; i < journey.connections.size(); ++i) {
        const JourneyConnection &connection = journey.connections[i];
        const JourneyNode *from = journey.node(connection.fromNode);
        const JourneyNode *to = journey.node(connection.toNode);
        if (const auto problem = connectionProblem(journey, connection, i)) {
            switch (*problem) {
            case ConnectionProblem::UnknownStep:
                issues.push_back({ from ? from->id : std::string(),
                    "A connection goes from \"" + connection.fromNode + "\" to \""
                        + connection.toNode + "\", but there is no such step" });
                continue;
            case ConnectionProblem::UnknownExit:
                issues.push_back({ from->id,
                    from->displayName() + " has no exit called \"" + connection.fromPort + "\"" });
                continue;
            case ConnectionProblem::ToItself:
                issues.push_back({ from->id, from->displayName() + " leads to itself" });
                break;
            case ConnectionProblem::IntoEntry:
                issues.push_back(
                    { to->id, to->displayName() + ": nothing can lead back into the entry" });
                break;
            case ConnectionProblem::UnknownInput:
                issues.push_back({ to->id, to->displayName() + " has only one input, \"in\"" });
                break;
            case ConnectionProblem::ExitTaken:
                issues.push_back({ from->id,
                    from->displayName() + ": the exit \"" + connection.fromPort
                        + "\" is connected twice; each exit leads to one step" });
                break;
            }
        }
        wired.insert({ from->id, connection.fromPort });
        next[from->id].push_back(to->id);
    }
    for (const JourneyNode &node : journey.nodes)
        for (const std::string &port : Journey::outputPorts(node))
            if (!wired.count({ node.id, port })) {
                if (node.kind == JourneyKind::kWaitUntil)
                    issues.push_back({ node.id,
                        node.displayName() + ": connect both exits, \"event\" and \"timeout\" ("
                            + port + " is not connected)" });
                else
                    issues.push_back({ node.id,
                        node.displayName() + ": the exit \"" + port
                            + "\" leads nowhere; every path must end in an Exit" });
            }

    // Reachability from the entry.
    if (entries.size() == 1) {
        std::set<std::string> seen { entries.front()->id };
        std::vector<std::string> todo { entries.front()->id };
        while (!todo.empty()) {
            const std::string id = todo.back();
            todo.pop_back();
            for (const std::string &to : next[id])
                if (seen.insert(to).second)
                    todo.push_back(to);
        }
        for (const JourneyNode &node : journey.nodes)
            if (!seen.count(node.id))
                issues.push_back({ node.id,
                    node.displayName()
                        + " cannot be reached from the entry: connect it or "
                          "delete it" });
    }

    // Loops: a loop must pass a wait, else a shopper would go round it in no time.
    std::map<std::string, int> state; // 1 = on the path, 2 = done
    std::set<std::string> reported;
    std::function<void(const std::string &)> visit = [&](const std::string &id) {
        state[id] = 1;
        const JourneyNode *node = journey.node(id);
        const bool waits
            = node && (node->kind == JourneyKind::kWait || node->kind == JourneyKind::kWaitUntil);
        if (!waits)
            for (const std::string &to : next[id]) {
                if (state[to] == 1) {
                    if (reported.insert(to).second)
                        issues.push_back({ to,
                            journey.node(to)->displayName()
                                + " is part of a loop without a wait: add a Wait to the loop" });
                } else if (state[to] == 0) {
                    visit(to);
                }
            }
        state[id] = 2;
    };
    for (const JourneyNode &node : journey.nodes)
        if (state[node.id] == 0)
            visit(node.id);
    return issues;
}

} // namespace clientele
