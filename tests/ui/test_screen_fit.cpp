// The window fits the screen it opens on and cuts no text short: every preset, in normal, compare and
// presenter mode, in English and German. The screen is the offscreen platform's, set per CTest test
// (tests/ui/CMakeLists.txt: one test per screen size and pixel ratio). Each test leaves a contact sheet of
// what it saw, screen-fit-<size>.png, in the build folder.

#include "core/lesson.h"
#include "core/model_registry.h"
#include "core/scenario_sources.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/window_fixture.h"
#include "ui/lesson_player.h"
#include "ui/main_window.h"
#include "ui/plot_painting.h"
#include "ui/sweep_window.h"
#include "ui/theme.h"

#include <QAbstractButton>
#include <QCategoryAxis>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QScreen>
#include <QSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>

#include <memory>

using namespace collapse;
using namespace collapse::ui;
using collapse::testing::WindowFixture;

namespace {

constexpr int kRunTimeoutMs = 120000;
constexpr int kThumbnailWidth = 640;

enum class Mode { Normal, Compare, Presenter };

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Normal:
        return QStringLiteral("normal");
    case Mode::Compare:
        return QStringLiteral("compare");
    case Mode::Presenter:
        return QStringLiteral("presenter");
    }
    return {};
}

// The preset's keys, lightened so that a run takes a moment: the layout is the same at any length.
bool isNeuralText(const Preset& preset)
{
    return preset.entries.front().object.value("lm", std::string("ngram")) == "transformer";
}

std::vector<Override> lighter(const Preset& preset)
{
    const nlohmann::json& first = preset.entries.front().object;
    const std::string model = first.value("model", std::string(defaultModel().name));
    if (isNeuralText(preset)) {
        // Scoring real text takes the transformer a second or two a generation: generation 0 of a few
        // passages shows every part.
        return {{"--generations 1", "generations", 1}, {"--replicates 1", "replicates", 1}, {"--samples 8", "samples", 8},
                {"--set epochs=1", "epochs", 1}};
    }
    if (model == "text") {
        // Beam search writes a few passages a second: three generations of one replicate show every part.
        return {{"--generations 3", "generations", 3}, {"--replicates 1", "replicates", 1}, {"--samples 200", "samples", 200}};
    }
    std::vector<Override> overrides = {{"--generations 12", "generations", 12}};
    if (const std::string_view quick = modelNamed(model).quickSettings; !quick.empty()) {
        // A model that takes seconds a generation (the VAE, the diffusion model) runs its quick settings.
        const nlohmann::json settings = nlohmann::json::parse(quick);
        for (const auto& [key, value] : settings.items()) {
            overrides.push_back({"--set " + key, key, value});
        }
    } else if (preset.sweep) {
        // A sweep's window shows every cell whatever their chains: one chain a cell fills it soonest.
        overrides.push_back({"--replicates 1", "replicates", 1});
    } else if (first.value("replicates", 0) > 50 || !first.contains("replicates")) {
        overrides.push_back({"--replicates 50", "replicates", 50});
    }
    return overrides;
}

// The part of a widget that its parents leave in view (a scroll area's viewport clips what is wider).
QRect visiblePart(const QWidget* widget)
{
    QRect visible = widget->rect();
    QPoint offset(0, 0);
    for (const QWidget* child = widget; child->parentWidget() != nullptr && !child->isWindow(); child = child->parentWidget()) {
        offset += child->pos();
        visible &= child->parentWidget()->rect().translated(-offset);
    }
    return visible;
}

// A chart's text that Qt Charts shortened ("..."), hid for want of room, or let run off the chart.
QString cutChartText(const QChartView* view)
{
    int shownLabels = 0;
    for (const QGraphicsItem* item : view->scene()->items()) {
        const auto* text = qgraphicsitem_cast<const QGraphicsTextItem*>(item);
        if (text == nullptr || !text->isVisible() || text->toPlainText().isEmpty()) {
            continue;
        }
        const QString plain = text->toPlainText();
        const double margin = text->document()->documentMargin();
        const QRectF glyphs = text->sceneBoundingRect().adjusted(margin, margin, -margin, -margin);
        if (plain.endsWith(QLatin1String("...")) || !view->sceneRect().adjusted(-1, -1, 1, 1).contains(glyphs)) {
            return plain;
        }
        ++shownLabels;
    }
    int labels = 0;
    for (QAbstractAxis* axis : view->chart()->axes()) {
        labels += static_cast<int>(static_cast<QCategoryAxis*>(axis)->categoriesLabels().size()) +
                  (axis->titleText().isEmpty() ? 0 : 1);
    }
    return shownLabels < labels ? QStringLiteral("%1 of %2 axis labels").arg(shownLabels).arg(labels) : QString();
}

// Text a widget shows that does not fit it, or that its parents cut off; empty when all fits.
QString cutText(const QWidget* widget)
{
    if (const auto* chart = qobject_cast<const QChartView*>(widget)) {
        return cutChartText(chart);
    }
    if (visiblePart(widget).width() < widget->width() - 1 && qobject_cast<const QLabel*>(widget) != nullptr &&
        !qobject_cast<const QLabel*>(widget)->text().isEmpty()) {
        return qobject_cast<const QLabel*>(widget)->text();
    }
    if (const auto* label = qobject_cast<const QLabel*>(widget)) {
        if (label->text().isEmpty() || !label->pixmap().isNull()) {
            return {};
        }
        const QRect room = label->contentsRect();
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setDocumentMargin(0);
        if (label->wordWrap()) {
            // A wrapped label is cut when its lines need more height than it has.
            return label->heightForWidth(label->width()) > label->height() + 1 ? label->text() : QString();
        }
        label->textFormat() == Qt::PlainText ? document.setPlainText(label->text()) : document.setHtml(label->text());
        return document.idealWidth() > room.width() + 1 ? label->text() : QString();
    }
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        if (button->text().isEmpty()) {
            return {};
        }
        return button->sizeHint().width() > button->width() + 1 ? button->text() : QString();
    }
    if (const auto* combo = qobject_cast<const QComboBox*>(widget)) {
        const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText()) + 28;
        return needed > combo->width() ? combo->currentText() : QString();
    }
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(widget)) {
        return spin->sizeHint().width() > spin->width() + 1 ? spin->text() : QString();
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Mode)

class ScreenFitTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPresetFits_data();
    void everyPresetFits();
    void everyLessonStepFits_data();
    void everyLessonStepFits();
    void cleanup();
    void cleanupTestCase();

private:
    void useLanguage(const QString& language);
    // The window (or sweep window) `checked` inside the screen's room, no text cut short since
    // `elidedBefore` texts had been, and a thumbnail of it for the contact sheet.
    void checkFits(QWidget* checked, Mode mode, int elidedBefore, const QString& caption);

    struct Thumbnail {
        QString caption;
        QImage picture;
    };
    QVector<Thumbnail> thumbnails_;
    std::unique_ptr<WindowFixture> window_;
    QTranslator german_;
};

void ScreenFitTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // One settings file per screen: CTest runs the screens side by side, and a window remembers its
    // geometry and layout, which one screen's run must not hand to another's.
    const QScreen* screen = QGuiApplication::primaryScreen();
    QCoreApplication::setApplicationName(QStringLiteral("test_screen_fit-%1x%2-at-%3")
                                             .arg(screen->geometry().width())
                                             .arg(screen->geometry().height())
                                             .arg(screen->devicePixelRatio()));
    QSettings().clear();
    applyApplicationFont();
    QVERIFY2(german_.load(QStringLiteral(COLLAPSELAB_GERMAN_TRANSLATION)), COLLAPSELAB_GERMAN_TRANSLATION);
}

void ScreenFitTest::everyPresetFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<Mode>("mode");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        for (const Preset& preset : builtinPresets()) {
            for (const Mode mode : {Mode::Normal, Mode::Compare, Mode::Presenter}) {
                if (mode == Mode::Compare && (preset.isComparison() || preset.sweep)) {
                    continue; // a comparison preset's normal mode is compare mode; a sweep has no sides
                }
                // The neural text presets show the n-gram ones' stage with charts of their own: their
                // normal mode tries what differs; the n-gram presets try the stage in every mode.
                if (mode != Mode::Normal && isNeuralText(preset)) {
                    continue;
                }
                QTest::addRow("%s %s %s", qPrintable(language), preset.name.c_str(), qPrintable(modeName(mode)))
                    << language << QString::fromStdString(preset.name) << mode;
            }
        }
    }
}

void ScreenFitTest::everyPresetFits()
{
    QFETCH(QString, language);
    QFETCH(QString, preset);
    QFETCH(Mode, mode);
    useLanguage(language);
    const Preset& shown = presetNamed(preset.toStdString());
    const int elidedBefore = elidedTextCount();
    window_ = std::make_unique<WindowFixture>();
    window_->session.open(defaultScenario<GaussianSettings>());
    MainWindow* window = &window_->window;
    Session& session = window_->session;
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    // A sweep preset opens the sweep window, which must fit as the main window does.
    QWidget* checked = window;
    if (shown.sweep) {
        SweepWindow* sweeps = window->openSweepWindow();
        QVERIFY(QTest::qWaitForWindowExposed(sweeps));
        ScenarioRequest request;
        request.preset = shown.name;
        request.overrides = lighter(shown);
        const SweepPlan plan = makeSweepPlan(resolveScenarios(request).front().scenario, parseSweepAxes(shown.sweep->vary), {});
        if (mode == Mode::Presenter) {
            window->setPresenterMode(true);
            sweeps->setFullScreen(true);
        }
        QSignalSpy completed(sweeps, &SweepWindow::sweepCompleted);
        sweeps->showSweep(plan, shown.sweep->metric, shown.sweep->contour);
        QVERIFY(completed.wait(kRunTimeoutMs));
        QApplication::processEvents();
        checked = sweeps;
    } else {
        if (mode == Mode::Compare) {
            ScenarioRequest request;
            request.preset = shown.name;
            request.overrides = lighter(shown);
            Scenario second = resolveScenarios(request).front().scenario;
            const Scenario first = second;
            second.seed += 1;
            session.open({{"seed 1", first}, {"seed 2", second}});
        } else {
            window->openPreset(shown.name, lighter(shown));
        }
        if (mode == Mode::Presenter) {
            window->setPresenterMode(true);
        }
        QTRY_VERIFY_WITH_TIMEOUT(session.runs().isComplete(), kRunTimeoutMs);
        window->goToGeneration(session.runs().availableGenerations() - 1);
        QApplication::processEvents();
    }
    checkFits(checked, mode, elidedBefore, QStringLiteral("%1 · %2 · %3").arg(language, preset, modeName(mode)));
}

void ScreenFitTest::checkFits(QWidget* checked, Mode mode, int elidedBefore, const QString& caption)
{
    const QImage picture = checked->grab().toImage();
    QVERIFY2(elidedTextCount() == elidedBefore,
             qPrintable(QStringLiteral("cut short: ") + elidedTexts().mid(elidedBefore).join(QStringLiteral(" | "))));

    const QScreen* screen = checked->screen();
    if (!screen->availableGeometry().contains(checked->frameGeometry()) && qEnvironmentVariableIsSet("COLLAPSELAB_DUMP_SIZES")) {
        for (const QWidget* child : checked->findChildren<QWidget*>()) {
            if (child->isVisible() && child->minimumSizeHint().width() > 300) {
                qInfo() << child->metaObject()->className() << child->objectName() << child->minimumSizeHint();
            }
        }
    }
    const QRect room = mode == Mode::Presenter ? screen->geometry() : screen->availableGeometry();
    QVERIFY2(room.contains(checked->frameGeometry()),
             qPrintable(QStringLiteral("window frame %1,%2 %3x%4 on a screen of %5x%6")
                            .arg(checked->frameGeometry().x())
                            .arg(checked->frameGeometry().y())
                            .arg(checked->frameGeometry().width())
                            .arg(checked->frameGeometry().height())
                            .arg(room.width())
                            .arg(room.height())));
    for (const QWidget* widget : checked->findChildren<QWidget*>()) {
        if (widget->isVisible() && widget->window() == checked) {
            const QString cut = cutText(widget);
            QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("%1 cuts \"%2\"").arg(widget->metaObject()->className(), cut)));
        }
    }
    thumbnails_.append({caption, picture.scaledToWidth(kThumbnailWidth, Qt::SmoothTransformation)});
}

void ScreenFitTest::useLanguage(const QString& language)
{
    if (language == QLatin1String("de")) {
        QCoreApplication::installTranslator(&german_);
    } else {
        QCoreApplication::removeTranslator(&german_);
    }
}

void ScreenFitTest::everyLessonStepFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("lesson");
    QTest::addColumn<int>("step");
    // A lesson is played from the projector of a lecture hall: the smallest screen, in presenter mode.
    const QSize screen = QGuiApplication::primaryScreen()->geometry().size();
    if (screen != QSize(1024, 768)) {
        QTest::addRow("lessons are tried at 1024x768") << QString() << -1 << -1;
        return;
    }
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        for (std::size_t l = 0; l < builtinLessons().size(); ++l) {
            for (std::size_t s = 0; s < builtinLessons()[l].steps.size(); ++s) {
                QTest::addRow("%s %s step %zu", qPrintable(language), builtinLessons()[l].name.c_str(), s + 1)
                    << language << int(l) << int(s);
            }
        }
    }
}

void ScreenFitTest::everyLessonStepFits()
{
    QFETCH(QString, language);
    QFETCH(int, lesson);
    QFETCH(int, step);
    if (lesson < 0) {
        QSKIP("lessons are tried on the 1024x768 screen");
    }
    useLanguage(language);
    // Each step as the lesson has it, its runs cut to a dozen generations of a few chains: what is
    // looked at here is the layout of the question, the answers and the explanation over the stage.
    Lesson shown = builtinLessons()[static_cast<std::size_t>(lesson)];
    LessonStep& played = shown.steps[static_cast<std::size_t>(step)];
    for (LabelledScenario& side : played.scenarios) {
        side.scenario.generations = std::min(side.scenario.generations, 12);
        side.scenario.replicates = std::min(side.scenario.replicates, 4);
    }
    played.start = std::min(played.start, 11);
    played.reveal = std::min(played.reveal, 11);
    const int elidedBefore = elidedTextCount();
    window_ = std::make_unique<WindowFixture>();
    MainWindow* window = &window_->window;
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->openLesson(shown, step);
    window->setPresenterMode(true);
    QTRY_VERIFY_WITH_TIMEOUT(window_->session.runs().isComplete(), kRunTimeoutMs);
    window->lessonPlayer()->reveal();
    window->goToGeneration(played.reveal);
    QApplication::processEvents();
    checkFits(window, Mode::Presenter, elidedBefore,
              QStringLiteral("%1 · %2 · step %3").arg(language, QString::fromStdString(shown.name)).arg(step + 1));
}

void ScreenFitTest::cleanup()
{
    // Presenter mode scales the type of every window made after it: leave it before the next test.
    if (window_) {
        window_->window.setPresenterMode(false);
        window_.reset();
    }
}

void ScreenFitTest::cleanupTestCase()
{
    if (thumbnails_.isEmpty()) {
        return;
    }
    // The contact sheet: every picture with its caption, six to a row.
    constexpr int columns = 6;
    constexpr int caption = 28;
    int cellHeight = 0;
    for (const Thumbnail& thumbnail : thumbnails_) {
        cellHeight = std::max(cellHeight, thumbnail.picture.height() + caption);
    }
    const int rows = (static_cast<int>(thumbnails_.size()) + columns - 1) / columns;
    QImage sheet(columns * (kThumbnailWidth + 8), rows * (cellHeight + 8), QImage::Format_RGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 11));
    for (int i = 0; i < thumbnails_.size(); ++i) {
        const QPoint corner((i % columns) * (kThumbnailWidth + 8), (i / columns) * (cellHeight + 8));
        painter.setPen(Qt::black);
        painter.drawText(QRect(corner, QSize(kThumbnailWidth, caption)), Qt::AlignLeft | Qt::AlignVCenter,
                         thumbnails_[i].caption);
        painter.drawImage(corner + QPoint(0, caption), thumbnails_[i].picture);
        painter.setPen(Qt::gray);
        painter.drawRect(QRect(corner + QPoint(0, caption), thumbnails_[i].picture.size()));
    }
    painter.end();
    const QScreen* screen = QGuiApplication::primaryScreen();
    const double ratio = screen->devicePixelRatio();
    const QString name = QStringLiteral("screen-fit-%1x%2%3.png")
                             .arg(screen->size().width())
                             .arg(screen->size().height())
                             .arg(ratio == 1.0 ? QString() : QStringLiteral("@%1x").arg(ratio));
    QVERIFY(sheet.save(QCoreApplication::applicationDirPath() + QLatin1Char('/') + name));
}

QTEST_MAIN(ScreenFitTest)
#include "test_screen_fit.moc"
