#pragma once

#include "core/models/text/text_model.h"
#include "ui/snapshot.h"
#include "ui/stage_view.h"

#include <QString>
#include <QVector>

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

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

protected:
    QString statusExample() const override;
    QString waitingTitle() const override;
    QVector<LegendEntry> legendEntriesFor(const QRectF& area) const override;
    void renderBackground(QPainter& painter, const QRectF& area) const override;
    void renderForeground(QPainter& painter, const QRectF& area) const override;

private:
    // A word as the stage sets it: as it reads, and how rare it is in the original (0 common, 1
    // uncommon, 2 in the rare tail).
    struct Word {
        QString text;
        bool spaceBefore;
        int rarity;
    };
    using Passage = QVector<Word>;
    struct Layout {
        QRectF prompts, ranks, perplexities;
    };
    Layout layOut(const QRectF& area) const;
    // Whether `body`, a frame's body with the whole legend above it, holds the plots beside the prompts.
    bool plotsFit(const QRectF& body) const;
    bool wideLayout(const QRectF& inner) const;
    // How rare a word is in the original: 0 common, 1 uncommon, 2 in the rare tail.
    int rarityOf(text::TokenId word) const;
    // Tokens as the stage sets them; `written` their text as it reads in the file.
    Passage passage(std::span<const text::TokenId> tokens, const std::vector<std::string_view>& written) const;
    Passage continuation(std::span<const text::TokenId> tokens) const;
    void drawPrompts(QPainter& painter, const QRectF& area) const;
    void drawRanks(QPainter& painter, const QRectF& area) const;
    void drawPerplexities(QPainter& painter, const QRectF& area) const;
    QString status() const;

    std::unique_ptr<TextExperiment> experiment_;
    QVector<double> originalFrequencies_; // by rank, shares of the training tokens
    QVector<int> rarity_;                 // by token id
    QVector<Passage> prompts_, first_, shown_;
    QVector<double> frequencies_;                // this generation's written words by rank
    QVector<QVector<double>> trail_;             // earlier generations', oldest first
    QVector<double> firstPerplexities_, perplexities_;
    SnapshotPointer firstSnapshot_; // the generation 0 that first_ and firstPerplexities_ belong to
    double vocabularyShare_ = 1.0; // the distinct words written as a share of generation 0's
    int wordsWritten_ = 0;
};

} // namespace collapse::ui
