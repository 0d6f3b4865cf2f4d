#pragma once

// Share codes (README.md, "Share codes"): a scenario or a comparison as a short text that a student can
// type from a slide or paste from a chat, and a collapselab:// link that opens it.
//
// A code is "cl1-" and the Crockford base-32 digits (0–9 and the letters but i, l, o, u, read in either
// case, with i and l taken for 1 and o for 0; white space between them ignored, as a code printed over
// lines has) of: a format byte (0 the JSON as it is, 1 deflated by
// zlib), the scenarios' JSON, and its CRC-32. The JSON holds the keys that differ from the model's
// defaults ("cl1" is the version whose defaults it assumes; a version that changes a default writes
// "cl2"), and for a comparison {"compare": [{"label", "scenario"}, ...]}.

#include "core/scenario_sources.h"

#include <string>
#include <string_view>
#include <vector>

namespace collapse {

inline constexpr std::string_view kShareCodePrefix = "cl1-";
inline constexpr std::string_view kShareLinkPrefix = "collapselab://open/";
// A longer text is not a code: what a code may unpack to is bounded as well.
inline constexpr std::size_t kLongestShareCode = 4096;
inline constexpr std::size_t kLargestSharedJson = 64 * 1024;

// The code of one scenario, or of a comparison's labelled scenarios.
std::string shareCode(const std::vector<LabelledScenario>& scenarios);
// The code of a document's text as it is, whatever it holds: what shareCode() packs, and the way in for a
// test of what a code may carry.
std::string shareCodeOfText(const std::string& text);
// The link that opens `code`.
std::string shareLink(std::string_view code);
// The scenarios a code or a link holds, as a scenario file's entries; ScenarioError saying what is wrong
// with a text that is not a code, a code of another version, or a damaged one.
std::vector<ScenarioEntry> sharedEntries(std::string_view codeOrLink);

} // namespace collapse
