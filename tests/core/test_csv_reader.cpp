#include "TestFiles.h"
#include "TrickleSource.h"

#include "ingest/CsvReader.h"
#include "ingest/IngestError.h"
#include "ingest/InputFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace clientele;
using clientele::test::toStd;

Q_DECLARE_METATYPE(clientele::Encoding)
Q_DECLARE_METATYPE(clientele::IngestError::Kind)

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QStringList fromStd(const std::vector<std::string> &fields)
{
    QStringList list;
    for (const std::string &field : fields)
        list << fromStd(field);
    return list;
}

/// Expected fields, written as UTF-8 literals (the project forbids implicit QString casts).
QStringList row(std::initializer_list<const char *> fields)
{
    QStringList list;
    for (const char *field : fields)
        list << QString::fromUtf8(field);
    return list;
}

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

/// Everything a reader produced, in a form QCOMPARE can print.
struct ReadResult {
    QStringList header;
    QList<QStringList> records;
    QList<qint64> lines;
    QStringList errors;
    QStringList raws;
    char delimiter = 0;
};

ReadResult readAll(ByteSource &source, const CsvOptions &options)
{
    CsvReader reader(source, options);
    ReadResult result;
    result.header = fromStd(reader.header());
    result.delimiter = reader.delimiter();
    CsvRecord record;
    while (reader.next(record)) {
        result.records << fromStd(record.fields);
        result.lines << record.line;
        result.errors << fromStd(record.error);
        result.raws << fromStd(record.raw);
    }
    return result;
}

ReadResult readAll(const QByteArray &bytes, const CsvOptions &options = {})
{
    StringSource source(bytes.toStdString());
    return readAll(source, options);
}

/// Records as one printable line each, so that a failing comparison shows the difference.
QStringList printable(const QList<QStringList> &records)
{
    QStringList lines;
    for (const QStringList &fields : records)
        lines << u8("[") + fields.join(u8("|")) + u8("]");
    return lines;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// An events export like the ones shops send: some quoted names with commas and quotes.
QByteArray generatedEvents(int rows)
{
    std::string text = "event_id,ts,type,email,product,price\n";
    text.reserve(static_cast<std::size_t>(rows) * 90);
    for (int i = 0; i < rows; ++i) {
        text += std::to_string(i);
        text += ",2024-03-01T10:";
        text += std::to_string(10 + i % 50);
        text += ":00Z,";
        text += (i % 3 == 0) ? "order_completed" : "product_viewed";
        text += ",shopper";
        text += std::to_string(i % 9973);
        text += "@example.com,";
        text += (i % 7 == 0) ? "\"Mug, \"\"large\"\"\"" : "Tea towel";
        text += ',';
        text += std::to_string(i % 100);
        text += ".95\n";
    }
    return QByteArray::fromStdString(text);
}

/// The shared reference data lives beside the repository, never inside it.
QString sharedDataPath(const char *relative)
{
    const QByteArray overridden = qgetenv("CLIENTELE_SHARED_DATA");
    const QString base = overridden.isEmpty()
        ? QString::fromUtf8(CLIENTELE_SOURCE_DIR) + u8("/../shared/data")
        : QString::fromLocal8Bit(overridden);
    return base + u8("/") + u8(relative);
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsEdgeCases_data();
    void readsEdgeCases();
    void detectsDelimiter_data();
    void detectsDelimiter();
    void emptyFileHasNoHeader_data();
    void emptyFileHasNoHeader();
    void emptyFileWithoutHeaderOptionHasNoRecords();
    void unreadableHeaderIsAFileError_data();
    void unreadableHeaderIsAFileError();
    void utf16IsRefusedWithAHint();
    void forcedDelimiterWins();
    void byteOrderMarkMeansUtf8();
    void readsFromAStream();
    void openQuoteCostsOneLineOnly();
    void longQuotedFieldFromSmallReads();
    void overlongLineIsAFileError();
    void recordsReuseTheirStrings();
    void gzipGivesSameRecordsAsPlainFile();
    void concatenatedGzipMembersAreAllRead();
    void inputFileErrors_data();
    void inputFileErrors();
    void readsBigGeneratedFile();
    void readsOnlineRetailFile();
};

void TestCsvReader::readsEdgeCases_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Encoding>("encoding");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QStringList>("errors");

    const QStringList ab = row({ "a", "b" });
    const Encoding utf8 = Encoding::Utf8;

    QTest::newRow("quoted-comma") << QByteArray("name,city\n\"Smith, John\",Paris\n") << utf8
                                  << row({ "name", "city" })
                                  << QList<QStringList> { row({ "Smith, John", "Paris" }) }
                                  << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("doubled-quote")
        << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << utf8 << ab
        << QList<QStringList> { row({ "say \"hi\"", "\"" }) } << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("newline-inside-quotes")
        << QByteArray("a,b\n\"first\nsecond\nthird\",x\n1,2\n") << utf8 << ab
        << QList<QStringList> { row({ "first\nsecond\nthird", "x" }), row({ "1", "2" }) }
        << QList<qint64> { 2, 5 } << row({ "", "" });
    QTest::newRow("crlf-inside-quotes")
        << QByteArray("a,b\r\n\"first\r\nsecond\",x\r\n1,2\r\n") << utf8 << ab
        << QList<QStringList> { row({ "first\r\nsecond", "x" }), row({ "1", "2" }) }
        << QList<qint64> { 2, 4 } << row({ "", "" });
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << utf8 << ab
                          << QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }) }
                          << QList<qint64> { 2, 3 } << row({ "", "" });
    QTest::newRow("lf") << QByteArray("a,b\n1,2\n3,4\n") << utf8 << ab
                        << QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }) }
                        << QList<qint64> { 2, 3 } << row({ "", "" });
    QTest::newRow("mixed-line-endings-and-lone-cr")
        << QByteArray("a,b\r\n1,2\n3,4\r5,6\r\n") << utf8 << ab
        << QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }), row({ "5", "6" }) }
        << QList<qint64> { 2, 3, 4 } << row({ "", "", "" });
    QTest::newRow("no-final-newline") << QByteArray("a,b\n1,2\n3,4") << utf8 << ab
                                      << QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }) }
                                      << QList<qint64> { 2, 3 } << row({ "", "" });
    QTest::newRow("no-final-newline-after-quote")
        << QByteArray("a,b\n1,\"x\"") << utf8 << ab << QList<QStringList> { row({ "1", "x" }) }
        << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("empty-fields") << QByteArray("a,b,c\n,,\n") << utf8 << row({ "a", "b", "c" })
                                  << QList<QStringList> { row({ "", "", "" }) }
                                  << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("empty-quoted-field-vs-missing-field")
        << QByteArray("a,b,c\n\"\",\n1\n") << utf8 << row({ "a", "b", "c" })
        << QList<QStringList> { row({ "", "" }), row({ "1" }) } << QList<qint64> { 2, 3 }
        << row({ "", "" });
    QTest::newRow("trailing-delimiter-gives-empty-last-field")
        << QByteArray("a,b,c\n1,2,\n") << utf8 << row({ "a", "b", "c" })
        << QList<QStringList> { row({ "1", "2", "" }) } << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("utf8-bom") << QByteArray("\xEF\xBB\xBFname,email\nZo\xC3\xAB,zoe@example.se\n")
                              << utf8 << row({ "name", "email" })
                              << QList<QStringList> { row({ "Zoë", "zoe@example.se" }) }
                              << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("semicolon-detected") << QByteArray("name;city;amount\n\"a;b\";Paris;3,50\n")
                                        << utf8 << row({ "name", "city", "amount" })
                                        << QList<QStringList> { row({ "a;b", "Paris", "3,50" }) }
                                        << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("tab-detected") << QByteArray("name\tcity\nAnn, Jr\tParis\n") << utf8
                                  << row({ "name", "city" })
                                  << QList<QStringList> { row({ "Ann, Jr", "Paris" }) }
                                  << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("windows-1252-decoded")
        << QByteArray("name,note\nM\xFCller,\x80 5 \x96 ca\xF1\x61\n") << Encoding::Windows1252
        << row({ "name", "note" }) << QList<QStringList> { row({ "Müller", "€ 5 – caña" }) }
        << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("windows-1252-header-and-quotes")
        << QByteArray("Stra\xDF\x65,\x93quoted\x94\n\"\x85\",x\n") << Encoding::Windows1252
        << row({ "Straße", "“quoted”" }) << QList<QStringList> { row({ "…", "x" }) }
        << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("windows-1252-undefined-byte-is-replacement")
        << QByteArray("a\nx\x81y\n") << Encoding::Windows1252 << row({ "a" })
        << QList<QStringList> { row({ "x\xEF\xBF\xBDy" }) } << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("invalid-utf8-reported")
        << QByteArray("a,b\n1,M\xFCller\n2,ok\n") << utf8 << ab
        << QList<QStringList> { row({ "1", "M\xEF\xBF\xBDller" }), row({ "2", "ok" }) }
        << QList<qint64> { 2, 3 }
        << row({ "line 2: not valid UTF-8 (try the Windows-1252 encoding)", "" });
    QTest::newRow("overlong-utf8-reported")
        << QByteArray("a\n\xC0\xAF\n") << utf8 << row({ "a" })
        << QList<QStringList> { row({ "\xEF\xBF\xBD\xEF\xBF\xBD" }) } << QList<qint64> { 2 }
        << row({ "line 2: not valid UTF-8 (try the Windows-1252 encoding)" });
    QTest::newRow("unterminated-quote-reported-and-reading-resumes")
        << QByteArray("a,b\n1,\"open\n2,x\n3,y\n") << utf8 << ab
        << QList<QStringList> { row({ "1", "open" }), row({ "2", "x" }), row({ "3", "y" }) }
        << QList<qint64> { 2, 3, 4 } << row({ "line 2: a quoted field is not closed", "", "" });
    QTest::newRow("unterminated-quote-on-last-line")
        << QByteArray("a,b\n1,2\n3,\"x") << utf8 << ab
        << QList<QStringList> { row({ "1", "2" }), row({ "3", "x" }) } << QList<qint64> { 2, 3 }
        << row({ "", "line 3: a quoted field is not closed" });
    QTest::newRow("stray-quote-in-unquoted-field-is-literal")
        << QByteArray("a,b\n5\" screen,x\"y\"\n") << utf8 << ab
        << QList<QStringList> { row({ "5\" screen", "x\"y\"" }) } << QList<qint64> { 2 }
        << row({ "" });
    QTest::newRow("text-after-closing-quote-is-kept")
        << QByteArray("a,b\n\"abc\"def,x\n") << utf8 << ab
        << QList<QStringList> { row({ "abcdef", "x" }) } << QList<qint64> { 2 } << row({ "" });
    QTest::newRow("whitespace-kept-but-header-trimmed")
        << QByteArray(" name ,\tcity \n Ann , \" Paris \" \n") << utf8 << row({ "name", "city" })
        << QList<QStringList> { row({ " Ann ", " \" Paris \" " }) } << QList<qint64> { 2 }
        << row({ "" });
    QTest::newRow("one-field") << QByteArray("email\nann@example.com\nbob@example.com\n") << utf8
                               << row({ "email" })
                               << QList<QStringList> { row({ "ann@example.com" }),
                                      row({ "bob@example.com" }) }
                               << QList<qint64> { 2, 3 } << row({ "", "" });
    QTest::newRow("header-only") << QByteArray("a,b,c\n") << utf8 << row({ "a", "b", "c" })
                                 << QList<QStringList> {} << QList<qint64> {} << QStringList {};
    QTest::newRow("header-only-without-newline")
        << QByteArray("a,b,c") << utf8 << row({ "a", "b", "c" }) << QList<QStringList> {}
        << QList<qint64> {} << QStringList {};
    QTest::newRow("blank-lines-skipped-but-counted")
        << QByteArray("\na,b\n\n1,2\r\n\r\n\r\n3,4\n\n") << utf8 << ab
        << QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }) } << QList<qint64> { 4, 7 }
        << row({ "", "" });
    QTest::newRow("field-count-differs-from-header")
        << QByteArray("a,b\n1\n1,2,3\n") << utf8 << ab
        << QList<QStringList> { row({ "1" }), row({ "1", "2", "3" }) } << QList<qint64> { 2, 3 }
        << row({ "", "" });
}

void TestCsvReader::readsEdgeCases()
{
    QFETCH(QByteArray, input);
    QFETCH(Encoding, encoding);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    QFETCH(QStringList, errors);

    CsvOptions options;
    options.encoding = encoding;

    // Whole blocks, then one byte per read, then three: the results must be the same.
    for (std::size_t bytesPerRead : { std::size_t(1) << 20, std::size_t(1), std::size_t(3) }) {
        test::TrickleSource source(input.toStdString(), bytesPerRead);
        const ReadResult result = readAll(source, options);
        QCOMPARE(result.header, header);
        QCOMPARE(printable(result.records), printable(records));
        QCOMPARE(result.records, records);
        QCOMPARE(result.lines, lines);
        QCOMPARE(result.errors, errors);
    }
}

void TestCsvReader::detectsDelimiter_data()
{
    QTest::addColumn<QByteArray>("headerLine");
    QTest::addColumn<char>("delimiter");

    QTest::newRow("comma") << QByteArray("a,b,c") << ',';
    QTest::newRow("semicolon") << QByteArray("a;b;c") << ';';
    QTest::newRow("tab") << QByteArray("a\tb\tc") << '\t';
    QTest::newRow("most-frequent-wins") << QByteArray("a;b;c,d") << ';';
    QTest::newRow("inside-quotes-ignored") << QByteArray("\"a,b,c\";d;e") << ';';
    QTest::newRow("only-first-line-counts") << QByteArray("a;b\nc,d,e,f") << ';';
    QTest::newRow("quoted-line-break-stays-in-first-line")
        << QByteArray("\"a\nb,c,d\";e;f\n") << ';';
    QTest::newRow("single-column-defaults-to-comma") << QByteArray("email") << ',';
    QTest::newRow("tie-prefers-comma") << QByteArray("a,b;c") << ',';
    QTest::newRow("tie-prefers-semicolon-over-tab") << QByteArray("a;b\tc") << ';';
}

void TestCsvReader::detectsDelimiter()
{
    QFETCH(QByteArray, headerLine);
    QFETCH(char, delimiter);
    QCOMPARE(CsvReader::detectDelimiter(headerLine.toStdString()), delimiter);

    // The reader uses the same rule on the file's first line.
    const ReadResult result = readAll(headerLine + "\n");
    QCOMPARE(result.delimiter, delimiter);
}

void TestCsvReader::emptyFileHasNoHeader_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("zero-bytes") << QByteArray();
    QTest::newRow("only-a-bom") << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("only-blank-lines") << QByteArray("\n\r\n\n");
}

void TestCsvReader::emptyFileHasNoHeader()
{
    QFETCH(QByteArray, input);
    try {
        readAll(input);
        QFAIL("an empty file must be refused");
    } catch (const IngestError &error) {
        QCOMPARE(error.kind(), IngestError::Kind::NoHeader);
        QCOMPARE(
            u8(error.what()), u8("The file is empty: there is no first line with column names."));
    }
}

void TestCsvReader::emptyFileWithoutHeaderOptionHasNoRecords()
{
    CsvOptions options;
    options.hasHeader = false;
    QVERIFY(readAll(QByteArray(), options).records.isEmpty());

    const ReadResult result = readAll(QByteArray("1;2\n3;4\n"), options);
    QVERIFY(result.header.isEmpty());
    QCOMPARE(result.records, (QList<QStringList> { row({ "1", "2" }), row({ "3", "4" }) }));
    QCOMPARE(result.lines, (QList<qint64> { 1, 2 }));
}

void TestCsvReader::unreadableHeaderIsAFileError_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("open-quote") << QByteArray("\"name,email\n1,2\n")
                                << u8("The first line (column names) cannot be read — line 1: a "
                                      "quoted field is not closed.");
    QTest::newRow("not-utf8") << QByteArray("Stra\xDF\x65,city\n1,2\n")
                              << u8("The first line (column names) cannot be read — line 1: not "
                                    "valid UTF-8 (try the Windows-1252 encoding).");
}

void TestCsvReader::unreadableHeaderIsAFileError()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    try {
        readAll(input);
        QFAIL("an unreadable header must be refused");
    } catch (const IngestError &error) {
        QCOMPARE(error.kind(), IngestError::Kind::BadHeader);
        QCOMPARE(u8(error.what()), message);
    }
}

void TestCsvReader::utf16IsRefusedWithAHint()
{
    // Excel's "Unicode Text" export: UTF-16 little endian with a byte order mark.
    const QByteArray utf16("\xFF\xFEn\0a\0m\0e\0\n\0", 12);
    try {
        readAll(utf16);
        QFAIL("UTF-16 must be refused");
    } catch (const IngestError &error) {
        QCOMPARE(error.kind(), IngestError::Kind::UnsupportedFormat);
        QVERIFY2(u8(error.what()).contains(u8("CSV UTF-8")), error.what());
    }
}

void TestCsvReader::forcedDelimiterWins()
{
    CsvOptions options;
    options.delimiter = ';';
    const ReadResult result = readAll(QByteArray("a,b;c\n1,2;3\n"), options);
    QCOMPARE(result.delimiter, ';');
    QCOMPARE(result.header, row({ "a,b", "c" }));
    QCOMPARE(result.records, QList<QStringList> { row({ "1,2", "3" }) });

    options.delimiter = '\0'; // a plain char's "not chosen": detect
    QCOMPARE(readAll(QByteArray("a;b\n"), options).delimiter, ';');

    options.delimiter = '"';
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readAll(QByteArray("a\n"), options));
}

void TestCsvReader::byteOrderMarkMeansUtf8()
{
    // Windows-1252 was chosen, but the byte order mark proves the file is UTF-8.
    CsvOptions options;
    options.encoding = Encoding::Windows1252;
    StringSource source("\xEF\xBB\xBFname\nZo\xC3\xAB\n");
    CsvReader reader(source, options);
    QCOMPARE(reader.encoding(), Encoding::Utf8);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(fromStd(record.fields.at(0)), u8("Zoë"));
}

void TestCsvReader::readsFromAStream()
{
    std::istringstream stream("id;name\n1;\"Ann\"\"s\"\n");
    StreamSource source(stream);
    const ReadResult result = readAll(source, {});
    QCOMPARE(result.header, row({ "id", "name" }));
    QCOMPARE(result.records, QList<QStringList> { row({ "1", "Ann\"s" }) });
    QCOMPARE(result.raws, QStringList { u8("1;\"Ann\"\"s\"") });
}

void TestCsvReader::openQuoteCostsOneLineOnly()
{
    // With a small limit and small reads, the reader gives up on the open quote before the
    // end of the data, rejects the line where it opened and reads on.
    std::string text = "id,name\n1,\"never closed\n";
    for (int i = 2; i <= 500; ++i)
        text += std::to_string(i) + ",shopper " + std::to_string(i) + "\n";
    CsvOptions options;
    options.maxRecordBytes = 1024;
    test::TrickleSource source(text, 100);
    const ReadResult result = readAll(source, options);
    QCOMPARE(result.records.size(), 500);
    QCOMPARE(result.errors.at(0), u8("line 2: a quoted field is not closed"));
    QCOMPARE(result.raws.at(0), u8("1,\"never closed"));
    QCOMPARE(result.records.at(1), row({ "2", "shopper 2" }));
    QCOMPARE(result.lines.at(1), qint64(3));
    QCOMPARE(result.records.last(), row({ "500", "shopper 500" }));
    QCOMPARE(result.lines.last(), qint64(501));
    QCOMPARE(result.errors.count(QString()), 499);
}

void TestCsvReader::longQuotedFieldFromSmallReads()
{
    // A product description of 8 MB over 80,000 lines, delivered 4 KB at a time: read whole,
    // in linear time, with the following line numbers still right.
    std::string description;
    for (int i = 0; i < 80000; ++i)
        description += std::string(99, 'a' + i % 26) + "\n";
    test::TrickleSource source("id,description\n1,\"" + description + "\"\n2,short\n", 4096);
    const ReadResult result = readAll(source, {});
    QCOMPARE(result.records.size(), 2);
    QCOMPARE(result.records.at(0).at(1).size(), qsizetype(description.size()));
    QCOMPARE(result.records.at(1), row({ "2", "short" }));
    QCOMPARE(result.lines, (QList<qint64> { 2, 80003 }));
}

void TestCsvReader::overlongLineIsAFileError()
{
    CsvOptions options;
    options.maxRecordBytes = std::size_t(1) << 20;
    test::TrickleSource source("id\n" + std::string(3 << 20, 'x') + "\n", 64 * 1024);
    CsvReader reader(source, options);
    CsvRecord record;
    try {
        reader.next(record);
        QFAIL("a line over the limit must stop the import");
    } catch (const IngestError &error) {
        QCOMPARE(error.kind(), IngestError::Kind::RecordTooLong);
        QCOMPARE(u8(error.what()),
            u8("line 2 is longer than 1 MB. This does not look like a CSV file."));
    }
}

void TestCsvReader::recordsReuseTheirStrings()
{
    // The import job passes the same record to every next(): field strings must keep their
    // buffers instead of being reallocated per row.
    StringSource source("a,b\n" + std::string(100, 'x') + ",y\nshort,z\n");
    CsvReader reader(source);
    CsvRecord record;
    QVERIFY(reader.next(record));
    const char *firstFieldStorage = record.fields.at(0).data();
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields.at(0), std::string("short"));
    QVERIFY(record.fields.at(0).data() == firstFieldStorage);
}

void TestCsvReader::gzipGivesSameRecordsAsPlainFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray content = generatedEvents(20000)
        + QByteArray("99,\"multi\nline\",x,\"a,b\",M\xC3\xBCller,1\r\n100,last,row,,,");

    // Names say the opposite of the content: detection goes by the magic bytes.
    const QString plainPath = dir.filePath(u8("plain.csv.gz"));
    const QString gzipPath = dir.filePath(u8("events.csv"));
    QVERIFY(writeFile(plainPath, content));
    QVERIFY(test::writeGzip(gzipPath, content));

    InputFile plain(toStd(plainPath));
    InputFile gzip(toStd(gzipPath));
    QVERIFY(!plain.isCompressed());
    QVERIFY(gzip.isCompressed());
    QVERIFY(gzip.fileSize() < static_cast<std::uint64_t>(content.size()) / 3);

    const ReadResult fromPlain = readAll(plain, {});
    const ReadResult fromGzip = readAll(gzip, {});
    QCOMPARE(fromPlain.records.size(), 20002);
    QCOMPARE(fromGzip.header, fromPlain.header);
    QCOMPARE(fromGzip.records, fromPlain.records);
    QCOMPARE(fromGzip.lines, fromPlain.lines);
    QCOMPARE(fromGzip.records.at(20000), row({ "99", "multi\nline", "x", "a,b", "Müller", "1" }));
    QCOMPARE(fromGzip.lines.last(), qint64(20004));

    // Progress is measured on the file on disk and reaches its size at the end.
    QCOMPARE(gzip.compressedBytesRead(), gzip.fileSize());
    QCOMPARE(plain.compressedBytesRead(), plain.fileSize());
    QCOMPARE(plain.fileSize(), static_cast<std::uint64_t>(content.size()));
}

void TestCsvReader::concatenatedGzipMembersAreAllRead()
{
    // `cat part1.csv.gz part2.csv.gz > all.csv.gz` is a valid gzip file; gunzip reads both.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(test::writeGzip(dir.filePath(u8("1.gz")), "id,name\n1,Ann\n"));
    QVERIFY(test::writeGzip(dir.filePath(u8("2.gz")), "2,Bob\n"));
    QFile first(dir.filePath(u8("1.gz")));
    QFile second(dir.filePath(u8("2.gz")));
    QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
    const QString joined = dir.filePath(u8("all.csv.gz"));
    QVERIFY(writeFile(joined, first.readAll() + second.readAll()));

    InputFile file(toStd(joined));
    const ReadResult result = readAll(file, {});
    QCOMPARE(result.records, (QList<QStringList> { row({ "1", "Ann" }), row({ "2", "Bob" }) }));
}

void TestCsvReader::inputFileErrors_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<IngestError::Kind>("kind");
    QTest::addColumn<QString>("messageStart");

    QTest::newRow("missing") << u8("missing") << IngestError::Kind::CannotOpen
                             << u8("The file \"%1\" does not exist.");
    QTest::newRow("folder") << u8("folder") << IngestError::Kind::CannotOpen
                            << u8("\"%1\" is a folder, not a file.");
    QTest::newRow("zip-archive") << u8("zip") << IngestError::Kind::UnsupportedFormat
                                 << u8("\"%1\" is a ZIP archive or an Excel workbook");
    QTest::newRow("gzip-cut-off") << u8("truncate") << IngestError::Kind::DamagedCompression
                                  << u8("The compressed file \"%1\" cannot be read: it is cut off");
    QTest::newRow("gzip-scribbled") << u8("scribble") << IngestError::Kind::DamagedCompression
                                    << u8("The compressed file \"%1\" cannot be read: it is "
                                          "damaged");
}

void TestCsvReader::inputFileErrors()
{
    QFETCH(QString, damage);
    QFETCH(IngestError::Kind, kind);
    QFETCH(QString, messageStart);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(u8("events.csv.gz"));
    QVERIFY(test::writeGzip(path, generatedEvents(20000)));
    if (damage == u8("missing")) {
        path = dir.filePath(u8("nowhere.csv"));
    } else if (damage == u8("folder")) {
        path = dir.path();
    } else if (damage == u8("zip")) {
        path = dir.filePath(u8("customers.xlsx"));
        QVERIFY(
            writeFile(path, QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + QByteArray(100, 'x')));
    } else if (damage == u8("truncate")) {
        QFile file(path);
        QVERIFY(file.resize(file.size() / 2));
    } else if (damage == u8("scribble")) {
        clientele::test::scribble(path, 2000, 200);
    }

    try {
        InputFile file(toStd(path));
        CsvReader reader(file);
        CsvRecord record;
        while (reader.next(record)) { }
        QFAIL("the damaged file must be refused");
    } catch (const IngestError &error) {
        QCOMPARE(error.kind(), kind);
        const QString message = u8(error.what());
        QVERIFY2(message.startsWith(messageStart.arg(path)), error.what());
    }
}

void TestCsvReader::readsBigGeneratedFile()
{
    constexpr int kRows = 200000;
    StringSource source(generatedEvents(kRows).toStdString());
    CsvReader reader(source);
    QCOMPARE(reader.header().size(), std::size_t(6));

    CsvRecord record;
    int rows = 0;
    int quotedMugs = 0;
    while (reader.next(record)) {
        QVERIFY2(record.ok(), record.error.c_str());
        if (record.fields.size() != 6)
            QFAIL(record.raw.c_str());
        if (rows == 123456) {
            QCOMPARE(record.line, std::int64_t(123458));
            QCOMPARE(record.fields[0], std::string("123456"));
            QCOMPARE(record.fields[3], std::string("shopper3780@example.com"));
        }
        quotedMugs += record.fields[4] == "Mug, \"large\"";
        ++rows;
    }
    QCOMPARE(rows, kRows);
    QCOMPARE(quotedMugs, (kRows + 6) / 7);
}

void TestCsvReader::readsOnlineRetailFile()
{
    const QString path = sharedDataPath("online-retail/online_retail.csv.gz");
    if (!QFile::exists(path))
        QSKIP(qPrintable(u8("The UCI Online Retail file is not at %1 (set CLIENTELE_SHARED_DATA "
                            "to the shared data folder to run this test).")
                             .arg(path)));

    InputFile file(toStd(path));
    QVERIFY(file.isCompressed());
    CsvReader reader(file);
    QCOMPARE(reader.delimiter(), ',');
    QCOMPARE(fromStd(reader.header()),
        row({ "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
            "CustomerID", "Country" }));

    CsvRecord record;
    std::int64_t rows = 0;
    std::int64_t withoutCustomer = 0;
    std::int64_t withCommaInDescription = 0;
    std::int64_t rowsWithEightFields = 0;
    while (reader.next(record)) {
        ++rows;
        QVERIFY2(record.ok(), record.error.c_str());
        if (record.fields.size() != 8)
            continue;
        ++rowsWithEightFields;
        withoutCustomer += record.fields[6].empty();
        withCommaInDescription += record.fields[2].find(',') != std::string::npos;
    }
    QCOMPARE(rows, std::int64_t(541909));
    QCOMPARE(rowsWithEightFields, rows);
    QCOMPARE(withoutCustomer, std::int64_t(135080));
    QVERIFY(withCommaInDescription > 0);
    QCOMPARE(record.line, std::int64_t(541910));
    QCOMPARE(file.compressedBytesRead(), file.fileSize());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
