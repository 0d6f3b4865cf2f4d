#include "ui/stages/text/text_stage.h"

#include "core/data_error.h"
#include "core/models/text/tokenizer.h"
#include "ui/plot_painting.h"
#include "ui/run_history.h"
#include "ui/theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace collapse::ui {

namespace {

constexpr double kMargin = 16.0;
constexpr int kPerplexityBins = 30;
// Words past this rank in the original are uncommon; the rare tail (5% of its tokens) is rarer still.
constexpr std::size_t kCommonWords = 2000;

const TextModel* writerOf(const SnapshotPointer& snapshot)
{
    return dynamic_cast<const TextModel*>(snapshot->model.get());
}

// Word shares by rank, most frequent first, of the tokens in `samples` (one sequence per column).
QVector<double> frequenciesByRank(const Samples& samples)
{
    std::unordered_map<long long, int> counts;
    for (Eigen::Index i = 0; i < samples.size(); ++i) {
        ++counts[static_cast<long long>(samples.data()[i])];
    }
    QVector<double> shares;
    shares.reserve(static_cast<qsizetype>(counts.size()));
    for (const auto& [word, count] : counts) {
        shares.append(static_cast<double>(count) / static_cast<double>(samples.size()));
    }
    std::sort(shares.begin(), shares.end(), std::greater<>());
    return shares;
}

QFont proseFont(double pointSize)
{
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(pointSize);
    return font;
}

QColor rarityColour(int rarity)
{
    return rarity == 2 ? colours::tailsText : rarity == 1 ? colours::modelText : colours::text;
}

} // namespace

TextStage::TextStage(QWidget* parent) : StageView(parent)
{
    setMinimumSize(260, 180);
}

void TextStage::setScenario(const Scenario& scenario)
{
    experiment_.reset();
    originalFrequencies_.clear();
    rarity_.clear();
    prompts_.clear();
    try {
        experiment_ = std::make_unique<TextExperiment>(scenario);
    } catch (const DataError&) {
        // The run itself says what is wrong with the text; the stage shows the heading alone.
        clearGeneration();
        invalidateBackground();
        return;
    }
    const text::TextCorpus& corpus = experiment_->corpus();
    const auto counts = corpus.trainingCounts();
    std::vector<std::pair<std::uint64_t, text::TokenId>> ranked;
    for (std::size_t id = 0; id < counts.size(); ++id) {
        if (counts[id] > 0) {
            ranked.emplace_back(counts[id], static_cast<text::TokenId>(id));
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const auto total = static_cast<double>(corpus.trainingTokens().size());
    rarity_ = QVector<int>(static_cast<qsizetype>(counts.size()), 2);
    for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
        originalFrequencies_.append(static_cast<double>(ranked[rank].first) / total);
        const text::TokenId word = ranked[rank].second;
        rarity_[word] = corpus.rareTail().contains(word) ? 2 : rank < kCommonWords ? 0 : 1;
    }
    for (const auto prompt : experiment_->fixedPrompts()) {
        prompts_.append(passage(prompt, corpus.heldOutWords(prompt)));
    }
    clearGeneration();
    invalidateBackground();
}

int TextStage::rarityOf(text::TokenId word) const
{
    return word < static_cast<text::TokenId>(rarity_.size()) ? rarity_[word] : 2;
}

TextStage::Passage TextStage::passage(std::span<const text::TokenId> tokens,
                                      const std::vector<std::string_view>& written) const
{
    Passage words;
    const std::vector<text::ReadableToken> readable = text::readable(written);
    for (std::size_t i = 0; i < readable.size(); ++i) {
        words.append({QString::fromUtf8(readable[i].text.data(), static_cast<qsizetype>(readable[i].text.size())),
                      readable[i].spaceBefore, rarityOf(tokens[i])});
    }
    return words;
}

TextStage::Passage TextStage::continuation(std::span<const text::TokenId> tokens) const
{
    const text::Vocabulary& vocabulary = experiment_->corpus().vocabulary();
    std::vector<std::string_view> written;
    for (const text::TokenId token : tokens) {
        written.emplace_back(vocabulary.word(token));
    }
    return passage(tokens, written);
}

void TextStage::clearGeneration()
{
    shownGeneration_ = -1;
    firstSnapshot_.reset();
    first_.clear();
    shown_.clear();
    frequencies_.clear();
    trail_.clear();
    firstPerplexities_.clear();
    perplexities_.clear();
    update();
}

void TextStage::showGeneration(const RunHistory& history, int generation)
{
    const TextModel* writer = writerOf(history.at(generation));
    const TextModel* first = writerOf(history.at(0));
    if (writer == nullptr || first == nullptr || !experiment_) {
        return;
    }
    shownGeneration_ = generation;
    const auto continuations = [this](const TextModel& model) {
        QVector<Passage> passages;
        for (const auto& tokens : experiment_->fixedContinuations(model)) {
            passages.append(continuation(tokens));
        }
        return passages;
    };
    shown_ = continuations(*writer);

    frequencies_ = frequenciesByRank(history.at(generation)->samples);
    trail_.clear();
    for (const int earlier : trailGenerations(generation, history.scenario().generations)) {
        trail_.append(frequenciesByRank(history.at(earlier)->samples));
    }
    wordsWritten_ = static_cast<int>(frequencies_.size());
    // Each written sequence's perplexity under generation 0, the paper's Fig. 1b.
    const auto perplexities = [&first](const Samples& samples) {
        QVector<double> values;
        std::vector<text::TokenId> sequence(static_cast<std::size_t>(samples.rows()));
        for (Eigen::Index column = 0; column < samples.cols(); ++column) {
            for (Eigen::Index row = 0; row < samples.rows(); ++row) {
                sequence[static_cast<std::size_t>(row)] = static_cast<text::TokenId>(samples(row, column));
            }
            values.append(text::perplexity(first->languageModel(), sequence));
        }
        return values;
    };
    perplexities_ = perplexities(history.at(generation)->samples);
    // Generation 0's side stays the same for the whole run: worked out once, not at every step.
    if (history.at(0) != firstSnapshot_) {
        firstSnapshot_ = history.at(0);
        first_ = continuations(*first);
        firstPerplexities_ = perplexities(firstSnapshot_->samples);
    }
    // The words in use against generation 0's: the share of rare words moves little (4.6% against 5.0%)
    // while nine words in ten go out of use, which is what the run shows.
    vocabularyShare_ = history.shownValue(generation, text_metrics::vocabulary) / history.shownValue(0, text_metrics::vocabulary);
    update();
}

QVector<LegendEntry> TextStage::legendEntries() const
{
    QColor faded = colours::model;
    faded.setAlpha(90);
    QColor lost = colours::tails;
    lost.setAlpha(70);
    return {{colours::original, Qt::DashLine, tr("the original text")},
            {colours::model, Qt::SolidLine, tr("this generation's writing")},
            {faded, Qt::SolidLine, tr("earlier generations")},
            {lost, Qt::NoPen, tr("words no longer written")},
            {colours::tailsText, Qt::NoPen, tr("a rare word of the original")},
            {colours::modelText, Qt::NoPen, tr("an uncommon one")}};
}

QVector<LegendEntry> TextStage::legendEntriesFor(const QRectF& area) const
{
    const QVector<LegendEntry> all = legendEntries();
    if (plotsFit(frame(area, all).body)) {
        return all;
    }
    // The prompts alone: only the words' colours need explaining.
    return all.mid(all.size() - 2);
}

QString TextStage::status() const
{
    return tr("words in use: %1 of generation 0's").arg(percentText(vocabularyShare_));
}

QString TextStage::statusExample() const
{
    return tr("words in use: %1 of generation 0's").arg(QStringLiteral("999.9%"));
}

QString TextStage::waitingTitle() const
{
    return tr("Reading the original text…");
}

bool TextStage::wideLayout(const QRectF& inner) const
{
    // Side by side needs room for the prompts' two columns of prose beside the plots.
    return inner.width() >= 1.4 * inner.height() && inner.width() >= 60 * QFontMetricsF(scaledFont(sizes::bodyPoint)).averageCharWidth();
}

bool TextStage::plotsFit(const QRectF& body) const
{
    // Small (a 1024 x 768 window with its panel): the prompts alone, readable; the charts beside the
    // stage carry the numbers.
    const QRectF inner = body.adjusted(kMargin, 4, -kMargin, -kMargin);
    return wideLayout(inner) || inner.height() >= 18 * QFontMetricsF(scaledFont(sizes::bodyPoint)).lineSpacing();
}

TextStage::Layout TextStage::layOut(const QRectF& area) const
{
    const QRectF inner = frame(area).body.adjusted(kMargin, 4, -kMargin, -kMargin);
    Layout layout;
    if (!plotsFit(frame(area, legendEntries()).body)) {
        layout.prompts = inner;
    } else if (wideLayout(inner)) {
        // Wide: the prompts on the left, the two plots stacked on the right.
        const double left = inner.width() * 0.58;
        layout.prompts = QRectF(inner.left(), inner.top(), left, inner.height());
        const QRectF right(inner.left() + left + kMargin, inner.top(), inner.width() - left - kMargin, inner.height());
        layout.ranks = QRectF(right.left(), right.top(), right.width(), right.height() / 2 - 6);
        layout.perplexities = QRectF(right.left(), right.center().y() + 6, right.width(), right.height() / 2 - 6);
    } else {
        // Tall: the prompts above, the plots side by side beneath.
        const double top = inner.height() * 0.55;
        layout.prompts = QRectF(inner.left(), inner.top(), inner.width(), top);
        const double half = (inner.width() - kMargin) / 2;
        layout.ranks = QRectF(inner.left(), inner.top() + top + kMargin, half, inner.height() - top - kMargin);
        layout.perplexities = QRectF(layout.ranks.right() + kMargin, layout.ranks.top(), half, layout.ranks.height());
    }
    return layout;
}

void TextStage::renderBackground(QPainter& painter, const QRectF& area) const
{
    drawFrameLegend(painter, frame(area));
}

void TextStage::renderForeground(QPainter& painter, const QRectF& area) const
{
    drawHeading(painter, frame(area), status(), colours::modelText);
    if (shownGeneration_ < 0) {
        return;
    }
    const Layout layout = layOut(area);
    drawPrompts(painter, layout.prompts);
    drawRanks(painter, layout.ranks);
    drawPerplexities(painter, layout.perplexities);
}

void TextStage::drawPrompts(QPainter& painter, const QRectF& area) const
{
    painter.save();
    const QFont heading = scaledFont(sizes::bodyPoint, true);
    const QFont prose = proseFont(scaledFont(sizes::bodyPoint).pointSizeF());
    const QFontMetricsF headingMetrics(heading);
    const QFontMetricsF metrics(prose);
    // The two continuations side by side while a column holds a dozen words a line or so; one above the
    // other in a narrow stage.
    const bool sideBySide = (area.width() - kMargin) / 2 >= 30 * metrics.averageCharWidth();
    const double column = sideBySide ? (area.width() - kMargin) / 2 : area.width();
    // As many prompts as leave each room for a few lines of both continuations.
    const double block = sideBySide ? headingMetrics.lineSpacing() * 2 + 4.0 * metrics.lineSpacing()
                                    : headingMetrics.lineSpacing() * 3 + 4.0 * metrics.lineSpacing();
    const int count = std::clamp(static_cast<int>(area.height() / block), 1, static_cast<int>(prompts_.size()));
    const double height = area.height() / count;
    // Words one after another, wrapped, each in its rarity's colour; a continuation longer than its room
    // stops with "…": an excerpt, as a quotation would.
    const auto flow = [&](const Passage& words, QRectF box, bool italic) {
        QFont font = prose;
        font.setItalic(italic);
        painter.setFont(font);
        const QFontMetricsF wordMetrics(font);
        const double space = wordMetrics.horizontalAdvance(QLatin1Char(' '));
        const double ellipsis = wordMetrics.horizontalAdvance(QStringLiteral(" …"));
        double x = box.left();
        double y = box.top() + wordMetrics.ascent();
        for (int i = 0; i < words.size(); ++i) {
            // A line breaks only where a space would be, so punctuation stays with its word: the width
            // that must fit is the word's and that of the punctuation joined to it.
            double width = wordMetrics.horizontalAdvance(words[i].text);
            double joined = width;
            for (int j = i + 1; j < words.size() && !words[j].spaceBefore; ++j) {
                joined += wordMetrics.horizontalAdvance(words[j].text);
            }
            const double gap = words[i].spaceBefore && x > box.left() ? space : 0.0;
            if (words[i].spaceBefore && x > box.left() && x + gap + joined > box.right()) {
                if (y + wordMetrics.lineSpacing() > box.bottom()) {
                    // No line left: the excerpt ends here.
                    painter.setPen(colours::text);
                    painter.drawText(QPointF(x + gap, y), QStringLiteral("…"));
                    return;
                }
                x = box.left();
                y += wordMetrics.lineSpacing();
            } else {
                x += gap;
            }
            const bool lastLine = y + wordMetrics.lineSpacing() > box.bottom();
            if (y > box.bottom() || (lastLine && i + 1 < words.size() && x + joined + ellipsis > box.right())) {
                painter.setPen(colours::text);
                painter.drawText(QPointF(x, y), QStringLiteral("…"));
                return;
            }
            painter.setPen(italic ? colours::axis : rarityColour(words[i].rarity));
            painter.drawText(QPointF(x, y), words[i].text);
            x += width;
        }
    };
    for (int i = 0; i < count; ++i) {
        const double top = area.top() + i * height;
        painter.setFont(heading);
        painter.setPen(colours::text);
        const QString promptLine = tr("Prompt %1:").arg(i + 1);
        painter.drawText(QPointF(area.left(), top + headingMetrics.ascent()), promptLine);
        const double promptLeft = area.left() + headingMetrics.horizontalAdvance(promptLine) + 8.0;
        flow(prompts_[i], QRectF(promptLeft, top, area.right() - promptLeft, metrics.lineSpacing()), true);
        const double textTop = top + headingMetrics.lineSpacing() + 2.0;
        const double bottom = top + height - 6.0;
        // Each continuation under its generation's label, in its own box.
        const auto continuation = [&](const QVector<Passage>& passages, const QString& label, const QRectF& box) {
            if (box.height() < headingMetrics.lineSpacing() + metrics.lineSpacing()) {
                return; // no room for a line of it under its label
            }
            painter.setFont(heading);
            painter.setPen(colours::axis);
            painter.drawText(QPointF(box.left(), box.top() + headingMetrics.ascent()), label);
            if (i < passages.size()) {
                flow(passages[i], box.adjusted(0, headingMetrics.lineSpacing(), 0, 0), false);
            }
        };
        const QString shownLabel = tr("generation %1").arg(shownGeneration_);
        if (sideBySide) {
            continuation(first_, tr("generation 0"), QRectF(area.left(), textTop, column, bottom - textTop));
            continuation(shown_, shownLabel, QRectF(area.left() + column + kMargin, textTop, column, bottom - textTop));
        } else if (bottom - textTop < 2 * (headingMetrics.lineSpacing() + metrics.lineSpacing())) {
            // Room for one continuation only: this generation's.
            continuation(shown_, shownLabel, QRectF(area.left(), textTop, column, bottom - textTop));
        } else {
            const double middle = (textTop + bottom) / 2;
            continuation(first_, tr("generation 0"), QRectF(area.left(), textTop, column, middle - textTop));
            continuation(shown_, shownLabel, QRectF(area.left(), middle, column, bottom - middle));
        }
    }
    painter.restore();
}

void TextStage::drawRanks(QPainter& painter, const QRectF& area) const
{
    if (originalFrequencies_.isEmpty() || area.isEmpty()) {
        return;
    }
    painter.save();
    painter.setFont(scaledFont(sizes::bodyPoint, true));
    painter.setPen(colours::text);
    const FittedText title = fitText(tr("Words by rank (log–log)"), scaledFont(sizes::bodyPoint, true), area.width(), 2);
    drawFittedText(painter, title, area.topLeft(), area.width());
    const QFontMetricsF metrics(scaledFont(sizes::bodyPoint));
    const QRectF plot = area.adjusted(metrics.horizontalAdvance(QStringLiteral("10⁻⁴")) + 10, title.height() + 6,
                                      -4, -metrics.lineSpacing() - 8);
    const double maxRank = std::log10(static_cast<double>(originalFrequencies_.size()));
    const double top = std::log10(std::max(originalFrequencies_.front(), frequencies_.isEmpty() ? 0.0 : frequencies_.front()));
    const double bottom = std::log10(originalFrequencies_.back()) - 0.2;
    const auto map = [&](double rank, double share) {
        return QPointF(plot.left() + std::log10(rank) / maxRank * plot.width(),
                       plot.top() + (top - std::log10(share)) / (top - bottom) * plot.height());
    };
    // Decade ticks with their powers of ten.
    painter.setFont(scaledFont(sizes::bodyPoint));
    painter.setPen(QPen(colours::axis, 1.0));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    // Every decade labelled where the labels have room, every second or third where they would touch.
    const double decadeWidth = plot.width() / maxRank;
    double widestLabel = 0.0;
    for (int decade = 0; decade <= static_cast<int>(maxRank); ++decade) {
        widestLabel = std::max(widestLabel, metrics.horizontalAdvance(powerOfTenLabel(decade)) + 6);
    }
    const int step = std::max(1, static_cast<int>(std::ceil(widestLabel / std::max(decadeWidth, 1.0))));
    for (int decade = 0; decade <= static_cast<int>(maxRank); decade += step) {
        const double x = plot.left() + decade / maxRank * plot.width();
        const QString label = powerOfTenLabel(decade);
        painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, plot.bottom() + 4 + metrics.ascent()), label);
    }
    for (int decade = static_cast<int>(std::ceil(bottom)); decade <= static_cast<int>(std::floor(top)); ++decade) {
        const double y = plot.top() + (top - decade) / (top - bottom) * plot.height();
        const QString label = powerOfTenLabel(decade);
        painter.drawText(QPointF(plot.left() - 6 - metrics.horizontalAdvance(label), y + metrics.ascent() / 2 - 1), label);
    }
    painter.setClipRect(plot.adjusted(0, -2, 2, 2));
    painter.setRenderHint(QPainter::Antialiasing);
    // The lost tail: the ranks this generation no longer reaches.
    if (wordsWritten_ > 0 && wordsWritten_ < originalFrequencies_.size()) {
        QColor lost = colours::tails;
        lost.setAlpha(70);
        const double x = map(wordsWritten_, 1.0).x();
        painter.fillRect(QRectF(QPointF(x, plot.top()), plot.bottomRight()), lost);
    }
    const auto curve = [&](const QVector<double>& shares) {
        QPolygonF line;
        for (int rank = 0; rank < shares.size(); ++rank) {
            line << map(rank + 1, shares[rank]);
        }
        return line;
    };
    painter.setPen(cosmeticPen(colours::original, 2.0, Qt::DashLine));
    painter.drawPolyline(curve(originalFrequencies_));
    for (int t = 0; t < trail_.size(); ++t) {
        QColor faded = colours::model;
        faded.setAlphaF(static_cast<float>(std::min(1.0, colours::fadedOpacity * (0.1 + 0.3 * (t + 1) / (static_cast<double>(trail_.size()) + 1.0)))));
        painter.setPen(cosmeticPen(faded, 1.5));
        painter.drawPolyline(curve(trail_[t]));
    }
    painter.setPen(cosmeticPen(colours::model, sizes::lineWidth));
    painter.drawPolyline(curve(frequencies_));
    painter.restore();
}

void TextStage::drawPerplexities(QPainter& painter, const QRectF& area) const
{
    if (perplexities_.isEmpty() || firstPerplexities_.isEmpty() || area.isEmpty()) {
        return;
    }
    painter.save();
    painter.setPen(colours::text);
    const FittedText title =
        fitText(tr("Perplexity for generation 0"), scaledFont(sizes::bodyPoint, true), area.width(), 2);
    drawFittedText(painter, title, area.topLeft(), area.width());
    const QFontMetricsF metrics(scaledFont(sizes::bodyPoint));
    const QRectF plot = area.adjusted(8, title.height() + 6, -4, -metrics.lineSpacing() - 8);
    // On a log axis: perplexities span orders of magnitude once the writing drifts.
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const auto* values : {&perplexities_, &firstPerplexities_}) {
        for (const double value : *values) {
            if (std::isfinite(value) && value > 0.0) {
                low = std::min(low, std::log10(value));
                high = std::max(high, std::log10(value));
            }
        }
    }
    if (!std::isfinite(low)) {
        painter.restore();
        return;
    }
    low = std::floor(low * 4) / 4;
    high = std::max(low + 0.5, std::ceil(high * 4) / 4);
    const auto histogram = [&](const QVector<double>& values) {
        QVector<double> counts(kPerplexityBins, 0.0);
        for (const double value : values) {
            if (std::isfinite(value) && value > 0.0) {
                const int bin = std::clamp(static_cast<int>((std::log10(value) - low) / (high - low) * kPerplexityBins), 0,
                                           kPerplexityBins - 1);
                counts[bin] += 1.0 / static_cast<double>(values.size());
            }
        }
        return counts;
    };
    const QVector<double> now = histogram(perplexities_);
    const QVector<double> start = histogram(firstPerplexities_);
    const double peak = std::max(*std::max_element(now.begin(), now.end()), *std::max_element(start.begin(), start.end()));
    const double binWidth = plot.width() / kPerplexityBins;
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = colours::model;
    fill.setAlpha(150);
    for (int b = 0; b < kPerplexityBins; ++b) {
        const double height = now[b] / peak * plot.height();
        painter.fillRect(QRectF(plot.left() + b * binWidth, plot.bottom() - height, binWidth * 0.9, height), fill);
    }
    QPainterPath outline;
    outline.moveTo(plot.left(), plot.bottom());
    for (int b = 0; b < kPerplexityBins; ++b) {
        const double y = plot.bottom() - start[b] / peak * plot.height();
        outline.lineTo(plot.left() + b * binWidth, y);
        outline.lineTo(plot.left() + (b + 1) * binWidth, y);
    }
    outline.lineTo(plot.right(), plot.bottom());
    painter.setPen(cosmeticPen(colours::original, 2.0, Qt::DashLine));
    painter.drawPath(outline);
    painter.setPen(QPen(colours::axis, 1.0));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.setFont(scaledFont(sizes::bodyPoint));
    // Ticks at 1, 2 and 5 times the powers of ten while the axis spans few decades, at the powers alone
    // beyond.
    const std::vector<double> multiples = high - low < 3.0 ? std::vector<double>{1, 2, 5} : std::vector<double>{1};
    painter.setPen(colours::text);
    for (int power = static_cast<int>(std::floor(low)); power <= static_cast<int>(std::ceil(high)); ++power) {
        for (const double multiple : multiples) {
            const double position = std::log10(multiple) + power;
            if (position < low || position > high) {
                continue;
            }
            const double x = plot.left() + (position - low) / (high - low) * plot.width();
            const QString label = multiple == 1.0 ? powerOfTenLabel(power) : QString::number(multiple * std::pow(10, power));
            painter.drawText(QPointF(x - metrics.horizontalAdvance(label) / 2, plot.bottom() + 4 + metrics.ascent()), label);
        }
    }
    painter.restore();
}

} // namespace collapse::ui
