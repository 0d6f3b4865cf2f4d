// libFuzzer harness: the IDX image loader on any bytes, plain or (when they start with gzip's magic)
// compressed. A file is either read, sized exactly as its header says, or refused with DataError.

#include "core/image_files.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The loader reads files: each input becomes this process's own file.
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("collapselab-fuzz-idx-" + std::to_string(::getpid()));
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const collapse::IdxArray array = collapse::readIdxFile(path);
        std::size_t expected = 1;
        for (const std::uint32_t dimension : array.dimensions) {
            expected *= dimension;
        }
        if (expected != array.bytes.size()) {
            __builtin_trap();
        }
        collapse::readImageSet(path, path);
    } catch (const collapse::DataError&) {
    }
    return 0;
}
