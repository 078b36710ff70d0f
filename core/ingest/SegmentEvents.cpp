#include "SegmentEvents.h"

#include "EmailNormalizer.h"
#include "ImportMapping.h"
#include "ShopifyPresets.h"

#include "identity/MergeRules.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <tuple>

namespace clientele {

namespace {

using json = nlohmann::json;

/// The member key of object when it is an object, else nullptr.
const json *memberOf(const json *object, const char *key)
{
    if (!object || !object->is_object())
        return nullptr;
    const auto it = object->find(key);
    return it == object->end() || it->is_null() ? nullptr : &*it;
}

/// A member as text: strings trimmed, numbers written out (ids are often numbers).
std::string textOf(const json *object, const char *key)
{
    const json *value = memberOf(object, key);
    if (!value)
        return {};
    if (value->is_string())
        return trimmed(value->get_ref<const std::string &>());
    if (value->is_number_integer() || value->is_number_unsigned())
        return value->dump();
    if (value->is_number_float())
        return value->dump();
    return {};
}

/// A member as a number: a JSON number or a string holding one ("12.50").
std::optional<double> numberOf(const json *object, const char *key)
{
    const json *value = memberOf(object, key);
    if (!value)
        return std::nullopt;
    if (value->is_number())
        return value->get<double>();
    if (value->is_string()) {
        const std::string text = trimmed(value->get_ref<const std::string &>());
        double number = 0.0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (error == std::errc() && end == text.data() + text.size() && !text.empty())
            return number;
    }
    return std::nullopt;
}

const json *objectOf(const json *object, const char *key)
{
    const json *value = memberOf(object, key);
    return value && value->is_object() ? value : nullptr;
}

std::string firstText(std::initializer_list<std::pair<const json *, const char *>> places)
{
    for (const auto &[object, key] : places) {
        std::string text = textOf(object, key);
        if (!text.empty())
            return text;
    }
    return {};
}

constexpr std::array<std::string_view, 6> kMessageTypes
    = { "track", "identify", "page", "screen", "alias", "group" };

} // namespace

SegmentMapper::SegmentMapper(const std::string &timeZone, const std::string &country)
    : timestamps_(TimestampParser::Options { timeZone, DateOrder::DayMonthYear, {} })
    , phones_(country)
{
}

std::string SegmentMapper::map(const json &message, MappedRow &row)
{
    row = MappedRow();
    const json *root = &message;
    const json *properties = objectOf(root, "properties");
    const json *traits = objectOf(root, "traits");
    const json *context = objectOf(root, "context");
    const json *contextTraits = objectOf(context, "traits");

    const std::string messageType = textOf(root, "type");
    if (messageType.empty())
        return "the message has no \"type\" (track, identify, page, screen, alias or group)";
    if (std::find(kMessageTypes.begin(), kMessageTypes.end(), messageType) == kMessageTypes.end())
        return "\"type\" '" + messageType
            + "' is not a Segment message type (track, identify, page, screen, alias or group)";

    // Time: the first of the Segment timestamps the message has; a bad one is not skipped.
    bool timed = false;
    for (const char *key : { "timestamp", "originalTimestamp", "sentAt", "receivedAt" }) {
        const json *value = memberOf(root, key);
        if (!value)
            continue;
        if (!value->is_string())
            return std::string("\"") + key + "\" is not a timestamp: " + value->dump();
        auto ts = timestamps_.parse(value->get_ref<const std::string &>());
        if (!ts)
            return std::string("\"") + key + "\": " + ts.reason;
        row.ts = *ts.value;
        timed = true;
        break;
    }
    if (!timed)
        return "the message has no timestamp (timestamp, originalTimestamp, sentAt or "
               "receivedAt)";

    // Type.
    if (messageType == "track") {
        const std::string event = textOf(root, "event");
        if (event.empty())
            return "a track message without \"event\"";
        row.type = toEventTypeKey(event);
        if (row.type.empty())
            return "\"event\" '" + event + "' does not name an event type";
    } else if (messageType == "page") {
        row.type = "page_viewed";
    } else if (messageType == "screen") {
        row.type = "screen_viewed";
    } else {
        row.type = messageType;
    }

    // Channel.
    const std::string contextChannel = textOf(context, "channel");
    const std::string deviceType = textOf(objectOf(context, "device"), "type");
    if (contextChannel == "mobile")
        row.channel = "app";
    else if (contextChannel == "browser")
        row.channel = "web";
    else if (memberOf(context, "app") || deviceType == "ios" || deviceType == "android"
        || messageType == "screen")
        row.channel = "app";
    else
        row.channel = "web";

    // Identifiers.
    const std::string userId = textOf(root, "userId");
    if (!userId.empty())
        row.identifiers.push_back({ IdentityKind::CustomerId, userId });
    const std::string anonymousId = textOf(root, "anonymousId");
    if (!anonymousId.empty())
        row.identifiers.push_back({ IdentityKind::AnonymousId, anonymousId });
    if (messageType == "alias") {
        const std::string previousId = textOf(root, "previousId");
        if (previousId.empty() || userId.empty())
            return "an alias message needs both \"previousId\" and \"userId\"";
        if (previousId != anonymousId)
            row.identifiers.push_back({ IdentityKind::AnonymousId, previousId });
        row.properties["previous_id"] = previousId;
    }
    const std::string email
        = firstText({ { traits, "email" }, { properties, "email" }, { contextTraits, "email" } });
    if (!email.empty()) {
        auto normalized = EmailNormalizer::normalize(email);
        if (normalized)
            row.identifiers.push_back({ IdentityKind::Email, std::move(*normalized.value) });
        else
            row.identifierProblems.push_back(normalized.reason);
    }
    const std::string phone = firstText({ { traits, "phone" }, { contextTraits, "phone" } });
    if (!phone.empty()) {
        auto normalized = phones_.normalize(phone);
        if (normalized)
            row.identifiers.push_back({ IdentityKind::Phone, std::move(*normalized.value) });
        else
            row.identifierProblems.push_back(normalized.reason);
    }
    if (row.identifiers.empty()) {
        if (!row.identifierProblems.empty())
            return "no usable identifier: " + row.identifierProblems.front();
        return "the message has no identifier (userId, anonymousId or email)";
    }

    row.sourceId = textOf(root, "messageId");

    // Profile attributes (identify traits; context.traits on other messages).
    const json *who = traits ? traits : contextTraits;
    row.firstName = firstText({ { who, "firstName" }, { who, "first_name" } });
    row.lastName = firstText({ { who, "lastName" }, { who, "last_name" } });
    if (row.firstName.empty() && row.lastName.empty()) {
        const std::string name = textOf(who, "name");
        if (!name.empty())
            std::tie(row.firstName, row.lastName) = splitFullName(name);
    }
    const json *address = objectOf(who, "address");
    row.city = textOf(address, "city");
    row.country = textOf(address, "country");

    // Properties and ecommerce.
    if (properties) {
        row.properties = *properties;
        row.properties.erase("email");
        row.properties.erase("phone");
    }
    if (messageType == "page" || messageType == "screen") {
        const std::string name = textOf(root, "name");
        if (!name.empty())
            row.properties["name"] = name;
        const json *page = objectOf(context, "page");
        for (const char *key : { "url", "path" }) {
            if (!row.properties.contains(key)) {
                const std::string text = textOf(page, key);
                if (!text.empty())
                    row.properties[key] = text;
            }
        }
    } else if (messageType == "group") {
        const std::string groupId = textOf(root, "groupId");
        if (!groupId.empty())
            row.properties["group_id"] = groupId;
        if (traits)
            row.properties["traits"] = *traits;
    }
    row.orderId = textOf(properties, "order_id");
    row.cartId = textOf(properties, "cart_id");
    row.currency = textOf(properties, "currency");
    for (char &c : row.currency)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    row.value = numberOf(properties, "total");
    if (!row.value)
        row.value = numberOf(properties, "revenue");
    if (!row.value)
        row.value = numberOf(properties, "value");

    const json *products = memberOf(properties, "products");
    if (products && products->is_array()) {
        double quantity = 0.0;
        for (const json &product : *products)
            quantity += numberOf(&product, "quantity").value_or(1.0);
        row.quantity = quantity;
    } else if (messageType == "track") {
        row.sku = firstText({ { properties, "sku" }, { properties, "product_id" } });
        row.productName = textOf(properties, "name");
        row.category = textOf(properties, "category");
        row.brand = textOf(properties, "brand");
        row.price = numberOf(properties, "price");
        row.quantity = numberOf(properties, "quantity");
        if (!row.value && row.price)
            row.value = *row.price * row.quantity.value_or(1.0);
    }
    return {};
}

} // namespace clientele
