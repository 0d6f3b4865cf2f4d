#include "ui/stage_area.h"

#include "ui/label_fitting.h"
#include "ui/legend_strip.h"
#include "ui/narration.h"
#include "ui/plot_painting.h"
#include "ui/run_controller.h"
#include "ui/stages/stage_registry.h"
#include "ui/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace collapse::ui {

StageArea::StageArea(const RunController& runs, QWidget* parent)
    : QWidget(parent), runs_(runs), layout_(new QVBoxLayout(this)), stageRow_(new QHBoxLayout),
      legendStrip_(new LegendStrip), narration_(new QLabel)
{
    layout_->setContentsMargins(0, 0, 0, 0);
    legendStrip_->hide();
    layout_->addWidget(legendStrip_);
    layout_->addLayout(stageRow_, 1);
    narration_->setObjectName(QStringLiteral("narration"));
    narration_->setWordWrap(true);
    narration_->setContentsMargins(12, 6, 12, 6);
    narration_->setAccessibleName(tr("What you are seeing"));
    narration_->installEventFilter(this);
    layout_->addWidget(narration_);
}

StageArea::~StageArea() = default;

void StageArea::matchSides()
{
    while (static_cast<int>(views_.size()) > runs_.sideCount()) {
        // The stage is a child of its column but owned by the view: it goes first.
        views_.back()->stage.reset();
        delete views_.back()->column;
        views_.pop_back();
    }
    while (static_cast<int>(views_.size()) < runs_.sideCount()) {
        auto view = std::make_unique<SideView>();
        view->column = new QWidget;
        auto* columnLayout = new QVBoxLayout(view->column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        stageRow_->addWidget(view->column, 1);
        views_.push_back(std::move(view));
    }
}

void StageArea::rebuild(bool fresh, int shown)
{
    QStringList sideLabels;
    for (int i = 0; i < runs_.sideCount(); ++i) {
        sideLabels.append(runs_.side(i).label);
    }
    for (int i = 0; i < runs_.sideCount(); ++i) {
        SideView& view = *views_[static_cast<std::size_t>(i)];
        const RunController::Side& side = runs_.side(i);
        const StageEntry& entry = stageEntryFor(side.scenario);
        const QString kind = QString::fromUtf8(entry.model.data(), static_cast<qsizetype>(entry.model.size())) +
                             QLatin1Char('/') + entry.kind(side.scenario);
        if (fresh || !view.stage || kind != view.kind) {
            view.stage = entry.make(side.scenario);
            view.kind = kind;
            view.column->layout()->addWidget(view.stage.get());
            static_cast<QVBoxLayout*>(view.column->layout())->setStretchFactor(view.stage.get(), 1);
        }
        view.stage->setScenario(side.scenario);
        // Side by side, the stages share one legend above them, and each heading names its side.
        view.stage->setLegendShown(runs_.sideCount() == 1);
        const bool twoSides = runs_.sideCount() > 1;
        view.stage->setHeading({.caption = twoSides ? side.label : QString(),
                                .captionsOnStage = twoSides ? sideLabels : QStringList(),
                                .lastGeneration = side.scenario.generations - 1});
        if (shown >= 0 && shown < side.history.size()) {
            view.stage->showGeneration(side.history, shown);
        }
    }
    legendStrip_->setEntries(views_.front()->stage->legendEntries());
    legendStrip_->setVisible(runs_.sideCount() > 1);
    if (shown < 0) {
        narrationText_ = briefNarrationText_ = tr("Computing the first generation…");
        fitNarration();
    }
}

void StageArea::showGeneration(int generation)
{
    QStringList lines;
    QStringList briefLines;
    for (int i = 0; i < runs_.sideCount(); ++i) {
        const RunController::Side& side = runs_.side(i);
        views_[static_cast<std::size_t>(i)]->stage->showGeneration(side.history, generation);
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
    layout_->addWidget(widget, 2);
    layout_->setStretchFactor(stageRow_, 3);
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
