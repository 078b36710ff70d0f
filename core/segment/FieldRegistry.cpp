#include "FieldRegistry.h"

#include <algorithm>

namespace clientele {

namespace {

FieldInfo field(std::string key, std::string label, FieldType type, FieldGroup group,
    std::string column, bool asOf, int decimals = 0)
{
    FieldInfo info;
    info.key = std::move(key);
    info.label = std::move(label);
    info.type = type;
    info.group = group;
    info.operators = FieldRegistry::operatorsFor(type);
    info.needsProfiles = column.rfind("p.", 0) == 0;
    info.column = std::move(column);
    info.asOf = asOf;
    info.decimals = decimals;
    return info;
}

/// A column of the predictions table for the profile being tested.
std::string predictionColumn(const char *column)
{
    return std::string("(SELECT pr.") + column
        + " FROM predictions pr WHERE pr.profile_id = pt.profile_id)";
}

FieldInfo list(
    std::string key, std::string label, FieldGroup group, std::string column, std::string format)
{
    FieldInfo info
        = field(std::move(key), std::move(label), FieldType::List, group, std::move(column), false);
    info.listFormat = std::move(format);
    return info;
}

FieldInfo lineProperty(FieldInfo info, std::string lineKey)
{
    info.lineKey = std::move(lineKey);
    return info;
}

} // namespace

const FieldRegistry &FieldRegistry::standard()
{
    static const FieldRegistry registry;
    return registry;
}

FieldRegistry::FieldRegistry()
{
    using T = FieldType;
    using G = FieldGroup;
    // Attributes that do not change over time (or only by correction) are usable as of a
    // past date; the order family is derived from events up to that date.
    traits_ = {
        field("name", "Name", T::Text, G::Profile, "pt.name", true),
        field("first_name", "First name", T::Text, G::Profile, "p.first_name", true),
        field("last_name", "Last name", T::Text, G::Profile, "p.last_name", true),
        field("email", "E-mail address", T::Text, G::Profile, "pt.email", true),
        field("phone", "Phone number", T::Text, G::Profile, "pt.phone", true),
        field("customer_id", "Customer id", T::Text, G::Profile, "pt.customer_id", true),
        field("country", "Country", T::Text, G::Profile, "pt.country", true),
        field("city", "City", T::Text, G::Profile, "pt.city", true),
        field("timezone", "Time zone", T::Text, G::Profile, "p.timezone", true),
        field("is_known", "Known shopper (has an identifier)", T::Boolean, G::Profile, "p.is_known",
            true),
        field("created_at", "Profile created", T::Date, G::Profile, "p.created_at", true),
        field("first_seen", "First seen", T::Date, G::Profile, "pt.first_seen", true),
        field("last_seen", "Last seen", T::Date, G::Profile, "pt.last_seen", true),
        list("channels", "Channels used", G::Profile, "pt.channels", "csv"),
        // Set by journeys' "update profile" steps.
        list("tags", "Tags", G::Profile,
            "(SELECT group_concat(g.tag) FROM profile_tags g WHERE g.profile_id = pt.profile_id)",
            "csv"),
        field("devices", "Devices", T::Number, G::Profile, "pt.devices", false),

        field("orders", "Orders", T::Number, G::Orders, "pt.orders", true),
        field("revenue", "Revenue", T::Number, G::Orders, "pt.revenue", true, 2),
        field("average_order_value", "Average order value", T::Number, G::Orders,
            "pt.average_order_value", true, 2),
        field("first_order", "First order", T::Date, G::Orders, "pt.first_order", true),
        field("last_order", "Last order", T::Date, G::Orders, "pt.last_order", true),
        field("cancelled_orders", "Cancelled orders", T::Number, G::Orders, "pt.cancelled_orders",
            false),
        field("refunds", "Refunds", T::Number, G::Orders, "pt.refunds", false),
        field("refunded_value", "Refunded value", T::Number, G::Orders, "pt.refunded_value", false,
            2),
        field("favourite_category", "Favourite category", T::Text, G::Orders,
            "pt.favourite_category", false),
        field(
            "favourite_brand", "Favourite brand", T::Text, G::Orders, "pt.favourite_brand", false),

        field("cart_value", "Cart value", T::Number, G::Cart, "pt.cart_value", false, 2),
        field("cart_items", "Items in cart", T::Number, G::Cart, "pt.cart_items", false),
        field("cart_abandoned_since", "Cart open since", T::Date, G::Cart,
            "pt.cart_abandoned_since", false),
        field(
            "abandoned_carts", "Abandoned carts", T::Number, G::Cart, "pt.abandoned_carts", false),

        field("emails_received_30d", "E-mails received (30 days)", T::Number, G::Engagement,
            "pt.emails_received_30d", false),
        field("emails_opened_30d", "E-mails opened (30 days)", T::Number, G::Engagement,
            "pt.emails_opened_30d", false),
        field("emails_clicked_30d", "E-mails clicked (30 days)", T::Number, G::Engagement,
            "pt.emails_clicked_30d", false),
        field("emails_received_90d", "E-mails received (90 days)", T::Number, G::Engagement,
            "pt.emails_received_90d", false),
        field("emails_opened_90d", "E-mails opened (90 days)", T::Number, G::Engagement,
            "pt.emails_opened_90d", false),
        field("emails_clicked_90d", "E-mails clicked (90 days)", T::Number, G::Engagement,
            "pt.emails_clicked_90d", false),
        field("last_email_open", "Last e-mail opened", T::Date, G::Engagement, "pt.last_email_open",
            false),
        list("last_viewed_products", "Last viewed products (SKU)", G::Engagement,
            "pt.last_viewed_products", "json"),
        field("loyalty_member", "Loyalty member", T::Boolean, G::Engagement,
            "(pt.loyalty_tier IS NOT NULL)", false),
        field("loyalty_tier", "Loyalty tier", T::Text, G::Engagement, "pt.loyalty_tier", false),
        field("loyalty_points", "Loyalty points", T::Number, G::Engagement, "pt.loyalty_points",
            false),
        field("open_tickets", "Open support tickets", T::Number, G::Engagement, "pt.open_tickets",
            false),
        field("reviews", "Reviews written", T::Number, G::Engagement, "pt.reviews", false),
        field("average_rating", "Average rating given", T::Number, G::Engagement,
            "pt.average_rating", false, 1),

        field("rfm_group", "RFM group", T::Text, G::Rfm, "pt.rfm_group", false),
        field("rfm_recency", "RFM recency score", T::Number, G::Rfm, "pt.rfm_recency", false),
        field("rfm_frequency", "RFM frequency score", T::Number, G::Rfm, "pt.rfm_frequency", false),
        field("rfm_monetary", "RFM monetary score", T::Number, G::Rfm, "pt.rfm_monetary", false),

        // Predictions (core/predict): one row per buyer in the predictions table, written by
        // the last fit; shoppers without orders have none (the value is not set).
        field("predicted_value_12m", "Predicted value (12 months)", T::Number, G::Predictions,
            predictionColumn("predicted_value_12m"), false, 2),
        field("p_alive", "Chance still active", T::Number, G::Predictions,
            predictionColumn("p_alive"), false, 2),
        field("churn_risk", "Churn risk", T::Text, G::Predictions, predictionColumn("churn_risk"),
            false),
        field("expected_orders_30d", "Expected orders (30 days)", T::Number, G::Predictions,
            predictionColumn("expected_orders_30d"), false, 2),
        field("expected_orders_90d", "Expected orders (90 days)", T::Number, G::Predictions,
            predictionColumn("expected_orders_90d"), false, 2),
        field("expected_orders_365d", "Expected orders (365 days)", T::Number, G::Predictions,
            predictionColumn("expected_orders_365d"), false, 2),
        field("next_order_expected", "Next order expected", T::Date, G::Predictions,
            predictionColumn("next_order_expected"), false),
        field("replenishment_due", "Replenishment due", T::Date, G::Predictions,
            predictionColumn("replenishment_due"), false),
        field("replenishment_item", "Replenishment product or category", T::Text, G::Predictions,
            predictionColumn("replenishment_item"), false),

        field("email_consent", "E-mail consent", T::Text, G::Consent, "pt.email_consent", false),
        field("sms_consent", "SMS consent", T::Text, G::Consent, "pt.sms_consent", false),
        field("push_consent", "Push consent", T::Text, G::Consent, "pt.push_consent", false),
    };
    // The text traits that lead an index of profile_traits (core/store/Schema.cpp).
    for (FieldInfo &info : traits_) {
        for (const char *key :
            { "country", "favourite_category", "loyalty_tier", "rfm_group", "email_consent" })
            info.indexed = info.indexed || info.key == key;
    }

    eventProperties_ = {
        field("channel", "Channel", T::Text, G::Behaviour, "e.channel", true),
        lineProperty(
            field("product_id", "Product id", T::Number, G::Behaviour, "e.product_id", true),
            "product_id"),
        lineProperty(field("sku", "Product SKU", T::Text, G::Behaviour, "", true), "sku"),
        lineProperty(
            field("category", "Product category", T::Text, G::Behaviour, "e.category", true),
            "category"),
        lineProperty(field("brand", "Product brand", T::Text, G::Behaviour, "", true), "brand"),
        field("value", "Value (price or order total)", T::Number, G::Behaviour, "e.value", true, 2),
        field("quantity", "Quantity", T::Number, G::Behaviour, "e.quantity", true),
        field("order_id", "Order id", T::Text, G::Behaviour, "e.order_id", true),
        field("cart_id", "Cart id", T::Text, G::Behaviour, "e.cart_id", true),
        field("currency", "Currency", T::Text, G::Behaviour, "e.currency", true),
    };

    jsonProperty_ = field("props", "Event property", T::Text, G::Behaviour, "", true);
    // A JSON property may hold text or a number: both families of operators apply.
    for (const std::string &op : operatorsFor(T::Number)) {
        if (std::find(jsonProperty_.operators.begin(), jsonProperty_.operators.end(), op)
            == jsonProperty_.operators.end())
            jsonProperty_.operators.push_back(op);
    }
}

const FieldInfo *FieldRegistry::trait(std::string_view key) const
{
    for (const FieldInfo &info : traits_) {
        if (info.key == key)
            return &info;
    }
    return nullptr;
}

const FieldInfo *FieldRegistry::eventProperty(std::string_view key) const
{
    for (const FieldInfo &info : eventProperties_) {
        if (info.key == key)
            return &info;
    }
    return isPropertyPath(key) ? &jsonProperty_ : nullptr;
}

bool FieldRegistry::isPropertyPath(std::string_view key)
{
    constexpr std::string_view prefix = "props.";
    if (key.substr(0, prefix.size()) != prefix || key.size() == prefix.size() || key.size() > 200)
        return false;
    const std::string_view path = key.substr(prefix.size());
    if (path.front() == '.' || path.back() == '.' || path.find("..") != std::string_view::npos)
        return false;
    return std::all_of(path.begin(), path.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '_' || c == '.';
    });
}

const std::vector<std::string> &FieldRegistry::operatorsFor(FieldType type)
{
    static const std::vector<std::string> number { "=", "!=", "<", "<=", ">", ">=", "between",
        "is_set", "is_not_set" };
    static const std::vector<std::string> text { "is", "is_not", "contains", "starts_with",
        "ends_with", "one_of", "is_set", "is_not_set" };
    static const std::vector<std::string> date { "before", "after", "between", "in_last_days",
        "more_than_days_ago", "in_next_days", "is_set", "is_not_set" };
    static const std::vector<std::string> boolean { "is" };
    static const std::vector<std::string> listOps { "contains", "does_not_contain", "is_set",
        "is_not_set" };
    switch (type) {
    case FieldType::Number:
        return number;
    case FieldType::Text:
        return text;
    case FieldType::Date:
        return date;
    case FieldType::Boolean:
        return boolean;
    case FieldType::List:
        break;
    }
    return listOps;
}

std::string FieldRegistry::typeName(FieldType type)
{
    switch (type) {
    case FieldType::Number:
        return "number";
    case FieldType::Text:
        return "text";
    case FieldType::Date:
        return "date";
    case FieldType::Boolean:
        return "yes/no";
    case FieldType::List:
        break;
    }
    return "list";
}

std::string FieldRegistry::groupName(FieldGroup group)
{
    switch (group) {
    case FieldGroup::Profile:
        return "Profile";
    case FieldGroup::Orders:
        return "Orders";
    case FieldGroup::Cart:
        return "Cart";
    case FieldGroup::Engagement:
        return "Engagement";
    case FieldGroup::Rfm:
        return "RFM";
    case FieldGroup::Predictions:
        return "Predictions";
    case FieldGroup::Behaviour:
        return "Behaviour";
    case FieldGroup::Consent:
        break;
    }
    return "Consent";
}

} // namespace clientele
