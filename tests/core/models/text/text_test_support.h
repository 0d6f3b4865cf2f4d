#pragma once

// Shared by the text model's tests: a passage of real prose, a model fitted to it, Pearson's chi-square
// critical values, and a tolerance comparison that reports its numbers.

#include "core/models/text/ngram_model.h"
#include "core/models/text/tokenizer.h"
#include "core/models/text/vocabulary.h"
#include "tests/common/statistics.h"

#include <QTest>

#include <cmath>
#include <span>
#include <string>
#include <vector>

namespace collapse::text::testing {

// The opening chapter of Jane Austen's Pride and Prejudice (1813, public domain), abridged: about 800 tokens
// of natural English with a realistic spread of word counts.
inline constexpr const char* kProse = R"prose(
It is a truth universally acknowledged, that a single man in possession
of a good fortune, must be in want of a wife.

However little known the feelings or views of such a man may be on his
first entering a neighbourhood, this truth is so well fixed in the minds
of the surrounding families, that he is considered the rightful property
of some one or other of their daughters.

"My dear Mr. Bennet," said his lady to him one day, "have you heard that
Netherfield Park is let at last?"

Mr. Bennet replied that he had not.

"But it is," returned she; "for Mrs. Long has just been here, and she
told me all about it."

Mr. Bennet made no answer.

"Do you not want to know who has taken it?" cried his wife impatiently.

"_You_ want to tell me, and I have no objection to hearing it."

This was invitation enough.

"Why, my dear, you must know, Mrs. Long says that Netherfield is taken
by a young man of large fortune from the north of England; that he came
down on Monday in a chaise and four to see the place, and was so much
delighted with it, that he agreed with Mr. Morris immediately; that he
is to take possession before Michaelmas, and some of his servants are to
be in the house by the end of next week."

"What is his name?"

"Bingley."

"Is he married or single?"

"Oh! Single, my dear, to be sure! A single man of large fortune; four or
five thousand a year. What a fine thing for our girls!"

"How so? How can it affect them?"

"My dear Mr. Bennet," replied his wife, "how can you be so tiresome! You
must know that I am thinking of his marrying one of them."

"Is that his design in settling here?"

"Design! Nonsense, how can you talk so! But it is very likely that he
_may_ fall in love with one of them, and therefore you must visit him as
soon as he comes."

"I see no occasion for that. You and the girls may go, or you may send
them by themselves, which perhaps will be still better, for as you are
as handsome as any of them, Mr. Bingley may like you the best of the
party."

"My dear, you flatter me. I certainly _have_ had my share of beauty, but
I do not pretend to be anything extraordinary now. When a woman has five
grown-up daughters, she ought to give over thinking of her own beauty."

"In such cases, a woman has not often much beauty to think of."

"But, my dear, you must indeed go and see Mr. Bingley when he comes into
the neighbourhood."

"It is more than I engage for, I assure you."

"But consider your daughters. Only think what an establishment it would
be for one of them. Sir William and Lady Lucas are determined to
go, merely on that account, for in general, you know, they visit no
newcomers. Indeed you must go, for it will be impossible for _us_ to
visit him if you do not."

"You are over-scrupulous, surely. I dare say Mr. Bingley will be very
glad to see you; and I will send a few lines by you to assure him of my
hearty consent to his marrying whichever he chooses of the girls; though
I must throw in a good word for my little Lizzy."

"I desire you will do no such thing. Lizzy is not a bit better than the
others; and I am sure she is not half so handsome as Jane, nor half so
good-humoured as Lydia. But you are always giving _her_ the preference."

"They have none of them much to recommend them," replied he; "they are
all silly and ignorant like other girls; but Lizzy has something more of
quickness than her sisters."

"Mr. Bennet, how _can_ you abuse your own children in such a way? You
take delight in vexing me. You have no compassion for my poor nerves."

"You mistake me, my dear. I have a high respect for your nerves. They
are my old friends. I have heard you mention them with consideration
these last twenty years at least."

)prose";

// A text cut into a vocabulary and fixed-length training sequences, the way TextCorpus cuts its blocks.
struct TokenizedText {
    Vocabulary vocabulary;
    std::vector<TokenId> tokens;
    std::vector<std::span<const TokenId>> sequences;
};

inline TokenizedText tokenizeText(const char* text, std::size_t sequenceLength)
{
    TokenizedText result;
    for (const std::string_view token : tokenize(text)) {
        result.tokens.push_back(result.vocabulary.add(token));
    }
    for (std::size_t start = 0; start + sequenceLength <= result.tokens.size(); start += sequenceLength) {
        result.sequences.push_back(std::span<const TokenId>(result.tokens).subspan(start, sequenceLength));
    }
    return result;
}

// The regularised lower incomplete gamma function P(a, x): its power series for x < a + 1, otherwise one minus
// the continued fraction of Q(a, x) evaluated by the modified Lentz method (Abramowitz & Stegun 6.5.29, 6.5.31).
inline double regularizedLowerGamma(double a, double x)
{
    if (x <= 0.0) {
        return 0.0;
    }
    const double logPrefix = a * std::log(x) - x - std::lgamma(a);
    if (x < a + 1.0) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < 10000 && std::abs(term) > std::abs(sum) * 1e-16; ++n) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * std::exp(logPrefix);
    }
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double fraction = d;
    for (int i = 1; i < 10000; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        d = std::abs(d) < tiny ? tiny : d;
        c = b + an / c;
        c = std::abs(c) < tiny ? tiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        fraction *= delta;
        if (std::abs(delta - 1.0) < 1e-16) {
            break;
        }
    }
    return 1.0 - std::exp(logPrefix) * fraction;
}

// The value a chi-square statistic with `degreesOfFreedom` exceeds with probability `significance`, found by
// bisection on its distribution function P(k/2, x/2).
inline double chiSquareCriticalValue(int degreesOfFreedom, double significance)
{
    const double a = degreesOfFreedom / 2.0;
    double low = 0.0;
    double high = degreesOfFreedom + 100.0 * std::sqrt(2.0 * degreesOfFreedom) + 100.0;
    for (int i = 0; i < 200; ++i) {
        const double middle = (low + high) / 2.0;
        (regularizedLowerGamma(a, middle / 2.0) < 1.0 - significance ? low : high) = middle;
    }
    return (low + high) / 2.0;
}

// Pearson's statistic for observed counts against expected probabilities `expected` (summing to 1) of
// `draws` draws. Cells whose expected count is below 5 are pooled into one, so the chi-square approximation
// holds; `degreesOfFreedom` receives the number of cells used minus one.
inline double pearsonChiSquare(const std::vector<double>& observed, const std::vector<double>& expected, double draws,
                               int& degreesOfFreedom)
{
    double statistic = 0.0;
    double pooledObserved = 0.0;
    double pooledExpected = 0.0;
    int cells = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const double e = expected[i] * draws;
        if (e >= 5.0) {
            statistic += (observed[i] - e) * (observed[i] - e) / e;
            ++cells;
        } else {
            pooledObserved += observed[i];
            pooledExpected += e;
        }
    }
    if (pooledExpected > 0.0) {
        statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
        ++cells;
    }
    degreesOfFreedom = cells - 1;
    return statistic;
}

} // namespace collapse::text::testing
