#include "TestFiles.h"

#include "demo/DemoStore.h"
#include "store/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

/** The real `clientele` binary, run as a user would run it from a shell. */
class TestCliDemo : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesADemoWorkspace();
    void sameSeedSameWorkspace();
    void refusesToOverwrite();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void printsVersionAndHelp();

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments);
};

TestCliDemo::Result TestCliDemo::run(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QStringLiteral(CLIENTELE_BINARY));
    process.setArguments(arguments);
    // No display at all: the CLI must not need one.
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(environment);
    process.start();
    if (!process.waitForFinished(120'000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

void TestCliDemo::writesADemoWorkspace()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("demo.clientele"));
    const Result result = run({ QStringLiteral("demo"), QStringLiteral("--out"), file,
        QStringLiteral("--shoppers"), QStringLiteral("400"), QStringLiteral("--seed"),
        QStringLiteral("7"), QStringLiteral("--end"), QStringLiteral("2026-06-01") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("Wrote")), qPrintable(result.out));
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));

    auto workspace = Workspace::open(test::toStd(file));
    QCOMPARE(workspace.meta("origin"), std::string("demo"));
    QCOMPARE(workspace.meta("demo.seed"), std::string("7"));
    QCOMPARE(workspace.meta("demo.end"), std::string("2026-06-01"));
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM profiles"), 400);
    QVERIFY(workspace.db().queryInt("SELECT count(*) FROM events") > 400);
    QCOMPARE(workspace.db().queryInt("SELECT max(ts) < "
                 + std::to_string(*parseIsoDate("2026-06-01")) + " FROM events"),
        1);
    auto brief = workspace.db().prepare(
        "SELECT count(*) FROM identities WHERE kind = 'email' AND value = ?1");
    brief.bind(1, DemoStore::kBriefShopperEmail);
    QVERIFY(brief.step());
    QCOMPARE(brief.columnInt(0), 1);
    QCOMPARE(workspace.integrityCheck(), std::string("ok"));
}

void TestCliDemo::sameSeedSameWorkspace()
{
    QTemporaryDir dir;
    std::vector<std::int64_t> fingerprints;
    for (const QString &name : { QStringLiteral("a.clientele"), QStringLiteral("b.clientele") }) {
        const QString file = dir.filePath(name);
        const Result result = run({ QStringLiteral("demo"), QStringLiteral("--out"), file,
            QStringLiteral("--shoppers"), QStringLiteral("300"), QStringLiteral("--seed"),
            QStringLiteral("11"), QStringLiteral("--end"), QStringLiteral("2026-03-01") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        auto workspace = Workspace::open(test::toStd(file));
        fingerprints.push_back(workspace.db().queryInt(
            "SELECT count(*) * 1000003 + sum(ts % 1000003) + sum(profile_id) + "
            "sum(length(type) + length(coalesce(props, ''))) FROM events"));
    }
    QCOMPARE(fingerprints[0], fingerprints[1]);
}

void TestCliDemo::refusesToOverwrite()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("precious.clientele"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("my own data");
    }
    const Result result = run({ QStringLiteral("demo"), QStringLiteral("--out"), file,
        QStringLiteral("--shoppers"), QStringLiteral("50") });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("exists")), qPrintable(result.err));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), QByteArray("my own data"));
}

void TestCliDemo::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-out") << QStringList { QStringLiteral("demo") } << QStringLiteral("--out");
    QTest::newRow("bad-shoppers") << QStringList { QStringLiteral("demo"), QStringLiteral("--out"),
        QStringLiteral("x.clientele"), QStringLiteral("--shoppers"), QStringLiteral("many") }
                                  << QStringLiteral("--shoppers");
    QTest::newRow("bad-end") << QStringList { QStringLiteral("demo"), QStringLiteral("--out"),
        QStringLiteral("x.clientele"), QStringLiteral("--end"), QStringLiteral("2026-02-30") }
                             << QStringLiteral("--end");
    QTest::newRow("unknown-option") << QStringList { QStringLiteral("demo"),
        QStringLiteral("--colour") } << QStringLiteral("colour");
}

void TestCliDemo::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(!QFile::exists(QStringLiteral("x.clientele")));
}

void TestCliDemo::printsVersionAndHelp()
{
    const Result version = run({ QStringLiteral("--version") });
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("clientele ")));
    const Result help = run({ QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("clientele demo --out FILE")));
}

QTEST_GUILESS_MAIN(TestCliDemo)
#include "test_cli_demo.moc"
