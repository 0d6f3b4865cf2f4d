#include "core/image_files.h"

#include "core/bundled_data.h"
#include "core/memory_estimate.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

namespace collapse {

namespace {

constexpr std::uint8_t kUnsignedByteType = 0x08;
constexpr std::size_t kLargestFile = std::size_t{1} << 31;
// The share of the machine's memory one data file may take.
constexpr double kShareOfMemoryForData = 0.5;

std::string named(const std::filesystem::path& path) { return path.string() + ": "; }

// An IDX file read in order, decompressed when it is gzip (zlib reads plain files through unchanged).
class IdxReader {
public:
    explicit IdxReader(const std::filesystem::path& path) : path_(path), file_(nullptr, gzclose)
    {
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            throw DataError(named(path) + (std::filesystem::exists(path, error) ? "not a regular file" : "no such file"));
        }
        file_.reset(gzopen(path.c_str(), "rb"));
        if (!file_) {
            throw DataError(named(path) + "cannot be opened");
        }
    }

    // Up to `count` more bytes appended to `bytes`; fewer only at the end of the file.
    void read(std::vector<std::uint8_t>& bytes, std::size_t count)
    {
        while (count > 0) {
            const auto chunk = static_cast<unsigned>(std::min<std::size_t>(count, std::size_t{1} << 20));
            const std::size_t before = bytes.size();
            bytes.resize(before + chunk);
            const int read = gzread(file_.get(), bytes.data() + before, chunk);
            if (read < 0) {
                throw DataError(named(path_) + "is not a readable gzip or IDX file");
            }
            bytes.resize(before + static_cast<std::size_t>(read));
            if (read == 0) {
                break;
            }
            count -= static_cast<std::size_t>(read);
        }
        int status = Z_OK;
        gzerror(file_.get(), &status);
        if (status != Z_OK && status != Z_BUF_ERROR) {
            throw DataError(named(path_) + "is a damaged gzip file");
        }
    }

private:
    std::filesystem::path path_;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> file_;
};

std::uint32_t bigEndian(const std::uint8_t* bytes)
{
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

} // namespace

IdxArray readIdxFile(const std::filesystem::path& path)
{
    IdxReader reader(path);
    std::vector<std::uint8_t> header;
    reader.read(header, 4);
    if (header.size() < 4 || header[0] != 0 || header[1] != 0) {
        throw DataError(named(path) + "not an IDX file (its magic number does not start with two zero bytes)");
    }
    if (header[2] != kUnsignedByteType) {
        char type[8];
        std::snprintf(type, sizeof type, "0x%02x", header[2]);
        throw DataError(named(path) + "holds IDX type " + type + "; only unsigned bytes (0x08) are images and labels");
    }
    const std::size_t dimensionCount = header[3];
    reader.read(header, 4 * dimensionCount);
    if (dimensionCount == 0 || header.size() < 4 + 4 * dimensionCount) {
        throw DataError(named(path) + "truncated: its header is incomplete");
    }
    IdxArray array;
    std::size_t expected = 1;
    for (std::size_t d = 0; d < dimensionCount; ++d) {
        array.dimensions.push_back(bigEndian(&header[4 + 4 * d]));
        expected *= array.dimensions.back();
        if (expected > kLargestFile) {
            throw DataError(named(path) + "announces more than 2 GiB of data");
        }
    }
    // What the header announces is counted before any of it is read: a small gzip file can announce
    // gigabytes of zeros. A model keeps each byte as a double besides the bytes themselves.
    const double needed = static_cast<double>(expected) * (1.0 + sizeof(double));
    if (needed > kShareOfMemoryForData * machineMemoryBytes()) {
        throw DataError(named(path) + "announces " + bytesText(static_cast<double>(expected)) + " of data, about " +
                        bytesText(needed) + " in memory, more than half of the machine's " + bytesText(machineMemoryBytes()));
    }
    // Read as it arrives, not reserved from the header: a header is only a claim until the bytes come.
    // One byte more than announced tells a file that holds more.
    reader.read(array.bytes, expected + 1);
    if (array.bytes.size() < expected) {
        throw DataError(named(path) + "truncated: the header announces " + std::to_string(expected) +
                        " bytes of data, the file holds " + std::to_string(array.bytes.size()));
    }
    if (array.bytes.size() > expected) {
        throw DataError(named(path) + "holds more bytes than its header announces (" + std::to_string(expected) + ")");
    }
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

namespace {

// `path` with `from` in its file name replaced by `to` (train-images → t10k-images), or empty when the
// name does not hold `from`.
std::filesystem::path sibling(const std::filesystem::path& path, const std::string& from, const std::string& to)
{
    std::string name = path.filename().string();
    const auto at = name.find(from);
    if (at == std::string::npos) {
        return {};
    }
    name.replace(at, from.size(), to);
    return path.parent_path() / name;
}

ImageSet columnsOf(const ImageSet& set, Eigen::Index begin, Eigen::Index count)
{
    ImageSet part;
    part.rows = set.rows;
    part.columns = set.columns;
    part.pixels = set.pixels.middleCols(begin, count);
    if (!set.labels.empty()) {
        part.labels.assign(set.labels.begin() + begin, set.labels.begin() + begin + count);
    }
    return part;
}

} // namespace

ImageData loadImageData(const std::string& dataset, std::string_view learner)
{
    const std::filesystem::path images = dataset == kBundledImages ? bundledDataFolder(kBundledImages) / "train-images-idx3-ubyte.gz"
                                                                    : std::filesystem::path(dataset);
    const std::filesystem::path labels = sibling(images, "images-idx3", "labels-idx1");
    std::error_code error;
    const bool hasLabels = !labels.empty() && std::filesystem::exists(labels, error);
    ImageSet all = readImageSet(images, hasLabels ? labels : std::filesystem::path());
    if (all.rows != 28 || all.columns != 28) {
        throw DataError(images.string() + ": images are " + std::to_string(all.rows) + "x" +
                        std::to_string(all.columns) + " pixels; " + std::string(learner) + " takes 28x28");
    }
    ImageData data;
    const std::filesystem::path testImages = sibling(images, "train-images", "t10k-images");
    if (!testImages.empty() && std::filesystem::exists(testImages, error)) {
        const std::filesystem::path testLabels = sibling(testImages, "images-idx3", "labels-idx1");
        data.heldOut = readImageSet(testImages, hasLabels && std::filesystem::exists(testLabels, error)
                                                    ? testLabels
                                                    : std::filesystem::path());
        // The held-out images are measured with the model of the training images: same size, same classes.
        if (data.heldOut.rows != all.rows || data.heldOut.columns != all.columns) {
            throw DataError(testImages.string() + ": images are " + std::to_string(data.heldOut.rows) + "x" +
                            std::to_string(data.heldOut.columns) + " pixels, but the training images in " +
                            images.string() + " are " + std::to_string(all.rows) + "x" + std::to_string(all.columns));
        }
        if (data.heldOut.pixels.cols() < 1) {
            throw DataError(testImages.string() + ": holds no images to evaluate on");
        }
        data.training = std::move(all);
    } else {
        const Eigen::Index count = all.pixels.cols();
        const Eigen::Index held = std::max<Eigen::Index>(1, count / 6);
        if (count - held < 1) {
            throw DataError(images.string() + ": too few images to keep some back for evaluation");
        }
        data.training = columnsOf(all, 0, count - held);
        data.heldOut = columnsOf(all, count - held, held);
    }
    return data;
}

} // namespace collapse
