// libFuzzer harness: the text model's corpus reader on any bytes. Text is either cut into a training
// stream and a held-out tenth, or refused with DataError (binary, not UTF-8, too short...).

#include "core/models/text/text_corpus.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        collapse::text::TextCorpus::fromText(text, 8, "fuzz.txt");
    } catch (const collapse::DataError&) {
    }
    return 0;
}
