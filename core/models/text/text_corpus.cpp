#include "core/models/text/text_corpus.h"

#include "core/models/text/tokenizer.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace collapse::text {

namespace {

std::string hexByte(unsigned char byte)
{
    constexpr char kDigits[] = "0123456789ABCDEF";
    return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

// The fewest tokens that leave `sequenceLength` for training once ceil(N / 10) are held out.
std::size_t fewestTokens(std::size_t sequenceLength)
{
    std::size_t n = sequenceLength;
    while (n - (n + 9) / 10 < sequenceLength) {
        ++n;
    }
    return n;
}

RareTail findRareTail(std::span<const std::uint64_t> counts, std::size_t trainingTokens)
{
    std::vector<TokenId> byCount;
    for (auto id = kFirstWordToken; id < counts.size(); ++id) {
        if (counts[id] > 0) {
            byCount.push_back(id);
        }
    }
    std::stable_sort(byCount.begin(), byCount.end(), [&](TokenId a, TokenId b) { return counts[a] < counts[b]; });
    const double target = TextCorpus::kRareTailShare * static_cast<double>(trainingTokens);
    RareTail tail;
    for (const TokenId id : byCount) {
        const std::size_t withWord = tail.tokenCount + counts[id];
        if (std::abs(static_cast<double>(withWord) - target) >=
            std::abs(static_cast<double>(tail.tokenCount) - target)) {
            break;
        }
        tail.tokenCount = withWord;
        tail.words.push_back(id);
    }
    std::sort(tail.words.begin(), tail.words.end());
    tail.share = static_cast<double>(tail.tokenCount) / static_cast<double>(trainingTokens);
    return tail;
}

} // namespace

bool RareTail::contains(TokenId id) const
{
    return std::binary_search(words.begin(), words.end(), id);
}

TextCorpus TextCorpus::load(const std::filesystem::path& path, int sequenceLength)
{
    const std::string name = path.string();
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) {
        throw DataError(name + ": no such file");
    }
    if (std::filesystem::is_directory(status)) {
        throw DataError(name + ": is a directory, not a text file");
    }
    if (!std::filesystem::is_regular_file(status)) {
        throw DataError(name + ": is not a regular file");
    }
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) {
        throw DataError(name + ": cannot be read (" + error.message() + ")");
    }
    if (size > kLargestFile) {
        throw DataError(name + ": is larger than 256 MiB (" + std::to_string(size) + " bytes)");
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw DataError(name + ": cannot be opened");
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    file.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (file.gcount() != static_cast<std::streamsize>(text.size())) {
        throw DataError(name + ": cannot be read in full");
    }
    return fromText(text, sequenceLength, name);
}

TextCorpus TextCorpus::fromText(std::string_view text, int sequenceLength, const std::string& name)
{
    if (sequenceLength < 1) {
        throw std::invalid_argument("a corpus's sequence length must be at least 1, not " +
                                    std::to_string(sequenceLength));
    }
    if (text.empty()) {
        throw DataError(name + ": is empty");
    }
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        throw DataError(name + ": is a binary file, not text (a NUL byte at byte offset " + std::to_string(nul) + ")");
    }
    if (const std::size_t bad = invalidUtf8Offset(text); bad != std::string_view::npos) {
        throw DataError(name + ": is not valid UTF-8 (byte " + hexByte(static_cast<unsigned char>(text[bad])) +
                        " at byte offset " + std::to_string(bad) + ")");
    }

    std::size_t tokenCount = 0;
    std::string_view token;
    for (TokenScanner scanner(text); scanner.next(token);) {
        ++tokenCount;
    }
    if (tokenCount == 0) {
        throw DataError(name + ": holds no words or punctuation, only white space");
    }
    const auto length = static_cast<std::size_t>(sequenceLength);
    const std::size_t heldOutCount = (tokenCount + 9) / 10;
    const std::size_t trainingCount = tokenCount - heldOutCount;
    if (trainingCount < length) {
        throw DataError(name + ": holds " + std::to_string(tokenCount) + " tokens, too few for one training block of " +
                        std::to_string(length) + " tokens plus the 10% held out (at least " +
                        std::to_string(fewestTokens(length)) + " tokens)");
    }

    TextCorpus corpus;
    corpus.name_ = name;
    corpus.sequenceLength_ = sequenceLength;
    corpus.training_.reserve(trainingCount);
    corpus.heldOut_.reserve(heldOutCount);
    corpus.heldOutWords_.reserve(heldOutCount);
    TokenScanner scanner(text);
    while (scanner.next(token)) {
        if (corpus.training_.size() < trainingCount) {
            corpus.training_.push_back(corpus.vocabulary_.add(token));
        } else {
            corpus.heldOut_.push_back(corpus.vocabulary_.find(token));
            corpus.heldOutWords_.emplace_back(token);
        }
    }
    corpus.trainingCounts_.assign(corpus.vocabulary_.size(), 0);
    for (const TokenId id : corpus.training_) {
        ++corpus.trainingCounts_[id];
    }
    corpus.rareTail_ = findRareTail(corpus.trainingCounts_, trainingCount);
    return corpus;
}

std::vector<std::string_view> TextCorpus::heldOutWords(std::span<const TokenId> part) const
{
    // std::less orders pointers into different arrays too, where < and - would not be defined.
    const std::less<const TokenId*> before;
    const TokenId* end = heldOut_.data() + heldOut_.size();
    if (before(part.data(), heldOut_.data()) || before(end, part.data() + part.size())) {
        throw std::out_of_range("heldOutWords: the tokens are not a part of the held-out text");
    }
    const auto first = static_cast<std::size_t>(part.data() - heldOut_.data());
    return {heldOutWords_.begin() + static_cast<std::ptrdiff_t>(first),
            heldOutWords_.begin() + static_cast<std::ptrdiff_t>(first + part.size())};
}

std::size_t TextCorpus::blockCount() const
{
    return training_.size() / static_cast<std::size_t>(sequenceLength_);
}

std::span<const TokenId> TextCorpus::block(std::size_t index) const
{
    if (index >= blockCount()) {
        throw std::out_of_range("block " + std::to_string(index) + " of a corpus with " + std::to_string(blockCount()) +
                                " blocks");
    }
    const auto length = static_cast<std::size_t>(sequenceLength_);
    return std::span(training_).subspan(index * length, length);
}

std::vector<std::span<const TokenId>> TextCorpus::blocks(std::size_t first, std::size_t count) const
{
    std::vector<std::span<const TokenId>> result;
    result.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        result.push_back(block(first + i));
    }
    return result;
}

std::vector<std::span<const TokenId>> TextCorpus::prompts(std::size_t count, std::size_t promptLength) const
{
    if (promptLength > heldOut_.size()) {
        throw DataError(name_ + ": its held-out part has " + std::to_string(heldOut_.size()) +
                        " tokens, fewer than a prompt of " + std::to_string(promptLength));
    }
    const std::size_t lastStart = heldOut_.size() - promptLength;
    std::vector<std::span<const TokenId>> result;
    result.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t start = count == 1 ? 0 : i * lastStart / (count - 1);
        result.push_back(std::span(heldOut_).subspan(start, promptLength));
    }
    return result;
}

} // namespace collapse::text
