#pragma once

#include "core/lesson.h"
#include "ui/run_controller.h"
#include "ui/stage_view.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace collapse::ui {

class LegendStrip;

// The middle of the window: each side's stage, side by side in compare mode with one legend above them,
// and under them the "what you are seeing" narration of the generation on stage. Stages come from the
// stage registry (stages/stage_registry.h); a stage is made anew only when its kind changes.
class StageArea : public QWidget {
    Q_OBJECT

public:
    explicit StageArea(const RunController& runs, QWidget* parent = nullptr);
    ~StageArea() override;

    // What each side's stage shows: the chain on stage; generation 0 of that chain beside the generation
    // on stage ("then and now"); or nine chains at once, small, the chain on stage in the middle, so that
    // a class sees collapse is the rule and not one unlucky chain (RunController::setManyChains carries
    // the others).
    using Layout = StageLayout;
    // Takes effect at the next rebuild().
    void setLayout(Layout layout) { layout_ = layout; }
    Layout layout() const { return layout_; }
    // The stages of one side in the order they sit, row by row: the chain on stage alone; generation 0
    // then the generation on stage; or every chain of the many-chains view.
    std::vector<StageView*> stagesOf(int side) const;
    // How many stages of full width stand side by side across all the sides (then and now: two a side;
    // the many chains' grid fills its side's column).
    int stagesInARow() const;

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
    // The picture of one side: a column holding its stage, and in the other layouts the stages beside
    // it: generation 0, or the chains drawn small with the chain of each (RunHistory::moreChains()).
    struct SideView {
        QWidget* column = nullptr;
        std::unique_ptr<StageView> stage;
        std::vector<std::unique_ptr<StageView>> besides;
        QString kind;
        Layout layout = Layout::OneChain;
        // The snapshot of generation 0 the "then" stage shows, so that it is drawn once a run.
        SnapshotPointer thenShown;
    };

    void fitNarration();
    // The side's stages in the order they sit, row by row.
    std::vector<StageView*> ordered(const SideView& view) const;
    // Places the side's stages in its column: two in a row, or a square grid.
    void arrange(SideView& view) const;
    // Each of the side's stages at `generation`.
    void showStages(SideView& view, const RunController::Side& side, int generation) const;

    const RunController& runs_;
    Layout layout_ = Layout::OneChain;
    QVBoxLayout* areaLayout_;
    QHBoxLayout* stageRow_;
    LegendStrip* legendStrip_;
    QLabel* narration_;
    std::vector<std::unique_ptr<SideView>> views_;
    // What the narration says of the generation on stage, in full and briefly (fitNarration picks).
    QString narrationText_;
    QString briefNarrationText_;
};

} // namespace collapse::ui
