#pragma once

#include <string>

namespace collapse {

struct ModelDescriptor;

enum class TextSmoothing { KneserNey, None };
enum class Decoding { Sample, Beam };
enum class LanguageModelKind { Ngram, Transformer };

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
    // The neural model (lm = transformer): its shape, which its pretrained weights must have, and how each
    // generation fine-tunes those weights.
    LanguageModelKind languageModel = LanguageModelKind::Ngram;
    std::string weights = "austen";
    int vocabularySize = 4096;
    int context = 64;
    int width = 128;
    int layers = 4;
    int heads = 4;
    int epochs = 2;
    int batch = 32;
    double learningRate = 3e-4;

    static const ModelDescriptor& descriptor();
    friend bool operator==(const TextSettings&, const TextSettings&) = default;
};

} // namespace collapse
