// Figures: PNG at the asked resolution, opaque or transparent; SVG with vector paths; a PDF whose
// cross-reference table points at its objects and whose page has the figure's size; small multiples;
// and failures that name the file and leave nothing behind.

#include "core/scenario_sources.h"
#include "tests/common/files.h"
#include "ui/figure_export.h"
#include "ui/figure_renderer.h"
#include "ui/run_history.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace collapse;
using namespace collapse::ui;

using collapse::testing::fileContents;

namespace {

Scenario quickMixture()
{
    Scenario scenario = scenarioFromJson(presetNamed("gmm-paper").entries.front().object);
    scenario.generations = 12;
    scenario.replicates = 4;
    scenario.samples = 300;
    return scenario;
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        computeHistory(history_, quickMixture());
        QCOMPARE(history_.size(), 12);
    }

    void pngHasTheResolutionAskedFor_data()
    {
        QTest::addColumn<int>("dpi");
        for (const int dpi : kFigureDpiChoices) {
            QTest::newRow(qPrintable(QString::number(dpi))) << dpi;
        }
    }

    void pngHasTheResolutionAskedFor()
    {
        QFETCH(int, dpi);
        QTemporaryDir folder;
        const QString path = folder.filePath("figure.png");
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Both);
        FigureOptions options;
        options.generations = {5};
        options.size = QSize(640, 360);
        options.dpi = dpi;
        writeFigure(renderer, path, options);
        const QImage image(path);
        QCOMPARE(image.size(), QSize(qRound(640 * dpi / 96.0), qRound(360 * dpi / 96.0)));
        QCOMPARE(image.dotsPerMeterX(), qRound(dpi / 0.0254));
        QCOMPARE(qAlpha(image.pixel(1, image.height() - 1)), 255);
    }

    void transparentPngLeavesTheBackgroundClear()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath("clear.png");
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Stage);
        FigureOptions options;
        options.generations = {3};
        options.size = QSize(400, 300);
        options.transparent = true;
        writeFigure(renderer, path, options);
        const QImage image = QImage(path).convertToFormat(QImage::Format_ARGB32);
        int clear = 0;
        int drawn = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                (qAlpha(image.pixel(x, y)) == 0 ? clear : drawn) += 1;
            }
        }
        QVERIFY2(clear > image.width() * image.height() / 4, "the background is painted");
        QVERIFY2(drawn > 1000, "nothing was drawn");
    }

    void svgHoldsVectorPaths()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath("figure.svg");
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Both);
        FigureOptions options;
        options.generations = {11};
        writeFigure(renderer, path, options);
        QXmlStreamReader reader(fileContents(path));
        int paths = 0;
        int texts = 0;
        bool svgRoot = false;
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement) {
                svgRoot |= reader.name() == QLatin1String("svg");
                paths += reader.name() == QLatin1String("path") || reader.name() == QLatin1String("polyline");
                texts += reader.name() == QLatin1String("text");
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QVERIFY(svgRoot);
        QVERIFY2(paths > 50, qPrintable(QString("%1 paths").arg(paths)));
        QVERIFY2(texts > 10, qPrintable(QString("%1 texts").arg(texts)));
    }

    void pdfParses()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath("figure.pdf");
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Both);
        FigureOptions options;
        options.generations = {0};
        options.size = QSize(960, 540);
        writeFigure(renderer, path, options);
        const QByteArray pdf = fileContents(path);
        QVERIFY(pdf.startsWith("%PDF-1."));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // startxref gives the offset of the cross-reference table, whose entries give each object's
        // offset: every one must land on "<n> 0 obj".
        const auto startxref = pdf.lastIndexOf("startxref");
        QVERIFY(startxref > 0);
        const qsizetype tableOffset = pdf.mid(startxref + 9, 32).trimmed().split('\n').front().trimmed().toLongLong();
        QVERIFY(pdf.mid(tableOffset, 4) == "xref");
        const QList<QByteArray> lines = pdf.mid(tableOffset).split('\n');
        const QList<QByteArray> header = lines.value(1).trimmed().split(' ');
        const int first = header.value(0).toInt();
        const int count = header.value(1).toInt();
        QVERIFY(count > 5);
        int objects = 0;
        for (int i = 0; i < count; ++i) {
            const QList<QByteArray> entry = lines.value(2 + i).trimmed().split(' ');
            if (entry.value(2) != "n") {
                continue;
            }
            const qsizetype offset = entry.value(0).toLongLong();
            QVERIFY2(pdf.mid(offset).startsWith(QByteArray::number(first + i) + " 0 obj"),
                     qPrintable(QString("object %1 is not at %2").arg(first + i).arg(offset)));
            ++objects;
        }
        QCOMPARE(objects, count - 1);
        // The page is the figure's size at 96 px per inch: 960 x 540 px is 720 x 405 pt.
        const QRegularExpression mediaBox(R"(/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\])");
        const auto match = mediaBox.match(QString::fromLatin1(pdf));
        QVERIFY(match.hasMatch());
        QCOMPARE(qRound(match.captured(1).toDouble()), 720);
        QCOMPARE(qRound(match.captured(2).toDouble()), 405);
    }

    void smallMultiplesShowEachGeneration()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath("multiples.png");
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Stage);
        FigureOptions options;
        options.generations = {0, 5, 11};
        options.dpi = 96;
        writeFigure(renderer, path, options);
        const QImage image(path);
        QCOMPARE(image.size(), renderer.smallMultiplesSize(3, FigureRenderer::kPanelSize).toSize());
        // Three panels side by side, each its own generation: no two are alike.
        const QImage first = image.copy(0, 0, 360, 270);
        const QImage second = image.copy(360, 0, 360, 270);
        const QImage third = image.copy(720, 0, 360, 270);
        QVERIFY(first != second && second != third && first != third);
    }

    void comparisonDrawsBothSides()
    {
        Scenario other = quickMixture();
        other.policy = Policy::Accumulate;
        RunHistory accumulated;
        computeHistory(accumulated, other);
        QTemporaryDir folder;
        const QString path = folder.filePath("both.png");
        FigureRenderer renderer({{"replace", &history_}, {"accumulate", &accumulated}}, ExportView::Stage);
        FigureOptions options;
        options.generations = {11};
        options.dpi = 96;
        writeFigure(renderer, path, options);
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1280, 720));
        QVERIFY(image.copy(0, 0, 636, 720) != image.copy(644, 0, 636, 720));

        // Small multiples of a comparison: each side's row of panels is drawn at full panel height.
        FigureOptions multiples;
        multiples.generations = {0, 11};
        multiples.dpi = 96;
        const QString multiplesPath = folder.filePath("both-multiples.png");
        writeFigure(renderer, multiplesPath, multiples);
        const QImage grid(multiplesPath);
        const QSize expected = renderer.smallMultiplesSize(2, FigureRenderer::kPanelSize).toSize();
        QCOMPARE(grid.size(), expected);
        const auto drawnShare = [&grid](const QRect& region) {
            int drawn = 0;
            for (int y = region.top(); y <= region.bottom(); ++y) {
                for (int x = region.left(); x <= region.right(); ++x) {
                    drawn += grid.pixel(x, y) != qRgb(255, 255, 255);
                }
            }
            return double(drawn) / (region.width() * region.height());
        };
        // The lower half of the second side's first panel (below its label) holds axes and samples.
        const int secondTop = expected.height() / 2;
        QVERIFY(drawnShare(QRect(40, secondTop + 150, 280, 100)) > 0.02);
    }

    void failuresNameTheFileAndLeaveNothing()
    {
        QTemporaryDir folder;
        FigureRenderer renderer({{QString(), &history_}}, ExportView::Both);
        FigureOptions options;
        options.generations = {1};
        const QString missingFolder = folder.filePath("no/such/folder/figure.png");
        try {
            writeFigure(renderer, missingFolder, options);
            QFAIL("wrote into a folder that does not exist");
        } catch (const ExportError& error) {
            QVERIFY2(QString(error.what()).contains(missingFolder), error.what());
        }

        // An existing figure is kept when the new one cannot be made.
        const QString existing = folder.filePath("keep.svg");
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<svg/>");
        file.close();
        options.generations = {12};
        QVERIFY_THROWS_EXCEPTION(ExportError, writeFigure(renderer, existing, options));
        QCOMPARE(fileContents(existing), QByteArray("<svg/>"));
        options.generations = {1};
        QVERIFY_THROWS_EXCEPTION(ExportError, writeFigure(renderer, folder.filePath("figure.tiff"), options));
        options.size = QSize(10, 10);
        QVERIFY_THROWS_EXCEPTION(ExportError, writeFigure(renderer, folder.filePath("tiny.png"), options));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"keep.svg"});
    }

private:
    RunHistory history_;
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
