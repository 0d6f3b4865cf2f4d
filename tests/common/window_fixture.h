#pragma once

#include "ui/chart_panel.h"
#include "ui/main_window.h"
#include "ui/parameter_panel.h"
#include "ui/session.h"
#include "ui/stage_area.h"
#include "ui/transport_bar.h"

#include <QLabel>
#include <QTest>

namespace collapse::testing {

// A session and the window that shows it, made as the program makes them (app/gui_main.cpp). Tests talk
// to the session, and find the window's parts as a user sees them. The window goes before its session.
struct WindowFixture {
    WindowFixture() : window(session) {}
    // Opens `scenario` and shows the window at `size` (invalid: the size it chooses).
    explicit WindowFixture(const Scenario& scenario, QSize size = QSize(1600, 900)) : window(session)
    {
        session.open(scenario);
        if (size.isValid()) {
            window.resize(size);
        }
        window.show();
    }

    ui::StageView* stage(int side = 0) const { return window.findChild<ui::StageArea*>()->stage(side); }
    ui::ParameterPanel* panel() const { return window.findChild<ui::ParameterPanel*>(); }
    ui::TransportBar* transport() const { return window.findChild<ui::TransportBar*>(); }
    QLabel* narration() const { return window.findChild<QLabel*>(QStringLiteral("narration")); }
    QLabel* presetNote() const { return window.findChild<QLabel*>(QStringLiteral("presetNote")); }
    const QVector<ui::MetricChart*>& charts() const { return window.findChild<ui::ChartPanel*>()->charts(); }
    bool waitForCompletedRun(int timeoutMs = 60000) const
    {
        return QTest::qWaitFor([this] { return session.runs().isComplete(); }, timeoutMs);
    }

    ui::Session session;
    ui::MainWindow window;
};

} // namespace collapse::testing
