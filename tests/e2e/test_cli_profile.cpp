#include "TestFiles.h"

#include "demo/DemoStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

/** `clientele profile …` on a demo workspace, as support staff and scripts run it. */
class TestCliProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showAsJsonHasTheIdentities();
    void showAsText();
    void searchFindsAPrefix();
    void unknownShopperFails_data();
    void unknownShopperFails();
    void rebuildTraitsRecomputesEveryShopper();
    void exportThenErase();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QStringList profile(const QString &action, const QStringList &rest) const;

    QTemporaryDir dir_;
    QString workspace_;
};

void TestCliProfile::initTestCase()
{
    workspace_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QCOMPARE(run({ QStringLiteral("demo"), QStringLiteral("--out"), workspace_,
                 QStringLiteral("--shoppers"), QStringLiteral("2000"), QStringLiteral("--end"),
                 QStringLiteral("2026-11-25") }),
        0);
}

int TestCliProfile::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    return test::runProgram(QStringLiteral(CLIENTELE_BINARY), arguments, out, err);
}

QStringList TestCliProfile::profile(const QString &action, const QStringList &rest) const
{
    return QStringList { QStringLiteral("profile"), action, QStringLiteral("--workspace"),
        workspace_ }
    + rest;
}

void TestCliProfile::showAsJsonHasTheIdentities()
{
    QByteArray out;
    QByteArray err;
    // Typed with capitals: the address is normalised as imports store it.
    QCOMPARE(
        run(profile(QStringLiteral("show"),
                { QStringLiteral("email:Lena.Hoffmann@Example.com"), QStringLiteral("--json") }),
            &out, &err),
        0);
    QJsonParseError error {};
    const QJsonObject record = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
    QCOMPARE(record.value(QStringLiteral("profile"))
                 .toObject()
                 .value(QStringLiteral("last_name"))
                 .toString(),
        QStringLiteral("Hoffmann"));
    const QJsonObject identities = record.value(QStringLiteral("identities")).toObject();
    QCOMPARE(identities.value(QStringLiteral("email"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("value")),
        QJsonValue(QString::fromLatin1(DemoStore::kBriefShopperEmail)));
    QVERIFY(identities.contains(QStringLiteral("customer_id")));
    QVERIFY(identities.value(QStringLiteral("anonymous_id")).toArray().size() >= 1);
    QVERIFY(!record.value(QStringLiteral("consents")).toArray().isEmpty());
    // She signed in on a second device: the merge that formed her profile is listed.
    const QJsonArray merges = record.value(QStringLiteral("merges")).toArray();
    QVERIFY(!merges.isEmpty());
    QCOMPARE(merges.first().toObject().value(QStringLiteral("action")).toString(),
        QStringLiteral("merge"));
    // Her computed traits: she bought socks in store yesterday, so she is a buyer with a
    // recent last order and an RFM group.
    const QJsonObject traits = record.value(QStringLiteral("traits")).toObject();
    QVERIFY(traits.value(QStringLiteral("orders")).toInt() >= 1);
    QVERIFY(traits.value(QStringLiteral("revenue")).toDouble() > 0);
    QVERIFY(!traits.value(QStringLiteral("rfm_group")).toString().isEmpty());
    QVERIFY(traits.value(QStringLiteral("channels")).toString().contains(QStringLiteral("pos")));

    // The same profile by its customer id.
    const QString customerId = identities.value(QStringLiteral("customer_id"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("value"))
                                   .toString();
    QByteArray again;
    QCOMPARE(run(profile(QStringLiteral("show"),
                     { QStringLiteral("customer_id:") + customerId, QStringLiteral("--json") }),
                 &again),
        0);
    QCOMPARE(again, out);
}

void TestCliProfile::showAsText()
{
    QByteArray out;
    QCOMPARE(
        run(profile(QStringLiteral("show"), { QStringLiteral("email:lena.hoffmann@example.com") }),
            &out),
        0);
    QVERIFY2(out.contains("Lena Hoffmann"), out.constData());
    QVERIFY2(out.contains("Identities:"), out.constData());
    QVERIFY2(out.contains("Merges:"), out.constData());
}

void TestCliProfile::searchFindsAPrefix()
{
    QByteArray out;
    QCOMPARE(run(profile(QStringLiteral("search"),
                     { QStringLiteral("LENA.HOFF"), QStringLiteral("--json"),
                         QStringLiteral("--limit"), QStringLiteral("20") }),
                 &out),
        0);
    const QJsonArray hits = QJsonDocument::fromJson(out).array();
    QVERIFY2(!hits.isEmpty(), out.constData());
    QVERIFY(hits.size() <= 20);
    bool foundBrief = false;
    for (const QJsonValue &hit : hits) {
        const QJsonObject object = hit.toObject();
        QVERIFY(object.value(QStringLiteral("matched_value"))
                    .toString()
                    .startsWith(QStringLiteral("lena.hoff")));
        if (object.value(QStringLiteral("email")).toString()
            == QString::fromLatin1(DemoStore::kBriefShopperEmail)) {
            foundBrief = true;
            QCOMPARE(object.value(QStringLiteral("display_name")).toString(),
                QStringLiteral("Lena Hoffmann"));
        }
    }
    QVERIFY2(foundBrief, out.constData());

    QByteArray none;
    QCOMPARE(
        run(profile(QStringLiteral("search"), { QStringLiteral("%"), QStringLiteral("--json") }),
            &none),
        0);
    QCOMPARE(QJsonDocument::fromJson(none).array().size(), 0);
}

void TestCliProfile::unknownShopperFails_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown-email") << QStringLiteral("email:nobody@example.com")
                                   << QByteArray("No shopper has email 'nobody@example.com'");
    QTest::newRow("unknown-customer")
        << QStringLiteral("customer_id:NOPE") << QByteArray("No shopper has customer_id 'NOPE'");
    QTest::newRow("bad-email") << QStringLiteral("email:not-an-address")
                               << QByteArray("not-an-address");
    QTest::newRow("no-kind") << QStringLiteral("lena") << QByteArray("KIND:VALUE");
}

void TestCliProfile::unknownShopperFails()
{
    QFETCH(QString, reference);
    QFETCH(QByteArray, message);
    QByteArray out;
    QByteArray err;
    QCOMPARE(
        run(profile(QStringLiteral("show"), { reference, QStringLiteral("--json") }), &out, &err),
        1);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.contains(message), err.constData());
}

void TestCliProfile::rebuildTraitsRecomputesEveryShopper()
{
    QByteArray out;
    QCOMPARE(run(profile(QStringLiteral("rebuild-traits"), {}), &out), 0);
    QVERIFY2(out.startsWith("Recomputed the traits of 2000 shoppers"), out.constData());
    QCOMPARE(run(profile(QStringLiteral("rebuild-traits"), { QStringLiteral("extra") })), 2);
}

void TestCliProfile::exportThenErase()
{
    // On a copy: the other tests read the demo as it was written.
    const QString copy = dir_.filePath(QStringLiteral("copy.clientele"));
    QVERIFY(QFile::copy(workspace_, copy));
    const QString reference = QStringLiteral("email:lena.hoffmann@example.com");
    const QString json = dir_.filePath(QStringLiteral("lena.json"));
    const QStringList on { QStringLiteral("--workspace"), copy };
    QCOMPARE(run(QStringList { QStringLiteral("profile"), QStringLiteral("export"), reference,
                     QStringLiteral("--out"), json }
                 + on),
        0);
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(document.value(QStringLiteral("events")).toArray().size() > 0);

    QByteArray err;
    QCOMPARE(run(QStringList { QStringLiteral("profile"), QStringLiteral("erase"), reference } + on,
                 nullptr, &err),
        2);
    QVERIFY2(err.contains("--yes"), err.constData());
    QByteArray out;
    QCOMPARE(run(QStringList { QStringLiteral("profile"), QStringLiteral("erase"), reference,
                     QStringLiteral("--yes"), QStringLiteral("--reason"), QStringLiteral("DSR-1") }
                     + on,
                 &out),
        0);
    QVERIFY2(out.contains("Erased profile"), out.constData());
    QCOMPARE(
        run(QStringList { QStringLiteral("profile"), QStringLiteral("show"), reference } + on), 1);
}

QTEST_GUILESS_MAIN(TestCliProfile)
#include "test_cli_profile.moc"
