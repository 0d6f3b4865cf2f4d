#pragma once

#include <QByteArray>
#include <QString>

namespace collapse::testing {

// The whole file; empty when it cannot be read.
QByteArray fileContents(const QString& path);

} // namespace collapse::testing
