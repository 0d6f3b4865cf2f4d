#pragma once

#include "ui/plot_painting.h"

#include <Eigen/Core>

#include <QFont>
#include <QImage>
#include <QRectF>
#include <QString>
#include <QVector>

class QPainter;

namespace collapse::ui {

// What the stages that show images share (the VAE's, the diffusion model's): grey images from pixel
// columns, a grid of square tiles, and the heading above a panel of them.

QFont panelHeadingFont();
inline constexpr int kPanelHeadingLines = 3;

// A panel's heading over a panel `width` wide: the full title where it fits, else the short one.
FittedText panelHeading(const QString& title, const QString& shortTitle, double width);
// A panel's heading in the room above it, wrapped where the panel is narrow.
void drawPanelHeading(QPainter& painter, const QRectF& panel, const QString& title, const QString& shortTitle);

// A grey image of `rows` x `columns` pixels from a column of pixels in [0, 1], row by row.
QImage toImage(const Eigen::Ref<const Eigen::VectorXf>& pixels, int rows, int columns);

// Cells of a rows x columns grid of square tiles inside `area`, row by row.
QVector<QRectF> tiles(const QRectF& area, int rows, int columns);

} // namespace collapse::ui
