#pragma once

#include "core/models/text/text_model.h"
#include "ui/stage_view.h"

#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace collapse::ui {

// The text model's stage, as the paper's Example 1 and Fig. 1b: the same held-out prompts continued by
// generation 0 and by the generation on stage, words coloured by how rare they are in the original; the
// rank–frequency curve of the words written, against the original's, with the lost tail shaded; and the
// perplexity of the written sequences under generation 0, this generation's against generation 0's own.
class TextStage : public StageView {
    Q_OBJECT

public:
    explicit TextStage(QWidget* parent = nullptr);

    void setScenario(const Scenario& scenario) override;
    void showGeneration(const RunHistory& history, int generation) override;
    void clearGeneration() override;
    QVector<LegendEntry> legendEntries() const override;

    // The continuations on stage, as words, for each fixed prompt: generation 0's and this generation's.
    const QVector<QStringList>& firstContinuations() const { return first_; }
    const QVector<QStringList>& shownContinuations() const { return shown_; }

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    struct Layout {
        QRectF prompts, ranks, perplexities;
    };
    Layout layOut(const QRectF& area) const;
    // How rare a word is in the original: 0 common, 1 uncommon, 2 in the rare tail.
    int rarityOf(text::TokenId word) const;
    void drawPrompts(QPainter& painter, const QRectF& area) const;
    void drawRanks(QPainter& painter, const QRectF& area) const;
    void drawPerplexities(QPainter& painter, const QRectF& area) const;
    QString status() const;

    std::unique_ptr<TextExperiment> experiment_;
    QVector<double> originalFrequencies_; // by rank, shares of the training tokens
    QVector<int> rarity_;                 // by token id
    QVector<QStringList> prompts_;
    QVector<QVector<int>> promptRarity_;
    QVector<QStringList> first_, shown_;
    QVector<QVector<int>> firstRarity_, shownRarity_;
    QVector<double> frequencies_;                // this generation's written words by rank
    QVector<QVector<double>> trail_;             // earlier generations', oldest first
    QVector<double> firstPerplexities_, perplexities_;
    double tailShare_ = 0.0;
    int wordsWritten_ = 0;
};

} // namespace collapse::ui
