#include "ProfileSearchRunner.h"

#include <QLocale>

#include <unordered_map>

namespace clientele {

ProfileSearchRunner::ProfileSearchRunner(QObject *parent)
    : QObject(parent)
    // Nationally written phone numbers ("0151 …") are read in the user's country.
    , country_(QLocale::territoryToCode(QLocale().territory()).toStdString())
{
}

void ProfileSearchRunner::setWorkspace(const QString &path)
{
    ++*latest_;
    searching_ = false;
    worker_.setWorkspace(path);
}

void ProfileSearchRunner::search(const QString &text, int limit)
{
    const quint64 generation = ++*latest_;
    if (text.trimmed().isEmpty()) {
        searching_ = false;
        return;
    }
    searching_ = true;
    auto latest = latest_;
    const std::string query = text.trimmed().toStdString();
    const std::string country = country_;
    worker_.post<ProfileSearchResult>(
        this,
        [latest, generation, query, country, text, limit](Database &db) {
            ProfileSearchResult result;
            result.text = text;
            if (*latest != generation) {
                // A newer keystroke is queued behind this one: skip the work.
                result.superseded = true;
                return result;
            }
            ProfileSearch search(db, country);
            result.hits = search.find(query, limit);
            std::vector<std::int64_t> ids;
            ids.reserve(result.hits.size());
            for (const auto &hit : result.hits)
                ids.push_back(hit.profileId);
            // Hits in their order; a profile without traits yet still shows what the
            // search knows of it.
            std::unordered_map<std::int64_t, CustomerRow> byId;
            for (CustomerRow &row : CustomerList::rows(db, ids))
                byId.emplace(row.profileId, std::move(row));
            for (const auto &hit : result.hits) {
                if (auto it = byId.find(hit.profileId); it != byId.end()) {
                    result.rows.push_back(std::move(it->second));
                } else {
                    CustomerRow row;
                    row.profileId = hit.profileId;
                    row.name = hit.displayName;
                    row.email = hit.email;
                    row.phone = hit.phone;
                    result.rows.push_back(std::move(row));
                }
            }
            return result;
        },
        [this, generation](ProfileSearchResult result) {
            if (result.superseded || generation != *latest_)
                return;
            searching_ = false;
            Q_EMIT finished(result);
        },
        [this, generation](const QString &message) {
            if (generation != *latest_)
                return;
            searching_ = false;
            Q_EMIT failed(message);
        });
}

} // namespace clientele
