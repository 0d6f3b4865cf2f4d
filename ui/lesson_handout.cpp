#include "ui/lesson_handout.h"

#include "core/share_code.h"
#include "ui/figure_export.h"
#include "ui/figure_renderer.h"
#include "ui/paper_report.h"
#include "ui/run_history.h"

#include <QImage>
#include <QPainter>

namespace collapse::ui {

namespace {

// A share code in lines this long: printed, it stays within the page; read back, its line breaks are
// ignored.
constexpr std::size_t kCodeLine = 64;
constexpr QSize kFigureSize(1600, 900);
constexpr int kFigureDpi = 144;

} // namespace

LessonHandout lessonHandout(const Lesson& lesson, const std::vector<std::vector<const RunHistory*>>& runs)
{
    std::string markdown = "# " + lesson.title + "\n\n" + lesson.summary + "\n\n";
    std::vector<std::pair<QString, QImage>> images;
    for (std::size_t s = 0; s < lesson.steps.size(); ++s) {
        const LessonStep& step = lesson.steps[s];
        markdown += "## Step " + std::to_string(s + 1) + "\n\n**" + step.question + "**\n\n";
        for (std::size_t a = 0; a < step.answers.size(); ++a) {
            markdown += std::to_string(a + 1) + ". " + step.answers[a] +
                        (static_cast<int>(a) == step.correct ? " **✓ (the run shows it)**" : "") + "\n";
        }
        QVector<LabelledHistory> labelled;
        for (std::size_t side = 0; side < runs[s].size(); ++side) {
            labelled.append({QString::fromStdString(step.scenarios[side].label), runs[s][side]});
        }
        FigureRenderer renderer(labelled, ExportView::Both);
        const int generation = std::min(step.reveal, renderer.generationCount() - 1);
        const QString name = QStringLiteral("figures/step-%1.png").arg(s + 1);
        const QByteArray png = paintedFigure(FigureFormat::Png, name, kFigureSize, kFigureDpi,
                                             [&renderer, generation](QPainter& painter, const QSizeF& size) {
                                                 renderer.render(painter, QRectF(QPointF(0, 0), size), generation);
                                             });
        images.emplace_back(name, QImage::fromData(png, "png"));
        markdown += "\n![Generation " + std::to_string(generation) + "](" + name.toStdString() + ")\n\n" + step.explanation +
                    "\n\nTo open this step in Collapse Lab, choose *File ▸ Open Share Code…* and enter:\n\n```\n";
        const std::string code = shareCode(step.scenarios);
        for (std::size_t at = 0; at < code.size(); at += kCodeLine) {
            markdown += code.substr(at, kCodeLine) + "\n";
        }
        markdown += "```\n\n";
    }
    return {markdown, reportPdf(QString::fromStdString(markdown), images)};
}

} // namespace collapse::ui
