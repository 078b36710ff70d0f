#pragma once

#include "Journey.h"

#include <optional>
#include <string>

namespace clientele {

/** Ready-made journeys a marketer starts from. */
class JourneyTemplates {
public:
    /// "Cart recovery": cart abandoned (product_added, no order_completed within 1 h) →
    /// 10 % holdout split → e-mail with the cart → wait until order_completed (same cart) or
    /// 24 h → app users with push consent get a push, others an on-site banner → wait until
    /// an order or 48 h → exit. Goal: order_completed.
    static Journey cartRecovery();
    /// The template's key for the command line ("cart-recovery"); nullopt when unknown.
    static std::optional<Journey> byKey(const std::string &key);
};

} // namespace clientele
