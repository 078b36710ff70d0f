#include "DemoWriter.h"

#include "DemoCatalog.h"
#include "DemoRandom.h"
#include "DemoRows.h"

#include <optional>
#include <string_view>

namespace clientele {

namespace {

/// Empty text is NULL in the workspace (no first name for an anonymous visitor, …).
std::optional<std::string_view> textOrNull(std::string_view text)
{
    return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}

std::optional<std::string_view> textOrNull(const char *text)
{
    return text ? std::optional<std::string_view>(text) : std::nullopt;
}

} // namespace

DemoWriter::DemoWriter(Database &db, std::uint64_t seed)
    : db_(db)
    , insertProfile_(db,
          "INSERT INTO profiles(id, created_at, first_name, last_name, country, "
          "city, timezone, is_known) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    , insertIdentity_(db,
          "INSERT INTO identities(kind, value, profile_id, source, first_seen) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")
    , insertConsent_(db,
          "INSERT INTO consents(profile_id, channel, status, source, ts) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")
    , insertMerge_(db,
          "INSERT INTO merges(ts, kept_profile_id, merged_profile_id, identity_kind, "
          "identity_value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
    , insertEvent_(db,
          "INSERT INTO events(event_key, ts, type, profile_id, channel, product_id, "
          "category, order_id, cart_id, value, quantity, currency, props, identity_id) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
    , insertMergeIdentity_(
          db, "INSERT INTO merge_identities(merge_id, identity_id) VALUES (?1, ?2)")
    , keyBase_(mix64(seed ^ 0xE7E27ull))
{
}

void DemoWriter::writeProducts(const DemoCatalog &catalog)
{
    auto insert
        = db_.prepare("INSERT INTO products(id, sku, name, category, brand, price, currency, "
                      "replenish_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'EUR', ?7)");
    for (const auto &product : catalog.products()) {
        insert.bind(1, product.id)
            .bind(2, product.sku)
            .bind(3, product.name)
            .bind(4, categoryName(product.category))
            .bind(5, product.brand)
            .bind(6, static_cast<double>(product.priceCents) / 100.0)
            .bind(7,
                product.replenishDays > 0 ? std::optional<int>(product.replenishDays)
                                          : std::nullopt)
            .run();
    }
}

void DemoWriter::writeShopper(const DemoShopperRows &rows)
{
    insertProfile_.bind(1, rows.profileId)
        .bind(2, rows.createdAt)
        .bind(3, textOrNull(rows.firstName))
        .bind(4, textOrNull(rows.lastName))
        .bind(5, textOrNull(rows.country))
        .bind(6, textOrNull(rows.city))
        .bind(7, textOrNull(rows.timezone))
        .bind(8, rows.known ? 1 : 0)
        .run();

    // Events are attributed as identity resolution would: a device's events to its
    // anonymous id, e-mail engagement to the e-mail address, the rest to the customer id.
    identityIds_.clear();
    deviceIdentity_.clear();
    std::optional<std::int64_t> emailIdentity;
    std::optional<std::int64_t> customerIdentity;
    for (const auto &identity : rows.identities) {
        insertIdentity_.bind(1, identity.kind)
            .bind(2, identity.value)
            .bind(3, rows.profileId)
            .bind(4, textOrNull(identity.source))
            .bind(5, identity.firstSeen)
            .run();
        const std::int64_t id = db_.lastInsertRowId();
        identityIds_.push_back(id);
        const std::string_view kind = identity.kind;
        if (identity.device >= 0) {
            const auto device = static_cast<std::size_t>(identity.device);
            if (deviceIdentity_.size() <= device)
                deviceIdentity_.resize(device + 1, 0);
            deviceIdentity_[device] = id;
        } else if (kind == "email") {
            emailIdentity = id;
        } else if (kind == "customer_id") {
            customerIdentity = id;
        }
    }
    const auto deviceIdentity = [this](int device) -> std::optional<std::int64_t> {
        const auto index = static_cast<std::size_t>(device);
        if (device < 0 || index >= deviceIdentity_.size() || deviceIdentity_[index] == 0)
            return std::nullopt;
        return deviceIdentity_[index];
    };
    const std::optional<std::int64_t> personIdentity = customerIdentity
        ? customerIdentity
        : (identityIds_.empty() ? std::nullopt : std::optional<std::int64_t>(identityIds_.front()));
    for (const auto &consent : rows.consents) {
        insertConsent_.bind(1, rows.profileId)
            .bind(2, consent.channel)
            .bind(3, consent.status)
            .bind(4, textOrNull(consent.source))
            .bind(5, consent.ts)
            .run();
    }
    for (const auto &merge : rows.merges) {
        insertMerge_.bind(1, merge.ts)
            .bind(2, rows.profileId)
            .bind(3, merge.mergedProfileId)
            .bind(4, merge.identityKind)
            .bind(5, merge.identityValue)
            .bind(6, merge.reason)
            .run();
        if (const auto brought = deviceIdentity(merge.device))
            insertMergeIdentity_.bind(1, db_.lastInsertRowId()).bind(2, *brought).run();
    }
    for (const auto &event : rows.events) {
        // mix64 is a bijection, so distinct running numbers give distinct keys.
        const auto key = static_cast<std::int64_t>(
            mix64(keyBase_ + static_cast<std::uint64_t>(eventsWritten_)));
        ++eventsWritten_;
        insertEvent_.bind(1, key)
            .bind(2, event.ts)
            .bind(3, event.type)
            .bind(4, rows.profileId)
            .bind(5, event.channel)
            .bind(6, event.productId > 0 ? std::optional<int>(event.productId) : std::nullopt)
            .bind(7, textOrNull(event.category))
            .bind(8, textOrNull(event.orderId))
            .bind(9, textOrNull(event.cartId))
            .bind(10, event.value)
            .bind(11, event.quantity > 0 ? std::optional<int>(event.quantity) : std::nullopt)
            .bind(12, event.valueIsMoney ? std::optional<std::string_view>("EUR") : std::nullopt)
            .bind(13, textOrNull(event.props))
            .bind(14,
                event.device >= 0 ? deviceIdentity(event.device)
                    : std::string_view(event.channel) == "email" && emailIdentity ? emailIdentity
                                                                                  : personIdentity)
            .run();
    }
}

} // namespace clientele
