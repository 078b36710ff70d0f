#include "JourneyLibrary.h"

#include "JourneyListModel.h"
#include "Prompts.h"

#include "common/Time.h"
#include "journey/JourneyStore.h"
#include "store/Database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace clientele {

JourneyLibrary::JourneyLibrary(QWidget *parent)
    : QWidget(parent)
    , worker_(Database::Mode::ReadWrite)
{
    setObjectName(QStringLiteral("journeyLibrary"));
    model_ = new JourneyListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Saved journeys"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("journeyTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setSectionResizeMode(JourneyListModel::Name, QHeaderView::Stretch);
    for (const int column :
        { JourneyListModel::Status, JourneyListModel::InJourney, JourneyListModel::Outbox })
        table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table_->setToolTip(tr("Double-click a journey to open it"));
    layout->addWidget(table_, 1);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    switch_ = new QPushButton(tr("Switch On"), this);
    switch_->setObjectName(QStringLiteral("switchJourney"));
    switch_->setToolTip(tr("On: each import moves shoppers along the saved journey"));
    duplicate_ = new QPushButton(tr("Duplicate"), this);
    duplicate_->setObjectName(QStringLiteral("duplicateJourney"));
    delete_ = new QPushButton(tr("Delete…"), this);
    delete_->setObjectName(QStringLiteral("deleteJourney"));
    buttons->addWidget(switch_);
    buttons->addWidget(duplicate_);
    buttons->addWidget(delete_);
    layout->addLayout(buttons);

    connect(table_, &QTableView::activated, this,
        [this](const QModelIndex &index) { openRow(index.row()); });
    connect(switch_, &QPushButton::clicked, this, [this] { toggleRow(currentRow()); });
    connect(duplicate_, &QPushButton::clicked, this, [this] { duplicateRow(currentRow()); });
    connect(delete_, &QPushButton::clicked, this, [this] { deleteRow(currentRow()); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        const int row = currentRow();
        Q_EMIT currentChanged(
            row >= 0 ? QString::fromStdString(model_->journeyAt(row).name) : QString());
    });
    updateButtons();
}

JourneyLibrary::~JourneyLibrary() = default;

void JourneyLibrary::setWorkspace(const QString &path)
{
    worker_.setWorkspace(path);
    model_->setJourneys({});
    reload();
}

int JourneyLibrary::currentRow() const
{
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

bool JourneyLibrary::contains(const QString &name) const
{
    return model_->rowOf(name) >= 0;
}

void JourneyLibrary::updateButtons()
{
    const int row = currentRow();
    duplicate_->setEnabled(row >= 0);
    delete_->setEnabled(row >= 0);
    switch_->setEnabled(row >= 0);
    switch_->setText(
        row >= 0 && model_->journeyAt(row).active ? tr("Switch Off") : tr("Switch On"));
}

void JourneyLibrary::run(
    std::function<std::vector<JourneySummary>(Database &)> job, std::function<void()> onDone)
{
    ++pending_;
    worker_.post<std::vector<JourneySummary>>(
        this, std::move(job),
        [this, onDone = std::move(onDone)](std::vector<JourneySummary> journeys) {
            --pending_;
            // Keep the selection on the same journey across the new list.
            const int row = currentRow();
            const QString selected
                = row >= 0 ? QString::fromStdString(model_->journeyAt(row).name) : QString();
            model_->setJourneys(std::move(journeys));
            if (const int again = model_->rowOf(selected); again >= 0)
                table_->selectRow(again);
            updateButtons();
            if (onDone)
                onDone();
        },
        [this](const QString &error) {
            --pending_;
            Q_EMIT message(error, true);
            reload();
        });
}

void JourneyLibrary::reload()
{
    run([](Database &db) { return JourneyStore(db).list(); });
}

void JourneyLibrary::save(const Journey &journey, const QString &previousName)
{
    const std::string previous = previousName.toStdString();
    const QString name = QString::fromStdString(journey.name);
    run(
        [journey, previous](Database &db) {
            JourneyStore store(db);
            // A renamed journey keeps its state and outbox: rename, then save, as one step.
            store.saveAs(previous, journey, nowMillis());
            return store.list();
        },
        [this, name] {
            table_->selectRow(model_->rowOf(name));
            Q_EMIT saved(name);
            Q_EMIT message(tr("Saved \"%1\".").arg(name), false);
        });
}

void JourneyLibrary::openRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const std::string name = model_->journeyAt(row).name;
    ++pending_;
    worker_.post<Journey>(
        this,
        [name](Database &db) {
            auto journey = JourneyStore(db).load(name);
            if (!journey)
                throw JourneyStoreError("The journey \"" + name + "\" is no longer saved");
            return *journey;
        },
        [this](Journey journey) {
            --pending_;
            Q_EMIT journeyLoaded(journey);
        },
        [this](const QString &error) {
            --pending_;
            Q_EMIT message(error, true);
        });
}

QString JourneyLibrary::freeName(const QString &base) const
{
    QString name = tr("%1 (copy)").arg(base);
    for (int n = 2; contains(name); ++n)
        name = tr("%1 (copy %2)").arg(base).arg(n);
    return name;
}

void JourneyLibrary::duplicateRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const QString from = QString::fromStdString(model_->journeyAt(row).name);
    const QString to = freeName(from);
    run(
        [from = from.toStdString(), to = to.toStdString()](Database &db) {
            JourneyStore store(db);
            store.duplicate(from, to, nowMillis());
            return store.list();
        },
        [this, to] { table_->selectRow(model_->rowOf(to)); });
}

void JourneyLibrary::deleteRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const JourneySummary journey = model_->journeyAt(row);
    const QString name = QString::fromStdString(journey.name);
    QString text = tr("Delete the journey \"%1\"?").arg(name);
    if (journey.inJourney > 0 || journey.outboxPending > 0)
        text += QLatin1Char(' ')
            + tr("%1 shoppers are in it and %2 messages wait in its outbox; they go with it.")
                  .arg(QLocale().toString(static_cast<qlonglong>(journey.inJourney)),
                      QLocale().toString(static_cast<qlonglong>(journey.outboxPending)));
    if (!Prompts::confirm(this, tr("Delete Journey"), text, tr("Delete")))
        return;
    run(
        [name = journey.name](Database &db) {
            JourneyStore store(db);
            store.remove(name);
            return store.list();
        },
        [this, name] { Q_EMIT removed(name); });
}

void JourneyLibrary::toggleRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    const JourneySummary journey = model_->journeyAt(row);
    const bool on = !journey.active;
    const QString name = QString::fromStdString(journey.name);
    ++pending_;
    worker_.post<std::vector<JourneySummary>>(
        this,
        [name = journey.name, on](Database &db) {
            JourneyStore store(db);
            store.setActive(name, on, nowMillis());
            return store.list();
        },
        [this, name, on](std::vector<JourneySummary> journeys) {
            --pending_;
            model_->setJourneys(std::move(journeys));
            table_->selectRow(model_->rowOf(name));
            updateButtons();
            Q_EMIT switched(name);
            Q_EMIT message(on ? tr("\"%1\" is on: each import moves shoppers along it.").arg(name)
                              : tr("\"%1\" is off.").arg(name),
                false);
        },
        [this, name](const QString &error) {
            --pending_;
            // JourneyInvalid says the validator's first problem.
            Q_EMIT message(tr("\"%1\" cannot be switched on: %2").arg(name, error), true);
        });
}

} // namespace clientele
