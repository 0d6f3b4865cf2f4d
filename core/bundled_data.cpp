#include "core/bundled_data.h"

#include "core/data_error.h"

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <cstdlib>
#include <string>
#include <vector>

namespace collapse {

namespace {

// The running program's own file, so that a relocated installation (an AppImage, an unpacked
// package, a Windows or macOS installer) finds the data installed beside it.
std::filesystem::path programFile()
{
#if defined(_WIN32)
    std::wstring buffer(32768, L'\0');
    const DWORD length = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    buffer.resize(length);
    return std::filesystem::path(buffer);
#elif defined(__APPLE__)
    std::uint32_t size = 0;
    _NSGetExecutablePath(nullptr, &size);
    std::string buffer(size, '\0');
    if (_NSGetExecutablePath(buffer.data(), &size) != 0) {
        return {};
    }
    return std::filesystem::path(buffer.c_str());
#else
    std::error_code error;
    return std::filesystem::read_symlink("/proc/self/exe", error);
#endif
}

} // namespace

std::filesystem::path bundledDataFolder(std::string_view name)
{
    std::vector<std::filesystem::path> candidates;
    if (const char* configured = std::getenv("COLLAPSELAB_DATA_DIR")) {
        candidates.emplace_back(configured);
    }
    // <prefix>/bin/program beside <prefix>/share; a macOS bundle keeps the program three levels down.
    if (const std::filesystem::path program = programFile(); !program.empty()) {
        candidates.push_back(program.parent_path().parent_path() / "share/collapselab/data");
        candidates.push_back(program.parent_path().parent_path().parent_path().parent_path() / "share/collapselab/data");
    }
    candidates.emplace_back(COLLAPSELAB_INSTALLED_DATA_DIR);
    candidates.emplace_back(COLLAPSELAB_SOURCE_DATA_DIR);
    for (const auto& folder : candidates) {
        std::error_code error;
        if (std::filesystem::is_directory(folder / name, error)) {
            return folder / name;
        }
    }
    throw DataError("the bundled " + std::string(name) + " data was not found (looked in " +
                    std::string(COLLAPSELAB_INSTALLED_DATA_DIR) + " and " + COLLAPSELAB_SOURCE_DATA_DIR +
                    "; set COLLAPSELAB_DATA_DIR to the folder that holds it)");
}

} // namespace collapse
