#include "tests/common/files.h"

#include <QFile>

namespace collapse::testing {

QByteArray fileContents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace collapse::testing
