#pragma once

#include <string>

namespace collapse {

// The shortest text that reads back as the same double ("0.1", "1e-05"); empty for NaN, which CSV
// files write as an empty field.
std::string formatNumber(double value);
// formatNumber(value) appended to `text`, without a string of its own.
void appendNumber(std::string& text, double value);

} // namespace collapse
