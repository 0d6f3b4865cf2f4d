#include "core/parameters.h"

#include "core/number_text.h"
#include "core/parameter_builders.h"

namespace collapse {

std::string ParameterSpec::rangeText() const
{
    switch (type) {
    case ParameterType::Integer:
        return "an integer from " + std::to_string(integerMin) + " to " + std::to_string(integerMax);
    case ParameterType::Real:
        return "a number in " + std::string(realMinExclusive ? "(" : "[") + formatNumber(realMin) + ", " +
               formatNumber(realMax) + "]";
    case ParameterType::Choice: {
        std::string names;
        for (const auto& choice : choices) {
            names += (names.empty() ? "" : ", ") + std::string(choice.name);
        }
        return "one of " + names;
    }
    case ParameterType::Text:
        return "a non-empty text";
    }
    return {};
}

namespace parameters {

namespace {

// The offending value as it was written, shortened so the message stays one line.
std::string shown(const nlohmann::json& value)
{
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t limit = 40;
    if (text.size() > limit) {
        text = text.substr(0, limit) + "...";
    }
    return text;
}

} // namespace

void refuse(const ParameterSpec& spec, const nlohmann::json& value)
{
    throw ScenarioError("\"" + std::string(spec.key) + "\" must be " + spec.rangeText() + ", not " + shown(value));
}

bool integerInRange(const ParameterSpec& spec, const nlohmann::json& value)
{
    if (!value.is_number_integer()) {
        return false;
    }
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        return (spec.integerMin <= 0 || number >= static_cast<std::uint64_t>(spec.integerMin)) &&
               number <= spec.integerMax;
    }
    const auto number = value.get<std::int64_t>();
    return number >= spec.integerMin && (number < 0 || static_cast<std::uint64_t>(number) <= spec.integerMax);
}

bool realInRange(const ParameterSpec& spec, double value)
{
    const bool aboveMin = spec.realMinExclusive ? value > spec.realMin : value >= spec.realMin;
    return aboveMin && value <= spec.realMax;
}

} // namespace parameters

} // namespace collapse
