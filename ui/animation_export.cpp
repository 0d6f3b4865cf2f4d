#include "ui/animation_export.h"

#include "core/output_files.h"
#include "ui/figure_export.h"
#include "ui/named_choice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

namespace collapse::ui {

namespace {

// Frames are laid out at this height, then scaled to the requested size.
constexpr double kLayoutHeight = 1080.0;
// Frames sampled for a GIF's palette, spread evenly over the run.
constexpr int kPaletteSamples = 12;
// A GIF's frame delays are whole hundredths of a second, and browsers slow delays under 2 down.
constexpr int kGifMaxFps = 50;

void checkOptions(const FigureRenderer& renderer, const QString& path, const AnimationOptions& options, bool toFolder)
{
    if (renderer.generationCount() < 1) {
        throw ExportError(QObject::tr("%1: the run has no generation to show yet").arg(path).toStdString());
    }
    if (const auto problem = animationRequestProblem(path, options, toFolder)) {
        throw ExportError(problem->toStdString());
    }
}

// Hands frames to `consume` on a thread of its own, so that drawing the next frame (on this thread,
// where the charts live) overlaps with encoding or compressing the last one. At most kDepth frames
// wait; a failure in `consume` is thrown again by the next push() or drain().
class FramePipeline {
public:
    explicit FramePipeline(std::function<void(const QImage&)> consume)
        : consume_(std::move(consume)), thread_([this] { run(); })
    {
    }
    ~FramePipeline()
    {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
            queue_.clear();
        }
        changed_.notify_all();
        thread_.join();
    }
    FramePipeline(const FramePipeline&) = delete;
    FramePipeline& operator=(const FramePipeline&) = delete;

    void push(QImage frame)
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return queue_.size() < kDepth || failure_; });
        rethrow();
        queue_.push_back(std::move(frame));
        changed_.notify_all();
    }

    void drain()
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return (queue_.empty() && !busy_) || failure_; });
        rethrow();
    }

private:
    static constexpr std::size_t kDepth = 2;

    void rethrow()
    {
        if (failure_) {
            std::rethrow_exception(failure_);
        }
    }

    void run()
    {
        for (;;) {
            QImage frame;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return !queue_.empty() || stopping_; });
                if (stopping_) {
                    return;
                }
                frame = std::move(queue_.front());
                queue_.pop_front();
                busy_ = true;
            }
            changed_.notify_all();
            std::exception_ptr failure;
            try {
                consume_(frame);
            } catch (...) {
                failure = std::current_exception();
            }
            {
                const std::lock_guard lock(mutex_);
                busy_ = false;
                if (failure) {
                    failure_ = failure;
                    queue_.clear();
                }
            }
            changed_.notify_all();
        }
    }

    std::function<void(const QImage&)> consume_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<QImage> queue_;
    bool busy_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;  // last: it starts running in the constructor
};

} // namespace

std::optional<QString> animationRequestProblem(const QString& path, const AnimationOptions& options, bool toFolder)
{
    const auto format = videoFormatFor(path);
    if (!toFolder && !format) {
        return QObject::tr("%1: an animation is a .mp4, .webm or .gif file").arg(path);
    }
    if (options.fps < 1 || options.fps > 120) {
        return QObject::tr("fps must be from 1 to 120, not %1").arg(options.fps);
    }
    if (!toFolder && *format == VideoFormat::Gif && options.fps > kGifMaxFps) {
        return QObject::tr("%1: a GIF shows at most %2 frames per second, not %3").arg(path).arg(kGifMaxFps).arg(options.fps);
    }
    const QSize size = options.size;
    if (size.width() < 64 || size.height() < 64 || size.width() > 7680 || size.height() > 4320) {
        return QObject::tr("a frame is 64x64 to 7680x4320 pixels, not %1x%2").arg(size.width()).arg(size.height());
    }
    if (!toFolder && *format != VideoFormat::Gif && (size.width() % 2 != 0 || size.height() % 2 != 0)) {
        return QObject::tr("%1: MP4 and WebM need an even width and height, not %2x%3")
            .arg(path)
            .arg(size.width())
            .arg(size.height());
    }
    return std::nullopt;
}

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
    checkOptions(renderer, path, options, false);
    const auto format = videoFormatFor(path);
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
    {
        FramePipeline pipeline([&encoder](const QImage& frame) { encoder.addFrame(frame); });
        for (int generation = 0; generation < frames; ++generation) {
            pipeline.push(renderFrame(renderer, generation, options.size));
            if (!advance()) {
                return false;
            }
        }
        pipeline.drain();
    }
    encoder.finish();
    return true;
}

bool writeFrames(FigureRenderer& renderer, const QString& folderAsGiven, const AnimationOptions& options,
                 const ExportProgress& progress)
{
    // "frames/" and "frames" are the same folder.
    const QString folder = QDir::cleanPath(QFileInfo(folderAsGiven).absoluteFilePath());
    checkOptions(renderer, folder, options, true);
    const QFileInfo destination(folder);
    if (destination.exists() && (!destination.isDir() || !QDir(folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                                              QDir::Hidden | QDir::System))) {
        throw ExportError(QObject::tr("%1 exists and is not an empty folder").arg(folder).toStdString());
    }
    const QString parent = destination.absolutePath();
    if (!QFileInfo(parent).isDir()) {
        throw ExportError(QObject::tr("cannot write %1: the folder %2 does not exist").arg(folder, parent).toStdString());
    }
    // Beside the destination, named so that a later export recognises it if this one is killed.
    removeStaleTemporaries(folder.toStdString());
    const QString temporary = [&folder] {
        try {
            return QString::fromStdString(temporaryPathFor(folder.toStdString()).string());
        } catch (const std::runtime_error& error) {
            throw ExportError(error.what());
        }
    }();
    // The temporary's private folder goes in any case: empty once the frames were renamed into place.
    struct Cleanup {
        QString path;
        ~Cleanup() { removeTemporary(path.toStdString()); }
    } cleanup{temporary};
    if (!QDir().mkpath(temporary)) {
        throw ExportError(QObject::tr("cannot write %1: cannot create a folder in %2").arg(folder, parent).toStdString());
    }

    const int frames = renderer.generationCount();
    {
        int written = 0;
        FramePipeline pipeline([&](const QImage& frame) {
            const QString file =
                QDir(temporary).filePath(QStringLiteral("frame-%1.png").arg(written++, 5, 10, QLatin1Char('0')));
            QImageWriter writer(file, "png");
            if (!writer.write(frame)) {
                throw ExportError(QObject::tr("cannot write %1: %2").arg(folder, writer.errorString()).toStdString());
            }
        });
        for (int generation = 0; generation < frames; ++generation) {
            pipeline.push(renderFrame(renderer, generation, options.size));
            if (progress && !progress(generation + 1, frames)) {
                return false;
            }
        }
        pipeline.drain();
    }
    std::error_code error;
    if (destination.exists()) {
        std::filesystem::remove(folder.toStdString(), error);
    }
    std::filesystem::rename(temporary.toStdString(), folder.toStdString(), error);
    if (error) {
        throw ExportError(QObject::tr("cannot write %1: %2").arg(folder, QString::fromStdString(error.message())).toStdString());
    }
    return true;
}

} // namespace collapse::ui
