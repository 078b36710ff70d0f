#include "common/Time.h"
#include "demo/DemoStore.h"
#include "journey/Journey.h"
#include "journey/JourneyLift.h"
#include "journey/JourneyMessage.h"
#include "journey/JourneySimulator.h"
#include "journey/JourneyTemplates.h"
#include "journey/JourneyValidator.h"
#include "store/Database.h"
#include "store/Workspace.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>
#include <set>

using namespace clientele;
using nlohmann::json;

namespace {

/// Monday 2 March 2026, midnight UTC: the hand-built histories count hours from here.
const Millis kT0 = *parseIsoDate("2026-03-02");

Millis at(double hours)
{
    return kT0 + static_cast<Millis>(hours * static_cast<double>(kMillisPerHour));
}

/// What a shopper can receive, for the profile_traits row.
struct Shopper {
    std::int64_t id = 0;
    std::string email;
    std::string emailConsent;
    std::int64_t devices = 0;
    std::string pushConsent;
    std::string country = "DE";
    std::string channels = "web";
    std::string timezone;
};

/// A small journey built in code: nodes in a line "entry → … → exit" plus extra wiring.
json line(const std::vector<json> &nodes, const json &settings = json::object())
{
    json document = { { "version", 1 }, { "name", "test" }, { "settings", settings },
        { "nodes", json::array() }, { "connections", json::array() } };
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        document["nodes"].push_back(nodes[i]);
        if (i + 1 < nodes.size())
            document["connections"].push_back(
                { { "from", { { "node", nodes[i].at("id") }, { "port", "out" } } },
                    { "to", { { "node", nodes[i + 1].at("id") }, { "port", "in" } } } });
    }
    return document;
}

json node(const std::string &id, const std::string &kind, const json &config = json::object())
{
    return { { "id", id }, { "kind", kind }, { "config", config } };
}

json wire(const std::string &from, const std::string &port, const std::string &to)
{
    return { { "from", { { "node", from }, { "port", port } } },
        { "to", { { "node", to }, { "port", "in" } } } };
}

json viewedEntry(const std::string &reentry = "once")
{
    return node("entry", "entry",
        { { "trigger", { { "event", "product_viewed" } } }, { "reentry", reentry } });
}

json emailSend(const std::string &id = "mail")
{
    return node(id, "send", { { "channel", "email" }, { "subject", "Hi {{first_name|there}}" } });
}

} // namespace

/** The journey core: format, validation, the backtest and the cart-recovery template. */
class TestJourney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jsonRoundTrip();
    void unreadableDocuments();
    void docsExamplesValidate();
    void validationMessages_data();
    void validationMessages();
    void loopWithWaitIsAllowed();
    void connectionProblems_data();
    void connectionProblems();
    void messageTokens();

    void entryOnEventWaitAndSend();
    void waitUntilTimeOfDay();
    void entryOnEnteringASegment();
    void abandonedCartSequence();
    void entrySegmentAndReentry();
    void waitUntilSameCart();
    void branchRules();
    void goalLeavesAtOnce();
    void frequencyCap();
    void quietHoursPostpone();
    void splitIsDeterministic();
    void offerCost();
    void bannerIgnoresQuietHours();
    void cancelStopsTheReplay();
    void cartRecoveryOnDemo();
    void liftOnHandBuiltCampaign();

private:
    void addCampaignEvent(std::int64_t profile, Millis ts, bool treatment, const char *campaign);
    void addShopper(const Shopper &shopper);
    /// Shopper id with the e-mail "a@example.com" for 1, "b@…" for 2 …, and that consent.
    void addEmailShopper(std::int64_t id, const std::string &emailConsent = "granted");
    void addEvent(std::int64_t profile, Millis ts, const std::string &type, double value = -1,
        const std::string &cart = std::string());
    /// An event long after everything else, so that the replay may follow shoppers for days.
    void addDataEnd();
    SimulationResult simulate(
        const json &document, Millis from = kT0, Millis to = kT0 + 7 * kMillisPerDay);

    QTemporaryDir dir_;
    std::unique_ptr<Workspace> workspace_;
    std::int64_t nextKey_ = 1;
};

void TestJourney::init()
{
    QVERIFY(dir_.isValid());
    const QString path = dir_.filePath(
        QString::fromUtf8(QTest::currentTestFunction()) + QStringLiteral(".clientele"));
    QFile::remove(path);
    workspace_ = std::make_unique<Workspace>(Workspace::create(path.toStdString()));
    nextKey_ = 1;
}

void TestJourney::cleanup()
{
    workspace_.reset();
}

void TestJourney::addShopper(const Shopper &shopper)
{
    Database &db = workspace_->db();
    db.prepare("INSERT INTO profiles(id, created_at, first_name, country, timezone, is_known) "
               "VALUES (?1, ?2, 'Ana', ?3, ?4, 1)")
        .bind(1, shopper.id)
        .bind(2, kT0 - kMillisPerDay)
        .bind(3, shopper.country)
        .bind(4, shopper.timezone.empty() ? std::optional<std::string>() : shopper.timezone)
        .run();
    auto optionalText = [](const std::string &text) {
        return text.empty() ? std::optional<std::string>() : std::optional<std::string>(text);
    };
    db.prepare("INSERT INTO profile_traits(profile_id, email, country, channels, devices, "
               "email_consent, push_consent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, shopper.id)
        .bind(2, optionalText(shopper.email))
        .bind(3, shopper.country)
        .bind(4, shopper.channels)
        .bind(5, shopper.devices)
        .bind(6, optionalText(shopper.emailConsent))
        .bind(7, optionalText(shopper.pushConsent))
        .run();
    for (const auto &[channel, status] :
        { std::pair { "email", shopper.emailConsent }, std::pair { "push", shopper.pushConsent } })
        if (!status.empty())
            db.prepare(
                  "INSERT INTO consents(profile_id, channel, status, ts) VALUES (?1, ?2, ?3, ?4)")
                .bind(1, shopper.id)
                .bind(2, channel)
                .bind(3, status)
                .bind(4, kT0 - kMillisPerDay)
                .run();
}

void TestJourney::addEmailShopper(std::int64_t id, const std::string &emailConsent)
{
    Shopper s;
    s.id = id;
    s.email = std::string(1, static_cast<char>('a' + id - 1));
    s.email += "@example.com";
    s.emailConsent = emailConsent;
    addShopper(s);
}

void TestJourney::addEvent(
    std::int64_t profile, Millis ts, const std::string &type, double value, const std::string &cart)
{
    workspace_->db()
        .prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, value, cart_id) "
                 "VALUES (?1, ?2, ?3, ?4, 'web', ?5, ?6)")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, type)
        .bind(4, profile)
        .bind(5, value < 0 ? std::optional<double>() : std::optional<double>(value))
        .bind(6, cart.empty() ? std::optional<std::string>() : std::optional<std::string>(cart))
        .run();
}

void TestJourney::addDataEnd()
{
    {
        Shopper s;
        s.id = 1000000;
        addShopper(s);
    }
    addEvent(1000000, kT0 + 60 * kMillisPerDay, "page_viewed");
}

SimulationResult TestJourney::simulate(const json &document, Millis from, Millis to)
{
    return JourneySimulator::simulate(workspace_->db(), Journey::fromJson(document), from, to);
}

void TestJourney::jsonRoundTrip()
{
    const Journey journey = JourneyTemplates::cartRecovery();
    QVERIFY(JourneyValidator::validate(journey).empty());
    const Journey again = Journey::fromText(journey.toJson().dump(2));
    QVERIFY(again == journey);
    QCOMPARE(again.nodes.size(), std::size_t(9));
    QCOMPARE(again.node("cart_email")->position.x, 400.0);
    QCOMPARE(again.settings.frequencyCap->sends, 3);
    QCOMPARE(again.settings.quietHours->startHour, 21);
    QCOMPARE(again.connections.at(2).fromPort, std::string("holdout"));
}

void TestJourney::unreadableDocuments()
{
    QVERIFY_THROWS_EXCEPTION(JourneyFormatError, Journey::fromText("{not json"));
    QVERIFY_THROWS_EXCEPTION(
        JourneyFormatError, Journey::fromText(R"({"version": 2, "nodes": []})"));
    QVERIFY_THROWS_EXCEPTION(JourneyFormatError,
        Journey::fromText(
            R"({"version": 1, "nodes": [{"id": "a", "kind": "exit"}, {"id": "a", "kind": "exit"}]})"));
    QVERIFY_THROWS_EXCEPTION(JourneyFormatError,
        Journey::fromText(
            R"({"version": 1, "nodes": [], "connections": [{"from": {"node": "a"}}]})"));
}

void TestJourney::docsExamplesValidate()
{
    QFile file(QStringLiteral(CLIENTELE_SOURCE_DIR "/docs/journey-format.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression block(
        QStringLiteral("```json\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    int examples = 0;
    std::set<std::string> kinds;
    for (auto match = block.globalMatch(text); match.hasNext();) {
        const std::string source = match.next().captured(1).toStdString();
        const Journey journey = Journey::fromText(source);
        const auto issues = JourneyValidator::validate(journey);
        QVERIFY2(issues.empty(),
            (journey.name + ": " + (issues.empty() ? "" : issues.front().message)).c_str());
        for (const JourneyNode &each : journey.nodes)
            kinds.insert(each.kind);
        ++examples;
    }
    QVERIFY(examples >= 7);
    QCOMPARE(kinds.size(), std::size_t(8)); // every kind has an example
}

void TestJourney::validationMessages_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("message");

    auto add = [](const char *name, const json &document, const char *nodeId, const char *message) {
        QTest::newRow(name) << QByteArray::fromStdString(document.dump())
                            << QString::fromUtf8(nodeId) << QString::fromUtf8(message);
    };
    add("no-entry", line({ emailSend(), node("done", "exit") }), "", "has no entry");
    json two = line({ viewedEntry(), node("done", "exit") });
    two["nodes"].push_back(node("entry2", "entry", { { "trigger", { { "event", "x" } } } }));
    two["connections"].push_back(wire("entry2", "out", "done"));
    add("two-entries", two, "entry2", "exactly one entry");
    json unreachable = line({ viewedEntry(), node("done", "exit") });
    unreachable["nodes"].push_back(node("lonely", "exit", { { "label", "Lonely end" } }));
    add("unreachable", unreachable, "lonely", "\"Lonely end\" cannot be reached from the entry");
    add("dangling", line({ viewedEntry(), emailSend() }), "mail",
        "leads nowhere; every path must end in an Exit");
    json waitUntil = line({ viewedEntry(),
        node("until", "wait_until", { { "event", "order_completed" }, { "timeout_hours", 24 } }) });
    waitUntil["connections"].push_back({ { "from", { { "node", "until" }, { "port", "event" } } },
        { "to", { { "node", "entry" }, { "port", "in" } } } });
    waitUntil["nodes"].push_back(node("done", "exit"));
    waitUntil["connections"][1]["to"]["node"] = "done";
    add("wait-until-one-exit", waitUntil, "until", "connect both exits, \"event\" and \"timeout\"");
    json loop = line({ viewedEntry(), node("a", "update_profile", { { "tag", "x" } }) });
    loop["nodes"].push_back(node("b", "update_profile", { { "tag", "y" } }));
    loop["connections"].push_back(wire("a", "out", "b"));
    loop["connections"].push_back(wire("b", "out", "a"));
    add("loop-without-wait", loop, "a", "part of a loop without a wait");
    add("unknown-channel",
        line(
            { viewedEntry(), node("fax", "send", { { "channel", "fax" } }), node("done", "exit") }),
        "fax", "\"fax\" is not a channel");
    json split = line({ viewedEntry(),
        node("split", "split",
            { { "arms",
                { { { "port", "a" }, { "percent", 50 } },
                    { { "port", "b" }, { "percent", 40 } } } } }),
        node("done", "exit") });
    split["connections"][1]["from"]["port"] = "a";
    split["connections"].push_back(wire("split", "b", "done"));
    add("split-not-100", split, "split", "add up to 90 %, they must add up to 100 %");
    add("unknown-token",
        line({ viewedEntry(),
            node("mail", "send", { { "channel", "email" }, { "body", "{{last_name}}" } }),
            node("done", "exit") }),
        "mail", "{{last_name}}");
    add("wait-without-duration", line({ viewedEntry(), node("w", "wait"), node("done", "exit") }),
        "w", "set how long to wait");
    add("bad-entry-segment",
        line({ node("entry", "entry",
                   { { "trigger", { { "event", "product_viewed" } } },
                       { "segment",
                           { { "version", 1 }, { "rule", { { "type", "nonsense" } } } } } }),
            node("done", "exit") }),
        "entry", "the entry segment is not a valid segment rule");
}

void TestJourney::validationMessages()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, node);
    QFETCH(QString, message);
    const auto issues = JourneyValidator::validate(Journey::fromText(document.toStdString()));
    bool found = false;
    QStringList all;
    for (const JourneyIssue &issue : issues) {
        all << QString::fromStdString(issue.nodeId + ": " + issue.message);
        if (issue.nodeId == node.toStdString()
            && QString::fromStdString(issue.message).contains(message))
            found = true;
    }
    QVERIFY2(found, qPrintable(all.join(QStringLiteral(" | "))));
    // The simulator refuses it with the same issues.
    QVERIFY_THROWS_EXCEPTION(JourneyInvalid,
        JourneySimulator::simulate(
            workspace_->db(), Journey::fromText(document.toStdString()), kT0, kT0 + 1));
}

void TestJourney::loopWithWaitIsAllowed()
{
    json loop = line({ viewedEntry(), node("w", "wait", { { "days", 7 } }),
        node("until", "wait_until", { { "event", "order_completed" }, { "timeout_hours", 1 } }),
        node("done", "exit") });
    loop["connections"][2]["from"]["port"] = "event";
    loop["connections"].push_back(wire("until", "timeout", "w"));
    const auto issues = JourneyValidator::validate(Journey::fromJson(loop));
    QVERIFY2(issues.empty(), issues.empty() ? "" : issues.front().message.c_str());
}

void TestJourney::connectionProblems_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("toPort");
    QTest::addColumn<int>("problem"); // -1: allowed
    QTest::addColumn<QString>("issueNode"); // where validate() reports it
    QTest::addColumn<QString>("issue");

    // Steps of every kind, mostly unwired: entry → w → done is the only path.
    const std::vector<std::pair<const char *, const char *>> steps { { "entry", "out" },
        { "w", "out" }, { "until", "event" }, { "branch", "yes" }, { "split", "a" },
        { "mail", "out" }, { "tag", "out" }, { "done", "out" } };
    const auto problem = [](ConnectionProblem p) { return static_cast<int>(p); };
    for (const auto &[id, port] : steps)
        QTest::addRow("self-%s", id)
            << QString::fromUtf8(id) << QString::fromUtf8(port) << QString::fromUtf8(id)
            << QStringLiteral("in") << problem(ConnectionProblem::ToItself) << QString::fromUtf8(id)
            << QStringLiteral("leads to itself");
    QTest::newRow("into-entry") << QStringLiteral("mail") << QStringLiteral("out")
                                << QStringLiteral("entry") << QStringLiteral("in")
                                << problem(ConnectionProblem::IntoEntry) << QStringLiteral("entry")
                                << QStringLiteral("nothing can lead back into the entry");
    QTest::newRow("from-an-exit") << QStringLiteral("done") << QStringLiteral("out")
                                  << QStringLiteral("mail") << QStringLiteral("in")
                                  << problem(ConnectionProblem::UnknownExit)
                                  << QStringLiteral("done") << QStringLiteral("has no exit called");
    QTest::newRow("unknown-exit") << QStringLiteral("w") << QStringLiteral("yes")
                                  << QStringLiteral("mail") << QStringLiteral("in")
                                  << problem(ConnectionProblem::UnknownExit) << QStringLiteral("w")
                                  << QStringLiteral("has no exit called \"yes\"");
    QTest::newRow("unknown-step") << QStringLiteral("mail") << QStringLiteral("out")
                                  << QStringLiteral("nowhere") << QStringLiteral("in")
                                  << problem(ConnectionProblem::UnknownStep)
                                  << QStringLiteral("mail") << QStringLiteral("no such step");
    QTest::newRow("unknown-input")
        << QStringLiteral("mail") << QStringLiteral("out") << QStringLiteral("done")
        << QStringLiteral("side") << problem(ConnectionProblem::UnknownInput)
        << QStringLiteral("done") << QStringLiteral("has only one input");
    QTest::newRow("duplicate") << QStringLiteral("entry") << QStringLiteral("out")
                               << QStringLiteral("mail") << QStringLiteral("in")
                               << problem(ConnectionProblem::ExitTaken) << QStringLiteral("entry")
                               << QStringLiteral("is connected twice");
    QTest::newRow("allowed") << QStringLiteral("mail") << QStringLiteral("out")
                             << QStringLiteral("done") << QStringLiteral("in") << -1 << QString()
                             << QString();
    // A loop is judged on the whole graph (validate), not per connection: one through a
    // wait is fine, one without is reported as a loop.
    QTest::newRow("loop-through-a-wait")
        << QStringLiteral("mail") << QStringLiteral("out") << QStringLiteral("w")
        << QStringLiteral("in") << -1 << QString() << QString();
}

void TestJourney::connectionProblems()
{
    QFETCH(QString, from);
    QFETCH(QString, port);
    QFETCH(QString, to);
    QFETCH(QString, toPort);
    QFETCH(int, problem);
    QFETCH(QString, issueNode);
    QFETCH(QString, issue);

    json document
        = line({ viewedEntry(), node("w", "wait", { { "days", 1 } }), node("done", "exit") });
    document["nodes"].push_back(
        node("until", "wait_until", { { "event", "order_completed" }, { "timeout_hours", 24 } }));
    document["nodes"].push_back(node("branch", "branch",
        { { "rule",
            { { "type", "trait" }, { "field", "orders" }, { "op", ">" }, { "value", 0 } } } }));
    document["nodes"].push_back(node("split", "split",
        { { "arms",
            { { { "port", "a" }, { "percent", 50 } },
                { { "port", "b" }, { "percent", 50 } } } } }));
    document["nodes"].push_back(emailSend());
    document["nodes"].push_back(node("tag", "update_profile", { { "tag", "x" } }));
    const Journey journey = Journey::fromJson(document);
    // The rows name real exits of their kinds.
    if (from != QLatin1String("done") && port != QLatin1String("yes")
        && journey.node(from.toStdString())) {
        const auto ports = Journey::outputPorts(*journey.node(from.toStdString()));
        QVERIFY(std::find(ports.begin(), ports.end(), port.toStdString()) != ports.end());
    }

    const JourneyConnection connection { from.toStdString(), port.toStdString(), to.toStdString(),
        toPort.toStdString() };
    const auto found = JourneyValidator::connectionProblem(journey, connection);
    QCOMPARE(found ? static_cast<int>(*found) : -1, problem);
    if (problem < 0)
        return;
    // The validator judges a saved graph holding that connection by the same rule.
    Journey drawn = journey;
    drawn.connections.push_back(connection);
    QStringList all;
    bool reported = false;
    for (const JourneyIssue &each : JourneyValidator::validate(drawn)) {
        all << QString::fromStdString(each.nodeId + ": " + each.message);
        reported = reported
            || (each.nodeId == issueNode.toStdString()
                && QString::fromStdString(each.message).contains(issue));
    }
    QVERIFY2(reported, qPrintable(all.join(QStringLiteral(" | "))));
}

void TestJourney::messageTokens()
{
    const std::string text = "Hi {{first_name|there}}, {{ cart.items }} for {{cart.value}}.";
    QCOMPARE(JourneyMessage::render(text, { { "first_name", "" }, { "cart.items", "2 socks" } }),
        std::string("Hi there, 2 socks for ."));
    QCOMPARE(JourneyMessage::render(text, { { "first_name", "Zoë" }, { "cart.value", "€ 12.00" } }),
        std::string("Hi Zoë,  for € 12.00."));
    QCOMPARE(JourneyMessage::unknownTokens("{{first_name}} {{coupon}}"),
        std::vector<std::string> { "coupon" });
}

void TestJourney::entryOnEventWaitAndSend()
{
    // 1 (consent): entry → wait → mail (sent) → exit.
    // 2 (no consent): entry → wait → mail (skipped for consent) → exit.
    // 3: viewed before the window: never enters. 4: viewed after the window: never enters.
    addEmailShopper(1);
    addEmailShopper(2, "unsubscribed");
    addEmailShopper(3);
    addEmailShopper(4);
    addEvent(1, at(10), "product_viewed");
    addEvent(2, at(11), "product_viewed");
    addEvent(3, at(-5), "product_viewed");
    addEvent(4, at(24 * 8), "product_viewed");
    addDataEnd();
    const auto result = simulate(line({ viewedEntry(), node("w", "wait", { { "hours", 2 } }),
        emailSend(), node("done", "exit") }));
    QCOMPARE(result.entered, 2);
    QCOMPARE(result.shoppers, 2);
    QCOMPARE(result.nodes.at("w").arrived, 2);
    QCOMPARE(result.nodes.at("mail").sent, 1);
    QCOMPARE(result.nodes.at("mail").skippedConsent, 1);
    QCOMPARE(result.nodes.at("done").exited, 2);
    QCOMPARE(result.channels.at("email").sent, 1);
    QCOMPARE(result.stillInJourney, 0);

    // When the data ends before the wait is over, the shopper is still waiting.
    const auto cut = simulate(line({ viewedEntry(), node("w", "wait", { { "days", 90 } }),
        emailSend(), node("done", "exit") }));
    QCOMPARE(cut.nodes.at("w").waitingAtEnd, 2);
    QCOMPARE(cut.nodes.at("mail").arrived, 0);
}

void TestJourney::waitUntilTimeOfDay()
{
    // Wait until 9 o'clock on a weekday in the shopper's zone, then mail, then a day.
    // 1 (Berlin) views on Saturday 16:00 local, orders Monday 07:30 UTC = 08:30 local:
    //   still waiting for 09:00 local → leaves at goal at the wait.
    // 2 (Berlin) the same, orders Monday 08:30 UTC = 09:30 local: mailed at 08:00 UTC,
    //   leaves at goal at the second wait.
    // 3 (no zone: UTC) views Wednesday 10:00, orders Thursday 08:30 UTC: before 09:00 UTC.
    for (const std::int64_t id : { 1, 2, 3 }) {
        Shopper s;
        s.id = id;
        s.email = "s";
        s.email += std::to_string(id) + "@example.com";
        s.emailConsent = "granted";
        s.timezone = id == 3 ? "" : "Europe/Berlin";
        addShopper(s);
    }
    addEvent(1, at(5 * 24 + 15), "product_viewed");
    addEvent(2, at(5 * 24 + 15), "product_viewed");
    addEvent(3, at(2 * 24 + 10), "product_viewed");
    addEvent(1, at(7 * 24 + 7.5), "order_completed", 50);
    addEvent(2, at(7 * 24 + 8.5), "order_completed", 50);
    addEvent(3, at(3 * 24 + 8.5), "order_completed", 50);
    addDataEnd();
    const json until = { { "hour", 9 }, { "weekdays", { "mon", "tue", "wed", "thu", "fri" } } };
    const json journey
        = line({ viewedEntry(), node("w", "wait", { { "until", until } }), emailSend(),
                   node("w2", "wait", { { "hours", 24 } }), node("done", "exit") },
            { { "goal", "order_completed" } });
    QVERIFY(JourneyValidator::validate(Journey::fromJson(journey)).empty());
    const auto result = simulate(journey);
    QCOMPARE(result.entered, 3);
    QCOMPARE(result.nodes.at("w").leftAtGoal, 2);
    QCOMPARE(result.nodes.at("mail").sent, 1);
    QCOMPARE(result.nodes.at("w2").leftAtGoal, 1);
    QCOMPARE(result.conversions, 3);

    // Validation explains a wrong hour, a wrong day and a wait that is both kinds.
    auto issues = [](const json &config) {
        return JourneyValidator::validate(Journey::fromJson(
            line({ viewedEntry(), node("w", "wait", config), node("done", "exit") })));
    };
    QCOMPARE(issues({ { "until", { { "hour", 24 } } } }).size(), std::size_t(1));
    QVERIFY(QString::fromStdString(issues({ { "until", { { "hour", 24 } } } }).front().message)
                .contains(QStringLiteral("0 to 23")));
    QVERIFY(QString::fromStdString(
        issues({ { "until", { { "hour", 9 }, { "weekdays", { "monday" } } } } }).front().message)
                .contains(QStringLiteral("mon, tue")));
    QVERIFY(QString::fromStdString(
        issues({ { "hours", 2 }, { "until", { { "hour", 9 } } } }).front().message)
                .contains(QStringLiteral("not both")));
}

void TestJourney::entryOnEnteringASegment()
{
    // "Repeat buyers": shoppers enter on the day their second order makes them members.
    // 1: orders on Monday and Wednesday → enters at the end of Wednesday, is mailed.
    // 2: was a repeat buyer before the window → never enters. 3: one order → never.
    for (const std::int64_t id : { 1, 2, 3 }) {
        Shopper s;
        s.id = id;
        s.email = "r";
        s.email += std::to_string(id) + "@example.com";
        s.emailConsent = "granted";
        addShopper(s);
    }
    addEvent(1, at(10), "order_completed", 30);
    addEvent(1, at(58), "order_completed", 30);
    addEvent(2, at(-48), "order_completed", 30);
    addEvent(2, at(-30), "order_completed", 30);
    addEvent(3, at(20), "order_completed", 30);
    addDataEnd();
    const json repeatBuyers = { { "version", 1 },
        { "rule",
            { { "type", "trait" }, { "field", "orders" }, { "op", ">=" }, { "value", 2 } } } };
    const json journey
        = line({ node("entry", "entry", { { "trigger", { { "segment", repeatBuyers } } } }),
            node("w", "wait", { { "hours", 1 } }), emailSend(), node("done", "exit") });
    QVERIFY(JourneyValidator::validate(Journey::fromJson(journey)).empty());
    const auto result = simulate(journey, kT0, kT0 + 10 * kMillisPerDay);
    QCOMPARE(result.entered, 1);
    QCOMPARE(result.nodes.at("mail").sent, 1);
    QCOMPARE(result.nodes.at("w").arrived, 1);

    // A trigger is an event or a segment, not both.
    json both = journey;
    both["nodes"][0]["config"]["trigger"]["event"] = "product_viewed";
    const auto issues = JourneyValidator::validate(Journey::fromJson(both));
    QCOMPARE(issues.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(issues.front().message).contains(QStringLiteral("not both")));
}

void TestJourney::abandonedCartSequence()
{
    // 1: added 10:00, ordered 10:30 → no entry.
    // 2: added 10:00 and 10:40, nothing else → one entry at 11:40.
    // 3: added 10:00, ordered 12:00 (after the hour) → enters at 11:00 and converts at 12:00.
    for (std::int64_t id : { 1, 2, 3 }) {
        Shopper s;
        s.id = id;
        addShopper(s);
    }
    addEvent(1, at(10), "product_added");
    addEvent(1, at(10.5), "order_completed", 40);
    addEvent(2, at(10), "product_added");
    addEvent(2, at(10 + 40.0 / 60), "product_added");
    addEvent(3, at(10), "product_added");
    addEvent(3, at(12), "order_completed", 55);
    addDataEnd();
    const json entry = node("entry", "entry",
        { { "trigger",
              { { "event", "product_added" }, { "then_not", "order_completed" },
                  { "within_hours", 1 } } },
            { "reentry", "every_time" } });
    const json until
        = node("until", "wait_until", { { "event", "page_viewed" }, { "timeout_hours", 2 } });
    json document = line({ entry, until, node("done", "exit") }, { { "goal", "order_completed" } });
    document["connections"][1]["from"]["port"] = "event";
    document["connections"].push_back(wire("until", "timeout", "done"));
    const auto result = simulate(document);
    QCOMPARE(result.entered, 2);
    QCOMPARE(result.conversions, 1);
    QCOMPARE(result.revenue, 55.0);
    QCOMPARE(result.nodes.at("until").leftAtGoal, 1); // shopper 3, one hour into the wait
    QCOMPARE(result.connections.at(2).shoppers, 1); // shopper 2 timed out
}

void TestJourney::entrySegmentAndReentry()
{
    // 1 (DE) views on days 0, 1 and 5; 2 (AT) views on day 0 and is not in the entry segment.
    {
        Shopper s;
        s.id = 1;
        s.country = "DE";
        addShopper(s);
    }
    {
        Shopper s;
        s.id = 2;
        s.country = "AT";
        addShopper(s);
    }
    for (double day : { 0.0, 1.0, 5.0 })
        addEvent(1, at(24 * day + 9), "product_viewed");
    addEvent(2, at(9), "product_viewed");
    addDataEnd();
    auto journey = [](const json &reentry) {
        return line(
            { node("entry", "entry",
                  { { "trigger", { { "event", "product_viewed" } } }, { "reentry", reentry },
                      { "segment",
                          { { "version", 1 },
                              { "rule",
                                  { { "type", "trait" }, { "field", "country" }, { "op", "is" },
                                      { "value", "DE" } } } } } }),
                node("done", "exit") });
    };
    QCOMPARE(simulate(journey("once")).entered, 1);
    QCOMPARE(simulate(journey("every_time")).entered, 3);
    QCOMPARE(simulate(journey({ { "policy", "again_after_days" }, { "days", 3 } })).entered, 2);
    QCOMPARE(simulate(journey("once")).shoppers, 1);
}

void TestJourney::waitUntilSameCart()
{
    // Entered on product_added with a cart; waits for checkout_started of the same cart.
    // 1: checkout of cart c1 after 5 h → "event". 2: checkout of another cart → "timeout".
    // 3: nothing → "timeout". 4: checkout of its cart after 30 h → "timeout" (too late).
    for (std::int64_t id : { 1, 2, 3, 4 }) {
        Shopper s;
        s.id = id;
        addShopper(s);
    }
    addEvent(1, at(1), "product_added", 10, "c1");
    addEvent(1, at(6), "checkout_started", -1, "c1");
    addEvent(2, at(1), "product_added", 10, "c2");
    addEvent(2, at(6), "checkout_started", -1, "c-other");
    addEvent(3, at(1), "product_added", 10, "c3");
    addEvent(4, at(1), "product_added", 10, "c4");
    addEvent(4, at(31), "checkout_started", -1, "c4");
    addDataEnd();
    json document
        = line({ node("entry", "entry", { { "trigger", { { "event", "product_added" } } } }),
            node("until", "wait_until",
                { { "event", "checkout_started" }, { "match", { "cart_id" } },
                    { "timeout_hours", 24 } }),
            node("yes", "update_profile", { { "tag", "checked-out" } }), node("done", "exit") });
    document["connections"][1]["from"]["port"] = "event";
    document["connections"].push_back(wire("until", "timeout", "done"));
    const auto result = simulate(document);
    QCOMPARE(result.entered, 4);
    QCOMPARE(result.connections.at(1).shoppers, 1); // until —event→ yes
    QCOMPARE(result.connections.at(3).shoppers, 3); // until —timeout→ done
    QCOMPARE(result.nodes.at("yes").arrived, 1);
    QCOMPARE(result.nodes.at("done").exited, 4);
}

void TestJourney::branchRules()
{
    // 1 DE → "de"; 2 AT → "at"; 3 FR → "else". Then yes/no on "uses the app and push".
    {
        Shopper s;
        s.id = 1;
        s.country = "DE";
        s.channels = "app,web";
        s.devices = 1;
        s.pushConsent = "granted";
        addShopper(s);
    }
    {
        Shopper s;
        s.id = 2;
        s.country = "AT";
        s.channels = "app,web";
        s.devices = 1;
        addShopper(s);
    }
    {
        Shopper s;
        s.id = 3;
        s.country = "FR";
        addShopper(s);
    }
    for (std::int64_t id : { 1, 2, 3 })
        addEvent(id, at(5), "product_viewed");
    addDataEnd();
    auto countryIs = [](const char *country) {
        return json { { "version", 1 },
            { "rule",
                { { "type", "trait" }, { "field", "country" }, { "op", "is" },
                    { "value", country } } } };
    };
    const json branch = node("country", "branch",
        { { "rules",
            { { { "port", "de" }, { "segment", countryIs("DE") } },
                { { "port", "at" }, { "segment", countryIs("AT") } } } } });
    const json app = node("app", "branch",
        { { "segment",
            { { "version", 1 },
                { "rule",
                    { { "type", "all" },
                        { "conditions",
                            { { { "type", "trait" }, { "field", "channels" }, { "op", "contains" },
                                  { "value", "app" } },
                                { { "type", "consent" }, { "channel", "push" } } } } } } } } });
    json document = line({ viewedEntry(), branch, node("done", "exit") });
    document["nodes"].push_back(app);
    document["connections"][1]["from"]["port"] = "de";
    document["connections"][1]["to"]["node"] = "app";
    document["connections"].push_back(wire("country", "at", "app"));
    document["connections"].push_back(wire("country", "else", "done"));
    document["connections"].push_back(wire("app", "yes", "done"));
    document["connections"].push_back(wire("app", "no", "done"));
    const auto result = simulate(document);
    QCOMPARE(result.connections.at(1).shoppers, 1); // de
    QCOMPARE(result.connections.at(2).shoppers, 1); // at
    QCOMPARE(result.connections.at(3).shoppers, 1); // else
    QCOMPARE(result.connections.at(4).shoppers, 1); // app yes: shopper 1
    QCOMPARE(result.connections.at(5).shoppers, 1); // app no: shopper 2 (no push consent)
}

void TestJourney::goalLeavesAtOnce()
{
    // 1 orders during the 48 h wait → leaves there, converted, never gets the mail.
    // 2 orders after the journey is over → not a conversion of the journey.
    addEmailShopper(1);
    addEmailShopper(2);
    addEvent(1, at(1), "product_viewed");
    addEvent(1, at(20), "order_completed", 80);
    addEvent(2, at(1), "product_viewed");
    addEvent(2, at(100), "order_completed", 30);
    addDataEnd();
    const auto result = simulate(line({ viewedEntry(), node("w", "wait", { { "hours", 48 } }),
                                          emailSend(), node("done", "exit") },
        { { "goal", "order_completed" } }));
    QCOMPARE(result.entered, 2);
    QCOMPARE(result.conversions, 1);
    QCOMPARE(result.revenue, 80.0);
    QCOMPARE(result.nodes.at("w").leftAtGoal, 1);
    QCOMPARE(result.nodes.at("w").conversions, 1);
    QCOMPARE(result.nodes.at("entry").revenue, 80.0);
    QCOMPARE(result.nodes.at("mail").sent, 1);
    QCOMPARE(result.nodes.at("mail").conversions, 0);
}

void TestJourney::frequencyCap()
{
    // Views on days 0, 2 and 9; at most 1 send per 7 days: sent, capped, sent.
    addEmailShopper(1);
    for (double day : { 0.0, 2.0, 9.0 })
        addEvent(1, at(24 * day + 10), "product_viewed");
    addDataEnd();
    const auto result
        = simulate(line({ viewedEntry("every_time"), emailSend(), node("done", "exit") },
                       { { "frequency_cap", { { "sends", 1 }, { "days", 7 } } } }),
            kT0, kT0 + 14 * kMillisPerDay);
    QCOMPARE(result.entered, 3);
    QCOMPARE(result.nodes.at("mail").sent, 2);
    QCOMPARE(result.nodes.at("mail").skippedCap, 1);
    QCOMPARE(result.channels.at("email").skippedCap, 1);
    QCOMPARE(result.nodes.at("done").exited, 3); // capped shoppers move on
}

void TestJourney::quietHoursPostpone()
{
    // 1 in Berlin (UTC+1 in March) views at 21:30 UTC = 22:30 local: the mail waits until
    // 08:00 local (07:00 UTC); an order at 06:30 UTC comes first, so it is never sent.
    // 2 in New York (UTC−5) views at 21:30 UTC = 16:30 local: sent at once.
    // 3 without a zone (default UTC) views at 23:00 UTC: postponed to 08:00 UTC, then sent.
    {
        Shopper s;
        s.id = 1;
        s.email = "a@example.com";
        s.emailConsent = "granted";
        s.timezone = "Europe/Berlin";
        addShopper(s);
    }
    {
        Shopper s;
        s.id = 2;
        s.email = "b@example.com";
        s.emailConsent = "granted";
        s.timezone = "America/New_York";
        addShopper(s);
    }
    addEmailShopper(3);
    addEvent(1, at(21.5), "product_viewed");
    addEvent(1, at(24 + 6.5), "order_completed", 20);
    addEvent(2, at(21.5), "product_viewed");
    addEvent(3, at(23), "product_viewed");
    addEvent(3, at(24 + 7.5), "order_completed", 20); // before 08:00 UTC: converts waiting
    addDataEnd();
    const json settings = { { "goal", "order_completed" },
        { "quiet_hours", { { "start", 21 }, { "end", 8 }, { "default_timezone", "UTC" } } } };
    const auto result
        = simulate(line({ viewedEntry(), emailSend(), node("done", "exit") }, settings));
    QCOMPARE(result.nodes.at("mail").postponed, 2);
    QCOMPARE(result.nodes.at("mail").sent, 1);
    QCOMPARE(result.nodes.at("mail").leftAtGoal, 2);

    // Without the orders the postponed ones are sent at the end of quiet hours.
    const auto noGoal = simulate(line({ viewedEntry(), emailSend(), node("done", "exit") },
        { { "quiet_hours", { { "start", 21 }, { "end", 8 } } } }));
    QCOMPARE(noGoal.nodes.at("mail").postponed, 2);
    QCOMPARE(noGoal.nodes.at("mail").sent, 3);
}

void TestJourney::splitIsDeterministic()
{
    Database &db = workspace_->db();
    Transaction transaction(db);
    for (std::int64_t id = 1; id <= 1000; ++id) {
        {
            Shopper s;
            s.id = id;
            s.email = "x@example.com";
            s.emailConsent = "granted";
            addShopper(s);
        }
        addEvent(id, at(1 + static_cast<double>(id) / 100.0), "product_viewed");
    }
    transaction.commit();
    addDataEnd();
    auto document = [](std::uint64_t seed) {
        json journey = line({ viewedEntry(),
                                node("split", "split",
                                    { { "arms",
                                        { { { "port", "mail" }, { "percent", 90 } },
                                            { { "port", "holdout" }, { "percent", 10 },
                                                { "holdout", true } } } } }),
                                emailSend(), node("done", "exit") },
            { { "seed", seed } });
        journey["connections"][1]["from"]["port"] = "mail";
        journey["connections"].push_back(wire("split", "holdout", "mail"));
        return journey;
    };
    const auto first = simulate(document(7));
    const auto again = simulate(document(7));
    const std::int64_t holdout = first.connections.at(3).shoppers;
    QCOMPARE(first.entered, 1000);
    QVERIFY2(holdout >= 70 && holdout <= 130, std::to_string(holdout).c_str());
    QCOMPARE(again.connections.at(3).shoppers, holdout);
    QCOMPARE(first.nodes.at("mail").heldOut, holdout); // the holdout receives nothing
    QCOMPARE(first.nodes.at("mail").sent, 1000 - holdout);
    // The arm is a function of (seed, profile) alone.
    int same = 0;
    for (std::int64_t id = 1; id <= 1000; ++id) {
        QCOMPARE(JourneySimulator::splitBucket(7, id), JourneySimulator::splitBucket(7, id));
        same += (JourneySimulator::splitBucket(7, id) < 9000)
            == (JourneySimulator::splitBucket(8, id) < 9000);
    }
    QVERIFY(same < 1000); // another seed draws other arms
}

void TestJourney::offerCost()
{
    // 1 gets a 10 % code and orders 200 → costs 20. 2 gets it and does not order.
    // 3 has no consent: no offer, its order costs nothing.
    addEmailShopper(1);
    addEmailShopper(2);
    {
        Shopper s;
        s.id = 3;
        addShopper(s);
    }
    for (std::int64_t id : { 1, 2, 3 })
        addEvent(id, at(1), "product_viewed");
    addEvent(1, at(5), "order_completed", 200);
    addEvent(3, at(5), "order_completed", 100);
    addDataEnd();
    const json send = node("mail", "send",
        { { "channel", "email" },
            { "offer",
                { { "kind", "discount" }, { "percent", 10 }, { "code_pattern", "X-XXXX" } } } });
    const auto result = simulate(
        line({ viewedEntry(), send, node("w", "wait", { { "hours", 24 } }), node("done", "exit") },
            { { "goal", "order_completed" } }));
    QCOMPARE(result.offerCost, 20.0);
    QCOMPARE(result.nodes.at("mail").offerCost, 20.0);
    QCOMPARE(result.conversions, 2);
    QCOMPARE(result.revenue, 300.0);
}

void TestJourney::bannerIgnoresQuietHours()
{
    // A view at 23:00 UTC: the banner shows at once, the e-mail after it waits until 08:00.
    addEmailShopper(1);
    addEvent(1, at(23), "product_viewed");
    addDataEnd();
    const json banner = node("banner", "send", { { "channel", "banner" } });
    const auto result = simulate(line({ viewedEntry(), banner, emailSend(), node("done", "exit") },
        { { "quiet_hours", { { "start", 21 }, { "end", 8 } } } }));
    QCOMPARE(result.nodes.at("banner").postponed, 0);
    QCOMPARE(result.nodes.at("banner").sent, 1);
    QCOMPARE(result.nodes.at("mail").postponed, 1);
    QCOMPARE(result.nodes.at("mail").sent, 1);
}

void TestJourney::cancelStopsTheReplay()
{
    struct Stop : ProgressSink {
        bool report(const Progress &) override { return false; }
    } stop;
    addDataEnd();
    QVERIFY_THROWS_EXCEPTION(Cancelled,
        JourneySimulator::simulate(
            workspace_->db(), JourneyTemplates::cartRecovery(), kT0, kT0 + kMillisPerDay, &stop));
}

void TestJourney::cartRecoveryOnDemo()
{
    DemoOptions options;
    options.shoppers = 2000;
    options.end = *parseIsoDate("2026-11-25");
    DemoStore::generate(*workspace_, options);
    const Journey journey = JourneyTemplates::cartRecovery();
    const auto result = JourneySimulator::simulate(
        workspace_->db(), journey, options.end - 90 * kMillisPerDay, options.end);
    QVERIFY(result.entered > 50);
    QVERIFY(result.conversions > 0);
    QVERIFY(result.conversions <= result.entered);
    QVERIFY(result.shoppers <= result.entered);
    // For each step: reached = left through its exits + left at goal + still waiting + exited.
    for (const JourneyNode &each : journey.nodes) {
        const NodeCounts &counts = result.nodes.at(each.id);
        std::int64_t inbound = 0;
        std::int64_t outbound = 0;
        for (const ConnectionCounts &connection : result.connections) {
            if (connection.connection.toNode == each.id)
                inbound += connection.shoppers;
            if (connection.connection.fromNode == each.id)
                outbound += connection.shoppers;
        }
        if (each.kind == JourneyKind::kEntry)
            inbound = result.entered;
        QCOMPARE(inbound, counts.arrived);
        QVERIFY2(
            counts.arrived == outbound + counts.leftAtGoal + counts.waitingAtEnd + counts.exited,
            each.id.c_str());
        if (each.kind == JourneyKind::kSend)
            QCOMPARE(counts.arrived - counts.waitingAtEnd - counts.leftAtGoal,
                counts.sent + counts.skippedConsent + counts.skippedCap + counts.heldOut);
    }
    // The 10 % holdout gets about a tenth, and nothing is sent to it.
    const auto &holdout = result.connections.at(2);
    QCOMPARE(holdout.connection.fromPort, std::string("holdout"));
    QVERIFY(holdout.shoppers > 0 && holdout.shoppers < result.entered / 4);
    QCOMPARE(result.channels.at("email").heldOut, result.nodes.at("cart_email").heldOut);
    QVERIFY(result.channels.at("email").sent > 0);
    QVERIFY(result.channels.at("email").skippedConsent > 0); // not every shopper agreed
    QVERIFY(result.revenue > 0.0);
    std::int64_t conversionsAtSteps = 0;
    for (const auto &[id, counts] : result.nodes)
        conversionsAtSteps += counts.leftAtGoal;
    QCOMPARE(conversionsAtSteps, result.conversions);
}

void TestJourney::addCampaignEvent(
    std::int64_t profile, Millis ts, bool treatment, const char *campaign)
{
    workspace_->db()
        .prepare("INSERT INTO events(event_key, ts, type, profile_id, channel, props) "
                 "VALUES (?1, ?2, ?3, ?4, 'email', ?5)")
        .bind(1, nextKey_++)
        .bind(2, ts)
        .bind(3, treatment ? "email_sent" : "email_held_out")
        .bind(4, profile)
        .bind(5,
            json { { "campaign", campaign }, { "variant", treatment ? "treatment" : "holdout" } }
                .dump())
        .run();
}

void TestJourney::liftOnHandBuiltCampaign()
{
    // Treatment 1–4: 1 and 2 order within 3 days, 3 orders on day 4 (too late), 4 never.
    // Holdout 5–8: 5 orders within 3 days. 9 got another campaign's mail and ordered.
    for (std::int64_t id = 1; id <= 9; ++id) {
        Shopper s;
        s.id = id;
        addShopper(s);
    }
    for (std::int64_t id = 1; id <= 8; ++id)
        addCampaignEvent(id, at(10), id <= 4, "spring");
    addCampaignEvent(9, at(10), true, "autumn");
    addEvent(1, at(12), "order_completed", 50);
    addEvent(2, at(10 + 71), "order_completed", 50);
    addEvent(3, at(10 + 4 * 24), "order_completed", 50);
    addEvent(5, at(20), "order_completed", 50);
    addEvent(9, at(12), "order_completed", 50);
    addEvent(6, at(9), "order_completed", 50); // before the send: not a conversion
    const LiftReport report = JourneyLift::measure(workspace_->db(), "spring", 3);
    QCOMPARE(report.treatment.sends, 4);
    QCOMPARE(report.treatment.conversions, 2);
    QCOMPARE(report.holdout.sends, 4);
    QCOMPARE(report.holdout.conversions, 1);
    QCOMPARE(report.difference, 0.25);
    // 0.25 ± 1.96 · √(0.5·0.5/4 + 0.25·0.75/4)
    const double margin = 1.959964 * std::sqrt(0.25 / 4 + 0.1875 / 4);
    QVERIFY(std::abs(report.ciLow - (0.25 - margin)) < 1e-9);
    QVERIFY(std::abs(report.ciHigh - (0.25 + margin)) < 1e-9);
    QVERIFY(!report.significant()); // four shoppers per arm prove nothing
    QCOMPARE(JourneyLift::measure(workspace_->db(), "none").treatment.sends, 0);
}

QTEST_GUILESS_MAIN(TestJourney)
#include "test_journey.moc"
