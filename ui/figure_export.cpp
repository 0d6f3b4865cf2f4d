#include "ui/figure_export.h"

#include "core/output_files.h"
#include "ui/named_choice.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace collapse::ui {

namespace {

// Logical pixels per inch: the resolution at which sizes and fonts are laid out.
constexpr double kLayoutDpi = 96.0;
constexpr double kPointsPerInch = 72.0;

QString failure(const QString& path, const QString& reason)
{
    return QObject::tr("cannot write %1: %2").arg(path, reason);
}

QSize figureSize(const FigureRenderer& renderer, const FigureOptions& options)
{
    if (options.size) {
        return *options.size;
    }
    if (options.generations.size() > 1) {
        return renderer.smallMultiplesSize(static_cast<int>(options.generations.size()), FigureRenderer::kPanelSize).toSize();
    }
    return {1280, 720};
}

void paintFigure(FigureRenderer& renderer, QPainter& painter, const QSize& size, const FigureOptions& options)
{
    const QRectF area(QPointF(0, 0), QSizeF(size));
    if (options.generations.size() > 1) {
        renderer.renderSmallMultiples(painter, area, options.generations, !options.transparent);
    } else {
        renderer.render(painter, area, options.generations.value(0), !options.transparent);
    }
}

} // namespace

std::optional<FigureFormat> figureFormatFor(const QString& path)
{
    return choiceNamed<FigureFormat>(QFileInfo(path).suffix(),
                                     {{"png", FigureFormat::Png}, {"svg", FigureFormat::Svg}, {"pdf", FigureFormat::Pdf}});
}

void writeFigure(FigureRenderer& renderer, const QString& path, const FigureOptions& options)
{
    for (const int generation : options.generations) {
        if (generation < 0 || generation >= renderer.generationCount()) {
            throw ExportError(QObject::tr("generation %1 is not in the run (it has generations 0 to %2)")
                                  .arg(generation)
                                  .arg(renderer.generationCount() - 1)
                                  .toStdString());
        }
    }
    if (options.generations.isEmpty()) {
        throw ExportError(QObject::tr("a figure needs at least one generation").toStdString());
    }
    writePaintedFigure(path, figureSize(renderer, options), options.dpi, [&](QPainter& painter, const QSizeF& size) {
        paintFigure(renderer, painter, size.toSize(), options);
    });
}

void writePaintedFigure(const QString& path, QSize size, int dpi, const std::function<void(QPainter&, const QSizeF&)>& paint)
{
    const auto format = figureFormatFor(path);
    if (!format) {
        throw ExportError(QObject::tr("%1: a figure is a .png, .svg or .pdf file").arg(path).toStdString());
    }
    // Drawn into memory, then written through the one checked path every output takes: a full disk or a
    // killed process never leaves a short or stray file.
    const QByteArray bytes = paintedFigure(*format, path, size, dpi, paint);
    try {
        writeUserFile(path.toStdString(), bytes.toStdString());
    } catch (const std::runtime_error& error) {
        throw ExportError(error.what());
    }
}

QByteArray paintedFigure(FigureFormat format, const QString& path, QSize size, int dpi,
                         const std::function<void(QPainter&, const QSizeF&)>& paint)
{
    if (dpi < 10 || dpi > 2400) {
        throw ExportError(QObject::tr("dpi must be between 10 and 2400, not %1").arg(dpi).toStdString());
    }
    if (size.width() < 64 || size.height() < 64 || size.width() > 16384 || size.height() > 16384) {
        throw ExportError(QObject::tr("a figure is 64 to 16384 pixels wide and high, not %1x%2")
                              .arg(size.width())
                              .arg(size.height())
                              .toStdString());
    }
    QBuffer file;
    file.open(QIODevice::WriteOnly);
    const QString title = QObject::tr("Collapse Lab: %1").arg(QFileInfo(path).completeBaseName());
    bool painted = false;
    switch (format) {
    case FigureFormat::Png: {
        const double ratio = dpi / kLayoutDpi;
        QImage image(QSize(int(std::lround(size.width() * ratio)), int(std::lround(size.height() * ratio))),
                     QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            throw ExportError(failure(path, QObject::tr("not enough memory for %1x%2 pixels")
                                                .arg(size.width() * ratio)
                                                .arg(size.height() * ratio))
                                  .toStdString());
        }
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            paint(painter, QSizeF(size));
            painted = painter.end();
        }
        // Printed at its dpi, the figure keeps the size it has on screen.
        image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
        image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
        QImageWriter writer(&file, "png");
        if (painted && !writer.write(image)) {
            throw ExportError(failure(path, writer.errorString()).toStdString());
        }
        break;
    }
    case FigureFormat::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(int(kLayoutDpi));
        generator.setTitle(title);
        QPainter painter(&generator);
        paint(painter, QSizeF(size));
        painted = painter.end();
        break;
    }
    case FigureFormat::Pdf: {
        QPdfWriter writer(&file);
        writer.setResolution(int(kLayoutDpi));
        writer.setPageSize(QPageSize(QSizeF(size) * (kPointsPerInch / kLayoutDpi), QPageSize::Point, title,
                                     QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Collapse Lab"));
        QPainter painter(&writer);
        paint(painter, QSizeF(size));
        painted = painter.end();
        break;
    }
    }
    if (!painted) {
        throw ExportError(failure(path, QObject::tr("the picture could not be drawn")).toStdString());
    }
    file.close();
    return file.data();
}

} // namespace collapse::ui
