#pragma once

#include "core/data_error.h"

#include <Eigen/Core>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

// An array of unsigned bytes from an IDX file (LeCun et al.'s MNIST format): the sizes of its
// dimensions, then the bytes, last dimension fastest.
struct IdxArray {
    std::vector<std::uint32_t> dimensions;
    std::vector<std::uint8_t> bytes;
};

// Reads an IDX file of unsigned bytes, gzip-compressed or not. Checks the magic number (two zero
// bytes, type 0x08, then the number of dimensions) and that the data is exactly as long as the header
// says; throws DataError otherwise.
IdxArray readIdxFile(const std::filesystem::path& path);

// Images of one size with their class labels, pixels scaled to [0, 1], one image per column.
struct ImageSet {
    int rows = 0;
    int columns = 0;
    Eigen::MatrixXf pixels;           // (rows * columns) x count
    std::vector<std::uint8_t> labels; // one per image; empty when no label file was given
};

// Reads an MNIST-family image file (3 dimensions) and, if given, its label file (1 dimension, as
// many labels as images).
ImageSet readImageSet(const std::filesystem::path& images, const std::filesystem::path& labels = {});

// The bundled images (resources/data/fashion-mnist-subset): 1000 training and 200 test images of each
// Fashion-MNIST class.
inline constexpr std::string_view kBundledImages = "fashion-mnist-subset";

// The images a model learns from: a pool of real training images, and held-out real images, with their
// labels where there are any.
struct ImageData {
    ImageSet training;
    ImageSet heldOut;
};

// A `dataset` key's images: "fashion-mnist-subset" (bundled), or the path of an MNIST-family image file,
// which must hold 28x28 images (`learner`, "the VAE", says who takes them in the message). Its labels are
// the file of the same name with "labels-idx1" for "images-idx3", if present; held-out images are the
// "t10k" file beside a "train" file, else the last sixth of the images. Throws DataError naming the file.
ImageData loadImageData(const std::string& dataset, std::string_view learner);

} // namespace collapse
