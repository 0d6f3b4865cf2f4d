#include "animation_export.h"

#include "figure_export.h"
#include "named_choice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>

#include <algorithm>
#include <filesystem>

namespace collapse::ui {

namespace {

// Frames are laid out at this height, then scaled to the requested size.
constexpr double kLayoutHeight = 1080.0;
// Frames sampled for a GIF's palette, spread evenly over the run.
constexpr int kPaletteSamples = 12;

void checkOptions(const FigureRenderer& renderer, const QString& path, const AnimationOptions& options)
{
    if (renderer.generationCount() < 1) {
        throw ExportError(QObject::tr("%1: the run has no generation to show yet").arg(path).toStdString());
    }
    if (options.fps < 1 || options.fps > 120) {
        throw ExportError(QObject::tr("fps must be from 1 to 120, not %1").arg(options.fps).toStdString());
    }
    if (options.size.width() < 64 || options.size.height() < 64 || options.size.width() > 7680 ||
        options.size.height() > 4320) {
        throw ExportError(QObject::tr("a frame is 64x64 to 7680x4320 pixels, not %1x%2")
                              .arg(options.size.width())
                              .arg(options.size.height())
                              .toStdString());
    }
}

} // namespace

std::optional<VideoFormat> videoFormatFor(const QString& path)
{
    return choiceNamed<VideoFormat>(QFileInfo(path).suffix(),
                                    {{"mp4", VideoFormat::Mp4}, {"webm", VideoFormat::WebM}, {"gif", VideoFormat::Gif}});
}

QImage renderFrame(FigureRenderer& renderer, int generation, const QSize& size)
{
    QImage frame(size, QImage::Format_RGB32);
    const double ratio = size.height() / kLayoutHeight;
    frame.setDevicePixelRatio(ratio);
    renderer.renderFrame(frame, generation);
    return frame;
}

bool writeAnimation(FigureRenderer& renderer, const QString& path, const AnimationOptions& options,
                    const ExportProgress& progress)
{
    const auto format = videoFormatFor(path);
    if (!format) {
        throw ExportError(QObject::tr("%1: an animation is a .mp4, .webm or .gif file").arg(path).toStdString());
    }
    checkOptions(renderer, path, options);
    const int frames = renderer.generationCount();
    const int samples = *format == VideoFormat::Gif ? std::min(kPaletteSamples, frames) : 0;
    const int total = samples + frames;
    int done = 0;
    const auto advance = [&] { return !progress || progress(++done, total); };

    AnimationPalette palette;
    for (int i = 0; i < samples; ++i) {
        const int generation = samples == 1 ? 0 : i * (frames - 1) / (samples - 1);
        palette.addSample(renderFrame(renderer, generation, options.size));
        if (!advance()) {
            return false;
        }
    }
    palette.build();

    VideoEncoder encoder(path, *format, options.size, options.fps, &palette);
    for (int generation = 0; generation < frames; ++generation) {
        encoder.addFrame(renderFrame(renderer, generation, options.size));
        if (!advance()) {
            return false;
        }
    }
    encoder.finish();
    return true;
}

bool writeFrames(FigureRenderer& renderer, const QString& folder, const AnimationOptions& options,
                 const ExportProgress& progress)
{
    checkOptions(renderer, folder, options);
    const QFileInfo destination(folder);
    if (destination.exists() && (!destination.isDir() || !QDir(folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                                              QDir::Hidden | QDir::System))) {
        throw ExportError(QObject::tr("%1 exists and is not an empty folder").arg(folder).toStdString());
    }
    const QString parent = destination.absolutePath();
    if (!QFileInfo(parent).isDir()) {
        throw ExportError(QObject::tr("cannot write %1: the folder %2 does not exist").arg(folder, parent).toStdString());
    }
    const QString temporary = QDir(parent).filePath(QStringLiteral(".%1.%2.partial")
                                                        .arg(destination.fileName())
                                                        .arg(QCoreApplication::applicationPid()));
    // Removes the temporary folder unless it was renamed into place.
    struct Cleanup {
        QString path;
        bool keep = false;
        ~Cleanup()
        {
            if (!keep) {
                QDir(path).removeRecursively();
            }
        }
    } cleanup{temporary};
    if (!QDir().mkpath(temporary)) {
        throw ExportError(QObject::tr("cannot write %1: cannot create a folder in %2").arg(folder, parent).toStdString());
    }

    const int frames = renderer.generationCount();
    for (int generation = 0; generation < frames; ++generation) {
        const QString file = QDir(temporary).filePath(QStringLiteral("frame-%1.png").arg(generation, 5, 10, QLatin1Char('0')));
        QImageWriter writer(file, "png");
        // zlib's fastest level: a frame sequence is an intermediate, and the default level costs more
        // than drawing the frame.
        writer.setCompression(1);
        if (!writer.write(renderFrame(renderer, generation, options.size))) {
            throw ExportError(QObject::tr("cannot write %1: %2").arg(folder, writer.errorString()).toStdString());
        }
        if (progress && !progress(generation + 1, frames)) {
            return false;
        }
    }
    std::error_code error;
    if (destination.exists()) {
        std::filesystem::remove(folder.toStdString(), error);
    }
    std::filesystem::rename(temporary.toStdString(), folder.toStdString(), error);
    if (error) {
        throw ExportError(QObject::tr("cannot write %1: %2").arg(folder, QString::fromStdString(error.message())).toStdString());
    }
    cleanup.keep = true;
    return true;
}

} // namespace collapse::ui
