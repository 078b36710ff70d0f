#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>

namespace clientele::test {

/// SHA-256 of a file's bytes, to prove that a failed open left the file untouched.
QByteArray fileDigest(const QString &path);

/// Overwrites count bytes at offset with a fixed pattern (to simulate damage).
void scribble(const QString &path, qint64 offset, qint64 count);

/// A file of the project's shared reference data (../shared/data relative to the
/// repository, or $CLIENTELE_SHARED_DATA), e.g. "online-retail/online_retail.csv.gz".
QString sharedDataFile(const QString &relative);

/// Writes bytes gzip-compressed to path (zlib), as a compressed export would arrive.
bool writeGzip(const QString &path, const QByteArray &bytes);

/// Runs a program to its end (at most two minutes) and returns its exit code, or -1 when
/// it crashed or did not finish; its standard output and error go to out and err.
int runProgram(const QString &program, const QStringList &arguments, QByteArray *out = nullptr,
    QByteArray *err = nullptr);

/// A QString path as the UTF-8 std::string that core takes.
inline std::string toStd(const QString &path)
{
    return path.toStdString();
}

} // namespace clientele::test
