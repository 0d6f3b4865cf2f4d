#pragma once

#include <QLineF>
#include <QRectF>
#include <QVector>

#include <Eigen/Core>

namespace collapse::ui {

// The line segments where a function sampled on a regular grid crosses `level`, by marching squares
// (Lorensen & Cline's marching cubes in two dimensions). values(i, j) is the value at x index i and
// y index j; `area` is the rectangle the grid spans, in the same coordinates as the result.
QVector<QLineF> contourSegments(const Eigen::MatrixXd& values, double level, const QRectF& area);

} // namespace collapse::ui
