#include "TestFiles.h"

#include "ingest/CsvReader.h"
#include "ingest/InputFile.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace clientele;

namespace {

std::vector<std::vector<std::string>> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    StringSource source(file.readAll().toStdString());
    CsvOptions options;
    options.delimiter = ',';
    options.hasHeader = false;
    CsvReader reader(source, options);
    std::vector<std::vector<std::string>> rows;
    CsvRecord record;
    while (reader.next(record))
        rows.push_back(record.fields);
    return rows;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

/** `clientele export …` on a demo workspace, as a marketer's script runs it. */
class TestCliExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFormatWritesAFileAndManifest_data();
    void everyFormatWritesAFileAndManifest();
    void nonConsentingShopperIsAbsent();
    void profileListWithCodes();
    void savedSegmentIsTheAudience();
    void textSummaryAndUsageErrors();

private:
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QJsonObject exportJson(const QStringList &arguments);

    QTemporaryDir dir_;
    QString workspace_;
};

void TestCliExport::initTestCase()
{
    workspace_ = dir_.filePath(QStringLiteral("demo.clientele"));
    QCOMPARE(run({ QStringLiteral("demo"), QStringLiteral("--out"), workspace_,
                 QStringLiteral("--shoppers"), QStringLiteral("2000"), QStringLiteral("--end"),
                 QStringLiteral("2026-11-25") }),
        0);
}

int TestCliExport::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    return test::runProgram(QStringLiteral(CLIENTELE_BINARY), arguments, out, err);
}

QJsonObject TestCliExport::exportJson(const QStringList &arguments)
{
    QByteArray out;
    QByteArray err;
    const int code = run(QStringList { QStringLiteral("export"), QStringLiteral("--workspace"),
                             workspace_, QStringLiteral("--json") }
            + arguments,
        &out, &err);
    if (code != 0)
        qWarning("%s", err.constData());
    return code == 0 ? QJsonDocument::fromJson(out).object() : QJsonObject();
}

void TestCliExport::everyFormatWritesAFileAndManifest_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("firstHeader");
    QTest::newRow("generic") << QStringLiteral("generic") << QStringLiteral("Email");
    QTest::newRow("klaviyo") << QStringLiteral("klaviyo") << QStringLiteral("Email");
    QTest::newRow("mailchimp") << QStringLiteral("mailchimp") << QStringLiteral("Email Address");
    QTest::newRow("customer-match") << QStringLiteral("customer-match") << QStringLiteral("Email");
    QTest::newRow("meta") << QStringLiteral("meta") << QStringLiteral("email");
}

void TestCliExport::everyFormatWritesAFileAndManifest()
{
    QFETCH(QString, format);
    QFETCH(QString, firstHeader);
    const QString file = dir_.filePath(format + QStringLiteral(".csv"));
    const QJsonObject summary = exportJson({ QStringLiteral("--all"), QStringLiteral("--format"),
        format, QStringLiteral("--out"), file });
    QVERIFY(!summary.isEmpty());
    const qint64 audience = summary.value(QStringLiteral("audience")).toInteger();
    const qint64 exported = summary.value(QStringLiteral("exported")).toInteger();
    const qint64 suppressed = summary.value(QStringLiteral("suppressed_total")).toInteger();
    QCOMPARE(audience, qint64(2000));
    QVERIFY(exported > 0);
    QVERIFY(suppressed > 0);
    QCOMPARE(exported + suppressed, audience);
    qint64 byReason = 0;
    for (const QJsonValue &count : summary.value(QStringLiteral("suppressed")).toObject())
        byReason += count.toInteger();
    QCOMPARE(byReason, suppressed);

    const auto rows = readCsv(file);
    QCOMPARE(qint64(rows.size()), exported + 1);
    QCOMPARE(QString::fromStdString(rows.front().front()), firstHeader);

    QFile manifestFile(file + QStringLiteral(".manifest.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QCOMPARE(manifest.value(QStringLiteral("export_format")).toString(), format);
    QCOMPARE(manifest.value(QStringLiteral("counts"))
                 .toObject()
                 .value(QStringLiteral("exported"))
                 .toInteger(),
        exported);
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(manifest.value(QStringLiteral("file"))
                 .toObject()
                 .value(QStringLiteral("sha256"))
                 .toString(),
        sha256Hex(csv.readAll()));
}

void TestCliExport::nonConsentingShopperIsAbsent()
{
    // Somebody in the demo who has an e-mail address but said no to email marketing.
    std::string email;
    std::string phone;
    {
        Database db(test::toStd(workspace_), Database::Mode::ReadOnly);
        auto query
            = db.prepare("SELECT t.email, t.phone FROM profile_traits t JOIN consents c "
                         "ON c.profile_id = t.profile_id AND c.channel = 'email' "
                         "WHERE c.status IN ('denied', 'unsubscribed') AND t.email IS NOT NULL "
                         "AND t.phone IS NOT NULL ORDER BY t.profile_id LIMIT 1");
        QVERIFY(query.step());
        email = query.columnText(0);
        phone = query.columnText(1);
    }
    const QString plain = dir_.filePath(QStringLiteral("consent.csv"));
    QVERIFY(
        !exportJson({ QStringLiteral("--all"), QStringLiteral("--format"),
                        QStringLiteral("generic"), QStringLiteral("--columns"),
                        QStringLiteral("email,phone,first_name"), QStringLiteral("--out"), plain })
             .isEmpty());
    QFile file(plain);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("@"));
    QVERIFY2(!bytes.contains(QByteArray::fromStdString(email)), email.c_str());

    // Nor is she in an ad audience, by e-mail or by phone.
    const QString ads = dir_.filePath(QStringLiteral("consent-ads.csv"));
    QVERIFY(!exportJson({ QStringLiteral("--all"), QStringLiteral("--format"),
                            QStringLiteral("customer-match"), QStringLiteral("--out"), ads })
                 .isEmpty());
    QFile adFile(ads);
    QVERIFY(adFile.open(QIODevice::ReadOnly));
    const QByteArray adBytes = adFile.readAll();
    const auto hash = [](const std::string &text) {
        return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
            .toHex();
    };
    QVERIFY(!adBytes.contains(hash(email)));
    QVERIFY(!adBytes.contains(hash(phone)));
}

void TestCliExport::profileListWithCodes()
{
    const QString ids = dir_.filePath(QStringLiteral("ids.txt"));
    {
        QFile file(ids);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("2\n4\n5\n123456789\n");
    }
    const QString out = dir_.filePath(QStringLiteral("list.csv"));
    const QJsonObject summary = exportJson({ QStringLiteral("--profiles"), ids,
        QStringLiteral("--format"), QStringLiteral("klaviyo"), QStringLiteral("--code-pattern"),
        QStringLiteral("SAVE10-XXXXXX"), QStringLiteral("--out"), out });
    QCOMPARE(summary.value(QStringLiteral("audience")).toInteger(), qint64(4));
    QCOMPARE(summary.value(QStringLiteral("suppressed"))
                 .toObject()
                 .value(QStringLiteral("not_found"))
                 .toInteger(),
        qint64(1));
    const qint64 exported = summary.value(QStringLiteral("exported")).toInteger();
    QCOMPARE(summary.value(QStringLiteral("discount_codes")).toInteger(), exported);
    const auto rows = readCsv(out);
    QCOMPARE(rows.front().back(), std::string("Discount Code"));
    Database db(test::toStd(workspace_), Database::Mode::ReadOnly);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        auto trace = db.prepare("SELECT t.email FROM discount_codes d JOIN profile_traits t "
                                "ON t.profile_id = d.profile_id WHERE d.code = ?1");
        trace.bind(1, rows[i].back());
        QVERIFY(trace.step());
        QCOMPARE(trace.columnText(0), rows[i].front());
    }
}

void TestCliExport::savedSegmentIsTheAudience()
{
    // A saved segment, as a marketer saves it, is an export's audience.
    const QString rule = dir_.filePath(QStringLiteral("champions.json"));
    {
        QFile file(rule);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "rule": {"type": "rfm", "groups": ["champions"]}})");
    }
    QCOMPARE(run({ QStringLiteral("segment"), QStringLiteral("save"), QStringLiteral("--workspace"),
                 workspace_, QStringLiteral("--name"), QStringLiteral("Champions"),
                 QStringLiteral("--file"), rule }),
        0);
    QByteArray counted;
    QCOMPARE(run({ QStringLiteral("segment"), QStringLiteral("count"),
                     QStringLiteral("--workspace"), workspace_, QStringLiteral("--name"),
                     QStringLiteral("Champions"), QStringLiteral("--json") },
                 &counted),
        0);
    const qint64 members
        = QJsonDocument::fromJson(counted).object().value(QStringLiteral("count")).toInteger();
    QVERIFY(members > 0);

    const QString out = dir_.filePath(QStringLiteral("champions.csv"));
    const QJsonObject summary = exportJson(
        { QStringLiteral("--segment"), QStringLiteral("Champions"), QStringLiteral("--format"),
            QStringLiteral("mailchimp"), QStringLiteral("--out"), out });
    QCOMPARE(summary.value(QStringLiteral("audience")).toInteger(), members);
    const qint64 exported = summary.value(QStringLiteral("exported")).toInteger();
    QVERIFY(exported > 0 && exported <= members);
    QCOMPARE(qint64(readCsv(out).size() - 1), exported);
    // The manifest names the segment, so the campaign can be reproduced.
    QFile manifest(out + QStringLiteral(".manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QVERIFY(manifest.readAll().contains("\"Champions\""));

    QByteArray err;
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                     QStringLiteral("--segment"), QStringLiteral("No such segment"),
                     QStringLiteral("--format"), QStringLiteral("generic"), QStringLiteral("--out"),
                     dir_.filePath(QStringLiteral("none.csv")) },
                 nullptr, &err),
        1);
    QVERIFY2(err.contains("No such segment"), err.constData());
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("none.csv"))));
}

void TestCliExport::textSummaryAndUsageErrors()
{
    QByteArray out;
    QByteArray err;
    const QString file = dir_.filePath(QStringLiteral("text.csv"));
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                     QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("generic"),
                     QStringLiteral("--delimiter"), QStringLiteral(";"), QStringLiteral("--bom"),
                     QStringLiteral("--out"), file },
                 &out, &err),
        0);
    QVERIFY2(out.contains("Exported"), out.constData());
    QVERIFY2(out.contains("declined consent"), out.constData());
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().startsWith("\xEF\xBB\xBF"
                                     "Email;First name"));

    // The same file again: refused, nothing overwritten.
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                     QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("generic"),
                     QStringLiteral("--out"), file },
                 &out, &err),
        1);
    QVERIFY2(err.contains("already exists"), err.constData());
    // No audience, an unknown format: usage errors.
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                 QStringLiteral("--format"), QStringLiteral("generic"), QStringLiteral("--out"),
                 dir_.filePath(QStringLiteral("x.csv")) }),
        2);
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace_,
                 QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("excel"),
                 QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.csv")) }),
        2);
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("x.csv"))));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "test_cli_export.moc"
