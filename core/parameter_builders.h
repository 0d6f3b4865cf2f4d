#pragma once

// Builders for parameter tables: each binds a key to a member of the Scenario (the common keys) or of
// a model's settings, and gives it the checks and messages every key shares. Only the files that
// declare tables include this.

#include "core/parameters.h"
#include "core/scenario.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace collapse::parameters {

// The object a member belongs to: the scenario itself, or its model's settings.
template <typename Owner>
Owner& ownerIn(Scenario& scenario)
{
    if constexpr (std::is_same_v<Owner, Scenario>) {
        return scenario;
    } else {
        return scenario.as<Owner>();
    }
}

template <typename Owner>
const Owner& ownerIn(const Scenario& scenario)
{
    return ownerIn<Owner>(const_cast<Scenario&>(scenario));
}

// "\"key\" must be <range>, not <value as written>", the value shortened to keep the message one line.
[[noreturn]] void refuse(const ParameterSpec& spec, const nlohmann::json& value);

// Whether an integer JSON value lies in the spec's range.
bool integerInRange(const ParameterSpec& spec, const nlohmann::json& value);
// Whether a number lies in the spec's range.
bool realInRange(const ParameterSpec& spec, double value);

template <typename Owner, typename Integer>
ParameterSpec integer(std::string_view key, Integer Owner::*member, std::int64_t min, std::uint64_t max,
                      std::string_view label, std::string_view description)
{
    ParameterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.description = description;
    spec.type = ParameterType::Integer;
    spec.integerMin = min;
    spec.integerMax = max;
    spec.get = [member](const Scenario& scenario) { return nlohmann::ordered_json(ownerIn<Owner>(scenario).*member); };
    spec.set = [member, spec](Scenario& scenario, const nlohmann::json& value) {
        if (!integerInRange(spec, value)) {
            refuse(spec, value);
        }
        ownerIn<Owner>(scenario).*member = value.is_number_unsigned() ? static_cast<Integer>(value.get<std::uint64_t>())
                                                                      : static_cast<Integer>(value.get<std::int64_t>());
    };
    return spec;
}

// A real number in [min, max], or (min, max] when `minExclusive`.
template <typename Owner>
ParameterSpec real(std::string_view key, double Owner::*member, double min, bool minExclusive, double max,
                   std::string_view label, std::string_view description)
{
    ParameterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.description = description;
    spec.type = ParameterType::Real;
    spec.realMin = min;
    spec.realMax = max;
    spec.realMinExclusive = minExclusive;
    spec.get = [member](const Scenario& scenario) { return nlohmann::ordered_json(ownerIn<Owner>(scenario).*member); };
    spec.set = [member, spec](Scenario& scenario, const nlohmann::json& value) {
        if (!value.is_number() || !realInRange(spec, value.get<double>())) {
            refuse(spec, value);
        }
        ownerIn<Owner>(scenario).*member = value.get<double>();
    };
    return spec;
}

// A share in [0, 1] (or (0, 1] when `minExclusive`), edited in percent.
template <typename Owner>
ParameterSpec share(std::string_view key, double Owner::*member, bool minExclusive, int percentDecimals,
                    std::string_view label, std::string_view description)
{
    ParameterSpec spec = real(key, member, 0.0, minExclusive, 1.0, label, description);
    spec.editor = ParameterEditor::Percent;
    spec.decimals = percentDecimals;
    return spec;
}

template <typename Owner, typename Enum>
ParameterSpec choice(std::string_view key, Enum Owner::*member, std::vector<std::pair<ParameterChoice, Enum>> choices,
                     std::string_view label, std::string_view description)
{
    ParameterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.description = description;
    spec.type = ParameterType::Choice;
    for (const auto& [shown, unused] : choices) {
        spec.choices.push_back(shown);
    }
    spec.get = [member, choices](const Scenario& scenario) {
        for (const auto& [shown, value] : choices) {
            if (ownerIn<Owner>(scenario).*member == value) {
                return nlohmann::ordered_json(shown.name);
            }
        }
        return nlohmann::ordered_json();
    };
    spec.set = [member, choices, spec](Scenario& scenario, const nlohmann::json& value) {
        if (value.is_string()) {
            for (const auto& [shown, choice] : choices) {
                if (value.get<std::string>() == shown.name) {
                    ownerIn<Owner>(scenario).*member = choice;
                    return;
                }
            }
        }
        refuse(spec, value);
    };
    return spec;
}

template <typename Owner>
ParameterSpec text(std::string_view key, std::string Owner::*member, std::string_view label,
                   std::string_view description)
{
    ParameterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.description = description;
    spec.type = ParameterType::Text;
    spec.get = [member](const Scenario& scenario) { return nlohmann::ordered_json(ownerIn<Owner>(scenario).*member); };
    spec.set = [member, spec](Scenario& scenario, const nlohmann::json& value) {
        if (!value.is_string() || value.get<std::string>().empty()) {
            refuse(spec, value);
        }
        ownerIn<Owner>(scenario).*member = value.get<std::string>();
    };
    return spec;
}

// The variance estimator, a key of every model fitted by sample moments (gaussian, gmm).
template <typename Owner>
ParameterSpec estimator(Estimator Owner::*member)
{
    return choice("estimator", member,
                  {{{"unbiased", COLLAPSE_TRANSLATABLE("Parameters", "Unbiased (M − 1)")}, Estimator::Unbiased},
                   {{"mle", COLLAPSE_TRANSLATABLE("Parameters", "Maximum likelihood (M)")}, Estimator::Mle}},
                  COLLAPSE_TRANSLATABLE("Parameters", "Variance estimator"),
                  COLLAPSE_TRANSLATABLE("Parameters", "Unbiased divides the squared deviations by M − 1, the choice "
                                                      "of the paper's theorem; maximum likelihood divides by M."));
}

} // namespace collapse::parameters
