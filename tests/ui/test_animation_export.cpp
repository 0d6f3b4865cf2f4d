// Animations decode back with FFmpeg's own demuxers and decoders to one frame per generation at the
// size asked for; MP4 is H.264 in yuv420p, WebM is VP9, a GIF keeps one palette; the same run gives the
// same GIF byte for byte; a cancel or a bad request leaves nothing behind.

#include "core/scenario_sources.h"
#include "tests/common/files.h"
#include "ui/animation_export.h"
#include "ui/animation_palette.h"
#include "ui/figure_export.h"
#include "ui/run_history.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace collapse;
using namespace collapse::ui;

using collapse::testing::fileContents;

namespace {

constexpr int kGenerations = 9;

struct DecodedVideo {
    int frames = 0;
    int width = 0;
    int height = 0;
    AVCodecID codec = AV_CODEC_ID_NONE;
    int pixelFormat = -1;
};

// Decodes every frame of the file's video stream.
DecodedVideo decode(const QString& path)
{
    DecodedVideo video;
    AVFormatContext* container = nullptr;
    if (avformat_open_input(&container, path.toUtf8().constData(), nullptr, nullptr) < 0) {
        return video;
    }
    avformat_find_stream_info(container, nullptr);
    const int index = av_find_best_stream(container, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (index >= 0) {
        const AVCodecParameters* parameters = container->streams[index]->codecpar;
        video.codec = parameters->codec_id;
        video.width = parameters->width;
        video.height = parameters->height;
        video.pixelFormat = parameters->format;
        AVCodecContext* decoder = avcodec_alloc_context3(avcodec_find_decoder(parameters->codec_id));
        avcodec_parameters_to_context(decoder, parameters);
        avcodec_open2(decoder, nullptr, nullptr);
        AVPacket* packet = av_packet_alloc();
        AVFrame* frame = av_frame_alloc();
        const auto receiveAll = [&] {
            while (avcodec_receive_frame(decoder, frame) == 0) {
                ++video.frames;
            }
        };
        while (av_read_frame(container, packet) >= 0) {
            if (packet->stream_index == index) {
                avcodec_send_packet(decoder, packet);
                receiveAll();
            }
            av_packet_unref(packet);
        }
        avcodec_send_packet(decoder, nullptr);
        receiveAll();
        av_frame_free(&frame);
        av_packet_free(&packet);
        avcodec_free_context(&decoder);
    }
    avformat_close_input(&container);
    return video;
}

QStringList everythingIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestAnimationExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        Scenario scenario = scenarioFromJson(presetNamed("gaussian-theorem").entries.front().object);
        scenario.generations = kGenerations;
        scenario.replicates = 20;
        computeHistory(history_, scenario);
        renderer_ = std::make_unique<FigureRenderer>(QVector<LabelledHistory>{{QString(), &history_}}, ExportView::Both);
    }

    void videosDecodeToOneFramePerGeneration_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("codec");
        QTest::addColumn<int>("pixelFormat");
        QTest::newRow("mp4") << "run.mp4" << int(AV_CODEC_ID_H264) << int(AV_PIX_FMT_YUV420P);
        QTest::newRow("webm") << "run.webm" << int(AV_CODEC_ID_VP9) << int(AV_PIX_FMT_YUV420P);
        QTest::newRow("gif") << "run.gif" << int(AV_CODEC_ID_GIF) << -1;
    }

    void videosDecodeToOneFramePerGeneration()
    {
        QFETCH(QString, name);
        QFETCH(int, codec);
        QFETCH(int, pixelFormat);
        QTemporaryDir folder;
        const QString path = folder.filePath(name);
        AnimationOptions options;
        options.size = QSize(640, 360);
        options.fps = 10;
        int reports = 0;
        QVERIFY(writeAnimation(*renderer_, path, options, [&reports](int, int) { return ++reports > 0; }));
        const DecodedVideo video = decode(path);
        QCOMPARE(video.frames, kGenerations);
        QCOMPARE(video.width, 640);
        QCOMPARE(video.height, 360);
        QCOMPARE(int(video.codec), codec);
        if (pixelFormat >= 0) {
            QCOMPARE(video.pixelFormat, pixelFormat);
        }
        QVERIFY(reports >= kGenerations);
        QCOMPARE(everythingIn(folder.path()), QStringList{name});
    }

    void sameRunGivesTheSameGif()
    {
        QTemporaryDir folder;
        AnimationOptions options;
        options.size = QSize(320, 180);
        QVERIFY(writeAnimation(*renderer_, folder.filePath("a.gif"), options));
        QVERIFY(writeAnimation(*renderer_, folder.filePath("b.gif"), options));
        QCOMPARE(fileContents(folder.filePath("a.gif")), fileContents(folder.filePath("b.gif")));
    }

    void framesAreNumberedPngFiles()
    {
        QTemporaryDir folder;
        const QString frames = folder.filePath("frames");
        AnimationOptions options;
        options.size = QSize(1280, 720);
        QVERIFY(writeFrames(*renderer_, frames, options));
        const QStringList files = everythingIn(frames);
        QCOMPARE(files.size(), kGenerations);
        QCOMPARE(files.front(), QStringLiteral("frame-00000.png"));
        QCOMPARE(QImage(QDir(frames).filePath(files.back())).size(), QSize(1280, 720));
        QCOMPARE(everythingIn(folder.path()), QStringList{"frames"});
        // A folder with something in it is not overwritten.
        QVERIFY_THROWS_EXCEPTION(ExportError, writeFrames(*renderer_, frames, options));
        QCOMPARE(everythingIn(frames).size(), kGenerations);
        // A trailing slash names the same folder.
        QVERIFY(writeFrames(*renderer_, folder.filePath("slashed/"), options));
        QCOMPARE(everythingIn(folder.filePath("slashed")).size(), kGenerations);
        QCOMPARE(everythingIn(folder.path()), (QStringList{"frames", "slashed"}));
    }

    void cancelLeavesNothingBehind_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "cancelled.mp4";
        QTest::newRow("gif") << "cancelled.gif";
        QTest::newRow("frames") << "cancelled-frames";
    }

    void cancelLeavesNothingBehind()
    {
        QFETCH(QString, name);
        QTemporaryDir folder;
        const QString path = folder.filePath(name);
        AnimationOptions options;
        options.size = QSize(320, 180);
        const auto cancelAtFour = [](int done, int) { return done < 4; };
        const bool complete = videoFormatFor(path) ? writeAnimation(*renderer_, path, options, cancelAtFour)
                                                   : writeFrames(*renderer_, path, options, cancelAtFour);
        QVERIFY(!complete);
        QCOMPARE(everythingIn(folder.path()), QStringList());
    }

    void badRequestsAreRefused()
    {
        QTemporaryDir folder;
        AnimationOptions options;
        options.size = QSize(641, 360);
        QVERIFY_THROWS_EXCEPTION(ExportError, writeAnimation(*renderer_, folder.filePath("odd.mp4"), options));
        options.size = QSize(640, 360);
        options.fps = 0;
        QVERIFY_THROWS_EXCEPTION(ExportError, writeAnimation(*renderer_, folder.filePath("still.mp4"), options));
        options.fps = 15;
        QVERIFY_THROWS_EXCEPTION(ExportError, writeAnimation(*renderer_, folder.filePath("film.avi"), options));
        try {
            writeAnimation(*renderer_, folder.filePath("missing/run.mp4"), options);
            QFAIL("wrote into a folder that does not exist");
        } catch (const ExportError& error) {
            QVERIFY2(QString(error.what()).contains("missing/run.mp4"), error.what());
        }
        QCOMPARE(everythingIn(folder.path()), QStringList());
    }

    void paletteKeepsFlatColoursExact()
    {
        // Three flat colours and a smooth ramp: the flat areas must map to exact palette entries, with
        // no dither noise, while the ramp is dithered.
        QImage image(256, 96, QImage::Format_RGB32);
        QPainter painter(&image);
        painter.fillRect(0, 0, 256, 32, QColor(0xD5, 0x5E, 0x00));
        painter.fillRect(0, 32, 256, 32, Qt::white);
        for (int x = 0; x < 256; ++x) {
            painter.fillRect(x, 64, 1, 32, QColor(x, x, 255 - x));
        }
        painter.end();
        AnimationPalette palette;
        palette.addSample(image);
        palette.build(16);
        QVERIFY(palette.size() <= 16);
        std::vector<std::uint8_t> indices(256 * 96);
        palette.dither(image, indices.data(), 256);
        for (const int row : {5, 40}) {
            const QRgb wanted = image.pixel(0, row);
            for (int x = 0; x < 256; ++x) {
                QCOMPARE(palette.colours()[indices[row * 256 + x]], wanted);
            }
        }
        // The ramp's mean colour is kept by the dithering within a few levels.
        double red = 0.0;
        for (int x = 0; x < 256; ++x) {
            red += qRed(palette.colours()[indices[80 * 256 + x]]);
        }
        QVERIFY2(std::abs(red / 256.0 - 127.5) < 4.0, qPrintable(QString::number(red / 256.0)));
    }

private:
    RunHistory history_;
    std::unique_ptr<FigureRenderer> renderer_;
};

QTEST_MAIN(TestAnimationExport)
#include "test_animation_export.moc"
