#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace collapse::ui {

class Session;

// The window's scenario files — File ▸ Open Scenario, Open Recent, Save Scenario, and a file dropped on
// the window — and share codes (File ▸ Share, Open Share Code), from the dialog to the session, with the
// recent list and a message for what went wrong.
class FileActions : public QObject {
    Q_OBJECT

public:
    // `status` shows a passing message (the window's status bar).
    FileActions(QWidget* window, Session& session, std::function<void(const QString&)> status);

    void openDialog();
    void saveDialog();
    // Opens a scenario file, or says why not and keeps what was shown.
    bool open(const QString& path);
    // Shows the share code, link and QR code of what is open.
    void shareDialog();
    // Asks for a share code or link and opens it, or says why not and keeps what was shown.
    void openShareCodeDialog();
    bool openShareCode(const QString& code);

private:
    QWidget* window_;
    Session& session_;
    std::function<void(const QString&)> status_;
};

} // namespace collapse::ui
