#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace collapse::testing {

// What a program printed and how it ended; exit code -1 when it crashed or did not finish.
struct ProgramResult {
    int exitCode;
    QString stdErr;
    QString stdOut;
};

// Runs `program` to its end (at most 5 minutes) and collects its output.
ProgramResult runProgram(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

} // namespace collapse::testing
