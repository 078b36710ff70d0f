#include "SegmentCompiler.h"

#include "FieldRegistry.h"
#include "SegmentStore.h"
#include "SegmentValidator.h"
#include "SqlDialect.h"

#include "common/TextFold.h"
#include "store/Database.h"

#include <cmath>

namespace clientele {

namespace {

using json = nlohmann::json;

/// Number of UTF-8 characters (code points) in text.
std::int64_t characterCount(const std::string &text)
{
    std::int64_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

Millis dateValue(const json &value)
{
    return parseIsoDate(value.get<std::string>()).value_or(0);
}

std::int64_t wholeValue(const json &value)
{
    return value.is_number_integer() ? value.get<std::int64_t>()
                                     : static_cast<std::int64_t>(value.get<double>());
}

/// Whether a count or sum of 0 satisfies "op value" (then profiles without any matching
/// event belong, and the set test is written as NOT IN the complement).
bool zeroSatisfies(const std::string &op, const json &value)
{
    if (op == "between")
        return value.at(0).get<double>() <= 0.0 && 0.0 <= value.at(1).get<double>();
    const double v = value.get<double>();
    if (op == "=" || op == "exactly")
        return v == 0.0;
    if (op == "!=")
        return v != 0.0;
    if (op == "<")
        return 0.0 < v;
    if (op == "<=" || op == "at_most")
        return 0.0 <= v;
    if (op == ">")
        return 0.0 > v;
    if (op == ">=" || op == "at_least")
        return 0.0 >= v;
    return false;
}

/// Builds SQL text and its parameters for one compilation.
class Emitter {
public:
    Emitter(const SqlDialect &dialect, const FieldRegistry &fields, SegmentStore *store,
        const EvaluationTime &time)
        : dialect_(dialect)
        , fields_(fields)
        , store_(store)
        , time_(time)
    {
    }

    std::vector<SqlValue> params;
    bool needsProfiles = false;
    bool needsAsOfOrders = false;

    std::string bind(SqlValue value)
    {
        params.push_back(std::move(value));
        return dialect_.placeholder(static_cast<int>(params.size()));
    }

    std::string bindNumber(const json &value)
    {
        if (value.is_number_integer())
            return bind(value.get<std::int64_t>());
        return bind(value.get<double>());
    }

    /// The "now" parameter, bound once and shared.
    std::string now()
    {
        if (now_.empty())
            now_ = bind(time_.now);
        return now_;
    }

    std::string condition(const Condition &condition)
    {
        return std::visit([this](const auto &node) { return visit(node); }, condition.node);
    }

    std::string measure(const Condition &condition)
    {
        return std::visit([this](const auto &node) { return measureOf(node); }, condition.node);
    }

    std::string asOfPopulation()
    {
        return "EXISTS (SELECT 1 FROM events AS x WHERE x.profile_id = pt.profile_id AND x.ts <= "
            + now() + ")";
    }

    std::string with()
    {
        if (!needsAsOfOrders)
            return {};
        // The order family as TraitBuilder defines it, from the events up to "now": one
        // order per order id (at its first event), cancelled orders and their refunds left
        // out, revenue = order values minus refunds.
        const std::string cancelled = "EXISTS (SELECT 1 FROM events AS c WHERE c.profile_id = "
                                      "%.profile_id AND "
            + dialect_.withoutIndex("c.type") + " = " + bind(std::string("order_cancelled"))
            + " AND c.ts <= " + now() + " AND c.order_id = %.order_id)";
        const auto notCancelled = [&cancelled](const std::string &alias) {
            std::string test = cancelled;
            for (std::size_t at = test.find('%'); at != std::string::npos; at = test.find('%'))
                test.replace(at, 1, alias);
            return "(" + alias + ".order_id IS NULL OR " + alias + ".order_id = '' OR NOT " + test
                + ")";
        };
        const std::string orderLines = "SELECT o.profile_id AS profile_id, min(o.ts) AS ts, "
                                       "total(o.value) AS value FROM events AS o WHERE o.type = "
            + bind(std::string("order_completed")) + " AND o.ts <= " + now() + " AND "
            + notCancelled("o") + " GROUP BY o.profile_id, coalesce(nullif(o.order_id, ''), -o.id)";
        const std::string orders = "SELECT profile_id, count(*) AS orders, total(value) AS value, "
                                   "min(ts) AS first_order, max(ts) AS last_order FROM "
                                   "asof_order_lines GROUP BY profile_id";
        const std::string refunds
            = "SELECT r.profile_id AS profile_id, total(abs(r.value)) AS value FROM events AS r "
              "WHERE r.type = "
            + bind(std::string("order_refunded")) + " AND r.ts <= " + now() + " AND "
            + notCancelled("r") + " GROUP BY r.profile_id";
        return "WITH " + dialect_.materializedCte("asof_order_lines", orderLines) + ", "
            + dialect_.materializedCte("asof_orders", orders) + ", "
            + dialect_.materializedCte("asof_refunds", refunds);
    }

    std::string from() const
    {
        std::string from = "profile_traits AS pt";
        if (needsProfiles)
            from += " JOIN profiles AS p ON p.id = pt.profile_id";
        if (needsAsOfOrders)
            from += " LEFT JOIN asof_orders AS ao ON ao.profile_id = pt.profile_id"
                    " LEFT JOIN asof_refunds AS ar ON ar.profile_id = pt.profile_id";
        return from;
    }

private:
    // ---- groups and leaves -------------------------------------------------------------

    std::string visit(const GroupCondition &group)
    {
        if (group.conditions.empty())
            return group.match == GroupCondition::Match::Any ? "0" : "1";
        std::string joined;
        const char *glue = group.match == GroupCondition::Match::All ? " AND " : " OR ";
        for (const Condition &child : group.conditions) {
            if (!joined.empty())
                joined += glue;
            // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "(" + std::string.
            joined.append("(").append(condition(child)).append(")");
        }
        if (group.match == GroupCondition::Match::None)
            return negated(joined);
        return joined;
    }

    static std::string negated(const std::string &predicate)
    {
        return "coalesce((" + predicate + "), 0) = 0";
    }

    std::string visit(const TraitCondition &trait)
    {
        const FieldInfo &info = *fields_.trait(trait.field);
        return predicate(traitColumn(info), info, trait.op, trait.value);
    }

    std::string traitColumn(const FieldInfo &info)
    {
        if (info.needsProfiles)
            needsProfiles = true;
        if (!time_.asOf)
            return info.column;
        const std::string &key = info.key;
        const auto orders = [this](const std::string &expression) {
            needsAsOfOrders = true;
            return expression;
        };
        if (key == "orders")
            return orders("coalesce(ao.orders, 0)");
        if (key == "revenue")
            return orders("(coalesce(ao.value, 0) - coalesce(ar.value, 0))");
        if (key == "average_order_value")
            return orders("(CASE WHEN ao.orders > 0 THEN (coalesce(ao.value, 0) - "
                          "coalesce(ar.value, 0)) / ao.orders END)");
        if (key == "first_order")
            return orders("ao.first_order");
        if (key == "last_order")
            return orders("ao.last_order");
        if (key == "first_seen" || key == "last_seen")
            return std::string("(SELECT ") + (key == "first_seen" ? "min" : "max")
                + "(x.ts) FROM events AS x WHERE x.profile_id = pt.profile_id AND x.ts <= " + now()
                + ")";
        return info.column; // attributes that do not change with time
    }

    /// "expression op value" for a field of info's type.
    std::string predicate(const std::string &expression, const FieldInfo &info,
        const std::string &op, const json &value)
    {
        if (op == "is_set") {
            return info.type == FieldType::Text || info.type == FieldType::List
                ? "(" + expression + " IS NOT NULL AND " + expression + " <> '')"
                : expression + " IS NOT NULL";
        }
        if (op == "is_not_set") {
            return info.type == FieldType::Text || info.type == FieldType::List
                ? "(" + expression + " IS NULL OR " + expression + " = '')"
                : expression + " IS NULL";
        }
        switch (info.type) {
        case FieldType::Date:
            return datePredicate(expression, op, value);
        case FieldType::Boolean:
            return value.get<bool>() ? "coalesce(" + expression + ", 0) <> 0"
                                     : "coalesce(" + expression + ", 0) = 0";
        case FieldType::List:
            return listPredicate(expression, info, op, value);
        case FieldType::Number:
        case FieldType::Text:
            break;
        }
        if (op == "between")
            return expression + " BETWEEN " + bindNumber(value.at(0)) + " AND "
                + bindNumber(value.at(1));
        if (op == "=" || op == "<" || op == "<=" || op == ">" || op == ">=")
            return expression + " " + op + " " + bindNumber(value);
        if (op == "!=")
            return expression + " IS NOT " + bindNumber(value);
        if (op == "one_of") {
            std::vector<std::string> texts;
            for (const json &item : value)
                texts.push_back(item.get<std::string>());
            return textIn(expression, info, texts);
        }
        const std::string text = value.get<std::string>();
        if (op == "is")
            return textIn(expression, info, { text });
        if (op == "is_not")
            return negated(textIn(expression, info, { text }));
        if (op == "contains")
            return dialect_.containsText(expression, bind(text));
        if (op == "starts_with")
            return dialect_.startsWithText(expression, bind(text));
        if (op == "ends_with")
            return dialect_.endsWithText(
                expression, bind(text), bind(characterCount(TextFold::fold(text))));
        return "0";
    }

    /**
     * expression equals one of texts, compared folded (case-insensitively beyond ASCII).
     * On an indexed trait column the folded comparison runs over the column's distinct
     * values only, read by index seeks (one per distinct value, a loose index scan), and the
     * profiles are then found through the index as before: "country is de" still searches
     * profile_traits_country for the stored spellings that fold to "de".
     */
    std::string textIn(
        const std::string &expression, const FieldInfo &info, const std::vector<std::string> &texts)
    {
        std::string needles;
        for (const std::string &text : texts)
            needles += (needles.empty() ? "" : ", ") + dialect_.foldedText(bind(text));
        const std::string prefix = "pt.";
        if (!info.indexed || expression != info.column || expression.rfind(prefix, 0) != 0)
            return dialect_.foldedText(expression) + " IN (" + needles + ")";
        const std::string column = expression.substr(prefix.size());
        return expression + " IN (WITH RECURSIVE fv(v) AS (SELECT min(" + column
            + ") FROM profile_traits UNION ALL SELECT (SELECT min(" + column
            + ") FROM profile_traits WHERE " + column
            + " > fv.v) FROM fv WHERE fv.v IS NOT NULL) SELECT fv.v FROM fv WHERE "
            + dialect_.foldedText("fv.v") + " IN (" + needles + "))";
    }

    std::string datePredicate(
        const std::string &expression, const std::string &op, const json &value)
    {
        if (op == "before")
            return expression + " < " + bind(dateValue(value));
        if (op == "after")
            return expression + " >= " + bind(dateValue(value) + kMillisPerDay);
        if (op == "between")
            return "(" + expression + " >= " + bind(dateValue(value.at(0))) + " AND " + expression
                + " < " + bind(dateValue(value.at(1)) + kMillisPerDay) + ")";
        const Millis days = wholeValue(value) * kMillisPerDay;
        if (op == "in_last_days")
            return "(" + expression + " > " + bind(time_.now - days) + " AND " + expression
                + " <= " + now() + ")";
        if (op == "more_than_days_ago")
            return expression + " <= " + bind(time_.now - days);
        if (op == "in_next_days")
            return "(" + expression + " > " + now() + " AND " + expression
                + " <= " + bind(time_.now + days) + ")";
        return "0";
    }

    std::string listPredicate(const std::string &expression, const FieldInfo &info,
        const std::string &op, const json &value)
    {
        const std::string item = bind(value.get<std::string>());
        const std::string has = info.listFormat == "csv" ? dialect_.csvListHas(expression, item)
                                                         : "EXISTS (SELECT 1 FROM "
                + dialect_.jsonArrayElements(expression, bind(std::string("$")), "li") + " WHERE "
                + dialect_.jsonElement("li") + " = " + item + ")";
        return op == "contains" ? has : negated(has);
    }

    // ---- events ------------------------------------------------------------------------

    std::string window(const TimeWindow &window, const std::string &column)
    {
        switch (window.kind) {
        case TimeWindow::Kind::InLastDays:
            return column + " > " + bind(time_.now - wholeValue(window.days) * kMillisPerDay)
                + " AND " + column + " <= " + now();
        case TimeWindow::Kind::Between:
            return column + " >= " + bind(dateValue(window.from)) + " AND " + column + " < "
                + bind(dateValue(window.to) + kMillisPerDay) + " AND " + column + " <= " + now();
        case TimeWindow::Kind::Ever:
            break;
        }
        return column + " <= " + now();
    }

    /// True when the event at alias carries its own product (columns) rather than a list.
    static std::string ownProduct(const std::string &alias)
    {
        return "(" + alias + ".product_id IS NOT NULL OR " + alias + ".category IS NOT NULL)";
    }

    std::string productsOfBrandOrSku(const FieldInfo &info, const PropertyCondition &condition)
    {
        FieldInfo text = info;
        return "SELECT pr.id FROM products AS pr WHERE "
            + predicate("pr." + info.key, text, condition.op, condition.value);
    }

    /// The product property condition on one line (json element) of a product list.
    std::string linePredicate(
        const FieldInfo &info, const PropertyCondition &condition, const std::string &line)
    {
        const std::string element = dialect_.jsonElement(line);
        if (info.key == "brand")
            return dialect_.jsonValue(element, bind(std::string("$.product_id"))) + " IN ("
                + productsOfBrandOrSku(info, condition) + ")";
        return predicate(dialect_.jsonValue(element, bind("$." + info.lineKey)), info, condition.op,
            condition.value);
    }

    std::string ownPredicate(
        const FieldInfo &info, const PropertyCondition &condition, const std::string &alias)
    {
        if (info.key == "brand" || info.key == "sku")
            return alias + ".product_id IN (" + productsOfBrandOrSku(info, condition) + ")";
        return predicate(alias + "." + info.key, info, condition.op, condition.value);
    }

    std::string lines(const std::string &alias)
    {
        return dialect_.jsonArrayElements(alias + ".props", bind(std::string("$.products")), "li");
    }

    std::string property(const PropertyCondition &condition, const std::string &alias)
    {
        const FieldInfo &info = *fields_.eventProperty(condition.property);
        if (info.key == "props") {
            const std::string path = "$." + condition.property.substr(6);
            FieldInfo typed = info;
            const bool numeric = condition.op == "=" || condition.op == "!=" || condition.op == "<"
                || condition.op == "<=" || condition.op == ">" || condition.op == ">="
                || condition.op == "between";
            typed.type = numeric ? FieldType::Number : FieldType::Text;
            return predicate(dialect_.jsonValue(alias + ".props", bind(path)), typed, condition.op,
                condition.value);
        }
        if (info.lineKey.empty())
            return predicate(alias + "." + info.key, info, condition.op, condition.value);
        // A product property holds when the event's own product has it, or, for an event
        // with a product list (an order), when one of its lines has it.
        return "(CASE WHEN " + ownProduct(alias) + " THEN " + ownPredicate(info, condition, alias)
            + " ELSE EXISTS (SELECT 1 FROM " + lines(alias) + " WHERE "
            + linePredicate(info, condition, "li") + ") END)";
    }

    /// "alias.type = ? AND window AND where…" for the events of a filter. correlated: the
    /// events of one profile, to be found by profile and time rather than by type.
    std::string eventTest(const EventFilter &filter, const TimeWindow &when,
        const std::string &alias, bool correlated = false)
    {
        const std::string type = alias + ".type";
        std::string test = (correlated ? dialect_.withoutIndex(type) : type) + " = "
            + bind(filter.event) + " AND " + window(when, alias + ".ts");
        for (const PropertyCondition &condition : filter.where)
            test += " AND " + property(condition, alias);
        return test;
    }

    /// What a sum adds up per event.
    std::string summand(const EventCondition &event, const std::string &alias)
    {
        const std::string &of = event.sum->property;
        if (of == "value")
            return "coalesce(" + alias + ".value, 0)";
        if (of == "quantity")
            return "coalesce(" + alias + ".quantity, 0)";
        // line_value: price × quantity of the lines that match the product conditions.
        std::string matching;
        for (const PropertyCondition &condition : event.filter.where) {
            const FieldInfo &info = *fields_.eventProperty(condition.property);
            if (!info.lineKey.empty())
                matching += " AND " + linePredicate(info, condition, "li");
        }
        const std::string element = dialect_.jsonElement("li");
        return "(CASE WHEN " + ownProduct(alias) + " THEN coalesce(" + alias
            + ".value, 0) * coalesce(" + alias + ".quantity, 1) ELSE (SELECT total(coalesce("
            + dialect_.jsonValue(element, bind(std::string("$.price"))) + ", 0) * coalesce("
            + dialect_.jsonValue(element, bind(std::string("$.quantity"))) + ", 1)) FROM "
            + lines(alias) + " WHERE 1" + matching + ") END)";
    }

    std::string visit(const EventCondition &event)
    {
        const std::string events = "SELECT e.profile_id FROM events AS e WHERE "
            + eventTest(event.filter, event.when, "e");
        if (!event.count && !event.sum)
            return std::string("pt.profile_id ") + (event.did ? "IN (" : "NOT IN (") + events + ")";
        std::string aggregate;
        std::string op;
        json value;
        if (event.count) {
            aggregate = "count(*)";
            op = event.count->op == "at_least" ? ">=" : event.count->op == "at_most" ? "<=" : "=";
            value = event.count->value;
            if (value.is_number_float())
                value = wholeValue(value);
        } else {
            aggregate = "total(" + summand(event, "e") + ")";
            op = event.sum->op;
            value = event.sum->value;
        }
        FieldInfo number;
        number.type = FieldType::Number;
        const std::string having = predicate(aggregate, number, op, value);
        const bool zero = zeroSatisfies(op, value);
        return std::string("pt.profile_id ") + (zero ? "NOT IN (" : "IN (") + events
            + " GROUP BY e.profile_id HAVING " + (zero ? negated(having) : having) + ")";
    }

    std::string sequenceTest(const SequenceCondition &sequence, bool correlated = false)
    {
        const Millis within = wholeValue(sequence.withinHours) * kMillisPerHour;
        const std::string withinParam = bind(within);
        std::string test = eventTest(sequence.first, sequence.when, "a", correlated);
        std::string then = "SELECT 1 FROM events AS b WHERE b.profile_id = a.profile_id AND "
            + dialect_.withoutIndex("b.type") + " = " + bind(sequence.then.event)
            + " AND b.ts > a.ts AND b.ts <= a.ts + " + withinParam;
        for (const PropertyCondition &condition : sequence.then.where)
            then += " AND " + property(condition, "b");
        if (sequence.thenDid)
            return test + " AND EXISTS (" + then + " AND b.ts <= " + now() + ")";
        // Not (yet) done: only once the whole window has passed by "now".
        return test + " AND a.ts <= " + bind(time_.now - within) + " AND NOT EXISTS (" + then + ")";
    }

    std::string visit(const SequenceCondition &sequence)
    {
        return "pt.profile_id IN (SELECT a.profile_id FROM events AS a WHERE "
            + sequenceTest(sequence) + ")";
    }

    std::string visit(const MembershipCondition &membership)
    {
        if (depth_ > 16)
            throw SegmentError("", "Segments include each other too deeply.");
        const auto saved = store_ ? store_->find(membership.segment) : std::nullopt;
        if (!saved)
            throw SegmentError("", "There is no saved segment \"" + membership.segment + "\".");
        ++depth_;
        const std::string inner = condition(saved->definition.rule);
        --depth_;
        return membership.member ? inner : negated(inner);
    }

    std::string visit(const RfmCondition &rfm)
    {
        std::string list;
        for (const std::string &group : rfm.groups)
            list += (list.empty() ? "" : ", ") + bind(group);
        return "pt.rfm_group IN (" + list + ")";
    }

    /**
     * The profiles whose consents row says granted (stated by now) with no unsubscribe
     * event at or after it. Driven from consents, not from every profile; the unsubscribe
     * events (few) are read once as a set, and only their profiles get the per-profile
     * time check on events_profile_ts.
     */
    std::string visit(const ConsentCondition &consent)
    {
        const std::string unsubscribed = bind(consent.channel + "_unsubscribed");
        return "pt.profile_id IN (SELECT c.profile_id FROM consents AS c WHERE c.channel = "
            + bind(consent.channel) + " AND c.status = " + bind(std::string("granted"))
            + " AND c.ts <= " + now()
            + " AND (c.profile_id NOT IN (SELECT u.profile_id FROM events AS u WHERE u.type = "
            + unsubscribed + " AND u.ts <= " + now()
            + ") OR NOT EXISTS (SELECT 1 FROM events AS v WHERE v.profile_id = c.profile_id AND "
            + dialect_.withoutIndex("v.type") + " = " + unsubscribed
            + " AND v.ts >= c.ts AND v.ts <= " + now() + ")))";
    }

    // ---- explain values ----------------------------------------------------------------

    std::string measureOf(const GroupCondition &) { return {}; }
    std::string measureOf(const MembershipCondition &) { return {}; }

    std::string measureOf(const TraitCondition &trait)
    {
        return traitColumn(*fields_.trait(trait.field));
    }

    std::string measureOf(const EventCondition &event)
    {
        const std::string aggregate = event.sum ? "total(" + summand(event, "e") + ")" : "count(*)";
        return "(SELECT " + aggregate + " FROM events AS e WHERE e.profile_id = pt.profile_id AND "
            + eventTest(event.filter, event.when, "e", true) + ")";
    }

    std::string measureOf(const SequenceCondition &sequence)
    {
        return "(SELECT count(*) FROM events AS a WHERE a.profile_id = pt.profile_id AND "
            + sequenceTest(sequence, true) + ")";
    }

    std::string measureOf(const RfmCondition &) { return "pt.rfm_group"; }

    std::string measureOf(const ConsentCondition &consent)
    {
        // The stated status, or "unsubscribed" when an unsubscribe event came after it.
        return "(SELECT CASE WHEN c.ts > " + now()
            + " THEN NULL WHEN EXISTS (SELECT 1 FROM "
              "events AS u WHERE u.profile_id = pt.profile_id AND "
            + dialect_.withoutIndex("u.type") + " = " + bind(consent.channel + "_unsubscribed")
            + " AND u.ts >= c.ts AND u.ts <= " + now() + ") THEN "
            + bind(std::string("unsubscribed"))
            + " ELSE c.status END FROM consents AS c WHERE c.profile_id = pt.profile_id AND "
              "c.channel = "
            + bind(consent.channel) + ")";
    }

    const SqlDialect &dialect_;
    const FieldRegistry &fields_;
    SegmentStore *store_;
    const EvaluationTime &time_;
    std::string now_;
    int depth_ = 0;
};

CompiledSegment finish(Emitter &emitter, std::string where, bool population)
{
    CompiledSegment compiled;
    if (population)
        where = "(" + where + ") AND " + emitter.asOfPopulation();
    compiled.where = std::move(where);
    compiled.with = emitter.with();
    compiled.from = emitter.from();
    compiled.params = std::move(emitter.params);
    return compiled;
}

} // namespace

std::string CompiledSegment::sql(std::string_view columns, std::string_view tail) const
{
    std::string text;
    if (!with.empty())
        text.append(with).append(" ");
    text.append("SELECT ").append(columns).append(" FROM ").append(from);
    if (!where.empty())
        text.append(" WHERE (").append(where).append(")");
    if (!tail.empty())
        text.append(" ").append(tail);
    return text;
}

void CompiledSegment::bind(Statement &statement) const
{
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        std::visit(
            [&statement, index](const auto &value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::nullptr_t>)
                    statement.bindNull(index);
                else
                    statement.bind(index, value);
            },
            params[i]);
    }
}

SegmentCompiler::SegmentCompiler(
    const SqlDialect &dialect, const FieldRegistry &fields, SegmentStore *store)
    : dialect_(dialect)
    , fields_(fields)
    , store_(store)
{
}

CompiledSegment SegmentCompiler::compile(
    const SegmentDefinition &definition, const EvaluationTime &time) const
{
    ValidationOptions options;
    options.asOf = time.asOf;
    auto issues = SegmentValidator(fields_, store_).validate(definition, options);
    if (!issues.empty())
        throw SegmentError(std::move(issues));
    Emitter emitter(dialect_, fields_, store_, time);
    std::string where = emitter.condition(definition.rule);
    // As of a past date, the population is the profiles with an event up to then.
    return finish(emitter, std::move(where), time.asOf);
}

std::vector<CompiledSegment> SegmentCompiler::compileTogether(
    const std::vector<SegmentDefinition> &definitions, const EvaluationTime &time) const
{
    ValidationOptions options;
    options.asOf = time.asOf;
    const SegmentValidator validator(fields_, store_);
    for (const SegmentDefinition &definition : definitions) {
        auto issues = validator.validate(definition, options);
        if (!issues.empty())
            throw SegmentError(std::move(issues));
    }
    Emitter emitter(dialect_, fields_, store_, time);
    std::vector<std::string> wheres;
    for (const SegmentDefinition &definition : definitions) {
        std::string where = emitter.condition(definition.rule);
        if (time.asOf)
            where = "(" + where + ") AND " + emitter.asOfPopulation();
        wheres.push_back(std::move(where));
    }
    CompiledSegment shared = finish(emitter, std::string(), false);
    std::vector<CompiledSegment> compiled;
    for (std::string &where : wheres) {
        compiled.push_back(shared);
        compiled.back().where = std::move(where);
    }
    return compiled;
}

CompiledSegment SegmentCompiler::compileCondition(
    const Condition &condition, const EvaluationTime &time) const
{
    Emitter emitter(dialect_, fields_, store_, time);
    std::string where = emitter.condition(condition);
    return finish(emitter, std::move(where), false);
}

CompiledSegment SegmentCompiler::measure(
    const Condition &condition, const EvaluationTime &time) const
{
    Emitter emitter(dialect_, fields_, store_, time);
    CompiledSegment compiled;
    compiled.where = emitter.measure(condition);
    compiled.with = emitter.with();
    compiled.from = emitter.from();
    compiled.params = std::move(emitter.params);
    return compiled;
}

} // namespace clientele
