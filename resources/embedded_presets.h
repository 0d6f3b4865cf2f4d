#pragma once

#include <span>
#include <string_view>

namespace collapse::resources {

struct EmbeddedFile {
    std::string_view name;  // the file name without its extension
    std::string_view text;
};

// The JSON texts of resources/presets/*.json, sorted by name.
std::span<const EmbeddedFile> presetFiles();
// The JSON texts of resources/lessons/*.json, sorted by name.
std::span<const EmbeddedFile> lessonFiles();

} // namespace collapse::resources
