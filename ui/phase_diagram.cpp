#include "ui/phase_diagram.h"

#include "core/model_registry.h"
#include "core/number_text.h"
#include "ui/contour.h"
#include "ui/plot_painting.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

namespace collapse::ui {

namespace {

// Matplotlib's viridis table (CC0) at every 16th of its 256 entries, and its last; linear between them
// in RGB, which stays within one 8-bit step of the full table.
struct ViridisAnchor {
    double position, red, green, blue;
};
constexpr std::array<ViridisAnchor, 17> kViridis{{
    {0.0 / 255, 0.267004, 0.004874, 0.329415},   {16.0 / 255, 0.282327, 0.094955, 0.417331},
    {32.0 / 255, 0.278826, 0.175490, 0.483397},  {48.0 / 255, 0.258965, 0.251537, 0.524736},
    {64.0 / 255, 0.229739, 0.322361, 0.545706},  {80.0 / 255, 0.199430, 0.387607, 0.554642},
    {96.0 / 255, 0.172719, 0.448791, 0.557885},  {112.0 / 255, 0.149039, 0.508051, 0.557250},
    {128.0 / 255, 0.127568, 0.566949, 0.550556}, {144.0 / 255, 0.120638, 0.625828, 0.533488},
    {160.0 / 255, 0.157851, 0.683765, 0.501686}, {176.0 / 255, 0.246070, 0.738910, 0.452024},
    {192.0 / 255, 0.369214, 0.788888, 0.382914}, {208.0 / 255, 0.515992, 0.831158, 0.294279},
    {224.0 / 255, 0.678489, 0.863742, 0.189503}, {240.0 / 255, 0.845561, 0.887322, 0.099702},
    {255.0 / 255, 0.993248, 0.906157, 0.143936},
}};

constexpr double kColourBarWidth = 18.0;
constexpr double kGap = 10.0;

QString valueLabel(double value)
{
    if (std::isnan(value)) {
        return QObject::tr("no value");
    }
    // Whole numbers (sample sizes) in full, "3162" rather than "3.16e+03"; others to three digits.
    if (value == std::round(value) && std::abs(value) < 1e7) {
        return QString::number(static_cast<qint64>(value));
    }
    return QString::number(value, 'g', 3);
}

// The swept key by the panel's name for it ("Sample size M", not "samples"), in the user's language.
QString axisTitle(const SweepAxis& axis, const ModelDescriptor& model)
{
    QString name = QString::fromStdString(axis.key);
    for (const ParameterSpec& spec : parametersOf(model)) {
        if (spec.key == axis.key && !spec.label.empty()) {
            name = QCoreApplication::translate("Parameters", std::string(spec.label).c_str());
        }
    }
    return axis.logarithmic ? QObject::tr("%1 (log scale)").arg(name) : name;
}

// Every k-th of `count` labels, so that labels `labelSize` long fit in `length` with a gap between.
int labelStride(double length, double labelSize, std::size_t count)
{
    const double room = length / std::max<double>(1.0, static_cast<double>(count));
    return std::max(1, static_cast<int>(std::ceil((labelSize + 8.0) / std::max(1.0, room))));
}

} // namespace

std::span<const StatisticName> statisticNames()
{
    static constexpr StatisticName names[] = {
        {"_median", QT_TRANSLATE_NOOP("PhaseDiagram", "median")},
        {"_mean", QT_TRANSLATE_NOOP("PhaseDiagram", "mean")},
        {"_q10", QT_TRANSLATE_NOOP("PhaseDiagram", "10% quantile")},
        {"_q90", QT_TRANSLATE_NOOP("PhaseDiagram", "90% quantile")},
    };
    return names;
}

QColor viridis(double t)
{
    t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0);
    const auto upper = std::find_if(kViridis.begin() + 1, kViridis.end(), [t](const ViridisAnchor& a) { return a.position >= t; });
    const ViridisAnchor& b = upper == kViridis.end() ? kViridis.back() : *upper;
    const ViridisAnchor& a = *(upper == kViridis.end() ? kViridis.end() - 2 : upper - 1);
    const double f = (t - a.position) / (b.position - a.position);
    return QColor::fromRgbF(static_cast<float>(a.red + f * (b.red - a.red)),
                            static_cast<float>(a.green + f * (b.green - a.green)),
                            static_cast<float>(a.blue + f * (b.blue - a.blue)));
}

PhaseDiagram::PhaseDiagram(SweepGrid grid, std::optional<double> contour) : grid_(std::move(grid)), contour_(contour) {}

void PhaseDiagram::setValue(std::size_t cell, double value)
{
    const auto columns = static_cast<std::size_t>(grid_.values.cols());
    grid_.values(static_cast<Eigen::Index>(cell / columns), static_cast<Eigen::Index>(cell % columns)) = value;
}

QString PhaseDiagram::metricTitle(std::string_view name) const
{
    // The chart's title of the metric; the column's name for a column that is no model metric
    // (train_size).
    for (const MetricDescriptor* metric : grid_.plan.base.model().metrics) {
        if (metric->name == name) {
            return QCoreApplication::translate("Metrics", std::string(metric->title).c_str());
        }
    }
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString PhaseDiagram::title() const
{
    // "Standard deviation σ — median at generation 500 over 100 replicates": the metric's own title,
    // then the statistic, so that no language has to fit one phrase into the other.
    const std::string_view column = grid_.column;
    for (const StatisticName& statistic : statisticNames()) {
        if (column.size() > statistic.suffix.size() && column.ends_with(statistic.suffix)) {
            return QCoreApplication::translate("PhaseDiagram", "%1 — %2 at generation %3 over %4 replicates")
                .arg(metricTitle(column.substr(0, column.size() - statistic.suffix.size())),
                     QCoreApplication::translate("PhaseDiagram", statistic.name))
                .arg(grid_.generation)
                .arg(grid_.plan.base.replicates);
        }
    }
    return QCoreApplication::translate("PhaseDiagram", "%1 at generation %2 over %3 replicates")
        .arg(QString::fromStdString(grid_.column))
        .arg(grid_.generation)
        .arg(grid_.plan.base.replicates);
}

QString PhaseDiagram::valueText(std::size_t cell) const
{
    const auto columns = static_cast<std::size_t>(grid_.values.cols());
    const double value = grid_.values(static_cast<Eigen::Index>(cell / columns), static_cast<Eigen::Index>(cell % columns));
    return QStringLiteral("%1: %2").arg(QString::fromStdString(grid_.plan.cellName(cell)), valueLabel(value));
}

std::pair<double, double> PhaseDiagram::colourRange() const
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const double value : grid_.values.reshaped()) {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (contour_) {
        low = std::min(low, *contour_);
        high = std::max(high, *contour_);
    }
    if (!std::isfinite(low)) {
        return {0.0, 1.0};
    }
    if (high - low < 1e-12 * std::max(1.0, std::abs(low))) {
        return {low - 0.5, low + 0.5};
    }
    return {low, high};
}

PhaseDiagram::Layout PhaseDiagram::layout(const QRectF& area) const
{
    const QFont font = scaledFont(sizes::bodyPoint);
    const QFontMetricsF metrics(font);
    Layout l;
    // The title on one line where it fits, else on two, in smaller type if need be.
    const double titleWidth = area.width() - 2 * kGap;
    l.titleText = fitText(title(), scaledFont(sizes::headingPoint, true), titleWidth, 2);
    l.title = QRectF(area.left() + kGap, area.top() + kGap, titleWidth, l.titleText.height());
    // Room for the y values' labels on the left, the colour bar's on the right, the x values' and both
    // axis titles below.
    double yLabelWidth = 0.0;
    if (grid_.plan.axes.size() > 1) {
        for (const double value : grid_.plan.axes[1].values) {
            yLabelWidth = std::max(yLabelWidth, metrics.horizontalAdvance(valueLabel(value)));
        }
    }
    const auto [low, high] = colourRange();
    const double barLabelWidth =
        std::max({metrics.horizontalAdvance(tickLabel(low, (high - low) / 4)), metrics.horizontalAdvance(tickLabel(high, (high - low) / 4)),
                  metrics.horizontalAdvance(QStringLiteral("-0.000"))});
    const double left = area.left() + kGap + metrics.height() + kGap + yLabelWidth + kGap;
    const double right = area.right() - kGap - barLabelWidth - kGap - kColourBarWidth - 2 * kGap;
    const double top = l.title.bottom() + kGap;
    const double bottom = area.bottom() - kGap - 2 * metrics.height() - 2 * kGap;
    l.plot = QRectF(QPointF(left, top), QPointF(std::max(left + 16, right), std::max(top + 16, bottom)));
    l.colourBar = QRectF(l.plot.right() + 2 * kGap, l.plot.top(), kColourBarWidth, l.plot.height());
    return l;
}

QRectF PhaseDiagram::cellRect(const QRectF& plot, Eigen::Index i, Eigen::Index j) const
{
    const double width = plot.width() / static_cast<double>(grid_.values.rows());
    const double height = plot.height() / static_cast<double>(grid_.values.cols());
    return QRectF(plot.left() + static_cast<double>(i) * width, plot.bottom() - static_cast<double>(j + 1) * height, width, height);
}

std::optional<std::size_t> PhaseDiagram::cellAt(const QPointF& point, const QRectF& area) const
{
    const QRectF plot = layout(area).plot;
    if (!plot.contains(point)) {
        return std::nullopt;
    }
    const auto i = std::clamp<Eigen::Index>(static_cast<Eigen::Index>((point.x() - plot.left()) / plot.width() * static_cast<double>(grid_.values.rows())),
                                            0, grid_.values.rows() - 1);
    const auto j = std::clamp<Eigen::Index>(static_cast<Eigen::Index>((plot.bottom() - point.y()) / plot.height() * static_cast<double>(grid_.values.cols())),
                                            0, grid_.values.cols() - 1);
    return static_cast<std::size_t>(i * grid_.values.cols() + j);
}

void PhaseDiagram::render(QPainter& painter, const QRectF& area, bool background) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (background) {
        painter.fillRect(area, colours::background);
    }
    const Layout l = layout(area);
    const QFont font = scaledFont(sizes::bodyPoint);
    const QFontMetricsF metrics(font);

    painter.setPen(colours::text);
    drawFittedText(painter, l.titleText, l.title.topLeft(), l.title.width(), Qt::AlignHCenter);

    // The cells. A cell without a value (not run yet, or no value) is left in the background's colour
    // with a thin outline.
    const auto [low, high] = colourRange();
    for (Eigen::Index i = 0; i < grid_.values.rows(); ++i) {
        for (Eigen::Index j = 0; j < grid_.values.cols(); ++j) {
            const QRectF cell = cellRect(l.plot, i, j);
            const double value = grid_.values(i, j);
            if (std::isnan(value)) {
                painter.setPen(QPen(colours::grid, 1.0));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(cell.adjusted(1, 1, -1, -1));
                continue;
            }
            const double t = std::isinf(value) ? (value > 0 ? 1.0 : 0.0) : (value - low) / (high - low);
            // Each cell a touch larger than its share, so that no hairline of background shows between.
            painter.fillRect(cell.adjusted(0, 0, 0.5, 0.5), viridis(t));
        }
    }

    // The boundary: where the statistic crosses the contour level, between the cells' centres.
    if (contour_ && grid_.values.rows() > 1 && grid_.values.cols() > 1) {
        const QRectF centres(cellRect(l.plot, 0, 0).center(), cellRect(l.plot, grid_.values.rows() - 1, grid_.values.cols() - 1).center());
        // contourSegments puts index j at top + j·dy, downwards; the second axis runs up, so its
        // segments are mirrored top to bottom.
        const QVector<QLineF> segments = contourSegments(grid_.values, *contour_, centres.normalized());
        QPainterPath path;
        for (QLineF segment : segments) {
            const auto flip = [&](QPointF p) { return QPointF(p.x(), centres.top() + centres.bottom() - p.y()); };
            segment = QLineF(flip(segment.p1()), flip(segment.p2()));
            path.moveTo(segment.p1());
            path.lineTo(segment.p2());
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 5.0 * sizes::lineWidth / 2.0 + 2.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(path);
        painter.setPen(QPen(Qt::black, 2.0 * sizes::lineWidth / 2.0 + 1.0, Qt::DashLine, Qt::RoundCap));
        painter.drawPath(path);
    }

    // Axes: the values at the cells' centres, as many as fit.
    painter.setFont(font);
    painter.setPen(QPen(colours::axis, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(l.plot);
    const SweepAxis& xAxis = grid_.plan.axes[0];
    double xLabelWidth = 0.0;
    for (const double value : xAxis.values) {
        xLabelWidth = std::max(xLabelWidth, metrics.horizontalAdvance(valueLabel(value)));
    }
    const int xStride = labelStride(l.plot.width(), xLabelWidth, xAxis.values.size());
    painter.setPen(colours::text);
    for (std::size_t i = 0; i < xAxis.values.size(); i += static_cast<std::size_t>(xStride)) {
        const QRectF cell = cellRect(l.plot, static_cast<Eigen::Index>(i), 0);
        const QString label = valueLabel(xAxis.values[i]);
        painter.drawLine(QPointF(cell.center().x(), l.plot.bottom()), QPointF(cell.center().x(), l.plot.bottom() + 5));
        painter.drawText(QPointF(cell.center().x() - metrics.horizontalAdvance(label) / 2, l.plot.bottom() + 7 + metrics.ascent()), label);
    }
    const QString xTitle = axisTitle(xAxis, grid_.plan.base.model());
    painter.drawText(QPointF(l.plot.center().x() - metrics.horizontalAdvance(xTitle) / 2,
                             l.plot.bottom() + 7 + metrics.height() + kGap + metrics.ascent()),
                     xTitle);
    if (grid_.plan.axes.size() > 1) {
        const SweepAxis& yAxis = grid_.plan.axes[1];
        const int yStride = labelStride(l.plot.height(), metrics.height(), yAxis.values.size());
        for (std::size_t j = 0; j < yAxis.values.size(); j += static_cast<std::size_t>(yStride)) {
            const QRectF cell = cellRect(l.plot, 0, static_cast<Eigen::Index>(j));
            const QString label = valueLabel(yAxis.values[j]);
            painter.drawLine(QPointF(l.plot.left() - 5, cell.center().y()), QPointF(l.plot.left(), cell.center().y()));
            painter.drawText(QPointF(l.plot.left() - 7 - metrics.horizontalAdvance(label), cell.center().y() + metrics.ascent() / 2 - 2), label);
        }
        painter.save();
        const QString yTitle = axisTitle(yAxis, grid_.plan.base.model());
        painter.translate(area.left() + kGap + metrics.ascent(), l.plot.center().y() + metrics.horizontalAdvance(yTitle) / 2);
        painter.rotate(-90);
        painter.drawText(QPointF(0, 0), yTitle);
        painter.restore();
    }

    // The colour bar, with nice ticks over the values' range and the contour level marked.
    QLinearGradient gradient(l.colourBar.bottomLeft(), l.colourBar.topLeft());
    for (const auto& anchor : kViridis) {
        gradient.setColorAt(anchor.position, QColor::fromRgbF(static_cast<float>(anchor.red), static_cast<float>(anchor.green),
                                                              static_cast<float>(anchor.blue)));
    }
    painter.fillRect(l.colourBar, gradient);
    painter.setPen(QPen(colours::axis, 1.0));
    painter.drawRect(l.colourBar);
    const double step = niceTickStep(high - low, std::clamp(static_cast<int>(l.colourBar.height() / (2.5 * metrics.height())), 2, 6));
    painter.setPen(colours::text);
    const auto barY = [&](double value) { return l.colourBar.bottom() - (value - low) / (high - low) * l.colourBar.height(); };
    for (double value = std::ceil(low / step) * step; value <= high + 1e-9 * step; value += step) {
        const double y = barY(value);
        painter.drawLine(QPointF(l.colourBar.right(), y), QPointF(l.colourBar.right() + 5, y));
        painter.drawText(QPointF(l.colourBar.right() + 7, y + metrics.ascent() / 2 - 2), tickLabel(value, step));
    }
    if (contour_) {
        const double y = barY(*contour_);
        // The boundary's level beside the bar, in the text's colour so that it shows on every theme.
        painter.setPen(QPen(colours::text, 2.0, Qt::DashLine));
        painter.drawLine(QPointF(l.colourBar.left() - 6, y), QPointF(l.colourBar.left() - 1, y));
        painter.drawLine(QPointF(l.colourBar.left(), y), QPointF(l.colourBar.right(), y));
    }
    painter.restore();
}

} // namespace collapse::ui
