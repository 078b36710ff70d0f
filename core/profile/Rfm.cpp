#include "Rfm.h"

#include "store/Database.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace clientele {

namespace {

using nlohmann::json;

/// Cut points over values where higher is better: the value at sorted position
/// ceil(k × n / 5) − 1 for k = 1…4.
std::array<double, 4> quintileCuts(std::vector<double> values)
{
    std::array<double, 4> cuts {};
    if (values.empty())
        return cuts;
    std::sort(values.begin(), values.end());
    const auto n = static_cast<std::int64_t>(values.size());
    for (std::int64_t k = 1; k <= 4; ++k) {
        const std::int64_t position = (k * n + 4) / 5 - 1;
        cuts[static_cast<std::size_t>(k - 1)] = values[static_cast<std::size_t>(position)];
    }
    return cuts;
}

int scoreAbove(double value, const std::array<double, 4> &cuts)
{
    int score = 1;
    for (double cut : cuts)
        score += value > cut ? 1 : 0;
    return score;
}

// The R/F map, indexed [recency - 1][frequency - 1].
constexpr const char *kGroupMap[5][5] = {
    { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
    { "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them" },
    { "about_to_sleep", "about_to_sleep", "need_attention", "loyal_customers", "loyal_customers" },
    { "promising", "potential_loyalists", "potential_loyalists", "loyal_customers",
        "loyal_customers" },
    { "new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions" },
};

constexpr std::array<const char *, 10> kGroupKeys { "champions", "loyal_customers",
    "potential_loyalists", "new_customers", "promising", "need_attention", "about_to_sleep",
    "at_risk", "cant_lose_them", "hibernating" };

constexpr std::array<const char *, 10> kGroupNames { "Champions", "Loyal Customers",
    "Potential Loyalists", "New Customers", "Promising", "Need Attention", "About to Sleep",
    "At Risk", "Can't Lose Them", "Hibernating" };

constexpr int kModelVersion = 1;

} // namespace

std::int64_t RfmModel::daysSince(Millis lastOrder) const
{
    const Millis gap = referenceTime - lastOrder;
    // Floor, also for an order after the reference time (refreshed after a rebuild).
    return gap >= 0 ? gap / kMillisPerDay : -((-gap + kMillisPerDay - 1) / kMillisPerDay);
}

RfmModel RfmModel::fit(Millis referenceTime, const std::vector<RfmInput> &buyers)
{
    RfmModel model;
    model.referenceTime = referenceTime;
    model.buyers = static_cast<std::int64_t>(buyers.size());
    std::vector<double> values(buyers.size());
    // Recency is scored on minus the days, so that higher is better for all three.
    for (std::size_t i = 0; i < buyers.size(); ++i)
        values[i] = -static_cast<double>(model.daysSince(buyers[i].lastOrder));
    const auto recency = quintileCuts(values);
    for (std::size_t k = 0; k < 4; ++k)
        model.recencyDays[k] = -recency[k];
    for (std::size_t i = 0; i < buyers.size(); ++i)
        values[i] = static_cast<double>(buyers[i].orders);
    model.frequency = quintileCuts(values);
    for (std::size_t i = 0; i < buyers.size(); ++i)
        values[i] = buyers[i].revenue;
    model.monetary = quintileCuts(std::move(values));
    return model;
}

RfmScores RfmModel::score(const RfmInput &buyer) const
{
    RfmScores scores;
    const double days = static_cast<double>(daysSince(buyer.lastOrder));
    scores.recency = 1;
    for (double cut : recencyDays)
        scores.recency += days < cut ? 1 : 0;
    scores.frequency = scoreAbove(static_cast<double>(buyer.orders), frequency);
    scores.monetary = scoreAbove(buyer.revenue, monetary);
    return scores;
}

std::string RfmModel::toJson() const
{
    return json {
        { "version", kModelVersion },
        { "reference_time", referenceTime },
        { "buyers", buyers },
        { "recency_days", recencyDays },
        { "frequency", frequency },
        { "monetary", monetary },
    }
        .dump();
}

std::optional<RfmModel> RfmModel::fromJson(std::string_view text)
{
    const json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (!document.is_object() || document.value("version", 0) != kModelVersion)
        return std::nullopt;
    try {
        RfmModel model;
        model.referenceTime = document.at("reference_time").get<Millis>();
        model.buyers = document.at("buyers").get<std::int64_t>();
        model.recencyDays = document.at("recency_days").get<std::array<double, 4>>();
        model.frequency = document.at("frequency").get<std::array<double, 4>>();
        model.monetary = document.at("monetary").get<std::array<double, 4>>();
        return model;
    } catch (const json::exception &) {
        return std::nullopt;
    }
}

const char *rfmGroup(int recency, int frequency)
{
    if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5)
        return nullptr;
    return kGroupMap[recency - 1][frequency - 1];
}

const std::array<const char *, 10> &rfmGroupKeys()
{
    return kGroupKeys;
}

std::string rfmGroupName(std::string_view key)
{
    for (std::size_t i = 0; i < kGroupKeys.size(); ++i)
        if (key == kGroupKeys[i])
            return kGroupNames[i];
    return std::string(key);
}

std::vector<RfmGroupSize> RfmGroupSize::read(Database &db)
{
    std::vector<RfmGroupSize> sizes;
    for (const char *key : kGroupKeys)
        sizes.push_back({ key, rfmGroupName(key), 0, 0.0 });
    auto query = db.prepare("SELECT rfm_group, count(*), total(revenue) FROM profile_traits "
                            "WHERE rfm_group IS NOT NULL GROUP BY rfm_group");
    while (query.step()) {
        const auto key = query.columnView(0);
        for (auto &size : sizes) {
            if (size.group == key) {
                size.profiles = query.columnInt(1);
                size.revenue = query.columnDouble(2);
            }
        }
    }
    return sizes;
}

} // namespace clientele
