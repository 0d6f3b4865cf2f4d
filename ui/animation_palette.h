#pragma once

#include <QImage>

#include <array>
#include <cstdint>
#include <vector>

namespace collapse::ui {

// One palette of at most 256 colours for a whole GIF animation, so that colours do not flicker from
// frame to frame: median cut (Heckbert, "Color image quantization for frame buffer display",
// SIGGRAPH 1982) over a histogram of sample frames, then Floyd–Steinberg error diffusion (1976) to map
// each frame onto it. Flat areas whose colour is in the palette stay flat: only blends are dithered.
class AnimationPalette {
public:
    AnimationPalette();

    // Counts the colours of a frame (any 32-bit format; alpha is ignored).
    void addSample(const QImage& frame);
    // Chooses the palette from the colours counted so far.
    void build(int colours = 256);

    // 0xAARRGGBB, as FFmpeg's PAL8 frames and QImage colour tables take them; unused entries are black.
    const std::array<std::uint32_t, 256>& colours() const { return palette_; }
    int size() const { return size_; }
    // Writes one palette index per pixel into `indices` (rows `stride` bytes apart).
    void dither(const QImage& frame, std::uint8_t* indices, int stride) const;

private:
    static constexpr int kBins = 1 << 15;  // 5 bits per channel

    struct Bin {
        std::uint64_t count = 0;
        std::uint64_t red = 0, green = 0, blue = 0;
    };

    int nearest(int red, int green, int blue) const;

    std::vector<Bin> histogram_;
    std::array<std::uint32_t, 256> palette_{};
    int size_ = 0;
    // The nearest palette entry to the centre of each bin.
    std::vector<std::uint8_t> lookup_;
    // The palette entries whose colour falls in each bin.
    std::vector<std::vector<std::uint8_t>> entriesInBin_;
};

} // namespace collapse::ui
