#pragma once

// Helpers for statistical tests: sample moments with their standard errors, the polygamma
// functions the Gaussian recursion's theory needs, and a fuzzy comparison that reports both values.

#include "core/engine.h"
#include "core/results.h"

#include <QTest>

#include <string>
#include <vector>

namespace collapse::testing {

double mean(const std::vector<double>& values);
// Sample variance with n - 1.
double variance(const std::vector<double>& values);
// Standard error of the sample mean: s / sqrt(n).
double standardErrorOfMean(const std::vector<double>& values);
// Standard error of the sample variance, sqrt((m4 - s^4) / n), from the sample's own fourth central
// moment: right for heavy-tailed data, where the normal-theory s^2 sqrt(2 / (n - 1)) is too small.
double standardErrorOfVariance(const std::vector<double>& values);
double median(std::vector<double> values);

// ψ(x), ψ'(x), ψ''(x) for x > 0, by recurrence up to x >= 10 then the asymptotic series
// (Abramowitz & Stegun 6.3.18, 6.4.12).
double digamma(double x);
double trigamma(double x);
double tetragamma(double x);

// Runs a scenario to the end and keeps every generation's metrics.
RunResults runScenario(const Scenario& scenario);
// Column `name` of generation `generation`, one value per replicate.
std::vector<double> column(const RunResults& results, int generation, const std::string& name);

} // namespace collapse::testing

// Passes when |actual - expected| <= tolerance, and says all three numbers when it does not.
#define COLLAPSE_COMPARE_WITHIN(actual, expected, tolerance)                                                    \
    do {                                                                                                        \
        const double collapseActual = (actual);                                                                 \
        const double collapseExpected = (expected);                                                             \
        const double collapseTolerance = (tolerance);                                                           \
        QVERIFY2(std::abs(collapseActual - collapseExpected) <= collapseTolerance,                              \
                 qPrintable(QStringLiteral("%1 = %2, expected %3 +- %4")                                        \
                                .arg(QStringLiteral(#actual))                                                   \
                                .arg(collapseActual, 0, 'g', 12)                                                \
                                .arg(collapseExpected, 0, 'g', 12)                                              \
                                .arg(collapseTolerance, 0, 'g', 4)));                                           \
    } while (false)
