#include "ui/file_actions.h"

#include "core/share_code.h"
#include "ui/session.h"
#include "ui/settings.h"
#include "ui/share_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
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

void FileActions::shareDialog()
{
    std::string code;
    try {
        code = shareCode(session_.sideScenarios());
    } catch (const ScenarioError& failure) {
        QMessageBox::warning(window_, tr("Share"), QString::fromUtf8(failure.what()));
        return;
    }
    ShareDialog dialog(QString::fromStdString(code), window_);
    dialog.exec();
}

void FileActions::openShareCodeDialog()
{
    bool accepted = false;
    const QString code = QInputDialog::getText(window_, tr("Open Share Code"),
                                               tr("A share code (cl1-…) or a collapselab:// link:"), QLineEdit::Normal,
                                               QString(), &accepted);
    if (accepted && !code.trimmed().isEmpty()) {
        openShareCode(code);
    }
}

bool FileActions::openShareCode(const QString& code)
{
    try {
        session_.openShareCode(code.toStdString());
    } catch (const std::exception& failure) { // ScenarioError, DataError; a code is anyone's input
        QMessageBox::warning(window_, tr("Open Share Code"),
                             tr("The share code was not opened:\n%1").arg(QString::fromUtf8(failure.what())));
        return false;
    }
    status_(tr("Opened the shared scenario"));
    return true;
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
