#pragma once

namespace collapse {

struct ModelDescriptor;

// The cats model's own keys (core/models/cats/cats_model.cpp declares them): the press coverage's cats,
// 90% yellow and 10% blue.
struct CatsSettings {
    double minorityShare = 0.1;
    double shrinkage = 0.0;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const CatsSettings&, const CatsSettings&) = default;
};

} // namespace collapse
