#pragma once

#include <QString>

#include <initializer_list>
#include <optional>
#include <utility>

namespace collapse::ui {

// The value whose name matches `name` (ignoring case), or none: one place for the lookups of options
// given by name on the command line and by suffix in file names.
template <typename Value>
std::optional<Value> choiceNamed(const QString& name, std::initializer_list<std::pair<const char*, Value>> choices)
{
    for (const auto& [choiceName, value] : choices) {
        if (name.compare(QLatin1String(choiceName), Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace collapse::ui
