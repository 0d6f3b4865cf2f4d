#include "ui/file_actions.h"

#include "ui/session.h"
#include "ui/settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace collapse::ui {

FileActions::FileActions(QWidget* window, Session& session, std::function<void(const QString&)> status)
    : QObject(window), window_(window), session_(session), status_(std::move(status))
{
}

bool FileActions::open(const QString& path)
{
    try {
        session_.openFile(path.toStdString());
    } catch (const std::runtime_error& failure) { // ScenarioError, DataError
        QMessageBox::warning(window_, tr("Open Scenario"),
                             tr("The scenario was not opened:\n%1").arg(QString::fromUtf8(failure.what())));
        return false;
    }
    Settings::addRecentScenarioFile(QFileInfo(path).absoluteFilePath());
    status_(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void FileActions::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open Scenario"), Settings::exportFolder(),
                                                      tr("Scenario files (*.json);;All files (*)"));
    if (!path.isEmpty()) {
        open(path);
    }
}

void FileActions::saveDialog()
{
    const QString path = QFileDialog::getSaveFileName(window_, tr("Save Scenario"),
                                                      QDir(Settings::exportFolder()).filePath(QStringLiteral("scenario.json")),
                                                      tr("Scenario files (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        session_.saveFile(path.toStdString());
    } catch (const std::runtime_error& failure) {
        QMessageBox::warning(window_, tr("Save Scenario"), QString::fromUtf8(failure.what()));
        return;
    }
    Settings::addRecentScenarioFile(QFileInfo(path).absoluteFilePath());
    status_(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace collapse::ui
