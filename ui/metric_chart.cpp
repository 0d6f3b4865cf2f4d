#include "ui/metric_chart.h"

#include "ui/plot_painting.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr double kPad = 6.0;
constexpr double kTickLength = 4.0;
// A band may reach this many median spans (or quarters of its own span, if more) beyond the medians
// before the axis stops following it.
constexpr double kBandReach = 2.0;
// Charts shorter than this leave out the x axis's title.
constexpr double kHeightForAxisTitle = 210.0;

QFont tickFont()
{
    return scaledFont(sizes::bodyPoint);
}

// Nice ticks (1, 2 or 5 times a power of ten) over [low, high], about `count` of them and never fewer
// than two.
QVector<double> ticksOver(double low, double high, int count, double* step)
{
    QVector<double> ticks;
    for (int wanted = std::max(2, count); ticks.size() < 2 && wanted <= 64; wanted *= 2) {
        ticks.clear();
        *step = niceTickStep(high - low, wanted);
        for (double tick = std::ceil(low / *step - 1e-9) * *step; tick <= high + 1e-9 * std::abs(*step); tick += *step) {
            ticks.append(tick);
        }
    }
    return ticks;
}

// The runs of consecutive generations where every value is finite: one polyline or polygon each, so a
// value that does not exist leaves a gap.
template <typename Present>
QVector<QPair<int, int>> finiteRuns(int count, Present present)
{
    QVector<QPair<int, int>> runs;
    int start = -1;
    for (int g = 0; g <= count; ++g) {
        const bool here = g < count && present(g);
        if (here && start < 0) {
            start = g;
        } else if (!here && start >= 0) {
            runs.append({start, g});
            start = -1;
        }
    }
    return runs;
}

// The points of a line through the generations [from, to): each generation's, or where
// `pixelsPerUnit` is positive and several generations share a device pixel column, only the first,
// lowest, highest and last of each column, in order (M4 aggregation: Jugel et al., VLDB 2014). That
// draws the same pixels as the whole line, where thousands of points would each cost the stroker a join.
template <typename X, typename Y>
QPolygonF linePoints(int from, int to, const X& xOf, const Y& yAt, double pixelsPerUnit)
{
    QPolygonF line;
    const auto point = [&](int g) { return QPointF(xOf(g), yAt(g)); };
    if (pixelsPerUnit <= 0.0) {
        for (int g = from; g < to; ++g) {
            line << point(g);
        }
        return line;
    }
    for (int g = from; g < to;) {
        const double column = std::floor(xOf(g) * pixelsPerUnit);
        const int first = g;
        int lowest = g;
        int highest = g;
        int last = g;
        for (; g < to && std::floor(xOf(g) * pixelsPerUnit) == column; ++g) {
            lowest = yAt(g) > yAt(lowest) ? g : lowest;  // device y grows downwards
            highest = yAt(g) < yAt(highest) ? g : highest;
            last = g;
        }
        std::array<int, 4> picks = {first, lowest, highest, last};
        std::sort(picks.begin(), picks.end());
        const auto end = std::unique(picks.begin(), picks.end());
        for (auto pick = picks.begin(); pick != end; ++pick) {
            line << point(*pick);
        }
    }
    return line;
}

} // namespace

struct MetricChart::Layout {
    QSizeF size;
    FittedText title;
    double legendTop = 0.0;
    QRectF plot;
    QVector<double> xTicks, yTicks;
    double xStep = 1.0, yStep = 1.0;
    bool axisTitle = false;
};

MetricChart::MetricChart(const MetricDescriptor& metric, Scale scale, const QString& title, QWidget* parent)
    : QWidget(parent), metric_(&metric), scale_(scale),
      title_(title.isEmpty() ? QCoreApplication::translate("Metrics", metric.title.data()) : title)
{
    setMinimumSize(kSmallest);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(title_);
}

double MetricChart::shown(double value) const
{
    if (scale_ == Scale::Linear) {
        return value;
    }
    return value < 0.0 ? std::log10(-value) : std::numeric_limits<double>::quiet_NaN();
}

void MetricChart::resetRun(int generations, double reference)
{
    generations_ = std::max(1, generations);
    reference_ = shown(reference);
    for (Series& side : sides_) {
        side = Series();
    }
    low_ = std::isfinite(reference_) ? reference_ - 1.0 : 0.0;
    high_ = std::isfinite(reference_) ? reference_ + 1.0 : 1.0;
    if (scale_ == Scale::Linear) {
        low_ = std::max(low_, metric_->lowest);
        high_ = std::min(high_, metric_->highest);
    }
    marked_ = {0};
    invalidate();
}

void MetricChart::setSideLabels(const QString& first, const QString& second)
{
    sideLabels_[0] = first;
    sideLabels_[1] = second;
    invalidate();
}

void MetricChart::updateData(const RunHistory& history, const RunHistory* comparison)
{
    const RunHistory* histories[] = {&history, comparison};
    double medianLow = std::numeric_limits<double>::infinity();
    double medianHigh = -medianLow;
    double bandLow = medianLow;
    double bandHigh = medianHigh;
    for (int side = 0; side < 2; ++side) {
        if (histories[side] == nullptr) {
            sides_[side] = Series();
            continue;
        }
        const RunHistory::Band& band = histories[side]->band(*metric_);
        const auto display = [this](const QVector<double>& values) {
            QVector<double> result(values.size());
            std::transform(values.begin(), values.end(), result.begin(), [this](double v) { return shown(v); });
            return result;
        };
        // The negative of a log-likelihood turns the band over: its 90% quantile is the lower edge.
        sides_[side] = scale_ == Scale::Linear ? Series{band.median, band.q10, band.q90}
                                               : Series{display(band.median), display(band.q90), display(band.q10)};
        for (const double v : sides_[side].median) {
            if (std::isfinite(v)) {
                medianLow = std::min(medianLow, v);
                medianHigh = std::max(medianHigh, v);
            }
        }
        for (const auto* values : {&sides_[side].q10, &sides_[side].q90}) {
            for (const double v : *values) {
                if (std::isfinite(v)) {
                    bandLow = std::min(bandLow, v);
                    bandHigh = std::max(bandHigh, v);
                }
            }
        }
    }
    if (std::isfinite(reference_)) {
        medianLow = std::min(medianLow, reference_);
        medianHigh = std::max(medianHigh, reference_);
    }
    if (std::isfinite(medianLow)) {
        // The axis follows the medians; the band may widen it by a few median spans, no further, so that
        // a band of heavy-tailed outliers never flattens the median line.
        const double bandSpan = std::isfinite(bandLow) ? bandHigh - bandLow : 0.0;
        const double span = std::max({medianHigh - medianLow, 0.25 * bandSpan, 1e-9 + 1e-3 * std::abs(medianHigh)});
        double low = std::isfinite(bandLow) ? std::max(bandLow, medianLow - kBandReach * span) : medianLow;
        double high = std::isfinite(bandHigh) ? std::min(bandHigh, medianHigh + kBandReach * span) : medianHigh;
        low = std::min(low, medianLow);
        high = std::max(high, medianHigh);
        const double margin = 0.06 * (high - low);
        low_ = scale_ == Scale::Linear ? std::max(metric_->lowest, low - margin) : low - margin;
        high_ = scale_ == Scale::Linear ? std::min(metric_->highest, high + margin) : high + margin;
        if (!(high_ > low_)) {
            high_ = low_ + 1.0;
        }
    }
    invalidate();
}

void MetricChart::setCurrentGeneration(int generation)
{
    setMarkedGenerations({generation});
}

void MetricChart::setMarkedGenerations(const QVector<int>& generations)
{
    if (generations != marked_) {
        marked_ = generations;
        update();
    }
}

void MetricChart::setPlotLeft(double left)
{
    if (left != plotLeft_) {
        plotLeft_ = left;
        invalidate();
    }
}

QString MetricChart::yLabel(double tick, double step) const
{
    if (scale_ == Scale::Linear) {
        return tickLabel(tick, step);
    }
    // The tick is log10 of the value: labelled with the value, with the decimals that tell it from the
    // next tick's.
    const double value = std::pow(10.0, tick);
    return tickLabel(value, std::max(1e-12, value * (std::pow(10.0, step) - 1.0)));
}

double MetricChart::requiredPlotLeft(const QSizeF& size) const
{
    return layOut(size, -1.0).plot.left();
}

namespace {
QFont chartTitleFont()
{
    return scaledFont(sizes::bodyPoint + 1, true);
}
} // namespace

void MetricChart::setTitleScale(double scale)
{
    if (scale != titleScale_) {
        titleScale_ = scale;
        invalidate();
    }
}

double MetricChart::requiredTitleScale(const QSizeF& size) const
{
    // Up to a third smaller on fewer lines, rather than wrapped onto three: the plot keeps the height.
    const QFont font = chartTitleFont();
    const double width = size.width() - 2 * kPad;
    return fitText(title_, font, width, fewestLines(title_, font, width, 3, 0.3), 0.7).font.pointSizeF() / font.pointSizeF();
}

MetricChart::Layout MetricChart::layOut(const QSizeF& size) const
{
    return layOut(size, plotLeft_);
}

MetricChart::Layout MetricChart::layOut(const QSizeF& size, double plotLeft) const
{
    Layout layout;
    layout.size = size;
    const QFontMetricsF ticks(tickFont());
    const double line = ticks.lineSpacing();
    QFont titleFont = chartTitleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * titleScale_);
    layout.title = fitText(title_, titleFont, size.width() - 2 * kPad, 3, 0.7);
    double top = kPad + layout.title.height() + 2.0;
    if (!sideLabels_[1].isEmpty()) {
        layout.legendTop = top;
        top += legendHeight(sideLegend(), size.width() - 2 * kPad) + 2.0;
    }
    layout.axisTitle = size.height() >= kHeightForAxisTitle;
    const double bottom = size.height() - kPad - kTickLength - 2.0 - line - (layout.axisTitle ? line : 0.0);
    // Room above the top tick for half a label.
    layout.plot.setTop(top + line / 2);
    layout.plot.setBottom(std::max(layout.plot.top() + 10.0, bottom));

    const int yCount = std::clamp(static_cast<int>(layout.plot.height() / (1.8 * line)), 2, 6);
    layout.yTicks = ticksOver(low_, high_, yCount, &layout.yStep);
    // A chart too short for its labels (a small window's row of charts) drops every other tick, down to the
    // top one, rather than print labels over each other.
    while (layout.yTicks.size() > 1 && layout.plot.height() / static_cast<double>(layout.yTicks.size() - 1) < line) {
        QVector<double> thinned;
        for (qsizetype i = layout.yTicks.size() % 2 == 0 ? 1 : 0; i < layout.yTicks.size(); i += 2) {
            thinned.append(layout.yTicks[i]);
        }
        layout.yTicks = thinned;
    }
    double left = plotLeft;
    if (left < 0.0) {
        double widest = 0.0;
        for (const double tick : layout.yTicks) {
            widest = std::max(widest, ticks.horizontalAdvance(yLabel(tick, layout.yStep)));
        }
        left = kPad + widest + kTickLength + 6.0;
    }
    const QString lastLabel = QString::number(generations_ - 1);
    layout.plot.setLeft(left);
    layout.plot.setRight(std::max(left + 10.0, size.width() - kPad - ticks.horizontalAdvance(lastLabel) / 2));

    // As many x ticks as their labels leave room for, on whole generations.
    const double labelRoom = ticks.horizontalAdvance(lastLabel) + 3.0 * ticks.averageCharWidth();
    const int xCount = std::clamp(static_cast<int>(layout.plot.width() / labelRoom), 1, 8);
    layout.xTicks = ticksOver(0.0, std::max(1, generations_ - 1), xCount, &layout.xStep);
    if (layout.xStep < 1.0) {
        layout.xStep = 1.0;
        layout.xTicks.clear();
        for (int g = 0; g < generations_; ++g) {
            layout.xTicks.append(g);
        }
    }
    return layout;
}

QRectF MetricChart::plotArea(const QSizeF& size) const
{
    return layOut(size).plot;
}

void MetricChart::drawChart(QPainter& painter, const Layout& layout, bool onePerPixel) const
{
    const double pixelsPerUnit = onePerPixel && painter.device() != nullptr ? painter.device()->devicePixelRatioF() : 0.0;
    const QRectF plot = layout.plot;
    const double xSpan = std::max(1, generations_ - 1);
    const auto xOf = [&](double generation) { return plot.left() + generation / xSpan * plot.width(); };
    const auto yOf = [&](double value) { return plot.bottom() - (value - low_) / (high_ - low_) * plot.height(); };

    painter.setPen(colours::text);
    drawFittedText(painter, layout.title, QPointF(kPad, kPad), layout.size.width() - 2 * kPad, Qt::AlignHCenter);

    const QFont font = tickFont();
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    // Grid and y ticks.
    for (const double tick : layout.yTicks) {
        const double y = yOf(tick);
        painter.setPen(QPen(colours::grid, 1.0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(QPen(colours::axis, 1.0));
        painter.drawLine(QPointF(plot.left() - kTickLength, y), QPointF(plot.left(), y));
        const QString label = yLabel(tick, layout.yStep);
        painter.setPen(colours::text);
        painter.drawText(QPointF(plot.left() - kTickLength - 3.0 - metrics.horizontalAdvance(label),
                                 y + metrics.ascent() / 2 - 1.0),
                         label);
    }
    for (const double tick : layout.xTicks) {
        const double x = xOf(tick);
        painter.setPen(QPen(colours::axis, 1.0));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + kTickLength));
        const QString label = QString::number(static_cast<int>(std::lround(tick)));
        painter.setPen(colours::text);
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, plot.bottom() + kTickLength + 2.0 + metrics.ascent()),
                         label);
    }
    if (layout.axisTitle) {
        const QString title = tr("generation");
        painter.drawText(QPointF(plot.right() - metrics.horizontalAdvance(title),
                                 plot.bottom() + kTickLength + 2.0 + metrics.lineSpacing() + metrics.ascent()),
                         title);
    }
    painter.setPen(QPen(colours::axis, 1.5));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    painter.save();
    painter.setClipRect(plot.adjusted(0, -2, 2, 2));
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor lineColours[] = {colours::model, colours::accent};
    const QColor bandColours[] = {colours::band, colours::accentBand};
    // Bands first, then the second side's dashed median under the first's solid one (thinner, so the
    // first shows through), then the original's value on top, where no line hides it.
    for (int side = 0; side < 2; ++side) {
        const Series& series = sides_[side];
        const int count = static_cast<int>(series.median.size());
        const auto bandPresent = [&](int g) { return std::isfinite(series.q10[g]) && std::isfinite(series.q90[g]); };
        for (const auto& [from, to] : finiteRuns(count, bandPresent)) {
            QPolygonF band = linePoints(from, to, xOf, [&](int g) { return yOf(std::min(series.q90[g], high_)); }, pixelsPerUnit);
            const QPolygonF lower = linePoints(from, to, xOf, [&](int g) { return yOf(std::max(series.q10[g], low_)); }, pixelsPerUnit);
            std::copy(lower.rbegin(), lower.rend(), std::back_inserter(band));
            painter.setPen(Qt::NoPen);
            painter.setBrush(bandColours[side]);
            painter.drawPolygon(band);
        }
        // Where the band goes beyond the axis, a mark along the plot's edge says that it continues.
        QColor overflow = lineColours[side];
        overflow.setAlpha(150);
        painter.setPen(QPen(overflow, 4.0, Qt::SolidLine, Qt::FlatCap));
        for (const bool above : {true, false}) {
            const auto beyond = [&](int g) { return above ? series.q90[g] > high_ : series.q10[g] < low_; };
            for (const auto& [from, to] : finiteRuns(count, beyond)) {
                const double y = above ? plot.top() + 1.0 : plot.bottom() - 1.0;
                painter.drawLine(QPointF(xOf(from) - 1.0, y), QPointF(xOf(to - 1) + 1.0, y));
            }
        }
    }
    for (const int side : {1, 0}) {
        const Series& series = sides_[side];
        const int count = static_cast<int>(series.median.size());
        const double width = side == 0 ? sizes::lineWidth : 0.6 * sizes::lineWidth;
        painter.setPen(QPen(lineColours[side], width, side == 0 ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        const auto medianPresent = [&](int g) { return std::isfinite(series.median[g]); };
        for (const auto& [from, to] : finiteRuns(count, medianPresent)) {
            const QPolygonF line = linePoints(from, to, xOf, [&](int g) { return yOf(series.median[g]); }, pixelsPerUnit);
            if (line.size() == 1) {
                painter.drawPoint(line.front());
            } else {
                painter.drawPolyline(line);
            }
        }
    }
    if (std::isfinite(reference_) && reference_ >= low_ && reference_ <= high_) {
        painter.setPen(QPen(colours::original, 1.5, Qt::DotLine));
        painter.drawLine(QPointF(plot.left(), yOf(reference_)), QPointF(plot.right(), yOf(reference_)));
    }
    painter.restore();

    if (!sideLabels_[1].isEmpty()) {
        // A legend under the title naming the two medians; bands and the reference speak for themselves.
        const QVector<LegendEntry> entries = sideLegend();
        drawLegend(painter, QRectF(kPad, layout.legendTop, layout.size.width() - 2 * kPad, legendHeight(entries, layout.size.width() - 2 * kPad)),
                   entries);
    }
}

QVector<LegendEntry> MetricChart::sideLegend() const
{
    return {{colours::model, Qt::SolidLine, sideLabels_[0]}, {colours::accent, Qt::DashLine, sideLabels_[1]}};
}

void MetricChart::drawMarkers(QPainter& painter, const Layout& layout) const
{
    const QRectF plot = layout.plot;
    painter.setPen(QPen(colours::marker, 2.5));
    for (const int generation : marked_) {
        const double x = plot.left() + generation / double(std::max(1, generations_ - 1)) * plot.width();
        if (x >= plot.left() - 1 && x <= plot.right() + 1) {
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
}

void MetricChart::invalidate()
{
    cache_ = QPixmap();
    update();
}

void MetricChart::resizeEvent(QResizeEvent*)
{
    invalidate();
}

void MetricChart::paintEvent(QPaintEvent*)
{
    const Layout layout = layOut(size());
    if (cache_.isNull()) {
        cache_ = paintedPixmap(*this, [this, &layout](QPainter& painter) {
            painter.fillRect(rect(), colours::background);
            drawChart(painter, layout, true);
        });
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, cache_);
    painter.setRenderHint(QPainter::Antialiasing);
    drawMarkers(painter, layout);
}

void MetricChart::render(QPainter& painter, const QRectF& area, bool opaque)
{
    renderChart(painter, area, opaque);
    renderMarkers(painter, area);
}

void MetricChart::renderChart(QPainter& painter, const QRectF& area, bool opaque)
{
    painter.save();
    painter.translate(area.topLeft());
    if (opaque) {
        painter.fillRect(QRectF(QPointF(0, 0), area.size()), colours::background);
    }
    drawChart(painter, layOut(area.size()), false);
    painter.restore();
}

void MetricChart::renderMarkers(QPainter& painter, const QRectF& area)
{
    painter.save();
    painter.translate(area.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    drawMarkers(painter, layOut(area.size()));
    painter.restore();
}

int MetricChart::pointCount() const
{
    return static_cast<int>(std::count_if(sides_[0].median.begin(), sides_[0].median.end(),
                                          [](double v) { return std::isfinite(v); }));
}

double MetricChart::medianAt(int generation) const
{
    if (generation < 0 || generation >= sides_[0].median.size()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return sides_[0].median[generation];
}

} // namespace collapse::ui
