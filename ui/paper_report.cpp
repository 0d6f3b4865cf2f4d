#include "ui/paper_report.h"

#include "core/engine.h"
#include "core/output_files.h"
#include "ui/figure_export.h"
#include "ui/figure_renderer.h"
#include "ui/plot_painting.h"
#include "ui/theme.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

#include <algorithm>
#include <cmath>
#include <limits>

namespace collapse::ui {

namespace {

// Figures are laid out in pixels at 96 dpi and stored at this resolution, sharp on paper.
constexpr int kFigureDpi = 192;

// A4 at 96 dpi, the unit QTextDocument lays out in, and the margin around the text.
constexpr QSizeF kA4{793.7, 1122.5};
constexpr double kPageMargin = 48.0;

// The colours of a line figure's series, in their order: Okabe & Ito's, as everywhere.
QColor seriesColour(std::size_t index)
{
    const QColor colours[] = {colours::model, colours::accent, colours::secondary, colours::marker};
    return colours[index % std::size(colours)];
}

// One panel of a line figure: its curves over the generations, in data coordinates.
void paintPanel(QPainter& painter, const QRectF& area, const LineFigure::Panel& panel, int generations)
{
    painter.save();
    painter.setPen(colours::text);
    painter.setFont(scaledFont(sizes::bodyPoint, true));
    const QFontMetricsF metrics(painter.font());
    painter.drawText(QPointF(area.left() + kPlotMargins.left, area.top() + metrics.ascent()), QString::fromStdString(panel.title));
    const QRectF plot = area.adjusted(kPlotMargins.left, metrics.lineSpacing() + kPlotMargins.top, -kPlotMargins.right,
                                      -kPlotMargins.bottom);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const auto& curve : panel.curves) {
        for (const double value : curve.values) {
            if (std::isfinite(value)) {
                low = std::min(low, value);
                high = std::max(high, value);
            }
        }
    }
    if (!(high > low)) {
        low -= 1.0;
        high += 1.0;
    }
    const double pad = 0.05 * (high - low);
    const QRectF data(0.0, low - pad, std::max(1, generations - 1), high - low + 2.0 * pad);
    drawAxes(painter, plot, data, true);
    drawAxisTitles(painter, plot, QObject::tr("generation"), QString::fromStdString(panel.yTitle));
    painter.setClipRect(plot);
    const auto toPlot = [&](double x, double y) {
        return QPointF(plot.left() + (x - data.left()) / data.width() * plot.width(),
                       plot.bottom() - (y - data.top()) / data.height() * plot.height());
    };
    for (const auto& curve : panel.curves) {
        QPainterPath path;
        bool drawing = false;
        for (std::size_t g = 0; g < curve.values.size(); ++g) {
            if (!std::isfinite(curve.values[g])) {
                drawing = false;
                continue;
            }
            const QPointF point = toPlot(static_cast<double>(g), curve.values[g]);
            drawing ? path.lineTo(point) : path.moveTo(point);
            drawing = true;
        }
        const QColor colour = seriesColour(static_cast<std::size_t>(curve.series));
        painter.strokePath(path, curve.dashed ? QPen(colour, 1.5, Qt::DashLine) : QPen(colour, 2.0));
    }
    painter.restore();
}

// A line figure: its rows of panels over the legend of its series.
void paintLineFigure(QPainter& painter, const QSizeF& size, const LineFigure& figure)
{
    painter.fillRect(QRectF(QPointF(0, 0), size), colours::background);
    QVector<LegendEntry> legend;
    for (std::size_t series = 0; series < figure.seriesNames.size(); ++series) {
        legend.append({seriesColour(series), Qt::SolidLine, QString::fromStdString(figure.seriesNames[series])});
    }
    if (!figure.dashedName.empty()) {
        legend.append({colours::text, Qt::DashLine, QString::fromStdString(figure.dashedName)});
    }
    const double legendRoom = legendHeight(legend, size.width() - 2 * kPlotMargins.left) + 12.0;
    const double rowHeight = (size.height() - legendRoom) / static_cast<double>(std::max<std::size_t>(1, figure.rows.size()));
    for (std::size_t row = 0; row < figure.rows.size(); ++row) {
        const auto& panels = figure.rows[row];
        const double panelWidth = size.width() / static_cast<double>(std::max<std::size_t>(1, panels.size()));
        for (std::size_t column = 0; column < panels.size(); ++column) {
            const QRectF area(static_cast<double>(column) * panelWidth, static_cast<double>(row) * rowHeight, panelWidth,
                              rowHeight);
            paintPanel(painter, area.adjusted(8, 8, -8, -8), panels[column], figure.generations);
        }
    }
    drawLegend(painter, QRectF(kPlotMargins.left, size.height() - legendRoom, size.width() - 2 * kPlotMargins.left, legendRoom),
               legend);
}

struct DrawnFigure {
    QSize size;
    std::function<void(QPainter&, const QSizeF&)> paint;
};

} // namespace

PaperReproduction::PaperReproduction(ReproductionPlan plan) : plan_(std::move(plan)) {}

PaperReproduction::~PaperReproduction() = default;

bool PaperReproduction::compute(const std::function<void(const ReproductionProgress&)>& progress,
                                const std::atomic<bool>* cancel)
{
    computed_.clear();
    ReproductionProgress where;
    where.runs = plan_.runCount();
    for (const auto& experiment : plan_.experiments) {
        ComputedExperiment computed;
        for (const auto& run : experiment.runs) {
            ++where.run;
            where.name = run.name;
            where.generation = 0;
            where.generations = run.scenario.generations;
            if (progress) {
                progress(where);
            }
            Engine engine(run.scenario);
            auto history = std::make_unique<RunHistory>();
            history->reset(run.scenario);
            RunResults results{engine.metricColumns(), {}};
            const auto outcome = engine.run(
                [&](GenerationSnapshot&& snapshot) {
                    where.generation = snapshot.generation + 1;
                    results.generations.push_back(snapshot.metrics);
                    history->append(std::move(snapshot));
                    if (progress) {
                        progress(where);
                    }
                },
                cancel);
            if (outcome == Engine::Outcome::Cancelled) {
                computed_.clear();
                return false;
            }
            computed.results.push_back(std::move(results));
            computed.histories.push_back(std::move(history));
        }
        computed_.push_back(std::move(computed));
    }
    return true;
}

void PaperReproduction::write(const std::filesystem::path& folder, const ReportContext& context) const
{
    if (computed_.size() != plan_.experiments.size()) {
        throw std::logic_error("the reproduction is written after it is computed");
    }
    OutputFiles files(folder);
    std::vector<ReproducedExperiment> reproduced;
    std::vector<std::pair<QString, QImage>> images;
    for (std::size_t e = 0; e < plan_.experiments.size(); ++e) {
        const ReproductionExperiment& experiment = plan_.experiments[e];
        const ComputedExperiment& computed = computed_[e];
        QVector<LabelledHistory> labelled;
        for (std::size_t r = 0; r < experiment.runs.size(); ++r) {
            const ReproductionRun& run = experiment.runs[r];
            labelled.append({QString::fromStdString(run.label), computed.histories[r].get()});
            files.add(folder / "scenarios" / (run.name + ".json"), serializeScenario(run.scenario));
            addRunFiles(files, folder / "data" / run.name, computed.results[r], run.scenario);
        }

        // The figure, in the paper's layout.
        DrawnFigure figure;
        std::unique_ptr<FigureRenderer> renderer;
        switch (experiment.layout) {
        case PaperFigureLayout::Lines: {
            figure.size = QSize(1280, 900);
            figure.paint = [lines = experiment.lines(experiment, computed.results)](QPainter& painter, const QSizeF& size) {
                paintLineFigure(painter, size, lines);
            };
            break;
        }
        case PaperFigureLayout::StageGenerations: {
            renderer = std::make_unique<FigureRenderer>(QVector<LabelledHistory>{labelled.front()}, ExportView::Stage);
            QVector<int> generations;
            for (const int generation : experiment.figureGenerations) {
                if (generation < renderer->generationCount()) {
                    generations.append(generation);
                }
            }
            figure.size = renderer->smallMultiplesSize(static_cast<int>(generations.size()), FigureRenderer::kPanelSize).toSize();
            figure.paint = [&renderer, generations](QPainter& painter, const QSizeF& size) {
                renderer->renderSmallMultiples(painter, QRectF(QPointF(0, 0), size), generations);
            };
            break;
        }
        case PaperFigureLayout::SideBySide:
            renderer = std::make_unique<FigureRenderer>(labelled, ExportView::Both);
            figure.size = QSize(1600, 900);
            figure.paint = [&renderer](QPainter& painter, const QSizeF& size) {
                renderer->render(painter, QRectF(QPointF(0, 0), size), renderer->generationCount() - 1);
            };
            break;
        }
        const QString name = QStringLiteral("figures/%1.png").arg(QString::fromStdString(experiment.id));
        const QByteArray png = paintedFigure(FigureFormat::Png, name, figure.size, kFigureDpi, figure.paint);
        files.add(folder / name.toStdString(), png.toStdString());
        images.emplace_back(name, QImage::fromData(png, "png"));
        reproduced.push_back({&experiment, reportRows(experiment, computed.results), name.toStdString()});
    }
    const std::string markdown = reportMarkdown(plan_, reproduced, context);
    files.add(folder / "report.md", markdown);
    files.add(folder / "report.pdf", reportPdf(QString::fromStdString(markdown), images).toStdString());
    files.commit();
}

QByteArray reportPdf(const QString& markdown, const std::vector<std::pair<QString, QImage>>& images)
{
    QTextDocument document;
    QFont font = scaledFont(9);
    document.setDefaultFont(font);
    // Setting the text clears the resources: the figures are added after it.
    document.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    for (const auto& [name, image] : images) {
        document.addResource(QTextDocument::ImageResource, QUrl(name), image);
    }
    document.setPageSize(kA4);
    document.setDocumentMargin(kPageMargin);

    // Each figure as wide as the text, its height in proportion.
    const double textWidth = kA4.width() - 2.0 * kPageMargin;
    std::vector<std::pair<int, QTextImageFormat>> figures;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment) {
            const QTextCharFormat format = fragment.fragment().charFormat();
            if (!format.isImageFormat()) {
                continue;
            }
            QTextImageFormat image = format.toImageFormat();
            const auto found = std::find_if(images.begin(), images.end(),
                                            [&](const auto& entry) { return entry.first == image.name(); });
            if (found == images.end() || found->second.isNull()) {
                continue;
            }
            const QSizeF size = QSizeF(found->second.size()) / found->second.devicePixelRatio();
            const double width = std::min(textWidth, size.width());
            image.setWidth(width);
            image.setHeight(width * size.height() / size.width());
            figures.emplace_back(fragment.fragment().position(), image);
        }
    }
    // Each experiment from a new page.
    bool firstSection = true;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() != 2) {
            continue;
        }
        if (!firstSection) {
            QTextBlockFormat format = block.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(format);
        }
        firstSection = false;
    }
    for (const auto& [position, image] : figures) {
        QTextCursor cursor(&document);
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image);
    }

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QObject::tr("Model collapse, reproduced"));
        writer.setCreator(QStringLiteral("Collapse Lab"));
        document.print(&writer);
    }
    buffer.close();
    return buffer.data();
}

} // namespace collapse::ui
