#pragma once

#include <string>

namespace collapse {

struct ModelDescriptor;

enum class TextSmoothing { KneserNey, None };
enum class Decoding { Sample, Beam };

// The text model's own keys (core/models/text/text_model.cpp declares them): the corpus, the sequences
// trained on, the smoothing and the decoding.
struct TextSettings {
    std::string dataset = "austen";
    int sequenceLength = 64;
    int promptLength = 16;
    TextSmoothing smoothing = TextSmoothing::KneserNey;
    Decoding decoding = Decoding::Sample;
    int beamWidth = 5;
    double repetitionPenalty = 3.0;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const TextSettings&, const TextSettings&) = default;
};

} // namespace collapse
