#include "ui/settings.h"

#include <QDir>
#include <QSettings>

namespace collapse::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kScenario = QStringLiteral("session/lastScenario");
const QString kSpeed = QStringLiteral("playback/speed");
const QString kExportFolder = QStringLiteral("export/folder");
const QString kRecent = QStringLiteral("session/recentScenarioFiles");
const QString kTheme = QStringLiteral("view/theme");
const QString kPresenterScreen = QStringLiteral("view/presenterScreen");
} // namespace

QByteArray Settings::windowGeometry() { return QSettings().value(kGeometry).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray& geometry) { QSettings().setValue(kGeometry, geometry); }
QByteArray Settings::windowState() { return QSettings().value(kState).toByteArray(); }
void Settings::setWindowState(const QByteArray& state) { QSettings().setValue(kState, state); }
QByteArray Settings::splitterState() { return QSettings().value(kSplitter).toByteArray(); }
void Settings::setSplitterState(const QByteArray& state) { QSettings().setValue(kSplitter, state); }
QString Settings::lastScenario() { return QSettings().value(kScenario).toString(); }
void Settings::setLastScenario(const QString& json) { QSettings().setValue(kScenario, json); }
int Settings::playbackSpeed() { return QSettings().value(kSpeed, 1).toInt(); }
void Settings::setPlaybackSpeed(int speed) { QSettings().setValue(kSpeed, speed); }
QVariant Settings::exportChoice(const QString& name, const QVariant& fallback)
{
    return QSettings().value(QStringLiteral("export/") + name, fallback);
}
void Settings::setExportChoice(const QString& name, const QVariant& value)
{
    QSettings().setValue(QStringLiteral("export/") + name, value);
}
QString Settings::exportFolder() { return QSettings().value(kExportFolder, QDir::homePath()).toString(); }
void Settings::setExportFolder(const QString& folder) { QSettings().setValue(kExportFolder, folder); }
QStringList Settings::recentScenarioFiles() { return QSettings().value(kRecent).toStringList(); }
void Settings::addRecentScenarioFile(const QString& path)
{
    QStringList files = recentScenarioFiles();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(kRecent, files.mid(0, kRecentFiles));
}
int Settings::theme() { return QSettings().value(kTheme, 0).toInt(); }
void Settings::setTheme(int theme) { QSettings().setValue(kTheme, theme); }
QString Settings::presenterScreen() { return QSettings().value(kPresenterScreen).toString(); }
void Settings::setPresenterScreen(const QString& name) { QSettings().setValue(kPresenterScreen, name); }

} // namespace collapse::ui
