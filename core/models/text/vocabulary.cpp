#include "core/models/text/vocabulary.h"

#include "core/models/text/tokenizer.h"

#include <limits>
#include <stdexcept>

namespace collapse::text {

Vocabulary::Vocabulary() : words_{"<unk>", "<s>"} {}

TokenId Vocabulary::add(std::string_view word)
{
    if (const auto found = ids_.find(word); found != ids_.end()) {
        return found->second;
    }
    if (words_.size() > std::numeric_limits<TokenId>::max()) {
        throw std::length_error("a vocabulary holds at most 2^32 ids");
    }
    const auto id = static_cast<TokenId>(words_.size());
    words_.emplace_back(word);
    ids_.emplace(words_.back(), id);
    return id;
}

TokenId Vocabulary::find(std::string_view word) const
{
    const auto found = ids_.find(word);
    return found == ids_.end() ? kUnknownToken : found->second;
}

const std::string& Vocabulary::word(TokenId id) const
{
    if (id >= words_.size()) {
        throw std::out_of_range("token id " + std::to_string(id) + " is not in a vocabulary of " +
                                std::to_string(words_.size()) + " ids");
    }
    return words_[id];
}

std::string Vocabulary::detokenize(std::span<const TokenId> ids) const
{
    std::vector<std::string_view> tokens;
    tokens.reserve(ids.size());
    for (const TokenId id : ids) {
        tokens.emplace_back(word(id));
    }
    return text::detokenize(tokens);
}

} // namespace collapse::text
