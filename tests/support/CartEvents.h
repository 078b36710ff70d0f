#pragma once

#include "ingest/ImportMapping.h"

namespace clientele::test {

/// The header of the small cart files the journey tests import.
inline constexpr const char *kCartEventsHeader
    = "Time,Event,Email,First,Cart,SKU,Product,Price,Newsletter\n";

/**
 * The mapping of those files: time (UTC), event, e-mail, first name, cart id, product
 * SKU and name, price, and e-mail consent — what a running journey needs to see carts,
 * orders and who may be written to.
 */
inline ImportMapping cartEventsMapping()
{
    ImportMapping mapping;
    mapping.columns = {
        { "Time", FieldTarget::Timestamp, {} },
        { "Event", FieldTarget::EventType, {} },
        { "Email", FieldTarget::Identity, "email" },
        { "First", FieldTarget::FirstName, {} },
        { "Cart", FieldTarget::CartId, {} },
        { "SKU", FieldTarget::ProductSku, {} },
        { "Product", FieldTarget::ProductName, {} },
        { "Price", FieldTarget::Price, {} },
        { "Newsletter", FieldTarget::Consent, "email" },
    };
    mapping.timezone = "UTC";
    mapping.country = "DE";
    return mapping;
}

} // namespace clientele::test
