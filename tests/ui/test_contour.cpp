// Marching squares: the contour of a known function lies where the function equals the level.

#include "ui/contour.h"

#include <QTest>

#include <cmath>

using namespace collapse::ui;

class ContourTest : public QObject {
    Q_OBJECT

private slots:
    void circleOfRadiusOne();
    void levelOutsideTheRangeGivesNothing();
};

void ContourTest::circleOfRadiusOne()
{
    // f(x, y) = x² + y² on [-2, 2]², contour at 1: every segment end lies on the unit circle, to within
    // the linear interpolation's error over one cell (h²/4 for h = 4/100 here, on f; half that on r).
    constexpr int n = 101;
    const QRectF area(-2.0, -2.0, 4.0, 4.0);
    Eigen::MatrixXd values(n, n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double x = area.left() + area.width() * i / (n - 1);
            const double y = area.top() + area.height() * j / (n - 1);
            values(i, j) = x * x + y * y;
        }
    }
    const QVector<QLineF> segments = contourSegments(values, 1.0, area);
    QVERIFY(segments.size() > 50);
    double length = 0.0;
    for (const QLineF& segment : segments) {
        for (const QPointF& end : {segment.p1(), segment.p2()}) {
            QVERIFY(std::abs(std::hypot(end.x(), end.y()) - 1.0) < 1e-3);
        }
        length += segment.length();
    }
    // The polygon's perimeter approaches 2π from below.
    QVERIFY(std::abs(length - 2.0 * M_PI) < 1e-2);
}

void ContourTest::levelOutsideTheRangeGivesNothing()
{
    const Eigen::MatrixXd values = Eigen::MatrixXd::Constant(10, 10, 3.0);
    QVERIFY(contourSegments(values, 5.0, QRectF(0, 0, 1, 1)).isEmpty());
    QVERIFY(contourSegments(Eigen::MatrixXd::Zero(1, 5), 0.5, QRectF(0, 0, 1, 1)).isEmpty());
}

QTEST_APPLESS_MAIN(ContourTest)
#include "test_contour.moc"
