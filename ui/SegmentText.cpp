#include "SegmentText.h"

#include "DisplayFormat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace clientele {

namespace {

using json = nlohmann::json;

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

/// A value as written in a sentence: 100, 12.5, DE, 2026-01-31, "DE, AT".
QString valueText(const json &value)
{
    if (value.is_string()) // an empty text is still to be typed
        return value.get<std::string>().empty() ? QStringLiteral("…") : qs(value.get<std::string>());
    if (value.is_number_integer())
        return QLocale().toString(static_cast<qlonglong>(value.get<std::int64_t>()));
    if (value.is_number())
        return QLocale().toString(value.get<double>(), 'g', 12);
    if (value.is_boolean())
        return value.get<bool>() ? SegmentText::tr("yes") : SegmentText::tr("no");
    if (value.is_array()) {
        QStringList items;
        for (const json &item : value)
            items << valueText(item);
        return items.join(SegmentText::tr(", "));
    }
    return SegmentText::tr("(nothing)");
}

struct EventWords {
    const char *key;
    const char *label;
    const char *did;
    const char *didNot;
};

const EventWords kEvents[] = {
    { "product_viewed", QT_TRANSLATE_NOOP("SegmentText", "Viewed a product"),
        QT_TRANSLATE_NOOP("SegmentText", "viewed a product"),
        QT_TRANSLATE_NOOP("SegmentText", "did not view a product") },
    { "product_added", QT_TRANSLATE_NOOP("SegmentText", "Added to cart"),
        QT_TRANSLATE_NOOP("SegmentText", "added to cart"),
        QT_TRANSLATE_NOOP("SegmentText", "did not add to cart") },
    { "product_removed", QT_TRANSLATE_NOOP("SegmentText", "Removed from cart"),
        QT_TRANSLATE_NOOP("SegmentText", "removed from cart"),
        QT_TRANSLATE_NOOP("SegmentText", "did not remove from cart") },
    { "cart_viewed", QT_TRANSLATE_NOOP("SegmentText", "Viewed the cart"),
        QT_TRANSLATE_NOOP("SegmentText", "viewed the cart"),
        QT_TRANSLATE_NOOP("SegmentText", "did not view the cart") },
    { "checkout_started", QT_TRANSLATE_NOOP("SegmentText", "Started checkout"),
        QT_TRANSLATE_NOOP("SegmentText", "started checkout"),
        QT_TRANSLATE_NOOP("SegmentText", "did not start checkout") },
    { "order_completed", QT_TRANSLATE_NOOP("SegmentText", "Completed an order"),
        QT_TRANSLATE_NOOP("SegmentText", "completed an order"),
        QT_TRANSLATE_NOOP("SegmentText", "did not complete an order") },
    { "order_refunded", QT_TRANSLATE_NOOP("SegmentText", "Got a refund"),
        QT_TRANSLATE_NOOP("SegmentText", "got a refund"),
        QT_TRANSLATE_NOOP("SegmentText", "did not get a refund") },
    { "page_viewed", QT_TRANSLATE_NOOP("SegmentText", "Viewed a page"),
        QT_TRANSLATE_NOOP("SegmentText", "viewed a page"),
        QT_TRANSLATE_NOOP("SegmentText", "did not view a page") },
    { "email_opened", QT_TRANSLATE_NOOP("SegmentText", "Opened an e-mail"),
        QT_TRANSLATE_NOOP("SegmentText", "opened an e-mail"),
        QT_TRANSLATE_NOOP("SegmentText", "did not open an e-mail") },
    { "email_link_clicked", QT_TRANSLATE_NOOP("SegmentText", "Clicked a link in an e-mail"),
        QT_TRANSLATE_NOOP("SegmentText", "clicked a link in an e-mail"),
        QT_TRANSLATE_NOOP("SegmentText", "did not click a link in an e-mail") },
};

const EventWords *eventWords(const std::string &key)
{
    for (const EventWords &words : kEvents) {
        if (key == words.key)
            return &words;
    }
    return nullptr;
}

/// "product_reviewed" → "product reviewed".
QString spelled(const std::string &key)
{
    QString text = qs(key);
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    return text;
}

QString windowText(const json &when)
{
    if (when.is_object() && when.contains("in_last_days"))
        return SegmentText::tr("in the last %1 days").arg(valueText(when.at("in_last_days")));
    if (when.is_object() && when.contains("between") && when.at("between").is_array()
        && when.at("between").size() == 2)
        return SegmentText::tr("between %1 and %2")
            .arg(valueText(when.at("between").at(0)), valueText(when.at("between").at(1)));
    return {};
}

QString comparison(const std::string &op, const json &value)
{
    if (op == "is_set")
        return SegmentText::tr("is known");
    if (op == "is_not_set")
        return SegmentText::tr("is not known");
    if (op == "between" && value.is_array() && value.size() == 2)
        return SegmentText::tr("is between %1 and %2")
            .arg(valueText(value.at(0)), valueText(value.at(1)));
    if (op == "in_last_days")
        return SegmentText::tr("is in the last %1 days").arg(valueText(value));
    if (op == "more_than_days_ago")
        return SegmentText::tr("is more than %1 days ago").arg(valueText(value));
    if (op == "in_next_days")
        return SegmentText::tr("is in the next %1 days").arg(valueText(value));
    if (op == "one_of")
        return SegmentText::tr("is one of %1").arg(valueText(value));
    return SegmentText::tr("%1 %2").arg(SegmentText::operatorLabel(op), valueText(value));
}

QString whereText(const json &where)
{
    QStringList parts;
    if (!where.is_array())
        return {};
    for (const json &item : where) {
        const std::string property = item.value("property", std::string());
        const FieldInfo *info = FieldRegistry::standard().eventProperty(property);
        const QString name = info && !info->column.empty()
            ? SegmentText::fieldInSentence(*info)
            : spelled(property);
        parts << SegmentText::tr("%1 %2").arg(
            name, comparison(item.value("op", std::string()), item.value("value", json())));
    }
    return parts.isEmpty() ? QString()
                           : SegmentText::tr("where %1").arg(parts.join(SegmentText::tr(" and ")));
}

QString eventFilterText(const json &filter, bool did)
{
    QString text = SegmentText::eventPhrase(filter.value("event", std::string()), did);
    const QString where = whereText(filter.value("where", json()));
    return where.isEmpty() ? text : SegmentText::tr("%1 %2").arg(text, where);
}

/// The English labels of FieldRegistry, listed so that lupdate offers them for translation.
[[maybe_unused]] const char *const kFieldLabels[] = {
    QT_TRANSLATE_NOOP("SegmentFields", "Name"),
    QT_TRANSLATE_NOOP("SegmentFields", "First name"),
    QT_TRANSLATE_NOOP("SegmentFields", "Last name"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mail address"),
    QT_TRANSLATE_NOOP("SegmentFields", "Phone number"),
    QT_TRANSLATE_NOOP("SegmentFields", "Customer id"),
    QT_TRANSLATE_NOOP("SegmentFields", "Country"),
    QT_TRANSLATE_NOOP("SegmentFields", "City"),
    QT_TRANSLATE_NOOP("SegmentFields", "Time zone"),
    QT_TRANSLATE_NOOP("SegmentFields", "Known shopper (has an identifier)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Profile created"),
    QT_TRANSLATE_NOOP("SegmentFields", "First seen"),
    QT_TRANSLATE_NOOP("SegmentFields", "Last seen"),
    QT_TRANSLATE_NOOP("SegmentFields", "Channels used"),
    QT_TRANSLATE_NOOP("SegmentFields", "Tags"),
    QT_TRANSLATE_NOOP("SegmentFields", "Devices"),
    QT_TRANSLATE_NOOP("SegmentFields", "Orders"),
    QT_TRANSLATE_NOOP("SegmentFields", "Revenue"),
    QT_TRANSLATE_NOOP("SegmentFields", "Average order value"),
    QT_TRANSLATE_NOOP("SegmentFields", "First order"),
    QT_TRANSLATE_NOOP("SegmentFields", "Last order"),
    QT_TRANSLATE_NOOP("SegmentFields", "Cancelled orders"),
    QT_TRANSLATE_NOOP("SegmentFields", "Refunds"),
    QT_TRANSLATE_NOOP("SegmentFields", "Refunded value"),
    QT_TRANSLATE_NOOP("SegmentFields", "Favourite category"),
    QT_TRANSLATE_NOOP("SegmentFields", "Favourite brand"),
    QT_TRANSLATE_NOOP("SegmentFields", "Cart value"),
    QT_TRANSLATE_NOOP("SegmentFields", "Items in cart"),
    QT_TRANSLATE_NOOP("SegmentFields", "Cart open since"),
    QT_TRANSLATE_NOOP("SegmentFields", "Abandoned carts"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails received (30 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails opened (30 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails clicked (30 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails received (90 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails opened (90 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mails clicked (90 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Last e-mail opened"),
    QT_TRANSLATE_NOOP("SegmentFields", "Last viewed products (SKU)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Loyalty member"),
    QT_TRANSLATE_NOOP("SegmentFields", "Loyalty tier"),
    QT_TRANSLATE_NOOP("SegmentFields", "Loyalty points"),
    QT_TRANSLATE_NOOP("SegmentFields", "Open support tickets"),
    QT_TRANSLATE_NOOP("SegmentFields", "Reviews written"),
    QT_TRANSLATE_NOOP("SegmentFields", "Average rating given"),
    QT_TRANSLATE_NOOP("SegmentFields", "RFM group"),
    QT_TRANSLATE_NOOP("SegmentFields", "RFM recency score"),
    QT_TRANSLATE_NOOP("SegmentFields", "RFM frequency score"),
    QT_TRANSLATE_NOOP("SegmentFields", "RFM monetary score"),
    QT_TRANSLATE_NOOP("SegmentFields", "Predicted value (12 months)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Chance still active"),
    QT_TRANSLATE_NOOP("SegmentFields", "Churn risk"),
    QT_TRANSLATE_NOOP("SegmentFields", "Expected orders (30 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Expected orders (90 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Expected orders (365 days)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Next order expected"),
    QT_TRANSLATE_NOOP("SegmentFields", "Replenishment due"),
    QT_TRANSLATE_NOOP("SegmentFields", "Replenishment product or category"),
    QT_TRANSLATE_NOOP("SegmentFields", "E-mail consent"),
    QT_TRANSLATE_NOOP("SegmentFields", "SMS consent"),
    QT_TRANSLATE_NOOP("SegmentFields", "Push consent"),
    QT_TRANSLATE_NOOP("SegmentFields", "Channel"),
    QT_TRANSLATE_NOOP("SegmentFields", "Product id"),
    QT_TRANSLATE_NOOP("SegmentFields", "Product SKU"),
    QT_TRANSLATE_NOOP("SegmentFields", "Product category"),
    QT_TRANSLATE_NOOP("SegmentFields", "Product brand"),
    QT_TRANSLATE_NOOP("SegmentFields", "Value (price or order total)"),
    QT_TRANSLATE_NOOP("SegmentFields", "Quantity"),
    QT_TRANSLATE_NOOP("SegmentFields", "Order id"),
    QT_TRANSLATE_NOOP("SegmentFields", "Cart id"),
    QT_TRANSLATE_NOOP("SegmentFields", "Currency"),
    QT_TRANSLATE_NOOP("SegmentFields", "Event property"),
};

} // namespace

QString SegmentText::fieldLabel(const FieldInfo &field)
{
    return QCoreApplication::translate("SegmentFields", field.label.c_str());
}

QString SegmentText::fieldInSentence(const FieldInfo &field)
{
    // English labels ("Revenue") read lower-case inside a sentence; a translation is used as
    // written, because other languages capitalise differently (German nouns stay capitalised).
    const QString label = fieldLabel(field);
    return label == QString::fromStdString(field.label) ? label.toLower() : label;
}

QString SegmentText::groupLabel(FieldGroup group)
{
    switch (group) {
    case FieldGroup::Profile:
        return tr("Profile");
    case FieldGroup::Orders:
        return tr("Orders");
    case FieldGroup::Cart:
        return tr("Cart");
    case FieldGroup::Engagement:
        return tr("Engagement");
    case FieldGroup::Rfm:
        return tr("RFM");
    case FieldGroup::Predictions:
        return tr("Predictions");
    case FieldGroup::Behaviour:
        return tr("Behaviour");
    case FieldGroup::Consent:
        break;
    }
    return tr("Consent");
}

QString SegmentText::operatorLabel(const std::string &op)
{
    static const std::pair<const char *, const char *> labels[] = {
        { "=", QT_TRANSLATE_NOOP("SegmentText", "is") },
        { "!=", QT_TRANSLATE_NOOP("SegmentText", "is not") },
        { "<", QT_TRANSLATE_NOOP("SegmentText", "is less than") },
        { "<=", QT_TRANSLATE_NOOP("SegmentText", "is at most") },
        { ">", QT_TRANSLATE_NOOP("SegmentText", "is more than") },
        { ">=", QT_TRANSLATE_NOOP("SegmentText", "is at least") },
        { "between", QT_TRANSLATE_NOOP("SegmentText", "is between") },
        { "is_set", QT_TRANSLATE_NOOP("SegmentText", "is known") },
        { "is_not_set", QT_TRANSLATE_NOOP("SegmentText", "is not known") },
        { "is", QT_TRANSLATE_NOOP("SegmentText", "is") },
        { "is_not", QT_TRANSLATE_NOOP("SegmentText", "is not") },
        { "contains", QT_TRANSLATE_NOOP("SegmentText", "contains") },
        { "does_not_contain", QT_TRANSLATE_NOOP("SegmentText", "does not contain") },
        { "starts_with", QT_TRANSLATE_NOOP("SegmentText", "starts with") },
        { "ends_with", QT_TRANSLATE_NOOP("SegmentText", "ends with") },
        { "one_of", QT_TRANSLATE_NOOP("SegmentText", "is one of") },
        { "before", QT_TRANSLATE_NOOP("SegmentText", "is before") },
        { "after", QT_TRANSLATE_NOOP("SegmentText", "is after") },
        { "in_last_days", QT_TRANSLATE_NOOP("SegmentText", "is in the last") },
        { "more_than_days_ago", QT_TRANSLATE_NOOP("SegmentText", "is more than … days ago") },
        { "in_next_days", QT_TRANSLATE_NOOP("SegmentText", "is in the next") },
    };
    for (const auto &[key, label] : labels) {
        if (op == key)
            return tr(label);
    }
    return qs(op);
}

QString SegmentText::eventLabel(const std::string &event)
{
    if (const EventWords *words = eventWords(event))
        return tr(words->label);
    QString text = spelled(event);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString SegmentText::eventPhrase(const std::string &event, bool did)
{
    if (const EventWords *words = eventWords(event))
        return tr(did ? words->did : words->didNot);
    return did ? tr("did %1").arg(spelled(event)) : tr("did not do %1").arg(spelled(event));
}

QString SegmentText::sumText(const json &sum)
{
    const std::string of = sum.value("of", std::string());
    const QString what = of == "quantity" ? tr("quantity")
        : of == "line_value"              ? tr("spent on the matching products")
                                          : tr("value");
    return tr("with a total %1 that %2")
        .arg(what, comparison(sum.value("op", std::string()), sum.value("value", json())));
}

QString SegmentText::consentChannelLabel(const std::string &channel)
{
    if (channel == "email")
        return tr("e-mail");
    if (channel == "sms")
        return tr("SMS");
    if (channel == "push")
        return tr("push");
    return qs(channel);
}

QString SegmentText::clause(const json &condition, bool *startsWithWhose)
{
    bool whose = false;
    QString text;
    const std::string type = condition.value("type", std::string());
    if (type == "all" || type == "any" || type == "none")
        return groupText(condition, false);
    if (type == "trait") {
        const std::string field = condition.value("field", std::string());
        const FieldInfo *info = FieldRegistry::standard().trait(field);
        const QString name = info ? fieldInSentence(*info) : spelled(field);
        const json value = condition.value("value", json());
        const bool yes = value.is_boolean() && value.get<bool>();
        if (field == "loyalty_member") {
            text = yes ? tr("are loyalty members") : tr("are not loyalty members");
        } else if (field == "is_known") {
            text = yes ? tr("are known (have an identifier)") : tr("are anonymous");
        } else if (info && info->type == FieldType::Boolean) {
            text = (yes ? tr("%1 is yes") : tr("%1 is no")).arg(name);
            whose = true;
        } else {
            text = tr("%1 %2").arg(name,
                comparison(condition.value("op", std::string()), condition.value("value", json())));
            whose = true;
        }
    } else if (type == "event") {
        const bool did = condition.value("did", true);
        text = eventFilterText(condition, did);
        const json count = condition.value("count", json());
        if (count.is_object()) {
            const std::string op = count.value("op", std::string());
            const QString n = valueText(count.value("value", json()));
            if (op == "at_least")
                text = tr("%1 at least %2 times").arg(text, n);
            else if (op == "at_most")
                text = tr("%1 at most %2 times").arg(text, n);
            else if (op == "exactly")
                text = tr("%1 exactly %2 times").arg(text, n);
        }
        const json sum = condition.value("sum", json());
        if (sum.is_object())
            text = tr("%1 %2").arg(text, sumText(sum));
        const QString window = windowText(condition.value("when", json()));
        if (!window.isEmpty())
            text = tr("%1 %2").arg(text, window);
    } else if (type == "sequence") {
        const json first = condition.value("first", json::object());
        const json then = condition.value("then", json::object());
        text = tr("%1 and then %2 within %3 hours")
                   .arg(eventFilterText(first, true),
                       eventFilterText(then, condition.value("then_did", false)),
                       valueText(condition.value("within_hours", json())));
        const QString window = windowText(condition.value("when", json()));
        if (!window.isEmpty())
            text = tr("%1 (%2)").arg(text, window);
    } else if (type == "rfm") {
        QStringList groups;
        for (const json &group : condition.value("groups", json::array()))
            groups << rfmGroupDisplayName(
                group.is_string() ? group.get<std::string>() : std::string());
        text = tr("are in the RFM group %1").arg(groups.join(tr(" or ")));
    } else if (type == "consent") {
        text = tr("may be contacted by %1")
                   .arg(consentChannelLabel(condition.value("channel", std::string())));
    } else if (type == "segment") {
        text = (condition.value("member", true) ? tr("are in the segment “%1”")
                                                : tr("are not in the segment “%1”"))
                   .arg(qs(condition.value("segment", std::string())));
    }
    if (startsWithWhose)
        *startsWithWhose = whose;
    return text;
}

QString SegmentText::groupText(const json &group, bool nested)
{
    QStringList parts;
    int previous = -1; // 0: who, 1: whose, -1: a nested group (has its own words)
    const json conditions = group.value("conditions", json::array());
    for (const json &child : conditions) {
        const std::string childType = child.value("type", std::string());
        if (childType == "all" || childType == "any" || childType == "none") {
            parts << groupText(child, true);
            previous = -1;
            continue;
        }
        bool childWhose = false;
        const QString part = clause(child, &childWhose);
        // "who A and B", "whose X and who A": the relative word only when it changes.
        if (previous != int(childWhose))
            parts << (childWhose ? tr("whose %1") : tr("who %1")).arg(part);
        else
            parts << part;
        previous = int(childWhose);
    }
    if (parts.isEmpty())
        return tr("(no conditions yet)");
    const std::string type = group.value("type", std::string());
    QString text;
    if (type == "all")
        text = parts.join(tr(" and "));
    else if (type == "any")
        text = parts.join(tr(" or "));
    else
        text = tr("except those %1").arg(parts.join(tr(" or ")));
    return nested && parts.size() > 1 ? tr("(%1)").arg(text) : text;
}

QString SegmentText::sentence(const json &rule)
{
    const std::string type = rule.value("type", std::string());
    if (type == "all" || type == "any" || type == "none")
        return tr("Shoppers %1").arg(groupText(rule, false));
    bool whose = false;
    const QString text = clause(rule, &whose);
    return (whose ? tr("Shoppers whose %1") : tr("Shoppers who %1")).arg(text);
}

} // namespace clientele
