#pragma once

class QLabel;

namespace collapse::ui {

// Fixes `label` at `lines` lines of `largestPoint` type and shrinks its type in half-point steps (down to
// `smallestPoint`) until its words fit, so that what is around it never moves as the words change.
// Returns false when they do not fit even at the smallest type (the label then shows that size, cut).
bool fitLabel(QLabel* label, int lines, double largestPoint, double smallestPoint);

} // namespace collapse::ui
