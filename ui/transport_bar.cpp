#include "ui/transport_bar.h"

#include "ui/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QIcon>
#include <QResizeEvent>
#include <QSlider>
#include <QSpinBox>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

#include <algorithm>

namespace collapse::ui {

namespace {

enum class Glyph { ToStart, StepBack, Play, Pause, StepForward };

// The transport's symbols drawn in the theme's text colour, so they read on light and dark alike.
QIcon glyphIcon(Glyph glyph)
{
    constexpr int kSize = 64;
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colours::text);
    const auto triangle = [&painter](double tipX, double baseX) {
        painter.drawPolygon(QPolygonF{{baseX, 14.0}, {tipX, 32.0}, {baseX, 50.0}});
    };
    const auto bar = [&painter](double left) { painter.drawRect(QRectF(left, 14.0, 8.0, 36.0)); };
    switch (glyph) {
    case Glyph::ToStart:
        bar(10);
        triangle(18, 36);
        triangle(36, 54);
        break;
    case Glyph::StepBack:
        bar(14);
        triangle(22, 48);
        break;
    case Glyph::Play:
        triangle(52, 16);
        break;
    case Glyph::Pause:
        bar(18);
        bar(38);
        break;
    case Glyph::StepForward:
        triangle(42, 16);
        bar(42);
        break;
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace

TransportBar::TransportBar(QWidget* parent)
    : QWidget(parent), reset_(new QToolButton), stepBack_(new QToolButton), play_(new QToolButton),
      stepForward_(new QToolButton), speed_(new QComboBox), chain_(new QSpinBox), typical_(new QToolButton),
      timeline_(new QSlider(Qt::Horizontal)),
      position_(new QLabel)
{
    const auto setUp = [](QToolButton* button, const QString& text, const QString& shortcut) {
        button->setIconSize(QSize(32, 32));
        button->setToolTip(QStringLiteral("%1 (%2)").arg(text, shortcut));
        button->setAccessibleName(text);
        button->setAutoRaise(true);
    };
    setUp(reset_, tr("Back to generation 0"), tr("Home"));
    setUp(stepBack_, tr("One generation back"), tr("Left"));
    setUp(play_, tr("Play or pause"), tr("Space"));
    setUp(stepForward_, tr("One generation forward"), tr("Right"));
    refreshIcons();
    connect(reset_, &QToolButton::clicked, this, &TransportBar::resetRequested);
    connect(stepBack_, &QToolButton::clicked, this, &TransportBar::stepBackRequested);
    connect(play_, &QToolButton::clicked, this, &TransportBar::playToggled);
    connect(stepForward_, &QToolButton::clicked, this, &TransportBar::stepForwardRequested);

    speed_->addItem(tr("Slow"), static_cast<int>(Speed::Slow));
    speed_->addItem(tr("Normal"), static_cast<int>(Speed::Normal));
    speed_->addItem(tr("Fast"), static_cast<int>(Speed::Fast));
    speed_->setCurrentIndex(1);
    speed_->setFont(scaledFont(sizes::bodyPoint + 1));
    speed_->setToolTip(tr("How many generations are shown per second; a step is always one generation."));
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this](int) { emit speedChanged(static_cast<Speed>(speed_->currentData().toInt())); });

    chain_->setFont(scaledFont(sizes::bodyPoint + 1));
    chain_->setPrefix(tr("Chain "));
    chain_->setToolTip(tr("The chain the stage shows, one of the independent chains the charts summarise."));
    chain_->setAccessibleName(tr("Chain on stage"));
    connect(chain_, &QSpinBox::valueChanged, this, [this](int shown) {
        if (!updating_) {
            emit chainPicked(shown - 1);
        }
    });
    typical_->setText(tr("Typical"));
    typical_->setFont(scaledFont(sizes::bodyPoint + 1));
    typical_->setToolTip(tr("Show the typical chain: the one whose headline metric is the median of all "
                            "chains at the last generation computed."));
    connect(typical_, &QToolButton::clicked, this, &TransportBar::typicalChainRequested);

    timeline_->setToolTip(tr("Drag to revisit any generation computed so far."));
    timeline_->setMinimumHeight(32);
    timeline_->setRange(0, 0);
    connect(timeline_, &QSlider::valueChanged, this, [this](int generation) {
        if (!updating_) {
            emit scrubbed(generation);
        }
    });

    position_->setFont(scaledFont(sizes::valuePoint, true));
    position_->setMinimumWidth(position_->fontMetrics().horizontalAdvance(tr("Generation %1 / %2").arg(88888).arg(88888)));
    position_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    for (QWidget* widget : std::initializer_list<QWidget*>{reset_, stepBack_, play_, stepForward_, speed_}) {
        layout->addWidget(widget);
    }
    layout->addSpacing(8);
    layout->addWidget(chain_);
    layout->addWidget(typical_);
    layout->addSpacing(12);
    layout->addWidget(timeline_, 1);
    layout->addSpacing(12);
    layout->addWidget(position_);
}

int TransportBar::generationsPerSecond(Speed speed)
{
    switch (speed) {
    case Speed::Slow:
        return 4;
    case Speed::Normal:
        return 15;
    case Speed::Fast:
        return 60;
    }
    return 15;
}

void TransportBar::showPosition(int generation, int available, int total)
{
    updating_ = true;
    timeline_->setRange(0, std::max(0, available - 1));
    timeline_->setValue(std::max(0, generation));
    updating_ = false;
    generation_ = std::max(0, generation);
    available_ = available;
    total_ = total;
    showPositionText();
}

void TransportBar::showPositionText()
{
    // Generations are numbered from 0, so a finished run of N stands at "N − 1 / N − 1".
    const int last = std::max(0, total_ - 1);
    position_->setText(compact_ ? tr("%1 / %2").arg(generation_).arg(last) : tr("Generation %1 / %2").arg(generation_).arg(last));
    position_->setToolTip(tr("Generations 0 to %1; %2 computed so far.").arg(last).arg(available_));
}

void TransportBar::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const bool compact = width() < kCompactBelow;
    if (compact == compact_) {
        return;
    }
    compact_ = compact;
    chain_->setPrefix(compact ? QString() : tr("Chain "));
    position_->setMinimumWidth(position_->fontMetrics().horizontalAdvance(
        compact ? tr("%1 / %2").arg(88888).arg(88888) : tr("Generation %1 / %2").arg(88888).arg(88888)));
    showPositionText();
}

void TransportBar::showChain(int chain, int chains)
{
    updating_ = true;
    chain_->setRange(1, std::max(1, chains));
    chain_->setSuffix(tr(" of %1").arg(chains));
    chain_->setValue(chain + 1);
    updating_ = false;
    chain_->setVisible(chains > 1);
    typical_->setVisible(chains > 1);
}

void TransportBar::setPlaying(bool playing)
{
    playing_ = playing;
    play_->setIcon(glyphIcon(playing ? Glyph::Pause : Glyph::Play));
    play_->setChecked(playing);
}

void TransportBar::refreshIcons()
{
    reset_->setIcon(glyphIcon(Glyph::ToStart));
    stepBack_->setIcon(glyphIcon(Glyph::StepBack));
    play_->setIcon(glyphIcon(playing_ ? Glyph::Pause : Glyph::Play));
    stepForward_->setIcon(glyphIcon(Glyph::StepForward));
}

void TransportBar::setSpeed(Speed speed)
{
    speed_->setCurrentIndex(speed_->findData(static_cast<int>(speed)));
}

TransportBar::Speed TransportBar::speed() const
{
    return static_cast<Speed>(speed_->currentData().toInt());
}

void TransportBar::changeSpeed(int steps)
{
    setSpeed(static_cast<Speed>(std::clamp(static_cast<int>(speed()) + steps, 0, 2)));
}

} // namespace collapse::ui
