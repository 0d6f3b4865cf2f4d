#include "ui/label_fitting.h"

#include "ui/theme.h"

#include <QFontMetricsF>
#include <QLabel>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

namespace collapse::ui {

// The narration is fitted on every frame of playback, so the size is found by bisection: a handful of
// layouts rather than one per step.
bool fitLabel(QLabel* label, int lines, double largestPoint, double smallestPoint)
{
    QFont font = scaledFont(sizes::bodyPoint);
    font.setPointSizeF(largestPoint);
    const int margins = label->contentsMargins().top() + label->contentsMargins().bottom() + 4;
    const int boxHeight = static_cast<int>(std::ceil(QFontMetricsF(font).lineSpacing() * lines)) + margins;
    label->setFixedHeight(boxHeight);
    const double width = label->contentsRect().width() - 12.0;
    QTextDocument document;
    document.setDocumentMargin(0);
    document.setHtml(label->text());
    const auto pointOfStep = [&](int step) { return largestPoint - 0.5 * step; };
    const auto fitsAt = [&](int step) {
        font.setPointSizeF(pointOfStep(step));
        document.setDefaultFont(font);
        document.setTextWidth(width);
        return document.size().height() <= boxHeight - margins;
    };
    const int smallestStep = static_cast<int>(std::floor((largestPoint - smallestPoint) / 0.5 + 1e-9));
    // The largest type that fits, most often the largest of all; smaller type never needs more room, so
    // the steps that fit are the ones from some step on.
    int firstFitting = fitsAt(0) ? 0 : smallestStep + 1;
    int low = 1;
    int high = firstFitting == 0 ? 0 : smallestStep;
    while (low <= high) {
        const int middle = (low + high) / 2;
        if (fitsAt(middle)) {
            firstFitting = middle;
            high = middle - 1;
        } else {
            low = middle + 1;
        }
    }
    font.setPointSizeF(pointOfStep(std::min(firstFitting, smallestStep)));
    label->setFont(font);
    return firstFitting <= smallestStep;
}

} // namespace collapse::ui
