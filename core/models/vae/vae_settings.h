#pragma once

#include <string>

namespace collapse {

struct ModelDescriptor;

// The vae model's own keys: the images and each generation's training (core/models/vae/vae_model.cpp
// declares them). The network is Kingma & Welling's 784-400-20, trained with Adam at 1e-3 on batches
// of 128.
struct VaeSettings {
    double minorityShare = 0.02;
    std::string dataset = "fashion-mnist-subset";
    int hidden = 400;
    int epochs = 5;
    int batch = 128;
    double learningRate = 1e-3;
    int minorityClass = -1; // a class held at minority_share of the real images; -1 for none

    static const ModelDescriptor& descriptor();
    friend bool operator==(const VaeSettings&, const VaeSettings&) = default;
};

} // namespace collapse
