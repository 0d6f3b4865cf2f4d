#include "core/share_code.h"

#include "core/model_registry.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <optional>

namespace collapse {

namespace {

constexpr std::string_view kDigits = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr std::uint8_t kPlainJson = 0;
constexpr std::uint8_t kDeflatedJson = 1;

// The value of a base-32 digit, read as Crockford's alphabet reads it; empty for any other character.
std::optional<std::uint32_t> digitValue(char c)
{
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == 'o') {
        return 0;
    }
    if (c == 'i' || c == 'l') {
        return 1;
    }
    const auto at = kDigits.find(c);
    return at == std::string_view::npos ? std::nullopt : std::optional<std::uint32_t>(static_cast<std::uint32_t>(at));
}

std::string base32(const std::string& bytes)
{
    std::string digits;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            digits += kDigits[(buffer >> bits) & 31u];
        }
    }
    if (bits > 0) {
        digits += kDigits[(buffer << (5 - bits)) & 31u];
    }
    return digits;
}

// The bytes of base-32 digits; empty where a character is not a digit or the last digit's unused bits
// are not zero, so that a code has one spelling up to case and Crockford's aliases.
std::optional<std::string> fromBase32(std::string_view digits)
{
    std::string bytes;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : digits) {
        const std::optional<std::uint32_t> value = digitValue(c);
        if (!value) {
            return std::nullopt;
        }
        buffer = ((buffer << 5) | *value) & 0xFFFFu;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((buffer >> bits) & 0xFFu);
        }
    }
    if (bits >= 5 || (buffer & ((1u << bits) - 1u)) != 0) {
        return std::nullopt;
    }
    return bytes;
}

std::uint32_t crc32Of(std::string_view bytes)
{
    return static_cast<std::uint32_t>(
        ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

std::string deflated(const std::string& text)
{
    uLongf size = ::compressBound(static_cast<uLong>(text.size()));
    std::string out(size, '\0');
    if (::compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
                    static_cast<uLong>(text.size()), Z_BEST_COMPRESSION) != Z_OK) {
        return {};
    }
    out.resize(size);
    return out;
}

std::optional<std::string> inflated(std::string_view bytes)
{
    std::string out(kLargestSharedJson, '\0');
    uLongf size = static_cast<uLongf>(out.size());
    if (::uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                     static_cast<uLong>(bytes.size())) != Z_OK) {
        return std::nullopt;
    }
    out.resize(size);
    return out;
}

// The keys of `scenario` that differ from its model's defaults, and its model; all of them where the
// shorter form would not read back as the same scenario (a default that depends on what is given).
nlohmann::ordered_json compactJson(const Scenario& scenario)
{
    const nlohmann::ordered_json full = scenarioToJson(scenario);
    const nlohmann::ordered_json defaults = scenarioToJson(defaultScenario(scenario.model()));
    nlohmann::ordered_json compact = nlohmann::ordered_json::object();
    compact["model"] = std::string(scenario.model().name);
    for (const auto& [key, value] : full.items()) {
        if (!defaults.contains(key) || defaults[key] != value) {
            compact[key] = value;
        }
    }
    try {
        return scenarioFromJson(nlohmann::json::parse(compact.dump())) == scenario ? compact : full;
    } catch (const ScenarioError&) {
        return full;
    }
}

ScenarioError damaged(std::string_view what)
{
    return ScenarioError("the share code " + std::string(what));
}

} // namespace

std::string shareCode(const std::vector<LabelledScenario>& scenarios)
{
    nlohmann::ordered_json document;
    if (scenarios.size() == 1) {
        document = compactJson(scenarios.front().scenario);
    } else {
        document["compare"] = nlohmann::ordered_json::array();
        for (const auto& [label, scenario] : scenarios) {
            document["compare"].push_back({{"label", label}, {"scenario", compactJson(scenario)}});
        }
    }
    const std::string text = document.dump();
    if (text.size() > kLargestSharedJson) {
        throw ScenarioError("this scenario is too large to share as a code (" + std::to_string(text.size() / 1024) +
                            " KiB of keys, at most " + std::to_string(kLargestSharedJson / 1024) + "); save it as a file");
    }
    std::string code = shareCodeOfText(text);
    if (const std::size_t length = shareLink(code).size(); length > kLongestShareCode) {
        throw ScenarioError("this scenario is too large to share as a code (" + std::to_string(length) +
                            " characters, at most " + std::to_string(kLongestShareCode) + "); save it as a file");
    }
    return code;
}

std::string shareCodeOfText(const std::string& text)
{
    const std::string packed = deflated(text);
    std::string payload = packed.empty() || packed.size() >= text.size()
                              ? static_cast<char>(kPlainJson) + text
                              : static_cast<char>(kDeflatedJson) + packed;
    const std::uint32_t crc = crc32Of(payload);
    for (int shift = 24; shift >= 0; shift -= 8) {
        payload += static_cast<char>((crc >> shift) & 0xFFu);
    }
    return std::string(kShareCodePrefix) + base32(payload);
}

std::string shareLink(std::string_view code)
{
    return std::string(kShareLinkPrefix) + std::string(code);
}

std::vector<ScenarioEntry> sharedEntries(std::string_view codeOrLink)
{
    std::string_view code = codeOrLink;
    while (!code.empty() && std::isspace(static_cast<unsigned char>(code.front()))) {
        code.remove_prefix(1);
    }
    while (!code.empty() && std::isspace(static_cast<unsigned char>(code.back()))) {
        code.remove_suffix(1);
    }
    if (code.size() > kLongestShareCode) {
        throw damaged("is " + std::to_string(code.size()) + " characters long, more than a code or link can be (" +
                      std::to_string(kLongestShareCode) + ")");
    }
    const auto startsWith = [](std::string_view text, std::string_view prefix) {
        return text.size() >= prefix.size() &&
               std::equal(prefix.begin(), prefix.end(), text.begin(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
    };
    if (startsWith(code, kShareLinkPrefix)) {
        code.remove_prefix(kShareLinkPrefix.size());
        while (!code.empty() && code.back() == '/') {
            code.remove_suffix(1);
        }
    } else if (startsWith(code, "collapselab:")) {
        throw damaged("link " + quotedForMessage(code) + " is not of the form " + std::string(kShareLinkPrefix) + "CODE");
    }
    // "cl", the version's digits, "-": a code of another version is told apart from a text that is none.
    const std::size_t versionEnd = code.size() > 2 ? code.find_first_not_of("0123456789", 2) : std::string_view::npos;
    const bool versioned = startsWith(code, "cl") && versionEnd != std::string_view::npos && versionEnd > 2 && code[versionEnd] == '-';
    if (!versioned) {
        throw damaged(quotedForMessage(code) + " is not a Collapse Lab code, which starts with \"" +
                      std::string(kShareCodePrefix) + "\"");
    }
    if (!startsWith(code, kShareCodePrefix)) {
        throw damaged(quotedForMessage(code.substr(0, versionEnd)) +
                      " is of another version of Collapse Lab; this one reads \"cl1\" codes");
    }
    code.remove_prefix(kShareCodePrefix.size());
    // A code printed over several lines (a handout's) reads as one.
    std::string payloadDigits;
    std::copy_if(code.begin(), code.end(), std::back_inserter(payloadDigits),
                 [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
    const std::optional<std::string> bytes = fromBase32(payloadDigits);
    if (!bytes || bytes->size() < 5) {
        throw damaged("is damaged: a character is not one of its digits, or one is missing or one too many");
    }
    const std::string_view payload = std::string_view(*bytes).substr(0, bytes->size() - 4);
    std::uint32_t crc = 0;
    for (std::size_t i = bytes->size() - 4; i < bytes->size(); ++i) {
        crc = (crc << 8) | static_cast<unsigned char>((*bytes)[i]);
    }
    if (crc != crc32Of(payload)) {
        throw damaged("is damaged: its check digits do not match (a character was changed, left out or added)");
    }
    std::string text;
    if (payload.front() == static_cast<char>(kPlainJson)) {
        text = std::string(payload.substr(1));
    } else if (payload.front() == static_cast<char>(kDeflatedJson)) {
        const std::optional<std::string> unpacked = inflated(payload.substr(1));
        if (!unpacked) {
            throw damaged("does not unpack to a scenario of at most " + std::to_string(kLargestSharedJson / 1024) + " KiB");
        }
        text = *unpacked;
    } else {
        throw damaged("is of a format this version does not read");
    }
    return scenarioEntries(parseJsonDocument(text, "the share code"), "the share code");
}

} // namespace collapse
