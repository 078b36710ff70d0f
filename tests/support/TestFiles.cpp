#include "TestFiles.h"

#include <QCryptographicHash>
#include <QFile>

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

void scribble(const QString &path, qint64 offset, qint64 count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return;
    file.seek(offset);
    file.write(QByteArray(static_cast<int>(count), '\x5a'));
}

} // namespace clientele::test
