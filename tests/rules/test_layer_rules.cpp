#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

/// A source file split into what the compiler reads as code and its string literals.
struct Lexed {
    QString code; ///< comments and string literals replaced by spaces (lines kept)
    QList<QPair<int, QString>> literals; ///< (line, text); adjacent literals joined
};

/**
 * Splits C++ source into code and string literals, dropping comments: enough C++ to tell
 * `Transaction transaction(db);` from a comment that mentions transactions, and SQL in a
 * string from a word in a sentence. Raw strings (R, quote, delimiter, parenthesis) and
 * character literals are
 * understood; adjacent literals ("SELECT a " "FROM b") are joined, as the compiler does.
 */
Lexed lex(const QString &source)
{
    Lexed result;
    int line = 1;
    int i = 0;
    const int size = static_cast<int>(source.size());
    QString pending; // the literal being joined
    int pendingLine = 0;
    bool joinable = false; // only white space since the last literal
    const auto flush = [&] {
        if (pendingLine != 0)
            result.literals.append({ pendingLine, pending });
        pending.clear();
        pendingLine = 0;
        joinable = false;
    };
    const auto blank = [&](QChar c) {
        if (c == QLatin1Char('\n')) {
            ++line;
            result.code += c;
        } else {
            result.code += QLatin1Char(' ');
        }
    };
    while (i < size) {
        const QChar c = source[i];
        const QChar next = i + 1 < size ? source[i + 1] : QChar();
        if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            while (i < size && source[i] != QLatin1Char('\n'))
                blank(source[i++]);
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            blank(source[i++]);
            blank(source[i++]);
            while (i < size
                && !(source[i] == QLatin1Char('*') && i + 1 < size
                    && source[i + 1] == QLatin1Char('/')))
                blank(source[i++]);
            for (int k = 0; k < 2 && i < size; ++k)
                blank(source[i++]);
            continue;
        }
        const bool raw = c == QLatin1Char('R') && next == QLatin1Char('"')
            && (i == 0 || !(source[i - 1].isLetterOrNumber() || source[i - 1] == QLatin1Char('_')));
        if (c == QLatin1Char('"') || raw) {
            if (!joinable)
                flush();
            if (pendingLine == 0)
                pendingLine = line;
            QString text;
            if (raw) {
                const int open = static_cast<int>(source.indexOf(QLatin1Char('('), i + 2));
                const QString delimiter = source.mid(i + 2, open - i - 2);
                const QString close = QLatin1Char(')') + delimiter + QLatin1Char('"');
                const int end = static_cast<int>(source.indexOf(close, open));
                const int stop = end < 0 ? size : end + static_cast<int>(close.size());
                text = source.mid(open + 1, (end < 0 ? size : end) - open - 1);
                while (i < stop)
                    blank(source[i++]);
            } else {
                blank(source[i++]);
                while (
                    i < size && source[i] != QLatin1Char('"') && source[i] != QLatin1Char('\n')) {
                    if (source[i] == QLatin1Char('\\') && i + 1 < size) {
                        text += source[i + 1];
                        blank(source[i++]);
                    } else {
                        text += source[i];
                    }
                    blank(source[i++]);
                }
                if (i < size)
                    blank(source[i++]);
            }
            pending += text;
            joinable = true;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            // A character literal (or a digit separator: 1'000, which has no closing quote
            // before the next non-digit; treated alike, it only blanks a few characters).
            blank(source[i++]);
            while (i < size && source[i] != QLatin1Char('\'') && source[i] != QLatin1Char('\n')) {
                if (source[i] == QLatin1Char('\\'))
                    blank(source[i++]);
                if (i < size)
                    blank(source[i++]);
            }
            if (i < size && source[i] == QLatin1Char('\''))
                blank(source[i++]);
            continue;
        }
        if (!c.isSpace())
            flush();
        result.code += c;
        if (c == QLatin1Char('\n'))
            ++line;
        ++i;
    }
    flush();
    return result;
}

/// A transaction opened outside core: core decides what is atomic.
const QRegularExpression &transactionUse()
{
    static const QRegularExpression expression(
        QStringLiteral("\\b(Transaction|TransactionUnlessOpen|Savepoint)\\b"));
    return expression;
}

/// SQL as this code base writes it (keywords in capitals) in a string literal.
const QRegularExpression &sqlText()
{
    static const QRegularExpression expression(
        QStringLiteral("\\b(SELECT\\b.*\\bFROM|INSERT\\s+(OR\\s+[A-Z]+\\s+)?INTO|UPDATE\\s+\\w+\\s+"
                       "SET|DELETE\\s+FROM|"
                       "CREATE\\s+(TEMP\\s+|TEMPORARY\\s+|UNIQUE\\s+)?(TABLE|INDEX|TRIGGER|VIEW)|"
                       "DROP\\s+(TABLE|INDEX|TRIGGER)|"
                       "PRAGMA\\s+\\w+|BEGIN\\s+(IMMEDIATE|DEFERRED|EXCLUSIVE|TRANSACTION)|"
                       "ATTACH\\s+DATABASE)\\b"));
    return expression;
}

/// An include of a Qt header (QString, QtCore/…).
const QRegularExpression &qtInclude()
{
    static const QRegularExpression expression(
        QStringLiteral("^\\s*#\\s*include\\s*[<\"](Q[A-Z]\\w*|Qt\\w*/[^>\"]*|Qt[A-Z]\\w*)[>\"]"),
        QRegularExpression::MultilineOption);
    return expression;
}

/// What breaks the rules in one file of ui/ or app/, as "file:line: what".
QStringList uiOrAppProblems(const QString &name, const QString &source)
{
    QStringList problems;
    const Lexed lexed = lex(source);
    auto match = transactionUse().globalMatch(lexed.code);
    while (match.hasNext()) {
        const auto found = match.next();
        const int line
            = static_cast<int>(lexed.code.left(found.capturedStart()).count(QLatin1Char('\n'))) + 1;
        problems << QStringLiteral("%1:%2: opens a transaction (%3); ask core for one operation")
                        .arg(name)
                        .arg(line)
                        .arg(found.captured(1));
    }
    for (const auto &[line, text] : lexed.literals) {
        const auto found = sqlText().match(text);
        if (found.hasMatch())
            problems << QStringLiteral("%1:%2: SQL text (%3); SQL lives in core")
                            .arg(name)
                            .arg(line)
                            .arg(found.captured(0).left(40));
    }
    return problems;
}

/// What breaks the rules in one file of core/.
QStringList coreProblems(const QString &name, const QString &source)
{
    QStringList problems;
    auto match = qtInclude().globalMatch(source);
    while (match.hasNext()) {
        const auto found = match.next();
        const int line
            = static_cast<int>(source.left(found.capturedStart()).count(QLatin1Char('\n'))) + 1;
        problems << QStringLiteral("%1:%2: includes the Qt header %3; core has no Qt")
                        .arg(name)
                        .arg(line)
                        .arg(found.captured(1));
    }
    return problems;
}

QStringList sourcesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(QStringLiteral(CLIENTELE_SOURCE_DIR "/") + folder,
        { QStringLiteral("*.h"), QStringLiteral("*.cpp") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString relative(const QString &path)
{
    return path.mid(static_cast<int>(QStringLiteral(CLIENTELE_SOURCE_DIR "/").size()));
}

} // namespace

/**
 * The layering rules of docs/architecture.md, checked on the source tree so CI keeps them:
 * ui/ and app/ open no transaction and hold no SQL (a page or a command asks core for one
 * operation), and core/ includes no Qt header and links no Qt.
 */
class TestLayerRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkerSeesViolations_data();
    void checkerSeesViolations();
    void uiAndAppOpenNoTransactionAndHoldNoSql();
    void coreHasNoQt();
};

void TestLayerRules::checkerSeesViolations_data()
{
    QTest::addColumn<QString>("layer");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("problems");

    const auto row = [](const char *name, const char *layer, const char *source, int problems) {
        QTest::newRow(name) << QString::fromUtf8(layer) << QString::fromUtf8(source) << problems;
    };
    row("transaction", "ui", "void f(Database &db) {\n    Transaction transaction(db);\n}\n", 1);
    row("transaction-unless-open", "app", "TransactionUnlessOpen t(db);\n", 1);
    row("transaction-in-a-comment", "ui",
        "// one Transaction, as core opens it\n/* Transaction */\n", 0);
    row("transaction-in-text", "ui", "tr(\"The Transaction failed\");\n", 0);
    row("select", "ui", "db.queryInt(\"SELECT count(*) FROM profiles\");\n", 1);
    row("select-over-two-literals", "app",
        "db.prepare(\"SELECT id, name \"\n           \"FROM segments\");\n", 1);
    row("insert", "ui", "db.exec(\"INSERT OR REPLACE INTO meta VALUES (1)\");\n", 1);
    row("update", "ui", "const char *sql = \"UPDATE journeys SET active = 0\";\n", 1);
    row("delete", "app", "db.exec(\"DELETE FROM outbox\");\n", 1);
    row("raw-string", "ui", "auto s = R\"(DELETE FROM outbox)\";\n", 1);
    row("sentence", "ui", "tr(\"Select the shoppers from a segment, then update the list.\");\n",
        0);
    row("word-in-capitals", "ui", "tr(\"SELECT\");\n", 0);
    row("qt-in-core", "core", "#include <QString>\n#include \"Foo.h\"\n", 1);
    row("qt-module-in-core", "core", "#include <QtCore/QObject>\n", 1);
    row("std-in-core", "core", "#include <queue>\n#include \"Query.h\"\n", 0);
}

void TestLayerRules::checkerSeesViolations()
{
    QFETCH(QString, layer);
    QFETCH(QString, source);
    QFETCH(int, problems);
    const QStringList found = layer == QLatin1String("core")
        ? coreProblems(QStringLiteral("x.cpp"), source)
        : uiOrAppProblems(QStringLiteral("x.cpp"), source);
    QVERIFY2(found.size() == problems, qPrintable(found.join(QLatin1Char('\n'))));
}

void TestLayerRules::uiAndAppOpenNoTransactionAndHoldNoSql()
{
    QStringList files = sourcesUnder(QStringLiteral("ui")) + sourcesUnder(QStringLiteral("app"));
    QVERIFY(files.size() > 50);
    QStringList problems;
    for (const QString &file : files)
        problems << uiOrAppProblems(relative(file), read(file));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestLayerRules::coreHasNoQt()
{
    const QStringList files = sourcesUnder(QStringLiteral("core"));
    QVERIFY(files.size() > 50);
    QStringList problems;
    for (const QString &file : files)
        problems << coreProblems(relative(file), read(file));
    // Nor does its target link Qt.
    const QString cmake = read(QStringLiteral(CLIENTELE_SOURCE_DIR "/core/CMakeLists.txt"));
    QVERIFY(!cmake.isEmpty());
    if (cmake.contains(QRegularExpression(QStringLiteral("\\bQt[56]?::"))))
        problems << QStringLiteral("core/CMakeLists.txt links Qt");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLayerRules)
#include "test_layer_rules.moc"
