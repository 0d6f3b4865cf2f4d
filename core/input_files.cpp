#include "core/input_files.h"

#include "core/scenario.h"

#include <fstream>
#include <sstream>

namespace collapse {

std::string readWholeFile(const std::filesystem::path& path, std::uintmax_t largest, const std::string& kind)
{
    const std::string origin = path.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw ScenarioError(origin + ": " + (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
    }
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error || size > largest) {
        throw ScenarioError(origin + ": larger than " + std::to_string(largest >> 10) + " KiB, too large for " + kind);
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw ScenarioError(origin + ": cannot be read");
    }
    return std::move(text).str();
}

} // namespace collapse
