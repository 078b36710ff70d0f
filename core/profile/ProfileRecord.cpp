#include "ProfileRecord.h"

#include "identity/MergeRules.h"
#include "store/Database.h"

#include <nlohmann/json.hpp>

namespace clientele {

namespace {

using nlohmann::json;

json textOrNull(const std::string &text)
{
    return text.empty() ? json(nullptr) : json(text);
}

template<class T> json optionalOrNull(const std::optional<T> &value)
{
    return value ? json(*value) : json(nullptr);
}

json timeOrNull(const std::optional<Millis> &ts)
{
    return ts ? json(formatIsoDateTime(*ts)) : json(nullptr);
}

} // namespace

std::string ProfileRecord::firstValueOf(const std::string &kind) const
{
    const ProfileIdentity *first = nullptr;
    for (const ProfileIdentity &identity : identities) {
        if (identity.kind == kind && (!first || identity.firstSeen < first->firstSeen))
            first = &identity;
    }
    return first ? first->value : std::string();
}

std::string ProfileRecord::displayName() const
{
    std::string name = firstName;
    if (!lastName.empty() && !name.empty())
        name += ' ';
    name += lastName;
    if (!name.empty())
        return name;
    for (const char *kind :
        { IdentityKind::Email, IdentityKind::Phone, IdentityKind::CustomerId }) {
        std::string value = firstValueOf(kind);
        if (!value.empty())
            return value;
    }
    return std::string("Profile ").append(std::to_string(id));
}

json profileRecordJson(const ProfileRecord &record)
{
    json identities = json::object();
    for (const ProfileIdentity &identity : record.identities) {
        identities[identity.kind].push_back({
            { "id", identity.id },
            { "value", identity.value },
            { "source", textOrNull(identity.source) },
            { "first_seen", formatIsoDateTime(identity.firstSeen) },
        });
    }
    json consents = json::array();
    for (const ProfileConsent &consent : record.consents) {
        consents.push_back({
            { "channel", consent.channel },
            { "status", consent.status },
            { "source", textOrNull(consent.source) },
            { "ts", formatIsoDateTime(consent.ts) },
        });
    }
    json merges = json::array();
    for (const ProfileMerge &merge : record.merges) {
        merges.push_back({
            { "id", merge.id },
            { "ts", formatIsoDateTime(merge.ts) },
            { "action", merge.action },
            { "kept_profile_id", merge.keptProfileId },
            { "merged_profile_id", merge.mergedProfileId },
            { "identity_kind", textOrNull(merge.identityKind) },
            { "identity_value", textOrNull(merge.identityValue) },
            { "reason", merge.reason },
            { "import_id", optionalOrNull(merge.importId) },
            { "undone_at", timeOrNull(merge.undoneAt) },
            { "reverts_id", optionalOrNull(merge.revertsId) },
            { "identity_ids", merge.identityIds },
        });
    }
    json refusals = json::array();
    for (const ProfileRefusal &refusal : record.refusals) {
        refusals.push_back({
            { "id", refusal.id },
            { "ts", formatIsoDateTime(refusal.ts) },
            { "profile_id", refusal.profileId },
            { "other_profile_id", optionalOrNull(refusal.otherProfileId) },
            { "identity_kind", refusal.identityKind },
            { "identity_value", refusal.identityValue },
            { "reason", refusal.reason },
            { "import_id", optionalOrNull(refusal.importId) },
        });
    }
    return {
        { "profile",
            {
                { "id", record.id },
                { "display_name", record.displayName() },
                { "created_at", formatIsoDateTime(record.createdAt) },
                { "first_name", textOrNull(record.firstName) },
                { "last_name", textOrNull(record.lastName) },
                { "country", textOrNull(record.country) },
                { "city", textOrNull(record.city) },
                { "timezone", textOrNull(record.timezone) },
                { "known", record.known },
            } },
        { "identities", std::move(identities) },
        { "consents", std::move(consents) },
        { "merges", std::move(merges) },
        { "refusals", std::move(refusals) },
    };
}

json timelineEventJson(const TimelineEvent &event)
{
    json props = nullptr;
    if (!event.props.empty()) {
        props = json::parse(event.props, nullptr, false);
        if (props.is_discarded())
            props = event.props; // not JSON after all: keep the text rather than lose it
    }
    return {
        { "id", event.id },
        { "ts", formatIsoDateTime(event.ts) },
        { "type", event.type },
        { "channel", event.channel },
        { "product_id", optionalOrNull(event.productId) },
        { "category", textOrNull(event.category) },
        { "order_id", textOrNull(event.orderId) },
        { "cart_id", textOrNull(event.cartId) },
        { "value", optionalOrNull(event.value) },
        { "quantity", optionalOrNull(event.quantity) },
        { "currency", textOrNull(event.currency) },
        { "props", std::move(props) },
        { "identity_id", optionalOrNull(event.identityId) },
        { "import_id", optionalOrNull(event.importId) },
    };
}

/// The profile_traits row of a profile as {column: value}, whatever columns it has.
nlohmann::json storedTraitsJson(Database &db, std::int64_t profileId)
{
    nlohmann::json traits = nlohmann::json::object();
    auto row = db.prepare("SELECT * FROM profile_traits WHERE profile_id = ?1");
    row.bind(1, profileId);
    if (!row.step())
        return traits;
    for (int column = 0; column < row.columnCount(); ++column) {
        const std::string name = row.columnName(column);
        switch (row.columnKind(column)) {
        case Statement::ValueKind::Integer:
            traits[name] = row.columnInt(column);
            break;
        case Statement::ValueKind::Real:
            traits[name] = row.columnDouble(column);
            break;
        case Statement::ValueKind::Null:
            traits[name] = nullptr;
            break;
        case Statement::ValueKind::Text:
        case Statement::ValueKind::Blob:
            traits[name] = row.columnText(column);
            break;
        }
    }
    return traits;
}

} // namespace clientele
