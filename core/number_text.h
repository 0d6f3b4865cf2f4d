#pragma once

#include <string>

namespace collapse {

// The shortest text that reads back as the same double ("0.1", "1e-05"); empty for NaN, which CSV
// files write as an empty field.
std::string formatNumber(double value);
// formatNumber(value) appended to `text`, without a string of its own.
void appendNumber(std::string& text, double value);

// The most characters formatNumber writes: a sign, 17 significant digits, a point and an exponent.
inline constexpr int kLongestNumberText = 24;
// formatNumber(value) written at `first`, which has room for kLongestNumberText characters; returns
// the end of what was written.
char* writeNumber(char* first, double value);

} // namespace collapse
