// The transformer: its backward pass against finite differences tensor by tensor (attention, the layer
// norms, the MLP, the embeddings), causality bit for bit, the decoding cache against the full forward
// pass, learning a sequence it can learn, the same weights on 1 and 2 threads, and the weights file's
// round trip and refusals.

#include "core/data_error.h"
#include "core/models/text/text_corpus.h"
#include "core/models/text/transformer.h"
#include "core/models/text/transformer_language_model.h"
#include "core/models/text/transformer_training.h"
#include "core/models/text/transformer_weights.h"
#include "core/random.h"
#include "text_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <omp.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>

using namespace collapse;
using namespace collapse::text;

namespace {

using Tensor = TransformerParameters::Tensor;

const TransformerShape kSmall{.vocabulary = 11, .context = 7, .width = 8, .layers = 2, .heads = 2};

TransformerParameters initialised(const TransformerShape& shape, std::uint64_t seed, float spread = 1.0f)
{
    TransformerParameters parameters(shape);
    RandomStream random(seed, 0, 0, Purpose::Initialisation);
    parameters.initialise(random);
    // Weights larger than GPT-2's 0.02 and norms off their identity, so that every path carries a gradient
    // the finite differences can see.
    Eigen::VectorXd noise(parameters.values().size());
    random.fillNormals({noise.data(), static_cast<std::size_t>(noise.size())});
    parameters.values() += (0.3 * spread * noise).cast<float>();
    return parameters;
}

TokenBatch randomBatch(const TransformerShape& shape, Eigen::Index positions, Eigen::Index sequences, std::uint64_t seed)
{
    RandomStream random(seed, 0, 0, Purpose::OriginalData);
    TokenBatch batch;
    batch.inputs.resize(positions, sequences);
    batch.targets.resize(positions, sequences);
    for (Eigen::Index b = 0; b < sequences; ++b) {
        for (Eigen::Index t = 0; t < positions; ++t) {
            batch.inputs(t, b) = t == 0 ? std::int32_t(kSequenceStart)
                                        : static_cast<std::int32_t>(2 + random.below(std::size_t(shape.vocabulary - 2)));
            batch.targets(t, b) = static_cast<std::int32_t>(random.below(std::size_t(shape.vocabulary)));
        }
    }
    batch.targets(1, 0) = -1; // a skipped position
    return batch;
}

} // namespace

class TransformerTest : public QObject {
    Q_OBJECT

private slots:
    void weightCountMatchesTheLayout()
    {
        for (const TransformerShape& shape : {kSmall, TransformerShape{}}) {
            QCOMPARE(TransformerParameters(shape).values().size(), weightCount(shape));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TransformerParameters(TransformerShape{.width = 10, .heads = 4}));
    }

    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("tensor");
        QTest::addColumn<int>("layer");
        const std::pair<const char*, Tensor> tensors[] = {
            {"token embedding (and output)", Tensor::TokenEmbedding},
            {"position embedding", Tensor::PositionEmbedding},
            {"attention norm gain", Tensor::AttentionNormGain},
            {"attention norm bias", Tensor::AttentionNormBias},
            {"queries, keys, values", Tensor::QueryKeyValue},
            {"queries, keys, values bias", Tensor::QueryKeyValueBias},
            {"attention output", Tensor::AttentionOutput},
            {"attention output bias", Tensor::AttentionOutputBias},
            {"MLP norm gain", Tensor::MlpNormGain},
            {"MLP norm bias", Tensor::MlpNormBias},
            {"MLP in", Tensor::MlpIn},
            {"MLP in bias", Tensor::MlpInBias},
            {"MLP out", Tensor::MlpOut},
            {"MLP out bias", Tensor::MlpOutBias},
            {"final norm gain", Tensor::FinalNormGain},
            {"final norm bias", Tensor::FinalNormBias}};
        for (const auto& [name, tensor] : tensors) {
            const bool perLayer = tensor >= Tensor::AttentionNormGain && tensor <= Tensor::MlpOutBias;
            for (int layer = 0; layer < (perLayer ? kSmall.layers : 1); ++layer) {
                QTest::addRow("%s, layer %d", name, layer) << static_cast<int>(tensor) << layer;
            }
        }
    }

    // Along a random unit direction v within one tensor, (L(θ + h v) − L(θ − h v)) / 2h against ∇L · v.
    // The loss is a float computation of size |L|: its rounding, about |L| 2⁻²² per evaluation after the
    // double sum, makes the difference quotient uncertain by |L| 2⁻²² / h; the truncation error is O(h²).
    void gradientMatchesFiniteDifferences()
    {
        QFETCH(int, tensor);
        QFETCH(int, layer);
        TransformerParameters parameters = initialised(kSmall, 7);
        const TokenBatch batch = randomBatch(kSmall, kSmall.context, 3, 8);
        TransformerWorkspace workspace;
        Eigen::VectorXf gradient = Eigen::VectorXf::Zero(parameters.values().size());
        const float loss = crossEntropy(parameters, batch, workspace, &gradient);

        Eigen::VectorXf direction = Eigen::VectorXf::Zero(parameters.values().size());
        auto part = parameters.tensor(static_cast<Tensor>(tensor), direction, layer);
        Eigen::MatrixXd normals(part.rows(), part.cols());
        RandomStream random(9, static_cast<std::uint32_t>(tensor), static_cast<std::uint32_t>(layer), Purpose::Display);
        random.fillNormals({normals.data(), static_cast<std::size_t>(normals.size())});
        part = (normals / normals.norm()).cast<float>();

        const float h = 1e-2f;
        const Eigen::VectorXf original = parameters.values();
        parameters.values() = original + h * direction;
        const double up = crossEntropy(parameters, batch, workspace);
        parameters.values() = original - h * direction;
        const double down = crossEntropy(parameters, batch, workspace);
        const double numeric = (up - down) / (2.0 * h);
        const double analytic = gradient.cast<double>().dot(direction.cast<double>());
        const double rounding = 8.0 * std::abs(loss) * std::ldexp(1.0, -22) / h;
        const double truncation = 2e-3 * std::max(1.0, std::abs(analytic));
        QVERIFY2(std::abs(numeric - analytic) <= rounding + truncation,
                 qPrintable(QStringLiteral("finite difference %1, backpropagation %2").arg(numeric).arg(analytic)));
    }

    // A token after position t cannot change what the network predicts at t: the same bits.
    void laterTokensDoNotChangeEarlierPredictions()
    {
        const TransformerParameters parameters = initialised(kSmall, 11);
        std::vector<std::int32_t> first{1, 4, 7, 2, 9, 3, 5};
        std::vector<std::int32_t> second = first;
        second[4] = 10;
        second[6] = 2;
        TransformerWorkspace workspace;
        Eigen::MatrixXf before, after;
        logProbabilitiesAfter(parameters, first, workspace, before);
        logProbabilitiesAfter(parameters, second, workspace, after);
        QCOMPARE(std::memcmp(before.data(), after.data(), sizeof(float) * std::size_t(before.rows()) * 4), 0);
        QVERIFY(before.col(4) != after.col(4));
    }

    // The cached decoding computes what the full forward pass does (to float rounding), and a state
    // continued from a copied prefix gives the same bits as one fed from the start.
    void decodingStateAgreesWithTheFullPass()
    {
        const TransformerParameters parameters = initialised(kSmall, 12);
        const std::vector<std::int32_t> tokens{1, 4, 7, 2, 9, 3, 5};
        TransformerWorkspace workspace;
        Eigen::MatrixXf full;
        logProbabilitiesAfter(parameters, tokens, workspace, full);
        DecodingState state(parameters);
        DecodingState copied(parameters);
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            const Eigen::VectorXf logits = state.feed(parameters, tokens[t]);
            const float logTotal = logits.maxCoeff() + std::log((logits.array() - logits.maxCoeff()).exp().sum());
            const Eigen::VectorXf logProbabilities = logits.array() - logTotal;
            QVERIFY2((logProbabilities - full.col(Eigen::Index(t))).cwiseAbs().maxCoeff() < 1e-4f, qPrintable(QString::number(t)));
            if (t == 3) {
                copied.copyPrefix(state, 3);
                const Eigen::VectorXf again = copied.feed(parameters, tokens[t]);
                QCOMPARE(std::memcmp(again.data(), logits.data(), sizeof(float) * std::size_t(logits.size())), 0);
            }
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, state.feed(parameters, 2));
    }

    // A repeating cycle of 5 words is fully predictable after its first word: training must bring the
    // loss of the predictable positions near zero (from ln 9 ≈ 2.2 at the start).
    void learnsAPredictableSequence()
    {
        const TransformerShape shape{.vocabulary = 11, .context = 12, .width = 16, .layers = 1, .heads = 2};
        TransformerParameters parameters(shape);
        RandomStream initialisation(3, 0, 0, Purpose::Initialisation);
        parameters.initialise(initialisation);
        std::vector<std::vector<std::int32_t>> sequences;
        for (int offset = 0; offset < 64; ++offset) {
            std::vector<std::int32_t>& sequence = sequences.emplace_back();
            for (int t = 0; t < shape.context; ++t) {
                sequence.push_back(2 + (offset + t) % 5);
            }
        }
        RandomStream order(3, 0, 0, Purpose::Fitting);
        trainTransformer(parameters, sequences,
                         TransformerTraining{.epochs = 60, .batch = 16, .learningRate = 1e-2, .weightDecay = 0.0, .warmupSteps = 10},
                         order);
        const std::vector<std::int32_t> inputs{1, 4, 5, 6, 2, 3, 4};
        TransformerWorkspace workspace;
        Eigen::MatrixXf logProbabilities;
        logProbabilitiesAfter(parameters, inputs, workspace, logProbabilities);
        for (Eigen::Index t = 1; t < Eigen::Index(inputs.size()); ++t) {
            const int next = 2 + (inputs[std::size_t(t)] - 2 + 1) % 5;
            QVERIFY2(std::exp(logProbabilities(next, t)) > 0.95,
                     qPrintable(QStringLiteral("p(next) %1 at %2").arg(std::exp(logProbabilities(next, t))).arg(t)));
        }
    }

    void trainingIsTheSameOnAnyThreadCount()
    {
        const TransformerShape shape{.vocabulary = 13, .context = 8, .width = 8, .layers = 2, .heads = 2};
        std::vector<std::vector<std::int32_t>> sequences;
        RandomStream words(4, 0, 0, Purpose::OriginalData);
        for (int i = 0; i < 40; ++i) {
            std::vector<std::int32_t>& sequence = sequences.emplace_back();
            for (int t = 0; t < shape.context; ++t) {
                sequence.push_back(static_cast<std::int32_t>(2 + words.below(11)));
            }
        }
        const auto train = [&](int threads) {
            omp_set_num_threads(threads);
            TransformerParameters parameters(shape);
            RandomStream initialisation(5, 0, 0, Purpose::Initialisation);
            parameters.initialise(initialisation);
            RandomStream order(5, 0, 0, Purpose::Fitting);
            trainTransformer(parameters, sequences, TransformerTraining{.epochs = 3, .batch = 12}, order);
            return Eigen::VectorXf(parameters.values());
        };
        const int available = omp_get_max_threads();
        const Eigen::VectorXf one = train(1);
        const Eigen::VectorXf two = train(2);
        omp_set_num_threads(available);
        QCOMPARE(std::memcmp(one.data(), two.data(), sizeof(float) * std::size_t(one.size())), 0);
    }

    // The language model over a corpus's ids: a distribution with nothing on <s>, p(<unk>) for a word
    // outside its vocabulary, and the windowed log-likelihood equal to the sum of single predictions where
    // a window holds every context.
    void languageModelOverCorpusIds()
    {
        const TextCorpus corpus = TextCorpus::fromText(text::testing::kProse, 16, "prose");
        const int size = 40;
        const ModelVocabulary vocabulary = ModelVocabulary::mostFrequent(corpus, size);
        QCOMPARE(vocabulary.size(), size);
        const TransformerShape shape{.vocabulary = size, .context = 8, .width = 8, .layers = 1, .heads = 2};
        auto parameters = std::make_shared<const TransformerParameters>(initialised(shape, 21, 0.5f));
        const TransformerLanguageModel model(parameters, vocabulary);
        QCOMPARE(model.vocabularySize(), corpus.vocabulary().size());

        const auto tokens = corpus.trainingTokens().first(20);
        std::vector<double> probabilities(model.vocabularySize());
        model.distribution(tokens.first(5), probabilities);
        QCOMPARE(probabilities[kSequenceStart], 0.0);
        QVERIFY(std::abs(std::accumulate(probabilities.begin(), probabilities.end(), 0.0) - 1.0) < 1e-5);
        // The rarest word of the corpus is outside the 38 words: <unk> to the model.
        const auto counts = corpus.trainingCounts();
        const auto rarest = static_cast<TokenId>(std::min_element(counts.begin() + 2, counts.end()) - counts.begin());
        QCOMPARE(vocabulary.modelId(rarest), 0);
        QCOMPARE(probabilities[rarest], 0.0);
        QCOMPARE(model.logProbability(tokens.first(5), rarest), std::log(probabilities[kUnknownToken]));

        // Within one window (7 tokens after <s>), the log-likelihood is the sum of the predictions.
        double sum = 0.0;
        for (std::size_t i = 0; i < 7; ++i) {
            sum += model.logProbability(tokens.first(i), tokens[i]);
        }
        QVERIFY(std::abs(model.logLikelihood({}, tokens.first(7)) - sum) < 1e-4 * std::abs(sum));
        QCOMPARE(model.logLikelihood({}, tokens), model.logLikelihood({}, tokens)); // windows summed in order
    }

    void weightsFileRoundTripsAndRefusesBadFiles()
    {
        QTemporaryDir folder;
        const std::filesystem::path path = folder.filePath("model.weights").toStdString();
        TransformerWeights weights;
        weights.parameters = std::make_shared<const TransformerParameters>(initialised(kSmall, 31));
        for (int i = 0; i < kSmall.vocabulary; ++i) {
            weights.words.push_back(i == 0 ? "<unk>" : i == 1 ? "<s>" : "word" + std::to_string(i));
        }
        weights.provenance = "collapselab-cli pretrain --out model.weights";
        saveWeights(path, weights);
        const TransformerWeights loaded = loadWeights(path, kSmall);
        QCOMPARE(loaded.words, weights.words);
        QCOMPARE(loaded.provenance, weights.provenance);
        QVERIFY(loaded.parameters->values() == weights.parameters->values());

        const std::string bytes = encodeWeights(weights);
        const auto refused = [&](const std::string& contents, const TransformerShape& shape, const QString& expected) {
            std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
            try {
                loadWeights(path, shape);
            } catch (const DataError& error) {
                const QString message = QString::fromStdString(error.what());
                QVERIFY2(message.contains(expected) && message.contains(QString::fromStdString(path.string())) &&
                             !message.contains('\n'),
                         qPrintable(message));
                return;
            }
            QFAIL(qPrintable("accepted a file that is " + expected));
        };
        refused(bytes.substr(0, bytes.size() / 2), kSmall, "truncated");
        refused(bytes.substr(0, 10), kSmall, "truncated");
        refused("not weights at all", kSmall, "not a Collapse Lab weights file");
        std::string otherVersion = bytes;
        otherVersion[8] = 2;
        refused(otherVersion, kSmall, "format version 2; this Collapse Lab reads version 1");
        TransformerShape wider = kSmall;
        wider.width = 16;
        wider.layers = 3;
        refused(bytes, wider, "another configuration: width 8 where the scenario has 16, layers 2 where the scenario has 3");
        std::string damaged = bytes;
        damaged[bytes.size() - 40] ^= 0x10;
        refused(damaged, kSmall, "checksum");
        refused(bytes + "x", kSmall, "after its end");
        QVERIFY_THROWS_EXCEPTION(DataError, loadWeights(folder.filePath("missing.weights").toStdString(), kSmall));
    }
};

QTEST_GUILESS_MAIN(TransformerTest)
#include "test_transformer.moc"
