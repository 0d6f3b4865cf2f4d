#pragma once

#include "core/models/text/transformer.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace collapse::text {

// A pretrained transformer as a file: its shape, its words and its weights, with how it was made.
//
// Layout (little-endian): the 8 bytes "CLABLM1\n"; the format version (uint32, kWeightsFormatVersion); the
// shape as five int32 (vocabulary, context, width, layers, heads); the words (uint32 count = vocabulary,
// then each as uint32 length and UTF-8 bytes, "<unk>" and "<s>" first); the provenance (uint32 length and
// UTF-8: the command that made the file); the weights (uint64 count, then float32 each, in
// TransformerParameters' order); the CRC-32 of everything before it (uint32, zlib's crc32).
struct TransformerWeights {
    std::vector<std::string> words;
    std::string provenance;
    std::shared_ptr<const TransformerParameters> parameters;
};

inline constexpr std::uint32_t kWeightsFormatVersion = 1;

// The file's bytes.
std::string encodeWeights(const TransformerWeights& weights);
// Writes `path` whole or not at all.
void saveWeights(const std::filesystem::path& path, const TransformerWeights& weights);
// Reads `path` and checks it against `expected`. Throws DataError with one line naming the file and what
// is wrong: missing or unreadable, not a weights file, another format version, truncated or damaged (its
// checksum), or a shape other than `expected` (each differing number named).
TransformerWeights loadWeights(const std::filesystem::path& path, const TransformerShape& expected);

} // namespace collapse::text
