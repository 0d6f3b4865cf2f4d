// libFuzzer harness: a transformer's weights file on any bytes, read against a small shape. A file is
// either weights of exactly that shape or refused with DataError naming what is wrong.

#include "core/data_error.h"
#include "core/models/text/transformer_weights.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("collapselab-fuzz-weights-" + std::to_string(::getpid()));
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const collapse::text::TransformerShape shape{.vocabulary = 16, .context = 8, .width = 8, .layers = 1, .heads = 2};
    try {
        const collapse::text::TransformerWeights weights = collapse::text::loadWeights(path, shape);
        if (weights.parameters == nullptr || weights.words.size() != static_cast<std::size_t>(shape.vocabulary)) {
            __builtin_trap();
        }
    } catch (const collapse::DataError&) {
    }
    return 0;
}
