#include "DemoSegments.h"

#include "segment/SegmentDefinition.h"
#include "segment/SegmentStore.h"

#include <nlohmann/json.hpp>

namespace clientele {

namespace {

using json = nlohmann::json;

json trait(const char *field, const char *op, json value)
{
    return { { "type", "trait" }, { "field", field }, { "op", op }, { "value", std::move(value) } };
}

json all(json conditions)
{
    return { { "type", "all" }, { "conditions", std::move(conditions) } };
}

json any(json conditions)
{
    return { { "type", "any" }, { "conditions", std::move(conditions) } };
}

struct Starter {
    const char *name;
    const char *description;
    json rule;
};

} // namespace

void DemoSegments::save(Database &db, Millis now)
{
    const Starter starters[] = {
        { "Abandoned cart (last 24 h)",
            "Shoppers whose cart has been open since an add-to-cart in the last day: the "
            "cart-recovery audience.",
            trait("cart_abandoned_since", "in_last_days", 1) },
        { "High-value repeat customers",
            "Three or more orders and at least 300 in revenue: reward them, don't discount.",
            all({ trait("orders", ">=", 3), trait("revenue", ">=", 300) }) },
        { "First-time buyers", "Exactly one completed order: the second order is the hard one.",
            trait("orders", "=", 1) },
        { "Lapsed 90+ days", "Bought before, but not in the last 90 days.",
            all({ trait("orders", ">=", 1), trait("last_order", "more_than_days_ago", 90) }) },
        { "Champions at risk of churning",
            "Valuable customers (RFM champions, loyal, at risk or can't lose them) whose chance "
            "of still being active is below 70 % (churn risk medium or high).",
            all({ trait("rfm_group", "one_of",
                      json::array({ "champions", "loyal_customers", "at_risk", "cant_lose_them" })),
                trait("churn_risk", "one_of", json::array({ "medium", "high" })) }) },
        { "Due for replenishment",
            "A product or category they buy again is due within the next 14 days or fell due "
            "in the last 30.",
            any({ trait("replenishment_due", "in_next_days", 14),
                trait("replenishment_due", "in_last_days", 30) }) },
    };
    SegmentStore store(db);
    for (const Starter &starter : starters) {
        const json document { { "version", 1 }, { "rule", starter.rule } };
        store.save(starter.name, SegmentDefinition::fromJson(document), starter.description, now);
    }
}

} // namespace clientele
