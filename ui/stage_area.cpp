#include "ui/stage_area.h"

#include "ui/label_fitting.h"
#include "ui/legend_strip.h"
#include "ui/narration.h"
#include "ui/plot_painting.h"
#include "ui/stages/stage_registry.h"
#include "ui/theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

#include <cmath>

namespace collapse::ui {

namespace {

// Where the chain on stage goes among `others` drawn small: the middle of three by three (of eight or
// nine chains), and of any grid near the middle.
std::size_t middleOf(std::size_t others)
{
    return (others + 1) / 2;
}

// Nine stages a side, two sides, fit a 1024×768 screen beside the panel and the charts; then and now
// of two sides, four stages in a row, fit it with the charts below.
constexpr QSize kSmallStageMinimum(100, 100);
constexpr QSize kPairedStageMinimum(240, 180);

} // namespace

StageArea::StageArea(const RunController& runs, QWidget* parent)
    : QWidget(parent), runs_(runs), areaLayout_(new QVBoxLayout(this)), stageRow_(new QHBoxLayout),
      legendStrip_(new LegendStrip), narration_(new QLabel)
{
    areaLayout_->setContentsMargins(0, 0, 0, 0);
    legendStrip_->hide();
    areaLayout_->addWidget(legendStrip_);
    areaLayout_->addLayout(stageRow_, 1);
    narration_->setObjectName(QStringLiteral("narration"));
    narration_->setWordWrap(true);
    narration_->setContentsMargins(12, 6, 12, 6);
    narration_->setAccessibleName(tr("What you are seeing"));
    narration_->installEventFilter(this);
    areaLayout_->addWidget(narration_);
}

StageArea::~StageArea() = default;

void StageArea::matchSides()
{
    while (static_cast<int>(views_.size()) > runs_.sideCount()) {
        // The stages are children of their column but owned by the view: they go first.
        views_.back()->stage.reset();
        views_.back()->besides.clear();
        delete views_.back()->column;
        views_.pop_back();
    }
    while (static_cast<int>(views_.size()) < runs_.sideCount()) {
        auto view = std::make_unique<SideView>();
        view->column = new QWidget;
        auto* columnLayout = new QGridLayout(view->column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(4);
        stageRow_->addWidget(view->column, 1);
        views_.push_back(std::move(view));
    }
}

void StageArea::rebuild(bool fresh, int shown)
{
    const bool twoSides = runs_.sideCount() > 1;
    // Every heading on stage, so that all of them take the type the longest needs.
    std::vector<QStringList> captions(static_cast<std::size_t>(runs_.sideCount()));
    QStringList captionsOnStage;
    for (int i = 0; i < runs_.sideCount(); ++i) {
        const RunController::Side& side = runs_.side(i);
        QStringList& sideCaptions = captions[static_cast<std::size_t>(i)];
        if (layout_ == Layout::ManyChains && side.scenario.replicates > 1) {
            std::vector<int> chains = runs_.moreChainsOf(side.scenario);
            const int shownChain = std::min(runs_.shownChain(), side.scenario.replicates - 1);
            chains.insert(chains.begin() + static_cast<std::ptrdiff_t>(middleOf(chains.size())), shownChain);
            for (const int chain : chains) {
                const QString name = tr("chain %1").arg(chain + 1);
                sideCaptions.append(twoSides ? side.label + QStringLiteral(" · ") + name : name);
            }
        } else {
            sideCaptions.append(twoSides ? side.label : QString());
            if (layout_ == Layout::ThenAndNow) {
                sideCaptions.prepend(sideCaptions.front());
            }
        }
        if (twoSides || layout_ == Layout::ManyChains) {
            captionsOnStage.append(sideCaptions);
        }
    }
    bool oneStage = !twoSides;
    for (int i = 0; i < runs_.sideCount(); ++i) {
        SideView& view = *views_[static_cast<std::size_t>(i)];
        const RunController::Side& side = runs_.side(i);
        const StageEntry& entry = stageEntryFor(side.scenario);
        const QString kind = QString::fromUtf8(entry.model.data(), static_cast<qsizetype>(entry.model.size())) +
                             QLatin1Char('/') + entry.kind(side.scenario);
        const auto besides = static_cast<std::size_t>(captions[static_cast<std::size_t>(i)].size() - 1);
        if (fresh || !view.stage || kind != view.kind || view.layout != layout_ || view.besides.size() != besides) {
            view.stage = entry.make(side.scenario);
            view.besides.clear();
            for (std::size_t k = 0; k < besides; ++k) {
                view.besides.push_back(entry.make(side.scenario));
            }
            view.kind = kind;
            view.layout = layout_;
            arrange(view);
        }
        view.thenShown.reset();
        oneStage = oneStage && view.besides.empty();
        const std::vector<StageView*> stages = ordered(view);
        for (std::size_t k = 0; k < stages.size(); ++k) {
            StageView& stage = *stages[k];
            stage.setScenario(side.scenario);
            const bool small = layout_ == Layout::ManyChains && stages.size() > 1;
            stage.setSmallMultiple(small);
            if (small) {
                stage.setMinimumSize(kSmallStageMinimum);
            } else if (stages.size() > 1 && twoSides) {
                stage.setMinimumSize(kPairedStageMinimum);
            }
            stage.setHeading({.caption = captions[static_cast<std::size_t>(i)][static_cast<qsizetype>(k)],
                              .captionsOnStage = captionsOnStage,
                              .lastGeneration = side.scenario.generations - 1});
        }
        if (shown >= 0 && shown < side.history.size()) {
            showStages(view, side, shown);
        }
    }
    // Stages side by side share one legend above them.
    for (const auto& view : views_) {
        for (StageView* stage : ordered(*view)) {
            stage->setLegendShown(oneStage);
        }
    }
    legendStrip_->setEntries(views_.front()->stage->legendEntries());
    legendStrip_->setVisible(!oneStage);
    if (shown < 0) {
        narrationText_ = briefNarrationText_ = tr("Computing the first generation…");
        fitNarration();
    }
}

std::vector<StageView*> StageArea::ordered(const SideView& view) const
{
    std::vector<StageView*> stages;
    for (const auto& beside : view.besides) {
        stages.push_back(beside.get());
    }
    // The chain on stage in the middle of the many, and on the right of then and now.
    const std::size_t middle = view.layout == Layout::ThenAndNow ? 1 : middleOf(stages.size());
    stages.insert(stages.begin() + static_cast<std::ptrdiff_t>(middle), view.stage.get());
    return stages;
}

void StageArea::arrange(SideView& view) const
{
    auto* grid = static_cast<QGridLayout*>(view.column->layout());
    const std::vector<StageView*> stages = ordered(view);
    const int count = static_cast<int>(stages.size());
    const int columns = view.layout == Layout::ThenAndNow ? count : static_cast<int>(std::ceil(std::sqrt(count)));
    const int rows = (count + columns - 1) / columns;
    for (int k = 0; k < count; ++k) {
        grid->addWidget(stages[static_cast<std::size_t>(k)], k / columns, k % columns);
    }
    // A grid keeps the stretch of rows and columns it had before; those now empty take no room.
    for (int row = 0; row < std::max(rows, grid->rowCount()); ++row) {
        grid->setRowStretch(row, row < rows ? 1 : 0);
    }
    for (int column = 0; column < std::max(columns, grid->columnCount()); ++column) {
        grid->setColumnStretch(column, column < columns ? 1 : 0);
    }
}

void StageArea::showStages(SideView& view, const RunController::Side& side, int generation) const
{
    view.stage->showGeneration(side.history, generation);
    if (view.layout == Layout::ThenAndNow) {
        // Generation 0 stays as it is for the whole run: drawn again only when the run is another.
        if (view.thenShown != side.history.at(0)) {
            view.besides.front()->showGeneration(side.history, 0);
            view.thenShown = side.history.at(0);
        }
        return;
    }
    const std::vector<RunHistory>& chains = side.history.moreChains();
    for (std::size_t k = 0; k < view.besides.size(); ++k) {
        // The chains drawn small arrive with the run that carries them; until then they wait.
        if (k < chains.size() && generation < chains[k].size()) {
            view.besides[k]->showGeneration(chains[k], generation);
        } else {
            view.besides[k]->clearGeneration();
        }
    }
}

int StageArea::stagesInARow() const
{
    int columns = 0;
    for (const auto& view : views_) {
        // The many chains' grid shares its side's width, however many it holds.
        columns += view->layout == Layout::ThenAndNow ? static_cast<int>(view->besides.size()) + 1 : 1;
    }
    return columns;
}

std::vector<StageView*> StageArea::stagesOf(int side) const
{
    return ordered(*views_[static_cast<std::size_t>(side)]);
}

void StageArea::showGeneration(int generation)
{
    QStringList lines;
    QStringList briefLines;
    for (int i = 0; i < runs_.sideCount(); ++i) {
        const RunController::Side& side = runs_.side(i);
        showStages(*views_[static_cast<std::size_t>(i)], side, generation);
        const QString brief = narrateShownChainBriefly(side.history, generation).toHtmlEscaped();
        if (runs_.sideCount() > 1) {
            lines.append(QStringLiteral("<b>%1:</b> %2").arg(side.label.toHtmlEscaped(), brief));
        } else {
            lines.append(narrateShownChain(side.history, generation).toHtmlEscaped());
            briefLines.append(brief);
        }
    }
    narrationText_ = lines.join(QStringLiteral("<br>"));
    briefNarrationText_ = briefLines.isEmpty() ? narrationText_ : briefLines.join(QStringLiteral("<br>"));
    fitNarration();
}

void StageArea::placeBelow(QWidget* widget)
{
    areaLayout_->addWidget(widget, 2);
    areaLayout_->setStretchFactor(stageRow_, 3);
}

StageView* StageArea::stage(int side) const
{
    return views_[static_cast<std::size_t>(side)]->stage.get();
}

void StageArea::refreshStyle()
{
    narration_->setFont(scaledFont(sizes::narrationPoint));
    // A tinted box with a blue edge: what is happening (the preset's note above has an orange one).
    narration_->setStyleSheet(QStringLiteral("background: %1; color: %2; border-left: 6px solid %3;")
                                  .arg(colours::panel.name(), colours::text.name(), colours::model.name()));
}

bool StageArea::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == narration_ && event->type() == QEvent::Resize) {
        fitNarration();
    }
    return QWidget::eventFilter(watched, event);
}

void StageArea::fitNarration()
{
    // Two sides speak briefly, a line or two each, in smaller type that leaves their stages more room.
    const bool twoSides = runs_.sideCount() > 1;
    const int largest = twoSides ? sizes::narrationPoint - 4 : sizes::narrationPoint;
    const auto fits = [&](const QString& text) {
        narration_->setText(text);
        return fitLabel(narration_, twoSides ? 4 : 3, scaledFont(largest).pointSizeF(),
                        (sizes::bodyPoint - 1) * sizes::typeScale);
    };
    // Where the whole account does not fit (a narrow stage column on a 1024-pixel screen), the brief one
    // the comparison uses takes its place rather than being cut.
    if (!fits(narrationText_) && !fits(briefNarrationText_)) {
        noteElidedText(narration_->text());
    }
}

} // namespace collapse::ui
