#include "ProfileTraits.h"

#include "TraitStorage.h"

#include "store/Database.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string_view>

namespace clientele {

namespace {

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

/// Binds parameters in column order.
class Binder {
public:
    explicit Binder(Statement &statement)
        : statement_(statement)
    {
    }
    template<typename T> Binder &operator<<(const T &value)
    {
        statement_.bind(++index_, value);
        return *this;
    }
    Binder &operator<<(const std::string &text)
    {
        if (text.empty())
            statement_.bindNull(++index_);
        else
            statement_.bind(++index_, text);
        return *this;
    }
    int count() const { return index_; }

private:
    Statement &statement_;
    int index_ = 0;
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

void bind(Statement &statement, const ProfileTraits &t)
{
    Binder b(statement);
    b << t.profileId << t.customerId << t.email << t.phone << t.name << t.country << t.city
      << t.firstSeen << t.lastSeen << t.channels << t.devices << t.orders << t.revenue
      << t.averageOrderValue << t.firstOrder << t.lastOrder << t.cancelledOrders << t.refunds
      << t.refundedValue << t.rfmRecency << t.rfmFrequency << t.rfmMonetary << t.rfmGroup
      << t.cartValue << t.cartItems << t.cartAbandonedSince << t.abandonedCarts
      << t.emailsReceived30d << t.emailsOpened30d << t.emailsClicked30d << t.emailsReceived90d
      << t.emailsOpened90d << t.emailsClicked90d << t.lastEmailOpen << t.favouriteCategory
      << t.favouriteBrand << skuList(t.lastViewedProducts) << t.loyaltyTier << t.loyaltyPoints
      << t.openTickets << t.reviews << t.averageRating << t.emailConsent << t.smsConsent
      << t.pushConsent << t.referenceTime;
    static_assert(kColumns.size() == 46);
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
