#include "TestFiles.h"
#include "TrickleSource.h"

#include "ingest/IngestError.h"
#include "ingest/InputFile.h"
#include "ingest/JsonLinesReader.h"
#include "ingest/TextDecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <algorithm>
#include <string>

using namespace clientele;
using clientele::test::toStd;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

/// What a reader produced: objects as compact JSON text, so QCOMPARE can print them.
struct ReadResult {
    QStringList values;
    QList<qint64> lines;
    QStringList errors;
    QStringList raws;
};

ReadResult readAll(ByteSource &source, std::size_t maxLineBytes)
{
    JsonLinesReader reader(source, maxLineBytes);
    ReadResult result;
    JsonRecord record;
    while (reader.next(record)) {
        result.values << (record.ok() ? QString::fromStdString(record.value.dump()) : QString());
        result.lines << record.line;
        result.errors << QString::fromStdString(record.error);
        result.raws << QString::fromStdString(record.raw);
    }
    return result;
}

ReadResult readAll(
    const QByteArray &bytes, std::size_t maxLineBytes = JsonLinesReader::kDefaultMaxLineBytes)
{
    StringSource source(bytes.toStdString());
    return readAll(source, maxLineBytes);
}

} // namespace

class TestJsonLinesReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsLines_data();
    void readsLines();
    void brokenLineMessageNamesTheProblem();
    void overlongLineIsRejectedAndSkipped();
    void readsGzipFile();
    void readsManyLines();
};

void TestJsonLinesReader::readsLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("valid-objects")
        << QByteArray("{\"email\":\"ann@example.com\",\"n\":1}\n{\"tags\":[\"a\",\"b\"]}\n{}\n")
        << QStringList { u8("{\"email\":\"ann@example.com\",\"n\":1}"),
               u8("{\"tags\":[\"a\",\"b\"]}"), u8("{}") }
        << QList<qint64> { 1, 2, 3 } << QStringList { QString(), QString(), QString() };
    QTest::newRow("blank-lines-skipped")
        << QByteArray("\n{\"a\":1}\n\n   \n\t\r\n{\"a\":2}\n\n")
        << QStringList { u8("{\"a\":1}"), u8("{\"a\":2}") } << QList<qint64> { 2, 6 }
        << QStringList { QString(), QString() };
    QTest::newRow("crlf-and-no-final-newline")
        << QByteArray("{\"a\":1}\r\n{\"a\":2}") << QStringList { u8("{\"a\":1}"), u8("{\"a\":2}") }
        << QList<qint64> { 1, 2 } << QStringList { QString(), QString() };
    QTest::newRow("broken-line-in-the-middle")
        << QByteArray("{\"a\":1}\n{\"a\":\n{\"a\":3}\n")
        << QStringList { u8("{\"a\":1}"), QString(), u8("{\"a\":3}") } << QList<qint64> { 1, 2, 3 }
        << QStringList { QString(),
               u8("line 2: not valid JSON at column 6: syntax error while parsing value - "
                  "unexpected end of input; expected '[', '{', or a literal"),
               QString() };
    QTest::newRow("array-rejected")
        << QByteArray("[1,2]\n{\"a\":1}\n") << QStringList { QString(), u8("{\"a\":1}") }
        << QList<qint64> { 1, 2 }
        << QStringList { u8("line 1: expected a JSON object ({…}) but found an array"), QString() };
    QTest::newRow("number-rejected")
        << QByteArray("42\n") << QStringList { QString() } << QList<qint64> { 1 }
        << QStringList { u8("line 1: expected a JSON object ({…}) but found a number") };
    QTest::newRow("string-rejected")
        << QByteArray("\"hello\"\n") << QStringList { QString() } << QList<qint64> { 1 }
        << QStringList { u8("line 1: expected a JSON object ({…}) but found a string") };
    QTest::newRow("two-objects-on-one-line-rejected")
        << QByteArray("{\"a\":1} {\"a\":2}\n") << QStringList { QString() } << QList<qint64> { 1 }
        << QStringList { u8("line 1: not valid JSON at column 9: syntax error while parsing "
                            "value - unexpected '{'; expected end of input") };
    QTest::newRow("utf8-bom-on-first-line")
        << QByteArray("\xEF\xBB\xBF{\"name\":\"Zo\xC3\xAB\"}\n{\"b\":2}\n")
        << QStringList { u8("{\"name\":\"Zoë\"}"), u8("{\"b\":2}") } << QList<qint64> { 1, 2 }
        << QStringList { QString(), QString() };
    QTest::newRow("invalid-utf8-rejected")
        << QByteArray("{\"name\":\"M\xFCller\"}\n{\"b\":2}\n")
        << QStringList { QString(), u8("{\"b\":2}") } << QList<qint64> { 1, 2 }
        << QStringList { u8("line 1: not valid UTF-8 (JSON Lines files must be UTF-8)"),
               QString() };
}

void TestJsonLinesReader::readsLines()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, values);
    QFETCH(QList<qint64>, lines);
    QFETCH(QStringList, errors);

    for (std::size_t bytesPerRead : { std::size_t(1) << 20, std::size_t(1), std::size_t(5) }) {
        test::TrickleSource source(input.toStdString(), bytesPerRead);
        const ReadResult result = readAll(source, JsonLinesReader::kDefaultMaxLineBytes);
        QCOMPARE(result.errors, errors);
        QCOMPARE(result.values, values);
        QCOMPARE(result.lines, lines);
    }
}

void TestJsonLinesReader::brokenLineMessageNamesTheProblem()
{
    // The reason and the raw text go to the reject log as valid UTF-8, whatever the line held.
    StringSource source("{\"a\":1}\n{\"name\":\"M\xFCller\"}\n[\"M\xFC\"\n");
    JsonLinesReader reader(source);
    JsonRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.raw, std::string("{\"a\":1}"));
    for (const char *expectedRaw : { "{\"name\":\"M\xEF\xBF\xBDller\"}", "[\"M\xEF\xBF\xBD\"" }) {
        QVERIFY(reader.next(record));
        QVERIFY(!record.ok());
        QVERIFY(TextDecoder::isValidUtf8(record.error));
        QCOMPARE(record.raw, std::string(expectedRaw));
        QVERIFY(record.value.is_null());
    }
    QVERIFY(!reader.next(record));
}

void TestJsonLinesReader::overlongLineIsRejectedAndSkipped()
{
    const std::string longLine = "{\"blob\":\"" + std::string(5000, 'x') + "\"}";
    test::TrickleSource source("{\"a\":1}\n" + longLine + "\n{\"a\":3}\n", 512);
    const ReadResult result = readAll(source, 1024);
    QCOMPARE(result.values, (QStringList { u8("{\"a\":1}"), QString(), u8("{\"a\":3}") }));
    QCOMPARE(result.lines, (QList<qint64> { 1, 2, 3 }));
    QVERIFY2(
        result.errors.at(1).startsWith(u8("line 2: longer than")), qPrintable(result.errors.at(1)));
}

void TestJsonLinesReader::readsGzipFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray content;
    for (int i = 1; i <= 5000; ++i)
        content += "{\"id\":" + QByteArray::number(i) + ",\"type\":\"product_viewed\"}\n";
    content += "not json\n{\"id\":5001}";
    const QString path = dir.filePath(u8("events.jsonl.gz"));
    QVERIFY(test::writeGzip(path, content));

    InputFile file(toStd(path));
    QVERIFY(file.isCompressed());
    const ReadResult fromGzip = readAll(file, JsonLinesReader::kDefaultMaxLineBytes);
    const ReadResult fromMemory = readAll(content);
    QCOMPARE(fromGzip.values.size(), 5002);
    QCOMPARE(fromGzip.values, fromMemory.values);
    QCOMPARE(fromGzip.errors, fromMemory.errors);
    QCOMPARE(fromGzip.errors.count(QString()), 5001);
    QVERIFY(fromGzip.errors.at(5000).startsWith(u8("line 5,001: not valid JSON")));
    QCOMPARE(fromGzip.values.last(), u8("{\"id\":5001}"));
    QCOMPARE(file.compressedBytesRead(), file.fileSize());
}

void TestJsonLinesReader::readsManyLines()
{
    std::string content;
    for (int i = 0; i < 100000; ++i)
        content += "{\"id\":" + std::to_string(i) + ",\"email\":\"s" + std::to_string(i % 997)
            + "@example.com\"}\n";
    StringSource source(std::move(content));
    JsonLinesReader reader(source);
    JsonRecord record;
    int count = 0;
    while (reader.next(record)) {
        QVERIFY2(record.ok(), record.error.c_str());
        if (count == 54321) {
            QCOMPARE(record.value.at("id").get<int>(), 54321);
            QCOMPARE(record.line, std::int64_t(54322));
        }
        ++count;
    }
    QCOMPARE(count, 100000);
}

QTEST_GUILESS_MAIN(TestJsonLinesReader)
#include "test_jsonl_reader.moc"
