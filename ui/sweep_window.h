#pragma once

#include "core/sweep.h"
#include "ui/phase_diagram.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace collapse::ui {

class PhaseDiagramView;
class SweepWorker;

// The sweep window (ui/README.md, "Sweeps"): a base scenario, one or two keys with their values, the
// metric and generation to show; the cells run on a SweepWorker and fill the phase diagram as they
// finish, with a count. Hovering a cell shows its values; clicking it opens the cell's scenario in the
// main window as an ordinary run. Sweeps save and open as sweep.json files and export their figure and
// sweep.csv.
class SweepWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit SweepWindow(QWidget* parent = nullptr);
    ~SweepWindow() override;

    // A new sweep of `base` over the keys the form shows: samples (log) by human_fraction where the model
    // has them. Nothing runs until runSweep().
    void useScenario(const Scenario& base);
    // A sweep preset: its scenario and grid, its title and two sentences; starts it.
    void loadPreset(const std::string& name);
    // Shows `plan` in the form (its metric and boundary as given), and starts it unless `cellRows` holds
    // its results already.
    void showSweep(const SweepPlan& plan, const std::string& metric, std::optional<double> contour,
                   std::vector<std::string> cellRows = {});
    // Opens a sweep file; a sweep.csv beside a sweep.json shows its results without running. A bad file
    // leaves everything as it was; its message goes to `error`, or when that is null to a message box.
    bool openSweepFile(const QString& path, QString* error = nullptr);
    bool saveSweepFile(const QString& path, QString* error = nullptr) const;
    // The figure and sweep.csv of the sweep shown; sweep.csv only once every cell has finished.
    bool exportFigure(const QString& path, QString* error = nullptr) const;
    bool exportData(const QString& path, QString* error = nullptr) const;

    // Reads the form, checks it (a message under the form names what is wrong, and nothing starts) and
    // runs every cell.
    bool runSweep();
    void cancelSweep();
    // Fills the screen, for presenting (View ▸ Full Screen).
    void setFullScreen(bool on);
    // Redraws after a theme or type-size change.
    void refreshStyle();

    const std::optional<SweepPlan>& plan() const { return plan_; }
    const PhaseDiagram* diagram() const { return diagram_.get(); }
    std::size_t finishedCells() const { return finished_; }
    bool isRunning() const { return running_; }
    QString problem() const;
    PhaseDiagramView* view() const { return view_; }

signals:
    // A cell clicked: its scenario, to run in the main window.
    void cellOpened(const collapse::Scenario& scenario);
    // The sweep has finished every cell.
    void sweepCompleted();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildForm();
    void fitFormWidth();
    void buildMenus();
    void fillKeyChoices();
    void fillMetricChoices();
    // The column and generation the form asks for, and the diagram redrawn from the cells' rows.
    std::string chosenColumn() const;
    std::optional<double> chosenContour() const;
    void redrawDiagram();
    void setRunning(bool running);
    void showProblem(const QString& message);

    Scenario base_;
    std::optional<SweepPlan> plan_;
    std::vector<std::string> cellRows_;
    std::size_t finished_ = 0;
    bool running_ = false;
    // The generation is "the last", as the command line's default, rather than a number.
    bool atLast_ = true;
    quint64 request_ = 0;
    std::unique_ptr<PhaseDiagram> diagram_;
    QTimer redrawTimer_;

    SweepWorker* worker_ = nullptr;
    QLabel* note_ = nullptr;
    QLabel* baseLabel_ = nullptr;
    QComboBox* acrossKey_ = nullptr;
    QLineEdit* acrossValues_ = nullptr;
    QComboBox* upKey_ = nullptr;
    QLineEdit* upValues_ = nullptr;
    QComboBox* metric_ = nullptr;
    QComboBox* statistic_ = nullptr;
    QSpinBox* generation_ = nullptr;
    QLineEdit* contour_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* problem_ = nullptr;
    QLabel* hovered_ = nullptr;
    PhaseDiagramView* view_ = nullptr;
    QAction* fullScreen_ = nullptr;
    QScrollArea* formScroll_ = nullptr;
};

// The phase diagram as a widget: hovering shows a cell's values, clicking reports the cell.
class PhaseDiagramView : public QWidget {
    Q_OBJECT

public:
    explicit PhaseDiagramView(QWidget* parent = nullptr);
    void setDiagram(const PhaseDiagram* diagram);
    QSize sizeHint() const override { return {720, 480}; }

signals:
    void cellHovered(const QString& text);
    void cellClicked(std::size_t cell);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    const PhaseDiagram* diagram_ = nullptr;
};

} // namespace collapse::ui
