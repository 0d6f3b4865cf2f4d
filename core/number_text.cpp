#include "core/number_text.h"

#include <array>
#include <charconv>
#include <cmath>

namespace collapse {

std::string formatNumber(double value)
{
    if (std::isnan(value)) {
        return {};
    }
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

} // namespace collapse
