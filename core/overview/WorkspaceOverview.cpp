#include "WorkspaceOverview.h"

#include "store/Database.h"

#include <algorithm>

namespace clientele {

namespace {

constexpr const char *kOrderType = "order_completed";

} // namespace

WorkspaceOverview WorkspaceOverview::read(Database &db)
{
    WorkspaceOverview overview;
    {
        auto query = db.prepare("SELECT count(*), coalesce(sum(is_known), 0) FROM profiles");
        query.step();
        overview.shoppers = query.columnInt(0);
        overview.knownShoppers = query.columnInt(1);
        overview.anonymousShoppers = overview.shoppers - overview.knownShoppers;
    }
    {
        auto query = db.prepare("SELECT value FROM meta WHERE key = 'currency'");
        overview.currency = query.step() ? query.columnText(0) : std::string("EUR");
    }
    {
        auto query = db.prepare("SELECT channel, count(*) FROM events GROUP BY channel");
        while (query.step()) {
            overview.eventsByChannel.emplace_back(query.columnText(0), query.columnInt(1));
            overview.events += query.columnInt(1);
        }
        std::sort(overview.eventsByChannel.begin(), overview.eventsByChannel.end(),
            [](const auto &a, const auto &b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
    }
    {
        auto query = db.prepare("SELECT min(ts), max(ts) FROM events");
        if (query.step() && !query.isNull(0)) {
            overview.firstEvent = query.columnInt(0);
            overview.lastEvent = query.columnInt(1);
        }
    }
    {
        auto query = db.prepare(
            "SELECT strftime('%Y-%m', ts / 1000, 'unixepoch') AS month, count(*), "
            "coalesce(sum(value), 0) FROM events WHERE type = ?1 GROUP BY month ORDER BY month");
        query.bind(1, kOrderType);
        while (query.step()) {
            overview.orders += query.columnInt(1);
            overview.revenue += query.columnDouble(2);
            overview.revenueByMonth.emplace_back(query.columnText(0), query.columnDouble(2));
        }
    }
    return overview;
}

} // namespace clientele
