#include "core/models/vae/idx_file.h"

#include <zlib.h>

#include <memory>
#include <string>

namespace collapse {

namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
constexpr std::size_t kLargestFile = std::size_t{1} << 31;

std::string named(const std::filesystem::path& path) { return path.string() + ": "; }

// The whole file, decompressed when it is gzip (zlib reads plain files through unchanged).
std::vector<std::uint8_t> readAllBytes(const std::filesystem::path& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw DataError(named(path) + (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
    }
    const std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
    if (!file) {
        throw DataError(named(path) + "cannot be opened");
    }
    std::vector<std::uint8_t> bytes;
    std::vector<std::uint8_t> chunk(1 << 20);
    for (;;) {
        const int read = gzread(file.get(), chunk.data(), static_cast<unsigned>(chunk.size()));
        if (read < 0) {
            throw DataError(named(path) + "is not a readable gzip or IDX file");
        }
        if (read == 0) {
            break;
        }
        bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + read);
        if (bytes.size() > kLargestFile) {
            throw DataError(named(path) + "is larger than 2 GiB");
        }
    }
    int status = Z_OK;
    gzerror(file.get(), &status);
    if (status != Z_OK && status != Z_BUF_ERROR) {
        throw DataError(named(path) + "is a damaged gzip file");
    }
    return bytes;
}

std::uint32_t bigEndian(const std::uint8_t* bytes)
{
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

} // namespace

IdxArray readIdxFile(const std::filesystem::path& path)
{
    std::vector<std::uint8_t> bytes = readAllBytes(path);
    if (bytes.size() < 4 || bytes[0] != 0 || bytes[1] != 0) {
        throw DataError(named(path) + "not an IDX file (its magic number does not start with two zero bytes)");
    }
    if (bytes[2] != kUnsignedByteType) {
        throw DataError(named(path) + "holds IDX type 0x" + std::to_string(bytes[2] / 16) +
                        std::to_string(bytes[2] % 16) + "; only unsigned bytes (0x08) are images and labels");
    }
    const std::size_t dimensionCount = bytes[3];
    const std::size_t header = 4 + 4 * dimensionCount;
    if (dimensionCount == 0 || bytes.size() < header) {
        throw DataError(named(path) + "truncated: its header is incomplete");
    }
    IdxArray array;
    std::size_t expected = 1;
    for (std::size_t d = 0; d < dimensionCount; ++d) {
        array.dimensions.push_back(bigEndian(&bytes[4 + 4 * d]));
        expected *= array.dimensions.back();
        if (expected > kLargestFile) {
            throw DataError(named(path) + "announces more than 2 GiB of data");
        }
    }
    const std::size_t found = bytes.size() - header;
    if (found < expected) {
        throw DataError(named(path) + "truncated: the header announces " + std::to_string(expected) +
                        " bytes of data, the file holds " + std::to_string(found));
    }
    if (found > expected) {
        throw DataError(named(path) + "holds " + std::to_string(found - expected) +
                        " bytes more than its header announces");
    }
    array.bytes.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
    return array;
}

ImageSet readImageSet(const std::filesystem::path& images, const std::filesystem::path& labels)
{
    const IdxArray pixels = readIdxFile(images);
    if (pixels.dimensions.size() != 3) {
        throw DataError(named(images) + "has " + std::to_string(pixels.dimensions.size()) +
                        " dimensions; an image file has 3 (count, rows, columns)");
    }
    ImageSet set;
    const auto count = static_cast<Eigen::Index>(pixels.dimensions[0]);
    set.rows = static_cast<int>(pixels.dimensions[1]);
    set.columns = static_cast<int>(pixels.dimensions[2]);
    const Eigen::Index size = static_cast<Eigen::Index>(set.rows) * set.columns;
    if (count == 0 || size == 0) {
        throw DataError(named(images) + "holds no images");
    }
    const Eigen::Map<const Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>> raw(pixels.bytes.data(), size,
                                                                                               count);
    set.pixels = raw.cast<float>() / 255.0f;
    if (!labels.empty()) {
        IdxArray classes = readIdxFile(labels);
        if (classes.dimensions.size() != 1) {
            throw DataError(named(labels) + "has " + std::to_string(classes.dimensions.size()) +
                            " dimensions; a label file has 1");
        }
        if (classes.dimensions[0] != pixels.dimensions[0]) {
            throw DataError(named(labels) + "holds " + std::to_string(classes.dimensions[0]) + " labels for " +
                            std::to_string(count) + " images");
        }
        set.labels = std::move(classes.bytes);
    }
    return set;
}

} // namespace collapse
