#include "CartEvents.h"

#include "common/Time.h"
#include "export/Audience.h"
#include "export/DiscountCodes.h"
#include "export/ExportError.h"
#include "export/ExportJob.h"
#include "ingest/ImportJob.h"
#include "journey/Journey.h"
#include "journey/JourneyLift.h"
#include "journey/JourneyOutbox.h"
#include "journey/JourneyRuntime.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyStore.h"
#include "segment/SegmentDefinition.h"
#include "segment/SegmentEvaluator.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace clientele;
using nlohmann::json;

namespace {

/// The runtime's journey: a cart left for an hour gets an e-mail with a code, then the
/// shopper has 24 h to order; the goal is an order.
json cartJourney(bool withHoldout = false)
{
    json nodes = json::array({
        { { "id", "entry" }, { "kind", "entry" },
            { "config",
                { { "trigger",
                      { { "event", "product_added" }, { "then_not", "order_completed" },
                          { "within_hours", 1 } } },
                    { "reentry", "every_time" } } } },
        { { "id", "mail" }, { "kind", "send" },
            { "config",
                { { "channel", "email" }, { "subject", "{{first_name|Hi}}, your cart" },
                    { "body", "{{cart.items}} for {{cart.value}}" },
                    { "offer",
                        { { "kind", "discount" }, { "code_pattern", "CART-XXXXXX" },
                            { "percent", 10 } } } } } },
        { { "id", "until" }, { "kind", "wait_until" },
            { "config", { { "event", "order_completed" }, { "timeout_hours", 24 } } } },
        { { "id", "done" }, { "kind", "exit" } },
    });
    json connections = json::array();
    auto connect = [&](const char *from, const char *port, const char *to) {
        connections.push_back({ { "from", { { "node", from }, { "port", port } } },
            { "to", { { "node", to }, { "port", "in" } } } });
    };
    if (withHoldout) {
        nodes.push_back({ { "id", "split" }, { "kind", "split" },
            { "config",
                { { "arms",
                    { { { "port", "mail" }, { "percent", 50 } },
                        { { "port", "holdout" }, { "percent", 50 },
                            { "holdout", true } } } } } } });
        connect("entry", "out", "split");
        connect("split", "mail", "mail");
        connect("split", "holdout", "mail");
    } else {
        connect("entry", "out", "mail");
    }
    connect("mail", "out", "until");
    connect("until", "event", "done");
    connect("until", "timeout", "done");
    return { { "version", 1 }, { "name", "Cart rescue" },
        { "settings", { { "goal", "order_completed" }, { "seed", 3 } } }, { "nodes", nodes },
        { "connections", connections } };
}

/// A journey that enters on trigger and passes the steps in order, then exits.
json chain(const char *name, const char *trigger, const json &steps)
{
    json nodes = json::array({ { { "id", "entry" }, { "kind", "entry" },
        { "config", { { "trigger", { { "event", trigger } } } } } } });
    json connections = json::array();
    std::string from = "entry";
    for (const json &step : steps) {
        nodes.push_back(step);
        connections.push_back({ { "from", { { "node", from }, { "port", "out" } } },
            { "to", { { "node", step.at("id") }, { "port", "in" } } } });
        from = step.at("id").get<std::string>();
    }
    nodes.push_back({ { "id", "done" }, { "kind", "exit" } });
    connections.push_back({ { "from", { { "node", from }, { "port", "out" } } },
        { "to", { { "node", "done" }, { "port", "in" } } } });
    return { { "version", 1 }, { "name", name }, { "nodes", nodes },
        { "connections", connections } };
}

ImportMapping eventsMapping()
{
    return test::cartEventsMapping();
}

const char *kHeader = test::kCartEventsHeader;

} // namespace

/**
 * The journey runtime: state per shopper that survives a reopen and advances with each
 * import, the outbox with rendered messages and codes, goal exits, switching off, holdouts
 * and the journey store. Every import goes through the real ImportJob from a file on disk.
 */
class TestJourneyRuntime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storeSavesRenamesDuplicatesRemoves();
    void switchingOnNeedsAValidJourney();
    void advancesAcrossTwoImportsAndAReopen();
    void switchedOffKeepsStateAndIgnoresImports();
    void holdoutReceivesNothingAndLiftComparesArms();
    void failedImportLeavesJourneysAsTheyWere();
    void outboxExportsEachMessageOnce();
    void pushAndBannerOutboxes();
    void updateProfileTagsForSegments();
    void stateFollowsAMerge();
    void entryOnJoiningASegment();
    void lateEventsLetNobodyIn();

private:
    ImportSummary importText(const QString &name, const std::string &rows,
        const char *header = kHeader, const ImportMapping &mapping = eventsMapping());
    void reopen();
    /// Saves the journey and switches it on; an empty workspace first gets one day of
    /// history (a journey takes the first data it sees as history).
    void switchOn(JourneyStore &store, const json &document);
    /// The cart journey on, and Ana's cart left at 10:00 with the clock past 11:00: she
    /// got the e-mail and waits for an order.
    void startWithAnasCart(JourneyStore &store);
    std::int64_t queryInt(const std::string &sql);

    QTemporaryDir dir_;
    QString path_;
    std::unique_ptr<Workspace> workspace_;
};

void TestJourneyRuntime::init()
{
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath(
        QString::fromUtf8(QTest::currentTestFunction()) + QStringLiteral(".clientele"));
    QFile::remove(path_);
    workspace_ = std::make_unique<Workspace>(Workspace::create(path_.toStdString()));
}

void TestJourneyRuntime::cleanup()
{
    workspace_.reset();
}

ImportSummary TestJourneyRuntime::importText(
    const QString &name, const std::string &rows, const char *header, const ImportMapping &mapping)
{
    const QString file = dir_.filePath(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(file));
    out.write(header);
    out.write(rows.data(), static_cast<qint64>(rows.size()));
    out.close();
    ImportRequest request;
    request.inputPath = file.toStdString();
    request.mapping = mapping;
    return ImportJob::run(*workspace_, request);
}

void TestJourneyRuntime::switchOn(JourneyStore &store, const json &document)
{
    if (queryInt("SELECT count(*) FROM events") == 0)
        importText(QStringLiteral("history.csv"),
            "2026-03-01 00:00:00,Page Viewed,history@example.com,Hal,,,,,\n");
    const Journey journey = Journey::fromJson(document);
    store.save(journey, 1);
    store.setActive(journey.name, true, 2);
}

void TestJourneyRuntime::startWithAnasCart(JourneyStore &store)
{
    switchOn(store, cartJourney());
    importText(QStringLiteral("day1.csv"),
        "2026-03-02 10:00:00,Product Added,ana@example.com,Ana,c-ana,TENT-1,Trail Tent,199.00,yes\n"
        "2026-03-02 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
}

void TestJourneyRuntime::reopen()
{
    workspace_.reset();
    workspace_ = std::make_unique<Workspace>(Workspace::open(path_.toStdString()));
}

std::int64_t TestJourneyRuntime::queryInt(const std::string &sql)
{
    return workspace_->db().queryInt(sql);
}

void TestJourneyRuntime::storeSavesRenamesDuplicatesRemoves()
{
    JourneyStore store(workspace_->db());
    Journey journey = Journey::fromJson(cartJourney());
    store.save(journey, 100);
    QCOMPARE(store.list().size(), std::size_t(1));
    QVERIFY(*store.load("Cart rescue") == journey);

    // A draft that does not validate can be saved while the journey is off.
    Journey draft = journey;
    draft.connections.pop_back();
    store.save(draft, 200);
    QCOMPARE(store.load("Cart rescue")->connections.size(), journey.connections.size() - 1);
    QCOMPARE(store.summary("Cart rescue")->updatedAt, Millis(200));
    store.save(journey, 300);

    store.duplicate("Cart rescue", "Cart rescue (copy)", 400);
    QCOMPARE(store.list().size(), std::size_t(2));
    QCOMPARE(store.load("Cart rescue (copy)")->nodes, journey.nodes);
    QVERIFY_THROWS_EXCEPTION(
        JourneyStoreError, store.duplicate("Cart rescue", "Cart rescue (copy)", 500));
    QVERIFY_THROWS_EXCEPTION(JourneyStoreError, store.rename("Nope", "Other", 500));
    store.rename("Cart rescue (copy)", "Second", 500);
    QCOMPARE(store.load("Second")->name, std::string("Second"));
    QVERIFY(!store.load("Cart rescue (copy)"));
    QVERIFY(store.remove("Second"));
    QVERIFY(!store.remove("Second"));
    QCOMPARE(store.list().size(), std::size_t(1));
    QVERIFY_THROWS_EXCEPTION(JourneyStoreError, store.save(Journey {}, 600));

    // Saving under a new name renames and saves in one transaction: a journey that is on
    // refuses an invalid definition, and keeps its old name too.
    store.setActive("Cart rescue", true, 700);
    Journey renamed = draft;
    renamed.name = "Cart rescue 2";
    QVERIFY_THROWS_EXCEPTION(JourneyInvalid, store.saveAs("Cart rescue", renamed, 800));
    QVERIFY(store.contains("Cart rescue"));
    QVERIFY(!store.contains("Cart rescue 2"));
    QVERIFY(*store.load("Cart rescue") == journey);
    renamed = journey;
    renamed.name = "Cart rescue 2";
    store.saveAs("Cart rescue", renamed, 900);
    QVERIFY(!store.contains("Cart rescue"));
    QVERIFY(store.summary("Cart rescue 2")->active); // the same journey, still on
    QCOMPARE(store.summary("Cart rescue 2")->updatedAt, Millis(900));
}

void TestJourneyRuntime::switchingOnNeedsAValidJourney()
{
    JourneyStore store(workspace_->db());
    Journey draft = Journey::fromJson(cartJourney());
    draft.connections.pop_back(); // the wait-until's timeout leads nowhere
    store.save(draft, 100);
    try {
        store.setActive("Cart rescue", true, 200);
        QFAIL("an invalid journey was switched on");
    } catch (const JourneyInvalid &invalid) {
        QVERIFY(!invalid.issues().empty());
        QCOMPARE(invalid.issues().front().nodeId, std::string("until"));
    }
    QVERIFY(!store.summary("Cart rescue")->active);

    store.save(Journey::fromJson(cartJourney()), 300);
    store.setActive("Cart rescue", true, 400);
    QVERIFY(store.summary("Cart rescue")->active);
    // A running journey only takes valid changes.
    QVERIFY_THROWS_EXCEPTION(JourneyInvalid, store.save(draft, 500));
    QCOMPARE(store.load("Cart rescue")->connections.size(), draft.connections.size() + 1);
}

void TestJourneyRuntime::advancesAcrossTwoImportsAndAReopen()
{
    {
        JourneyStore store(workspace_->db());
        switchOn(store, cartJourney());
    }
    // Ana and Dan leave carts (consent given), Ben leaves one without consent, Cleo orders
    // within the hour; Eve's page view at noon moves the workspace's clock past 11:00.
    const ImportSummary first = importText(QStringLiteral("day1.csv"),
        "2026-03-02 10:00:00,Product Added,ana@example.com,Ana,c-ana,TENT-1,Trail Tent,199.00,yes\n"
        "2026-03-02 10:01:00,Product Added,ana@example.com,Ana,c-ana,LAMP-2,Head Lamp,25.50,\n"
        "2026-03-02 10:00:00,Product Added,ben@example.com,Ben,c-ben,TENT-1,Trail Tent,199.00,no\n"
        "2026-03-02 10:00:00,Product Added,cleo@example.com,Cleo,c-cleo,TENT-1,Trail "
        "Tent,199.00,yes\n"
        "2026-03-02 10:30:00,Order Completed,cleo@example.com,Cleo,c-cleo,,,199.00,\n"
        "2026-03-02 10:00:00,Product Added,dan@example.com,Dan,c-dan,LAMP-2,Head Lamp,25.50,yes\n"
        "2026-03-02 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    QCOMPARE(first.rejected, 0);
    QCOMPARE(first.journeyEntries, 3); // Ana, Ben, Dan
    QCOMPARE(first.journeyMessages, 2); // Ben has no consent

    Database &db = workspace_->db();
    OutboxFilter filter;
    filter.journey = "Cart rescue";
    std::vector<OutboxMessage> messages = JourneyOutbox::list(db, filter, 10);
    QCOMPARE(messages.size(), std::size_t(2));
    const auto ana = std::find_if(messages.begin(), messages.end(),
        [](const OutboxMessage &m) { return m.address == "ana@example.com"; });
    QVERIFY(ana != messages.end());
    QCOMPARE(ana->channel, std::string("email"));
    QCOMPARE(ana->node, std::string("mail"));
    QCOMPARE(ana->subject, std::string("Ana, your cart"));
    QCOMPARE(QString::fromStdString(ana->body),
        QStringLiteral("Trail Tent and Head Lamp for 224.50 EUR"));
    QCOMPARE(ana->dueAt, *parseIsoDate("2026-03-02") + 11 * kMillisPerHour + 60 * 1000);
    QCOMPARE(ana->offer, std::string("10 % off"));
    QVERIFY(ana->offerCode.starts_with("CART-"));
    const auto traced = DiscountCodes::trace(db, ana->offerCode);
    QVERIFY(traced);
    QCOMPARE(traced->profileId, ana->profileId);

    reopen();
    JourneyStore store(workspace_->db());
    QCOMPARE(store.summary("Cart rescue")->inJourney, 3); // waiting for an order
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE node = 'until'"), 3);

    // Next day: Ana orders (goal), the others' 24 hours run out at 11:00 the day after.
    const ImportSummary second = importText(QStringLiteral("day2.csv"),
        "2026-03-02 15:00:00,Order Completed,ana@example.com,Ana,c-ana,,,224.50,\n"
        "2026-03-03 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    QCOMPARE(second.rejected, 0);
    QCOMPARE(second.journeyEntries, 0);
    QCOMPARE(second.journeyMessages, 0);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 0);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries WHERE converted_at IS NOT NULL"), 1);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries WHERE left_at IS NOT NULL "
                      "AND converted_at IS NULL"),
        2);
    QCOMPARE(JourneyOutbox::count(workspace_->db(), filter), 2);
    Statement statsQuery(workspace_->db(), "SELECT stats FROM journeys");
    QVERIFY(statsQuery.step());
    const json stats = json::parse(statsQuery.columnText(0));
    QCOMPARE(stats.at("entered").get<int>(), 3);
    QCOMPARE(stats.at("conversions").get<int>(), 1);
    QCOMPARE(stats.at("nodes").at("mail").at("sent").get<int>(), 2);
    QCOMPARE(stats.at("nodes").at("mail").at("skipped_consent").get<int>(), 1);
    QCOMPARE(stats.at("nodes").at("until").at("left_at_goal").get<int>(), 1);
    QCOMPARE(stats.at("nodes").at("done").at("exited").get<int>(), 2);
}

void TestJourneyRuntime::switchedOffKeepsStateAndIgnoresImports()
{
    JourneyStore store(workspace_->db());
    startWithAnasCart(store);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 1);

    store.setActive("Cart rescue", false, 3);
    // While off, a new cart and the passing of Ana's 24 hours change nothing.
    const ImportSummary off = importText(QStringLiteral("day2.csv"),
        "2026-03-03 09:00:00,Product Added,dan@example.com,Dan,c-dan,LAMP-2,Head Lamp,25.50,yes\n"
        "2026-03-04 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    QCOMPARE(off.journeyEntries, 0);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 1);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE node = 'until'"), 1);

    // Switched on again, it goes on from where it was with what is imported from now on.
    store.setActive("Cart rescue", true, 4);
    const ImportSummary on = importText(QStringLiteral("day3.csv"),
        "2026-03-05 09:00:00,Product Added,fay@example.com,Fay,c-fay,LAMP-2,Head Lamp,25.50,yes\n"
        "2026-03-05 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    QCOMPARE(on.journeyEntries, 1); // Fay; Dan's cart was added while the journey was off
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries WHERE left_at IS NOT NULL"), 1);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 1);
}

void TestJourneyRuntime::holdoutReceivesNothingAndLiftComparesArms()
{
    JourneyStore store(workspace_->db());
    switchOn(store, cartJourney(true));
    std::string rows;
    for (int i = 0; i < 40; ++i) {
        const std::string email = "shopper" + std::to_string(i) + "@example.com";
        rows += "2026-03-02 10:00:00,Product Added," + email + ",S,c-" + std::to_string(i)
            + ",TENT-1,Trail Tent,199.00,yes\n";
    }
    rows += "2026-03-02 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n";
    const ImportSummary first = importText(QStringLiteral("carts.csv"), rows);
    QCOMPARE(first.journeyEntries, 40);
    const std::int64_t heldOut
        = queryInt("SELECT count(*) FROM journey_entries WHERE held_out = 1");
    QVERIFY(heldOut > 5 && heldOut < 35);
    QCOMPARE(first.journeyMessages, 40 - heldOut);
    // No held-out shopper has a message.
    QCOMPARE(queryInt("SELECT count(*) FROM outbox o JOIN journey_entries e "
                      "ON e.profile_id = o.profile_id WHERE e.held_out = 1"),
        0);
    // The arm is a function of the seed and the shopper: the same as the simulator's.
    Statement arms(workspace_->db(), "SELECT profile_id, held_out FROM journey_entries");
    while (arms.step())
        QCOMPARE(
            arms.columnInt(1) != 0, JourneySimulator::splitBucket(3, arms.columnInt(0)) >= 5000);

    // Half of each arm's first ten shoppers (by id) order afterwards.
    std::string orders;
    Statement buyers(workspace_->db(),
        "SELECT i.value FROM journey_entries e JOIN identities i ON i.profile_id = e.profile_id "
        "AND i.kind = 'email' WHERE e.profile_id % 2 = 0");
    int buying = 0;
    while (buyers.step()) {
        orders += "2026-03-02 18:00:00,Order Completed," + buyers.columnText(0) + ",S,,,,199.00,\n";
        ++buying;
    }
    orders += "2026-03-04 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n";
    importText(QStringLiteral("orders.csv"), orders);
    const LiftReport lift = JourneyLift::measureJourney(workspace_->db(), "Cart rescue");
    QCOMPARE(lift.treatment.sends + lift.holdout.sends, 40);
    QCOMPARE(lift.holdout.sends, heldOut);
    QCOMPARE(lift.treatment.conversions + lift.holdout.conversions, buying);
    QCOMPARE(lift.difference, lift.treatment.rate() - lift.holdout.rate());
    QVERIFY(lift.ciLow < lift.difference && lift.difference < lift.ciHigh);
}

void TestJourneyRuntime::failedImportLeavesJourneysAsTheyWere()
{
    JourneyStore store(workspace_->db());
    startWithAnasCart(store);
    const std::int64_t outbox = queryInt("SELECT count(*) FROM outbox");
    QCOMPARE(outbox, 1);

    // An import cancelled at its end (after the journeys advanced) rolls back with them.
    class CancelAtJourneys : public ProgressSink {
    public:
        bool report(const Progress &progress) override
        {
            return progress.stage != std::string(JourneySimulator::kProgressStage);
        }
    } cancel;
    const QString file = dir_.filePath(QStringLiteral("day2.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(kHeader);
    out.write("2026-03-03 10:00:00,Product Added,dan@example.com,Dan,c-dan,LAMP-2,Head Lamp,"
              "25.50,yes\n2026-03-03 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    out.close();
    ImportRequest request;
    request.inputPath = file.toStdString();
    request.mapping = eventsMapping();
    QVERIFY_THROWS_EXCEPTION(Cancelled, ImportJob::run(*workspace_, request, &cancel));
    QCOMPARE(queryInt("SELECT count(*) FROM outbox"), outbox);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries"), 1);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE node = 'until'"), 1);
    QCOMPARE(
        queryInt("SELECT last_event_id FROM journeys"), queryInt("SELECT max(id) FROM events"));
}

void TestJourneyRuntime::outboxExportsEachMessageOnce()
{
    JourneyStore store(workspace_->db());
    switchOn(store, cartJourney());
    importText(QStringLiteral("day1.csv"),
        "2026-03-02 10:00:00,Product Added,ana@example.com,Ana,c-ana,TENT-1,Trail Tent,199.00,yes\n"
        "2026-03-02 10:00:00,Product Added,dan@example.com,Dan,c-dan,LAMP-2,Head Lamp,25.50,yes\n"
        "2026-03-02 12:00:00,Page Viewed,eve@example.com,Eve,,,,,\n");
    // Dan unsubscribes after the message was scheduled: the export leaves him out.
    importText(QStringLiteral("day1b.csv"),
        "2026-03-02 12:30:00,Page Viewed,dan@example.com,Dan,,,,,unsubscribed\n");
    Database &db = workspace_->db();
    const JourneySummary journey = *store.summary("Cart rescue");
    QCOMPARE(journey.outboxPending, 2);

    ExportRequest request;
    request.audience = Audience::outbox(journey.id, journey.name, "email");
    request.outputPath = dir_.filePath(QStringLiteral("outbox.csv")).toStdString();
    const ExportSummary summary = ExportJob::run(db, request);
    QCOMPARE(summary.audience, 2);
    QCOMPARE(summary.exported, 1);
    QCOMPARE(summary.suppressedTotal(), 1);
    QFile file(QString::fromStdString(request.outputPath));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.at(0).trimmed(),
        QByteArray("Email,First name,Last name,Country,Subject,Message,Message offer,"
                   "Message code,Send at"));
    const QByteArray row = lines.at(1).trimmed();
    QVERIFY2(row.startsWith("ana@example.com,Ana,,"), row.constData());
    QVERIFY2(row.contains(",\"Ana, your cart\",Trail Tent for 199.00 EUR,10 % off,CART-"),
        row.constData());
    QVERIFY2(row.endsWith(",2026-03-02T11:00:00Z"), row.constData());
    QCOMPARE(store.summary("Cart rescue")->outboxPending, 0);

    // Handed over once: the next export of the outbox is empty.
    request.outputPath = dir_.filePath(QStringLiteral("outbox-again.csv")).toStdString();
    QCOMPARE(ExportJob::run(db, request).audience, 0);
    // The outbox goes out on its own channel, and message columns need an outbox.
    request.format = ExportFormat::CustomerMatch;
    request.outputPath = dir_.filePath(QStringLiteral("wrong.csv")).toStdString();
    QVERIFY_THROWS_EXCEPTION(ExportError, ExportJob::run(db, request));
    ExportRequest segment;
    segment.columns = { "email", "message_body" };
    segment.outputPath = request.outputPath;
    QVERIFY_THROWS_EXCEPTION(ExportError, ExportJob::run(db, segment));
}

void TestJourneyRuntime::pushAndBannerOutboxes()
{
    // Every product view gets a push (app users) and a banner.
    const json document = chain("Viewed", "product_viewed",
        { { { "id", "push" }, { "kind", "send" },
              { "config",
                  { { "channel", "push" }, { "body", "{{first_name|Hi}}, still looking?" } } } },
            { { "id", "banner" }, { "kind", "send" },
                { "config", { { "channel", "banner" }, { "body", "Welcome back" } } } } });
    JourneyStore store(workspace_->db());
    switchOn(store, document);
    ImportMapping mapping;
    mapping.columns = { { "Time", FieldTarget::Timestamp, {} },
        { "Event", FieldTarget::EventType, {} }, { "Email", FieldTarget::Identity, "email" },
        { "Device", FieldTarget::Identity, "anonymous_id" },
        { "First", FieldTarget::FirstName, {} }, { "Push", FieldTarget::Consent, "push" } };
    mapping.timezone = "UTC";
    // Ana's app accepted push, Ben's app declined it, Cleo browses the web shop only.
    const ImportSummary imported = importText(QStringLiteral("views.csv"),
        "2026-03-02 10:00:00,Product Viewed,ana@example.com,app-ana,Ana,yes\n"
        "2026-03-02 10:00:00,Product Viewed,ben@example.com,app-ben,Ben,no\n"
        "2026-03-02 10:00:00,Product Viewed,cleo@example.com,,Cleo,\n",
        "Time,Event,Email,Device,First,Push\n", mapping);
    QCOMPARE(imported.journeyEntries, 3);
    QCOMPARE(imported.journeyMessages, 4); // Ana's push and three banners

    Database &db = workspace_->db();
    const JourneySummary journey = *store.summary("Viewed");
    ExportRequest request;
    request.channel = ExportChannel::Push;
    request.audience = Audience::outbox(journey.id, journey.name, "push");
    request.outputPath = dir_.filePath(QStringLiteral("push.csv")).toStdString();
    const ExportSummary push = ExportJob::run(db, request);
    QCOMPARE(push.exported, 1);
    QFile pushFile(QString::fromStdString(request.outputPath));
    QVERIFY(pushFile.open(QIODevice::ReadOnly));
    QCOMPARE(pushFile.readLine().trimmed(),
        QByteArray("Address,Profile ID,Customer ID,First name,Subject,Message,Message offer,"
                   "Message code,Send at"));
    QVERIFY(pushFile.readLine().startsWith("app-ana,"));

    request.channel = ExportChannel::OnSite;
    request.audience = Audience::outbox(journey.id, journey.name, "banner");
    request.outputPath = dir_.filePath(QStringLiteral("banner.csv")).toStdString();
    const ExportSummary banner = ExportJob::run(db, request);
    QCOMPARE(banner.exported, 3);
    QCOMPARE(banner.headers.front(), std::string("Profile ID"));
    // Push and banner files come only from an outbox.
    ExportRequest notOutbox;
    notOutbox.channel = ExportChannel::Push;
    notOutbox.outputPath = dir_.filePath(QStringLiteral("no.csv")).toStdString();
    QVERIFY_THROWS_EXCEPTION(ExportError, ExportJob::run(db, notOutbox));
}

void TestJourneyRuntime::updateProfileTagsForSegments()
{
    const json document = chain("Tagger", "product_added",
        { { { "id", "tag" }, { "kind", "update_profile" },
            { "config", { { "tag", "cart-starter" } } } } });
    JourneyStore store(workspace_->db());
    switchOn(store, document);
    importText(QStringLiteral("carts.csv"),
        "2026-03-02 10:00:00,Product Added,ana@example.com,Ana,c-ana,TENT-1,Trail Tent,199.00,yes\n"
        "2026-03-02 10:00:00,Page Viewed,ben@example.com,Ben,,,,,\n");
    const auto tagged = SegmentDefinition::fromJson(json { { "version", 1 },
        { "rule",
            { { "type", "trait" }, { "field", "tags" }, { "op", "contains" },
                { "value", "cart-starter" } } } });
    SegmentEvaluator evaluator(workspace_->db());
    QCOMPARE(evaluator.count(tagged), 1);
    QCOMPARE(queryInt("SELECT count(*) FROM profile_tags t JOIN identities i ON i.profile_id = "
                      "t.profile_id WHERE i.value = 'ana@example.com' AND t.tag = 'cart-starter'"),
        1);
}

void TestJourneyRuntime::stateFollowsAMerge()
{
    JourneyStore store(workspace_->db());
    switchOn(store, cartJourney());
    ImportMapping mapping = eventsMapping();
    mapping.columns.push_back({ "Device", FieldTarget::Identity, "anonymous_id" });
    const char *header = "Time,Event,Email,First,Cart,SKU,Product,Price,Newsletter,Device\n";
    // A guest leaves a cart on a device; Ana is known by e-mail already.
    importText(QStringLiteral("day1.csv"),
        "2026-03-02 08:00:00,Page Viewed,ana@example.com,Ana,,,,,yes,\n"
        "2026-03-02 10:00:00,Product Added,,,c-1,TENT-1,Trail Tent,199.00,,dev-1\n"
        "2026-03-02 12:00:00,Page Viewed,eve@example.com,Eve,,,,,,\n",
        header, mapping);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE node = 'until'"), 1);
    const std::int64_t guest = queryInt("SELECT profile_id FROM journey_state");
    // Ana signs in on that device: the guest's profile merges with hers, and the shopper
    // waiting for an order is still waiting, now as Ana.
    importText(QStringLiteral("day2.csv"),
        "2026-03-02 13:00:00,Signed In,ana@example.com,Ana,,,,,,dev-1\n", header, mapping);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE node = 'until'"), 1);
    const std::int64_t now = queryInt("SELECT profile_id FROM journey_state");
    QCOMPARE(queryInt("SELECT count(*) FROM profiles WHERE id = " + std::to_string(now)), 1);
    QCOMPARE(now, queryInt("SELECT profile_id FROM identities WHERE value = 'ana@example.com'"));
    QCOMPARE(
        queryInt("SELECT count(*) FROM journey_entries WHERE profile_id = " + std::to_string(now)),
        1);
    QVERIFY2(now != guest, "the known profile is kept, so the guest's state had to move");
    // Her order now ends the stay as a conversion.
    importText(QStringLiteral("day3.csv"),
        "2026-03-02 14:00:00,Order Completed,ana@example.com,Ana,c-1,,,199.00,,\n", header,
        mapping);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries WHERE converted_at IS NOT NULL"), 1);
}

void TestJourneyRuntime::entryOnJoiningASegment()
{
    // Ben is a repeat buyer before the journey runs; Ana becomes one afterwards and enters.
    importText(QStringLiteral("orders1.csv"),
        "2026-03-01 10:00:00,Order Completed,ana@example.com,Ana,,,,30.00,yes\n"
        "2026-03-01 10:00:00,Order Completed,ben@example.com,Ben,,,,30.00,yes\n"
        "2026-03-01 11:00:00,Order Completed,ben@example.com,Ben,,,,30.00,\n");
    const json repeatBuyers = { { "version", 1 },
        { "rule",
            { { "type", "trait" }, { "field", "orders" }, { "op", ">=" }, { "value", 2 } } } };
    json document = chain("Thank repeat buyers", "unused",
        { { { "id", "mail" }, { "kind", "send" },
            { "config",
                { { "channel", "email" }, { "subject", "Thank you, {{first_name}}" } } } } });
    document["nodes"][0]["config"]["trigger"] = { { "segment", repeatBuyers } };
    JourneyStore store(workspace_->db());
    switchOn(store, document);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_members"), 1); // Ben

    const ImportSummary second = importText(QStringLiteral("orders2.csv"),
        "2026-03-02 10:00:00,Order Completed,ana@example.com,Ana,,,,30.00,\n");
    QCOMPARE(second.journeyEntries, 1);
    QCOMPARE(second.journeyMessages, 1);
    OutboxFilter filter;
    filter.journey = "Thank repeat buyers";
    const auto messages = JourneyOutbox::list(workspace_->db(), filter, 10);
    QCOMPARE(messages.size(), std::size_t(1));
    QCOMPARE(messages.front().subject, std::string("Thank you, Ana"));
    QCOMPARE(queryInt("SELECT count(*) FROM journey_members"), 2);
    // Another import changes nothing: both were members already.
    QCOMPARE(importText(QStringLiteral("orders3.csv"),
                 "2026-03-03 10:00:00,Page Viewed,ana@example.com,Ana,,,,,\n")
                 .journeyEntries,
        0);
}

void TestJourneyRuntime::lateEventsLetNobodyIn()
{
    JourneyStore store(workspace_->db());
    startWithAnasCart(store);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 1);
    // A file of last month arrives late: its carts let nobody in, but Ana's order in it
    // is still an order (she leaves as converted).
    const ImportSummary late = importText(QStringLiteral("february.csv"),
        "2026-02-10 10:00:00,Product Added,dan@example.com,Dan,c-dan,LAMP-2,Head Lamp,25.50,yes\n"
        "2026-02-11 10:00:00,Order Completed,ana@example.com,Ana,c-old,,,20.00,\n");
    QCOMPARE(late.journeyEntries, 0);
    QCOMPARE(late.journeyMessages, 0);
    QCOMPARE(store.summary("Cart rescue")->inJourney, 0);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_entries WHERE converted_at IS NOT NULL"), 1);
    QCOMPARE(queryInt("SELECT count(*) FROM journey_state WHERE wake_at IS NOT NULL"), 0);
}

QTEST_GUILESS_MAIN(TestJourneyRuntime)
#include "test_journey_runtime.moc"
