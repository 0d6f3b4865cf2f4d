#pragma once

#include "ui/plot_painting.h"

#include <QWidget>

namespace collapse::ui {

// One legend for the stages of a comparison, above them, in place of each stage's own.
class LegendStrip : public QWidget {
    Q_OBJECT

public:
    explicit LegendStrip(QWidget* parent = nullptr);
    void setEntries(const QVector<LegendEntry>& entries);

protected:
    void paintEvent(QPaintEvent* event) override;
    // The strip is as tall as its entries need at its width.
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();

    QVector<LegendEntry> entries_;
};

} // namespace collapse::ui
