#include "ui/contour.h"

#include <cmath>

namespace collapse::ui {

QVector<QLineF> contourSegments(const Eigen::MatrixXd& values, double level, const QRectF& area)
{
    QVector<QLineF> segments;
    const auto nx = values.rows();
    const auto ny = values.cols();
    if (nx < 2 || ny < 2) {
        return segments;
    }
    const double dx = area.width() / static_cast<double>(nx - 1);
    const double dy = area.height() / static_cast<double>(ny - 1);
    const auto point = [&](Eigen::Index i, Eigen::Index j) {
        return QPointF(area.left() + static_cast<double>(i) * dx, area.top() + static_cast<double>(j) * dy);
    };
    // Where the level crosses the edge from grid point a to grid point b, by linear interpolation.
    const auto crossing = [&](Eigen::Index ia, Eigen::Index ja, Eigen::Index ib, Eigen::Index jb) {
        const double va = values(ia, ja);
        const double vb = values(ib, jb);
        const double t = (level - va) / (vb - va);
        const QPointF pa = point(ia, ja);
        const QPointF pb = point(ib, jb);
        return pa + t * (pb - pa);
    };
    for (Eigen::Index i = 0; i + 1 < nx; ++i) {
        for (Eigen::Index j = 0; j + 1 < ny; ++j) {
            // A square with a corner of no value (NaN: a sweep's cell that has none) draws no line.
            if (std::isnan(values(i, j) + values(i + 1, j) + values(i + 1, j + 1) + values(i, j + 1))) {
                continue;
            }
            // Corners counter-clockwise: (i,j), (i+1,j), (i+1,j+1), (i,j+1); one bit each when above.
            const int index = (values(i, j) > level ? 1 : 0) | (values(i + 1, j) > level ? 2 : 0) |
                              (values(i + 1, j + 1) > level ? 4 : 0) | (values(i, j + 1) > level ? 8 : 0);
            if (index == 0 || index == 15) {
                continue;
            }
            const QPointF bottom = (index & 1) != ((index >> 1) & 1) ? crossing(i, j, i + 1, j) : QPointF();
            const QPointF right = ((index >> 1) & 1) != ((index >> 2) & 1) ? crossing(i + 1, j, i + 1, j + 1) : QPointF();
            const QPointF top = ((index >> 2) & 1) != ((index >> 3) & 1) ? crossing(i + 1, j + 1, i, j + 1) : QPointF();
            const QPointF left = ((index >> 3) & 1) != (index & 1) ? crossing(i, j + 1, i, j) : QPointF();
            switch (index) {
            case 1: case 14: segments.append({left, bottom}); break;
            case 2: case 13: segments.append({bottom, right}); break;
            case 3: case 12: segments.append({left, right}); break;
            case 4: case 11: segments.append({right, top}); break;
            case 6: case 9: segments.append({bottom, top}); break;
            case 7: case 8: segments.append({left, top}); break;
            case 5:  // saddles: resolved the same way every time, which keeps the drawing stable
                segments.append({left, bottom});
                segments.append({right, top});
                break;
            case 10:
                segments.append({bottom, right});
                segments.append({left, top});
                break;
            default: break;
            }
        }
    }
    return segments;
}

} // namespace collapse::ui
