#include "ui/animation_palette.h"

#include <algorithm>
#include <limits>

namespace collapse::ui {

namespace {

int binOf(int red, int green, int blue)
{
    return ((red >> 3) << 10) | ((green >> 3) << 5) | (blue >> 3);
}

int channelOfBin(int bin, int channel)
{
    return (bin >> (10 - 5 * channel)) & 31;
}

// The colours of a box: bins of the histogram with at least one pixel.
struct Box {
    std::vector<int> bins;
    std::uint64_t count = 0;
    int longestChannel = 0;
    int longestRange = 0;
};

} // namespace

AnimationPalette::AnimationPalette() : histogram_(kBins) {}

void AnimationPalette::addSample(const QImage& frame)
{
    const QImage image = frame.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int red = qRed(row[x]), green = qGreen(row[x]), blue = qBlue(row[x]);
            Bin& bin = histogram_[binOf(red, green, blue)];
            ++bin.count;
            bin.red += red;
            bin.green += green;
            bin.blue += blue;
        }
    }
}

void AnimationPalette::build(int colours)
{
    const auto measure = [](Box& box) {
        int low[3] = {31, 31, 31}, high[3] = {0, 0, 0};
        for (const int bin : box.bins) {
            for (int c = 0; c < 3; ++c) {
                low[c] = std::min(low[c], channelOfBin(bin, c));
                high[c] = std::max(high[c], channelOfBin(bin, c));
            }
        }
        box.longestChannel = 0;
        for (int c = 1; c < 3; ++c) {
            if (high[c] - low[c] > high[box.longestChannel] - low[box.longestChannel]) {
                box.longestChannel = c;
            }
        }
        box.longestRange = high[box.longestChannel] - low[box.longestChannel];
    };

    std::vector<Box> boxes(1);
    for (int bin = 0; bin < kBins; ++bin) {
        if (histogram_[bin].count > 0) {
            boxes[0].bins.push_back(bin);
            boxes[0].count += histogram_[bin].count;
        }
    }
    measure(boxes[0]);
    colours = std::clamp(colours, 1, 256);
    while (static_cast<int>(boxes.size()) < colours) {
        // Split the box that holds the most pixels times its extent, so that a small area of a distinct
        // colour (the tails' vermillion) still gets an entry of its own.
        auto chosen = boxes.end();
        double bestScore = 0.0;
        for (auto box = boxes.begin(); box != boxes.end(); ++box) {
            const double score = double(box->count) * box->longestRange;
            if (box->bins.size() > 1 && score > bestScore) {
                bestScore = score;
                chosen = box;
            }
        }
        if (chosen == boxes.end()) {
            break;
        }
        const int channel = chosen->longestChannel;
        std::sort(chosen->bins.begin(), chosen->bins.end(), [channel](int a, int b) {
            return channelOfBin(a, channel) < channelOfBin(b, channel) ||
                   (channelOfBin(a, channel) == channelOfBin(b, channel) && a < b);
        });
        // The weighted median, keeping at least one bin on each side.
        std::uint64_t below = 0;
        std::size_t split = 1;
        for (; split < chosen->bins.size() - 1; ++split) {
            below += histogram_[chosen->bins[split - 1]].count;
            if (2 * below >= chosen->count) {
                break;
            }
        }
        Box upper;
        upper.bins.assign(chosen->bins.begin() + static_cast<std::ptrdiff_t>(split), chosen->bins.end());
        chosen->bins.resize(split);
        for (Box* box : {&*chosen, &upper}) {
            box->count = 0;
            for (const int bin : box->bins) {
                box->count += histogram_[bin].count;
            }
            measure(*box);
        }
        boxes.push_back(std::move(upper));
    }

    palette_.fill(0xFF000000u);
    size_ = 0;
    for (const Box& box : boxes) {
        if (box.count == 0) {
            continue;
        }
        std::uint64_t red = 0, green = 0, blue = 0;
        for (const int bin : box.bins) {
            red += histogram_[bin].red;
            green += histogram_[bin].green;
            blue += histogram_[bin].blue;
        }
        const auto mean = [&box](std::uint64_t sum) { return static_cast<int>((sum + box.count / 2) / box.count); };
        palette_[size_++] = qRgb(mean(red), mean(green), mean(blue));
    }
    if (size_ == 0) {
        palette_[size_++] = qRgb(255, 255, 255);
    }

    entriesInBin_.assign(kBins, {});
    for (int i = 0; i < size_; ++i) {
        entriesInBin_[binOf(qRed(palette_[i]), qGreen(palette_[i]), qBlue(palette_[i]))].push_back(
            static_cast<std::uint8_t>(i));
    }
    lookup_.assign(kBins, 0);
    for (int bin = 0; bin < kBins; ++bin) {
        int best = 0;
        int bestDistance = std::numeric_limits<int>::max();
        const int red = channelOfBin(bin, 0) * 8 + 4, green = channelOfBin(bin, 1) * 8 + 4, blue = channelOfBin(bin, 2) * 8 + 4;
        for (int i = 0; i < size_; ++i) {
            const int dr = qRed(palette_[i]) - red, dg = qGreen(palette_[i]) - green, db = qBlue(palette_[i]) - blue;
            const int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        lookup_[bin] = static_cast<std::uint8_t>(best);
    }
}

int AnimationPalette::nearest(int red, int green, int blue) const
{
    // An exact palette colour maps to itself, so flat areas stay flat; anything else goes to the entry
    // nearest its bin's centre.
    const int bin = binOf(red, green, blue);
    for (const std::uint8_t index : entriesInBin_[bin]) {
        if (palette_[index] == qRgb(red, green, blue)) {
            return index;
        }
    }
    return lookup_[bin];
}

void AnimationPalette::dither(const QImage& frame, std::uint8_t* indices, int stride) const
{
    const QImage image = frame.convertToFormat(QImage::Format_RGB32);
    const int width = image.width();
    // Errors carried to the current and the next row, three channels per pixel, one pixel of margin.
    std::vector<int> current(3 * (width + 2), 0), next(3 * (width + 2), 0);
    for (int y = 0; y < image.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        std::uint8_t* out = indices + static_cast<std::ptrdiff_t>(y) * stride;
        std::fill(next.begin(), next.end(), 0);
        for (int x = 0; x < width; ++x) {
            int* error = &current[3 * (x + 1)];
            // Errors are kept in sixteenths (Floyd–Steinberg's weights are 7, 3, 5 and 1 over 16).
            const int wanted[3] = {std::clamp(qRed(row[x]) + error[0] / 16, 0, 255),
                                   std::clamp(qGreen(row[x]) + error[1] / 16, 0, 255),
                                   std::clamp(qBlue(row[x]) + error[2] / 16, 0, 255)};
            const int index = nearest(wanted[0], wanted[1], wanted[2]);
            out[x] = static_cast<std::uint8_t>(index);
            const int got[3] = {qRed(palette_[index]), qGreen(palette_[index]), qBlue(palette_[index])};
            for (int c = 0; c < 3; ++c) {
                const int residual = wanted[c] - got[c];
                current[3 * (x + 2) + c] += 7 * residual;
                next[3 * x + c] += 3 * residual;
                next[3 * (x + 1) + c] += 5 * residual;
                next[3 * (x + 2) + c] += residual;
            }
        }
        std::swap(current, next);
    }
}

} // namespace collapse::ui
