#pragma once

#include "ui/figure_renderer.h"
#include "ui/video_encoder.h"

#include <QSize>
#include <QString>

#include <functional>
#include <optional>

namespace collapse::ui {

// The video format a file name asks for by its suffix (.mp4, .webm, .gif); none for any other.
std::optional<VideoFormat> videoFormatFor(const QString& path);

struct AnimationOptions {
    // Pixels of each frame. Every size is laid out as 1080p, so 720p and 4K show the same picture at
    // another resolution.
    QSize size{1920, 1080};
    int fps = 15;
};

// The sizes offered by name.
struct NamedFrameSize {
    const char* name;
    QSize size;
};
inline const NamedFrameSize kFrameSizes[] = {
    {"720p", {1280, 720}}, {"1080p", {1920, 1080}}, {"4K", {3840, 2160}}};

// Told after every frame how many of `total` are done; returns false to cancel.
using ExportProgress = std::function<bool(int done, int total)>;

// What is wrong with exporting with `options` to `path` (a video file, or with `toFolder` a folder of
// frames), in one line; nothing when the request can be made. Checked before any frame is drawn.
std::optional<QString> animationRequestProblem(const QString& path, const AnimationOptions& options, bool toFolder);

// One frame per generation, rendered offscreen exactly as `renderer` draws it, into an MP4, WebM or GIF
// file. Returns false when cancelled; then, as after an ExportError, nothing is left behind.
bool writeAnimation(FigureRenderer& renderer, const QString& path, const AnimationOptions& options,
                    const ExportProgress& progress = {});

// The same frames as numbered PNG files (frame-00000.png, …) in `folder`, which must not exist or be
// empty. They are written into a temporary folder beside it, which is renamed into place at the end.
bool writeFrames(FigureRenderer& renderer, const QString& folder, const AnimationOptions& options,
                 const ExportProgress& progress = {});

// One frame of the animation, as writeAnimation() encodes it.
QImage renderFrame(FigureRenderer& renderer, int generation, const QSize& size);

} // namespace collapse::ui
