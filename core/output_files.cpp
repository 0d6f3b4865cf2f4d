#include "core/output_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include <unistd.h>

namespace collapse {

namespace fs = std::filesystem;

fs::path temporaryPathFor(const fs::path& path)
{
    fs::path temporary = path;
    temporary += ".partial-" + std::to_string(::getpid());
    return temporary;
}

void writeFileWhole(const fs::path& path, std::string contents)
{
    OutputFiles file;
    file.add(path, std::move(contents));
    file.commit();
}

void OutputFiles::add(fs::path path, std::string contents)
{
    files_.emplace_back(std::move(path), std::move(contents));
}

void OutputFiles::commit()
{
    std::vector<fs::path> temporaries;
    std::vector<fs::path> createdFolders;
    std::vector<fs::path> renamed;
    const auto removeAll = [&] {
        std::error_code ignored;
        for (const auto& path : renamed) {
            fs::remove(path, ignored);
        }
        for (const auto& temporary : temporaries) {
            fs::remove(temporary, ignored);
        }
        for (auto folder = createdFolders.rbegin(); folder != createdFolders.rend(); ++folder) {
            fs::remove(*folder, ignored);  // only removes a folder that is still empty
        }
    };
    try {
        for (const auto& [path, contents] : files_) {
            const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
            std::vector<fs::path> missing;
            for (fs::path f = fs::absolute(folder); !fs::exists(f); f = f.parent_path()) {
                missing.push_back(f);
            }
            std::error_code error;
            fs::create_directories(folder, error);
            if (error) {
                throw std::runtime_error("cannot create folder " + folder.string() + ": " + error.message());
            }
            createdFolders.insert(createdFolders.end(), missing.rbegin(), missing.rend());

            const fs::path temporary = temporaryPathFor(path);
            temporaries.push_back(temporary);
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (!out) {
                throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
            }
            out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
            out.close();
            if (!out) {
                throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
            }
        }
        for (std::size_t i = 0; i < files_.size(); ++i) {
            std::error_code error;
            fs::rename(temporaries[i], files_[i].first, error);
            if (error) {
                throw std::runtime_error("cannot write " + files_[i].first.string() + ": " + error.message());
            }
            renamed.push_back(files_[i].first);
        }
    } catch (...) {
        removeAll();
        throw;
    }
}

} // namespace collapse
