#pragma once

#include <filesystem>
#include <string_view>

namespace collapse {

// Where a bundled data set (a folder of resources/data, such as "fashion-mnist-subset" or "austen") lies:
// under $COLLAPSELAB_DATA_DIR, beside the running program (<prefix>/share/collapselab/data, also for a
// relocated install), in the configured install folder, or in the source tree. Throws DataError naming
// the places looked in when it is in none.
std::filesystem::path bundledDataFolder(std::string_view name);

} // namespace collapse
