#pragma once

#include <string>

namespace collapse {

struct ModelDescriptor;

// The kde model's own keys (core/models/kde/kde_model.cpp declares them): the data it starts from. Its
// bandwidth is the common key `capacity`, in hundredths of a unit.
struct KdeSettings {
    // normal (1-D N(0, 1)), swiss_roll, moons, ring (2-D points), or the path of a CSV file of 2-D points.
    std::string dataset = "normal";

    static const ModelDescriptor& descriptor();
    friend bool operator==(const KdeSettings&, const KdeSettings&) = default;
};

} // namespace collapse
