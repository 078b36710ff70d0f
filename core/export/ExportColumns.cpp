#include "ExportColumns.h"

namespace clientele::ExportColumns {

const std::vector<ExportColumn> &all()
{
    using Type = ExportColumn::Type;
    static const std::vector<ExportColumn> columns {
        { "email", "Email", Type::Text, "t.email" },
        { "phone", "Phone", Type::Phone, "t.phone" },
        { "first_name", "First name", Type::Text, "p.first_name" },
        { "last_name", "Last name", Type::Text, "p.last_name" },
        { "name", "Name", Type::Text, "t.name" },
        { "country", "Country", Type::Country, "p.country" },
        { "city", "City", Type::Text, "p.city" },
        { "timezone", "Time zone", Type::Text, "p.timezone" },
        { "profile_id", "Profile ID", Type::Integer, "p.id" },
        { "customer_id", "Customer ID", Type::Text, "t.customer_id" },
        { "created_at", "Created", Type::Date, "p.created_at" },
        { "first_seen", "First seen", Type::Date, "t.first_seen" },
        { "last_seen", "Last seen", Type::Date, "t.last_seen" },
        { "channels", "Channels", Type::Text, "t.channels" },
        { "orders", "Orders", Type::Integer, "t.orders" },
        { "revenue", "Revenue", Type::Money, "t.revenue" },
        { "average_order_value", "Average order value", Type::Money, "t.average_order_value" },
        { "first_order", "First order", Type::Date, "t.first_order" },
        { "last_order", "Last order", Type::Date, "t.last_order" },
        { "cancelled_orders", "Cancelled orders", Type::Integer, "t.cancelled_orders" },
        { "refunds", "Refunds", Type::Integer, "t.refunds" },
        { "rfm_group", "RFM group", Type::Text, "t.rfm_group" },
        { "cart_value", "Cart value", Type::Money, "t.cart_value" },
        { "cart_items", "Cart items", Type::Integer, "t.cart_items" },
        { "cart_abandoned_since", "Cart abandoned since", Type::Date, "t.cart_abandoned_since" },
        { "abandoned_carts", "Abandoned carts", Type::Integer, "t.abandoned_carts" },
        { "emails_opened_30d", "Emails opened (30 days)", Type::Integer, "t.emails_opened_30d" },
        { "emails_clicked_30d", "Emails clicked (30 days)", Type::Integer, "t.emails_clicked_30d" },
        { "emails_opened_90d", "Emails opened (90 days)", Type::Integer, "t.emails_opened_90d" },
        { "emails_clicked_90d", "Emails clicked (90 days)", Type::Integer, "t.emails_clicked_90d" },
        { "last_email_open", "Last email open", Type::Date, "t.last_email_open" },
        { "favourite_category", "Favourite category", Type::Text, "t.favourite_category" },
        { "favourite_brand", "Favourite brand", Type::Text, "t.favourite_brand" },
        { "loyalty_tier", "Loyalty tier", Type::Text, "t.loyalty_tier" },
        { "loyalty_points", "Loyalty points", Type::Integer, "t.loyalty_points" },
        { "open_tickets", "Open tickets", Type::Integer, "t.open_tickets" },
        { "reviews", "Reviews", Type::Integer, "t.reviews" },
        { "average_rating", "Average rating", Type::Number, "t.average_rating" },
        // Predictions (core/predict): empty for shoppers without a completed order.
        { "predicted_value_12m", "Predicted value (12 months)", Type::Money,
            "(SELECT pr.predicted_value_12m FROM predictions pr WHERE pr.profile_id = p.id)" },
        { "p_alive", "Chance still active", Type::Number,
            "(SELECT round(pr.p_alive, 4) FROM predictions pr WHERE pr.profile_id = p.id)" },
        { "churn_risk", "Churn risk", Type::Text,
            "(SELECT pr.churn_risk FROM predictions pr WHERE pr.profile_id = p.id)" },
        { "expected_orders_90d", "Expected orders (90 days)", Type::Number,
            "(SELECT round(pr.expected_orders_90d, 3) FROM predictions pr WHERE pr.profile_id = "
            "p.id)" },
        { "next_order_expected", "Next order expected", Type::Date,
            "(SELECT pr.next_order_expected FROM predictions pr WHERE pr.profile_id = p.id)" },
        { "replenishment_item", "Replenishment product", Type::Text,
            "(SELECT pr.replenishment_item FROM predictions pr WHERE pr.profile_id = p.id)" },
        { "replenishment_due", "Replenishment due", Type::Date,
            "(SELECT pr.replenishment_due FROM predictions pr WHERE pr.profile_id = p.id)" },
        // Consent as recorded in the consents table (the same rows suppression reads).
        { "email_consent", "Email consent", Type::Text, "ce.status" },
        { "sms_consent", "SMS consent", Type::Text, "cs.status" },
        { "push_consent", "Push consent", Type::Text, "cp.status" },
        { "discount_code", "Discount code", Type::DiscountCode, "" },
        { "offer", "Offer", Type::Offer, "" },
        // The rendered message of a journey's outbox (Audience::outbox).
        { "message_address", "Address", Type::Text, "a.address", true },
        { "message_subject", "Subject", Type::Text, "a.subject", true },
        { "message_body", "Message", Type::Text, "a.body", true },
        { "message_offer", "Message offer", Type::Text, "a.offer", true },
        { "message_code", "Message code", Type::Text, "a.offer_code", true },
        { "message_due", "Send at", Type::DateTime, "a.due_at", true },
        { "journey_step", "Journey step", Type::Text, "a.node", true },
    };
    return columns;
}

const ExportColumn *find(std::string_view name)
{
    for (const ExportColumn &column : all()) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

} // namespace clientele::ExportColumns
