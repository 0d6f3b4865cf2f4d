#include "ui/video_encoder.h"

#include "core/output_files.h"
#include "ui/figure_export.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <cstring>
#include <filesystem>

namespace collapse::ui {

namespace {

QString ffmpegReason(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

struct FormatContextDeleter {
    void operator()(AVFormatContext* context) const
    {
        if (context->pb != nullptr) {
            avio_closep(&context->pb);
        }
        avformat_free_context(context);
    }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct ScalerDeleter {
    void operator()(SwsContext* scaler) const { sws_freeContext(scaler); }
};

struct FormatChoice {
    const char* muxer;
    const char* encoder;
    AVCodecID fallback;
    AVPixelFormat pixels;
};

FormatChoice choiceFor(VideoFormat format)
{
    switch (format) {
    case VideoFormat::Mp4:
        return {"mp4", "libx264", AV_CODEC_ID_H264, AV_PIX_FMT_YUV420P};
    case VideoFormat::WebM:
        return {"webm", "libvpx-vp9", AV_CODEC_ID_VP9, AV_PIX_FMT_YUV420P};
    case VideoFormat::Gif:
        return {"gif", "gif", AV_CODEC_ID_GIF, AV_PIX_FMT_PAL8};
    }
    return {};
}

} // namespace

struct VideoEncoder::Codec {
    QString path;
    std::filesystem::path temporary;
    std::filesystem::path destination;
    VideoFormat format;
    QSize size;
    const AnimationPalette* palette;
    std::unique_ptr<AVFormatContext, FormatContextDeleter> container;
    std::unique_ptr<AVCodecContext, CodecContextDeleter> encoder;
    std::unique_ptr<AVFrame, FrameDeleter> frame;
    std::unique_ptr<AVPacket, PacketDeleter> packet;
    std::unique_ptr<SwsContext, ScalerDeleter> scaler;
    AVStream* stream = nullptr;
    std::int64_t nextPts = 0;
    bool finished = false;

    // Unless the file was completed and renamed, nothing of it stays: this runs also when the
    // encoder's constructor fails after the temporary file was created.
    ~Codec()
    {
        if (!finished) {
            container.reset();
            removeTemporary(temporary);
        }
    }

    [[noreturn]] void fail(const QString& what, int code) const
    {
        throw ExportError(QObject::tr("cannot write %1: %2 (%3)").arg(path, what, ffmpegReason(code)).toStdString());
    }
    void check(int code, const QString& what) const
    {
        if (code < 0) {
            fail(what, code);
        }
    }

    // Writes every packet the encoder has ready.
    void drain()
    {
        for (;;) {
            const int received = avcodec_receive_packet(encoder.get(), packet.get());
            if (received == AVERROR(EAGAIN) || received == AVERROR_EOF) {
                return;
            }
            check(received, QObject::tr("encoding failed"));
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            check(av_interleaved_write_frame(container.get(), packet.get()), QObject::tr("writing failed"));
        }
    }
};

VideoEncoder::VideoEncoder(const QString& path, VideoFormat format, QSize size, int fps, const AnimationPalette* palette)
    : codec_(std::make_unique<Codec>())
{
    Codec& c = *codec_;
    c.path = path;
    c.format = format;
    c.size = size;
    c.palette = palette;
    c.destination = std::filesystem::path(path.toStdString());
    // Beside the destination, named so that a later export recognises it if this one is killed.
    removeStaleTemporaries(c.destination);
    try {
        c.temporary = temporaryPathFor(c.destination);
    } catch (const std::runtime_error& error) {
        throw ExportError(error.what());
    }
    const FormatChoice choice = choiceFor(format);
    // Failures are reported by exception; the encoders' statistics would only clutter the terminal.
    av_log_set_level(AV_LOG_ERROR);
    if (format == VideoFormat::Gif && palette == nullptr) {
        throw ExportError("a GIF needs its palette");
    }
    if (format != VideoFormat::Gif && (size.width() % 2 != 0 || size.height() % 2 != 0)) {
        throw ExportError(QObject::tr("%1: MP4 and WebM need an even width and height, not %2x%3")
                              .arg(path)
                              .arg(size.width())
                              .arg(size.height())
                              .toStdString());
    }

    AVFormatContext* container = nullptr;
    c.check(avformat_alloc_output_context2(&container, nullptr, choice.muxer, nullptr), QObject::tr("no muxer"));
    c.container.reset(container);

    const AVCodec* encoder = avcodec_find_encoder_by_name(choice.encoder);
    if (encoder == nullptr) {
        encoder = avcodec_find_encoder(choice.fallback);
    }
    if (encoder == nullptr) {
        throw ExportError(QObject::tr("cannot write %1: this FFmpeg has no %2 encoder").arg(path, choice.encoder).toStdString());
    }
    c.encoder.reset(avcodec_alloc_context3(encoder));
    c.frame.reset(av_frame_alloc());
    c.packet.reset(av_packet_alloc());
    if (!c.encoder || !c.frame || !c.packet) {
        throw ExportError(QObject::tr("cannot write %1: out of memory").arg(path).toStdString());
    }
    AVCodecContext* context = c.encoder.get();
    context->width = size.width();
    context->height = size.height();
    context->time_base = AVRational{1, fps};
    context->framerate = AVRational{fps, 1};
    context->pix_fmt = choice.pixels;
    context->gop_size = 2 * fps;
    context->thread_count = std::max(1, QThread::idealThreadCount());
    if (format != VideoFormat::Gif) {
        // HD video is BT.709 in limited range: say so, and convert with those coefficients, so that
        // players show the palette's colours as drawn.
        context->colorspace = AVCOL_SPC_BT709;
        context->color_primaries = AVCOL_PRI_BT709;
        context->color_trc = AVCOL_TRC_BT709;
        context->color_range = AVCOL_RANGE_MPEG;
    }
    if (c.container->oformat->flags & AVFMT_GLOBALHEADER) {
        context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    AVDictionary* options = nullptr;
    if (format == VideoFormat::Mp4) {
        // Quality 18 is visually lossless for flat graphics; "animation" suits flat colour and sharp edges.
        av_dict_set(&options, "preset", "veryfast", 0);
        av_dict_set(&options, "tune", "animation", 0);
        av_dict_set(&options, "crf", "18", 0);
    } else if (format == VideoFormat::WebM) {
        // Constant quality. libvpx's slower presets spend minutes on flat graphics for no visible gain;
        // its real-time speed with tiles and row threads uses every core.
        av_dict_set(&options, "crf", "30", 0);
        av_dict_set(&options, "b", "0", 0);
        av_dict_set(&options, "deadline", "realtime", 0);
        av_dict_set(&options, "cpu-used", "8", 0);
        av_dict_set(&options, "row-mt", "1", 0);
        av_dict_set(&options, "tile-columns", "2", 0);
    }
    const int opened = avcodec_open2(context, encoder, &options);
    av_dict_free(&options);
    c.check(opened, QObject::tr("cannot open the %1 encoder").arg(choice.encoder));

    c.stream = avformat_new_stream(c.container.get(), nullptr);
    if (c.stream == nullptr) {
        throw ExportError(QObject::tr("cannot write %1: out of memory").arg(path).toStdString());
    }
    c.stream->time_base = context->time_base;
    c.stream->avg_frame_rate = context->framerate;
    c.check(avcodec_parameters_from_context(c.stream->codecpar, context), QObject::tr("bad stream parameters"));

    c.frame->format = context->pix_fmt;
    c.frame->width = size.width();
    c.frame->height = size.height();
    c.check(av_frame_get_buffer(c.frame.get(), 0), QObject::tr("out of memory"));
    if (format != VideoFormat::Gif) {
        c.scaler.reset(sws_getContext(size.width(), size.height(), AV_PIX_FMT_BGRA, size.width(), size.height(),
                                      choice.pixels, SWS_BICUBIC, nullptr, nullptr, nullptr));
        if (!c.scaler) {
            throw ExportError(QObject::tr("cannot write %1: no colour conversion to %2").arg(path, choice.encoder).toStdString());
        }
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        // Full-range RGB in, limited-range BT.709 out; brightness, contrast and saturation unchanged.
        sws_setColorspaceDetails(c.scaler.get(), bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    }

    c.check(avio_open(&c.container->pb, c.temporary.string().c_str(), AVIO_FLAG_WRITE),
            QObject::tr("cannot create %1").arg(QString::fromStdString(c.temporary.string())));
    c.check(avformat_write_header(c.container.get(), nullptr), QObject::tr("cannot write the header"));
}

VideoEncoder::~VideoEncoder() = default;

void VideoEncoder::addFrame(const QImage& image)
{
    Codec& c = *codec_;
    if (image.size() != c.size) {
        throw ExportError(QObject::tr("cannot write %1: a frame of %2x%3 in a %4x%5 video")
                              .arg(c.path)
                              .arg(image.width())
                              .arg(image.height())
                              .arg(c.size.width())
                              .arg(c.size.height())
                              .toStdString());
    }
    c.check(av_frame_make_writable(c.frame.get()), QObject::tr("out of memory"));
    if (c.format == VideoFormat::Gif) {
        c.palette->dither(image, c.frame->data[0], c.frame->linesize[0]);
        std::memcpy(c.frame->data[1], c.palette->colours().data(), AVPALETTE_SIZE);
    } else {
        // QImage's 32-bit formats hold B, G, R, A in memory order on little-endian machines.
        const QImage bgra = image.convertToFormat(QImage::Format_RGB32);
        const std::uint8_t* source[1] = {bgra.constBits()};
        const int sourceStride[1] = {static_cast<int>(bgra.bytesPerLine())};
        sws_scale(c.scaler.get(), source, sourceStride, 0, bgra.height(), c.frame->data, c.frame->linesize);
    }
    c.frame->pts = c.nextPts++;
    c.check(avcodec_send_frame(c.encoder.get(), c.frame.get()), QObject::tr("encoding failed"));
    c.drain();
}

void VideoEncoder::finish()
{
    Codec& c = *codec_;
    c.check(avcodec_send_frame(c.encoder.get(), nullptr), QObject::tr("encoding failed"));
    c.drain();
    c.check(av_write_trailer(c.container.get()), QObject::tr("cannot complete the file"));
    c.check(avio_closep(&c.container->pb), QObject::tr("cannot complete the file"));
    std::error_code error;
    std::filesystem::rename(c.temporary, c.destination, error);
    if (error) {
        throw ExportError(QObject::tr("cannot write %1: %2").arg(c.path, QString::fromStdString(error.message())).toStdString());
    }
    c.finished = true;
    removeTemporary(c.temporary);
}

} // namespace collapse::ui
