#include "TestFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <zlib.h>

namespace clientele::test {

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QString sharedDataFile(const QString &relative)
{
    const QByteArray overridden = qgetenv("CLIENTELE_SHARED_DATA");
    const QString folder = overridden.isEmpty()
        ? QString::fromUtf8(CLIENTELE_SOURCE_DIR) + QStringLiteral("/../shared/data")
        : QString::fromLocal8Bit(overridden);
    return QDir::cleanPath(folder + QLatin1Char('/') + relative);
}

bool writeGzip(const QString &path, const QByteArray &bytes)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!file)
        return false;
    const bool written = bytes.isEmpty()
        || gzwrite(file, bytes.constData(), static_cast<unsigned>(bytes.size())) == bytes.size();
    return gzclose(file) == Z_OK && written;
}

void scribble(const QString &path, qint64 offset, qint64 count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return;
    file.seek(offset);
    file.write(QByteArray(static_cast<int>(count), '\x5a'));
}

int runProgram(
    const QString &program, const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120'000))
        return -1;
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace clientele::test
