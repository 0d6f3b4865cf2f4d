#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace collapse::text {

// Splits UTF-8 text into word-level tokens, words and punctuation as written, case kept:
// - a word is a maximal run of letters and digits, where every code point above U+007F counts as a letter
//   unless it is Unicode punctuation, a symbol or a space of the common blocks (so "café", "naïve" and
//   "Ærø" are single words while "—", "“" and "€" are not);
// - an apostrophe (' or ’) or a hyphen (-, U+2010, U+2011) with a letter or digit on both sides stays inside
//   the word: "don't", "well-known";
// - every other character that is not a space is a token of its own: ".", ",", "(", "—";
// - wikitext's escaped separators "@-@", "@,@" and "@.@" are one token each, so wikitext-2 raw files load
//   as they are;
// - spaces and control characters only separate tokens, and so does "_", the emphasis mark of plain-text
//   editions ("_you_ may"), which is typography, not a word.
// Bytes that are not part of a valid UTF-8 sequence become one-byte tokens (TextCorpus refuses such files
// before they get here).
class TokenScanner {
public:
    explicit TokenScanner(std::string_view text);

    // The next token as a view into the text, or false at the end.
    bool next(std::string_view& token);

private:
    std::string_view text_;
    std::size_t position_ = 0;
};

// All tokens of `text`, as views into it.
std::vector<std::string_view> tokenize(std::string_view text);

// A token as it reads in running text: its characters, and whether a space comes before it.
struct ReadableToken {
    std::string_view text;
    bool spaceBefore;
};

// The tokens as they read, by the rules of detokenize.
std::vector<ReadableToken> readable(std::span<const std::string_view> tokens);

// Tokens joined for reading: one space between tokens, none before closing punctuation (. , ; : ! ? ) ] }
// ’ ” » …) or after opening punctuation (( [ { ‘ “ « ¿ ¡), none around dashes and hyphens, straight
// double quotes alternately opening and closing; wikitext's "@-@", "@,@" and "@.@" become "-", "," and "."
// joined to both neighbours.
std::string detokenize(std::span<const std::string_view> tokens);

// The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or std::string_view::npos when all are valid.
std::size_t invalidUtf8Offset(std::string_view text);

} // namespace collapse::text
