#pragma once

#include <string>

namespace collapse {

struct ModelDescriptor;

// How the forward process adds noise: Ho et al.'s linear β schedule, or Nichol & Dhariwal's cosine
// schedule of ᾱ.
enum class NoiseScheduleKind { Linear, Cosine };
// How samples are drawn: the ancestral sampler of Ho et al. (2020), or DDIM's deterministic one (Song et
// al. 2021, η = 0).
enum class DiffusionSampler { Ancestral, Ddim };

// The diffusion model's own keys (core/models/diffusion/diffusion_model.cpp declares them): the data, the
// noising process, the sampler and each generation's training of the noise-predicting network, whose
// hidden width is `capacity`.
struct DiffusionSettings {
    // swiss_roll, moons, ring (2-D points), fashion-mnist-subset (images), or the path of a CSV file of
    // 2-D points or of an MNIST-format image file.
    std::string dataset = "swiss_roll";
    int imageClass = 1; // the one category of images learnt (Fashion-MNIST: 1 = trousers)
    int imageSize = 14; // images are learnt at 14x14 or 28x28 pixels
    int steps = 50;     // T, the noising steps
    NoiseScheduleKind schedule = NoiseScheduleKind::Cosine;
    DiffusionSampler sampler = DiffusionSampler::Ancestral;
    int samplingSteps = 0; // DDIM's steps, evenly spaced over the T; 0 (or more than T) takes all T
    int layers = 3;     // hidden layers of the network
    int epochs = 150;
    int batch = 256;
    double learningRate = 4e-3;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const DiffusionSettings&, const DiffusionSettings&) = default;
};

} // namespace collapse
