#pragma once

#include "core/data_error.h"
#include "core/models/text/language_model.h"
#include "core/models/text/vocabulary.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace collapse::text {

// The rarest words of the original text: the "tails" that model collapse loses first.
struct RareTail {
    std::vector<TokenId> words; // ascending ids
    std::size_t tokenCount = 0; // training tokens that are one of these words
    double share = 0.0;         // tokenCount / training tokens: the exact share, close to TextCorpus::kRareTailShare

    bool contains(TokenId id) const;
};

// A UTF-8 text file cut into word tokens (tokenizer.h): the first 90% of its tokens are the training stream,
// the last 10% are held out and never trained on. The vocabulary is the training stream's words; held-out
// words outside it are <unk>.
class TextCorpus {
public:
    static constexpr std::uintmax_t kLargestFile = std::uintmax_t{256} << 20;
    static constexpr double kHeldOutFraction = 0.1;
    static constexpr double kRareTailShare = 0.05;

    // Reads `path`. Throws DataError, naming the file and the problem, when it is missing, a directory or
    // not a regular file, larger than 256 MiB, unreadable, binary (a NUL byte), not valid UTF-8 (with the
    // offset of the first bad byte), empty or without any token, or too short to hold one training block of
    // `sequenceLength` tokens plus its held-out part. sequenceLength >= 1 (std::invalid_argument otherwise).
    static TextCorpus load(const std::filesystem::path& path, int sequenceLength);
    // The same checks and split for text already in memory; `name` stands for the file in messages.
    static TextCorpus fromText(std::string_view text, int sequenceLength, const std::string& name);

    const std::string& name() const { return name_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    int sequenceLength() const { return sequenceLength_; }

    // The training stream: the first N - ceil(N / 10) tokens of the N in the file.
    std::span<const TokenId> trainingTokens() const { return training_; }
    // The held-out tokens: the last ceil(N / 10); words outside the vocabulary are <unk>.
    std::span<const TokenId> heldOutTokens() const { return heldOut_; }
    // A part of heldOutTokens() (a prompt) as its words are written in the file, <unk> ones included.
    std::vector<std::string_view> heldOutWords(std::span<const TokenId> part) const;
    // How often each id occurs in the training stream.
    std::span<const std::uint64_t> trainingCounts() const { return trainingCounts_; }

    // Consecutive, non-overlapping runs of sequenceLength() training tokens; the last
    // trainingTokens().size() % sequenceLength() tokens belong to no block.
    std::size_t blockCount() const;
    std::span<const TokenId> block(std::size_t index) const;
    // Blocks first .. first + count - 1, ready for NgramModel.
    std::vector<std::span<const TokenId>> blocks(std::size_t first, std::size_t count) const;

    // `count` prompts of `promptLength` held-out tokens (H of them), starting at the evenly spaced positions
    // floor(i (H - promptLength) / (count - 1)), i = 0 .. count - 1: the first at the start of the held-out
    // part, the last ending at its end (a single prompt starts at 0). They may contain <unk>. Throws
    // DataError when the held-out part is shorter than promptLength.
    std::vector<std::span<const TokenId>> prompts(std::size_t count, std::size_t promptLength) const;

    // The rarest words that together make up 5% of the training stream: words sorted by training count
    // ascending, ties by id, taken while the running share gets closer to 5% (the boundary word is taken only
    // if that brings the share closer; an equal distance keeps it out).
    const RareTail& rareTail() const { return rareTail_; }

private:
    TextCorpus() = default;

    std::string name_;
    int sequenceLength_ = 0;
    Vocabulary vocabulary_;
    std::vector<TokenId> training_;
    std::vector<TokenId> heldOut_;
    std::vector<std::string> heldOutWords_;
    std::vector<std::uint64_t> trainingCounts_;
    RareTail rareTail_;
};

} // namespace collapse::text
