#include "core/number_text.h"

#include <array>
#include <charconv>
#include <cmath>

namespace collapse {

std::string formatNumber(double value)
{
    std::string text;
    appendNumber(text, value);
    return text;
}

void appendNumber(std::string& text, double value)
{
    if (std::isnan(value)) {
        return;
    }
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    text.append(buffer.data(), result.ptr);
}

} // namespace collapse
