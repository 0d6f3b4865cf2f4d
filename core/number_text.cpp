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
    std::array<char, kLongestNumberText> buffer;
    text.append(buffer.data(), writeNumber(buffer.data(), value));
}

char* writeNumber(char* first, double value)
{
    if (std::isnan(value)) {
        return first;
    }
    return std::to_chars(first, first + kLongestNumberText, value).ptr;
}

} // namespace collapse
