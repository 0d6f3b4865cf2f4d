#include "ui/stages/shared/image_tiles.h"

#include "ui/theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

QFont panelHeadingFont()
{
    return scaledFont(sizes::bodyPoint + 1, true);
}

FittedText panelHeading(const QString& title, const QString& shortTitle, double width)
{
    const FittedText full = fitText(title, panelHeadingFont(), width, kPanelHeadingLines, 0.7);
    return full.elided ? fitText(shortTitle, panelHeadingFont(), width, kPanelHeadingLines, 0.5) : full;
}

QImage toImage(const Eigen::Ref<const Eigen::VectorXf>& pixels, int rows, int columns)
{
    QImage image(columns, rows, QImage::Format_Grayscale8);
    for (int r = 0; r < rows; ++r) {
        uchar* line = image.scanLine(r);
        for (int c = 0; c < columns; ++c) {
            line[c] = static_cast<uchar>(std::lround(255.0f * std::clamp(pixels[r * columns + c], 0.0f, 1.0f)));
        }
    }
    return image;
}

QVector<QRectF> tiles(const QRectF& area, int rows, int columns)
{
    const double side = std::min(area.width() / columns, area.height() / rows);
    QVector<QRectF> cells;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            cells.append(QRectF(area.left() + c * side + 2, area.top() + r * side + 2, side - 4, side - 4));
        }
    }
    return cells;
}

void drawPanelHeading(QPainter& painter, const QRectF& panel, const QString& title, const QString& shortTitle)
{
    painter.save();
    painter.setPen(colours::original);
    const FittedText fitted = panelHeading(title, shortTitle, panel.width());
    drawFittedText(painter, fitted, QPointF(panel.left(), panel.top() - 2.0 - fitted.height()), panel.width());
    painter.restore();
}

} // namespace collapse::ui
