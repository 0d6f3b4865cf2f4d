#include "ui/metric_chart.h"

#include "ui/figure_export.h"
#include "ui/plot_painting.h"
#include "ui/theme.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr double kPad = 6.0;
constexpr double kTickLength = 4.0;
// Qt Charts sets each axis label in a text document with this margin on every side
// (ChartPresenter::textMargin), and a padding between labels and ticks (QAbstractAxis::labelPadding()
// is not public; Qt's default).
constexpr double kLabelMargin = 4.0;
constexpr double kLabelPadding = 4.0;
// A band may reach this many median spans (or quarters of its own span, if more) beyond the medians
// before the axis stops following it.
constexpr double kBandReach = 2.0;
// Charts shorter than this leave out the x axis's title, and a single run's key.
constexpr double kHeightForAxisTitle = 210.0;
// A drag shorter than this is a click, not a range.
constexpr double kShortestDrag = 6.0;
// Drawing order above Qt Charts' own items.
constexpr double kMarkerZ = 50.0;
constexpr double kSelectionZ = 55.0;
constexpr double kHoverZ = 60.0;

QFont tickFont()
{
    return scaledFont(sizes::bodyPoint);
}

QFont chartTitleFont()
{
    return scaledFont(sizes::bodyPoint + 1, true);
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

// The runs [first, end) of consecutive indices in [from, to) where `present` holds: one series each, so
// a value that does not exist leaves a gap.
template <typename Present>
QVector<QPair<int, int>> finiteRuns(int from, int to, Present present)
{
    QVector<QPair<int, int>> runs;
    int start = -1;
    for (int g = from; g <= to; ++g) {
        const bool here = g < to && present(g);
        if (here && start < 0) {
            start = g;
        } else if (!here && start >= 0) {
            runs.append({start, g});
            start = -1;
        }
    }
    return runs;
}

// The points of a line through the generations [from, to): each generation's, or where `columnOf` maps
// several generations to one device pixel column, only the first, lowest, highest and last of each
// column, in order (M4 aggregation: Jugel et al., VLDB 2014). That draws the same pixels as the whole
// line, where thousands of points would each cost the stroker a join. `columnOf` null: every point.
template <typename Column, typename Y>
QList<QPointF> linePoints(int from, int to, const Column& columnOf, const Y& yAt, bool thinned)
{
    QList<QPointF> line;
    const auto point = [&](int g) { return QPointF(g, yAt(g)); };
    if (!thinned) {
        for (int g = from; g < to; ++g) {
            line << point(g);
        }
        return line;
    }
    for (int g = from; g < to;) {
        const double column = columnOf(g);
        const int first = g;
        int lowest = g;
        int highest = g;
        int last = g;
        for (; g < to && columnOf(g) == column; ++g) {
            lowest = yAt(g) < yAt(lowest) ? g : lowest;
            highest = yAt(g) > yAt(highest) ? g : highest;
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

// A category axis as a linear axis with our own ticks: a label at each value (Qt Charts' value axes
// take only a printf format, and a logarithmic one labels nothing but powers of its base — a
// log-likelihood from 60 to 200 would show one label).
void setTicks(QCategoryAxis& axis, double low, double high, const QVector<double>& ticks,
              const std::function<QString(double)>& label)
{
    for (const QString& existing : axis.categoriesLabels()) {
        axis.remove(existing);
    }
    axis.setRange(low, high);
    axis.setStartValue(low);
    QStringList used;
    for (const double tick : ticks) {
        const QString text = label(tick);
        if (tick < low - 1e-9 * std::abs(high - low) || tick > high + 1e-9 * std::abs(high - low) || used.contains(text)) {
            continue;
        }
        axis.append(text, std::clamp(tick, low, high));
        used.append(text);
    }
}

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))) {
        return text;
    }
    return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
}

} // namespace

// The chart's title and legend, painted as the stages paint theirs: fitted, never cut.
class ChartDecorations : public QGraphicsItem {
public:
    explicit ChartDecorations(QGraphicsItem* parent) : QGraphicsItem(parent) {}

    void set(const QSizeF& size, const FittedText& title, const QRectF& legend, const QVector<LegendEntry>& entries)
    {
        prepareGeometryChange();
        size_ = size;
        title_ = title;
        legend_ = legend;
        entries_ = entries;
        update();
    }
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), size_); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        painter->setPen(colours::text);
        drawFittedText(*painter, title_, QPointF(kPad, kPad), size_.width() - 2 * kPad, Qt::AlignHCenter);
        if (!entries_.isEmpty()) {
            drawLegend(*painter, legend_, entries_);
        }
    }

private:
    QSizeF size_;
    FittedText title_;
    QRectF legend_;
    QVector<LegendEntry> entries_;
};

struct MetricChart::Layout {
    QSizeF size;
    FittedText title;
    QRectF legend;
    QVector<LegendEntry> entries;
    QRectF plot;
    QVector<double> xTicks, yTicks;
    double xStep = 1.0, yStep = 1.0;
    bool axisTitle = false;
};

MetricChart::MetricChart(const MetricDescriptor& metric, Scale scale, const QString& title, QWidget* parent)
    : QChartView(new QChart, parent), metric_(&metric), scale_(scale),
      title_(title.isEmpty() ? QCoreApplication::translate("Metrics", metric.title.data()) : title),
      chart_(chart()), xAxis_(new QCategoryAxis), yAxis_(new QCategoryAxis), referenceLine_(new QLineSeries)
{
    setFrameShape(QFrame::NoFrame);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setAccessibleName(title_);
    // Animations would defer every update by an event-loop turn and cost frames while playing.
    chart_->setAnimationOptions(QChart::NoAnimation);
    chart_->setBackgroundVisible(false);
    chart_->setMargins(QMargins());
    chart_->layout()->setContentsMargins(0, 0, 0, 0);
    chart_->legend()->hide();
    chart_->setMinimumSize(1, 1);
    scene()->setBackgroundBrush(colours::background);
    for (QCategoryAxis* axis : {xAxis_, yAxis_}) {
        axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        axis->setLabelsFont(tickFont());
        axis->setLabelsBrush(colours::text);
        axis->setLinePen(QPen(colours::axis, 1.5));
        axis->setGridLinePen(QPen(colours::grid, 1.0));
        axis->setTitleFont(tickFont());
        axis->setTitleBrush(colours::text);
        axis->setTruncateLabels(false);
    }
    chart_->addAxis(xAxis_, Qt::AlignBottom);
    chart_->addAxis(yAxis_, Qt::AlignLeft);
    ensurePieces({1, 1}, {1, 1}, {1, 1});

    decorations_ = new ChartDecorations(chart_);
    const auto lineItem = [this](double z) {
        auto* item = new QGraphicsLineItem(chart_);
        item->setZValue(z);
        item->hide();
        return item;
    };
    crosshair_ = lineItem(kHoverZ);
    crosshair_->setPen(QPen(colours::text, 1.0, Qt::DashLine));
    level_ = lineItem(kHoverZ);
    level_->setPen(QPen(colours::text, 1.0, Qt::DotLine));
    selection_ = new QGraphicsRectItem(chart_);
    selection_->setZValue(kSelectionZ);
    QColor selected = colours::marker;
    selected.setAlpha(50);
    selection_->setBrush(selected);
    selection_->setPen(QPen(colours::marker, 1.0));
    selection_->hide();
    hoverBox_ = new QGraphicsRectItem(chart_);
    hoverBox_->setZValue(kHoverZ);
    hoverBox_->setBrush(colours::panel);
    hoverBox_->setPen(QPen(colours::axis, 1.0));
    hoverBox_->hide();
    hoverLabel_ = new QGraphicsSimpleTextItem(hoverBox_);
    hoverLabel_->setFont(tickFont());
    hoverLabel_->setBrush(colours::text);

    setMinimumSize(kSmallest);
}

MetricChart::~MetricChart() = default;

double MetricChart::shown(double value) const
{
    if (scale_ == Scale::Linear) {
        return value;
    }
    return value < 0.0 ? std::log10(-value) : std::numeric_limits<double>::quiet_NaN();
}

MetricChart::Series MetricChart::shownSeries(int side) const
{
    const Series& raw = sides_[side];
    if (scale_ == Scale::Linear) {
        return raw;
    }
    const auto display = [this](const QVector<double>& values) {
        QVector<double> result(values.size());
        std::transform(values.begin(), values.end(), result.begin(), [this](double v) { return shown(v); });
        return result;
    };
    // The negative of a log-likelihood turns the band over: its 90% quantile is the lower edge.
    return Series{display(raw.median), display(raw.q90), display(raw.q10)};
}

void MetricChart::resetRun(int generations, double reference)
{
    generations_ = std::max(1, generations);
    reference_ = shown(reference);
    for (int side = 0; side < 2; ++side) {
        sides_[side] = Series();
        hasSide_[side] = false;
    }
    from_ = 0.0;
    to_ = std::max(1, generations_ - 1);
    zoomed_ = false;
    marked_ = {0};
    followRange();
    relayOut(chart_->size());
}

void MetricChart::setSideLabels(const QString& first, const QString& second)
{
    sideLabels_[0] = first;
    sideLabels_[1] = second;
    relayOut(chart_->size());
}

void MetricChart::updateData(const RunHistory& history, const RunHistory* comparison)
{
    const RunHistory* histories[] = {&history, comparison};
    for (int side = 0; side < 2; ++side) {
        hasSide_[side] = histories[side] != nullptr;
        if (!hasSide_[side]) {
            sides_[side] = Series();
            continue;
        }
        const RunHistory::Band& band = histories[side]->band(*metric_);
        sides_[side] = Series{band.median, band.q10, band.q90};
    }
    followRange();
    relayOut(chart_->size());
}

void MetricChart::followRange()
{
    double medianLow = std::numeric_limits<double>::infinity();
    double medianHigh = -medianLow;
    double bandLow = medianLow;
    double bandHigh = medianHigh;
    const int first = std::max(0, static_cast<int>(std::floor(from_)));
    const int last = static_cast<int>(std::ceil(to_));
    for (int side = 0; side < 2; ++side) {
        const Series series = shownSeries(side);
        const int end = std::min(static_cast<int>(series.median.size()), last + 1);
        for (int g = first; g < end; ++g) {
            if (std::isfinite(series.median[g])) {
                medianLow = std::min(medianLow, series.median[g]);
                medianHigh = std::max(medianHigh, series.median[g]);
            }
            for (const double v : {series.q10[g], series.q90[g]}) {
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
    if (!std::isfinite(medianLow)) {
        low_ = std::isfinite(reference_) ? reference_ - 1.0 : 0.0;
        high_ = std::isfinite(reference_) ? reference_ + 1.0 : 1.0;
        if (scale_ == Scale::Linear) {
            low_ = std::max(low_, metric_->lowest);
            high_ = std::min(high_, metric_->highest);
        }
        return;
    }
    // The axis follows the medians; the band may widen it by a few median spans, no further, so that a
    // band of heavy-tailed outliers never flattens the median line.
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

void MetricChart::setCurrentGeneration(int generation)
{
    setMarkedGenerations({generation});
}

void MetricChart::setMarkedGenerations(const QVector<int>& generations)
{
    if (generations != marked_) {
        marked_ = generations;
        placeMarkers();
    }
}

void MetricChart::setPlotLeft(double left)
{
    if (left != plotLeft_) {
        plotLeft_ = left;
        relayOut(chart_->size());
    }
}

void MetricChart::setTitleScale(double scale)
{
    if (scale != titleScale_) {
        titleScale_ = scale;
        relayOut(chart_->size());
    }
}

void MetricChart::setThinned(bool thinned)
{
    if (thinned != thinned_) {
        thinned_ = thinned;
        relayOut(chart_->size());
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

double MetricChart::requiredTitleScale(const QSizeF& size) const
{
    // Up to a third smaller on fewer lines, rather than wrapped onto three: the plot keeps the height.
    const QFont font = chartTitleFont();
    const double width = size.width() - 2 * kPad;
    return fitText(title_, font, width, fewestLines(title_, font, width, 3, 0.3), 0.7).font.pointSizeF() / font.pointSizeF();
}

QVector<LegendEntry> MetricChart::legendEntries() const
{
    const auto hidden = [this](Part part) { return !isShown(part); };
    if (!sideLabels_[1].isEmpty()) {
        return {{colours::model, Qt::SolidLine, sideLabels_[0], hidden(Part::FirstMedian) && hidden(Part::FirstBand)},
                {colours::accent, Qt::DashLine, sideLabels_[1], hidden(Part::SecondMedian) && hidden(Part::SecondBand)}};
    }
    QVector<LegendEntry> entries = {{colours::model, Qt::SolidLine, tr("median"), hidden(Part::FirstMedian)},
                                    {colours::band, Qt::NoPen, tr("10–90% of chains"), hidden(Part::FirstBand)}};
    if (std::isfinite(reference_)) {
        entries.append({colours::original, Qt::DotLine, tr("original"), hidden(Part::Original)});
    }
    return entries;
}

QVector<QVector<MetricChart::Part>> MetricChart::legendParts() const
{
    if (!sideLabels_[1].isEmpty()) {
        return {{Part::FirstMedian, Part::FirstBand}, {Part::SecondMedian, Part::SecondBand}};
    }
    QVector<QVector<Part>> parts = {{Part::FirstMedian}, {Part::FirstBand}};
    if (std::isfinite(reference_)) {
        parts.append({Part::Original});
    }
    return parts;
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
    layout.axisTitle = size.height() >= kHeightForAxisTitle;
    const QVector<LegendEntry> entries = legendEntries();
    const double legendWidth = size.width() - 2 * kPad;
    const double legendRoom = legendHeight(entries, legendWidth);
    const double labelBox = line + 2 * kLabelMargin;
    // The title takes up to three lines, fewer where a short chart (a small window's row of them) would
    // otherwise be left without room for a tick label.
    for (int titleLines = 3; titleLines >= 1; --titleLines) {
        layout.title = fitText(title_, titleFont, size.width() - 2 * kPad, titleLines, 0.7);
        double top = kPad + layout.title.height() + 2.0;
        // A comparison always names its sides; a single run names its parts where a row of room allows.
        layout.entries.clear();
        layout.legend = QRectF();
        if (!sideLabels_[1].isEmpty() || (layout.axisTitle && legendRoom <= 1.6 * line)) {
            layout.entries = entries;
            layout.legend = QRectF(kPad, top, legendWidth, legendRoom);
            top += legendRoom + 2.0;
        }
        // Qt Charts sets a label's text in the margin of its box: the glyphs need a line under the ticks.
        const double bottom = size.height() - kPad - kTickLength - 2.0 - line - (layout.axisTitle ? line : 0.0);
        // Room above the top tick for half a label.
        layout.plot.setTop(top + line / 2);
        layout.plot.setBottom(std::max(layout.plot.top() + 10.0, bottom));
        if (layout.plot.height() >= labelBox) {
            break;
        }
    }

    // Qt Charts hides a vertical label whose box (the line and a margin above and below) overlaps the one
    // below it, so ticks are at least a box apart.
    const int yCount = std::clamp(static_cast<int>(layout.plot.height() / (1.2 * labelBox)), 2, 6);
    layout.yTicks = ticksOver(low_, high_, yCount, &layout.yStep);
    // A chart too short for its labels (a small window's row of charts) drops every other tick, down to the
    // top one, rather than print labels over each other.
    const double pixelsPerUnit = layout.plot.height() / (high_ - low_);
    while (layout.yTicks.size() > 1 && (layout.yTicks[1] - layout.yTicks[0]) * pixelsPerUnit < labelBox) {
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
        left = kPad + widest + 2 * kLabelMargin + kLabelPadding + kTickLength;
    }
    const QString lastLabel = QString::number(static_cast<int>(std::floor(to_)));
    layout.plot.setLeft(left);
    layout.plot.setRight(std::max(left + 10.0, size.width() - kPad - ticks.horizontalAdvance(lastLabel) / 2 - kLabelMargin));
    // A plot narrower than its axis title (four compared charts in a row) gives the title's line to the plot.
    if (layout.axisTitle && layout.plot.width() < ticks.horizontalAdvance(tr("generation")) + 2 * kLabelMargin) {
        layout.axisTitle = false;
        layout.plot.setBottom(layout.plot.bottom() + line);
    }

    // As many x ticks as their labels leave room for, on whole generations.
    const double labelRoom = ticks.horizontalAdvance(lastLabel) + 3.0 * ticks.averageCharWidth();
    const int xCount = std::clamp(static_cast<int>(layout.plot.width() / labelRoom), 1, 8);
    layout.xTicks = ticksOver(from_, to_, xCount, &layout.xStep);
    if (layout.xStep < 1.0) {
        layout.xStep = 1.0;
        layout.xTicks.clear();
        for (int g = static_cast<int>(std::ceil(from_)); g <= to_; ++g) {
            layout.xTicks.append(g);
        }
    }
    return layout;
}

QRectF MetricChart::plotArea(const QSizeF& size) const
{
    return layOut(size).plot;
}

double MetricChart::xOfGeneration(double generation) const
{
    const QRectF plot = chart_->plotArea();
    return plot.left() + (generation - from_) / (to_ - from_) * plot.width();
}

double MetricChart::generationAt(double x) const
{
    const QRectF plot = chart_->plotArea();
    return from_ + (x - plot.left()) / std::max(1.0, plot.width()) * (to_ - from_);
}

void MetricChart::relayOut(const QSizeF& size)
{
    if (size.isEmpty()) {
        return;
    }
    if (chart_->size() != size) {
        chart_->resize(size);
    }
    const Layout layout = layOut(size);
    setTicks(*xAxis_, from_, to_, layout.xTicks,
             [](double tick) { return QString::number(static_cast<long long>(std::llround(tick))); });
    setTicks(*yAxis_, low_, high_, layout.yTicks, [this, &layout](double tick) { return yLabel(tick, layout.yStep); });
    xAxis_->setTitleText(layout.axisTitle ? tr("generation") : QString());
    chart_->setPlotArea(layout.plot);
    // A fixed plot area moves the axes only at the next layout pass (Qt Charts 6.4).
    chart_->layout()->invalidate();
    chart_->layout()->activate();
    // A title cut short is noted when it is drawn (drawFittedText): what a reader sees, not a size the
    // chart passed through while the window was laid out.
    decorations_->set(size, layout.title, layout.legend, layout.entries);
    fillSeries(layout);
    placeMarkers();
}

void MetricChart::fillSeries(const Layout& layout)
{
    const double pixels = layout.plot.width() * (thinned_ ? devicePixelRatioF() : 1.0);
    const auto columnOf = [&](int g) { return std::floor((g - from_) / (to_ - from_) * pixels); };
    std::array<QVector<QPair<int, int>>, 2> bandRuns, medianRuns, overflowRuns;
    std::array<Series, 2> series;
    // A generation beyond each edge, so that lines run to the plot's edge.
    const int first = std::max(0, static_cast<int>(std::floor(from_)) - 1);
    for (int side = 0; side < 2; ++side) {
        series[side] = shownSeries(side);
        const int end = std::min(static_cast<int>(series[side].median.size()), static_cast<int>(std::ceil(to_)) + 2);
        const Series& s = series[side];
        bandRuns[side] = finiteRuns(first, end, [&](int g) { return std::isfinite(s.q10[g]) && std::isfinite(s.q90[g]); });
        medianRuns[side] = finiteRuns(first, end, [&](int g) { return std::isfinite(s.median[g]); });
        // Where the band goes beyond the axis, a mark along the plot's edge says that it continues.
        overflowRuns[side] = finiteRuns(first, end, [&](int g) { return s.q90[g] > high_; });
        for (const auto& run : finiteRuns(first, end, [&](int g) { return s.q10[g] < low_; })) {
            overflowRuns[side].append({-run.first - 1, -run.second - 1});
        }
    }
    ensurePieces({int(bandRuns[0].size()), int(bandRuns[1].size())}, {int(medianRuns[0].size()), int(medianRuns[1].size())},
                 {int(overflowRuns[0].size()), int(overflowRuns[1].size())});
    // Half a line's width inside the plot, so that the edge mark shows whole.
    const double edge = 1.0 / std::max(1.0, layout.plot.height()) * (high_ - low_);
    for (int side = 0; side < 2; ++side) {
        const Series& s = series[side];
        SideSeries& pieces = pieces_[side];
        for (std::size_t i = 0; i < pieces.bands.size(); ++i) {
            QList<QPointF> upper, lower;
            if (i < std::size_t(bandRuns[side].size())) {
                const auto [from, to] = bandRuns[side][int(i)];
                upper = linePoints(from, to, columnOf, [&](int g) { return std::min(s.q90[g], high_); }, thinned_);
                lower = linePoints(from, to, columnOf, [&](int g) { return std::max(s.q10[g], low_); }, thinned_);
            }
            pieces.bands[i]->upperSeries()->replace(upper);
            pieces.bands[i]->lowerSeries()->replace(lower);
            pieces.bands[i]->setVisible(isShown(side == 0 ? Part::FirstBand : Part::SecondBand));
        }
        for (std::size_t i = 0; i < pieces.medians.size(); ++i) {
            QList<QPointF> line;
            if (i < std::size_t(medianRuns[side].size())) {
                const auto [from, to] = medianRuns[side][int(i)];
                line = linePoints(from, to, columnOf, [&](int g) { return s.median[g]; }, thinned_);
            }
            pieces.medians[i]->replace(line);
            pieces.medians[i]->setVisible(isShown(side == 0 ? Part::FirstMedian : Part::SecondMedian));
        }
        for (std::size_t i = 0; i < pieces.overflows.size(); ++i) {
            QList<QPointF> mark;
            if (i < std::size_t(overflowRuns[side].size())) {
                auto [from, to] = overflowRuns[side][int(i)];
                const bool below = from < 0;
                if (below) {
                    from = -from - 1;
                    to = -to - 1;
                }
                const double y = below ? low_ + 2 * edge : high_ - 2 * edge;
                mark = {QPointF(from - 0.5 * edge, y), QPointF(to - 1 + 0.5 * edge, y)};
                if (to - from == 1) {
                    mark = {QPointF(from - 0.3, y), QPointF(from + 0.3, y)};
                }
            }
            pieces.overflows[i]->replace(mark);
            pieces.overflows[i]->setVisible(isShown(side == 0 ? Part::FirstBand : Part::SecondBand));
        }
    }
    QList<QPointF> reference;
    if (std::isfinite(reference_) && reference_ >= low_ && reference_ <= high_) {
        reference = {QPointF(from_, reference_), QPointF(to_, reference_)};
    }
    referenceLine_->replace(reference);
    referenceLine_->setVisible(isShown(Part::Original));
}

void MetricChart::ensurePieces(const std::array<int, 2>& bandRuns, const std::array<int, 2>& medianRuns,
                               const std::array<int, 2>& overflowRuns)
{
    bool enough = true;
    for (int side = 0; side < 2; ++side) {
        enough = enough && int(pieces_[side].bands.size()) >= bandRuns[side] &&
                 int(pieces_[side].medians.size()) >= medianRuns[side] &&
                 int(pieces_[side].overflows.size()) >= overflowRuns[side];
    }
    if (enough && !chart_->series().isEmpty()) {
        return;
    }
    for (QAbstractSeries* series : chart_->series()) {
        chart_->removeSeries(series);
    }
    for (int side = 0; side < 2; ++side) {
        SideSeries& pieces = pieces_[side];
        while (int(pieces.bands.size()) < bandRuns[side]) {
            auto* band = new QAreaSeries(new QLineSeries, new QLineSeries);
            band->upperSeries()->setParent(band);
            band->lowerSeries()->setParent(band);
            pieces.bands.push_back(band);
        }
        while (int(pieces.medians.size()) < medianRuns[side]) {
            pieces.medians.push_back(new QLineSeries);
        }
        while (int(pieces.overflows.size()) < overflowRuns[side]) {
            pieces.overflows.push_back(new QLineSeries);
        }
    }
    // Qt Charts draws series of one kind in the order they were added: bands first, then the marks at
    // their cut edges, then the second side's dashed median under the first's solid one (thinner, so the
    // first shows through), then the original's value on top, where no line hides it.
    std::vector<QAbstractSeries*> order;
    for (const SideSeries& pieces : pieces_) {
        order.insert(order.end(), pieces.bands.begin(), pieces.bands.end());
    }
    for (const SideSeries& pieces : pieces_) {
        order.insert(order.end(), pieces.overflows.begin(), pieces.overflows.end());
    }
    order.insert(order.end(), pieces_[1].medians.begin(), pieces_[1].medians.end());
    order.insert(order.end(), pieces_[0].medians.begin(), pieces_[0].medians.end());
    order.push_back(referenceLine_);
    for (QAbstractSeries* series : order) {
        chart_->addSeries(series);
        series->attachAxis(xAxis_);
        series->attachAxis(yAxis_);
    }
    styleSeries();
}

void MetricChart::styleSeries()
{
    const QColor lineColours[] = {colours::model, colours::accent};
    const QColor bandColours[] = {colours::band, colours::accentBand};
    for (int side = 0; side < 2; ++side) {
        for (QAreaSeries* band : pieces_[side].bands) {
            band->setPen(Qt::NoPen);
            band->setBrush(bandColours[side]);
        }
        const double width = side == 0 ? sizes::lineWidth : 0.6 * sizes::lineWidth;
        const QPen median(lineColours[side], width, side == 0 ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap, Qt::RoundJoin);
        for (QLineSeries* line : pieces_[side].medians) {
            line->setPen(median);
        }
        QColor overflow = lineColours[side];
        overflow.setAlpha(150);
        for (QLineSeries* mark : pieces_[side].overflows) {
            mark->setPen(QPen(overflow, 4.0, Qt::SolidLine, Qt::FlatCap));
        }
    }
    referenceLine_->setPen(QPen(colours::original, 1.5, Qt::DotLine));
}

void MetricChart::placeMarkers()
{
    while (markers_.size() < std::size_t(marked_.size())) {
        auto* marker = new QGraphicsLineItem(chart_);
        marker->setZValue(kMarkerZ);
        marker->setPen(QPen(colours::marker, 2.5));
        markers_.push_back(marker);
    }
    const QRectF plot = chart_->plotArea();
    for (std::size_t i = 0; i < markers_.size(); ++i) {
        const bool used = i < std::size_t(marked_.size());
        const double x = used ? xOfGeneration(marked_[int(i)]) : 0.0;
        const bool inside = used && x >= plot.left() - 1 && x <= plot.right() + 1;
        if (inside) {
            markers_[i]->setLine(QLineF(x, plot.top(), x, plot.bottom()));
        }
        markers_[i]->setVisible(inside);
    }
}

void MetricChart::showGenerations(double first, double last)
{
    const double end = std::max(1, generations_ - 1);
    if (first > last) {
        std::swap(first, last);
    }
    // At least two generations wide, and inside the run.
    const double span = std::min(end, std::max(2.0, last - first));
    first = std::clamp(first, 0.0, end - span);
    last = first + span;
    if (first <= 0.0 && last >= end) {
        resetZoom();
        return;
    }
    from_ = first;
    to_ = last;
    zoomed_ = true;
    followRange();
    relayOut(chart_->size());
}

void MetricChart::resetZoom()
{
    from_ = 0.0;
    to_ = std::max(1, generations_ - 1);
    zoomed_ = false;
    followRange();
    relayOut(chart_->size());
}

QPair<double, double> MetricChart::zoomedRange(double factor, double generation) const
{
    const double around = std::clamp(generation, from_, to_);
    const double first = around - (around - from_) * factor;
    return {first, first + (to_ - from_) * factor};
}

void MetricChart::setShown(Part part, bool shown)
{
    shown_[static_cast<int>(part)] = shown;
    relayOut(chart_->size());
}

QVector<MetricChart::LegendHit> MetricChart::legendHits() const
{
    const Layout layout = layOut(chart_->size());
    QVector<LegendHit> hits;
    const QVector<QVector<Part>> parts = legendParts();
    const QVector<QRectF> areas = legendEntryAreas(layout.legend, layout.entries);
    for (int i = 0; i < areas.size(); ++i) {
        hits.append({areas[i], parts[i]});
    }
    return hits;
}

QString MetricChart::valueText(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'g', 4) : tr("no value");
}

QString MetricChart::valuesAt(int generation) const
{
    QStringList lines = {tr("Generation %1").arg(generation)};
    for (int side = 0; side < 2; ++side) {
        if (!hasSide_[side]) {
            continue;
        }
        const Series& s = sides_[side];
        const bool present = generation >= 0 && generation < s.median.size();
        const double median = present ? s.median[generation] : std::numeric_limits<double>::quiet_NaN();
        QString text = tr("median %1").arg(valueText(median));
        if (present && std::isfinite(s.q10[generation]) && std::isfinite(s.q90[generation])) {
            text += tr(", 10–90%: %1 to %2").arg(valueText(s.q10[generation]), valueText(s.q90[generation]));
        }
        lines.append(hasSide_[1] && !sideLabels_[side].isEmpty() ? sideLabels_[side] + QStringLiteral(": ") + text : text);
    }
    return lines.join(QLatin1Char('\n'));
}

QString MetricChart::hoverText() const
{
    return hoverText_;
}

QString MetricChart::dataCsv() const
{
    const QString metric = QString::fromUtf8(metric_->name.data(), qsizetype(metric_->name.size()));
    QStringList header = {QStringLiteral("generation")};
    int rows = 0;
    for (int side = 0; side < 2; ++side) {
        if (!hasSide_[side]) {
            continue;
        }
        const QString prefix = hasSide_[1] ? sideLabels_[side] + QLatin1Char(' ') : QString();
        for (const char* quantity : {"median", "q10", "q90"}) {
            header.append(csvField(prefix + metric + QLatin1Char('_') + QLatin1String(quantity)));
        }
        rows = std::max(rows, int(sides_[side].median.size()));
    }
    const auto number = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', QLocale::FloatingPointShortest) : QString(); };
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int g = 0; g < rows; ++g) {
        QStringList row = {QString::number(g)};
        for (int side = 0; side < 2; ++side) {
            if (!hasSide_[side]) {
                continue;
            }
            const Series& s = sides_[side];
            const bool present = g < s.median.size();
            for (const QVector<double>* values : {&s.median, &s.q10, &s.q90}) {
                row.append(present ? number((*values)[g]) : QString());
            }
        }
        csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

void MetricChart::showHover(const QPointF& position)
{
    const QRectF plot = chart_->plotArea();
    const int count = int(sides_[0].median.size());
    if (!plot.adjusted(-1, -1, 1, 1).contains(position) || count == 0) {
        hideHover();
        return;
    }
    const int generation = std::clamp(static_cast<int>(std::lround(generationAt(position.x()))), 0, count - 1);
    const double x = xOfGeneration(generation);
    crosshair_->setLine(QLineF(x, plot.top(), x, plot.bottom()));
    crosshair_->show();
    const double median = shownSeries(0).median.value(generation, std::numeric_limits<double>::quiet_NaN());
    if (std::isfinite(median) && median >= low_ && median <= high_) {
        const double y = plot.bottom() - (median - low_) / (high_ - low_) * plot.height();
        level_->setLine(QLineF(plot.left(), y, plot.right(), y));
        level_->show();
    } else {
        level_->hide();
    }
    hoverText_ = valuesAt(generation);
    hoverLabel_->setText(hoverText_);
    const QRectF text = hoverLabel_->boundingRect();
    const QSizeF box(text.width() + 2 * kPad, text.height() + 2 * kPad);
    // Beside the crosshair, on whichever side has the room, and inside the chart.
    double left = x + kPad;
    if (left + box.width() > chart_->size().width()) {
        left = std::max(0.0, x - kPad - box.width());
    }
    const double top = std::clamp(position.y() - box.height() - kPad, 0.0, std::max(0.0, chart_->size().height() - box.height()));
    hoverBox_->setRect(QRectF(QPointF(0, 0), box));
    hoverBox_->setPos(left, top);
    hoverLabel_->setPos(kPad, kPad);
    hoverBox_->show();
}

void MetricChart::hideHover()
{
    crosshair_->hide();
    level_->hide();
    hoverBox_->hide();
    hoverText_.clear();
}

void MetricChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    setMinimumSize(kSmallest);
    relayOut(size());
}

void MetricChart::mousePressEvent(QMouseEvent* event)
{
    const QPointF position = mapToScene(event->position().toPoint());
    if (event->button() != Qt::LeftButton) {
        QChartView::mousePressEvent(event);
        return;
    }
    for (const LegendHit& hit : legendHits()) {
        if (hit.area.contains(position)) {
            const bool show = std::none_of(hit.parts.begin(), hit.parts.end(), [this](Part part) { return isShown(part); });
            for (const Part part : hit.parts) {
                shown_[static_cast<int>(part)] = show;
            }
            relayOut(chart_->size());
            event->accept();
            return;
        }
    }
    if (chart_->plotArea().adjusted(-1, -1, 1, 1).contains(position)) {
        dragStart_ = position.x();
        event->accept();
    }
}

void MetricChart::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF position = mapToScene(event->position().toPoint());
    if (dragStart_ >= 0.0) {
        const QRectF plot = chart_->plotArea();
        const double x = std::clamp(position.x(), plot.left(), plot.right());
        selection_->setRect(QRectF(QPointF(std::min(x, dragStart_), plot.top()), QPointF(std::max(x, dragStart_), plot.bottom())));
        selection_->setVisible(std::abs(x - dragStart_) >= kShortestDrag);
        hideHover();
        return;
    }
    showHover(position);
}

void MetricChart::mouseReleaseEvent(QMouseEvent* event)
{
    if (dragStart_ < 0.0 || event->button() != Qt::LeftButton) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    const QPointF position = mapToScene(event->position().toPoint());
    const QRectF plot = chart_->plotArea();
    const double x = std::clamp(position.x(), plot.left(), plot.right());
    const double start = dragStart_;
    dragStart_ = -1.0;
    selection_->hide();
    if (std::abs(x - start) >= kShortestDrag) {
        emit rangeRequested(generationAt(std::min(x, start)), generationAt(std::max(x, start)));
    }
    event->accept();
}

void MetricChart::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        emit resetRequested();
        event->accept();
    }
}

void MetricChart::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        event->ignore();
        return;
    }
    const double around = generationAt(mapToScene(event->position().toPoint()).x());
    const auto [first, last] = zoomedRange(std::pow(kZoomStep, steps), around);
    emit rangeRequested(first, last);
    event->accept();
}

void MetricChart::keyPressEvent(QKeyEvent* event)
{
    const double around = marked_.isEmpty() ? 0.5 * (from_ + to_) : marked_.front();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: {
        const auto [first, last] = zoomedRange(kZoomStep, around);
        emit rangeRequested(first, last);
        return;
    }
    case Qt::Key_Minus: {
        const auto [first, last] = zoomedRange(1.0 / kZoomStep, around);
        emit rangeRequested(first, last);
        return;
    }
    case Qt::Key_0:
    case Qt::Key_Escape:
        if (zoomed_) {
            emit resetRequested();
            return;
        }
        break;
    default:
        break;
    }
    QChartView::keyPressEvent(event);
}

bool MetricChart::event(QEvent* event)
{
    // Esc leaves presenter mode, unless it resets a zoomed chart that has the keyboard.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool zoomKey = key->key() == Qt::Key_Plus || key->key() == Qt::Key_Equal || key->key() == Qt::Key_Minus;
        const bool resetKey = (key->key() == Qt::Key_Escape || key->key() == Qt::Key_0) && zoomed_;
        if (key->modifiers() == Qt::NoModifier && (zoomKey || resetKey)) {
            event->accept();
            return true;
        }
    }
    return QChartView::event(event);
}

void MetricChart::leaveEvent(QEvent* event)
{
    hideHover();
    QChartView::leaveEvent(event);
}

void MetricChart::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Copy Data as CSV"), this, [this] { QGuiApplication::clipboard()->setText(dataCsv()); });
    menu.addAction(tr("Save Chart as Figure…"), this, &MetricChart::saveFigure);
    menu.addSeparator();
    QAction* all = menu.addAction(tr("Show All Generations"), this, &MetricChart::resetRequested);
    all->setEnabled(zoomed_);
    menu.addSeparator();
    const QVector<LegendEntry> entries = legendEntries();
    const QVector<QVector<Part>> parts = legendParts();
    for (int i = 0; i < entries.size(); ++i) {
        QAction* toggle = menu.addAction(tr("Show %1").arg(entries[i].label));
        toggle->setCheckable(true);
        toggle->setChecked(!entries[i].hidden);
        connect(toggle, &QAction::toggled, this, [this, partsOfEntry = parts[i]](bool on) {
            for (const Part part : partsOfEntry) {
                shown_[static_cast<int>(part)] = on;
            }
            relayOut(chart_->size());
        });
    }
    menu.exec(event->globalPos());
}

void MetricChart::saveFigure()
{
    const QString title = tr("Save Chart as Figure");
    const QString path = QFileDialog::getSaveFileName(this, title, QString(),
                                                      tr("Figures (*.png *.svg *.pdf);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    // A chart of its own at a paper's column size, drawn whole: the window's stays as it is.
    MetricChart figure(*metric_, scale_, title_);
    figure.sides_[0] = sides_[0];
    figure.sides_[1] = sides_[1];
    figure.hasSide_[0] = hasSide_[0];
    figure.hasSide_[1] = hasSide_[1];
    figure.sideLabels_[0] = sideLabels_[0];
    figure.sideLabels_[1] = sideLabels_[1];
    figure.reference_ = reference_;
    figure.generations_ = generations_;
    figure.from_ = from_;
    figure.to_ = to_;
    figure.zoomed_ = zoomed_;
    figure.shown_ = shown_;
    figure.marked_ = marked_;
    figure.thinned_ = false;
    figure.followRange();
    try {
        writePaintedFigure(path, QSize(640, 400), 150, [&figure](QPainter& painter, const QSizeF& size) {
            figure.render(painter, QRectF(QPointF(0, 0), size));
        });
    } catch (const ExportError& error) {
        QMessageBox::warning(this, title, QString::fromStdString(error.what()));
    }
}

void MetricChart::render(QPainter& painter, const QRectF& area, bool opaque)
{
    renderChart(painter, area, opaque);
    renderMarkers(painter, area);
}

void MetricChart::renderChart(QPainter& painter, const QRectF& area, bool opaque)
{
    relayOut(area.size());
    std::vector<QGraphicsItem*> hidden;
    for (QGraphicsItem* item : std::initializer_list<QGraphicsItem*>{crosshair_, level_, hoverBox_, selection_}) {
        if (item->isVisible()) {
            hidden.push_back(item);
            item->hide();
        }
    }
    for (QGraphicsLineItem* marker : markers_) {
        if (marker->isVisible()) {
            hidden.push_back(marker);
            marker->hide();
        }
    }
    scene()->setBackgroundBrush(opaque ? QBrush(colours::background) : QBrush(Qt::NoBrush));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    scene()->render(&painter, area, QRectF(QPointF(0, 0), area.size()), Qt::IgnoreAspectRatio);
    painter.restore();
    scene()->setBackgroundBrush(colours::background);
    for (QGraphicsItem* item : hidden) {
        item->show();
    }
    if (isVisible() && QSizeF(size()) != area.size()) {
        relayOut(size());
    }
}

void MetricChart::renderMarkers(QPainter& painter, const QRectF& area)
{
    const QRectF plot = layOut(area.size()).plot.translated(area.topLeft());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colours::marker, 2.5));
    for (const int generation : marked_) {
        const double x = plot.left() + (generation - from_) / (to_ - from_) * plot.width();
        if (x >= plot.left() - 1 && x <= plot.right() + 1) {
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    painter.restore();
}

int MetricChart::pointCount() const
{
    const QVector<double>& median = sides_[0].median;
    return static_cast<int>(std::count_if(median.begin(), median.end(), [this](double v) { return std::isfinite(shown(v)); }));
}

double MetricChart::medianAt(int generation) const
{
    if (generation < 0 || generation >= sides_[0].median.size()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return shown(sides_[0].median[generation]);
}

} // namespace collapse::ui
