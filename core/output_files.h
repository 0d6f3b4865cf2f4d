#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace collapse {

// A set of files written whole or not at all: every file is first written under a temporary name
// beside its destination, and only when all of them are complete are they renamed into place. A
// failure (an unwritable folder, a full disk) removes what was written and throws
// std::runtime_error naming the file.
class OutputFiles {
public:
    void add(std::filesystem::path path, std::string contents);
    void commit();

private:
    std::vector<std::pair<std::filesystem::path, std::string>> files_;
};

// The name a file is written under before it is complete: beside it, marked with this process, so that
// processes writing the same file at once (shards of a sweep in a shared folder) never write into each
// other's temporaries.
std::filesystem::path temporaryPathFor(const std::filesystem::path& path);

// Writes one file whole or not at all, as OutputFiles does.
void writeFileWhole(const std::filesystem::path& path, std::string contents);

} // namespace collapse
