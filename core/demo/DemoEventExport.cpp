#include "DemoEventExport.h"

#include "store/Database.h"

#include <date/date.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <ostream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace clientele {

namespace {

using nlohmann::json;

/// What the shop's account system knows of a shopper.
struct Account {
    std::string customerId;
    std::string email;
    std::string phone;
};

/// "2026-03-01T18:40:12.345Z": Segment's timestamp format.
std::string isoTimestamp(std::int64_t millis)
{
    using namespace std::chrono;
    return date::format("%FT%TZ", sys_time<milliseconds>(milliseconds(millis)));
}

/// "order_completed" → "Order Completed", the Segment Spec's event names.
std::string specEventName(std::string_view type)
{
    std::string name;
    bool wordStart = true;
    for (char c : type) {
        if (c == '_') {
            name += ' ';
            wordStart = true;
            continue;
        }
        name += wordStart && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        wordStart = false;
    }
    return name;
}

bool isOneOf(std::string_view value, std::initializer_list<std::string_view> options)
{
    for (auto option : options)
        if (value == option)
            return true;
    return false;
}

/// The written identifiers, each once, with the shopper they belong to.
class TruthRecorder {
public:
    explicit TruthRecorder(std::vector<DemoTrueIdentity> &truth)
        : truth_(truth)
    {
    }

    void record(const char *kind, const std::string &value, std::int64_t shopper)
    {
        if (value.empty())
            return;
        if (seen_.insert(std::string(kind) + '\x1f' + value).second)
            truth_.push_back({ kind, value, shopper });
    }

    bool contains(const std::string &kind, const std::string &value) const
    {
        return seen_.count(kind + '\x1f' + value) != 0;
    }

private:
    std::vector<DemoTrueIdentity> &truth_;
    std::unordered_set<std::string> seen_;
};

} // namespace

DemoEventExportResult DemoEventExport::write(Database &db, std::ostream &out)
{
    DemoEventExportResult result;
    TruthRecorder truth(result.truth);

    std::unordered_map<std::int64_t, Account> accounts;
    {
        Statement identities = db.prepare("SELECT profile_id, kind, value FROM identities"
                                          " WHERE kind IN ('customer_id', 'email', 'phone')");
        while (identities.step()) {
            Account &account = accounts[identities.columnInt(0)];
            const std::string kind = identities.columnText(1);
            std::string value = identities.columnText(2);
            if (kind == "customer_id")
                account.customerId = std::move(value);
            else if (kind == "email")
                account.email = std::move(value);
            else
                account.phone = std::move(value);
        }
    }

    // Session events (app opened, cart viewed, checkout started) are stored without their
    // device; they happened on the shopper's device of that channel, the one used last.
    std::unordered_map<std::string, std::string> deviceOf; ///< shopper + channel → anonymous id
    const auto deviceKey = [](std::int64_t shopper, const std::string &channel) {
        return std::to_string(shopper) + '\x1f' + channel;
    };
    {
        Statement devices = db.prepare("SELECT profile_id, source, value FROM identities"
                                       " WHERE kind = 'anonymous_id' ORDER BY first_seen, id");
        while (devices.step())
            deviceOf.emplace(
                deviceKey(devices.columnInt(0), devices.columnText(1)), devices.columnText(2));
    }

    /// Devices (anonymous ids) a shopper has signed in on, and shoppers signed in anywhere.
    std::unordered_set<std::string> signedInDevices;
    std::unordered_set<std::int64_t> signedInShoppers;

    Statement events = db.prepare(
        "SELECT e.id, e.ts, e.type, e.profile_id, e.channel, e.category, e.order_id, e.cart_id,"
        " e.value, e.quantity, e.currency, e.props, p.sku, p.name, p.price"
        " FROM events e LEFT JOIN products p ON p.id = e.product_id ORDER BY e.ts, e.id");
    const Account noAccount;
    while (events.step()) {
        const std::int64_t shopper = events.columnInt(3);
        const std::string type = events.columnText(2);
        const std::string channel = events.columnText(4);
        const auto found = accounts.find(shopper);
        const Account &account = found == accounts.end() ? noAccount : found->second;

        json properties = json::object();
        if (!events.isNull(11)) {
            const std::string text = events.columnText(11);
            if (!text.empty())
                properties = json::parse(text);
        }
        std::string anonymousId = properties.value("anonymous_id", std::string());
        const std::string device = properties.value("device", std::string());
        if (!anonymousId.empty()) {
            deviceOf[deviceKey(shopper, channel)] = anonymousId;
        } else if (isOneOf(type, { "application_opened", "cart_viewed", "checkout_started" })) {
            const auto used = deviceOf.find(deviceKey(shopper, channel));
            if (used != deviceOf.end()) {
                anonymousId = used->second;
                ++result.devicesInferred;
            }
        }
        properties.erase("anonymous_id");
        properties.erase("device");

        json message = json::object();
        message["messageId"] = "demo-" + std::to_string(events.columnInt(0));
        message["timestamp"] = isoTimestamp(events.columnInt(1));
        json context = json::object();

        // Identifiers: only what the channel that sent the event sees.
        const bool signInEvent = isOneOf(type, { "signed_in", "signed_up" });
        if (!anonymousId.empty()) {
            message["anonymousId"] = anonymousId;
            truth.record("anonymous_id", anonymousId, shopper);
            if (signInEvent && !account.customerId.empty()) {
                signedInDevices.insert(anonymousId);
                signedInShoppers.insert(shopper);
                context["traits"] = json::object();
                if (!account.email.empty()) {
                    context["traits"]["email"] = account.email;
                    truth.record("email", account.email, shopper);
                }
                if (!account.phone.empty()) {
                    context["traits"]["phone"] = account.phone;
                    truth.record("phone", account.phone, shopper);
                }
            }
            if (signedInDevices.count(anonymousId) != 0) {
                message["userId"] = account.customerId;
                truth.record("customer_id", account.customerId, shopper);
            }
            if (!device.empty())
                context["device"] = { { "type", device } };
            if (channel == "app")
                context["app"] = { { "name", "Trailhead" } };
        } else if (!isOneOf(channel, { "pos", "loyalty", "email", "support" })
            && signedInShoppers.count(shopper) != 0) {
            // The order system's own calls: it knows the signed-in account.
            message["userId"] = account.customerId;
            truth.record("customer_id", account.customerId, shopper);
        } else if (!account.email.empty()) {
            // A receipt, a mailing or a ticket: the address it went to.
            properties["email"] = account.email;
            truth.record("email", account.email, shopper);
            if (type == "loyalty_joined" && !account.phone.empty()) {
                context["traits"] = { { "phone", account.phone } };
                truth.record("phone", account.phone, shopper);
            }
        } else {
            ++result.unattributable;
            continue;
        }
        if (channel != "web" && channel != "app")
            context["channel"] = "server";

        // The event itself, in the Segment Spec's words.
        if (!events.isNull(6))
            properties["order_id"] = events.columnText(6);
        if (!events.isNull(7))
            properties["cart_id"] = events.columnText(7);
        if (!events.isNull(10))
            properties["currency"] = events.columnText(10);
        if (!events.isNull(12)) {
            properties["sku"] = events.columnText(12);
            properties["name"] = events.columnText(13);
            properties["price"] = events.columnDouble(14);
            if (!events.isNull(5))
                properties["category"] = events.columnText(5);
            if (!events.isNull(9) && events.columnInt(9) > 0)
                properties["quantity"] = events.columnInt(9);
        } else if (!events.isNull(8)) {
            properties[type == "order_completed" ? "total" : "value"] = events.columnDouble(8);
        }

        if (type == "page_viewed") {
            message["type"] = "page";
            if (properties.contains("page"))
                properties["path"] = properties["page"];
        } else if (type == "screen_viewed") {
            message["type"] = "screen";
        } else {
            message["type"] = "track";
            message["event"] = specEventName(type);
        }
        message["properties"] = std::move(properties);
        if (!context.empty())
            message["context"] = std::move(context);
        out << message.dump() << '\n';
        ++result.messages;
    }

    Statement identities = db.prepare("SELECT kind, value FROM identities");
    while (identities.step())
        if (!truth.contains(identities.columnText(0), identities.columnText(1)))
            ++result.identitiesNotExported;
    return result;
}

} // namespace clientele
