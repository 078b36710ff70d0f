#include "TestFiles.h"

#include "common/Progress.h"
#include "export/Audience.h"
#include "export/AudienceRequest.h"
#include "export/CsvWriter.h"
#include "export/DiscountCodes.h"
#include "export/ExportError.h"
#include "export/ExportJob.h"
#include "export/MatchKeys.h"
#include "export/Sha256.h"
#include "ingest/InputFile.h"
#include "profile/Privacy.h"
#include "segment/SegmentDefinition.h"
#include "segment/SegmentStore.h"
#include "store/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <set>

using namespace clientele;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// SHA-256 hex computed apart from the exporter (Qt's implementation, not OpenSSL's).
std::string qtSha256(const std::string &text)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/**
 * The file read back by a reader written here from RFC 4180 alone (not the project's
 * CsvReader, so that a shared misreading cannot hide a writing mistake): records end in
 * CRLF, a field in double quotes may hold the delimiter, CR, LF and doubled quotes.
 * Header first.
 */
Rows parseCsv(const QByteArray &bytes, char delimiter = ',')
{
    const std::string text = bytes.toStdString();
    Rows rows;
    std::vector<std::string> record;
    std::string field;
    std::size_t at = 0;
    const auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
    };
    while (at < text.size()) {
        if (text[at] == '"' && field.empty()) {
            // A quoted field: up to the closing quote, "" is one quote.
            ++at;
            for (;;) {
                if (at >= text.size())
                    throw std::runtime_error("unterminated quoted field");
                if (text[at] == '"') {
                    if (at + 1 < text.size() && text[at + 1] == '"') {
                        field += '"';
                        at += 2;
                        continue;
                    }
                    ++at;
                    break;
                }
                field += text[at++];
            }
            if (at < text.size() && text[at] != delimiter && text[at] != '\r')
                throw std::runtime_error("text after a closing quote");
            continue;
        }
        if (text[at] == delimiter) {
            endField();
            ++at;
        } else if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
            endField();
            rows.push_back(std::move(record));
            record.clear();
            at += 2;
        } else if (text[at] == '"' || text[at] == '\n' || text[at] == '\r') {
            throw std::runtime_error("a quote, CR or LF in an unquoted field");
        } else {
            field += text[at++];
        }
    }
    if (!field.empty() || !record.empty())
        throw std::runtime_error("the last record does not end in CRLF");
    return rows;
}

/// Cancels at the first report after `after` reports.
class CancelAfter : public ProgressSink {
public:
    explicit CancelAfter(int after)
        : after_(after)
    {
    }
    bool report(const Progress &) override { return calls_++ < after_; }

private:
    int after_;
    int calls_ = 0;
};

/// A shopper as the fixture writes it.
struct Shopper {
    std::string first;
    std::string last;
    std::string email;
    std::string phone;
    std::string country = "DE";
    std::string city = "Berlin";
    std::vector<std::pair<std::string, std::string>> consents; ///< channel, status
    std::int64_t orders = 0;
};

} // namespace

/**
 * Campaign export through core: the exact files each platform gets, the consent rules that
 * keep people who said no out of them, spreadsheet safety, discount codes and the audit
 * trail (manifest, export record), and all-or-nothing writing.
 */
class TestExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migrationSixFollowsFourWithAGap();
    void genericHeaderAndRow();
    void klaviyoHeaderAndRow();
    void mailchimpHeaderAndRow();
    void customerMatchIsNormalisedAndHashed();
    void metaIsNormalisedAndHashed();
    void matchKeys_data();
    void matchKeys();
    void consentSuppressionByReason();
    void smsChannelNeedsPhoneAndSmsConsent();
    void formulaCellsAreNeutralised();
    void csvWriterNeutralises_data();
    void csvWriterNeutralises();
    void quotesCommasAndLineBreaksRoundTrip();
    void bomAndSemicolon();
    void discountCodesAreUniqueAndTraceBack();
    void discountCodePatternsAreChecked();
    void manifestDescribesTheExport();
    void profileListKeepsOrderAndCountsUnknownIds();
    void queryAudienceWithBoundParameters();
    void audienceRequestsResolveAndRecordTheirDefinition();
    void cancelLeavesNothing();
    void previewMatchesTheFileAndIssuesNothing();
    void badRequestsAreRefused();
    void erasureRemovesTheShoppersCodes();

private:
    Database &db() { return workspace_->db(); }
    ProfileId addShopper(const Shopper &shopper);
    QString path(const QString &name) const { return dir_->filePath(name); }
    ExportSummary run(ExportRequest request, const QString &file);

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<Workspace> workspace_;
    ProfileId zoe_ = 0;
};

void TestExport::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    workspace_ = std::make_unique<Workspace>(
        Workspace::create(test::toStd(path(QStringLiteral("shop.clientele")))));
    Shopper zoe { "Zoë", "Müller-Lüdenscheidt", "zoe.mueller@example.com", "+4915112345678", "DE",
        "Bad Tölz", { { "email", "granted" }, { "sms", "granted" } }, 3 };
    zoe_ = addShopper(zoe);
}

void TestExport::cleanup()
{
    workspace_.reset();
    dir_.reset();
}

ProfileId TestExport::addShopper(const Shopper &shopper)
{
    auto optionalText = [](const std::string &text) {
        return text.empty() ? std::optional<std::string>() : std::optional<std::string>(text);
    };
    db().prepare("INSERT INTO profiles(created_at, first_name, last_name, country, city, "
                 "is_known) VALUES (1000, ?1, ?2, ?3, ?4, 1)")
        .bind(1, optionalText(shopper.first))
        .bind(2, optionalText(shopper.last))
        .bind(3, optionalText(shopper.country))
        .bind(4, optionalText(shopper.city))
        .run();
    const ProfileId id = db().lastInsertRowId();
    db().prepare("INSERT INTO profile_traits(profile_id, email, phone, name, country, city, "
                 "orders, revenue, last_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, id)
        .bind(2, optionalText(shopper.email))
        .bind(3, optionalText(shopper.phone))
        .bind(4, shopper.first + " " + shopper.last)
        .bind(5, optionalText(shopper.country))
        .bind(6, optionalText(shopper.city))
        .bind(7, shopper.orders)
        .bind(8, 42.5 * static_cast<double>(shopper.orders))
        .bind(9,
            shopper.orders > 0 ? std::optional<Millis>(*parseIsoDate("2026-11-20"))
                               : std::optional<Millis>())
        .run();
    for (const auto &[channel, status] : shopper.consents) {
        db().prepare("INSERT OR REPLACE INTO consents(profile_id, channel, status, source, ts) "
                     "VALUES (?1, ?2, ?3, 'test', 1000)")
            .bind(1, id)
            .bind(2, channel)
            .bind(3, status)
            .run();
    }
    return id;
}

ExportSummary TestExport::run(ExportRequest request, const QString &file)
{
    request.outputPath = test::toStd(path(file));
    return ExportJob::run(db(), request);
}

void TestExport::migrationSixFollowsFourWithAGap()
{
    // A file at version 4 (before migration 5 exists on this branch) opens at version 6.
    const std::string old = test::toStd(path(QStringLiteral("old.clientele")));
    std::vector<Migration> firstFour(
        workspaceMigrations().begin(), workspaceMigrations().begin() + 4);
    QFile(QString::fromStdString(old)).open(QIODevice::WriteOnly);
    {
        auto v4 = Workspace::open(old, firstFour);
        QCOMPARE(v4.version(), 4);
    }
    auto current = Workspace::open(old);
    QCOMPARE(current.version(), Workspace::schemaVersion());
    QVERIFY(Workspace::schemaVersion() >= 6);
    QCOMPARE(current.db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name IN "
                                   "('exports', 'discount_codes')"),
        std::int64_t(2));
}

void TestExport::genericHeaderAndRow()
{
    ExportRequest request;
    request.columns = { "profile_id", "email", "phone", "first_name", "last_name", "country",
        "city", "orders", "revenue", "last_order", "email_consent" };
    const auto summary = run(request, QStringLiteral("generic.csv"));
    QCOMPARE(summary.exported, std::int64_t(1));
    const QByteArray bytes = readBytes(path(QStringLiteral("generic.csv")));
    const QByteArray expected
        = "Profile ID,Email,Phone,First name,Last name,Country,City,Orders,Revenue,Last order,"
          "Email consent\r\n"
        + QByteArray::number(zoe_)
        + ",zoe.mueller@example.com,+4915112345678,Zoë,Müller-Lüdenscheidt,DE,Bad Tölz,3,"
          "127.50,2026-11-20,granted\r\n";
    QCOMPARE(bytes, expected);
}

void TestExport::klaviyoHeaderAndRow()
{
    ExportRequest request;
    request.format = ExportFormat::Klaviyo;
    request.columns = { "orders" };
    run(request, QStringLiteral("klaviyo.csv"));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("klaviyo.csv"))));
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0],
        (std::vector<std::string> { "Email", "Phone Number", "First Name", "Last Name", "City",
            "Country", "Email Marketing Consent", "SMS Marketing Consent", "Orders" }));
    QCOMPARE(rows[1],
        (std::vector<std::string> { "zoe.mueller@example.com", "+4915112345678", "Zoë",
            "Müller-Lüdenscheidt", "Bad Tölz", "DE", "Subscribed", "Subscribed", "3" }));
}

void TestExport::mailchimpHeaderAndRow()
{
    ExportRequest request;
    request.format = ExportFormat::Mailchimp;
    request.columns = { "last_order" };
    run(request, QStringLiteral("mailchimp.csv"));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("mailchimp.csv"))));
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0],
        (std::vector<std::string> {
            "Email Address", "First Name", "Last Name", "Phone Number", "Country", "Last order" }));
    QCOMPARE(rows[1],
        (std::vector<std::string> { "zoe.mueller@example.com", "Zoë", "Müller-Lüdenscheidt",
            "+4915112345678", "DE", "2026-11-20" }));
}

void TestExport::customerMatchIsNormalisedAndHashed()
{
    // Mixed case and spaces as an import might have left them in the traits.
    addShopper({ "Anne Marie", "O'Neil", "  Anne.ONeil@Example.COM ", "+447911123456", "GB",
        "London", { { "email", "granted" } } });
    ExportRequest request;
    request.format = ExportFormat::CustomerMatch;
    run(request, QStringLiteral("google.csv"));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("google.csv"))));
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0],
        (std::vector<std::string> {
            "Email", "Phone", "First Name", "Last Name", "Country", "Zip" }));
    QCOMPARE(rows[1],
        (std::vector<std::string> { qtSha256("zoe.mueller@example.com"), qtSha256("+4915112345678"),
            qtSha256("zoë"), qtSha256("müller-lüdenscheidt"), "DE", "" }));
    QCOMPARE(rows[2],
        (std::vector<std::string> { qtSha256("anne.oneil@example.com"), qtSha256("+447911123456"),
            qtSha256("annemarie"), qtSha256("o'neil"), "GB", "" }));
    // A known vector, so that the test does not only agree with itself.
    QCOMPARE(qtSha256("zoe.mueller@example.com").size(), std::size_t(64));
    QCOMPARE(Sha256::hex("abc"),
        std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestExport::metaIsNormalisedAndHashed()
{
    addShopper({ "Émilie", "D'Arcy-Smith", "EMILIE@example.fr", "+33612345678", "fr",
        "Saint-Étienne", { { "email", "granted" } } });
    // No phone: the cell stays empty rather than holding the digest of "".
    addShopper(
        { "Ola", "Nordmann", "ola@example.no", "", "NO", "Oslo", { { "email", "granted" } } });
    ExportRequest request;
    request.format = ExportFormat::Meta;
    run(request, QStringLiteral("meta.csv"));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("meta.csv"))));
    QCOMPARE(rows.size(), std::size_t(4));
    QCOMPARE(rows[0],
        (std::vector<std::string> { "email", "phone", "fn", "ln", "zip", "ct", "st", "country" }));
    QCOMPARE(rows[1],
        (std::vector<std::string> { qtSha256("zoe.mueller@example.com"), qtSha256("4915112345678"),
            qtSha256("zoë"), qtSha256("müllerlüdenscheidt"), "", qtSha256("badtölz"), "",
            qtSha256("de") }));
    QCOMPARE(rows[2],
        (std::vector<std::string> { qtSha256("emilie@example.fr"), qtSha256("33612345678"),
            qtSha256("émilie"), qtSha256("darcysmith"), "", qtSha256("saintétienne"), "",
            qtSha256("fr") }));
    QCOMPARE(rows[3][1], std::string());
    QCOMPARE(rows[3][0], qtSha256("ola@example.no"));
}

void TestExport::matchKeys_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *function, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(function) << QString::fromUtf8(input)
                            << QString::fromUtf8(expected);
    };
    row("google-email-trim-case", "googleEmail", " Ana.Lopez+News@Gmail.COM\t",
        "ana.lopez+news@gmail.com");
    row("google-email-inner-space", "googleEmail", "ana lopez@example.com", "analopez@example.com");
    row("google-name-spaces", "googleName", " Mary  Ann ", "maryann");
    row("google-name-keeps-hyphen", "googleName", "Jean-Luc", "jean-luc");
    row("google-name-unicode", "googleName", "ÖZDEMİR", "özdemir");
    row("google-phone-e164", "googlePhone", "+4915112345678", "+4915112345678");
    row("google-phone-not-e164", "googlePhone", "0151 12345678", "");
    row("meta-phone-digits", "metaPhone", "+4915112345678", "4915112345678");
    row("meta-name-punctuation", "metaName", "D'Arcy-Smith, Jr.", "darcysmithjr");
    row("meta-name-accents", "metaName", "ÉMILIE", "émilie");
    row("meta-name-eszett", "metaName", "Straße", "straße");
    row("meta-city", "metaCity", "Frankfurt am Main 1", "frankfurtammain");
    row("meta-country", "metaCountry", "DE", "de");
    row("meta-country-name", "metaCountry", "Germany", "");
    row("iso-country-lower", "isoCountry", "gb", "GB");
    row("nfc", "metaName", "Zoe\xCC\x88", "zoë"); // e + combining diaeresis
}

void TestExport::matchKeys()
{
    QFETCH(QString, function);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::string in = input.toStdString();
    std::string out;
    if (function == QLatin1String("googleEmail"))
        out = MatchKeys::googleEmail(in);
    else if (function == QLatin1String("googleName"))
        out = MatchKeys::googleName(in);
    else if (function == QLatin1String("googlePhone"))
        out = MatchKeys::googlePhone(in);
    else if (function == QLatin1String("metaPhone"))
        out = MatchKeys::metaPhone(in);
    else if (function == QLatin1String("metaName"))
        out = MatchKeys::metaName(in);
    else if (function == QLatin1String("metaCity"))
        out = MatchKeys::metaCity(in);
    else if (function == QLatin1String("metaCountry"))
        out = MatchKeys::metaCountry(in);
    else if (function == QLatin1String("isoCountry"))
        out = MatchKeys::isoCountry(in);
    else
        QFAIL("unknown function");
    QCOMPARE(QString::fromStdString(out), expected);
}

void TestExport::consentSuppressionByReason()
{
    addShopper(
        { "Gina", "Granted", "gina@example.com", "", "DE", "Köln", { { "email", "granted" } } });
    addShopper({ "Dan", "Denied", "dan@example.com", "", "DE", "Köln", { { "email", "denied" } } });
    // Granted first, unsubscribed later: the later status is the one that counts.
    addShopper({ "Una", "Unsub", "una@example.com", "", "DE", "Köln",
        { { "email", "granted" }, { "email", "unsubscribed" } } });
    addShopper({ "Nev", "Never", "nev@example.com", "", "DE", "Köln", {} });
    addShopper(
        { "Nola", "NoEmail", "", "+4915198765432", "DE", "Köln", { { "email", "granted" } } });
    // Consent for SMS only does not let anyone into an email campaign.
    addShopper({ "Sam", "SmsOnly", "sam@example.com", "+4915100000001", "DE", "Köln",
        { { "sms", "granted" } } });

    ExportRequest request;
    request.columns = { "email" };
    const auto summary = run(request, QStringLiteral("email.csv"));
    QCOMPARE(summary.audience, std::int64_t(7));
    QCOMPARE(summary.exported, std::int64_t(2));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kDenied), std::int64_t(1));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kUnsubscribed), std::int64_t(1));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kNoConsent), std::int64_t(2));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kNoEmail), std::int64_t(1));
    QCOMPARE(summary.exported + summary.suppressedTotal(), summary.audience);
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("email.csv"))));
    std::set<std::string> emails;
    for (std::size_t i = 1; i < rows.size(); ++i)
        emails.insert(rows[i][0]);
    QCOMPARE(emails, (std::set<std::string> { "zoe.mueller@example.com", "gina@example.com" }));

    // The same rules for ad audiences (marketing consent is email consent): Nola has email
    // consent and a phone, so she can be matched by phone.
    ExportRequest ads;
    ads.format = ExportFormat::CustomerMatch;
    const auto adSummary = run(ads, QStringLiteral("ads.csv"));
    QCOMPARE(adSummary.exported, std::int64_t(3));
    QCOMPARE(adSummary.suppressedFor(SuppressionReason::kDenied), std::int64_t(1));
    QCOMPARE(adSummary.suppressedFor(SuppressionReason::kUnsubscribed), std::int64_t(1));
    QCOMPARE(adSummary.suppressedFor(SuppressionReason::kNoConsent), std::int64_t(2));
    const QByteArray adFile = readBytes(path(QStringLiteral("ads.csv")));
    QVERIFY(!adFile.contains(QByteArray::fromStdString(qtSha256("una@example.com"))));
    QVERIFY(!adFile.contains(QByteArray::fromStdString(qtSha256("dan@example.com"))));
    QVERIFY(adFile.contains(QByteArray::fromStdString(qtSha256("+4915198765432"))));
}

void TestExport::smsChannelNeedsPhoneAndSmsConsent()
{
    addShopper({ "Sam", "Sms", "sam@example.com", "+4915100000001", "DE", "Köln",
        { { "sms", "granted" } } });
    addShopper({ "Eve", "EmailOnly", "eve@example.com", "+4915100000002", "DE", "Köln",
        { { "email", "granted" } } });
    addShopper({ "Bad", "Phone", "bad@example.com", "0151 garbage", "DE", "Köln",
        { { "sms", "granted" } } });
    ExportRequest request;
    request.channel = ExportChannel::Sms;
    const auto summary = run(request, QStringLiteral("sms.csv"));
    QCOMPARE(summary.exported, std::int64_t(2)); // Zoë and Sam
    QCOMPARE(summary.suppressedFor(SuppressionReason::kNoConsent), std::int64_t(1));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kNoPhone), std::int64_t(1));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("sms.csv"))));
    QCOMPARE(rows[0][0], std::string("Phone"));
    QCOMPARE(rows[2][0], std::string("+4915100000001"));
}

void TestExport::formulaCellsAreNeutralised()
{
    addShopper({ "=1+1", "+4915112345678", "eve@example.com", "+4915100000002", "DE", "-5",
        { { "email", "granted" } } });
    addShopper({ "@x", "\tTab", "cr@example.com", "", "DE", "\rCR", { { "email", "granted" } } });
    addShopper({ "=HYPERLINK(\"http://evil\",\"x\")", "-2+3", "link@example.com", "", "DE", "ok",
        { { "email", "granted" } } });
    for (const auto format :
        { ExportFormat::Generic, ExportFormat::Klaviyo, ExportFormat::Mailchimp }) {
        ExportRequest request;
        request.format = format;
        request.columns = { "first_name", "last_name", "phone", "city" };
        const QString file
            = QString::fromLatin1(exportFormatName(format).data()) + QStringLiteral(".csv");
        run(request, file);
        const Rows rows = parseCsv(readBytes(path(file)));
        std::map<std::string, std::size_t> at;
        for (std::size_t i = 0; i < rows[0].size(); ++i)
            at[rows[0][i]] = i;
        const std::size_t first = at.count("First name") ? at["First name"] : at["First Name"];
        const std::size_t last = at.count("Last name") ? at["Last name"] : at["Last Name"];
        const std::size_t phone = at.count("Phone") ? at["Phone"] : at["Phone Number"];
        const std::size_t city = at["City"];
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(rows[2][first], std::string("'=1+1"));
        // A last name that merely looks like a phone is text, and neutralised.
        QCOMPARE(rows[2][last], std::string("'+4915112345678"));
        // A real, validated phone keeps its + so that the platforms read E.164.
        QCOMPARE(rows[2][phone], std::string("+4915100000002"));
        QCOMPARE(rows[2][city], std::string("'-5"));
        QCOMPARE(rows[3][first], std::string("'@x"));
        QCOMPARE(rows[3][last], std::string("'\tTab"));
        QCOMPARE(rows[3][city], std::string("'\rCR"));
        QCOMPARE(rows[4][first], std::string("'=HYPERLINK(\"http://evil\",\"x\")"));
        QCOMPARE(rows[4][last], std::string("'-2+3"));
    }
}

void TestExport::csvWriterNeutralises_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("equals") << QByteArray("=1+1") << QByteArray("'=1+1");
    QTest::newRow("plus") << QByteArray("+49151") << QByteArray("'+49151");
    QTest::newRow("minus") << QByteArray("-5") << QByteArray("'-5");
    QTest::newRow("at") << QByteArray("@x") << QByteArray("'@x");
    QTest::newRow("tab") << QByteArray("\tx") << QByteArray("'\tx");
    QTest::newRow("carriage-return") << QByteArray("\rx") << QByteArray("\"'\rx\"");
    QTest::newRow("formula-with-comma")
        << QByteArray("=SUM(A1,A2)") << QByteArray("\"'=SUM(A1,A2)\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("plain") << QByteArray("Lena") << QByteArray("Lena");
    QTest::newRow("inner-equals") << QByteArray("a=b") << QByteArray("a=b");
    QTest::newRow("leading-space") << QByteArray(" x") << QByteArray("\" x\"");
}

void TestExport::csvWriterNeutralises()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, written);
    std::string out;
    CsvWriter csv(out);
    csv.rawField("first");
    csv.field(value.toStdString());
    csv.endRecord();
    QCOMPARE(QByteArray::fromStdString(out), "first," + written + "\r\n");
    // Hex digests and numbers go through rawField untouched.
    std::string raw;
    CsvWriter rawCsv(raw);
    rawCsv.rawField("-5.50");
    rawCsv.endRecord();
    QCOMPARE(raw, std::string("-5.50\r\n"));
}

void TestExport::quotesCommasAndLineBreaksRoundTrip()
{
    const std::string tricky = "O\"Brien, \"Jr.\"\nsecond line";
    const std::string semicolon = "Müller; Sohn";
    addShopper({ tricky, semicolon, "q@example.com", "", "DE", "Line\r\nBreak",
        { { "email", "granted" } } });
    // Names in other scripts come back byte for byte.
    addShopper({ "Дмитрий", "山田 太郎", "d@example.com", "", "JP", "Zoë-Ἀθῆναι",
        { { "email", "granted" } } });
    for (const char delimiter : { ',', ';' }) {
        ExportRequest request;
        request.delimiter = delimiter;
        request.columns = { "email", "first_name", "last_name", "city" };
        const QString file
            = delimiter == ',' ? QStringLiteral("comma.csv") : QStringLiteral("semi.csv");
        run(request, file);
        const Rows rows = parseCsv(readBytes(path(file)), delimiter);
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[2],
            (std::vector<std::string> { "q@example.com", tricky, semicolon, "Line\r\nBreak" }));
        QCOMPARE(rows[3],
            (std::vector<std::string> { "d@example.com", "Дмитрий", "山田 太郎", "Zoë-Ἀθῆναι" }));
    }
}

void TestExport::bomAndSemicolon()
{
    ExportRequest request;
    request.byteOrderMark = true;
    request.delimiter = ';';
    request.columns = { "email", "revenue" };
    run(request, QStringLiteral("excel.csv"));
    const QByteArray bytes = readBytes(path(QStringLiteral("excel.csv")));
    QCOMPARE(bytes,
        QByteArray("\xEF\xBB\xBF"
                   "Email;Revenue\r\nzoe.mueller@example.com;127.50\r\n"));
}

void TestExport::discountCodesAreUniqueAndTraceBack()
{
    for (int i = 0; i < 60; ++i) {
        addShopper({ "Buyer", std::to_string(i), "buyer" + std::to_string(i) + "@example.com", "",
            "DE", "Köln", { { "email", "granted" } } });
    }
    std::set<std::string> codes;
    std::map<std::string, ProfileId> issuedTo;
    for (const QString &file : { QStringLiteral("first.csv"), QStringLiteral("second.csv") }) {
        ExportRequest request;
        request.columns = { "profile_id", "email" };
        request.codePattern = "save10-xxxx";
        const auto summary = run(request, file);
        QCOMPARE(summary.codes, std::int64_t(61));
        const Rows rows = parseCsv(readBytes(path(file)));
        QCOMPARE(rows[0], (std::vector<std::string> { "Profile ID", "Email", "Discount code" }));
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const std::string &code = rows[i][2];
            QVERIFY2(code.size() == 11 && code.rfind("SAVE10-", 0) == 0, code.c_str());
            for (const char c : code.substr(7))
                QVERIFY(DiscountCodePattern::kAlphabet.find(c) != std::string_view::npos);
            QVERIFY2(codes.insert(code).second, ("repeated: " + code).c_str());
            issuedTo[code] = std::stoll(rows[i][0]);
        }
    }
    QCOMPARE(codes.size(), std::size_t(122));
    QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(122));
    for (const auto &[code, profile] : issuedTo) {
        const auto record = DiscountCodes::trace(db(), code);
        QVERIFY(record);
        QCOMPARE(record->profileId, profile);
        QCOMPARE(record->currentProfileId, profile);
    }
    // Typed in lower case at the till, it is still found.
    const std::string any = *codes.begin();
    std::string lower = any;
    for (char &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    QVERIFY(DiscountCodes::trace(db(), lower));
    QVERIFY(!DiscountCodes::trace(db(), "SAVE10-0000"));
}

void TestExport::discountCodePatternsAreChecked()
{
    QVERIFY_THROWS_EXCEPTION(ExportError, DiscountCodePattern("SAVE-XXX")); // too few X
    QVERIFY_THROWS_EXCEPTION(ExportError, DiscountCodePattern("-SAVE-XXXXXX")); // formula-like
    QVERIFY_THROWS_EXCEPTION(ExportError, DiscountCodePattern("=SAVE-XXXXXX"));
    QVERIFY_THROWS_EXCEPTION(ExportError, DiscountCodePattern("SAVE 10-XXXXXX"));
    DiscountCodePattern pattern("SAVE10-XXXXXX");
    QCOMPARE(pattern.randomCharacters(), 6);
    pattern.checkRoomFor(1'000'000);
    QVERIFY_THROWS_EXCEPTION(ExportError, DiscountCodePattern("AB-XXXX").checkRoomFor(100'000));
    std::set<std::string> many;
    for (int i = 0; i < 10000; ++i)
        many.insert(pattern.generate());
    QVERIFY(many.size() > 9990); // 31^6 possibilities: a collision in 10,000 is rare
}

void TestExport::manifestDescribesTheExport()
{
    addShopper({ "Dan", "Denied", "dan@example.com", "", "DE", "Köln", { { "email", "denied" } } });
    ExportRequest request;
    request.format = ExportFormat::Klaviyo;
    request.codePattern = "WELCOME-XXXXXX";
    request.offer = "10% off your next run";
    const auto summary = run(request, QStringLiteral("campaign.csv"));
    const QString manifestPath = path(QStringLiteral("campaign.csv.manifest.json"));
    QCOMPARE(QString::fromStdString(summary.manifestPath), manifestPath);
    QJsonParseError error {};
    const QJsonObject manifest = QJsonDocument::fromJson(readBytes(manifestPath), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(manifest.value(QStringLiteral("export_format")).toString(), QStringLiteral("klaviyo"));
    QCOMPARE(manifest.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(manifest.value(QStringLiteral("export_id")).toInteger(), summary.exportId);
    QCOMPARE(manifest.value(QStringLiteral("audience"))
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
        QStringLiteral("all"));
    const QJsonObject counts = manifest.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("audience")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("exported")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("suppressed"))
                 .toObject()
                 .value(QStringLiteral("denied"))
                 .toInt(),
        1);
    QCOMPARE(counts.value(QStringLiteral("discount_codes")).toInt(), 1);
    const QJsonArray columns = manifest.value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.size(), 10);
    QCOMPARE(columns.at(8).toObject().value(QStringLiteral("header")).toString(),
        QStringLiteral("Discount Code"));
    QCOMPARE(columns.at(9).toObject().value(QStringLiteral("header")).toString(),
        QStringLiteral("Offer"));
    const QJsonObject options = manifest.value(QStringLiteral("options")).toObject();
    QCOMPARE(
        options.value(QStringLiteral("code_pattern")).toString(), QStringLiteral("WELCOME-XXXXXX"));
    QVERIFY(!manifest.value(QStringLiteral("created_at")).toString().isEmpty());
    // The checksum is the file's, computed apart.
    const QByteArray fileBytes = readBytes(path(QStringLiteral("campaign.csv")));
    const QJsonObject file = manifest.value(QStringLiteral("file")).toObject();
    QCOMPARE(file.value(QStringLiteral("sha256")).toString(),
        QString::fromLatin1(
            QCryptographicHash::hash(fileBytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(file.value(QStringLiteral("bytes")).toInteger(), fileBytes.size());
    QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("campaign.csv"));
    // And the workspace keeps the same record.
    auto record
        = db().prepare("SELECT format, file, counts, file_sha256 FROM exports WHERE id = ?1");
    record.bind(1, summary.exportId);
    QVERIFY(record.step());
    QCOMPARE(record.columnText(0), std::string("klaviyo"));
    QVERIFY(record.columnText(1).ends_with("campaign.csv"));
    QVERIFY(record.columnText(2).find("\"exported\":1") != std::string::npos);
    QCOMPARE(record.columnText(3), summary.sha256);
    const Rows rows = parseCsv(fileBytes);
    QCOMPARE(rows[1][9], std::string("10% off your next run"));
}

void TestExport::profileListKeepsOrderAndCountsUnknownIds()
{
    const ProfileId gina = addShopper(
        { "Gina", "Granted", "gina@example.com", "", "DE", "Köln", { { "email", "granted" } } });
    const ProfileId dan = addShopper(
        { "Dan", "Denied", "dan@example.com", "", "DE", "Köln", { { "email", "denied" } } });
    const QString idFile = path(QStringLiteral("ids.txt"));
    {
        std::ofstream out(test::toStd(idFile));
        out << "# campaign list\n"
            << gina << "\r\n\n  " << zoe_ << " \n"
            << dan << "\n999999\n"
            << gina << "\n";
    }
    const auto ids = Audience::readIdFile(test::toStd(idFile));
    QCOMPARE(ids.size(), std::size_t(5));
    ExportRequest request;
    request.audience = Audience::profiles(ids, { { "source", "ids.txt" } });
    request.columns = { "email" };
    const auto summary = run(request, QStringLiteral("list.csv"));
    QCOMPARE(summary.audience, std::int64_t(4)); // the repeated id counts once
    QCOMPARE(summary.exported, std::int64_t(2));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kNotFound), std::int64_t(1));
    QCOMPARE(summary.suppressedFor(SuppressionReason::kDenied), std::int64_t(1));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("list.csv"))));
    QCOMPARE(rows[1][0], std::string("gina@example.com")); // the file's order, not id order
    QCOMPARE(rows[2][0], std::string("zoe.mueller@example.com"));

    {
        std::ofstream out(test::toStd(path(QStringLiteral("bad.txt"))));
        out << "12\nabc\n";
    }
    try {
        Audience::readIdFile(test::toStd(path(QStringLiteral("bad.txt"))));
        QFAIL("a bad id was accepted");
    } catch (const ExportError &error) {
        QVERIFY2(std::string(error.what()).find("Line 2") != std::string::npos, error.what());
    }
}

void TestExport::queryAudienceWithBoundParameters()
{
    addShopper(
        { "Big", "Buyer", "big@example.com", "", "DE", "Köln", { { "email", "granted" } }, 9 });
    addShopper(
        { "Small", "Buyer", "small@example.com", "", "DE", "Köln", { { "email", "granted" } }, 1 });
    ExportRequest request;
    // What a segment's compiled SQL looks like: one column of ids, values bound.
    request.audience = Audience::query("SELECT profile_id FROM profile_traits WHERE orders >= ?1",
        { std::int64_t(3) }, { { "kind", "segment" }, { "name", "Loyal buyers" } });
    request.columns = { "email", "orders" };
    const auto summary = run(request, QStringLiteral("segment.csv"));
    QCOMPARE(summary.audience, std::int64_t(2));
    const Rows rows = parseCsv(readBytes(path(QStringLiteral("segment.csv"))));
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1], (std::vector<std::string> { "zoe.mueller@example.com", "3" }));
    QCOMPARE(rows[2], (std::vector<std::string> { "big@example.com", "9" }));
    const QJsonObject manifest
        = QJsonDocument::fromJson(readBytes(path(QStringLiteral("segment.csv.manifest.json"))))
              .object();
    QCOMPARE(manifest.value(QStringLiteral("audience"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("Loyal buyers"));
}

void TestExport::audienceRequestsResolveAndRecordTheirDefinition()
{
    const ProfileId big = addShopper(
        { "Big", "Buyer", "big@example.com", "", "DE", "Köln", { { "email", "granted" } }, 9 });
    addShopper(
        { "Small", "Buyer", "small@example.com", "", "DE", "Köln", { { "email", "granted" } }, 1 });
    const auto rule = SegmentDefinition::fromJson(nlohmann::json { { "version", 1 },
        { "rule",
            { { "type", "trait" }, { "field", "orders" }, { "op", ">=" }, { "value", 3 } } } });
    SegmentStore(db()).save("Loyal buyers", rule, "", 1000);

    // Every shopper.
    const Audience all = AudienceRequest::all().resolve(db());
    QCOMPARE(all.kind(), Audience::Kind::All);
    QCOMPARE(all.definition().dump(), (nlohmann::json { { "kind", "all" } }).dump());

    // A saved segment: its ids now, and its name and rule in the definition, so the export
    // record can reproduce the campaign whoever made it (app or command line).
    const Audience segment = AudienceRequest::ofSegment("Loyal buyers").resolve(db());
    QCOMPARE(segment.ids(), (std::vector<ProfileId> { zoe_, big }));
    QCOMPARE(segment.definition().dump(),
        (nlohmann::json { { "kind", "profiles" }, { "name", "Loyal buyers" },
             { "definition", rule.toJson() }, { "count", 2 } })
            .dump());
    ExportRequest request;
    request.audience = segment;
    request.columns = { "email" };
    const auto summary = run(request, QStringLiteral("loyal.csv"));
    auto record = db().prepare("SELECT audience FROM exports WHERE id = ?1");
    record.bind(1, summary.exportId);
    QVERIFY(record.step());
    const auto recorded = nlohmann::json::parse(record.columnText(0));
    QCOMPARE(recorded.at("definition").dump(), rule.toJson().dump());
    QCOMPARE(recorded.at("name").dump(), nlohmann::json("Loyal buyers").dump());

    // A file of ids: its name (not its folder) as the source.
    const QString idFile = path(QStringLiteral("ids.txt"));
    {
        std::ofstream out(test::toStd(idFile));
        out << big << "\n" << zoe_ << "\n";
    }
    const Audience file = AudienceRequest::ofProfileFile(test::toStd(idFile)).resolve(db());
    QCOMPARE(file.ids(), (std::vector<ProfileId> { big, zoe_ }));
    QCOMPARE(file.definition().at("source").dump(), nlohmann::json("ids.txt").dump());

    // What cannot be resolved says so as an ExportError.
    const std::vector<std::pair<AudienceRequest, std::string>> refused {
        { AudienceRequest::ofSegment("Nope"), "There is no saved segment 'Nope'" },
        { AudienceRequest::ofProfileFile(test::toStd(path(QStringLiteral("missing.txt")))),
            "Cannot read" },
        { AudienceRequest::ofJourneyStep("Nope", "wait"), "There is no journey" },
        { AudienceRequest::ofJourneyOutbox("Nope", "pigeon"), "not a channel" },
    };
    for (const auto &[request, message] : refused) {
        try {
            request.resolve(db());
            QFAIL(("resolved: " + message).c_str());
        } catch (const ExportError &error) {
            QVERIFY2(std::string(error.what()).find(message) != std::string::npos, error.what());
        }
    }
}

void TestExport::cancelLeavesNothing()
{
    {
        Transaction transaction(db());
        for (int i = 0; i < 40'000; ++i) {
            addShopper({ "Many", std::to_string(i), "many" + std::to_string(i) + "@example.com", "",
                "DE", "Köln", { { "email", "granted" } } });
        }
        transaction.commit();
    }
    for (const int after : { 0, 1 }) {
        CancelAfter cancel(after); // at the start, and halfway (reports every 16,384 rows)
        ExportRequest request;
        request.codePattern = "SAVE10-XXXXXX";
        request.outputPath = test::toStd(path(QStringLiteral("cancelled.csv")));
        QVERIFY_THROWS_EXCEPTION(Cancelled, ExportJob::run(db(), request, &cancel));
        QVERIFY(QDir(dir_->path()).entryList({ QStringLiteral("cancelled*") }).isEmpty());
        QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(0));
        QCOMPARE(db().queryInt("SELECT count(*) FROM exports"), std::int64_t(0));
    }
    // A refused request (the manifest's name is taken) writes and records nothing either.
    QFile(path(QStringLiteral("taken.csv.manifest.json"))).open(QIODevice::WriteOnly);
    ExportRequest request;
    request.codePattern = "SAVE10-XXXXXX";
    QVERIFY_THROWS_EXCEPTION(ExportError, run(request, QStringLiteral("taken.csv")));
    QVERIFY(!QFile::exists(path(QStringLiteral("taken.csv"))));
    QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(0));
}

void TestExport::previewMatchesTheFileAndIssuesNothing()
{
    addShopper({ "=HYPERLINK(\"x\")", "Semi;colon", "formula@example.com", "", "FR", "Paris",
        { { "email", "granted" } } });
    addShopper({ "Quote \"Q\"", "Line\nBreak", "quote@example.com", "", "AT", "Wien",
        { { "email", "granted" } } });
    addShopper({ "No", "Consent", "no@example.com", "", "DE", "Bonn", {} });
    addShopper({ "Un", "Subscribed", "un@example.com", "", "DE", "Bonn",
        { { "email", "unsubscribed" } } });

    // Without codes the preview's text is the file's beginning, byte for byte.
    ExportRequest request;
    request.columns = { "email", "first_name", "last_name", "city", "orders" };
    request.delimiter = ';';
    const ExportPreview plain = ExportJob::preview(db(), request, 3);
    const auto plainSummary = run(request, QStringLiteral("plain.csv"));
    QCOMPARE(plain.audience, plainSummary.audience);
    QCOMPARE(plain.exported, plainSummary.exported);
    QCOMPARE(plain.exported, std::int64_t(3));
    QCOMPARE(plain.suppressed, plainSummary.suppressed);
    QCOMPARE(plain.headers, plainSummary.headers);
    QCOMPARE(plain.rows.size(), std::size_t(3));
    const QByteArray file = readBytes(path(QStringLiteral("plain.csv")));
    QCOMPARE(QByteArray::fromStdString(plain.csv), file);
    const Rows fileRows = parseCsv(file, ';');
    QCOMPARE(fileRows.size(), std::size_t(4));
    for (std::size_t i = 0; i < 3; ++i)
        QCOMPARE(plain.rows[i], fileRows[i + 1]); // quotes, ';' and line breaks undone alike
    QCOMPARE(ExportJob::preview(db(), request, 1).rows.size(), std::size_t(1));
    QCOMPARE(plain.rows[1][1], std::string("'=HYPERLINK(\"x\")")); // neutralised as in the file

    // With codes the preview shows the pattern and issues nothing; a list audience works on
    // a read-only connection (its ids go into a TEMP table).
    ExportRequest campaign;
    campaign.format = ExportFormat::Klaviyo;
    campaign.codePattern = "save10-xxxxxx";
    campaign.audience = Audience::profiles({ zoe_, 999999, zoe_ + 1 });
    auto reader = Workspace::connect(db().path(), Database::Mode::ReadOnly);
    const ExportPreview withCodes = ExportJob::preview(reader, campaign, 10);
    QCOMPARE(withCodes.audience, std::int64_t(3));
    QCOMPARE(withCodes.exported, std::int64_t(2));
    QCOMPARE(withCodes.suppressedFor(SuppressionReason::kNotFound), std::int64_t(1));
    QCOMPARE(withCodes.headers.back(), std::string("Discount Code"));
    for (const auto &row : withCodes.rows)
        QCOMPARE(row.back(), std::string("SAVE10-XXXXXX"));
    QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(0));
    QCOMPARE(db().queryInt("SELECT count(*) FROM exports"), std::int64_t(1)); // plain.csv only
    QVERIFY(!QFile::exists(path(QStringLiteral("campaign.csv"))));

    ExportRequest bad = campaign;
    bad.codePattern = "SAVE-XX";
    QVERIFY_THROWS_EXCEPTION(ExportError, ExportJob::preview(reader, bad, 10));
}

void TestExport::badRequestsAreRefused()
{
    ExportRequest unknown;
    unknown.columns = { "email", "shoe_size" };
    QVERIFY_THROWS_EXCEPTION(ExportError, run(unknown, QStringLiteral("a.csv")));
    ExportRequest adColumns;
    adColumns.format = ExportFormat::Meta;
    adColumns.columns = { "orders" };
    QVERIFY_THROWS_EXCEPTION(ExportError, run(adColumns, QStringLiteral("b.csv")));
    ExportRequest adCodes;
    adCodes.format = ExportFormat::CustomerMatch;
    adCodes.codePattern = "SAVE10-XXXXXX";
    QVERIFY_THROWS_EXCEPTION(ExportError, run(adCodes, QStringLiteral("c.csv")));
    ExportRequest codeWithoutPattern;
    codeWithoutPattern.columns = { "email", "discount_code" };
    QVERIFY_THROWS_EXCEPTION(ExportError, run(codeWithoutPattern, QStringLiteral("d.csv")));
    ExportRequest first;
    run(first, QStringLiteral("e.csv"));
    QVERIFY_THROWS_EXCEPTION(ExportError, run(first, QStringLiteral("e.csv"))); // exists
    QCOMPARE(db().queryInt("SELECT count(*) FROM exports"), std::int64_t(1));
}

void TestExport::erasureRemovesTheShoppersCodes()
{
    ExportRequest request;
    request.codePattern = "SAVE10-XXXXXX";
    run(request, QStringLiteral("codes.csv"));
    QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(1));
    Privacy::erase(db(), zoe_, "ticket 1");
    QCOMPARE(db().queryInt("SELECT count(*) FROM discount_codes"), std::int64_t(0));
}

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
