#include "ui/stages/diffusion/diffusion_image_stage.h"

#include "core/data_error.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/stages/shared/image_tiles.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kGridSide = 4;

const DiffusionModel* diffusionOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const DiffusionModel*>(snapshot->model.get());
}

} // namespace

DiffusionImageStage::DiffusionImageStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void DiffusionImageStage::setScenario(const Scenario& scenario)
{
    const DiffusionSettings& settings = scenario.as<DiffusionSettings>();
    size_ = settings.imageSize;
    real_.clear();
    dataProblem_.clear();
    try {
        const Samples reference = diffusionReference(settings, scenario.seed);
        for (Eigen::Index i = 0; i < std::min<Eigen::Index>(reference.cols(), kGridSide * kGridSide); ++i) {
            const Eigen::VectorXf pixels = ((reference.col(i).array() + 1.0) / 2.0).cast<float>();
            real_.append(toImage(pixels, size_, size_));
        }
    } catch (const DataError& error) {
        dataProblem_ = QString::fromUtf8(error.what());
    }
    invalidateBackground();
    clearGeneration();
}

void DiffusionImageStage::clearGeneration()
{
    shownGeneration_ = -1;
    generated_.clear();
    update();
}

void DiffusionImageStage::showGeneration(const RunHistory& history, int generation)
{
    const DiffusionModel* model = diffusionOf(history.at(generation));
    if (model == nullptr) {
        return;
    }
    shownGeneration_ = generation;
    generated_.clear();
    const Eigen::MatrixXf& images = model->preview().images;
    for (Eigen::Index i = 0; i < images.cols(); ++i) {
        generated_.append(toImage(images.col(i), size_, size_));
    }
    classShare_ = history.shownValue(generation, diffusion_metrics::classShare);
    update();
}

QString DiffusionImageStage::statusExample() const
{
    return tr("look like the category: %1").arg(QStringLiteral("99.9%"));
}

QString DiffusionImageStage::waitingTitle() const
{
    return tr("Real images of one category");
}

DiffusionImageStage::Layout DiffusionImageStage::layOut(const QRectF& area) const
{
    const QRectF body = frame(area).body.adjusted(16, 0, -16, -8);
    // Two square grids side by side under their headings, whose lines depend on the grids' width: found
    // for a first guess of the width, then the grids sized to what is left.
    const double guess = std::max(10.0, std::min((body.width() - 24.0) / 2.0, body.height()));
    const double heading = 6.0 + std::max(panelHeading(generatedTitle(), tr("Generated"), guess).height(),
                                          panelHeading(realTitle(), tr("Real"), guess).height());
    const double side = std::max(10.0, std::min((body.width() - 24.0) / 2.0, body.height() - heading));
    const double top = body.top() + heading;
    const double left = body.center().x() - side - 12.0;
    return {QRectF(left, top, side, side), QRectF(left + side + 24.0, top, side, side)};
}

QString DiffusionImageStage::generatedTitle() const
{
    return tr("Generated from fixed noise");
}

QString DiffusionImageStage::realTitle() const
{
    return tr("Real images");
}

void DiffusionImageStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawPanelHeading(painter, layout.real, realTitle(), tr("Real"));
    drawPanelHeading(painter, layout.generated, generatedTitle(), tr("Generated"));
    painter.fillRect(layout.real, Qt::black);
    const QVector<QRectF> cells = tiles(layout.real, kGridSide, kGridSide);
    for (int i = 0; i < cells.size() && i < real_.size(); ++i) {
        painter.drawImage(cells[i], real_[i]);
    }
    if (!dataProblem_.isEmpty()) {
        painter.setPen(colours::tailsText);
        painter.drawText(layout.real, Qt::AlignCenter | Qt::TextWordWrap, dataProblem_);
    }
}

void DiffusionImageStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawHeading(painter, frame(area), tr("look like the category: %1").arg(percentText(classShare_)), colours::modelText);
    painter.fillRect(layout.generated, Qt::black);
    const QVector<QRectF> cells = tiles(layout.generated, kGridSide, kGridSide);
    for (int i = 0; i < cells.size() && i < generated_.size(); ++i) {
        painter.drawImage(cells[i], generated_[i]);
    }
}

} // namespace collapse::ui
