#include "ui/export_dialog.h"

#include "ui/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace collapse::ui {

namespace {

constexpr int kPaperFigureGenerations[] = {0, 50, 100, 150, 200, 350, 2000};

QString choiceName(ExportDialog::Kind kind, const char* name)
{
    return QStringLiteral("%1/%2").arg(kind == ExportDialog::Kind::Figure ? "figure" : "animation", name);
}

QVariant remembered(ExportDialog::Kind kind, const char* name, const QVariant& fallback)
{
    return Settings::exportChoice(choiceName(kind, name), fallback);
}

void remember(ExportDialog::Kind kind, const char* name, const QVariant& value)
{
    Settings::setExportChoice(choiceName(kind, name), value);
}

// A row whose label's mnemonic focuses `buddy`, the first field of `fields`.
void addRow(QFormLayout* form, const QString& text, QWidget* buddy, QLayout* fields)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    form->addRow(label, fields);
}

} // namespace

QVector<int> ExportDialog::paperGenerations(int generations)
{
    QVector<int> chosen;
    for (const int generation : kPaperFigureGenerations) {
        if (generation < generations) {
            chosen.append(generation);
        }
    }
    if (chosen.isEmpty() || chosen.back() != generations - 1) {
        chosen.append(generations - 1);
    }
    return chosen;
}

ExportDialog::ExportDialog(Kind kind, int shownGeneration, int generations, int runs, QWidget* parent)
    : QDialog(parent), kind_(kind), generationCount_(generations), runs_(runs), path_(new QLineEdit), view_(new QComboBox),
      width_(new QSpinBox), height_(new QSpinBox)
{
    setWindowTitle(kind == Kind::Figure ? tr("Export Figure") : tr("Export Animation"));
    auto* form = new QFormLayout;

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    auto* browse = new QPushButton(tr("Choose…"));
    pathRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::choosePath);
    const QString defaultName = kind == Kind::Figure ? QStringLiteral("collapse-lab.png") : QStringLiteral("collapse-lab.mp4");
    path_->setText(remembered(kind, "path", QDir(Settings::exportFolder()).filePath(defaultName)).toString());
    path_->setAccessibleName(tr("File"));
    addRow(form, kind == Kind::Figure ? tr("&File (.png, .svg, .pdf):") : tr("&File (.mp4, .webm, .gif, or a folder):"),
           path_, pathRow);

    view_->addItem(tr("Stage and charts"), QStringLiteral("both"));
    view_->addItem(tr("Stage"), QStringLiteral("stage"));
    view_->addItem(tr("Charts"), QStringLiteral("metrics"));
    view_->setCurrentIndex(std::max(0, view_->findData(remembered(kind, "view", "both"))));
    form->addRow(tr("&Show:"), view_);

    for (QSpinBox* spin : {width_, height_}) {
        spin->setRange(64, kind == Kind::Figure ? 16384 : 7680);
        spin->setSuffix(tr(" px"));
    }
    auto* sizeRow = new QHBoxLayout;
    if (kind == Kind::Figure) {
        generations_ = new QLineEdit(QString::number(shownGeneration));
        generations_->setToolTip(tr("One generation, or several separated by commas for small multiples"));
        auto* paper = new QPushButton(tr("Paper figure"));
        paper->setToolTip(tr("Generations 0, 50, 100, 150, 200, 350 and 2000, as in Shumailov et al. (2024), Fig. 2"));
        connect(paper, &QPushButton::clicked, this, [this] {
            QStringList items;
            for (const int generation : paperGenerations(generationCount_)) {
                items.append(QString::number(generation));
            }
            generations_->setText(items.join(QStringLiteral(", ")));
            const QSize size =
                FigureRenderer::smallMultiplesSize(int(items.size()), FigureRenderer::kPanelSize, view(), runs_).toSize();
            width_->setValue(size.width());
            height_->setValue(size.height());
        });
        auto* generationRow = new QHBoxLayout;
        generationRow->addWidget(generations_, 1);
        generationRow->addWidget(paper);
        addRow(form, tr("&Generations:"), generations_, generationRow);

        width_->setValue(remembered(kind, "width", 1280).toInt());
        height_->setValue(remembered(kind, "height", 720).toInt());
        sizeRow->addWidget(width_);
        sizeRow->addWidget(new QLabel(QStringLiteral("×")));
        sizeRow->addWidget(height_);
        sizeRow->addStretch();
        addRow(form, tr("Si&ze (at 96 dpi):"), width_, sizeRow);

        dpi_ = new QComboBox;
        for (const int dpi : kFigureDpiChoices) {
            dpi_->addItem(tr("%1 dpi").arg(dpi), dpi);
        }
        dpi_->setCurrentIndex(std::max(0, dpi_->findData(remembered(kind, "dpi", 300))));
        form->addRow(tr("PNG &resolution:"), dpi_);
        transparent_ = new QCheckBox(tr("Transparent background"));
        transparent_->setChecked(remembered(kind, "transparent", false).toBool());
        form->addRow(QString(), transparent_);
    } else {
        sizePreset_ = new QComboBox;
        for (const auto& frameSize : kFrameSizes) {
            sizePreset_->addItem(QString::fromLatin1(frameSize.name), frameSize.size);
        }
        sizePreset_->addItem(tr("Custom"));
        width_->setValue(remembered(kind, "width", 1920).toInt());
        height_->setValue(remembered(kind, "height", 1080).toInt());
        const auto matchPreset = [this] {
            const int index = sizePreset_->findData(QSize(width_->value(), height_->value()));
            sizePreset_->setCurrentIndex(index >= 0 ? index : sizePreset_->count() - 1);
        };
        matchPreset();
        connect(sizePreset_, &QComboBox::activated, this, [this](int index) {
            const QSize size = sizePreset_->itemData(index).toSize();
            if (size.isValid()) {
                width_->setValue(size.width());
                height_->setValue(size.height());
            }
        });
        for (QSpinBox* spin : {width_, height_}) {
            connect(spin, &QSpinBox::valueChanged, this, matchPreset);
        }
        sizeRow->addWidget(sizePreset_);
        sizeRow->addWidget(width_);
        sizeRow->addWidget(new QLabel(QStringLiteral("×")));
        sizeRow->addWidget(height_);
        sizeRow->addStretch();
        addRow(form, tr("Si&ze:"), sizePreset_, sizeRow);
        fps_ = new QSpinBox;
        fps_->setRange(1, 120);
        fps_->setSuffix(tr(" generations per second"));
        fps_->setValue(remembered(kind, "fps", 15).toInt());
        form->addRow(tr("&Speed:"), fps_);
        form->addRow(QString(), new QLabel(tr("%1 frames, one per generation").arg(generations)));
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(path_, &QLineEdit::textChanged, this, &ExportDialog::updateEnabled);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    updateEnabled();
}

void ExportDialog::choosePath()
{
    QString chosen;
    if (kind_ == Kind::Figure) {
        chosen = QFileDialog::getSaveFileName(this, tr("Export Figure"), path(),
                                              tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    } else {
        chosen = QFileDialog::getSaveFileName(
            this, tr("Export Animation"), path(),
            tr("MP4 video (*.mp4);;WebM video (*.webm);;GIF animation (*.gif);;Folder of PNG frames (*)"));
    }
    if (!chosen.isEmpty()) {
        path_->setText(chosen);
    }
}

void ExportDialog::updateEnabled()
{
    const bool png = figureFormatFor(path()) == FigureFormat::Png;
    if (dpi_ != nullptr) {
        dpi_->setEnabled(png);
    }
}

QString ExportDialog::path() const
{
    return path_->text().trimmed();
}

ExportView ExportDialog::view() const
{
    return exportViewNamed(view_->currentData().toString()).value_or(ExportView::Both);
}

QVector<int> ExportDialog::generations() const
{
    QVector<int> chosen;
    if (generations_ == nullptr) {
        return chosen;
    }
    for (const QString& item : generations_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int generation = item.trimmed().toInt(&ok);
        if (!ok || generation < 0 || generation >= generationCount_) {
            return {};
        }
        chosen.append(generation);
    }
    return chosen;
}

FigureOptions ExportDialog::figureOptions() const
{
    FigureOptions options;
    options.generations = generations();
    options.size = QSize(width_->value(), height_->value());
    options.dpi = dpi_ != nullptr ? dpi_->currentData().toInt() : options.dpi;
    options.transparent = transparent_ != nullptr && transparent_->isChecked();
    return options;
}

AnimationOptions ExportDialog::animationOptions() const
{
    AnimationOptions options;
    options.size = QSize(width_->value(), height_->value());
    options.fps = fps_ != nullptr ? fps_->value() : options.fps;
    return options;
}

bool ExportDialog::framesToFolder() const
{
    return kind_ == Kind::Animation && !videoFormatFor(path());
}

void ExportDialog::accept()
{
    if (path().isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Choose a file to export to."));
        return;
    }
    if (kind_ == Kind::Figure && !figureFormatFor(path())) {
        QMessageBox::warning(this, windowTitle(), tr("A figure is a .png, .svg or .pdf file."));
        return;
    }
    if (kind_ == Kind::Figure && generations().isEmpty()) {
        QMessageBox::warning(this, windowTitle(),
                             tr("List generations from 0 to %1, separated by commas.").arg(generationCount_ - 1));
        return;
    }
    remember(kind_, "path", path());
    remember(kind_, "view", view_->currentData());
    remember(kind_, "width", width_->value());
    remember(kind_, "height", height_->value());
    if (dpi_ != nullptr) {
        remember(kind_, "dpi", dpi_->currentData());
        remember(kind_, "transparent", transparent_->isChecked());
    }
    if (fps_ != nullptr) {
        remember(kind_, "fps", fps_->value());
    }
    QDialog::accept();
}

} // namespace collapse::ui
