#pragma once

#include "ui/figure_renderer.h"

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QVector>

class QPainter;

#include <functional>
#include <optional>
#include <stdexcept>

namespace collapse::ui {

// An export that could not be made; the message names the file and the reason. Nothing was left behind.
class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class FigureFormat { Png, Svg, Pdf };
// The format a file name asks for by its suffix (.png, .svg, .pdf); none for any other.
std::optional<FigureFormat> figureFormatFor(const QString& path);

struct FigureOptions {
    // One generation gives a figure of the window's view; several give small multiples.
    QVector<int> generations;
    // The figure's size in pixels at 96 dpi, as on screen; unset: 1280x720 for one generation, or 360x270
    // per small multiple. Vector formats keep this as their page size (1 px = 1/96 inch).
    std::optional<QSize> size;
    // PNG only: pixels per inch. The picture keeps its layout and gains resolution.
    int dpi = 150;
    // PNG, SVG and PDF: leave the background unpainted.
    bool transparent = false;
};

// Writes a figure whole or not at all (core/output_files.h): PNG, or SVG and PDF as vector graphics. Throws
// ExportError naming the file when it cannot be written or a generation was not computed.
void writeFigure(FigureRenderer& renderer, const QString& path, const FigureOptions& options);

// Writes a picture whole or not at all: PNG at `dpi`, or SVG and PDF as vector graphics, `size` pixels
// at 96 dpi (64 to 16384 each way), painted by `paint` into a rectangle of that size. Throws
// ExportError naming the file. writeFigure and the sweep's phase diagram both write through it.
void writePaintedFigure(const QString& path, QSize size, int dpi, const std::function<void(QPainter&, const QSizeF&)>& paint);

// The bytes writePaintedFigure writes, for a file of `format` named `path` (in messages and the title).
QByteArray paintedFigure(FigureFormat format, const QString& path, QSize size, int dpi,
                         const std::function<void(QPainter&, const QSizeF&)>& paint);

// The resolutions offered for PNG figures: screen, print, and line art.
inline constexpr int kFigureDpiChoices[] = {150, 300, 600};

} // namespace collapse::ui
