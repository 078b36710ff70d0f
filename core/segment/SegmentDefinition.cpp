#include "SegmentDefinition.h"

#include <set>

namespace clientele {

namespace {

using json = nlohmann::json;

std::string joinedMessages(const std::vector<ValidationIssue> &issues)
{
    std::string text;
    for (const ValidationIssue &issue : issues) {
        if (!text.empty())
            text += '\n';
        text += issue.message;
        if (!issue.path.empty())
            text += " (at " + issue.path + ")";
    }
    return text.empty() ? std::string("The segment is not valid.") : text;
}

std::string quotedKey(const std::string &key)
{
    return "\"" + key + "\"";
}

/// Reads one condition object; records issues instead of throwing.
class Parser {
public:
    explicit Parser(std::vector<ValidationIssue> &issues)
        : issues_(issues)
    {
    }

    Condition condition(const json &node, const std::string &path, int depth)
    {
        if (depth > kMaxDepth) {
            issue(path, "The rule is nested too deeply (more than 32 levels).");
            return emptyGroup();
        }
        if (!node.is_object()) {
            issue(path, "A condition must be a JSON object such as {\"type\": \"trait\", …}.");
            return emptyGroup();
        }
        const auto type = node.find("type");
        if (type == node.end() || !type->is_string()) {
            issue(path + "/type",
                "A condition needs a \"type\": all, any, none, trait, event, sequence, segment, "
                "rfm or consent.");
            return emptyGroup();
        }
        const std::string kind = type->get<std::string>();
        if (kind == "all" || kind == "any" || kind == "none")
            return Condition { group(node, kind, path, depth) };
        if (kind == "trait")
            return Condition { trait(node, path) };
        if (kind == "event")
            return Condition { event(node, path) };
        if (kind == "sequence")
            return Condition { sequence(node, path) };
        if (kind == "segment")
            return Condition { membership(node, path) };
        if (kind == "rfm")
            return Condition { rfm(node, path) };
        if (kind == "consent")
            return Condition { consent(node, path) };
        issue(path + "/type",
            "Unknown condition type \"" + kind
                + "\": use all, any, none, trait, event, sequence, segment, rfm or consent.");
        return emptyGroup();
    }

    TimeWindow window(const json &node, const std::string &path)
    {
        TimeWindow window;
        if (node.is_null() || (node.is_string() && node.get<std::string>() == "ever"))
            return window;
        if (!node.is_object() || node.size() != 1) {
            issue(path,
                "\"when\" must be \"ever\", {\"in_last_days\": N} or "
                "{\"between\": [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]}.");
            return window;
        }
        if (node.contains("in_last_days")) {
            window.kind = TimeWindow::Kind::InLastDays;
            window.days = node.at("in_last_days");
        } else if (node.contains("between")) {
            const json &range = node.at("between");
            window.kind = TimeWindow::Kind::Between;
            if (range.is_array() && range.size() == 2) {
                window.from = range.at(0);
                window.to = range.at(1);
            } else {
                issue(path + "/between",
                    "\"between\" needs two dates: [\"YYYY-MM-DD\", \"YYYY-MM-DD\"].");
            }
        } else {
            issue(path,
                "\"when\" must be \"ever\", {\"in_last_days\": N} or "
                "{\"between\": [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]}.");
        }
        return window;
    }

private:
    static constexpr int kMaxDepth = 32;

    static Condition emptyGroup() { return Condition { GroupCondition {} }; }

    void issue(const std::string &path, const std::string &message)
    {
        issues_.push_back({ path, message });
    }

    void onlyKeys(const json &node, const std::string &path, const std::set<std::string> &allowed)
    {
        for (const auto &item : node.items()) {
            if (!allowed.count(item.key()))
                issue(path + "/" + item.key(), "Unknown key " + quotedKey(item.key()) + ".");
        }
    }

    std::string text(
        const json &node, const char *key, const std::string &path, const std::string &what)
    {
        const auto it = node.find(key);
        if (it == node.end() || !it->is_string()) {
            issue(path + "/" + key, what);
            return {};
        }
        return it->get<std::string>();
    }

    bool flag(const json &node, const char *key, bool fallback, const std::string &path)
    {
        const auto it = node.find(key);
        if (it == node.end())
            return fallback;
        if (!it->is_boolean()) {
            issue(path + "/" + key, quotedKey(key) + " must be true or false.");
            return fallback;
        }
        return it->get<bool>();
    }

    GroupCondition group(
        const json &node, const std::string &kind, const std::string &path, int depth)
    {
        onlyKeys(node, path, { "type", "conditions" });
        GroupCondition group;
        group.match = kind == "all" ? GroupCondition::Match::All
            : kind == "any"         ? GroupCondition::Match::Any
                                    : GroupCondition::Match::None;
        const auto conditions = node.find("conditions");
        if (conditions == node.end() || !conditions->is_array()) {
            issue(path + "/conditions", "A group needs a \"conditions\" list.");
            return group;
        }
        for (std::size_t i = 0; i < conditions->size(); ++i)
            group.conditions.push_back(
                condition(conditions->at(i), path + "/conditions/" + std::to_string(i), depth + 1));
        return group;
    }

    TraitCondition trait(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "field", "op", "value" });
        TraitCondition trait;
        trait.field
            = text(node, "field", path, "A trait condition needs a \"field\", e.g. \"revenue\".");
        trait.op = text(node, "op", path, "A trait condition needs an \"op\", e.g. \">\".");
        trait.value = node.value("value", json());
        return trait;
    }

    std::vector<PropertyCondition> where(const json &node, const std::string &path)
    {
        std::vector<PropertyCondition> conditions;
        const auto it = node.find("where");
        if (it == node.end())
            return conditions;
        if (!it->is_array()) {
            issue(path + "/where", "\"where\" must be a list of property conditions.");
            return conditions;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json &item = it->at(i);
            const std::string itemPath = path + "/where/" + std::to_string(i);
            if (!item.is_object()) {
                issue(itemPath,
                    "A property condition must be an object like {\"property\": "
                    "\"category\", \"op\": \"is\", \"value\": \"shoes\"}.");
                continue;
            }
            onlyKeys(item, itemPath, { "property", "op", "value" });
            PropertyCondition condition;
            condition.property = text(item, "property", itemPath,
                "A property condition needs a \"property\", e.g. \"category\".");
            condition.op = text(item, "op", itemPath, "A property condition needs an \"op\".");
            condition.value = item.value("value", json());
            conditions.push_back(std::move(condition));
        }
        return conditions;
    }

    EventFilter filter(const json &node, const std::string &path)
    {
        EventFilter filter;
        filter.event
            = text(node, "event", path, "Name the event, e.g. \"event\": \"product_added\".");
        filter.where = where(node, path);
        return filter;
    }

    std::optional<PropertyCondition> rule(const json &node, const char *key,
        const std::string &path, const std::set<std::string> &keys)
    {
        const auto it = node.find(key);
        if (it == node.end() || it->is_null())
            return std::nullopt;
        const std::string rulePath = path + "/" + key;
        if (!it->is_object()) {
            issue(rulePath, quotedKey(key) + " must be an object with \"op\" and \"value\".");
            return std::nullopt;
        }
        onlyKeys(*it, rulePath, keys);
        PropertyCondition condition;
        if (keys.count("of"))
            condition.property = text(*it, "of", rulePath,
                "Say what to add up: \"of\": \"value\", \"quantity\" or \"line_value\".");
        condition.op = text(*it, "op", rulePath, quotedKey(key) + " needs an \"op\".");
        condition.value = it->value("value", json());
        return condition;
    }

    EventCondition event(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "event", "did", "where", "count", "sum", "when" });
        EventCondition event;
        event.filter = filter(node, path);
        event.did = flag(node, "did", true, path);
        event.count = rule(node, "count", path, { "op", "value" });
        event.sum = rule(node, "sum", path, { "of", "op", "value" });
        event.when = window(node.value("when", json()), path + "/when");
        return event;
    }

    EventFilter step(const json &node, const char *key, const std::string &path)
    {
        const auto it = node.find(key);
        const std::string stepPath = path + "/" + key;
        if (it == node.end() || !it->is_object()) {
            issue(stepPath,
                "A sequence needs " + quotedKey(key) + ": {\"event\": \"…\", \"where\": […]}.");
            return {};
        }
        onlyKeys(*it, stepPath, { "event", "where" });
        return filter(*it, stepPath);
    }

    SequenceCondition sequence(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "first", "then", "then_did", "within_hours", "when" });
        SequenceCondition sequence;
        sequence.first = step(node, "first", path);
        sequence.then = step(node, "then", path);
        sequence.thenDid = flag(node, "then_did", false, path);
        sequence.withinHours = node.value("within_hours", json());
        sequence.when = window(node.value("when", json()), path + "/when");
        return sequence;
    }

    MembershipCondition membership(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "segment", "member" });
        MembershipCondition membership;
        membership.segment
            = text(node, "segment", path, "Name the saved segment: \"segment\": \"…\".");
        membership.member = flag(node, "member", true, path);
        return membership;
    }

    RfmCondition rfm(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "groups" });
        RfmCondition rfm;
        const auto groups = node.find("groups");
        if (groups == node.end() || !groups->is_array()) {
            issue(path + "/groups",
                "An RFM condition needs a list of \"groups\", e.g. [\"champions\"].");
            return rfm;
        }
        for (std::size_t i = 0; i < groups->size(); ++i) {
            if (groups->at(i).is_string())
                rfm.groups.push_back(groups->at(i).get<std::string>());
            else
                issue(path + "/groups/" + std::to_string(i),
                    "An RFM group is a name such as \"champions\".");
        }
        return rfm;
    }

    ConsentCondition consent(const json &node, const std::string &path)
    {
        onlyKeys(node, path, { "type", "channel" });
        ConsentCondition consent;
        consent.channel = text(node, "channel", path,
            "Name the channel: \"channel\": \"email\", \"sms\" or \"push\".");
        return consent;
    }

    std::vector<ValidationIssue> &issues_;
};

json windowToJson(const TimeWindow &window)
{
    switch (window.kind) {
    case TimeWindow::Kind::InLastDays:
        return json { { "in_last_days", window.days } };
    case TimeWindow::Kind::Between:
        return json { { "between", json::array({ window.from, window.to }) } };
    case TimeWindow::Kind::Ever:
        break;
    }
    return "ever";
}

json whereToJson(const std::vector<PropertyCondition> &where)
{
    json list = json::array();
    for (const PropertyCondition &condition : where) {
        json item { { "property", condition.property }, { "op", condition.op } };
        if (!condition.value.is_null())
            item["value"] = condition.value;
        list.push_back(std::move(item));
    }
    return list;
}

json filterToJson(const EventFilter &filter)
{
    json node { { "event", filter.event } };
    if (!filter.where.empty())
        node["where"] = whereToJson(filter.where);
    return node;
}

struct ToJson {
    json operator()(const GroupCondition &group) const
    {
        json conditions = json::array();
        for (const Condition &condition : group.conditions)
            conditions.push_back(conditionToJson(condition));
        const char *type = group.match == GroupCondition::Match::All ? "all"
            : group.match == GroupCondition::Match::Any              ? "any"
                                                                     : "none";
        return json { { "type", type }, { "conditions", std::move(conditions) } };
    }
    json operator()(const TraitCondition &trait) const
    {
        json node { { "type", "trait" }, { "field", trait.field }, { "op", trait.op } };
        if (!trait.value.is_null())
            node["value"] = trait.value;
        return node;
    }
    json operator()(const EventCondition &event) const
    {
        json node = filterToJson(event.filter);
        node["type"] = "event";
        node["did"] = event.did;
        if (event.count)
            node["count"] = json { { "op", event.count->op }, { "value", event.count->value } };
        if (event.sum)
            node["sum"] = json { { "of", event.sum->property }, { "op", event.sum->op },
                { "value", event.sum->value } };
        if (event.when.kind != TimeWindow::Kind::Ever)
            node["when"] = windowToJson(event.when);
        return node;
    }
    json operator()(const SequenceCondition &sequence) const
    {
        json node { { "type", "sequence" }, { "first", filterToJson(sequence.first) },
            { "then", filterToJson(sequence.then) }, { "then_did", sequence.thenDid },
            { "within_hours", sequence.withinHours } };
        if (sequence.when.kind != TimeWindow::Kind::Ever)
            node["when"] = windowToJson(sequence.when);
        return node;
    }
    json operator()(const MembershipCondition &membership) const
    {
        return json { { "type", "segment" }, { "segment", membership.segment },
            { "member", membership.member } };
    }
    json operator()(const RfmCondition &rfm) const
    {
        return json { { "type", "rfm" }, { "groups", rfm.groups } };
    }
    json operator()(const ConsentCondition &consent) const
    {
        return json { { "type", "consent" }, { "channel", consent.channel } };
    }
};

} // namespace

SegmentError::SegmentError(std::vector<ValidationIssue> issues)
    : std::runtime_error(joinedMessages(issues))
    , issues_(std::move(issues))
{
}

SegmentError::SegmentError(const std::string &path, const std::string &message)
    : SegmentError(std::vector<ValidationIssue> { { path, message } })
{
}

bool GroupCondition::operator==(const GroupCondition &) const = default;

json conditionToJson(const Condition &condition)
{
    return std::visit(ToJson {}, condition.node);
}

SegmentDefinition SegmentDefinition::parse(
    const json &document, std::vector<ValidationIssue> &issues)
{
    SegmentDefinition definition;
    definition.rule = Condition { GroupCondition {} };
    if (!document.is_object()) {
        issues.push_back({ "", "A segment is a JSON object with \"version\" and \"rule\"." });
        return definition;
    }
    const auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer()) {
        issues.push_back({ "/version", "The segment needs \"version\": 1." });
    } else if (version->get<std::int64_t>() != kVersion) {
        issues.push_back({ "/version",
            "This segment has format version " + version->dump()
                + "; this Clientele reads version 1 (a newer Clientele may have written it)." });
        return definition;
    }
    const auto rule = document.find("rule");
    if (rule == document.end()) {
        issues.push_back({ "/rule",
            "The segment needs a \"rule\": a group such as {\"type\": \"all\", \"conditions\": "
            "[…]}." });
        return definition;
    }
    Parser parser(issues);
    definition.rule = parser.condition(*rule, "/rule", 0);
    return definition;
}

SegmentDefinition SegmentDefinition::fromJson(const json &document)
{
    std::vector<ValidationIssue> issues;
    SegmentDefinition definition = parse(document, issues);
    if (!issues.empty())
        throw SegmentError(std::move(issues));
    return definition;
}

SegmentDefinition SegmentDefinition::fromText(const std::string &text)
{
    json document;
    try {
        document = json::parse(text);
    } catch (const json::parse_error &error) {
        throw SegmentError("", std::string("The segment is not valid JSON: ") + error.what());
    }
    return fromJson(document);
}

json SegmentDefinition::toJson() const
{
    return json { { "version", kVersion }, { "rule", conditionToJson(rule) } };
}

} // namespace clientele
