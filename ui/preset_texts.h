#pragma once

#include "core/scenario_sources.h"

#include <QCoreApplication>
#include <QString>

namespace collapse::ui {

// A preset's title and two sentences in the user's language (app/CMakeLists.txt lists them for lupdate).
inline QString presetTitle(const Preset& preset)
{
    return QCoreApplication::translate("Presets", preset.title.c_str());
}

inline QString presetSummary(const Preset& preset)
{
    return QCoreApplication::translate("Presets", preset.summary.c_str());
}

} // namespace collapse::ui
