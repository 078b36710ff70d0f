#include "TestFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

/** `clientele journey …` on a demo workspace, as a marketer's script runs it. */
class TestCliJourney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void simulateTemplateAsJson();
    void simulateFileAsText();
    void invalidJourneyFails();
    void liftOfThePastCampaign();
    void runningJourneyThroughImports();
    void usageErrors();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QString writeFile(const QString &name, const QByteArray &bytes);

    QTemporaryDir dir_;
    QString workspace_;
};

void TestCliJourney::initTestCase()
{
    QVERIFY(dir_.isValid());
    workspace_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QCOMPARE(run({ QStringLiteral("demo"), QStringLiteral("--out"), workspace_,
                 QStringLiteral("--shoppers"), QStringLiteral("3000"), QStringLiteral("--end"),
                 QStringLiteral("2026-11-25") }),
        0);
}

int TestCliJourney::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    return clientele::test::runProgram(QStringLiteral(CLIENTELE_BINARY), arguments, out, err);
}

QString TestCliJourney::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestCliJourney::simulateTemplateAsJson()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(
        run({ QStringLiteral("journey"), QStringLiteral("simulate"), QStringLiteral("--workspace"),
                workspace_, QStringLiteral("--template"), QStringLiteral("cart-recovery"),
                QStringLiteral("--from"), QStringLiteral("2026-08-27"), QStringLiteral("--to"),
                QStringLiteral("2026-11-24"), QStringLiteral("--json") },
            &out, &err),
        0);
    QJsonParseError error {};
    const QJsonObject result = QJsonDocument::fromJson(out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const qint64 entered = result.value(QStringLiteral("entered")).toInteger();
    QVERIFY(entered > 0);
    QVERIFY(result.value(QStringLiteral("conversions")).toInteger() <= entered);
    QVERIFY(result.value(QStringLiteral("revenue")).toDouble() > 0.0);
    QVERIFY(result.contains(QStringLiteral("offer_cost")));
    const QJsonObject email = result.value(QStringLiteral("channels"))
                                  .toObject()
                                  .value(QStringLiteral("email"))
                                  .toObject();
    QVERIFY(email.value(QStringLiteral("sent")).toInteger() > 0);
    QVERIFY(email.value(QStringLiteral("skipped_consent")).toInteger() > 0);
    const QJsonObject nodes = result.value(QStringLiteral("nodes")).toObject();
    QCOMPARE(nodes.value(QStringLiteral("entry"))
                 .toObject()
                 .value(QStringLiteral("arrived"))
                 .toInteger(),
        entered);
    const QJsonArray connections = result.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 12);
    QCOMPARE(connections.at(0).toObject().value(QStringLiteral("shoppers")).toInteger(), entered);
}

void TestCliJourney::simulateFileAsText()
{
    const QString path = writeFile(QStringLiteral("viewers.json"),
        R"({"version": 1, "name": "Viewers",
            "nodes": [
              {"id": "entry", "kind": "entry", "config": {"trigger": {"event": "product_viewed"}}},
              {"id": "mail", "kind": "send", "config": {"label": "Viewed e-mail", "channel": "email"}},
              {"id": "done", "kind": "exit"}],
            "connections": [
              {"from": {"node": "entry", "port": "out"}, "to": {"node": "mail", "port": "in"}},
              {"from": {"node": "mail", "port": "out"}, "to": {"node": "done", "port": "in"}}]})");
    QByteArray out;
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("simulate"),
                     QStringLiteral("--workspace"), workspace_, QStringLiteral("--file"), path,
                     QStringLiteral("--from"), QStringLiteral("2026-11-01"), QStringLiteral("--to"),
                     QStringLiteral("2026-11-24") },
                 &out),
        0);
    QVERIFY2(out.contains("\"Viewed e-mail\": "), out.constData());
    QVERIFY(out.contains("skipped for consent"));
    QVERIFY(out.contains("email: "));
}

void TestCliJourney::invalidJourneyFails()
{
    const QString path = writeFile(QStringLiteral("broken.json"),
        R"({"version": 1, "nodes": [
              {"id": "entry", "kind": "entry", "config": {"trigger": {"event": "product_viewed"}}},
              {"id": "mail", "kind": "send", "config": {"channel": "fax"}}],
            "connections": [
              {"from": {"node": "entry", "port": "out"}, "to": {"node": "mail", "port": "in"}}]})");
    QByteArray err;
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("simulate"),
                     QStringLiteral("--workspace"), workspace_, QStringLiteral("--file"), path,
                     QStringLiteral("--from"), QStringLiteral("2026-11-01"), QStringLiteral("--to"),
                     QStringLiteral("2026-11-24") },
                 nullptr, &err),
        1);
    QVERIFY2(err.contains("\"fax\" is not a channel"), err.constData());
    QVERIFY(err.contains("leads nowhere"));
}

void TestCliJourney::liftOfThePastCampaign()
{
    QByteArray out;
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("lift"), QStringLiteral("--workspace"),
                     workspace_, QStringLiteral("--campaign"),
                     QStringLiteral("cart-recovery-spring"), QStringLiteral("--json") },
                 &out),
        0);
    const QJsonObject lift = QJsonDocument::fromJson(out).object();
    const QJsonObject treatment = lift.value(QStringLiteral("treatment")).toObject();
    const QJsonObject holdout = lift.value(QStringLiteral("holdout")).toObject();
    QVERIFY(treatment.value(QStringLiteral("sends")).toInteger() > 0);
    QVERIFY(holdout.value(QStringLiteral("sends")).toInteger() > 0);
    // The demo was generated with 24 % recovery after the e-mail against 10 % without.
    QVERIFY2(treatment.value(QStringLiteral("rate")).toDouble()
            > holdout.value(QStringLiteral("rate")).toDouble(),
        out.constData());
    const QJsonArray interval = lift.value(QStringLiteral("ci95")).toArray();
    QCOMPARE(interval.size(), 2);
    const double difference = lift.value(QStringLiteral("difference")).toDouble();
    QVERIFY(interval.at(0).toDouble() <= difference && difference <= interval.at(1).toDouble());

    QByteArray text;
    QCOMPARE(
        run({ QStringLiteral("journey"), QStringLiteral("lift"), QStringLiteral("--workspace"),
                workspace_, QStringLiteral("--campaign"), QStringLiteral("cart-recovery-spring") },
            &text),
        0);
    QVERIFY(text.contains("Treatment: "));
    QVERIFY(text.contains("95 % interval"));

    QByteArray err;
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("lift"), QStringLiteral("--workspace"),
                     workspace_, QStringLiteral("--campaign"), QStringLiteral("no-such-campaign") },
                 nullptr, &err),
        1);
    QVERIFY(err.contains("No messages"));
}

void TestCliJourney::usageErrors()
{
    QCOMPARE(
        run({ QStringLiteral("journey"), QStringLiteral("simulate"), QStringLiteral("--workspace"),
            workspace_, QStringLiteral("--template"), QStringLiteral("cart-recovery") }),
        2);
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("simulate"),
                 QStringLiteral("--workspace"), workspace_, QStringLiteral("--template"),
                 QStringLiteral("nope"), QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                 QStringLiteral("--to"), QStringLiteral("2026-11-24") }),
        2);
    QCOMPARE(run({ QStringLiteral("journey"), QStringLiteral("fly") }), 2);
}

/// Saved, switched on, advanced by two real imports, its outbox read, switched off, removed.
void TestCliJourney::runningJourneyThroughImports()
{
    const QString w = workspace_;
    auto journey = [&](const QStringList &more, QByteArray *out = nullptr) {
        return run(QStringList { QStringLiteral("journey") } + more, out);
    };
    const QString name = QStringLiteral("Cart recovery");
    QCOMPARE(journey({ QStringLiteral("save"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--template"), QStringLiteral("cart-recovery") }),
        0);
    QByteArray out;
    QCOMPARE(journey({ QStringLiteral("list"), QStringLiteral("--workspace"), w,
                         QStringLiteral("--json") },
                 &out),
        0);
    QJsonArray list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), name);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("active")).toBool(), false);
    QCOMPARE(journey({ QStringLiteral("on"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--name"), name }),
        0);

    // Three new shoppers leave carts the day after the demo's history; a page view at noon
    // moves the workspace's time past the hour the template waits for an order.
    const QString mapping = writeFile(QStringLiteral("carts-mapping.json"), R"({"version": 1,
      "columns": [{"column": "Time", "target": "timestamp"},
                  {"column": "Event", "target": "event_type"},
                  {"column": "Email", "target": "identity", "detail": "email"},
                  {"column": "First", "target": "first_name"},
                  {"column": "SKU", "target": "product_sku"},
                  {"column": "Price", "target": "price"},
                  {"column": "Newsletter", "target": "consent", "detail": "email"}],
      "timezone": "UTC"})");
    const QString carts = writeFile(QStringLiteral("carts.csv"),
        "Time,Event,Email,First,SKU,Price,Newsletter\n"
        "2026-11-25 09:00:00,Product Added,mia.cli@example.com,Mia,TEST-SKU-1,40.00,yes\n"
        "2026-11-25 09:00:00,Product Added,noah.cli@example.com,Noah,TEST-SKU-1,40.00,yes\n"
        "2026-11-25 09:00:00,Product Added,ole.cli@example.com,Ole,TEST-SKU-1,40.00,yes\n"
        "2026-11-25 12:00:00,Page Viewed,pia.cli@example.com,Pia,,,\n");
    QVERIFY(!mapping.isEmpty() && !carts.isEmpty());
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), w, carts,
                     QStringLiteral("--mapping"), mapping, QStringLiteral("--json") },
                 &out),
        0);
    const QJsonObject imported = QJsonDocument::fromJson(out).object();
    QCOMPARE(imported.value(QStringLiteral("journey_entries")).toInteger(), 3);
    const qint64 messages = imported.value(QStringLiteral("journey_messages")).toInteger();
    QVERIFY(messages >= 1 && messages <= 3); // a holdout shopper gets none

    QCOMPARE(journey({ QStringLiteral("outbox"), QStringLiteral("--workspace"), w,
                         QStringLiteral("--name"), name, QStringLiteral("--json") },
                 &out),
        0);
    const QJsonArray outbox = QJsonDocument::fromJson(out).array();
    QCOMPARE(outbox.size(), messages);
    for (const QJsonValue &message : outbox) {
        const QJsonObject m = message.toObject();
        QCOMPARE(m.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QVERIFY(m.value(QStringLiteral("address"))
                    .toString()
                    .endsWith(QStringLiteral(".cli@example.com")));
        QVERIFY(m.value(QStringLiteral("subject"))
                    .toString()
                    .endsWith(QStringLiteral(", your cart is waiting")));
        QCOMPARE(m.value(QStringLiteral("due")).toString().left(10), QStringLiteral("2026-11-25"));
    }

    // Campaign files from the journey: the shoppers at a step, and the e-mail outbox.
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), w,
                     QStringLiteral("--journey"), name, QStringLiteral("--step"),
                     QStringLiteral("wait_order"), QStringLiteral("--format"),
                     QStringLiteral("generic"), QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("step.csv")), QStringLiteral("--json") },
                 &out),
        0);
    QCOMPARE(
        QJsonDocument::fromJson(out).object().value(QStringLiteral("exported")).toInteger(), 3);
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), w,
                     QStringLiteral("--journey"), name, QStringLiteral("--outbox"),
                     QStringLiteral("email"), QStringLiteral("--format"), QStringLiteral("generic"),
                     QStringLiteral("--out"), dir_.filePath(QStringLiteral("outbox.csv")),
                     QStringLiteral("--json") },
                 &out),
        0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("exported")).toInteger(),
        messages);
    QFile outboxFile(dir_.filePath(QStringLiteral("outbox.csv")));
    QVERIFY(outboxFile.open(QIODevice::ReadOnly));
    QVERIFY(outboxFile.readLine().contains("Subject,Message,Message offer,Message code,Send at"));
    QVERIFY(outboxFile.readLine().contains("your cart is waiting"));
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--journey"), name, QStringLiteral("--step"),
                 QStringLiteral("nowhere"), QStringLiteral("--format"), QStringLiteral("generic"),
                 QStringLiteral("--out"), dir_.filePath(QStringLiteral("none.csv")) }),
        1);

    QCOMPARE(journey({ QStringLiteral("off"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--name"), name }),
        0);
    QCOMPARE(journey({ QStringLiteral("list"), QStringLiteral("--workspace"), w,
                         QStringLiteral("--json") },
                 &out),
        0);
    list = QJsonDocument::fromJson(out).array();
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("active")).toBool(), false);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("in_journey")).toInteger(), 3);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("outbox_pending")).toInteger(), 0);

    QCOMPARE(journey({ QStringLiteral("lift"), QStringLiteral("--workspace"), w,
                         QStringLiteral("--name"), name, QStringLiteral("--json") },
                 &out),
        0);
    const QJsonObject lift = QJsonDocument::fromJson(out).object();
    QCOMPARE(lift.value(QStringLiteral("treatment"))
                 .toObject()
                 .value(QStringLiteral("sends"))
                 .toInteger(),
        messages);

    QCOMPARE(journey({ QStringLiteral("remove"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--name"), name }),
        0);
    QCOMPARE(journey({ QStringLiteral("outbox"), QStringLiteral("--workspace"), w,
                 QStringLiteral("--name"), name }),
        1);
}

QTEST_GUILESS_MAIN(TestCliJourney)
#include "test_cli_journey.moc"
