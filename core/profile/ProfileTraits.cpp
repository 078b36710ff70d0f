#include "ProfileTraits.h"

#include "TraitStorage.h"

#include "store/Database.h"

#include <nlohmann/json.hpp>

#include <array>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace clientele {

namespace {

using TraitStorage::TraitValue;

/// The columns of profile_traits, in the order bind() and read() walk them.
constexpr std::array<const char *, 46> kColumns { "profile_id", "customer_id", "email", "phone",
    "name", "country", "city", "first_seen", "last_seen", "channels", "devices", "orders",
    "revenue", "average_order_value", "first_order", "last_order", "cancelled_orders", "refunds",
    "refunded_value", "rfm_recency", "rfm_frequency", "rfm_monetary", "rfm_group", "cart_value",
    "cart_items", "cart_abandoned_since", "abandoned_carts", "emails_received_30d",
    "emails_opened_30d", "emails_clicked_30d", "emails_received_90d", "emails_opened_90d",
    "emails_clicked_90d", "last_email_open", "favourite_category", "favourite_brand",
    "last_viewed_products", "loyalty_tier", "loyalty_points", "open_tickets", "reviews",
    "average_rating", "email_consent", "sms_consent", "push_consent", "reference_time" };

/// Collects column values in column order.
class Collector {
public:
    explicit Collector(std::vector<TraitValue> &values)
        : values_(values)
    {
    }
    Collector &operator<<(std::int64_t value)
    {
        values_.emplace_back(value);
        return *this;
    }
    Collector &operator<<(double value)
    {
        values_.emplace_back(value);
        return *this;
    }
    Collector &operator<<(const std::string &text)
    {
        if (text.empty())
            values_.emplace_back(std::monostate());
        else
            values_.emplace_back(text);
        return *this;
    }
    template<typename T> Collector &operator<<(const std::optional<T> &value)
    {
        if (value)
            return *this << *value;
        values_.emplace_back(std::monostate());
        return *this;
    }
    Collector &operator<<(int value) { return *this << static_cast<std::int64_t>(value); }

private:
    std::vector<TraitValue> &values_;
};

/// Reads columns in order.
class Reader {
public:
    explicit Reader(const Statement &statement)
        : statement_(statement)
    {
    }
    Reader &operator>>(std::string &text)
    {
        text = statement_.columnText(index_++);
        return *this;
    }
    Reader &operator>>(std::int64_t &value)
    {
        value = statement_.columnInt(index_++);
        return *this;
    }
    Reader &operator>>(double &value)
    {
        value = statement_.columnDouble(index_++);
        return *this;
    }
    Reader &operator>>(std::optional<std::int64_t> &value)
    {
        value = statement_.isNull(index_)
            ? std::nullopt
            : std::optional<std::int64_t>(statement_.columnInt(index_));
        ++index_;
        return *this;
    }
    Reader &operator>>(std::optional<int> &value)
    {
        value = statement_.isNull(index_)
            ? std::nullopt
            : std::optional<int>(static_cast<int>(statement_.columnInt(index_)));
        ++index_;
        return *this;
    }
    Reader &operator>>(std::optional<double> &value)
    {
        value = statement_.isNull(index_) ? std::nullopt
                                          : std::optional<double>(statement_.columnDouble(index_));
        ++index_;
        return *this;
    }
    int count() const { return index_; }

private:
    const Statement &statement_;
    int index_ = 0;
};

std::string skuList(const std::vector<std::string> &skus)
{
    return skus.empty() ? std::string() : nlohmann::json(skus).dump();
}

std::vector<std::string> skusOf(const std::string &text)
{
    std::vector<std::string> skus;
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_array())
        for (const auto &item : document)
            if (item.is_string())
                skus.push_back(item.get<std::string>());
    return skus;
}

} // namespace

namespace TraitStorage {

const std::vector<std::string> &columns()
{
    static const std::vector<std::string> names(kColumns.begin(), kColumns.end());
    return names;
}

const std::string &columnList()
{
    static const std::string list = [] {
        std::string text;
        for (const char *column : kColumns) {
            if (!text.empty())
                text += ", ";
            text += column;
        }
        return text;
    }();
    return list;
}

const std::string &insertSql()
{
    static const std::string sql = [] {
        std::string text = "INSERT OR REPLACE INTO profile_traits(" + columnList() + ") VALUES (";
        for (std::size_t i = 1; i <= kColumns.size(); ++i)
            text += (i > 1 ? ", ?" : "?") + std::to_string(i);
        return text + ")";
    }();
    return sql;
}

std::vector<TraitValue> values(const ProfileTraits &t)
{
    std::vector<TraitValue> values;
    values.reserve(kColumns.size());
    Collector c(values);
    c << t.profileId << t.customerId << t.email << t.phone << t.name << t.country << t.city
      << t.firstSeen << t.lastSeen << t.channels << t.devices << t.orders << t.revenue
      << t.averageOrderValue << t.firstOrder << t.lastOrder << t.cancelledOrders << t.refunds
      << t.refundedValue << t.rfmRecency << t.rfmFrequency << t.rfmMonetary << t.rfmGroup
      << t.cartValue << t.cartItems << t.cartAbandonedSince << t.abandonedCarts
      << t.emailsReceived30d << t.emailsOpened30d << t.emailsClicked30d << t.emailsReceived90d
      << t.emailsOpened90d << t.emailsClicked90d << t.lastEmailOpen << t.favouriteCategory
      << t.favouriteBrand << skuList(t.lastViewedProducts) << t.loyaltyTier << t.loyaltyPoints
      << t.openTickets << t.reviews << t.averageRating << t.emailConsent << t.smsConsent
      << t.pushConsent << t.referenceTime;
    if (values.size() != kColumns.size())
        throw std::logic_error("profile_traits: the column list and the values disagree");
    return values;
}

void bindValue(Statement &statement, int index, const TraitValue &value)
{
    std::visit(
        [&](const auto &v) {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>)
                statement.bindNull(index);
            else
                statement.bind(index, v);
        },
        value);
}

void bind(Statement &statement, const ProfileTraits &traits)
{
    const auto all = values(traits);
    for (std::size_t i = 0; i < all.size(); ++i)
        bindValue(statement, static_cast<int>(i + 1), all[i]);
}

ProfileTraits read(const Statement &statement)
{
    ProfileTraits t;
    std::string skus;
    Reader r(statement);
    r >> t.profileId >> t.customerId >> t.email >> t.phone >> t.name >> t.country >> t.city
        >> t.firstSeen >> t.lastSeen >> t.channels >> t.devices >> t.orders >> t.revenue
        >> t.averageOrderValue >> t.firstOrder >> t.lastOrder >> t.cancelledOrders >> t.refunds
        >> t.refundedValue >> t.rfmRecency >> t.rfmFrequency >> t.rfmMonetary >> t.rfmGroup
        >> t.cartValue >> t.cartItems >> t.cartAbandonedSince >> t.abandonedCarts
        >> t.emailsReceived30d >> t.emailsOpened30d >> t.emailsClicked30d >> t.emailsReceived90d
        >> t.emailsOpened90d >> t.emailsClicked90d >> t.lastEmailOpen >> t.favouriteCategory
        >> t.favouriteBrand >> skus >> t.loyaltyTier >> t.loyaltyPoints >> t.openTickets
        >> t.reviews >> t.averageRating >> t.emailConsent >> t.smsConsent >> t.pushConsent
        >> t.referenceTime;
    t.lastViewedProducts = skusOf(skus);
    return t;
}

} // namespace TraitStorage

std::optional<ProfileTraits> ProfileTraits::load(Database &db, ProfileId profile)
{
    auto query = db.prepare(
        "SELECT " + TraitStorage::columnList() + " FROM profile_traits WHERE profile_id = ?1");
    query.bind(1, profile);
    if (!query.step())
        return std::nullopt;
    return TraitStorage::read(query);
}

} // namespace clientele
