#pragma once

#include "DatabaseWorker.h"

#include "journey/JourneyOutbox.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace clientele {

/**
 * The "Outbox" tab: the messages a saved journey that runs has scheduled (JourneyOutbox),
 * newest due first, filtered by channel, with how many are waiting, and "Export…" of one
 * channel's waiting messages through the Export area.
 */
class JourneyOutboxPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kShown = 500;

    explicit JourneyOutboxPanel(QWidget *parent = nullptr);
    ~JourneyOutboxPanel() override;

    void setWorkspace(const QString &path);
    /// Shows the outbox of the saved journey called name (empty: none).
    void showJourney(const QString &name);
    void reload();
    const QString &journey() const { return journey_; }
    QTableWidget *table() const { return table_; }
    /// The whole of the selected message, under the table.
    QLabel *detailLabel() const { return detail_; }
    QLabel *countLabel() const { return count_; }
    bool isLoading() const { return loading_; }

Q_SIGNALS:
    /// "Export…": the Export area should open with this outbox channel as the audience.
    void exportRequested(const QString &journey, const QString &channel);

private:
    /// What one read delivers.
    struct Page {
        std::vector<OutboxMessage> messages;
        std::int64_t total = 0;
        std::int64_t pending = 0;
    };
    void show(const Page &page);
    void showDetail(int row);

    DatabaseWorker reader_;
    QString journey_;
    QComboBox *channel_ = nullptr;
    QLabel *count_ = nullptr;
    QTableWidget *table_ = nullptr;
    QLabel *detail_ = nullptr;
    std::vector<OutboxMessage> shown_;
    QPushButton *export_ = nullptr;
    int generation_ = 0;
    bool loading_ = false;
};

} // namespace clientele
