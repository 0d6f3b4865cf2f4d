#include "ui/stages/cats/cat_stage.h"

#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPathStroker>

#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kShownCats = 100;
constexpr int kHistogramBins = 72;  // 5° each
constexpr double kMargin = 16.0;

// Fur colour for a hue: saturated and bright, so that blue, green and yellow read at a glance.
QColor furColour(double hue)
{
    return QColor::fromHsvF(static_cast<float>(std::fmod(hue, 360.0) / 360.0), 0.78f, 0.95f);
}

} // namespace

QPainterPath CatStage::catSilhouette()
{
    QPainterPath cat;
    cat.setFillRule(Qt::WindingFill);
    cat.addEllipse(QPointF(0.5, 0.7), 0.27, 0.25);   // body
    cat.addEllipse(QPointF(0.5, 0.34), 0.2, 0.18);   // head
    QPolygonF leftEar;
    leftEar << QPointF(0.32, 0.28) << QPointF(0.34, 0.06) << QPointF(0.47, 0.19);
    QPolygonF rightEar;
    rightEar << QPointF(0.68, 0.28) << QPointF(0.66, 0.06) << QPointF(0.53, 0.19);
    cat.addPolygon(leftEar);
    cat.addPolygon(rightEar);
    QPainterPath tail;
    tail.moveTo(0.72, 0.88);
    tail.cubicTo(0.98, 0.9, 0.98, 0.62, 0.86, 0.5);
    QPainterPathStroker stroker;
    stroker.setWidth(0.07);
    stroker.setCapStyle(Qt::RoundCap);
    cat.addPath(stroker.createStroke(tail));
    return cat.simplified();
}

CatStage::CatStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void CatStage::setScenario(const Scenario& scenario)
{
    original_ = CatsExperiment(scenario).original();
    peak_ = 0.0;
    for (int step = 0; step < 360; ++step) {
        peak_ = std::max(peak_, original_->density(step + 0.5));
    }
    clearGeneration();
    invalidateBackground();
}

void CatStage::clearGeneration()
{
    shownGeneration_ = -1;
    current_.reset();
    hues_.clear();
    update();
}

void CatStage::showGeneration(const RunHistory& history, int generation)
{
    const SnapshotPointer& snapshot = history.at(generation);
    const auto* mixture = dynamic_cast<const HueMixture*>(snapshot->model.get());
    if (mixture == nullptr) {
        return;
    }
    shownGeneration_ = generation;
    current_ = *mixture;
    hues_.clear();
    for (Eigen::Index i = 0; i < snapshot->samples.cols(); ++i) {
        hues_.append(snapshot->samples(0, i));
    }
    minorityFraction_ = history.shownValue(generation, cats_metrics::minorityFraction);
    update();
}

CatStage::Layout CatStage::layOut(const QRectF& area) const
{
    const QRectF inner = frame(area).body.adjusted(kMargin, 0, -kMargin, -kMargin);
    // Drawn small, one of many chains, the cats are the picture: no strip under them.
    if (isSmallMultiple()) {
        return {inner, QRectF()};
    }
    const double labels = QFontMetricsF(scaledFont(sizes::bodyPoint)).lineSpacing();
    // The strip takes about a third; on a small stage the cats keep at least half.
    const double stripHeight = std::clamp(inner.height() * 0.3, std::min(60.0, inner.height() * 0.35), 220.0);
    // Under the strip: the colour wheel (14 px) and the hue labels.
    const double stripBottom = inner.bottom() - 18.0 - labels;
    return {QRectF(inner.left(), inner.top(), inner.width(), stripBottom - stripHeight - inner.top() - 12.0),
            QRectF(inner.left() + 40, stripBottom - stripHeight, inner.width() - 56, stripHeight)};
}

QVector<LegendEntry> CatStage::legendEntries() const
{
    return {{colours::original, Qt::DashLine, tr("the original cats' colours")},
            {colours::original, Qt::SolidLine, tr("the model's colours")},
            {furColour(kMajorityHue), Qt::NoPen, tr("this generation's cats, by fur colour (hue)")}};
}

QString CatStage::minorityStatus(const QString& percent) const
{
    return tr("blue cats: %1").arg(percent);
}

QString CatStage::waitingTitle() const
{
    return tr("The original cats");
}

QString CatStage::statusExample() const
{
    return minorityStatus(QStringLiteral("100%"));
}

QPainterPath CatStage::densityCurve(const HueMixture& mixture, const QRectF& strip) const
{
    QPainterPath path;
    for (int step = 0; step <= 720; ++step) {
        const double hue = step * 0.5;
        const double height = std::min(1.15, mixture.density(hue) / (1.1 * peak_));
        const QPointF point(strip.left() + hue / 360.0 * strip.width(), strip.bottom() - height * strip.height());
        step == 0 ? path.moveTo(point) : path.lineTo(point);
    }
    return path;
}

void CatStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    if (layout.strip.isEmpty()) {
        return;
    }
    // The colour wheel unrolled beneath the strip.
    QLinearGradient wheel(layout.strip.bottomLeft(), layout.strip.bottomRight());
    for (int hue = 0; hue <= 360; hue += 30) {
        wheel.setColorAt(hue / 360.0, furColour(hue));
    }
    painter.fillRect(QRectF(layout.strip.left(), layout.strip.bottom() + 2, layout.strip.width(), 14), wheel);
    painter.setPen(QPen(colours::axis, 1.5));
    painter.drawRect(layout.strip);
    painter.setFont(scaledFont(sizes::bodyPoint));
    const QFontMetricsF metrics(painter.font());
    // Every 60°, or every 120° or 180° where a narrow strip has no room between them.
    const double widest = metrics.horizontalAdvance(QStringLiteral("360°")) + 8.0;
    int step = 60;
    while (step < 180 && layout.strip.width() * step / 360.0 < widest) {
        step += 60;
    }
    for (int hue = 0; hue <= 360; hue += step) {
        const double x = layout.strip.left() + hue / 360.0 * layout.strip.width();
        const QString label = QStringLiteral("%1°").arg(hue);
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, layout.strip.bottom() + 18.0 + metrics.ascent()), label);
    }
    drawFrameLegend(painter, frame(area));
    if (original_) {
        QPen dashed(colours::original, 2.5, Qt::DashLine);
        painter.setPen(dashed);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.drawPath(densityCurve(*original_, layout.strip));
    }
}

void CatStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawHeading(painter, frame(area), minorityStatus(QStringLiteral("%1%").arg(100.0 * minorityFraction_, 0, 'f', 0)),
                colours::minorityText);

    // The cats, in a grid that fills the area.
    const int shown = std::min(static_cast<int>(hues_.size()), kShownCats);
    if (shown > 0) {
        const double aspect = layout.cats.width() / layout.cats.height();
        const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(shown * aspect))));
        const int rows = (shown + columns - 1) / columns;
        const double side = std::min(layout.cats.width() / columns, layout.cats.height() / rows);
        static const QPainterPath silhouette = catSilhouette();
        const QPen outline(QColor(0x30, 0x30, 0x30), 1.2);
        for (int i = 0; i < shown; ++i) {
            const QPointF corner(layout.cats.left() + (i % columns) * side, layout.cats.top() + (i / columns) * side);
            painter.save();
            painter.translate(corner);
            painter.scale(side, side);
            painter.setPen(Qt::NoPen);
            painter.setBrush(furColour(hues_[i]));
            painter.drawPath(silhouette);
            QPen thin = outline;
            thin.setCosmetic(true);
            painter.setPen(thin);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(silhouette);
            // Eyes.
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x20, 0x20, 0x20));
            painter.drawEllipse(QPointF(0.43, 0.33), 0.03, 0.04);
            painter.drawEllipse(QPointF(0.57, 0.33), 0.03, 0.04);
            painter.restore();
        }
    }

    // This generation's hue histogram, each bar in its own colour, and the model's density.
    if (layout.strip.isEmpty()) {
        return;
    }
    painter.save();
    painter.setClipRect(layout.strip);
    if (!hues_.isEmpty()) {
        QVector<double> counts(kHistogramBins, 0.0);
        for (const double hue : hues_) {
            counts[std::clamp(static_cast<int>(hue / 360.0 * kHistogramBins), 0, kHistogramBins - 1)] += 1.0;
        }
        const double binDegrees = 360.0 / kHistogramBins;
        const double scale = 1.0 / (static_cast<double>(hues_.size()) * binDegrees * 1.1 * peak_);
        for (int b = 0; b < kHistogramBins; ++b) {
            if (counts[b] > 0.0) {
                const double height = std::min(1.15, counts[b] * scale) * layout.strip.height();
                const double x = layout.strip.left() + b * binDegrees / 360.0 * layout.strip.width();
                painter.fillRect(QRectF(x, layout.strip.bottom() - height, layout.strip.width() / kHistogramBins * 0.9, height),
                                 furColour((b + 0.5) * binDegrees));
            }
        }
    }
    if (current_) {
        painter.setPen(QPen(colours::original, 3.0));
        painter.drawPath(densityCurve(*current_, layout.strip));
    }
    painter.restore();
}

} // namespace collapse::ui
