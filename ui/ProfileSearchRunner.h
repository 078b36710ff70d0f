#pragma once

#include "DatabaseWorker.h"

#include "profile/CustomerList.h"
#include "profile/ProfileSearch.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

namespace clientele {

/// What one search found: the hits, and the customer-list row of each (same order).
struct ProfileSearchResult {
    QString text;
    std::vector<ProfileSearchHit> hits;
    std::vector<CustomerRow> rows;
    bool superseded = false;
};

/**
 * Searches profiles as the user types, on a worker thread with its own connection. A
 * newer search supersedes an older one: a queued older search is skipped, and a late
 * result of one is never delivered.
 */
class ProfileSearchRunner : public QObject {
    Q_OBJECT

public:
    explicit ProfileSearchRunner(QObject *parent = nullptr);

    void setWorkspace(const QString &path);
    /// Starts searching for text (limit hits); an empty text cancels the pending search.
    void search(const QString &text, int limit = 50);
    bool isSearching() const { return searching_; }

Q_SIGNALS:
    void finished(const clientele::ProfileSearchResult &result);
    void failed(const QString &message);

private:
    DatabaseWorker worker_;
    std::shared_ptr<std::atomic<quint64>> latest_ = std::make_shared<std::atomic<quint64>>(0);
    std::string country_;
    bool searching_ = false;
};

} // namespace clientele
