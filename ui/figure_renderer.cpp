#include "ui/figure_renderer.h"

#include "core/model_registry.h"
#include "ui/named_choice.h"
#include "ui/narration.h"
#include "ui/plot_painting.h"
#include "ui/stages/stage_registry.h"
#include "ui/theme.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr double kGap = 8.0;
// Small multiples per row, as in the paper's figures.
constexpr int kMultiplesPerRow = 4;
// The chart row of a small-multiples figure, relative to the height of one stage panel.
constexpr double kChartRowShare = 0.75;

// A paper figure's legend (two rows) above its panels and caption (four lines) beneath them.
constexpr int kLegendRows = 2;
constexpr int kCaptionLines = 4;

double annotationLineHeight()
{
    return QFontMetricsF(scaledFont(sizes::bodyPoint)).lineSpacing();
}

double legendRowsHeight()
{
    return kLegendRows * (annotationLineHeight() + 2.0) + kGap;
}

double captionHeight()
{
    return kCaptionLines * annotationLineHeight() + 2 * kGap;
}

// The scenario as its file says it, for a caption: "samples 100, human_fraction 0, policy replace, ...".
QString keysInWords(const Scenario& scenario)
{
    QStringList keys;
    const nlohmann::ordered_json file = scenarioToJson(scenario);
    for (const auto& [key, value] : file.items()) {
        if (key != "model") {
            keys.append(QStringLiteral("%1 %2").arg(QString::fromStdString(key),
                                                    QString::fromStdString(value.is_string() ? value.get<std::string>()
                                                                                             : value.dump())));
        }
    }
    return keys.join(QStringLiteral(", "));
}

double labelHeight()
{
    return QFontMetricsF(scaledFont(sizes::headingPoint + 2, true)).lineSpacing() + 2 * kGap;
}

double narrationHeight()
{
    return QFontMetricsF(scaledFont(sizes::narrationPoint)).lineSpacing() * 2 + 2 * kGap;
}

} // namespace

std::optional<ExportView> exportViewNamed(const QString& name)
{
    return choiceNamed<ExportView>(name,
                                   {{"stage", ExportView::Stage}, {"metrics", ExportView::Metrics}, {"both", ExportView::Both}});
}

FigureRenderer::FigureRenderer(QVector<LabelledHistory> runs, ExportView view) : view_(view)
{
    for (const LabelledHistory& labelled : runs) {
        const Scenario& scenario = labelled.history->scenario();
        const StageEntry& entry = stageEntryFor(scenario);
        RunViews views{labelled.label, labelled.history, entry.make(scenario), {}};
        views.stage->resize(1280, 720);
        views.stage->setScenario(scenario);
        for (const ChartedMetric& metric : entry.charts(scenario)) {
            auto chart = std::make_unique<MetricChart>(*metric.metric, metric.scale, metric.title);
            chart->setThinned(false);
            chart->resetRun(scenario.generations, metric.reference);
            chart->updateData(*labelled.history);
            views.charts.push_back(std::move(chart));
        }
        runs_.push_back(std::move(views));
    }
}

FigureRenderer::~FigureRenderer() = default;

int FigureRenderer::generationCount() const
{
    int count = std::numeric_limits<int>::max();
    for (const RunViews& run : runs_) {
        count = std::min(count, run.history->size());
    }
    return runs_.empty() ? 0 : count;
}

void FigureRenderer::render(QPainter& painter, const QRectF& area, int generation, bool opaque)
{
    renderLayers(painter, area, generation, opaque, Layers::All);
}

void FigureRenderer::renderFrame(QImage& frame, int generation)
{
    const QRectF area(QPointF(0, 0), QSizeF(frame.size()) / frame.devicePixelRatio());
    if (unchangingFrame_.size() != frame.size() || unchangingFrame_.devicePixelRatio() != frame.devicePixelRatio() ||
        unchangingFrame_.format() != frame.format()) {
        unchangingFrame_ = QImage(frame.size(), frame.format());
        unchangingFrame_.setDevicePixelRatio(frame.devicePixelRatio());
        QPainter painter(&unchangingFrame_);
        renderLayers(painter, area, 0, true, Layers::Unchanging);
    }
    frame = unchangingFrame_.copy();
    QPainter painter(&frame);
    renderLayers(painter, area, generation, true, Layers::Generation);
}

void FigureRenderer::renderLayers(QPainter& painter, const QRectF& area, int generation, bool opaque, Layers layers)
{
    if (opaque && layers != Layers::Generation) {
        painter.fillRect(area, colours::background);
    }
    const double width = (area.width() - kGap * double(runs_.size() - 1)) / double(runs_.size());
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        QRectF column(area.left() + double(i) * (width + kGap), area.top(), width, area.height());
        if (layers != Layers::Generation) {
            column = drawRunLabel(runs_[i], painter, column);
        } else if (runs_.size() > 1) {
            column.adjust(0, labelHeight(), 0, 0);
        }
        renderRun(runs_[i], painter, column, generation, opaque, layers);
    }
}

void FigureRenderer::renderRun(RunViews& run, QPainter& painter, const QRectF& area, int generation, bool opaque,
                               Layers layers)
{
    for (auto& chart : run.charts) {
        chart->setCurrentGeneration(generation);
    }
    switch (view_) {
    case ExportView::Stage:
        renderStageWithNarration(run, painter, area, generation, opaque, layers);
        return;
    case ExportView::Metrics:
        renderCharts(run, painter, area, false, opaque, layers);
        return;
    case ExportView::Both:
        break;
    }
    // Wide: the stage on the left and the charts in a column on its right, as in the window; narrow (one
    // side of a comparison): the stage above the charts.
    if (area.width() > 1.3 * area.height()) {
        const double stageWidth = 0.6 * area.width();
        renderStageWithNarration(run, painter, QRectF(area.topLeft(), QSizeF(stageWidth, area.height())), generation,
                                 opaque, layers);
        const QRectF charts(area.left() + stageWidth + kGap, area.top(), area.width() - stageWidth - kGap, area.height());
        const double rowHeight = charts.height() / double(std::max<std::size_t>(1, run.charts.size()));
        for (std::size_t i = 0; i < run.charts.size(); ++i) {
            renderChart(*run.charts[i], painter,
                        QRectF(charts.left(), charts.top() + double(i) * rowHeight, charts.width(), rowHeight), opaque,
                        layers);
        }
    } else {
        const double stageHeight = 0.55 * area.height();
        renderStageWithNarration(run, painter, QRectF(area.topLeft(), QSizeF(area.width(), stageHeight)), generation,
                                 opaque, layers);
        renderCharts(run, painter,
                     QRectF(area.left(), area.top() + stageHeight + kGap, area.width(), area.height() - stageHeight - kGap),
                     false, opaque, layers);
    }
}

void FigureRenderer::renderChart(MetricChart& chart, QPainter& painter, const QRectF& area, bool opaque, Layers layers)
{
    if (layers != Layers::Generation) {
        chart.renderChart(painter, area, opaque);
    }
    if (layers != Layers::Unchanging) {
        chart.renderMarkers(painter, area);
    }
}

void FigureRenderer::renderCharts(RunViews& run, QPainter& painter, const QRectF& area, bool oneRow, bool opaque,
                                  Layers layers)
{
    // A 2x2 grid, or one row beneath small multiples.
    const int count = static_cast<int>(run.charts.size());
    const int columns = oneRow ? count : 2;
    const int rows = (count + columns - 1) / columns;
    const double width = area.width() / columns;
    const double height = area.height() / rows;
    for (int i = 0; i < count; ++i) {
        renderChart(*run.charts[i], painter,
                    QRectF(area.left() + (i % columns) * width, area.top() + (i / columns) * height, width, height),
                    opaque, layers);
    }
}

void FigureRenderer::renderStageWithNarration(RunViews& run, QPainter& painter, const QRectF& area, int generation,
                                              bool opaque, Layers layers)
{
    const double lineHeight = narrationHeight();
    const QRectF stageArea(area.topLeft(), QSizeF(area.width(), area.height() - lineHeight));
    const QRectF line(area.left(), stageArea.bottom(), area.width(), lineHeight);
    if (layers != Layers::Generation) {
        run.stage->renderBackgroundLayer(painter, stageArea, opaque);
        // The "what you are seeing" box, as the window draws it beneath the stage.
        painter.fillRect(line.adjusted(0, 2, 0, 0), colours::panel);
        painter.fillRect(QRectF(line.left(), line.top() + 2, 6, line.height() - 2), colours::model);
    }
    if (layers == Layers::Unchanging) {
        return;
    }
    run.stage->showGeneration(*run.history, generation);
    run.stage->renderForegroundLayer(painter, stageArea);
    painter.save();
    painter.setPen(colours::text);
    const QString text = runs_.size() > 1 ? narrateShownChainBriefly(*run.history, generation)
                                          : narrateShownChain(*run.history, generation);
    const QRectF room = line.adjusted(18, kGap, -kGap, -kGap);
    const FittedText fitted = fitText(text, scaledFont(sizes::narrationPoint), room.width(), 2, 0.6);
    drawFittedText(painter, fitted, QPointF(room.left(), room.center().y() - fitted.height() / 2), room.width());
    painter.restore();
}

QRectF FigureRenderer::drawRunLabel(const RunViews& run, QPainter& painter, const QRectF& area) const
{
    if (runs_.size() < 2) {
        return area;
    }
    const double height = labelHeight();
    painter.save();
    painter.setPen(colours::text);
    painter.setFont(scaledFont(sizes::headingPoint + 2, true));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), height), Qt::AlignCenter, run.label);
    painter.restore();
    return area.adjusted(0, height, 0, 0);
}

QSizeF FigureRenderer::smallMultiplesSize(int panels, const QSizeF& panelSize) const
{
    return smallMultiplesSize(panels, panelSize, view_, static_cast<int>(runs_.size()));
}

namespace {
// The height of one run's small multiples in panel heights: rows of stages, then a row of charts.
double panelHeightsPerRun(int panels, ExportView view)
{
    const int columns = std::clamp(panels, 1, kMultiplesPerRow);
    const int rows = (panels + columns - 1) / columns;
    return (view != ExportView::Metrics ? rows : 0) + (view != ExportView::Stage ? kChartRowShare : 0.0);
}

double runLabelsHeight(int runs)
{
    return runs > 1 ? runs * labelHeight() : 0.0;
}
} // namespace

QSizeF FigureRenderer::smallMultiplesSize(int panels, const QSizeF& panelSize, ExportView view, int runs)
{
    const int columns = std::clamp(panels, 1, kMultiplesPerRow);
    return {columns * panelSize.width(), runs * panelHeightsPerRun(panels, view) * panelSize.height() +
                                             runLabelsHeight(runs) + legendRowsHeight() + captionHeight()};
}

QString FigureRenderer::caption() const
{
    QStringList parts;
    for (const RunViews& run : runs_) {
        const Scenario& scenario = run.history->scenario();
        const QString model = QCoreApplication::translate("Models", std::string(scenario.model().title).c_str());
        parts.append((run.label.isEmpty() ? QString() : run.label + QStringLiteral(": ")) + model + QStringLiteral(" (") +
                     keysInWords(scenario) + QStringLiteral(")."));
    }
    const int chains = runs_.front().history->scenario().replicates;
    const int shown = runs_.front().history->isEmpty() ? 0 : runs_.front().history->at(0)->shownReplicate;
    parts.append(QCoreApplication::translate("FigureRenderer", "Panels: chain %1 of %2 at the generation above each.")
                     .arg(shown + 1)
                     .arg(chains));
    if (view_ != ExportView::Stage) {
        parts.append(QCoreApplication::translate("FigureRenderer",
                                                 "Charts: median over the chains (line) and 10–90% band; dotted, the "
                                                 "original's value; vertical lines, the generations shown."));
    }
    return parts.join(QLatin1Char(' '));
}

void FigureRenderer::renderSmallMultiples(QPainter& painter, const QRectF& area, const QVector<int>& generations,
                                          bool opaque)
{
    if (opaque) {
        painter.fillRect(area, colours::background);
    }
    const int panels = std::max(1, static_cast<int>(generations.size()));
    const int columns = std::clamp(panels, 1, kMultiplesPerRow);
    const int rows = (panels + columns - 1) / columns;
    // The height left after the runs' labels is shared out as smallMultiplesSize() lays it out.
    const int runs = static_cast<int>(runs_.size());
    const double panelHeight = (area.height() - runLabelsHeight(runs) - legendRowsHeight() - captionHeight()) /
                               (runs * panelHeightsPerRun(panels, view_));
    const double panelWidth = area.width() / columns;
    // The stages' legend above them: the panels are too small to carry their own.
    if (view_ != ExportView::Metrics) {
        drawLegend(painter, QRectF(area.left() + kGap, area.top() + kGap / 2, area.width() - 2 * kGap, legendRowsHeight()),
                   runs_.front().stage->legendEntries());
    }
    double top = area.top() + legendRowsHeight();
    for (RunViews& run : runs_) {
        const QRectF below = drawRunLabel(run, painter, QRectF(area.left(), top, area.width(), area.bottom() - top));
        top = below.top();
        if (view_ != ExportView::Metrics) {
            run.stage->setCompact(true);
            for (int i = 0; i < generations.size(); ++i) {
                const QRectF panel(area.left() + (i % columns) * panelWidth, top + (i / columns) * panelHeight,
                                   panelWidth, panelHeight);
                run.stage->showGeneration(*run.history, generations[i]);
                run.stage->render(painter, panel.adjusted(2, 2, -2, -2), opaque);
            }
            run.stage->setCompact(false);
            top += rows * panelHeight;
        }
        if (view_ != ExportView::Stage) {
            for (auto& chart : run.charts) {
                chart->setMarkedGenerations(generations);
            }
            renderCharts(run, painter, QRectF(area.left(), top, area.width(), kChartRowShare * panelHeight), true, opaque,
                         Layers::All);
            top += kChartRowShare * panelHeight;
        }
    }
    // The caption: which scenario, and how to read the picture.
    painter.save();
    painter.setPen(colours::text);
    const FittedText fitted = fitText(caption(), scaledFont(sizes::bodyPoint), area.width() - 2 * kGap, kCaptionLines, 0.6);
    drawFittedText(painter, fitted, QPointF(area.left() + kGap, area.bottom() - captionHeight() + kGap), area.width() - 2 * kGap);
    painter.restore();
}

} // namespace collapse::ui
