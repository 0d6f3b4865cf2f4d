#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;

namespace collapse::ui {

// Help ▸ About Model Collapse: what early and late collapse are, the three sources of error, what each
// slider does to them, and the papers to read.
class ModelCollapseHelp : public QDialog {
    Q_OBJECT

public:
    explicit ModelCollapseHelp(QWidget* parent = nullptr);
    // The page as HTML, translated.
    static QString html();
};

// Help ▸ Keyboard Shortcuts: every action that has one, with its key, as the actions themselves say.
class KeyboardShortcutsHelp : public QDialog {
    Q_OBJECT

public:
    // Each action with the name of the menu it is in.
    KeyboardShortcutsHelp(const QList<QPair<QString, QAction*>>& actions, QWidget* parent = nullptr);
};

} // namespace collapse::ui
