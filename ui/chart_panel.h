#pragma once

#include <QTimer>
#include <QVector>
#include <QWidget>

class QGridLayout;

namespace collapse::ui {

class MetricChart;
class RunController;

// The metric charts of the model on stage, headline first (stages/stage_registry.h lists them): in one
// column while each keeps a readable height, else two to a row; laid in a row under the stages when the
// window is narrow. While generations stream in, the charts are redrawn one per tick in turn, so that
// the window's thread never spends more than one chart's drawing at a time. A zoom asked of one chart
// is shown by all, so that generation g stays at one x in every chart.
class ChartPanel : public QWidget {
    Q_OBJECT

public:
    explicit ChartPanel(const RunController& runs, QWidget* parent = nullptr);

    const QVector<MetricChart*>& charts() const { return charts_; }

    // The charts of the first side's model, made anew when the model changed or `fresh` (after a theme or
    // type change), reset for a new run.
    void rebuild(bool fresh);
    // Every chart redrawn from what the runs computed so far.
    void refreshAll();
    // Generations arrived: every chart is behind, and they are redrawn in turn.
    void generationsArrived();
    void setCurrentGeneration(int generation);
    // Every chart shows generations [first, last], or all of them again; zoomIn() and zoomOut() narrow
    // or widen the range around the generation on stage, from the keyboard.
    void showGenerations(double first, double last);
    void resetZoom();
    void zoomIn();
    void zoomOut();
    // Beside the stages (a column, or two where a column would make the charts too short), or under them
    // in rows of `belowColumns`.
    void setPlacement(bool below, int belowColumns);
    bool isBelow() const { return below_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrange();
    void align();
    void refreshNext();

    const RunController& runs_;
    QGridLayout* grid_;
    QVector<MetricChart*> charts_;
    const void* chartedModel_ = nullptr;
    int columns_ = 0;
    bool below_ = false;
    int belowColumns_ = 2;
    int currentGeneration_ = 0;
    int nextChart_ = 0;
    int chartsBehind_ = 0;
    QTimer refreshTimer_;
};

} // namespace collapse::ui
