// The neural text model's protocol (core/models/text/neural_text.h): pretraining and whole runs are the same
// on 1 and 2 threads, each generation fine-tunes a copy of the pretrained weights, a weights file is read
// against the scenario's shape, and the memory estimate covers the model. A small transformer pretrained
// here on a passage of Austen stands in for the bundled one.

#include "core/data_error.h"
#include "core/memory_estimate.h"
#include "core/models/text/neural_text.h"
#include "core/models/text/text_model.h"
#include "core/random.h"
#include "core/results.h"
#include "core/scenario.h"
#include "tests/common/quick_scenarios.h"
#include "tests/common/statistics.h"
#include "text_test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <omp.h>

#include <fstream>
#include <sstream>

using namespace collapse;
using namespace collapse::testing;

class NeuralTextTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(folder_.isValid());
        corpusPath_ = folder_.filePath("prose.txt").toStdString();
        std::ofstream(corpusPath_) << text::testing::kProse;
        weightsPath_ = folder_.filePath("prose.weights").toStdString();

        scenario_ = defaultScenario<TextSettings>();
        TextSettings& settings = scenario_.as<TextSettings>();
        settings.dataset = corpusPath_;
        settings.languageModel = LanguageModelKind::Transformer;
        settings.weights = weightsPath_;
        settings.vocabularySize = 64;
        settings.context = 24;
        settings.width = 16;
        settings.layers = 1;
        settings.heads = 2;
        settings.sequenceLength = 16;
        settings.promptLength = 4;
        settings.epochs = 1;
        settings.batch = 8;
        settings.decoding = Decoding::Beam;
        scenario_.samples = 24;
        scenario_.generations = 3;
        scenario_.replicates = 2;
        scenario_.humanFraction = 0.0;

        text::saveWeights(weightsPath_, pretrainOnProse(omp_get_max_threads()));
    }

    void pretrainingIsTheSameOnAnyThreadCount()
    {
        const int available = omp_get_max_threads();
        const std::string one = text::encodeWeights(pretrainOnProse(1));
        const std::string two = text::encodeWeights(pretrainOnProse(2));
        omp_set_num_threads(available);
        QVERIFY(one == two);
    }

    void runsAreTheSameOnAnyThreadCount()
    {
        const auto csv = [&] {
            std::ostringstream out;
            out << metricsCsv(runScenario(scenario_));
            return out.str();
        };
        const int available = omp_get_max_threads();
        omp_set_num_threads(1);
        const std::string one = csv();
        omp_set_num_threads(2);
        const std::string two = csv();
        omp_set_num_threads(available);
        QCOMPARE(two, one);
        // A real run: every generation measured, the written text scored under generation 0.
        QVERIFY(one.find("nan") == std::string::npos);
    }

    // Each generation starts from the pretrained weights: fine-tuning leaves them as they are and returns
    // a model of its own.
    void fineTuningCopiesThePretrainedWeights()
    {
        const auto corpus = loadTextCorpus(corpusPath_, scenario_.as<TextSettings>().sequenceLength);
        const auto pretrained = text::loadPretrained(scenario_.as<TextSettings>(), *corpus);
        const Eigen::VectorXf before = pretrained->weights->parameters->values();
        RandomStream random(1, 0, 0, Purpose::Fitting);
        const std::vector<std::span<const text::TokenId>> blocks = corpus->blocks(0, 8);
        const auto tuned = text::fineTune(*pretrained, blocks, scenario_.as<TextSettings>(), random);
        QVERIFY(pretrained->weights->parameters->values() == before);
        QVERIFY(tuned->parameters().values() != before);
        QCOMPARE(tuned->vocabularySize(), corpus->vocabulary().size());
    }

    void aWeightsFileOfAnotherShapeIsRefused()
    {
        Scenario wider = scenario_;
        wider.as<TextSettings>().width = 32;
        try {
            wider.model().checkData(wider);
        } catch (const DataError& error) {
            const std::string message = error.what();
            QVERIFY2(message.find(weightsPath_) != std::string::npos &&
                         message.find("width 16 where the scenario has 32") != std::string::npos,
                     message.c_str());
            return;
        }
        QFAIL("a weights file of another width was accepted");
    }

    // Beyond its data, a chain holds two networks, the optimiser's moments and a gradient per slice: at
    // least 13 copies of the weights.
    void theMemoryEstimateCoversTheModel()
    {
        Scenario ngram = scenario_;
        ngram.as<TextSettings>().languageModel = LanguageModelKind::Ngram;
        const double weights = static_cast<double>(text::weightCount(text::transformerShapeOf(scenario_.as<TextSettings>())));
        const double added = estimateRunMemory(scenario_).chainBytes - estimateRunMemory(ngram).chainBytes;
        QVERIFY2(added >= scenario_.replicates * 13.0 * weights * sizeof(float), qPrintable(QString::number(added)));
        Scenario neuralDefault = defaultScenario<TextSettings>();
        neuralDefault.as<TextSettings>().languageModel = LanguageModelKind::Transformer;
        QVERIFY(text::neuralModelBytes(neuralDefault.as<TextSettings>(), 2) > 13.0 * 1325824 * sizeof(float));
    }

private:
    text::TransformerWeights pretrainOnProse(int threads)
    {
        omp_set_num_threads(threads);
        const auto corpus = loadTextCorpus(corpusPath_, scenario_.as<TextSettings>().context);
        text::Pretraining pretraining;
        pretraining.training.epochs = 4;
        pretraining.training.batch = 8;
        pretraining.training.warmupSteps = 4;
        return text::pretrain(*corpus, scenario_.as<TextSettings>(), pretraining, "test");
    }

    QTemporaryDir folder_;
    std::string corpusPath_;
    std::string weightsPath_;
    Scenario scenario_;
};

QTEST_GUILESS_MAIN(NeuralTextTest)
#include "test_neural_text.moc"
