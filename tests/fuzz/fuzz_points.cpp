// libFuzzer harness: a CSV file of 2-D points on any bytes. A file is either read, every point finite and
// their number within the bounds, or refused with DataError naming the file and the line.

#include "core/data_error.h"
#include "core/point_sets.h"

#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The reader reads files: each input becomes this process's own file.
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("collapselab-fuzz-points-" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const Eigen::Matrix2Xd points = collapse::readPointsCsv(path);
        if (points.cols() < collapse::kFewestPoints || points.cols() > collapse::kMostPoints || !points.allFinite()) {
            __builtin_trap();
        }
    } catch (const collapse::DataError&) {
    }
    return 0;
}
