#include "core/models/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace collapse::text {

namespace {

// One decoded code point: its value, its length in bytes, and whether the bytes were well-formed UTF-8.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
    bool valid = true;
};

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Decodes the code point at `position` following RFC 3629's table of well-formed sequences (§4): the second
// byte's range for E0, ED, F0 and F4 excludes overlong forms, surrogates and values above U+10FFFF.
CodePoint decodeAt(std::string_view text, std::size_t position)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[position + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t length = 0;
    unsigned char secondLow = 0x80;
    unsigned char secondHigh = 0xBF;
    char32_t value = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        secondLow = lead == 0xE0 ? 0xA0 : 0x80;
        secondHigh = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        secondLow = lead == 0xF0 ? 0x90 : 0x80;
        secondHigh = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {lead, 1, false};
    }
    if (position + length > text.size() || byte(1) < secondLow || byte(1) > secondHigh) {
        return {lead, 1, false};
    }
    for (std::size_t i = 1; i < length; ++i) {
        if (!isContinuation(byte(i))) {
            return {lead, 1, false};
        }
        value = (value << 6) | (byte(i) & 0x3Fu);
    }
    return {value, length, true};
}

enum class CharacterClass { Space, Letter, Joiner, Symbol };

struct Range {
    char32_t first;
    char32_t last;
};

bool inRanges(char32_t value, std::span<const Range> ranges)
{
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const Range& r) { return value >= r.first && value <= r.last; });
}

// Spaces and invisible separators beyond ASCII, and the C1 control characters.
constexpr std::array kSpaceRanges = {
    Range{0x80, 0xA0},     Range{0x1680, 0x1680}, Range{0x2000, 0x200B}, Range{0x2028, 0x2029},
    Range{0x202F, 0x202F}, Range{0x205F, 0x205F}, Range{0x3000, 0x3000}, Range{0xFEFF, 0xFEFF},
};

// Punctuation and symbols of the blocks where running text has them: Latin-1 (¡ « » ¿ £ © ° × ÷ ...),
// General Punctuation (dashes, curly quotes, …, ‰), currency, arrows and mathematical operators up to the
// miscellaneous symbols, Supplemental Punctuation, CJK punctuation and brackets, the small and fullwidth
// forms, and the emoji blocks. Everything else above U+007F is treated as a letter.
constexpr std::array kSymbolRanges = {
    Range{0xA1, 0xA9},     Range{0xAB, 0xAC},     Range{0xAE, 0xB1},     Range{0xB4, 0xB4},       Range{0xB6, 0xB8},
    Range{0xBB, 0xBB},     Range{0xBF, 0xBF},     Range{0xD7, 0xD7},     Range{0xF7, 0xF7},       Range{0x2012, 0x2018},
    Range{0x201A, 0x2027}, Range{0x2030, 0x205E}, Range{0x20A0, 0x20CF}, Range{0x2190, 0x2BFF},   Range{0x2E00, 0x2E7F},
    Range{0x3001, 0x3003}, Range{0x3008, 0x301F}, Range{0xFE10, 0xFE1F}, Range{0xFE30, 0xFE6F},   Range{0xFF01, 0xFF0F},
    Range{0xFF1A, 0xFF20}, Range{0xFF3B, 0xFF40}, Range{0xFF5B, 0xFF65}, Range{0x1F000, 0x1FAFF},
};

CharacterClass classify(const CodePoint& c)
{
    if (!c.valid) {
        return CharacterClass::Symbol;
    }
    const char32_t v = c.value;
    if (v < 0x80) {
        if (v <= 0x20 || v == 0x7F) {
            return CharacterClass::Space;
        }
        if ((v >= U'a' && v <= U'z') || (v >= U'A' && v <= U'Z') || (v >= U'0' && v <= U'9')) {
            return CharacterClass::Letter;
        }
        return v == U'\'' || v == U'-' ? CharacterClass::Joiner : CharacterClass::Symbol;
    }
    if (inRanges(v, kSpaceRanges)) {
        return CharacterClass::Space;
    }
    // ’ (the typographic apostrophe) and the Unicode hyphens join words like ' and -.
    if (v == 0x2019 || v == 0x2010 || v == 0x2011) {
        return CharacterClass::Joiner;
    }
    return inRanges(v, kSymbolRanges) ? CharacterClass::Symbol : CharacterClass::Letter;
}

// wikitext-2 and -103 write a hyphen, comma or decimal point inside a word or number as " @-@ ", " @,@ ",
// " @.@ ".
bool isWikitextSeparatorAt(std::string_view text, std::size_t position)
{
    if (position + 3 > text.size() || text[position] != '@' || text[position + 2] != '@') {
        return false;
    }
    const char middle = text[position + 1];
    return middle == '-' || middle == ',' || middle == '.';
}

bool isOneOf(std::string_view token, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), token) != set.end();
}

bool closesPhrase(std::string_view token)
{
    return isOneOf(token, {".", ",", ";", ":", "!", "?", ")", "]", "}", "'", "’", "”", "»", "…", "%"});
}

bool opensPhrase(std::string_view token)
{
    return isOneOf(token, {"(", "[", "{", "‘", "“", "«", "¿", "¡"});
}

bool joinsBothSides(std::string_view token)
{
    return isOneOf(token, {"-", "–", "—", "@-@", "@,@", "@.@"});
}

std::string_view displayed(std::string_view token)
{
    if (token == "@-@" || token == "@,@" || token == "@.@") {
        return token.substr(1, 1);
    }
    return token;
}

} // namespace

TokenScanner::TokenScanner(std::string_view text) : text_(text) {}

bool TokenScanner::next(std::string_view& token)
{
    while (position_ < text_.size()) {
        const CodePoint first = decodeAt(text_, position_);
        const CharacterClass firstClass = classify(first);
        if (firstClass == CharacterClass::Space || (first.length == 1 && text_[position_] == '_')) {
            position_ += first.length;
            continue;
        }
        const std::size_t start = position_;
        if (isWikitextSeparatorAt(text_, position_)) {
            position_ += 3;
        } else if (firstClass == CharacterClass::Letter) {
            position_ += first.length;
            while (position_ < text_.size()) {
                const CodePoint c = decodeAt(text_, position_);
                const CharacterClass cClass = classify(c);
                if (cClass == CharacterClass::Letter) {
                    position_ += c.length;
                    continue;
                }
                if (cClass != CharacterClass::Joiner || position_ + c.length >= text_.size()) {
                    break;
                }
                const CodePoint after = decodeAt(text_, position_ + c.length);
                if (classify(after) != CharacterClass::Letter) {
                    break;
                }
                position_ += c.length + after.length;
            }
        } else {
            position_ += first.length;
        }
        token = text_.substr(start, position_ - start);
        return true;
    }
    return false;
}

std::vector<std::string_view> tokenize(std::string_view text)
{
    std::vector<std::string_view> tokens;
    TokenScanner scanner(text);
    std::string_view token;
    while (scanner.next(token)) {
        tokens.push_back(token);
    }
    return tokens;
}

std::vector<ReadableToken> readable(std::span<const std::string_view> tokens)
{
    std::vector<ReadableToken> result;
    result.reserve(tokens.size());
    bool spaceAllowed = false;
    bool insideDoubleQuote = false;
    const auto isStraightQuoteAt = [&](std::size_t i) { return i < tokens.size() && tokens[i] == "\""; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view token = tokens[i];
        const bool isStraightQuote = isStraightQuoteAt(i);
        // Of two quotes in a row the first ends a speech and the second begins the next (the corpus runs
        // paragraphs together), whatever the count so far said: `." "I`.
        if (isStraightQuote && isStraightQuoteAt(i + 1)) {
            insideDoubleQuote = true;
        }
        const bool closing = closesPhrase(token) || joinsBothSides(token) || (isStraightQuote && insideDoubleQuote);
        result.push_back({displayed(token), spaceAllowed && !closing});
        spaceAllowed = !(opensPhrase(token) || joinsBothSides(token) || (isStraightQuote && !insideDoubleQuote));
        if (isStraightQuote) {
            insideDoubleQuote = !insideDoubleQuote;
        }
    }
    return result;
}

std::string detokenize(std::span<const std::string_view> tokens)
{
    std::string text;
    for (const ReadableToken& token : readable(tokens)) {
        if (token.spaceBefore) {
            text += ' ';
        }
        text += token.text;
    }
    return text;
}

std::size_t invalidUtf8Offset(std::string_view text)
{
    std::size_t position = 0;
    while (position < text.size()) {
        const CodePoint c = decodeAt(text, position);
        if (!c.valid) {
            return position;
        }
        position += c.length;
    }
    return std::string_view::npos;
}

} // namespace collapse::text
