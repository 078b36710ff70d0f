#pragma once

#include "PhoneNormalizer.h"
#include "RowMapper.h"
#include "TimestampParser.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace clientele {

/**
 * Turns one Segment message (a line of a Segment JSON Lines export: track, identify, page,
 * screen, alias or group) into the event it stands for, before identity resolution.
 *
 * - type: track → toEventTypeKey(event) ("Order Completed" → order_completed); page →
 *   page_viewed; screen → screen_viewed; identify, alias and group keep their name.
 * - time: timestamp, else originalTimestamp, sentAt, receivedAt (ISO 8601). A present but
 *   unreadable one rejects the message rather than falling back.
 * - shopper: userId → customer_id, anonymousId → anonymous_id, email (traits, properties or
 *   context.traits) → email, phone (traits or context.traits) → phone; alias adds previousId
 *   as anonymous_id, so the device history it names joins the user.
 * - channel: context.channel mobile → app, browser → web; otherwise app when the message
 *   has context.app, a device of type ios or android, or is a screen; else web.
 * - ecommerce (Segment's ecommerce spec): order_id, cart_id, currency; total, else revenue,
 *   else value is the value; products[] stay in props.products and their quantities add up
 *   to the event's quantity; a single product's sku (else product_id), name, category, brand,
 *   price and quantity fill the product columns, and value = price × quantity (quantity 1
 *   when not given) when no total is stated.
 * - identify: traits firstName/first_name, lastName/last_name (else name split at its last
 *   space), address.city and address.country become profile attributes.
 * - messageId is the event's source id: a message seen again is a duplicate.
 */
class SegmentMapper {
public:
    /// timeZone reads timestamps without an offset (Segment writes them with Z); country
    /// reads phone numbers written without a country code. Throws std::invalid_argument for
    /// a zone or country that does not exist.
    SegmentMapper(const std::string &timeZone, const std::string &country);

    /// Fills row from message; returns why the message cannot become an event, or "".
    std::string map(const nlohmann::json &message, MappedRow &row);

private:
    TimestampParser timestamps_;
    PhoneNormalizer phones_;
};

} // namespace clientele
