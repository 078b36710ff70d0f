#include "SegmentValidator.h"

#include "FieldRegistry.h"
#include "SegmentStore.h"

#include "common/Time.h"
#include "profile/Rfm.h"

#include <algorithm>
#include <cmath>

namespace clientele {

namespace {

using json = nlohmann::json;

std::string inQuotes(const std::string &text)
{
    return "\"" + text + "\"";
}

std::string joined(const std::vector<std::string> &items, const std::string &last = " or ")
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            text += i + 1 == items.size() ? last : ", ";
        text += items[i];
    }
    return text;
}

bool contains(const std::vector<std::string> &items, const std::string &item)
{
    return std::find(items.begin(), items.end(), item) != items.end();
}

/// A whole number (2 or 2.0) ≥ minimum.
bool isWholeAtLeast(const json &value, std::int64_t minimum)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>() >= minimum;
    if (value.is_number_float()) {
        const double number = value.get<double>();
        return std::isfinite(number) && std::floor(number) == number
            && number >= static_cast<double>(minimum) && number < 1e15;
    }
    return false;
}

std::string shown(const json &value)
{
    return value.is_null() ? std::string("nothing") : value.dump();
}

bool isDate(const json &value)
{
    return value.is_string() && parseIsoDate(value.get<std::string>()).has_value();
}

bool isNumber(const json &value)
{
    return value.is_number() && std::isfinite(value.get<double>());
}

class Walker {
public:
    Walker(const FieldRegistry &fields, SegmentStore *store, const ValidationOptions &options,
        std::vector<ValidationIssue> &issues)
        : fields_(fields)
        , store_(store)
        , options_(options)
        , issues_(issues)
    {
        if (!options.selfName.empty())
            chain_.push_back(options.selfName);
    }

    void condition(const Condition &condition, const std::string &path)
    {
        std::visit([&](const auto &node) { visit(node, path); }, condition.node);
    }

private:
    void issue(const std::string &path, const std::string &message)
    {
        issues_.push_back({ path, prefix_ + message });
    }

    void visit(const GroupCondition &group, const std::string &path)
    {
        if (group.conditions.empty())
            issue(path, "This group is empty: add a condition or remove the group.");
        for (std::size_t i = 0; i < group.conditions.size(); ++i)
            condition(group.conditions[i], path + "/conditions/" + std::to_string(i));
    }

    void visit(const TraitCondition &trait, const std::string &path)
    {
        if (trait.field.empty())
            return; // already reported by the parser
        const FieldInfo *info = fields_.trait(trait.field);
        if (!info) {
            issue(path + "/field", "Unknown field " + inQuotes(trait.field) + ".");
            return;
        }
        if (options_.asOf && !info->asOf) {
            issue(path + "/field",
                inQuotes(info->label) + " (" + info->key
                    + ") cannot be computed as of a past date: the workspace keeps only its "
                      "current value. Remove the condition or count as of today.");
        }
        value(*info, trait.op, trait.value, path);
    }

    /// Checks that op applies to the field and that value suits op.
    void value(
        const FieldInfo &info, const std::string &op, const json &value, const std::string &path)
    {
        if (op.empty())
            return;
        if (!contains(info.operators, op)) {
            const std::string kind = info.key == "props"
                ? std::string("an event property")
                : "a " + FieldRegistry::typeName(info.type) + " field";
            issue(path + "/op",
                "Operator " + inQuotes(op) + " does not apply to " + kind + " ("
                    + inQuotes(info.key) + "); use " + joined(info.operators) + ".");
            return;
        }
        const std::string valuePath = path + "/value";
        const std::string name = inQuotes(info.key == "props" ? std::string("property") : info.key);
        if (op == "is_set" || op == "is_not_set")
            return;
        const bool numeric = info.type == FieldType::Number
            || (info.key == "props"
                && (op == "=" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">="
                    || op == "between"));
        if (info.type == FieldType::Date) {
            if (op == "before" || op == "after") {
                if (!isDate(value))
                    issue(valuePath,
                        name + " needs a date like 2026-01-31, not " + shown(value) + ".");
            } else if (op == "between") {
                dateRange(value, valuePath, name);
            } else if (!isWholeAtLeast(value, 1)) {
                issue(valuePath,
                    "The number of days must be a whole number ≥ 1, not " + shown(value) + ".");
            }
            return;
        }
        if (numeric) {
            if (op == "between") {
                if (!value.is_array() || value.size() != 2 || !isNumber(value.at(0))
                    || !isNumber(value.at(1))
                    || value.at(0).get<double>() > value.at(1).get<double>())
                    issue(valuePath,
                        inQuotes("between") + " needs two numbers [low, high] with low ≤ high, not "
                            + shown(value) + ".");
            } else if (!isNumber(value)) {
                issue(valuePath, name + " needs a number, e.g. 100, not " + shown(value) + ".");
            }
            return;
        }
        if (info.type == FieldType::Boolean) {
            if (!value.is_boolean())
                issue(valuePath, name + " needs true or false, not " + shown(value) + ".");
            return;
        }
        if (op == "one_of") {
            if (!value.is_array() || value.empty()) {
                issue(valuePath, inQuotes("one_of") + " needs a list of one or more texts.");
                return;
            }
            for (std::size_t i = 0; i < value.size(); ++i)
                text(value.at(i), valuePath + "/" + std::to_string(i), name, false);
            return;
        }
        text(value, valuePath, name,
            op == "contains" || op == "starts_with" || op == "ends_with"
                || op == "does_not_contain");
    }

    void text(const json &value, const std::string &path, const std::string &name, bool nonEmpty)
    {
        if (!value.is_string()) {
            issue(path, name + " needs a text value, not " + shown(value) + ".");
            return;
        }
        const std::string &text = value.get_ref<const std::string &>();
        if (text.find('\0') != std::string::npos)
            issue(path, "A value cannot contain a NUL character (an invisible control code).");
        else if (nonEmpty && text.empty())
            issue(path, "Type the text to look for.");
    }

    void dateRange(const json &value, const std::string &path, const std::string &name)
    {
        if (!value.is_array() || value.size() != 2 || !isDate(value.at(0))
            || !isDate(value.at(1))) {
            issue(path,
                name + " needs two dates [\"YYYY-MM-DD\", \"YYYY-MM-DD\"], not " + shown(value)
                    + ".");
            return;
        }
        if (*parseIsoDate(value.at(0).get<std::string>())
            > *parseIsoDate(value.at(1).get<std::string>()))
            issue(path, "The first date must not be after the second.");
    }

    void window(const TimeWindow &window, const std::string &path)
    {
        if (window.kind == TimeWindow::Kind::InLastDays && !isWholeAtLeast(window.days, 1))
            issue(path + "/in_last_days",
                "The number of days must be a whole number ≥ 1, not " + shown(window.days) + ".");
        if (window.kind == TimeWindow::Kind::Between)
            dateRange(
                json::array({ window.from, window.to }), path + "/between", inQuotes("between"));
    }

    void filter(const EventFilter &filter, const std::string &path)
    {
        if (filter.event.empty())
            return;
        const bool snake = filter.event.size() <= 100 && filter.event.front() >= 'a'
            && filter.event.front() <= 'z'
            && std::all_of(filter.event.begin(), filter.event.end(), [](char c) {
                   return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
               });
        if (!snake)
            issue(path + "/event",
                inQuotes(filter.event)
                    + " is not an event key; event keys are snake_case, e.g. \"product_added\".");
        for (std::size_t i = 0; i < filter.where.size(); ++i) {
            const PropertyCondition &condition = filter.where[i];
            const std::string wherePath = path + "/where/" + std::to_string(i);
            if (condition.property.empty())
                continue;
            const FieldInfo *info = fields_.eventProperty(condition.property);
            if (!info) {
                std::vector<std::string> names;
                for (const FieldInfo &property : fields_.eventProperties())
                    names.push_back(property.key);
                names.push_back("props.PATH");
                issue(wherePath + "/property",
                    "Unknown event property " + inQuotes(condition.property) + "; use "
                        + joined(names) + ".");
                continue;
            }
            value(*info, condition.op, condition.value, wherePath);
        }
    }

    void visit(const EventCondition &event, const std::string &path)
    {
        filter(event.filter, path);
        window(event.when, path + "/when");
        if (event.count && event.sum)
            issue(path, "Use either \"count\" or \"sum\", not both.");
        if (!event.did && (event.count || event.sum))
            issue(path + "/did",
                "\"did\": false cannot have a count or a sum; use \"did\": true with "
                "{\"op\": \"at_most\", \"value\": N} instead.");
        if (event.count && !event.count->op.empty()) {
            const std::string &op = event.count->op;
            if (op != "at_least" && op != "at_most" && op != "exactly")
                issue(path + "/count/op",
                    "Unknown count " + inQuotes(op) + ": use at_least, at_most or exactly.");
            else if (!isWholeAtLeast(event.count->value, op == "at_least" ? 1 : 0))
                issue(path + "/count/value",
                    std::string("N must be a whole number ≥ ") + (op == "at_least" ? "1" : "0")
                        + ", not " + shown(event.count->value) + ".");
        }
        if (event.sum) {
            const std::string &of = event.sum->property;
            if (!of.empty() && of != "value" && of != "quantity" && of != "line_value")
                issue(path + "/sum/of",
                    "Cannot add up " + inQuotes(of) + ": use value, quantity or line_value.");
            FieldInfo number;
            number.key = "sum";
            number.type = FieldType::Number;
            number.operators = { "=", "!=", "<", "<=", ">", ">=", "between" };
            value(number, event.sum->op, event.sum->value, path + "/sum");
        }
    }

    void visit(const SequenceCondition &sequence, const std::string &path)
    {
        filter(sequence.first, path + "/first");
        filter(sequence.then, path + "/then");
        window(sequence.when, path + "/when");
        if (!isWholeAtLeast(sequence.withinHours, 1))
            issue(path + "/within_hours",
                "\"within_hours\" must be a whole number ≥ 1, not " + shown(sequence.withinHours)
                    + ".");
    }

    void visit(const MembershipCondition &membership, const std::string &path)
    {
        if (membership.segment.empty())
            return;
        if (!store_) {
            issue(path + "/segment", "Saved segments cannot be used here.");
            return;
        }
        if (contains(chain_, membership.segment)) {
            std::string cycle = "Cycle: segment " + inQuotes(chain_.front());
            for (std::size_t i = 1; i < chain_.size(); ++i)
                cycle += " includes " + inQuotes(chain_[i]) + ", which";
            cycle += " includes " + inQuotes(membership.segment)
                + ". A segment cannot include itself.";
            issue(path + "/segment", cycle);
            return;
        }
        const auto saved = store_->find(membership.segment);
        if (!saved) {
            issue(path + "/segment",
                "There is no saved segment " + inQuotes(membership.segment) + ".");
            return;
        }
        if (chain_.size() > 16) {
            issue(path + "/segment", "Segments include each other too deeply (more than 16).");
            return;
        }
        // The included segment's own problems are reported at this condition.
        chain_.push_back(membership.segment);
        const std::string prefix = prefix_;
        prefix_ += "In segment " + inQuotes(membership.segment) + ": ";
        std::vector<ValidationIssue> inner;
        std::swap(inner, issues_);
        condition(saved->definition.rule, "/rule");
        std::swap(inner, issues_);
        for (ValidationIssue &found : inner)
            issues_.push_back({ path + "/segment", found.message });
        prefix_ = prefix;
        chain_.pop_back();
    }

    void visit(const RfmCondition &rfm, const std::string &path)
    {
        if (options_.asOf)
            issue(path,
                "RFM groups cannot be computed as of a past date: the workspace keeps only the "
                "current scores. Remove the condition or count as of today.");
        if (rfm.groups.empty())
            issue(path + "/groups", "Choose at least one RFM group.");
        std::vector<std::string> keys;
        for (const char *key : rfmGroupKeys())
            keys.emplace_back(key);
        for (std::size_t i = 0; i < rfm.groups.size(); ++i) {
            if (!contains(keys, rfm.groups[i]))
                issue(path + "/groups/" + std::to_string(i),
                    "Unknown RFM group " + inQuotes(rfm.groups[i]) + "; the groups are "
                        + joined(keys, " and ") + ".");
        }
    }

    void visit(const ConsentCondition &consent, const std::string &path)
    {
        if (consent.channel.empty())
            return;
        if (consent.channel != "email" && consent.channel != "sms" && consent.channel != "push")
            issue(path + "/channel",
                "Unknown consent channel " + inQuotes(consent.channel)
                    + ": use email, sms or push.");
    }

    const FieldRegistry &fields_;
    SegmentStore *store_;
    const ValidationOptions &options_;
    std::vector<ValidationIssue> &issues_;
    std::vector<std::string> chain_;
    std::string prefix_;
};

} // namespace

SegmentValidator::SegmentValidator(const FieldRegistry &fields, SegmentStore *store)
    : fields_(fields)
    , store_(store)
{
}

std::vector<ValidationIssue> SegmentValidator::validate(
    const SegmentDefinition &definition, const ValidationOptions &options) const
{
    std::vector<ValidationIssue> issues;
    Walker walker(fields_, store_, options, issues);
    walker.condition(definition.rule, "/rule");
    return issues;
}

std::vector<ValidationIssue> SegmentValidator::validateJson(
    const nlohmann::json &document, const ValidationOptions &options) const
{
    std::vector<ValidationIssue> issues;
    const SegmentDefinition definition = SegmentDefinition::parse(document, issues);
    // A structurally broken document leaves placeholders (empty groups) that would only
    // add confusing follow-up messages.
    if (!issues.empty())
        return issues;
    return validate(definition, options);
}

} // namespace clientele
