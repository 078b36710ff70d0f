#include "OlderWorkspace.h"
#include "TestFiles.h"

#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;
using clientele::test::fileDigest;
using clientele::test::toStd;

class TestStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createsSchemaAtCurrentVersion();
    void settingsOnOpen();
    void reopenKeepsData();
    void createRefusesExistingFile();
    void openRefusesMissingFile();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void rejectsNewerVersion();
    void rejectsCorruptWorkspace();
    void migratesOlderWorkspace();
    void failedMigrationLeavesVersion();
    void identityUniquenessBecomesAnIndex();
    void openWhileAnotherProgramWritesSaysBusy();
    void transactionRollsBackUnlessCommitted();
    void valuesAreBoundNotPasted();
    void workerConnectionSeesCommittedData();

private:
    QString path(const QString &name) const { return dir_->filePath(name); }
    std::unique_ptr<QTemporaryDir> dir_;
};

void TestStore::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
}

void TestStore::createsSchemaAtCurrentVersion()
{
    auto workspace = Workspace::create(toStd(path(QStringLiteral("new.clientele"))));
    QCOMPARE(workspace.version(), Workspace::schemaVersion());
    QVERIFY(Workspace::schemaVersion() >= 1);
    QCOMPARE(workspace.db().queryInt("PRAGMA application_id"), Workspace::kApplicationId);
    // Decided before the first page was written (see openAndMigrate).
    QCOMPARE(workspace.db().queryInt("PRAGMA page_size"), 16384);
    QCOMPARE(workspace.db().queryInt("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    for (const char *table : { "meta", "products", "profiles", "identities", "consents", "merges",
             "events", "imports", "import_rejects" }) {
        auto query = workspace.db().prepare(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
        query.bind(1, table);
        QVERIFY(query.step());
        QVERIFY2(query.columnInt(0) == 1, table);
    }
    QCOMPARE(workspace.integrityCheck(), std::string("ok"));
}

void TestStore::settingsOnOpen()
{
    auto workspace = Workspace::create(toStd(path(QStringLiteral("w.clientele"))));
    auto mode = workspace.db().prepare("PRAGMA journal_mode");
    QVERIFY(mode.step());
    QCOMPARE(mode.columnText(0), std::string("wal"));
    QCOMPARE(workspace.db().queryInt("PRAGMA foreign_keys"), 1);

    // Foreign keys are enforced: an identity cannot point at a profile that does not exist.
    QVERIFY_THROWS_EXCEPTION(StoreError,
        workspace.db().exec("INSERT INTO identities(kind, value, profile_id, first_seen) VALUES "
                            "('email', 'a@b.c', 99, 0)"));
}

void TestStore::reopenKeepsData()
{
    const auto file = toStd(path(QStringLiteral("w.clientele")));
    {
        auto workspace = Workspace::create(file);
        workspace.setMeta("store.name", "Trailhead");
    }
    auto workspace = Workspace::open(file);
    QCOMPARE(workspace.meta("store.name"), std::string("Trailhead"));
    QCOMPARE(workspace.meta("missing"), std::string());
}

void TestStore::createRefusesExistingFile()
{
    const auto file = toStd(path(QStringLiteral("w.clientele")));
    {
        Workspace::create(file);
    }
    try {
        Workspace::create(file);
        QFAIL("create() overwrote an existing workspace");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::CannotOpen);
        QVERIFY(std::string(error.what()).find("already exists") != std::string::npos);
    }
}

void TestStore::openRefusesMissingFile()
{
    const auto file = toStd(path(QStringLiteral("nowhere.clientele")));
    QVERIFY_THROWS_EXCEPTION(StoreError, Workspace::open(file));
    QVERIFY(!QFile::exists(path(QStringLiteral("nowhere.clientele"))));
}

void TestStore::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("isForeignDatabase");

    QTest::newRow("text-file") << QByteArray("id,email\n1,ana@example.com\n") << false;
    QTest::newRow("binary-garbage") << QByteArray(8192, '\x17') << false;
    QTest::newRow("truncated-header") << QByteArray("SQLite format 3") << false;
    QTest::newRow("other-sqlite-db") << QByteArray() << true;
}

void TestStore::rejectsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, isForeignDatabase);
    const QString file = path(QStringLiteral("bad.clientele"));
    if (isForeignDatabase) {
        Database other(toStd(file));
        other.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); "
                   "INSERT INTO notes(body) VALUES ('keep me')");
    } else {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    const QByteArray before = fileDigest(file);
    const qint64 sizeBefore = QFileInfo(file).size();

    try {
        Workspace::open(toStd(file));
        QFAIL("a file that is not a workspace was opened");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::NotAWorkspace);
        QVERIFY2(std::string(error.what()).find("not a Clientele workspace") != std::string::npos,
            error.what());
    }
    QCOMPARE(fileDigest(file), before);
    QCOMPARE(QFileInfo(file).size(), sizeBefore);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
}

void TestStore::rejectsNewerVersion()
{
    const QString file = path(QStringLiteral("future.clientele"));
    {
        auto workspace = Workspace::create(toStd(file));
        workspace.db().exec(
            "PRAGMA user_version = " + std::to_string(Workspace::schemaVersion() + 5));
        workspace.db().exec("PRAGMA journal_mode = DELETE");
    }
    const QByteArray before = fileDigest(file);
    try {
        Workspace::open(toStd(file));
        QFAIL("a workspace from a newer version was opened");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::TooNew);
        QVERIFY(std::string(error.what()).find("newer version") != std::string::npos);
    }
    QCOMPARE(fileDigest(file), before);
}

void TestStore::rejectsCorruptWorkspace()
{
    const QString file = path(QStringLiteral("damaged.clientele"));
    {
        auto workspace = Workspace::create(toStd(file));
        Transaction transaction(workspace.db());
        auto insert = workspace.db().prepare("INSERT INTO meta(key, value) VALUES (?1, ?2)");
        for (int i = 0; i < 2000; ++i)
            insert.bind(1, "key-" + std::to_string(i)).bind(2, std::string(100, 'x')).run();
        transaction.commit();
        workspace.db().exec("PRAGMA journal_mode = DELETE");
    }
    // Damage every page after the schema page: the header still says "SQLite", but the
    // tables' pages are garbage.
    const qint64 pageSize = 4096;
    const qint64 size = QFileInfo(file).size();
    QVERIFY(size > 4 * pageSize);
    clientele::test::scribble(file, pageSize, size - pageSize);
    const QByteArray before = fileDigest(file);

    try {
        Workspace::open(toStd(file));
        QFAIL("a damaged workspace was opened");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Corrupt);
        QVERIFY2(std::string(error.what()).find("damaged") != std::string::npos, error.what());
    }
    QCOMPARE(fileDigest(file), before);
}

void TestStore::migratesOlderWorkspace()
{
    const auto file = toStd(path(QStringLiteral("old.clientele")));
    {
        auto workspace = Workspace::create(file);
        workspace.setMeta("kept", "yes");
    }
    // A future version that adds a table: opening the old file applies exactly that step.
    auto migrations = workspaceMigrations();
    const int next = Workspace::schemaVersion() + 1;
    int applied = 0;
    migrations.push_back({ next, [&applied](Database &db) {
                              ++applied;
                              db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)");
                          } });
    {
        auto workspace = Workspace::open(file, migrations);
        QCOMPARE(workspace.version(), next);
        QCOMPARE(workspace.meta("kept"), std::string("yes"));
        QCOMPARE(
            workspace.db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'"), 1);
    }
    auto again = Workspace::open(file, migrations);
    QCOMPARE(applied, 1);
    QCOMPARE(again.version(), next);
}

void TestStore::failedMigrationLeavesVersion()
{
    const auto file = toStd(path(QStringLiteral("old.clientele")));
    {
        Workspace::create(file);
    }
    auto migrations = workspaceMigrations();
    const int next = Workspace::schemaVersion() + 1;
    migrations.push_back({ next, [](Database &db) {
                              db.exec("CREATE TABLE half_done(id INTEGER)");
                              db.exec("THIS IS NOT SQL");
                          } });
    QVERIFY_THROWS_EXCEPTION(StoreError, Workspace::open(file, migrations));

    auto workspace = Workspace::open(file);
    QCOMPARE(workspace.version(), Workspace::schemaVersion());
    QCOMPARE(
        workspace.db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), 0);
}

void TestStore::identityUniquenessBecomesAnIndex()
{
    const auto file = toStd(path(QStringLiteral("v8.clientele")));
    {
        // Identities as version 8 kept them: unique by a table constraint.
        auto old = test::workspaceAtVersion(file, 8);
        QCOMPARE(old.version(), 8);
        old.db().exec("INSERT INTO profiles(id, created_at, is_known) VALUES (1, 0, 1), (2, 0, 0)");
        old.db().exec("INSERT INTO identities(id, kind, value, profile_id, source, first_seen) "
                      "VALUES (5, 'email', 'ana@example.com', 1, 'web', 10), "
                      "(9, 'anonymous_id', 'dev-1', 2, NULL, 20)");
        // A stray row (its profile is gone): the rebuild copies it as it is, it does not
        // stop the workspace from opening.
        old.db().exec("PRAGMA foreign_keys = OFF");
        old.db().exec("INSERT INTO identities(id, kind, value, profile_id, first_seen) "
                      "VALUES (7, 'email', 'gone@example.com', 99, 5)");
    }
    auto workspace = Workspace::open(file);
    QCOMPARE(workspace.version(), Workspace::schemaVersion());
    Database &db = workspace.db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE id = 5 AND kind = 'email' "
                         "AND value = 'ana@example.com' AND profile_id = 1 AND source = 'web' "
                         "AND first_seen = 10"),
        1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities"), 3);
    QCOMPARE(db.queryInt("SELECT profile_id FROM identities WHERE id = 7"), 99);
    QCOMPARE(db.queryInt("PRAGMA foreign_keys"), 1); // on again after the migrations
    QCOMPARE(db.queryInt("SELECT count(*) FROM identities WHERE id = 9 AND source IS NULL "
                         "AND profile_id = 2 AND first_seen = 20"),
        1);
    for (const char *index : { "identities_value_kind", "identities_profile" }) {
        auto query = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                "AND tbl_name = 'identities' AND name = ?1");
        query.bind(1, index);
        QVERIFY(query.step());
        QVERIFY2(query.columnInt(0) == 1, index);
    }
    // The unique index leads with the value: it is what a search by value prefix uses.
    QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'identities_value'"), 0);
    {
        auto plan = db.prepare("EXPLAIN QUERY PLAN SELECT kind, value, profile_id FROM identities "
                               "WHERE value >= 'ana' AND value < 'anb' ORDER BY value LIMIT 5");
        std::string steps;
        while (plan.step())
            steps += plan.columnText(3) + "\n";
        QVERIFY2(steps.find("identities_value_kind") != std::string::npos, steps.c_str());
        QVERIFY2(steps.find("TEMP B-TREE") == std::string::npos, steps.c_str());
    }
    // Still unique, and still the conflict target an upsert names.
    QVERIFY_THROWS_EXCEPTION(StoreError,
        db.exec("INSERT INTO identities(kind, value, profile_id, first_seen) "
                "VALUES ('email', 'ana@example.com', 2, 30)"));
    db.exec("INSERT INTO identities(kind, value, profile_id, first_seen) "
            "VALUES ('email', 'ana@example.com', 2, 30) ON CONFLICT(kind, value) DO NOTHING");
    QCOMPARE(db.queryInt("SELECT profile_id FROM identities WHERE value = 'ana@example.com'"), 1);
    QCOMPARE(workspace.integrityCheck(), std::string("ok"));
}

void TestStore::openWhileAnotherProgramWritesSaysBusy()
{
    // A first load runs on a rollback journal and, once it writes to the file, keeps it to
    // itself until it commits: opening the workspace then says why it cannot.
    const auto file = toStd(path(QStringLiteral("busy.clientele")));
    {
        Workspace::create(file);
    }
    Database writer(file);
    writer.exec("PRAGMA journal_mode = DELETE");
    writer.exec("BEGIN EXCLUSIVE");
    try {
        Workspace::open(file);
        QFAIL("the workspace opened while another connection held it exclusively");
    } catch (const StoreError &error) {
        QCOMPARE(error.kind(), StoreError::Kind::Busy);
        QVERIFY2(std::string(error.what()).find("is busy: another program is writing to it")
                != std::string::npos,
            error.what());
    }
    writer.exec("ROLLBACK");
    writer.exec("PRAGMA journal_mode = WAL");
    QCOMPARE(Workspace::open(file).version(), Workspace::schemaVersion());
}

void TestStore::transactionRollsBackUnlessCommitted()
{
    auto workspace = Workspace::create(toStd(path(QStringLiteral("w.clientele"))));
    try {
        Transaction transaction(workspace.db());
        workspace.setMeta("a", "1");
        throw std::runtime_error("import failed halfway");
    } catch (const std::runtime_error &) {
    }
    QCOMPARE(workspace.meta("a"), std::string());
    {
        Transaction transaction(workspace.db());
        workspace.setMeta("a", "2");
        transaction.commit();
    }
    QCOMPARE(workspace.meta("a"), std::string("2"));
}

void TestStore::valuesAreBoundNotPasted()
{
    auto workspace = Workspace::create(toStd(path(QStringLiteral("w.clientele"))));
    const std::string hostile = std::string("x'; DROP TABLE events; --\0tail", 30);
    workspace.setMeta(hostile, hostile);
    QCOMPARE(workspace.meta(hostile), hostile);
    QCOMPARE(
        workspace.db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'events'"), 1);
}

void TestStore::workerConnectionSeesCommittedData()
{
    const auto file = toStd(path(QStringLiteral("w.clientele")));
    auto workspace = Workspace::create(file);
    workspace.setMeta("k", "v");
    auto worker = Workspace::connect(file, Database::Mode::ReadOnly);
    auto query = worker.prepare("SELECT value FROM meta WHERE key = 'k'");
    QVERIFY(query.step());
    QCOMPARE(query.columnText(0), std::string("v"));

    const auto notWorkspace = path(QStringLiteral("plain.db"));
    {
        Database plain(toStd(notWorkspace));
        plain.exec("CREATE TABLE t(x)");
    }
    QVERIFY_THROWS_EXCEPTION(StoreError, Workspace::connect(toStd(notWorkspace)));
}

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
