#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace collapse {

// The whole text of a file the program reads (a scenario, a sweep's files), at most `largest` bytes.
// A missing, unreadable or larger file throws ScenarioError naming it; `kind` says what the file was
// meant to be ("a scenario file").
std::string readWholeFile(const std::filesystem::path& path, std::uintmax_t largest, const std::string& kind);

} // namespace collapse
