#pragma once

#include "core/models/text/language_model.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace collapse::text {

// Words and their integer ids. Ids 0 and 1 are the reserved <unk> and <s> (see language_model.h); words get
// the ids from 2 on in the order they are added. The tokenizer never produces "<unk>" or "<s>" as one token
// (it splits them at "<" and ">"), so no word can collide with the reserved entries.
class Vocabulary {
public:
    Vocabulary();

    // The id of `word`, added first if it is new.
    TokenId add(std::string_view word);
    // The id of `word`, or kUnknownToken when it is not in the vocabulary.
    TokenId find(std::string_view word) const;
    // The word of `id` ("<unk>" and "<s>" for the reserved ids).
    const std::string& word(TokenId id) const;
    // Number of ids, the two reserved ones included.
    std::size_t size() const { return words_.size(); }

    // The tokens of `ids` joined for reading (see detokenize in tokenizer.h).
    std::string detokenize(std::span<const TokenId> ids) const;

private:
    // Heterogeneous lookup: a string_view finds a stored std::string without building one.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
    };

    std::vector<std::string> words_;
    std::unordered_map<std::string, TokenId, WordHash, std::equal_to<>> ids_;
};

} // namespace collapse::text
