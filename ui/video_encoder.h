#pragma once

#include "ui/animation_palette.h"

#include <QImage>
#include <QString>

#include <memory>

namespace collapse::ui {

enum class VideoFormat {
    Mp4,   // H.264 (libx264), yuv420p: plays in browsers, slide software and players
    WebM,  // VP9 (libvpx), yuv420p
    Gif,   // one palette for the whole animation, dithered
};

// Encodes frames into a video file with FFmpeg's libraries, whole or not at all: the file is written
// under a temporary name beside its destination and renamed into place by finish(). Destroyed before
// finish() (a cancel, an error), it leaves nothing behind. Every failure throws ExportError naming the
// file and FFmpeg's reason.
class VideoEncoder {
public:
    // `size` must be even for MP4 and WebM (4:2:0 chroma); `palette` is needed for GIF only and must
    // outlive the encoder.
    VideoEncoder(const QString& path, VideoFormat format, QSize size, int fps,
                 const AnimationPalette* palette = nullptr);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Appends one frame of exactly the encoder's size, shown for 1/fps seconds.
    void addFrame(const QImage& frame);
    // Flushes the encoder, completes the file and moves it to its destination.
    void finish();

private:
    struct Codec;
    std::unique_ptr<Codec> codec_;
};

} // namespace collapse::ui
