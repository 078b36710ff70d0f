#include "ingest/AmountParser.h"
#include "ingest/EmailNormalizer.h"
#include "ingest/PhoneNormalizer.h"
#include "ingest/TimestampParser.h"

#include <QTest>

#include <stdexcept>

using namespace clientele;

Q_DECLARE_METATYPE(clientele::DateOrder)
Q_DECLARE_METATYPE(clientele::DecimalStyle)
Q_DECLARE_METATYPE(std::optional<clientele::DateOrder>)

namespace {

constexpr auto kDayFirst = DateOrder::DayMonthYear;
constexpr auto kMonthFirst = DateOrder::MonthDayYear;
constexpr const char *kBerlin = "Europe/Berlin";
/// 2025-10-07 09:50:26 +02:00 (CEST), as Shopify writes it: 07:50:26 UTC.
constexpr Millis kShopifyExample = 1759823426000;

/// Checks a result against its row: the exact value when reasonPart is empty, otherwise a
/// rejection whose reason contains reasonPart.
template<class T>
void verify(const Normalized<T> &result, const T &expected, const QByteArray &reasonPart)
{
    if (reasonPart.isEmpty()) {
        QVERIFY2(result.ok(), result.reason.c_str());
        QVERIFY(result.reason.empty());
        QCOMPARE(*result.value, expected);
    } else {
        QVERIFY2(!result.ok(), "a bad value was accepted");
        const auto reason = QByteArray::fromStdString(result.reason);
        QVERIFY2(reason.contains(reasonPart), reason.constData());
    }
}

std::vector<std::string> toStrings(const QStringList &list)
{
    std::vector<std::string> strings;
    for (const auto &item : list)
        strings.push_back(item.toStdString());
    return strings;
}

// Row helpers: one line per case, named after what it shows.

void emailRow(const char *name, const QByteArray &input, const char *expected)
{
    QTest::newRow(name) << input << QByteArray(expected) << QByteArray();
}

void badEmailRow(const char *name, const QByteArray &input, const char *reason)
{
    QTest::newRow(name) << input << QByteArray() << QByteArray(reason);
}

void phoneRow(const char *name, const char *country, const char *input, const char *expected)
{
    QTest::newRow(name) << QByteArray(country) << QByteArray(input) << QByteArray(expected)
                        << QByteArray();
}

void badPhoneRow(const char *name, const char *country, const char *input, const char *reason)
{
    QTest::newRow(name) << QByteArray(country) << QByteArray(input) << QByteArray()
                        << QByteArray(reason);
}

void timeRow(
    const char *name, const char *zone, DateOrder order, const char *input, Millis expected)
{
    QTest::newRow(name) << QByteArray(zone) << order << QByteArray(input) << qint64(expected)
                        << QByteArray();
}

void badTimeRow(
    const char *name, const char *zone, DateOrder order, const char *input, const char *reason)
{
    QTest::newRow(name) << QByteArray(zone) << order << QByteArray(input) << qint64(0)
                        << QByteArray(reason);
}

void formatRow(const char *name, const char *zone, const char *format, const char *input,
    Millis expected, const char *reason = "")
{
    QTest::newRow(name) << QByteArray(zone) << QByteArray(format) << QByteArray(input)
                        << qint64(expected) << QByteArray(reason);
}

void amountRow(const char *name, DecimalStyle style, DecimalStyle ambiguousAs, const char *input,
    double expected)
{
    QTest::newRow(name) << style << ambiguousAs << QByteArray(input) << expected << QByteArray();
}

void badAmountRow(const char *name, DecimalStyle style, DecimalStyle ambiguousAs, const char *input,
    const char *reason)
{
    QTest::newRow(name) << style << ambiguousAs << QByteArray(input) << 0.0 << QByteArray(reason);
}

} // namespace

class TestNormalizers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void email_data();
    void email();
    void emailSpellingsOfOneAddressAgree();

    void phone_data();
    void phone();
    void phoneUnknownCountryIsASettingsError();

    void timestamp_data();
    void timestamp();
    void timestampWithFormat_data();
    void timestampWithFormat();
    void timestampSettingsErrors_data();
    void timestampSettingsErrors();
    void timestampOffsetCacheMatchesTheZoneRules();
    void dateOrderDetection_data();
    void dateOrderDetection();

    void amount_data();
    void amount();
    void decimalStyleDetection_data();
    void decimalStyleDetection();
};

// ---------------------------------------------------------------------------------------------
// Email

void TestNormalizers::email_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("reason");

    emailRow("trimmed-and-lowered", "  Ana@Example.COM ", "ana@example.com");
    emailRow("nbsp-and-tab-trimmed", "\u00A0ana@example.com\t", "ana@example.com");
    emailRow("bom-and-zero-width-space-trimmed", "\uFEFFana@example.com\u200B", "ana@example.com");
    emailRow("mailto-with-query", "mailto:Ana@Example.com?subject=Hi", "ana@example.com");
    emailRow("angle-brackets", "<ana@example.com>", "ana@example.com");
    emailRow("display-name", "Ana López <Ana@Example.com>", "ana@example.com");
    emailRow("precomposed-umlauts", "Zo\u00EB@Ex\u00E4mple.se", "zo\u00EB@ex\u00E4mple.se");
    emailRow(
        "combining-umlauts-composed", "Zoe\u0308@Exa\u0308mple.se", "zo\u00EB@ex\u00E4mple.se");
    emailRow("upper-case-umlauts-folded", "ZO\u00CB@EX\u00C4MPLE.SE", "zo\u00EB@ex\u00E4mple.se");
    emailRow("sharp-s-full-folding", "Straße@Example.de", "strasse@example.de");
    emailRow("gmail-dots-and-plus-kept", "Ana.Lopez+News@GMail.com", "ana.lopez+news@gmail.com");
    emailRow("cyrillic-idn", "Иван@Пример.РФ", "иван@пример.рф");
    emailRow("soft-hyphen-dropped", "ana\u00ADlopez@example.com", "analopez@example.com");
    emailRow("hyphen-inside-domain", "a@mail-server.example.co.uk", "a@mail-server.example.co.uk");

    badEmailRow("empty", "", "the email address is empty");
    badEmailRow("only-spaces", " \u00A0 ", "the email address is empty");
    badEmailRow("no-at", "ana.example.com", "'ana.example.com' has no @");
    badEmailRow("two-at", "ana@b@example.com", "has more than one @");
    badEmailRow("two-addresses-in-one-cell", "ana@x.com; bob@y.com", "has more than one @");
    badEmailRow("no-dot", "ana@example", "'ana@example' has no domain ending (like .com)");
    badEmailRow("space-inside", "ana lopez@example.com", "contains a space");
    badEmailRow("nbsp-inside", "ana\u00A0lopez@example.com", "contains a space");
    badEmailRow("nothing-after-at", "test@", "'test@' has nothing after the @");
    badEmailRow("nothing-before-at", "@x.com", "'@x.com' has nothing before the @");
    badEmailRow("consecutive-dots-before-at", "ana..lopez@example.com", "has two dots in a row");
    badEmailRow("consecutive-dots-in-domain", "ana@example..com", "has two dots in a row");
    badEmailRow("leading-dot", ".ana@example.com", "dot at the start or end of the part before");
    badEmailRow(
        "trailing-dot-in-domain", "ana@example.com.", "dot right after the @ or at the very end");
    badEmailRow("one-letter-ending", "ana@example.c", "does not end in a real domain ending");
    badEmailRow("ip-address", "ana@1.2.3.4", "does not end in a real domain ending");
    badEmailRow("hyphen-at-label-start", "ana@-example.com", "starts or ends with a hyphen");
    badEmailRow("comma", "ana,lopez@example.com", "contains ',', which an email address cannot");
    badEmailRow("underscore-in-domain", "ana@exa_mple.com", "contains '_' after the @");
    badEmailRow("local-part-too-long", QByteArray(65, 'a') + "@example.com",
        "more than 64 characters before the @");
    badEmailRow("broken-utf8", "ana\xFF@example.com", "broken UTF-8");
    badEmailRow("long-input-quoted-short", QByteArray(200, 'x'), "xxx…' has no @");
}

void TestNormalizers::email()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, reason);
    verify(EmailNormalizer::normalize(input.toStdString()), expected.toStdString(), reason);
}

void TestNormalizers::emailSpellingsOfOneAddressAgree()
{
    // NFC, NFD and upper case of one address must become one identifier.
    const auto nfc = EmailNormalizer::normalize("Zo\u00EB@Ex\u00E4mple.se");
    const auto nfd = EmailNormalizer::normalize("Zoe\u0308@Exa\u0308mple.se");
    const auto upper = EmailNormalizer::normalize("ZO\u00CB@EX\u00C4MPLE.SE");
    QVERIFY(nfc.ok() && nfd.ok() && upper.ok());
    QCOMPARE(*nfd.value, *nfc.value);
    QCOMPARE(*upper.value, *nfc.value);
}

// ---------------------------------------------------------------------------------------------
// Phone

void TestNormalizers::phone_data()
{
    QTest::addColumn<QByteArray>("country");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("reason");

    phoneRow("de-national-mobile", "DE", "0151 12345678", "+4915112345678");
    phoneRow("de-lower-case-country", "de", "0151 12345678", "+4915112345678");
    phoneRow("de-international", "DE", "+49 151 12345678", "+4915112345678");
    phoneRow("de-trunk-in-parentheses", "DE", "+49 (0)151 12345678", "+4915112345678");
    phoneRow("de-double-zero", "DE", "0049 151 12345678", "+4915112345678");
    phoneRow("de-dashes", "DE", "0151-123-456-78", "+4915112345678");
    phoneRow("de-dots", "DE", "030.1234567", "+49301234567");
    phoneRow("de-slash", "DE", "030/1234567", "+49301234567");
    phoneRow("de-nbsp", "DE", "\u00A00151\u00A012345678 ", "+4915112345678");
    phoneRow("de-tel-link", "DE", "tel:+49-151-12345678", "+4915112345678");
    phoneRow("de-excel-float-lost-plus", "DE", "4915112345678.0", "+4915112345678");
    phoneRow("de-excel-float-lost-zero", "DE", "15112345678.0", "+4915112345678");
    phoneRow("de-excel-integer-lost-plus", "DE", "4915112345678", "+4915112345678");
    phoneRow("de-excel-scientific-complete", "DE", "4.915112345678E+12", "+4915112345678");
    phoneRow("de-excel-scientific-decimal-comma", "DE", "4,915112345678E+12", "+4915112345678");
    // The documented limit: a foreign number without its + that DE's open numbering plan also
    // accepts stays German. Write foreign numbers with + or 00.
    phoneRow("de-foreign-lost-plus-reads-as-german", "DE", "447911123456", "+49447911123456");
    phoneRow("at-mobile", "AT", "0664 1234567", "+436641234567");
    phoneRow("at-from-de", "DE", "+43 664 1234567", "+436641234567");
    phoneRow("gb-london", "GB", "020 7946 0958", "+442079460958");
    phoneRow("gb-from-de", "DE", "+44 20 7946 0958", "+442079460958");
    phoneRow("gb-lost-plus", "GB", "447911123456", "+447911123456");
    phoneRow("us-parentheses", "US", "(415) 555-2671", "+14155552671");
    phoneRow("us-leading-one", "US", "1-415-555-2671", "+14155552671");
    phoneRow("us-extension-dropped", "US", "+1 415 555 2671 ext. 12", "+14155552671");
    phoneRow("us-double-zero-abroad", "US", "0049 151 12345678", "+4915112345678");
    phoneRow("us-011-abroad", "US", "011 49 151 12345678", "+4915112345678");
    phoneRow("us-foreign-lost-plus", "US", "447911123456", "+447911123456");
    phoneRow("nl-mobile", "NL", "06 12345678", "+31612345678");
    phoneRow("nl-from-de", "DE", "+31 6 12345678", "+31612345678");
    phoneRow("no-country-international", "", "+49 151 12345678", "+4915112345678");

    badPhoneRow("too-short", "DE", "12", "'12' is not a valid phone number for DE");
    badPhoneRow("not-valid-in-gb", "DE", "+44 12", "is not a valid phone number for GB");
    badPhoneRow("too-long", "DE", "+49 151 12345678901234567", "is too long for a phone number");
    badPhoneRow("unknown-country-code", "DE", "+999 1234567", "country code that does not exist");
    badPhoneRow("no-country-national", "", "0151 12345678", "has no country code (like +49)");
    badPhoneRow("excel-scientific-rounded", "DE", "4.91511E+12",
        "'4.91511E+12' was shortened by a spreadsheet");
    badPhoneRow("words", "DE", "call me", "'call me' contains letters");
    badPhoneRow("vanity-letters", "DE", "0800 FLOWERS", "contains letters");
    badPhoneRow("n-a", "DE", "n/a", "contains letters");
    badPhoneRow("punctuation-only", "DE", "--", "is not a phone number");
    badPhoneRow("empty", "DE", "  ", "the phone number is empty");
}

void TestNormalizers::phone()
{
    QFETCH(QByteArray, country);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, reason);
    const PhoneNormalizer normalizer(country.toStdString());
    verify(normalizer.normalize(input.toStdString()), expected.toStdString(), reason);
}

void TestNormalizers::phoneUnknownCountryIsASettingsError()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PhoneNormalizer("UK"));
    try {
        PhoneNormalizer("XX");
        QFAIL("an unknown country was accepted");
    } catch (const std::invalid_argument &error) {
        QVERIFY2(QByteArray(error.what()).contains("'XX' is not a country"), error.what());
    }
}

// ---------------------------------------------------------------------------------------------
// Timestamps

void TestNormalizers::timestamp_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<DateOrder>("order");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QByteArray>("reason");

    const Millis shopify = kShopifyExample;
    timeRow("iso-z", kBerlin, kDayFirst, "2025-10-07T09:50:26Z", 1759830626000);
    timeRow("iso-lower-case-t-z", kBerlin, kDayFirst, "2025-10-07t09:50:26z", 1759830626000);
    timeRow("iso-offset-colon", kBerlin, kDayFirst, "2025-10-07T09:50:26+02:00", shopify);
    timeRow("iso-offset-compact", kBerlin, kDayFirst, "2025-10-07T09:50:26+0200", shopify);
    timeRow("iso-offset-hours", kBerlin, kDayFirst, "2025-10-07T09:50:26+02", shopify);
    timeRow("iso-offset-half-hour", kBerlin, kDayFirst, "2025-10-07T09:50+05:30", 1759810800000);
    timeRow("iso-offset-negative", kBerlin, kDayFirst, "2025-10-07 09:50:00-07:00", 1759855800000);
    timeRow("iso-milliseconds", kBerlin, kDayFirst, "2025-10-07T09:50:26.123Z", 1759830626123);
    timeRow(
        "iso-microseconds-cut", kBerlin, kDayFirst, "2025-10-07T09:50:26.123987Z", 1759830626123);
    timeRow("iso-comma-fraction", kBerlin, kDayFirst, "2025-10-07T09:50:26,5Z", 1759830626500);
    timeRow("iso-no-seconds", kBerlin, kDayFirst, "2025-10-07T09:50Z", 1759830600000);
    timeRow("shopify", kBerlin, kDayFirst, "2025-10-07 09:50:26 +0200", shopify);
    timeRow("shopify-ignores-import-zone", "America/New_York", kDayFirst,
        "2025-10-07 09:50:26 +0200", shopify);
    timeRow("utc-word", kBerlin, kDayFirst, "2025-10-07 07:50:26 UTC", shopify);
    timeRow("local-with-seconds", kBerlin, kDayFirst, "2025-10-07 09:50:26", shopify);
    timeRow("local-with-t", kBerlin, kDayFirst, "2025-10-07T09:50:26", shopify);
    timeRow("local-slashes-year-first", kBerlin, kDayFirst, "2025/10/07 09:50:26", shopify);
    timeRow("winter-time", kBerlin, kDayFirst, "2025-01-15 12:00", 1736938800000);
    timeRow("date-only-is-local-midnight", kBerlin, kDayFirst, "2025-10-07", 1759788000000);
    timeRow("date-only-utc-leap-day", "UTC", kDayFirst, "2024-02-29", 1709164800000);
    timeRow("german-dots", kBerlin, kDayFirst, "07.10.2025 09:50", 1759823400000);
    timeRow(
        "german-dots-ignore-month-first", kBerlin, kMonthFirst, "07.10.2025 09:50", 1759823400000);
    timeRow("german-two-digit-year", kBerlin, kDayFirst, "07.10.25 09:50", 1759823400000);
    timeRow("uci-month-first", "Europe/London", kMonthFirst, "12/1/2010 8:26", 1291191960000);
    timeRow(
        "uci-month-first-padded", "Europe/London", kMonthFirst, "12/01/2010 08:26", 1291191960000);
    timeRow("slashes-day-first", kBerlin, kDayFirst, "12/1/2010 8:26", 1263281160000);
    timeRow("slashes-day-first-padded", kBerlin, kDayFirst, "12/01/2010 08:26", 1263281160000);
    timeRow("us-pm", "UTC", kMonthFirst, "10/7/2025 9:50:26 PM", 1759873826000);
    timeRow("us-comma-lower-case-pm", "UTC", kMonthFirst, "10/7/2025, 9:50:26 pm", 1759873826000);
    timeRow("twelve-am-is-midnight", "UTC", kMonthFirst, "10/7/2025 12:00 AM", 1759795200000);
    timeRow("rfc-2822", kBerlin, kDayFirst, "Tue, 07 Oct 2025 09:50:26 +0200", shopify);
    timeRow("rfc-2822-gmt", kBerlin, kDayFirst, "Tue, 07 Oct 2025 07:50:26 GMT", shopify);
    timeRow("day-month-name", "UTC", kDayFirst, "7-Oct-2025", 1759795200000);
    timeRow("month-name-first", "UTC", kDayFirst, "Oct 7, 2025 9:50 PM", 1759873800000);
    timeRow("javascript-date-string", kBerlin, kDayFirst,
        "Tue Oct 07 2025 09:50:26 GMT+0200 (Central European Summer Time)", shopify);
    timeRow("unix-seconds", kBerlin, kDayFirst, "1759823426", shopify);
    timeRow("unix-seconds-fraction", kBerlin, kDayFirst, "1759823426.25", 1759823426250);
    timeRow("unix-milliseconds", kBerlin, kDayFirst, "1759823426123", 1759823426123);
    timeRow("compact-date-time", kBerlin, kDayFirst, "20251007095026", shopify);
    timeRow("spaces-around", kBerlin, kDayFirst, "\u00A0 2025-10-07 09:50:26\t", shopify);

    // Daylight saving time: both cases take the offset in force before the change.
    timeRow(
        "dst-skipped-hour-moves-forward", kBerlin, kDayFirst, "2025-03-30 02:30", 1743298200000);
    timeRow("dst-repeated-hour-takes-first", kBerlin, kDayFirst, "2025-10-26 02:30", 1761438600000);
    timeRow("dst-after-repeated-hour", kBerlin, kDayFirst, "2025-10-26 03:30", 1761445800000);
    timeRow(
        "dst-new-york-skipped", "America/New_York", kMonthFirst, "3/9/2025 2:30", 1741505400000);
    timeRow(
        "dst-new-york-repeated", "America/New_York", kMonthFirst, "11/2/2025 1:30", 1762061400000);

    timeRow("offset-without-import-zone", "", kDayFirst, "2025-10-07 09:50:26 +0200", shopify);
    timeRow("unix-without-import-zone", "", kDayFirst, "1759823426", shopify);
    badTimeRow("local-time-without-import-zone", "", kDayFirst, "2025-10-07 09:50",
        "has no time zone; choose the time zone of this file");

    badTimeRow("february-30", kBerlin, kDayFirst, "2025-02-30",
        "'2025-02-30' is not a real date: February 2025 has no day 30");
    badTimeRow(
        "not-a-leap-year", kBerlin, kDayFirst, "2023-02-29 10:00", "February 2023 has no day 29");
    badTimeRow("month-13-iso", kBerlin, kDayFirst, "2025-13-01", "there is no month 13");
    badTimeRow("month-31-day-first", kBerlin, kDayFirst, "31/31/2020",
        "'31/31/2020' is not a real date: there is no month 31 (read as day/month/year)");
    badTimeRow("day-first-date-in-month-first-import", kBerlin, kMonthFirst, "13/1/2010 8:26",
        "there is no month 13 (read as month/day/year)");
    badTimeRow("hour-25", kBerlin, kDayFirst, "2025-10-07 25:00", "is not a real time of day");
    badTimeRow("minute-60", kBerlin, kDayFirst, "2025-10-07 10:60", "is not a real time of day");
    badTimeRow("pm-hour-13", kBerlin, kMonthFirst, "10/7/2025 13:00 PM", "not a real time of day");
    badTimeRow("offset-25-hours", kBerlin, kDayFirst, "2025-10-07T09:50+25:00",
        "has a time zone offset that does not exist");
    badTimeRow("mysql-zero-date", kBerlin, kDayFirst, "0000-00-00 00:00:00",
        "is an empty-date placeholder, not a date");
    badTimeRow("garbage", kBerlin, kDayFirst, "yesterday",
        "'yesterday' is not a date and time Clientele can read (like 2025-10-07 09:50:26)");
    badTimeRow("zone-abbreviation", kBerlin, kDayFirst, "2025-10-07 09:50 CEST",
        "is not a date and time Clientele can read");
    badTimeRow("nine-digits", kBerlin, kDayFirst, "175982342", "is not a date and time");
    badTimeRow("mixed-separators", kBerlin, kDayFirst, "2025-10/07", "is not a date and time");
    badTimeRow("empty", kBerlin, kDayFirst, " ", "the date is empty");
}

void TestNormalizers::timestamp()
{
    QFETCH(QByteArray, zone);
    QFETCH(DateOrder, order);
    QFETCH(QByteArray, input);
    QFETCH(qint64, expected);
    QFETCH(QByteArray, reason);
    TimestampParser parser({ zone.toStdString(), order, {} });
    verify(parser.parse(input.toStdString()), Millis(expected), reason);
}

void TestNormalizers::timestampWithFormat_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QByteArray>("reason");

    formatRow("day-first", kBerlin, "%d/%m/%Y %H:%M", "07/10/2025 09:50", 1759823400000);
    formatRow("twelve-hour", "UTC", "%m/%d/%Y %I:%M %p", "10/07/2025 09:50 PM", 1759873800000);
    formatRow("without-separators", "UTC", "%Y%m%d", "20251007", 1759795200000);
    formatRow(
        "shorthands-and-offset", "", "%F %T %z", "2025-10-07 09:50:26 +0200", kShopifyExample);
    formatRow(
        "names", "", "%a, %d %b %Y %T %z", "Tue, 07 Oct 2025 09:50:26 +0200", kShopifyExample);
    formatRow("other-format-rejected", kBerlin, "%d/%m/%Y %H:%M", "2025-10-07 09:50", 0,
        "'2025-10-07 09:50' does not match this import's date format %d/%m/%Y %H:%M");
    formatRow("real-date-still-checked", kBerlin, "%d/%m/%Y", "30/02/2025", 0,
        "February 2025 has no day 30");
}

void TestNormalizers::timestampWithFormat()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, input);
    QFETCH(qint64, expected);
    QFETCH(QByteArray, reason);
    TimestampParser parser({ zone.toStdString(), kDayFirst, format.toStdString() });
    verify(parser.parse(input.toStdString()), Millis(expected), reason);
}

void TestNormalizers::timestampSettingsErrors_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("misspelt-zone")
        << QByteArray("Europe/Berln") << QByteArray()
        << QByteArray("'Europe/Berln' is not a time zone Clientele knows");
    QTest::newRow("abbreviation-is-no-zone")
        << QByteArray("CEST") << QByteArray() << QByteArray("is not a time zone");
    QTest::newRow("unknown-directive") << QByteArray("UTC") << QByteArray("%d/%m/%Y %Q")
                                       << QByteArray("uses %Q, which Clientele does not know");
    QTest::newRow("no-date-in-format")
        << QByteArray("UTC") << QByteArray("%H:%M")
        << QByteArray("needs a year (%Y), a month (%m or %b) and a day (%d)");
    QTest::newRow("twelve-hour-without-am-pm")
        << QByteArray("UTC") << QByteArray("%d.%m.%Y %I:%M") << QByteArray("together with %p");
}

void TestNormalizers::timestampSettingsErrors()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, message);
    try {
        TimestampParser parser({ zone.toStdString(), kDayFirst, format.toStdString() });
        QFAIL("bad settings were accepted");
    } catch (const std::invalid_argument &error) {
        QVERIFY2(QByteArray(error.what()).contains(message), error.what());
    }
}

void TestNormalizers::timestampOffsetCacheMatchesTheZoneRules()
{
    // One parser reads local times all through a year, across both DST changes; each must
    // equal what a fresh parser (empty offset cache) says.
    TimestampParser reused({ kBerlin, kDayFirst, {} });
    int checked = 0;
    for (int day = 0; day < 365; day += 3) {
        for (int halfHour = 0; halfHour < 48; halfHour += 5) {
            const Millis midnight = *parseIsoDate("2025-01-01") + day * kMillisPerDay;
            const std::string text = formatIsoDate(midnight) + " " + std::to_string(halfHour / 2)
                + (halfHour % 2 ? ":30" : ":00");
            TimestampParser fresh({ kBerlin, kDayFirst, {} });
            const auto expected = fresh.parse(text);
            const auto actual = reused.parse(text);
            QVERIFY2(actual.ok() && expected.ok(), text.c_str());
            QVERIFY2(*actual.value == *expected.value, text.c_str());
            ++checked;
        }
    }
    QCOMPARE(checked, 122 * 10);
    for (const char *text : { "2025-03-30 02:30", "2025-10-26 02:30", "2025-06-01 12:00" }) {
        TimestampParser fresh({ kBerlin, kDayFirst, {} });
        QCOMPARE(*reused.parse(text).value, *fresh.parse(text).value);
    }
}

void TestNormalizers::dateOrderDetection_data()
{
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<std::optional<DateOrder>>("expected");

    const auto list = [](std::initializer_list<const char *> items) {
        QStringList strings;
        for (const char *item : items)
            strings << QString::fromUtf8(item);
        return strings;
    };
    const std::optional<DateOrder> undecided;
    QTest::newRow("uci-online-retail")
        << list({ "12/1/2010 8:26", "12/13/2010 9:00" }) << std::optional(kMonthFirst);
    QTest::newRow("european") << list({ "1/2/2020", "13-02-2020" }) << std::optional(kDayFirst);
    QTest::newRow("undecidable") << list({ "1/2/2020", "12/12/2020" }) << undecided;
    QTest::newRow("contradicting") << list({ "13/1/2020", "1/13/2020" }) << undecided;
    QTest::newRow("iso-tells-nothing") << list({ "2020-01-13" }) << undecided;
    QTest::newRow("no-samples") << QStringList() << undecided;
}

void TestNormalizers::dateOrderDetection()
{
    QFETCH(QStringList, samples);
    QFETCH(std::optional<DateOrder>, expected);
    QVERIFY(TimestampParser::detectDateOrder(toStrings(samples)) == expected);
}

// ---------------------------------------------------------------------------------------------
// Amounts

void TestNormalizers::amount_data()
{
    QTest::addColumn<DecimalStyle>("style");
    QTest::addColumn<DecimalStyle>("ambiguousAs");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<double>("expected");
    QTest::addColumn<QByteArray>("reason");

    const auto any = DecimalStyle::Auto;
    const auto point = DecimalStyle::Point;
    const auto comma = DecimalStyle::Comma;

    amountRow("point-plain", point, any, "1234.56", 1234.56);
    amountRow("point-thousands", point, any, "1,234.56", 1234.56);
    amountRow("point-thousands-only", point, any, "1,234", 1234.0);
    amountRow("comma-thousands", comma, any, "1.234,56", 1234.56);
    amountRow("comma-plain", comma, any, "19,99", 19.99);
    amountRow("comma-thousands-only", comma, any, "1.234", 1234.0);
    amountRow("comma-three-decimals", comma, any, "1,234", 1.234);
    amountRow("auto-decimal-comma", any, any, "1,5", 1.5);
    amountRow("auto-decimal-point", any, any, "1.25", 1.25);
    amountRow("auto-both-comma-last", any, any, "1.234,56", 1234.56);
    amountRow("auto-both-point-last", any, any, "1,234.56", 1234.56);
    amountRow("auto-leading-zero-is-decimal", any, any, "0,123", 0.123);
    amountRow("auto-four-digit-integer", any, any, "1234,567", 1234.567);
    amountRow("auto-repeated-groups", any, any, "1.234.567", 1234567.0);
    amountRow("auto-integer", any, any, "42", 42.0);
    amountRow("auto-leading-decimal", any, any, ".5", 0.5);
    amountRow("auto-ambiguous-as-point", any, point, "1,234", 1234.0);
    amountRow("auto-ambiguous-as-comma", any, comma, "1,234", 1.234);
    amountRow("auto-unambiguous-beats-detected", any, point, "1,5", 1.5);
    amountRow("shopify-apostrophe", any, any, "'123", 123.0);
    amountRow("euro-after", comma, any, "1.234,56 €", 1234.56);
    amountRow("euro-before-glued", any, any, "€12.50", 12.5);
    amountRow("dollar", point, any, "$1,234.56", 1234.56);
    amountRow("pound", any, any, "£5", 5.0);
    amountRow("code-before", any, any, "EUR 12,50", 12.5);
    amountRow("code-after", any, any, "12.50 USD", 12.5);
    amountRow("swedish-kronor", comma, any, "1 299,00 kr", 1299.0);
    amountRow("minus", any, any, "-5", -5.0);
    amountRow("unicode-minus", comma, any, "\u22125,50", -5.5);
    amountRow("minus-after-currency", any, any, "€-5", -5.0);
    amountRow("minus-before-currency", any, any, "-€5.25", -5.25);
    amountRow("plus", any, any, "+7", 7.0);
    amountRow("parentheses-negative", any, any, "(5.00)", -5.0);
    amountRow("parentheses-with-currency", point, any, "($1,234.56)", -1234.56);
    amountRow("space-thousands", any, any, "1 234 567", 1234567.0);
    amountRow("nbsp-thousands", comma, any, "1\u00A0234,56", 1234.56);
    amountRow("narrow-nbsp-thousands", any, any, "1\u202F234,56", 1234.56);
    amountRow("swiss-apostrophe-thousands", point, any, "1'234.50", 1234.5);
    amountRow("surrounding-spaces", any, any, "  19.99 \t", 19.99);
    amountRow("zero", any, any, "0", 0.0);

    badAmountRow("word", any, any, "six", "'six' is not a number");
    badAmountRow("empty", any, any, "", "the amount is empty");
    badAmountRow("currency-only", any, any, "€", "is not a number");
    badAmountRow("minus-only", any, any, "-", "is not a number");
    badAmountRow("two-signs", any, any, "--5", "is not a number");
    badAmountRow("sign-and-parentheses", any, any, "(-5)", "is not a number");
    badAmountRow("exponent", any, any, "1e5", "is not a number");
    badAmountRow("not-a-number", any, any, "NaN", "is not a number");
    badAmountRow("bad-grouping", any, any, "1,23,456", "is not a number");
    badAmountRow("mixed-thousands", any, any, "1.234 567", "is not a number");
    badAmountRow("trailing-separator", any, any, "12,", "is not a number");
    badAmountRow("two-numbers", any, any, "12 13", "is not a number");
    badAmountRow("ambiguous-without-style", any, any, "1,234",
        "'1,234' could be 1234 or 1.234; choose the decimal separator for this import");
    badAmountRow("point-style-rejects-comma", point, any, "1.234,56",
        "written with a decimal comma, but this import reads amounts with a decimal point");
    badAmountRow("point-style-rejects-short-comma", point, any, "1,5", "with a decimal comma");
    badAmountRow("comma-style-rejects-point", comma, any, "1,234.56",
        "written with a decimal point, but this import reads amounts with a decimal comma");
}

void TestNormalizers::amount()
{
    QFETCH(DecimalStyle, style);
    QFETCH(DecimalStyle, ambiguousAs);
    QFETCH(QByteArray, input);
    QFETCH(double, expected);
    QFETCH(QByteArray, reason);
    const auto result = AmountParser(style, ambiguousAs).parse(input.toStdString());
    verify(result, expected, reason);
    // QCOMPARE on doubles is fuzzy; the parser must give the nearest double exactly.
    if (result.ok())
        QVERIFY2(*result.value == expected, QByteArray::number(*result.value, 'g', 17).constData());
}

void TestNormalizers::decimalStyleDetection_data()
{
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<DecimalStyle>("expected");

    const auto list = [](std::initializer_list<const char *> items) {
        QStringList strings;
        for (const char *item : items)
            strings << QString::fromUtf8(item);
        return strings;
    };
    QTest::newRow("german-shop") << list({ "19,99", "1.234,56", "1.000" }) << DecimalStyle::Comma;
    QTest::newRow("us-shop") << list({ "19.99", "$1,234.56", "1,000" }) << DecimalStyle::Point;
    QTest::newRow("only-ambiguous") << list({ "1,234", "2.345", "12" }) << DecimalStyle::Auto;
    QTest::newRow("majority-wins") << list({ "1,5", "2,5", "3.25" }) << DecimalStyle::Comma;
    QTest::newRow("tie") << list({ "1,5", "3.25" }) << DecimalStyle::Auto;
    QTest::newRow("no-samples") << QStringList() << DecimalStyle::Auto;
}

void TestNormalizers::decimalStyleDetection()
{
    QFETCH(QStringList, samples);
    QFETCH(DecimalStyle, expected);
    QCOMPARE(AmountParser::detectStyle(toStrings(samples)), expected);
}

QTEST_GUILESS_MAIN(TestNormalizers)
#include "test_normalizers.moc"
