#pragma once

#include "core/engine.h"

#include <QMetaType>

#include <memory>

namespace collapse::ui {

// A finished generation as the worker hands it to the window: immutable and shared, so the stages, the
// charts and an export can all hold it without copying.
using SnapshotPointer = std::shared_ptr<const GenerationSnapshot>;

} // namespace collapse::ui

Q_DECLARE_METATYPE(collapse::ui::SnapshotPointer)
