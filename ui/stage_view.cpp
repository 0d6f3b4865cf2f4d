#include "ui/stage_view.h"

#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

namespace collapse::ui {

void StageView::render(QPainter& painter, const QRectF& area, bool opaque) const
{
    renderBackgroundLayer(painter, area, opaque);
    renderForegroundLayer(painter, area);
}

void StageView::renderBackgroundLayer(QPainter& painter, const QRectF& area, bool opaque) const
{
    painter.save();
    if (opaque) {
        painter.fillRect(area, colours::background);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    renderBackground(painter, area);
    painter.restore();
}

void StageView::renderForegroundLayer(QPainter& painter, const QRectF& area) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    renderForeground(painter, area);
    painter.restore();
}

namespace {

QFont titleFont()
{
    return scaledFont(sizes::headingPoint + 2, true);
}

QFont statusFont()
{
    return scaledFont(sizes::headingPoint);
}

// All sides' titles fitted to `width` on `lines` lines: the smallest type any of them needs, and the
// widest of them in it.
struct SharedTitle {
    QFont font = titleFont();
    double width = 0.0;
};
SharedTitle sharedTitle(const QStringList& titles, double width, int lines)
{
    SharedTitle shared;
    for (const QString& title : titles) {
        const FittedText fitted = fitText(title, titleFont(), width, lines, 0.6);
        shared.width = std::max(shared.width, fitted.width);
        if (fitted.font.pointSizeF() < shared.font.pointSizeF()) {
            shared.font = fitted.font;
        }
    }
    return shared;
}

// "Generation 9" is never wrapped between its word and its number.
QString unbroken(QString words)
{
    return words.replace(QLatin1Char(' '), QChar(0x00A0));
}

} // namespace

QVector<LegendEntry> StageView::legendEntriesFor(const QRectF&) const
{
    return legendEntries();
}

StageView::Frame StageView::frame(const QRectF& area) const
{
    return frame(area, compact_ || !legendShown_ ? QVector<LegendEntry>() : legendEntriesFor(area));
}

StageView::Frame StageView::frame(const QRectF& area, const QVector<LegendEntry>& legendEntries) const
{
    Frame frame;
    frame.legendEntries = compact_ || !legendShown_ ? QVector<LegendEntry>() : legendEntries;
    // A narrow stage starts its heading at the edge: every pixel goes to the words.
    const double left = area.left() + (area.width() < 600.0 ? 16.0 : headingIndent());
    const double width = area.right() - 8.0 - left;
    const QFontMetricsF title(titleFont());
    const QFontMetricsF status(statusFont());
    // A title that does not fit a line (a long side name, a narrow stage) takes two.
    // (The heading before the first generation has the status's room as well.)
    const QStringList widest = widestTitles(false);
    for (const QString& candidate : widest) {
        frame.titleLines = std::max(frame.titleLines, fewestLines(candidate, titleFont(), width, 2, 0.35));
    }
    const SharedTitle shared = sharedTitle(widest, width, frame.titleLines);
    frame.titleFont = shared.font;
    frame.statusBelowTitle =
        !compact_ && (frame.titleLines > 1 || shared.width + 24.0 + status.horizontalAdvance(statusExample()) > width);
    // Below the title the status may take up to three lines; the room is reserved for the widest status,
    // so the picture keeps its place whatever the status says.
    frame.statusLines = fewestLines(statusExample(), statusFont(), width, 3, 0.25);
    const double statusHeight =
        frame.statusBelowTitle ? fitText(statusExample(), statusFont(), width, frame.statusLines, 0.7).height() : 0.0;
    const double headingHeight = 8.0 + title.lineSpacing() * frame.titleLines + statusHeight;
    frame.heading = QRectF(left, area.top(), width, headingHeight);
    const QVector<LegendEntry>& entries = frame.legendEntries;
    if (squareBody() && !entries.isEmpty()) {
        // Beside the square when the width left over holds the legend's longest label on a line or two.
        const QRectF below(area.left(), frame.heading.bottom() + 4.0, area.width(), area.bottom() - frame.heading.bottom() - 4.0);
        const PlotMargins margins = plotMargins();
        const double side = std::min(below.width() - margins.left - margins.right, below.height() - margins.top - margins.bottom);
        const double spare = below.width() - side - margins.left - margins.right - 16.0;
        const double legendWidth = std::min(spare, 340.0);
        if (legendWidth >= 220.0 && legendHeight(entries, legendWidth) <= below.height()) {
            frame.body = QRectF(below.left(), below.top(), below.width() - legendWidth - 16.0, below.height());
            frame.legend = QRectF(frame.body.right() + 8.0, below.top() + margins.top, legendWidth,
                                  legendHeight(entries, legendWidth));
            return frame;
        }
    }
    const double legend = legendHeight(entries, width);
    frame.legend = QRectF(left, frame.heading.bottom() + 4.0, width, legend);
    frame.body = QRectF(area.left(), frame.legend.bottom() + (legend > 0.0 ? 4.0 : 0.0), area.width(),
                        area.bottom() - frame.legend.bottom() - (legend > 0.0 ? 4.0 : 0.0));
    return frame;
}

void StageView::drawHeading(QPainter& painter, const Frame& frame, const QString& status, const QColor& statusColour) const
{
    painter.save();
    painter.setPen(colours::text);
    const QString title =
        titleWith(heading_.caption, shownGeneration_ < 0 ? waitingTitle() : unbroken(tr("Generation %1").arg(shownGeneration_)));
    // Before the first generation there is no status: the title may use its room too.
    const int titleLines = shownGeneration_ < 0
                               ? std::max(1, static_cast<int>((frame.heading.height() - 8.0) / QFontMetricsF(titleFont()).lineSpacing()))
                               : frame.titleLines;
    const QFont font =
        shownGeneration_ < 0 ? sharedTitle(widestTitles(true), frame.heading.width(), titleLines).font : frame.titleFont;
    FittedText fittedTitle = fitText(title, font, frame.heading.width(), titleLines, 0.8);
    if (shownGeneration_ < 0 && fittedTitle.elided) {
        // Before the first generation every side shows the same original: where the side's name and the
        // title do not fit together, the title goes alone.
        fittedTitle = fitText(waitingTitle(), font, frame.heading.width(), titleLines, 0.8);
    }
    drawFittedText(painter, fittedTitle, QPointF(frame.heading.left(), frame.heading.top() + 8.0), frame.heading.width());
    if (shownGeneration_ >= 0 && !compact_ && !status.isEmpty()) {
        painter.setPen(statusColour);
        const QFontMetricsF titleMetrics(fittedTitle.font);
        const QFontMetricsF statusMetrics(statusFont());
        if (frame.statusBelowTitle) {
            // Never in larger type than the title it explains.
            QFont statusType = statusFont();
            statusType.setPointSizeF(std::min(statusType.pointSizeF(), fittedTitle.font.pointSizeF()));
            const FittedText fitted = fitText(status, statusType, frame.heading.width(), frame.statusLines, 0.7);
            drawFittedText(painter, fitted, QPointF(frame.heading.left(), frame.heading.top() + 8.0 + fittedTitle.height()),
                           frame.heading.width());
        } else {
            // Beside the title, on its baseline.
            const double x = frame.heading.left() + fittedTitle.width + 24.0;
            const FittedText fitted = fitText(status, statusFont(), frame.heading.right() - x, 1);
            const double baseline = frame.heading.top() + 8.0 + titleMetrics.ascent();
            drawFittedText(painter, fitted, QPointF(x, baseline - QFontMetricsF(fitted.font).ascent()), frame.heading.right() - x);
        }
    }
    painter.restore();
}

void StageView::setHeading(const Heading& heading)
{
    if (!(heading == heading_)) {
        heading_ = heading;
        invalidateBackground();
    }
}

QStringList StageView::widestTitles(bool waiting) const
{
    const QString shown = waiting ? waitingTitle() : unbroken(tr("Generation %1").arg(heading_.lastGeneration));
    QStringList titles;
    for (const QString& caption : heading_.captionsOnStage.isEmpty() ? QStringList{heading_.caption} : heading_.captionsOnStage) {
        titles.append(titleWith(caption, shown));
    }
    return titles;
}

QString StageView::titleWith(const QString& caption, const QString& shown) const
{
    if (caption.isEmpty()) {
        return shown;
    }
    return smallMultiple_ ? caption : caption + QStringLiteral(" · ") + shown;
}

void StageView::setSmallMultiple(bool small)
{
    if (small != smallMultiple_) {
        smallMultiple_ = small;
        compact_ = small;
        invalidateBackground();
    }
}

PlotMargins StageView::plotMargins() const
{
    return smallMultiple_ ? PlotMargins{.left = 8.0, .right = 8.0, .top = 4.0, .bottom = 8.0} : kPlotMargins;
}

void StageView::drawPlotAxes(QPainter& painter, const QRectF& plot, const QRectF& shown, const QString& xTitle,
                             const QString& yTitle) const
{
    if (smallMultiple_) {
        painter.save();
        painter.setPen(QPen(colours::axis, 1.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(plot);
        painter.restore();
        return;
    }
    drawAxes(painter, plot, shown, true);
    drawAxisTitles(painter, plot, xTitle, yTitle);
}

void StageView::setLegendShown(bool shown)
{
    if (shown != legendShown_) {
        legendShown_ = shown;
        invalidateBackground();
    }
}

QString StageView::tailMassStatus(const QString& percent)
{
    return tr("mass in the original's tails: %1").arg(percent);
}

void StageView::drawFrameLegend(QPainter& painter, const Frame& frame) const
{
    drawLegend(painter, frame.legend, frame.legendEntries);
}

void StageView::invalidateBackground()
{
    background_ = QPixmap();
    update();
}

void StageView::resizeEvent(QResizeEvent*)
{
    invalidateBackground();
}

void StageView::paintEvent(QPaintEvent*)
{
    if (background_.isNull()) {
        background_ = paintedPixmap(*this, [this](QPainter& painter) { renderBackground(painter, rect()); });
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, background_);
    painter.setRenderHint(QPainter::Antialiasing);
    renderForeground(painter, rect());
}

QVector<int> trailGenerations(int generation, int total)
{
    constexpr int kTrailLength = 8;
    QVector<int> result;
    const int spacing = std::max(1, total / 60);
    for (int i = kTrailLength; i >= 1; --i) {
        const int earlier = generation - i * spacing;
        if (earlier >= 0) {
            result.append(earlier);
        }
    }
    return result;
}

} // namespace collapse::ui
