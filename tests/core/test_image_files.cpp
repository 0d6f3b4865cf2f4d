// The IDX loader on good files (plain and gzip), the bundled subset, and every way a file can be wrong.

#include "core/image_files.h"
#include "core/memory_estimate.h"
#include "core/models/vae/vae_model.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <fstream>

using namespace collapse;

namespace {

QByteArray idx(std::uint8_t type, const std::vector<std::uint32_t>& dimensions, const QByteArray& payload)
{
    QByteArray bytes;
    bytes.append(char(0)).append(char(0)).append(char(type)).append(char(dimensions.size()));
    for (const std::uint32_t d : dimensions) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes.append(char((d >> shift) & 0xFF));
        }
    }
    return bytes + payload;
}

std::string write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes, bool gzip = false)
{
    const std::string path = dir.filePath(name).toStdString();
    if (gzip) {
        gzFile file = gzopen(path.c_str(), "wb");
        gzwrite(file, bytes.constData(), static_cast<unsigned>(bytes.size()));
        gzclose(file);
    } else {
        std::ofstream(path, std::ios::binary).write(bytes.constData(), bytes.size());
    }
    return path;
}

QString errorOf(const std::function<void()>& read)
{
    try {
        read();
    } catch (const DataError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

QByteArray ramp(int size)
{
    QByteArray bytes;
    for (int i = 0; i < size; ++i) {
        bytes.append(char(i % 256));
    }
    return bytes;
}

} // namespace

class IdxFileTest : public QObject {
    Q_OBJECT

private slots:
    void readsPlainAndGzip_data();
    void readsPlainAndGzip();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void announcedSizeIsCountedFirst();
    void labelsMustMatchImages();
    void bundledSubsetIsComplete();
    void dataSetsAreCheckedWhereTheyAreRead();
};

void IdxFileTest::readsPlainAndGzip_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addRow("plain") << false;
    QTest::addRow("gzip") << true;
}

void IdxFileTest::readsPlainAndGzip()
{
    QFETCH(bool, gzip);
    QTemporaryDir dir;
    const std::string images = write(dir, "images-idx3-ubyte", idx(0x08, {3, 2, 4}, ramp(24)), gzip);
    const std::string labels = write(dir, "labels-idx1-ubyte", idx(0x08, {3}, QByteArray("\x01\x00\x07", 3)), gzip);
    const ImageSet set = readImageSet(images, labels);
    QCOMPARE(set.rows, 2);
    QCOMPARE(set.columns, 4);
    QCOMPARE(set.pixels.cols(), 3);
    QCOMPARE(set.pixels.rows(), 8);
    QCOMPARE(set.pixels(5, 1), 13.0f / 255.0f);  // image 1, pixel 5: byte 8 + 5
    QCOMPARE(set.labels, (std::vector<std::uint8_t>{1, 0, 7}));
}

void IdxFileTest::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addRow("truncated data") << idx(0x08, {10, 2, 2}, ramp(38)) << "truncated: the header announces 40 bytes of data, the file holds 38";
    QTest::addRow("truncated header") << QByteArray("\x00\x00\x08\x03\x00\x00", 6) << "truncated: its header is incomplete";
    QTest::addRow("wrong magic") << QByteArray("\x89PNG\r\n\x1a\n", 8) << "not an IDX file";
    QTest::addRow("float data") << idx(0x0D, {2}, ramp(8)) << "holds IDX type 0x0d; only unsigned bytes";
    QTest::addRow("trailing bytes") << idx(0x08, {2, 2, 2}, ramp(9)) << "holds more bytes than its header announces (8)";
    QTest::addRow("empty") << QByteArray() << "not an IDX file";
    QTest::addRow("damaged gzip") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage!", 18) << "gzip";
}

void IdxFileTest::rejectsBadFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string path = write(dir, "bad-images-idx3-ubyte", bytes);
    const QString error = errorOf([&] { readImageSet(path); });
    QVERIFY2(error.startsWith(QString::fromStdString(path) + ": "), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(errorOf([&] { readImageSet(dir.filePath("absent").toStdString()); }).endsWith("no such file"), "missing");
}

void IdxFileTest::announcedSizeIsCountedFirst()
{
    // A file of a few bytes whose header announces 1.5 GiB of pixels: refused before any of it is read
    // when that would not fit in half the machine's memory as bytes and doubles, and otherwise found
    // truncated; never a failed allocation.
    QTemporaryDir dir;
    const std::size_t images = 1'500'000'000 / 784;
    const std::string path = write(dir, "huge-idx3-ubyte", idx(0x08, {std::uint32_t(images), 28, 28}, ramp(16)), true);
    const QString error = errorOf([&] { readImageSet(path); });
    const double needed = double(images) * 784.0 * (1.0 + sizeof(double));
    if (needed > 0.5 * machineMemoryBytes()) {
        QVERIFY2(error.contains(QString("announces %1 of data, about %2 in memory, more than half of the machine's")
                                    .arg(QString::fromStdString(bytesText(double(images) * 784.0)), QString::fromStdString(bytesText(needed)))),
                 qPrintable(error));
    } else {
        QVERIFY2(error.contains("truncated: the header announces"), qPrintable(error));
    }
}

void IdxFileTest::labelsMustMatchImages()
{
    QTemporaryDir dir;
    const std::string images = write(dir, "images", idx(0x08, {3, 2, 2}, ramp(12)));
    const std::string labels = write(dir, "labels", idx(0x08, {2}, QByteArray("\x01\x02", 2)));
    QVERIFY(errorOf([&] { readImageSet(images, labels); }).contains("holds 2 labels for 3 images"));
    QVERIFY(errorOf([&] { readImageSet(labels); }).contains("has 1 dimensions; an image file has 3"));
}

void IdxFileTest::bundledSubsetIsComplete()
{
    const ImageData data = loadImageData("fashion-mnist-subset", "the VAE");
    QCOMPARE(data.training.pixels.cols(), 10000);
    QCOMPARE(data.training.pixels.rows(), 784);
    QCOMPARE(data.heldOut.pixels.cols(), 2000);
    std::vector<int> perClass(10, 0);
    for (const auto label : data.training.labels) {
        ++perClass[label];
    }
    QCOMPARE(perClass, std::vector<int>(10, 1000));
    QVERIFY(data.training.pixels.minCoeff() >= 0.0f && data.training.pixels.maxCoeff() <= 1.0f);
}

void IdxFileTest::dataSetsAreCheckedWhereTheyAreRead()
{
    // Six 28x28 training images of classes 0 and 2; held-out images beside them, as Fashion-MNIST names them.
    QTemporaryDir dir;
    const QByteArray pixels = ramp(6 * 28 * 28);
    const std::string images = write(dir, "train-images-idx3-ubyte", idx(0x08, {6, 28, 28}, pixels));
    write(dir, "train-labels-idx1-ubyte", idx(0x08, {6}, QByteArray("\x00\x02\x00\x02\x00\x02", 6)));
    VaeSettings settings;
    settings.dataset = images;

    // Held-out images of another size would be read past their end by the classifier.
    write(dir, "t10k-images-idx3-ubyte", idx(0x08, {2, 14, 14}, ramp(2 * 14 * 14)));
    write(dir, "t10k-labels-idx1-ubyte", idx(0x08, {2}, QByteArray("\x00\x02", 2)));
    QVERIFY(errorOf([&] { loadImageData(images, "the VAE"); }).contains("images are 14x14 pixels, but the training images"));

    // A held-out class the training images lack.
    write(dir, "t10k-images-idx3-ubyte", idx(0x08, {2, 28, 28}, ramp(2 * 28 * 28)));
    write(dir, "t10k-labels-idx1-ubyte", idx(0x08, {2}, QByteArray("\x00\x07", 2)));
    const ImageData withClassSeven = loadImageData(images, "the VAE");
    QVERIFY(errorOf([&] { labelledClasses(withClassSeven, settings); }).contains("a held-out image is labelled 7"));

    // A minority class that no image has: below the largest label, so only a search finds it missing.
    write(dir, "t10k-labels-idx1-ubyte", idx(0x08, {2}, QByteArray("\x00\x02", 2)));
    const ImageData data = loadImageData(images, "the VAE");
    settings.minorityClass = 1;
    QVERIFY(errorOf([&] { labelledClasses(data, settings); }).contains("\"minority_class\" 1 does not occur among"));
    settings.minorityClass = 2;
    QCOMPARE(labelledClasses(data, settings), 3);
}

QTEST_APPLESS_MAIN(IdxFileTest)
#include "test_image_files.moc"
