#pragma once

#include "ui/stage_view.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace collapse::ui {

class LegendStrip;
class RunController;

// The middle of the window: each side's stage, side by side in compare mode with one legend above them,
// and under them the "what you are seeing" narration of the generation on stage. Stages come from the
// stage registry (stages/stage_registry.h); a stage is made anew only when its kind changes.
class StageArea : public QWidget {
    Q_OBJECT

public:
    explicit StageArea(const RunController& runs, QWidget* parent = nullptr);
    ~StageArea() override;

    // One column per side, after the number of sides changed.
    void matchSides();
    // Each side's stage made or refreshed for its scenario (`fresh`: made anew, after a theme or type
    // change), showing `shown` (negative: nothing computed yet).
    void rebuild(bool fresh, int shown);
    // Every side's stage at `generation`, and the narration of where its chain stands.
    void showGeneration(int generation);
    // Puts `widget` under the stages and the narration, taking two fifths of the height (the charts on a
    // window too narrow to have them beside the stages).
    void placeBelow(QWidget* widget);
    // The stage of one side.
    StageView* stage(int side) const;
    // The narration's type and colours, after a theme or type change.
    void refreshStyle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The picture of one side: a column holding its stage.
    struct SideView {
        QWidget* column = nullptr;
        std::unique_ptr<StageView> stage;
        QString kind;
    };

    void fitNarration();

    const RunController& runs_;
    QVBoxLayout* layout_;
    QHBoxLayout* stageRow_;
    LegendStrip* legendStrip_;
    QLabel* narration_;
    std::vector<std::unique_ptr<SideView>> views_;
    // What the narration says of the generation on stage, in full and briefly (fitNarration picks).
    QString narrationText_;
    QString briefNarrationText_;
};

} // namespace collapse::ui
