#include "core/models/text/transformer_weights.h"

#include "core/data_error.h"
#include "core/output_files.h"

#include <zlib.h>

#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace collapse::text {

namespace {

constexpr char kMagic[8] = {'C', 'L', 'A', 'B', 'L', 'M', '1', '\n'};
constexpr std::size_t kLongestWord = 1 << 16;
// The magic, the version, the shape and the counts before the numbers and the words, with room to spare.
constexpr std::uintmax_t kHeaderBytes = 4096;
// Far above any shape a desktop trains (a billion weights), so that a damaged count is caught before it
// asks for memory.
constexpr std::uint64_t kMostWeights = std::uint64_t{1} << 30;

static_assert(std::endian::native == std::endian::little, "weights files are read and written little-endian");

template <typename T>
void put(std::string& out, T value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void putText(std::string& out, const std::string& text)
{
    put(out, static_cast<std::uint32_t>(text.size()));
    out += text;
}

std::uint32_t checksum(std::string_view bytes)
{
    return static_cast<std::uint32_t>(
        crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

// Reads the file's bytes in order; running out is a truncated file.
class Reader {
public:
    Reader(std::string_view bytes, std::string file) : bytes_(bytes), file_(std::move(file)) {}

    template <typename T>
    T take(const char* what)
    {
        T value;
        std::memcpy(&value, need(sizeof(T), what), sizeof(T));
        return value;
    }

    std::string text(std::size_t longest, const char* what)
    {
        const auto length = take<std::uint32_t>(what);
        if (length > longest) {
            fail(std::string("holds a ") + what + " of " + std::to_string(length) + " bytes: it is damaged");
        }
        return {need(length, what), length};
    }

    const char* need(std::size_t count, const char* what)
    {
        if (bytes_.size() - at_ < count) {
            fail(std::string("is truncated: it ends inside its ") + what);
        }
        const char* start = bytes_.data() + at_;
        at_ += count;
        return start;
    }

    std::size_t position() const { return at_; }
    [[noreturn]] void fail(const std::string& problem) const { throw DataError("weights file " + file_ + " " + problem); }

private:
    std::string_view bytes_;
    std::string file_;
    std::size_t at_ = 0;
};

} // namespace

std::string encodeWeights(const TransformerWeights& weights)
{
    const TransformerShape& shape = weights.parameters->shape();
    std::string out(kMagic, sizeof(kMagic));
    put(out, kWeightsFormatVersion);
    for (const int number : {shape.vocabulary, shape.context, shape.width, shape.layers, shape.heads}) {
        put(out, static_cast<std::int32_t>(number));
    }
    put(out, static_cast<std::uint32_t>(weights.words.size()));
    for (const std::string& word : weights.words) {
        putText(out, word);
    }
    putText(out, weights.provenance);
    const Eigen::VectorXf& values = weights.parameters->values();
    put(out, static_cast<std::uint64_t>(values.size()));
    out.append(reinterpret_cast<const char*>(values.data()), static_cast<std::size_t>(values.size()) * sizeof(float));
    put(out, checksum(out));
    return out;
}

void saveWeights(const std::filesystem::path& path, const TransformerWeights& weights)
{
    writeUserFile(path, encodeWeights(weights));
}

TransformerWeights loadWeights(const std::filesystem::path& path, const TransformerShape& expected)
{
    const std::string name = path.string();
    // A regular file no larger than weights of the expected shape and their words can be: a device, a
    // pipe or a huge file (a scenario or share code may name any path) is refused before it is read.
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw DataError("weights file " + name + " cannot be read: " +
                        (std::filesystem::exists(path, error) ? "it is not a regular file" : "no such file"));
    }
    const std::uintmax_t largest = static_cast<std::uintmax_t>(weightCount(expected)) * sizeof(float) +
                                   static_cast<std::uintmax_t>(expected.vocabulary) * (kLongestWord + sizeof(std::uint32_t)) +
                                   kHeaderBytes;
    if (std::filesystem::file_size(path, error) > largest || error) {
        throw DataError("weights file " + name + " is larger than weights of this model's shape can be (" +
                        std::to_string(largest >> 20) + " MiB)");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw DataError("weights file " + name + " cannot be read: it is not a readable file");
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Reader reader(bytes, name);
    if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
        reader.fail("is not a Collapse Lab weights file");
    }
    reader.need(sizeof(kMagic), "header");
    const auto version = reader.take<std::uint32_t>("format version");
    if (version != kWeightsFormatVersion) {
        reader.fail("is of format version " + std::to_string(version) + "; this Collapse Lab reads version " +
                    std::to_string(kWeightsFormatVersion));
    }
    TransformerShape shape;
    shape.vocabulary = reader.take<std::int32_t>("shape");
    shape.context = reader.take<std::int32_t>("shape");
    shape.width = reader.take<std::int32_t>("shape");
    shape.layers = reader.take<std::int32_t>("shape");
    shape.heads = reader.take<std::int32_t>("shape");
    const std::pair<const char*, std::pair<int, int>> numbers[] = {
        {"vocabulary", {shape.vocabulary, expected.vocabulary}}, {"context", {shape.context, expected.context}},
        {"width", {shape.width, expected.width}},                {"layers", {shape.layers, expected.layers}},
        {"heads", {shape.heads, expected.heads}}};
    std::string differences;
    for (const auto& [key, pair] : numbers) {
        if (pair.first != pair.second) {
            differences += std::string(differences.empty() ? "" : ", ") + key + " " + std::to_string(pair.first) +
                           " where the scenario has " + std::to_string(pair.second);
        }
    }
    if (!differences.empty()) {
        reader.fail("is of another configuration: " + differences);
    }
    TransformerWeights weights;
    const auto wordCount = reader.take<std::uint32_t>("word count");
    if (wordCount != static_cast<std::uint32_t>(shape.vocabulary)) {
        reader.fail("lists " + std::to_string(wordCount) + " words for a vocabulary of " + std::to_string(shape.vocabulary));
    }
    for (std::uint32_t i = 0; i < wordCount; ++i) {
        weights.words.push_back(reader.text(kLongestWord, "words"));
    }
    weights.provenance = reader.text(kLongestWord, "provenance");
    auto parameters = std::make_shared<TransformerParameters>(shape);
    const auto count = reader.take<std::uint64_t>("weight count");
    if (count > kMostWeights || count != static_cast<std::uint64_t>(parameters->values().size())) {
        reader.fail("holds " + std::to_string(count) + " weights where its shape has " +
                    std::to_string(parameters->values().size()));
    }
    std::memcpy(parameters->values().data(), reader.need(count * sizeof(float), "weights"), count * sizeof(float));
    const std::size_t checked = reader.position();
    if (reader.take<std::uint32_t>("checksum") != checksum(std::string_view(bytes).substr(0, checked))) {
        reader.fail("is damaged: its checksum does not match its contents");
    }
    if (reader.position() != bytes.size()) {
        reader.fail("has " + std::to_string(bytes.size() - reader.position()) + " bytes after its end");
    }
    if (!allFinite(*parameters)) {
        reader.fail("holds weights that are not finite numbers");
    }
    weights.parameters = std::move(parameters);
    return weights;
}

} // namespace collapse::text
