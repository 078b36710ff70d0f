#include "TestFiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

/** `clientele segment …` on a demo workspace, as a marketer's script runs it. */
class TestCliSegment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void saveListCount();
    void countAsJson();
    void overlapOfTwoSegments();
    void asOfCountsFewerOrders();
    void explainAShopper();
    void badRuleFails_data();
    void badRuleFails();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QString writeRule(const QString &name, const QByteArray &json);
    QStringList segment(const QString &action, const QStringList &rest) const;

    QTemporaryDir dir_;
    QString workspace_;
};

void TestCliSegment::initTestCase()
{
    workspace_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QCOMPARE(run({ QStringLiteral("demo"), QStringLiteral("--out"), workspace_,
                 QStringLiteral("--shoppers"), QStringLiteral("2000"), QStringLiteral("--end"),
                 QStringLiteral("2026-11-25") }),
        0);
}

int TestCliSegment::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    return clientele::test::runProgram(QStringLiteral(CLIENTELE_BINARY), arguments, out, err);
}

QString TestCliSegment::writeRule(const QString &name, const QByteArray &json)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        return {};
    return path;
}

QStringList TestCliSegment::segment(const QString &action, const QStringList &rest) const
{
    return QStringList { QStringLiteral("segment"), action, QStringLiteral("--workspace"),
        workspace_ }
    + rest;
}

void TestCliSegment::saveListCount()
{
    const QString bigSpenders = writeRule(QStringLiteral("big.json"),
        R"({"version": 1, "rule": {"type": "trait", "field": "revenue", "op": ">", "value": 250}})");
    const QString cart = writeRule(QStringLiteral("cart.json"),
        R"({"version": 1, "rule": {"type": "sequence", "first": {"event": "product_added"},
            "then": {"event": "order_completed"}, "within_hours": 24,
            "when": {"in_last_days": 30}}})");
    QByteArray out;
    QByteArray err;
    QCOMPARE(run(segment(QStringLiteral("save"),
                     { QStringLiteral("--name"), QStringLiteral("Big spenders"),
                         QStringLiteral("--file"), bigSpenders, QStringLiteral("--description"),
                         QStringLiteral("Revenue over 250") }),
                 &out, &err),
        0);
    QVERIFY2(out.contains("Saved segment 'Big spenders'"), out.constData());
    QCOMPARE(run(segment(QStringLiteral("save"),
                 { QStringLiteral("--name"), QStringLiteral("Abandoned carts"),
                     QStringLiteral("--file"), cart })),
        0);
    QCOMPARE(run(segment(QStringLiteral("list"), {}), &out), 0);
    // Beside the demo's own starting points.
    QCOMPARE(out,
        QByteArray("Abandoned cart (last 24 h)\nAbandoned carts\nBig spenders\n"
                   "Champions at risk of churning\nDue for replenishment\nFirst-time buyers\n"
                   "High-value repeat customers\nLapsed 90+ days\n"));

    QCOMPARE(run(segment(QStringLiteral("count"),
                     { QStringLiteral("--name"), QStringLiteral("Big spenders") }),
                 &out, &err),
        0);
    QVERIFY2(out.contains(" shoppers match ("), out.constData());
    const int count = out.left(out.indexOf(' ')).replace(",", "").toInt();
    QVERIFY2(count > 10 && count < 2000, out.constData());
    // By name and by file: the same answer.
    QByteArray byFile;
    QCOMPARE(
        run(segment(QStringLiteral("count"), { QStringLiteral("--file"), bigSpenders }), &byFile),
        0);
    QCOMPARE(byFile.left(byFile.indexOf('(')), out.left(out.indexOf('(')));
}

void TestCliSegment::overlapOfTwoSegments()
{
    // The segments saveListCount saved: revenue over 250, and an abandoned-cart sequence.
    const auto countOf = [this](const QString &name) {
        QByteArray out;
        if (run(segment(QStringLiteral("count"),
                    { QStringLiteral("--name"), name, QStringLiteral("--json") }),
                &out)
            != 0)
            return qint64(-1);
        return static_cast<qint64>(
            QJsonDocument::fromJson(out).object().value(QStringLiteral("count")).toDouble());
    };
    const qint64 big = countOf(QStringLiteral("Big spenders"));
    const qint64 carts = countOf(QStringLiteral("Abandoned carts"));
    QVERIFY(big > 0 && carts > 0);

    QByteArray out;
    QByteArray err;
    QCOMPARE(run(segment(QStringLiteral("overlap"),
                     { QStringLiteral("--name"), QStringLiteral("Big spenders"),
                         QStringLiteral("--name"), QStringLiteral("Abandoned carts"),
                         QStringLiteral("--json") }),
                 &out, &err),
        0);
    QJsonParseError error {};
    const QJsonObject result = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
    for (const char *key : { "a_only", "both", "b_only", "a", "b" }) {
        const QJsonValue value = result.value(QLatin1String(key));
        QVERIFY2(value.isDouble() && value.toDouble() == std::floor(value.toDouble()), key);
    }
    const auto number = [&result](const char *key) {
        return static_cast<qint64>(result.value(QLatin1String(key)).toDouble());
    };
    QCOMPARE(number("a"), big);
    QCOMPARE(number("b"), carts);
    QCOMPARE(number("a_only") + number("both"), big);
    QCOMPARE(number("b_only") + number("both"), carts);
    QVERIFY2(number("both") > 0, out.constData());

    // Text for people, with the names.
    QCOMPARE(run(segment(QStringLiteral("overlap"),
                     { QStringLiteral("--name"), QStringLiteral("Big spenders"),
                         QStringLiteral("--name"), QStringLiteral("Abandoned carts") }),
                 &out),
        0);
    QVERIFY2(out.contains("Only in 'Big spenders': ") && out.contains("In both: ")
            && out.contains("Only in 'Abandoned carts': "),
        out.constData());

    QCOMPARE(run(segment(QStringLiteral("overlap"),
                     { QStringLiteral("--name"), QStringLiteral("Big spenders"),
                         QStringLiteral("--name"), QStringLiteral("No such segment") }),
                 &out, &err),
        1);
    QVERIFY2(err.contains("No such segment"), err.constData());
    QCOMPARE(run(segment(QStringLiteral("overlap"),
                 { QStringLiteral("--name"), QStringLiteral("Big spenders") })),
        2);
}

void TestCliSegment::countAsJson()
{
    const QString rule = writeRule(QStringLiteral("added.json"),
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "event", "event": "product_added", "count": {"op": "at_least", "value": 2},
             "when": {"in_last_days": 30}},
            {"type": "event", "event": "order_completed", "did": false, "when": {"in_last_days": 30}}]}})");
    QByteArray out;
    QCOMPARE(run(segment(QStringLiteral("count"),
                     { QStringLiteral("--file"), rule, QStringLiteral("--json") }),
                 &out),
        0);
    QJsonParseError error {};
    const QJsonObject result = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
    QVERIFY(result.value(QStringLiteral("count")).isDouble());
    QVERIFY(result.value(QStringLiteral("count")).toInteger() >= 0);
    QVERIFY(result.value(QStringLiteral("ms")).toInteger() >= 0);
    QCOMPARE(result.keys(), (QStringList { QStringLiteral("count"), QStringLiteral("ms") }));
}

void TestCliSegment::asOfCountsFewerOrders()
{
    const QString rule = writeRule(QStringLiteral("buyers.json"),
        R"({"version": 1, "rule": {"type": "trait", "field": "orders", "op": ">=", "value": 1}})");
    const auto countOf = [&](const QStringList &extra) {
        QByteArray out;
        if (run(segment(QStringLiteral("count"),
                    QStringList { QStringLiteral("--file"), rule, QStringLiteral("--json") }
                        + extra),
                &out)
            != 0)
            return qint64(-1);
        return QJsonDocument::fromJson(out).object().value(QStringLiteral("count")).toInteger();
    };
    const qint64 today = countOf({});
    const qint64 midYear = countOf({ QStringLiteral("--as-of"), QStringLiteral("2026-06-01") });
    const qint64 start = countOf({ QStringLiteral("--as-of"), QStringLiteral("2025-12-01") });
    QVERIFY2(today > midYear && midYear > start && start >= 0,
        qPrintable(QStringLiteral("%1 %2 %3").arg(today).arg(midYear).arg(start)));
    // As of the last day, the derived order count is the stored one.
    QCOMPARE(countOf({ QStringLiteral("--as-of"), QStringLiteral("2026-11-25") }), today);

    QByteArray err;
    QCOMPARE(run(segment(QStringLiteral("count"),
                     { QStringLiteral("--file"), rule, QStringLiteral("--as-of"),
                         QStringLiteral("June") }),
                 nullptr, &err),
        2);
    QVERIFY2(err.contains("--as-of must be a date"), err.constData());
}

void TestCliSegment::explainAShopper()
{
    const QString rule = writeRule(QStringLiteral("explain.json"),
        R"({"version": 1, "rule": {"type": "all", "conditions": [
            {"type": "trait", "field": "revenue", "op": ">", "value": 100},
            {"type": "event", "event": "product_added", "count": {"op": "at_least", "value": 1}},
            {"type": "consent", "channel": "email"}]}})");
    QByteArray out;
    QByteArray err;
    QCOMPARE(run(segment(QStringLiteral("explain"),
                     { QStringLiteral("--file"), rule,
                         QStringLiteral("email:lena.hoffmann@example.com") }),
                 &out, &err),
        0);
    QVERIFY2(out.contains("is in the segment"), out.constData());
    QVERIFY2(out.contains("  revenue "), out.constData());
    QVERIFY2(out.contains("> 100 \xE2\x9C\x93"), out.constData()); // ✓
    QVERIFY2(out.contains("email consent granted"), out.constData());
    QCOMPARE(
        run(segment(QStringLiteral("explain"),
                { QStringLiteral("--file"), rule, QStringLiteral("email:nobody@example.com") }),
            &out, &err),
        1);
    QVERIFY2(err.contains("No shopper has email"), err.constData());
}

void TestCliSegment::badRuleFails_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("not-json") << QByteArray("{nope") << QByteArray("not valid JSON");
    QTest::newRow("unknown-field") << QByteArray(
        R"({"version": 1, "rule": {"type": "trait", "field": "revnue", "op": ">", "value": 1}})")
                                   << QByteArray("/rule/field: Unknown field \"revnue\".");
    QTest::newRow("operator") << QByteArray(
        R"({"version": 1, "rule": {"type": "trait", "field": "revenue", "op": "contains", "value": "1"}})")
                              << QByteArray("does not apply to a number field");
    QTest::newRow("empty-group") << QByteArray(
        R"({"version": 1, "rule": {"type": "any", "conditions": []}})")
                                 << QByteArray("This group is empty");
    QTest::newRow("unknown-segment")
        << QByteArray(R"({"version": 1, "rule": {"type": "segment", "segment": "Nope"}})")
        << QByteArray("There is no saved segment \"Nope\"");
}

void TestCliSegment::badRuleFails()
{
    QFETCH(QByteArray, rule);
    QFETCH(QByteArray, message);
    const QString path = writeRule(QStringLiteral("bad.json"), rule);
    for (const QString &action : { QStringLiteral("count"), QStringLiteral("save") }) {
        QByteArray out;
        QByteArray err;
        QStringList rest { QStringLiteral("--file"), path };
        if (action == QLatin1String("save"))
            rest << QStringLiteral("--name") << QStringLiteral("Bad");
        QCOMPARE(run(segment(action, rest), &out, &err), 1);
        QVERIFY2(err.contains(message), err.constData());
    }
    QByteArray out;
    QCOMPARE(run(segment(QStringLiteral("list"), {}), &out), 0);
    QVERIFY(!out.contains("Bad\n"));
    QByteArray err;
    QCOMPARE(
        run(segment(QStringLiteral("count"), { QStringLiteral("--name"), QStringLiteral("Nope") }),
            nullptr, &err),
        1);
    QVERIFY2(err.contains("There is no saved segment 'Nope'"), err.constData());
}

QTEST_GUILESS_MAIN(TestCliSegment)
#include "test_cli_segment.moc"
