#pragma once

#include "ui/animation_export.h"
#include "ui/figure_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace collapse::ui {

// Asks what to export: a figure (PNG, SVG or PDF; one generation or small multiples) or an animation
// (MP4, WebM, GIF or a PNG sequence). The choices are remembered between exports.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Kind { Figure, Animation };

    // `shownGeneration` is the default figure; `generations` the number computed; `runs` how many are
    // drawn side by side.
    ExportDialog(Kind kind, int shownGeneration, int generations, int runs = 1, QWidget* parent = nullptr);

    QString path() const;
    ExportView view() const;
    // The generations listed, each checked against the run; empty when the list cannot be read.
    QVector<int> generations() const;
    FigureOptions figureOptions() const;
    AnimationOptions animationOptions() const;
    // An animation as numbered PNG files in a folder rather than a video file.
    bool framesToFolder() const;

    void accept() override;

    // The generations of the paper's GMM figure (Shumailov et al. 2024, Fig. 2) that the run has.
    static QVector<int> paperGenerations(int generations);

private:
    void choosePath();
    void updateEnabled();

    Kind kind_;
    int generationCount_;
    int runs_;
    QLineEdit* path_;
    QComboBox* view_;
    QLineEdit* generations_ = nullptr;
    QSpinBox* width_;
    QSpinBox* height_;
    QComboBox* sizePreset_ = nullptr;
    QComboBox* dpi_ = nullptr;
    QCheckBox* transparent_ = nullptr;
    QSpinBox* fps_ = nullptr;
};

} // namespace collapse::ui
