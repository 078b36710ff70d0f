#include "TestFiles.h"

#include "store/Workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

using namespace clientele;

/** `clientele import` as scripts and scheduled jobs run it. */
class TestCliImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsAndSummarisesAsJson();
    void reimportCountsDuplicates();
    void badMappingFailsClearly();
    void mappingGuessedFromTheHeader();
    void killedImportLeavesWorkspaceAsItWas();
    void killedFirstLoadLeavesAnEmptyWorkspace();

private:
    QString write(const QString &name, const QByteArray &content);
    /// 600,000 rows of as many shoppers: an import long enough to be killed halfway.
    QString writeBigFile();
    /// Opens the workspace after a killed import: intact, holding exactly these counts.
    void expectWorkspaceHolds(std::int64_t events, std::int64_t profiles, std::int64_t imports);
    /// Starts importing input and kills the process with SIGKILL once ready(process) holds.
    void killImportWhen(const QString &input, const std::function<bool(QProcess &)> &ready);
    QStringList importArguments(const QString &input) const;
    QProcess *start(const QStringList &arguments);
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);

    std::unique_ptr<QTemporaryDir> dir_;
    QString workspace_;
    QString mapping_;
    std::vector<std::unique_ptr<QProcess>> processes_;
};

void TestCliImport::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    workspace_ = dir_->filePath(QStringLiteral("store.clientele"));
    mapping_ = write(QStringLiteral("mapping.json"), R"({
        "version": 1,
        "columns": [
            {"column": "when", "target": "timestamp"},
            {"column": "what", "target": "event_type"},
            {"column": "email", "target": "identity", "detail": "email"},
            {"column": "device", "target": "identity", "detail": "anonymous_id"},
            {"column": "amount", "target": "value"}
        ],
        "timezone": "UTC"
    })");
}

QString TestCliImport::write(const QString &name, const QByteArray &content)
{
    const QString path = dir_->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

QStringList TestCliImport::importArguments(const QString &input) const
{
    return { QStringLiteral("import"), QStringLiteral("--workspace"), workspace_, input,
        QStringLiteral("--mapping"), mapping_, QStringLiteral("--json") };
}

QProcess *TestCliImport::start(const QStringList &arguments)
{
    processes_.push_back(std::make_unique<QProcess>());
    QProcess *process = processes_.back().get();
    process->start(QStringLiteral(CLIENTELE_BINARY), arguments);
    return process;
}

int TestCliImport::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess *process = start(arguments);
    if (!process->waitForFinished(120'000))
        return -1;
    if (out)
        *out = process->readAllStandardOutput();
    if (err)
        *err = process->readAllStandardError();
    return process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
}

void TestCliImport::importsAndSummarisesAsJson()
{
    const QString input = write(QStringLiteral("events.csv"),
        "when,what,email,device,amount\n"
        "2026-01-05T10:00:00Z,Product Viewed,,d1,\n"
        "2026-01-05T10:10:00Z,Order Completed,mia@example.org,d1,89.90\n"
        "yesterday,Product Viewed,,d2,\n");
    QByteArray out;
    QByteArray err;
    QCOMPARE(run(importArguments(input), &out, &err), 0);
    const QJsonObject summary = QJsonDocument::fromJson(out).object();
    QVERIFY2(!summary.isEmpty(), out.constData());
    QCOMPARE(summary.value(QStringLiteral("rows_read")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("duplicates")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("rejected")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("profiles_created")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("merges")).toInt(), 0);

    auto workspace = Workspace::open(test::toStd(workspace_));
    QCOMPARE(workspace.db().queryInt("SELECT count(*) FROM events"), 2);
    QCOMPARE(workspace.db().queryInt("SELECT line FROM import_rejects"), 4);
}

void TestCliImport::reimportCountsDuplicates()
{
    const QString input = write(QStringLiteral("events.csv"),
        "when,what,email,device,amount\n"
        "2026-01-05T10:00:00Z,Product Viewed,ana@example.org,,\n"
        "2026-01-06T10:00:00Z,Product Viewed,bo@example.org,,\n");
    QCOMPARE(run(importArguments(input)), 0);
    QByteArray out;
    QCOMPARE(run(importArguments(input), &out), 0);
    const QJsonObject summary = QJsonDocument::fromJson(out).object();
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(summary.value(QStringLiteral("duplicates")).toInt(), 2);
}

void TestCliImport::badMappingFailsClearly()
{
    const QString input
        = write(QStringLiteral("events.csv"), "when,what\n2026-01-05T10:00:00Z,x\n");
    QByteArray err;
    QCOMPARE(run(importArguments(input), nullptr, &err), 1);
    QVERIFY2(err.contains("email"), err.constData());
    QVERIFY2(err.contains("unchanged"), err.constData());
}

void TestCliImport::mappingGuessedFromTheHeader()
{
    const QString input = write(QStringLiteral("orders.csv"),
        "Order Date,Event,E-Mail,Device ID,Total,Notes\n"
        "2026-01-05T10:00:00Z,Product Viewed,,d1,,\n"
        "2026-01-05T10:10:00Z,Order Completed,mia@example.org,d1,89.90,gift\n");

    // --print-mapping prints the wizard's guess as a mapping file and imports nothing.
    QByteArray out;
    QByteArray err;
    QCOMPARE(
        run({ QStringLiteral("import"), QStringLiteral("--print-mapping"), input }, &out, &err), 0);
    const QJsonObject printed = QJsonDocument::fromJson(out).object();
    QVERIFY2(!printed.isEmpty(), out.constData());
    QCOMPARE(printed.value(QStringLiteral("version")).toInt(), 1);
    const QJsonArray columns = printed.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 6);
    const auto targetOf = [&columns](int index) {
        const QJsonObject column = columns.at(index).toObject();
        return column.value(QStringLiteral("target")).toString() + QLatin1Char('/')
            + column.value(QStringLiteral("detail")).toString();
    };
    QCOMPARE(targetOf(0), QStringLiteral("timestamp/"));
    QCOMPARE(targetOf(1), QStringLiteral("event_type/"));
    QCOMPARE(targetOf(2), QStringLiteral("identity/email"));
    QCOMPARE(targetOf(3), QStringLiteral("identity/anonymous_id"));
    QCOMPARE(targetOf(4), QStringLiteral("value/"));
    QCOMPARE(targetOf(5), QStringLiteral("ignore/"));
    QVERIFY2(err.isEmpty(), err.constData()); // nothing left to complete
    QVERIFY(!QFile::exists(workspace_));

    // --guess-mapping imports with that guess; the printed file imports the same.
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), workspace_, input,
                     QStringLiteral("--guess-mapping"), QStringLiteral("--json") },
                 &out, &err),
        0);
    QJsonObject summary = QJsonDocument::fromJson(out).object();
    QVERIFY2(!summary.isEmpty(), err.constData());
    QCOMPARE(summary.value(QStringLiteral("imported")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("profiles_created")).toInt(), 1);
    mapping_ = write(QStringLiteral("printed.json"), QJsonDocument(printed).toJson());
    QCOMPARE(run(importArguments(input), &out), 0);
    summary = QJsonDocument::fromJson(out).object();
    QCOMPARE(summary.value(QStringLiteral("duplicates")).toInt(), 2);

    // A guess that lacks something says what, and --mapping is one or the other.
    const QString noDates
        = write(QStringLiteral("people.csv"), "Email,Favourite colour\nana@example.org,red\n");
    QCOMPARE(
        run({ QStringLiteral("import"), QStringLiteral("--print-mapping"), noDates }, &out, &err),
        0);
    QVERIFY2(err.contains("Still to do"), err.constData());
    QCOMPARE(run({ QStringLiteral("import"), QStringLiteral("--workspace"), workspace_, input,
                     QStringLiteral("--guess-mapping"), QStringLiteral("--mapping"), mapping_ },
                 nullptr, &err),
        2);
    QVERIFY2(err.contains("--guess-mapping"), err.constData());
}

QString TestCliImport::writeBigFile()
{
    QByteArray big = "when,what,email,device,amount\n";
    big.reserve(40'000'000);
    for (int i = 0; i < 600'000; ++i)
        big += "2026-02-01T10:00:00Z,Product Viewed,s" + QByteArray::number(i) + "@example.org,d"
            + QByteArray::number(i) + ",12.5\n";
    return write(QStringLiteral("big.csv"), big);
}

void TestCliImport::expectWorkspaceHolds(
    std::int64_t events, std::int64_t profiles, std::int64_t imports)
{
    auto workspace = Workspace::open(test::toStd(workspace_));
    Database &db = workspace.db();
    QCOMPARE(workspace.integrityCheck(), std::string("ok"));
    QCOMPARE(db.queryInt("SELECT count(*) FROM events"), events);
    QCOMPARE(db.queryInt("SELECT count(*) FROM profiles"), profiles);
    QCOMPARE(db.queryInt("SELECT count(*) FROM imports"), imports);
    QCOMPARE(db.queryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

void TestCliImport::killImportWhen(
    const QString &input, const std::function<bool(QProcess &)> &ready)
{
    QProcess *process = start(importArguments(input));
    QVERIFY(process->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(ready(*process) || process->state() == QProcess::NotRunning, 60'000);
    QVERIFY2(
        process->state() == QProcess::Running, "the import finished before it could be killed");
    ::kill(static_cast<pid_t>(process->processId()), SIGKILL);
    QVERIFY(process->waitForFinished(10'000));
    QCOMPARE(process->exitStatus(), QProcess::CrashExit);
}

void TestCliImport::killedImportLeavesWorkspaceAsItWas()
{
    // A first import that lands …
    const QString small = write(QStringLiteral("small.csv"),
        "when,what,email,device,amount\n2026-01-05T10:00:00Z,Product Viewed,ana@example.org,,\n");
    QCOMPARE(run(importArguments(small)), 0);
    // … then a large one killed with SIGKILL halfway, once it has reported progress, i.e.
    // once it is inside the import's transaction.
    QByteArray progress;
    killImportWhen(writeBigFile(), [&progress](QProcess &process) {
        return (progress += process.readAllStandardError()).contains("Importing");
    });
    if (QTest::currentTestFailed())
        return;

    expectWorkspaceHolds(1, 1, 1);
}

void TestCliImport::killedFirstLoadLeavesAnEmptyWorkspace()
{
    // A first load into a new workspace runs on a rollback journal (it has the file to
    // itself). Killed once it has written pages beyond the new workspace's size, it leaves
    // a hot journal; opening the workspace restores it as it was: empty, in WAL mode.
    killImportWhen(writeBigFile(), [this](QProcess &) {
        return QFileInfo::exists(workspace_ + QStringLiteral("-journal"))
            && QFileInfo(workspace_).size() > 16 * 1024 * 1024;
    });
    if (QTest::currentTestFailed())
        return;
    expectWorkspaceHolds(0, 0, 0);
    QVERIFY(!QFileInfo::exists(workspace_ + QStringLiteral("-journal")));
    // And the workspace takes the next import as a first load again.
    const QString small = write(QStringLiteral("small.csv"),
        "when,what,email,device,amount\n2026-01-05T10:00:00Z,Product Viewed,ana@example.org,,\n");
    QByteArray out;
    QCOMPARE(run(importArguments(small), &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("imported")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
