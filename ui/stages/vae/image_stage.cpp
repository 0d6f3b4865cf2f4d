#include "ui/stages/vae/image_stage.h"

#include "core/models/vae/vae_model.h"
#include "core/random.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/stages/shared/image_tiles.h"
#include "ui/theme.h"

#include <QPainter>

#include <cmath>

namespace collapse::ui {

namespace {

constexpr int kGridColumns = 8;
constexpr int kGridRows = 8;
constexpr int kRealColumns = 4;
constexpr int kRealRows = 4;
constexpr Eigen::Index kLatentPoints = 300;
constexpr double kMargin = 16.0;

const VaeModel* vaeOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const VaeModel*>(snapshot->model.get());
}

} // namespace

ImageStage::ImageStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void ImageStage::setScenario(const Scenario& scenario)
{
    RandomStream random(scenario.seed, 0, 0, Purpose::Initialisation);
    fixedNoise_.resize(scenario.capacity, kGridColumns * kGridRows);
    for (Eigen::Index i = 0; i < fixedNoise_.size(); ++i) {
        fixedNoise_.data()[i] = static_cast<float>(random.normal());
    }
    realImages_.clear();
    dataProblem_.clear();
    try {
        const ImageData images = loadImageData(scenario.as<VaeSettings>().dataset, "the VAE");
        const Eigen::Index count = std::min<Eigen::Index>(images.heldOut.pixels.cols(), kLatentPoints);
        realPixels_ = images.heldOut.pixels.leftCols(count);
        for (int i = 0; i < kRealColumns * kRealRows && i < count; ++i) {
            realImages_.append(toImage(realPixels_.col(i), images.heldOut.rows, images.heldOut.columns));
        }
    } catch (const DataError& error) {
        dataProblem_ = QString::fromUtf8(error.what());
        realPixels_.resize(0, 0);
    }
    clearGeneration();
    invalidateBackground();
}

void ImageStage::clearGeneration()
{
    shownGeneration_ = -1;
    generated_.clear();
    realLatent_.clear();
    generatedLatent_.clear();
    update();
}

void ImageStage::showGeneration(const RunHistory& history, int generation)
{
    const VaeModel* model = vaeOf(history.at(generation));
    const VaeModel* first = vaeOf(history.at(0));
    if (model == nullptr || first == nullptr) {
        return;
    }
    shownGeneration_ = generation;
    const Eigen::MatrixXf images = decode(model->parameters(), fixedNoise_);
    generated_.clear();
    for (Eigen::Index i = 0; i < images.cols(); ++i) {
        generated_.append(toImage(images.col(i), 28, 28));
    }
    // Latent means under the generation-0 encoder: real images for reference, then this generation's.
    const auto points = [](const Eigen::MatrixXf& means) {
        QVector<QPointF> result;
        for (Eigen::Index i = 0; i < means.cols(); ++i) {
            result.append(QPointF(means(0, i), means.rows() > 1 ? means(1, i) : 0.0));
        }
        return result;
    };
    realLatent_ = realPixels_.size() > 0 ? points(encodeMeans(first->parameters(), realPixels_)) : QVector<QPointF>();
    const Samples& samples = history.at(generation)->samples;
    const Eigen::MatrixXf shown = samples.leftCols(std::min(samples.cols(), kLatentPoints)).cast<float>();
    generatedLatent_ = points(encodeMeans(first->parameters(), shown));
    // The view is set by the real images' spread, so the generated cloud visibly shrinks inside it.
    double reach = 1.0;
    for (const QPointF& point : realLatent_) {
        reach = std::max({reach, std::abs(point.x()), std::abs(point.y())});
    }
    latentView_ = QRectF(-1.1 * reach, -1.1 * reach, 2.2 * reach, 2.2 * reach);
    tailMass_ = history.shownValue(generation, common_metrics::tailMass);
    update();
}

ImageStage::Layout ImageStage::layOut(const QRectF& area) const
{
    // Generated and real images as tiles of one size: the generated grid eight tiles wide, and the real
    // grid four wide with the latent codes under it — beside the generated grid on a wide stage, under it
    // on a tall one, whichever gives the larger tiles.
    const QRectF inner = frame(area).body.adjusted(kMargin, 0, -kMargin, -kMargin);
    // The headings' room follows from the panels' widths, which follow from the room left: a first
    // guess of two lines, then the room the headings need at the widths it gives.
    double heading = 2.0 * QFontMetricsF(panelHeadingFont()).lineSpacing() + 4.0;
    for (int pass = 0; pass < 2; ++pass) {
        const double tile = std::max(4.0, std::min({(inner.height() - heading) / kGridRows,
                                                    (inner.width() - 2 * kMargin) / (kGridColumns + kRealColumns),
                                                    (inner.height() - 2 * heading - kMargin) / (kGridRows + kRealRows) * 1.5}));
        heading = 4.0 + std::max({panelHeading(generatedTitle(), tr("Generated"), kGridColumns * tile).height(),
                                  panelHeading(realTitle(), tr("Real"), kRealColumns * tile).height(),
                                  panelHeading(latentTitle(), tr("Latent"), kRealColumns * tile).height()});
    }
    const double besideTile = std::min((inner.height() - heading) / kGridRows,
                                       (inner.width() - 2 * kMargin) / (kGridColumns + kRealColumns));
    const double belowTile = std::min((inner.height() - 2 * heading - kMargin) / (kGridRows + kRealRows),
                                      (inner.width() - 2 * kMargin) / kGridColumns);
    const bool below = belowTile > besideTile;
    const double tile = std::max(4.0, below ? belowTile : besideTile);
    Layout layout;
    layout.grid = QRectF(inner.left(), inner.top() + heading, kGridColumns * tile, kGridRows * tile);
    if (below) {
        const double top = layout.grid.bottom() + kMargin + heading;
        layout.real = QRectF(inner.left(), top, kRealColumns * tile, kRealRows * tile);
        layout.latent = QRectF(layout.real.right() + 2 * kMargin, top, kRealColumns * tile, kRealRows * tile);
    } else {
        layout.real = QRectF(layout.grid.right() + 2 * kMargin, layout.grid.top(), kRealColumns * tile, kRealRows * tile);
        const double latentSide = std::max(4.0, std::min(kRealColumns * tile, layout.grid.bottom() - layout.real.bottom() - heading));
        layout.latent = QRectF(layout.real.left(), layout.grid.bottom() - latentSide, latentSide, latentSide);
    }
    return layout;
}

QString ImageStage::generatedTitle()
{
    return tr("Generated: the same latent noise each generation");
}

QString ImageStage::realTitle()
{
    return tr("Real images");
}

QString ImageStage::latentTitle()
{
    return tr("Latent codes, first encoder");
}

QVector<LegendEntry> ImageStage::legendEntries() const
{
    return {{QColor(0x90, 0x90, 0x90), Qt::NoPen, tr("latent codes of real images")},
            {colours::model, Qt::NoPen, tr("latent codes of generated images")}};
}

QString ImageStage::tailStatus(const QString& percent) const
{
    return tr("generated images outside the real images' central 95%: %1").arg(percent);
}

QString ImageStage::waitingTitle() const
{
    return tr("Training the first VAE…");
}

QString ImageStage::statusExample() const
{
    return tailStatus(QStringLiteral("99.9%"));
}

void ImageStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawPanelHeading(painter, layout.grid, generatedTitle(), tr("Generated"));
    drawPanelHeading(painter, layout.real, realTitle(), tr("Real"));
    drawPanelHeading(painter, QRectF(layout.latent.topLeft(), QSizeF(layout.real.width(), layout.latent.height())),
                     latentTitle(), tr("Latent"));
    drawFrameLegend(painter, frame(area));
    const QVector<QRectF> cells = tiles(layout.real, kRealRows, kRealColumns);
    if (!realImages_.isEmpty()) {
        painter.fillRect(layout.real, Qt::black);
    }
    for (int i = 0; i < realImages_.size() && i < cells.size(); ++i) {
        painter.drawImage(cells[i], realImages_[i]);
    }
    painter.setPen(QPen(colours::axis, 1.5));
    painter.drawRect(layout.latent);
    if (!dataProblem_.isEmpty()) {
        painter.setPen(colours::tails);
        painter.drawText(layout.grid, Qt::AlignCenter | Qt::TextWordWrap, dataProblem_);
    }
}

void ImageStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    const Layout layout = layOut(area);
    drawHeading(painter, frame(area), tailStatus(percentText(tailMass_)), colours::tailsText);

    // Nearest-neighbour scaling: pixels stay crisp squares, as the images are.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QVector<QRectF> cells = tiles(layout.grid, kGridRows, kGridColumns);
    if (!generated_.isEmpty()) {
        // The images' own black between the tiles, so the grid reads as one picture.
        painter.fillRect(layout.grid, Qt::black);
    }
    for (int i = 0; i < generated_.size() && i < cells.size(); ++i) {
        painter.drawImage(cells[i], generated_[i]);
    }

    if (latentView_.isValid()) {
        painter.save();
        painter.setClipRect(layout.latent);
        const auto map = [&](const QPointF& p) {
            return QPointF(layout.latent.left() + (p.x() - latentView_.left()) / latentView_.width() * layout.latent.width(),
                           layout.latent.bottom() - (p.y() - latentView_.top()) / latentView_.height() * layout.latent.height());
        };
        QPen real(QColor(0x90, 0x90, 0x90), 4.0, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(real);
        for (const QPointF& p : realLatent_) {
            painter.drawPoint(map(p));
        }
        QPen generatedPen(colours::model, 5.0, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(generatedPen);
        for (const QPointF& p : generatedLatent_) {
            painter.drawPoint(map(p));
        }
        painter.restore();
    }
}

} // namespace collapse::ui
