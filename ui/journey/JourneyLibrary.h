#pragma once

#include "DatabaseWorker.h"

#include "journey/Journey.h"
#include "journey/JourneyStore.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace clientele {

class JourneyListModel;

/**
 * The saved journeys of the workspace (JourneyStore) on the left of the Journeys area:
 * name, on or off, shoppers in it and outbox pending; open (double-click), Duplicate,
 * Delete (confirmed) and Switch on/off. Saving the journey shown also goes through here.
 * Every read and write runs on one worker connection, in order.
 */
class JourneyLibrary : public QWidget {
    Q_OBJECT

public:
    explicit JourneyLibrary(QWidget *parent = nullptr);
    ~JourneyLibrary() override;

    void setWorkspace(const QString &path);
    void reload();
    /// Saves journey under its name; previousName is the name it was opened or last saved
    /// under (empty for a new one), which a renamed journey leaves. saved or message follow.
    void save(const Journey &journey, const QString &previousName);
    void openRow(int row);
    void duplicateRow(int row);
    void deleteRow(int row);
    void toggleRow(int row);
    int currentRow() const;
    /// Whether a journey of this name is saved.
    bool contains(const QString &name) const;

    JourneyListModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    QPushButton *switchButton() const { return switch_; }
    /// True while a read or write is queued or running.
    bool isBusy() const { return pending_ > 0; }

Q_SIGNALS:
    void journeyLoaded(const clientele::Journey &journey);
    void saved(const QString &name);
    void removed(const QString &name);
    /// The selected saved journey (empty: none).
    void currentChanged(const QString &name);
    void message(const QString &text, bool problem);
    /// The journey called name was switched on or off.
    void switched(const QString &name);

private:
    /// Runs a write (or read) and shows the list it returns.
    void run(std::function<std::vector<JourneySummary>(Database &)> job,
        std::function<void()> onDone = {});
    void updateButtons();
    QString freeName(const QString &base) const;

    DatabaseWorker worker_;
    JourneyListModel *model_ = nullptr;
    QTableView *table_ = nullptr;
    QPushButton *duplicate_ = nullptr;
    QPushButton *delete_ = nullptr;
    QPushButton *switch_ = nullptr;
    int pending_ = 0;
};

} // namespace clientele
