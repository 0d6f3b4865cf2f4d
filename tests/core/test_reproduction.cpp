// The paper's reproduction: the plan holds the paper's settings, each table row judges our numbers as it
// says it does (a band, a closed form within three standard errors, a mean too heavy-tailed to measure, a
// direction), and the Markdown report carries every row.

#include "core/models/gaussian/gaussian_settings.h"
#include "core/models/gmm/gmm_settings.h"
#include "core/models/regression/regression_settings.h"
#include "core/models/text/text_settings.h"
#include "core/models/vae/vae_settings.h"
#include "core/model_registry.h"
#include "core/reproduction.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <ranges>
#include <set>

using namespace collapse;

namespace {

const ReproductionExperiment& experimentNamed(const ReproductionPlan& plan, const std::string& id)
{
    for (const auto& experiment : plan.experiments) {
        if (experiment.id == id) {
            return experiment;
        }
    }
    throw std::logic_error("no experiment " + id);
}

// Results of `generations` generations and `replicates` chains in `columns`, every value `fill`.
RunResults filledResults(const std::vector<std::string>& columns, int generations, int replicates, double fill)
{
    RunResults results{columns, {}};
    for (int g = 0; g < generations; ++g) {
        results.generations.push_back(Eigen::MatrixXd::Constant(replicates, static_cast<Eigen::Index>(columns.size()), fill));
    }
    return results;
}

// Sets column `name` of generation `generation` to `values`, one per chain.
void setColumn(RunResults& results, int generation, const std::string& name, const std::vector<double>& values)
{
    const auto column = std::find(results.columns.begin(), results.columns.end(), name) - results.columns.begin();
    for (std::size_t chain = 0; chain < values.size(); ++chain) {
        results.generations[static_cast<std::size_t>(generation)](static_cast<Eigen::Index>(chain), column) = values[chain];
    }
}

// `count` values spread evenly and symmetrically around `centre` by up to ± `spread`.
std::vector<double> symmetricValues(double centre, double spread, int count)
{
    std::vector<double> values;
    for (int i = 0; i < count; ++i) {
        values.push_back(centre + spread * (2.0 * (i + 0.5) / count - 1.0));
    }
    return values;
}

// The Gaussian experiment's results with ln σ² spread evenly around `logCentre(run)` by ± `logSpread` and μ
// spread around 0 so that its mean square is `meanSquare(run)`.
std::vector<RunResults> gaussianResults(const ReproductionExperiment& experiment, const std::function<double(const Scenario&)>& logCentre,
                                        double logSpread, const std::function<double(const Scenario&)>& meanSquare)
{
    std::vector<RunResults> all;
    for (const auto& run : experiment.runs) {
        const int last = run.scenario.generations - 1;
        RunResults results = filledResults({"train_size", "tail_mass", "mean", "std", "w2"}, run.scenario.generations,
                                           run.scenario.replicates, 0.0);
        std::vector<double> sigmas;
        for (const double logVariance : symmetricValues(logCentre(run.scenario), logSpread, run.scenario.replicates)) {
            sigmas.push_back(std::exp(logVariance / 2.0));
        }
        setColumn(results, last, "std", sigmas);
        // ± a sqrt(f) with f spread evenly around 1: the mean square is a².
        std::vector<double> means;
        const std::vector<double> factors = symmetricValues(1.0, 0.5, run.scenario.replicates);
        for (int i = 0; i < run.scenario.replicates; ++i) {
            means.push_back((i % 2 == 0 ? 1.0 : -1.0) * std::sqrt(meanSquare(run.scenario) * factors[static_cast<std::size_t>(i)]));
        }
        setColumn(results, last, "mean", means);
        all.push_back(std::move(results));
    }
    return all;
}

double paperMedianLog(const Scenario& scenario)
{
    return -scenario.generations / (scenario.samples - 1.0);
}

} // namespace

class ReproductionTest : public QObject {
    Q_OBJECT

private slots:
    void paperScaleHasThePapersSettings();
    void quickScaleRunsTheSameExperimentsSmaller();
    void fullImagesAreUsedWhereInstalled();
    void scaleNames();
    void bandRowsSayWhetherThePaperIsWithin();
    void closedFormsAreJudgedByStandardErrors();
    void heavyTailedMeansAreNotMeasured();
    void varianceOfTheMeanNeedsMoreChainsThanTheMeanVariance();
    void textRowsJudgeTheDirection();
    void resultsOfAnotherShapeAreRefused();
    void numbersHaveThreeSignificantDigits();
    void markdownCarriesEveryRow();
};

void ReproductionTest::paperScaleHasThePapersSettings()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Paper, "/nonexistent/train-images-idx3-ubyte.gz");
    QCOMPARE(plan.experiments.size(), std::size_t(9));
    const auto& gaussian = experimentNamed(plan, "gaussian");
    QCOMPARE(gaussian.runs.size(), std::size_t(8));
    std::set<std::pair<int, Estimator>> settings;
    for (const auto& run : gaussian.runs) {
        QCOMPARE(run.scenario.generations, 1000);
        settings.insert({run.scenario.samples, run.scenario.as<GaussianSettings>().estimator});
    }
    QCOMPARE(settings.size(), std::size_t(8));
    QVERIFY(settings.count({10000, Estimator::Mle}) == 1 && settings.count({100, Estimator::Unbiased}) == 1);

    const auto& gmm = experimentNamed(plan, "gmm");
    const Scenario& mixture = gmm.runs.front().scenario;
    QCOMPARE(mixture.generations, 2050);
    QCOMPARE(mixture.samples, 1000);
    QCOMPARE(mixture.capacity, 2);
    QCOMPARE(mixture.as<GmmSettings>().emTol, 1e-5);
    QCOMPARE(mixture.as<GmmSettings>().covariance, CovarianceType::Full);
    QCOMPARE(gmm.figureGenerations, (std::vector<int>{0, 50, 100, 150, 200, 350, 2000}));

    const auto& vae = experimentNamed(plan, "vae");
    QCOMPARE(vae.runs.front().scenario.generations, 5);
    QCOMPARE(vae.runs.front().scenario.as<VaeSettings>().dataset, std::string("fashion-mnist-subset"));
    QCOMPARE(vae.runs.front().scenario.as<VaeSettings>().epochs, 30);
    QVERIFY(!vae.difference.empty());
    QCOMPARE(plan.notes.size(), std::size_t(1));
    QVERIFY(plan.notes.front().find("not installed") != std::string::npos);

    const auto& text = experimentNamed(plan, "text");
    QCOMPARE(text.runs.size(), std::size_t(2));
    QCOMPARE(text.runs[0].scenario.humanFraction, 0.0);
    QCOMPARE(text.runs[1].scenario.humanFraction, 0.1);
    const auto& neural = experimentNamed(plan, "text-neural");
    QCOMPARE(neural.runs.size(), std::size_t(2));
    for (const auto& run : neural.runs) {
        QCOMPARE(run.scenario.as<TextSettings>().languageModel, LanguageModelKind::Transformer);
        QCOMPARE(run.scenario.as<TextSettings>().decoding, Decoding::Beam);
        QCOMPARE(run.scenario.generations, 10);
    }
    QCOMPARE(neural.runs[1].scenario.humanFraction, 0.1);

    // Qiao et al.'s n = 300, α = 0.1, t = 200, on a normal and on a mixture: accumulate, accumulate with
    // biased selection, replace with it.
    for (const char* id : {"selection", "selection-gmm"}) {
        const auto& selection = experimentNamed(plan, id);
        QCOMPARE(selection.runs.size(), std::size_t(3));
        QCOMPARE(selection.runs[0].scenario.selection, Selection::None);
        QCOMPARE(selection.runs[1].scenario.policy, Policy::Accumulate);
        QCOMPARE(selection.runs[2].scenario.policy, Policy::Replace);
        for (const auto& run : selection.runs | std::views::drop(1)) {
            QCOMPARE(run.scenario.selection, Selection::Biased);
            QCOMPARE(run.scenario.selectionKeep, 0.1);
        }
        for (const auto& run : selection.runs) {
            QCOMPARE(run.scenario.samples, 300);
            QCOMPARE(run.scenario.generations, 201);
            QCOMPARE(run.scenario.replicates, 100);
        }
    }
    QCOMPARE(experimentNamed(plan, "selection-gmm").runs[0].scenario.model().name, std::string_view("gmm"));

    // Dohmatob et al.'s and Gerstgrasser et al.'s d = 10, T = 100, σ = 1, replace then accumulate, with 100
    // generations on the model's own labels after the real fit.
    const auto& regression = experimentNamed(plan, "regression");
    QCOMPARE(regression.runs.size(), std::size_t(2));
    QCOMPARE(regression.runs[0].scenario.policy, Policy::Replace);
    QCOMPARE(regression.runs[1].scenario.policy, Policy::Accumulate);
    for (const auto& run : regression.runs) {
        QCOMPARE(run.scenario.as<RegressionSettings>().features, 10);
        QCOMPARE(run.scenario.as<RegressionSettings>().noise, 1.0);
        QCOMPARE(run.scenario.samples, 100);
        QCOMPARE(run.scenario.generations, 101);
    }

    // Every run has its own file name.
    std::set<std::string> names;
    for (const auto& experiment : plan.experiments) {
        for (const auto& run : experiment.runs) {
            names.insert(run.name);
        }
    }
    QCOMPARE(static_cast<int>(names.size()), plan.runCount());
}

void ReproductionTest::quickScaleRunsTheSameExperimentsSmaller()
{
    const ReproductionPlan quick = reproductionPlan(ReproductionScale::Quick);
    const ReproductionPlan paper = reproductionPlan(ReproductionScale::Paper, "/nonexistent");
    QCOMPARE(quick.runCount(), paper.runCount());
    for (std::size_t e = 0; e < quick.experiments.size(); ++e) {
        for (std::size_t r = 0; r < quick.experiments[e].runs.size(); ++r) {
            const Scenario& small = quick.experiments[e].runs[r].scenario;
            const Scenario& full = paper.experiments[e].runs[r].scenario;
            QCOMPARE(quick.experiments[e].runs[r].name, paper.experiments[e].runs[r].name);
            QVERIFY(static_cast<double>(small.generations) * small.replicates * small.samples <=
                    static_cast<double>(full.generations) * full.replicates * full.samples);
        }
    }
    QCOMPARE(experimentNamed(quick, "gaussian").runs.front().scenario.generations, 100);
}

void ReproductionTest::fullImagesAreUsedWhereInstalled()
{
    QTemporaryDir dir;
    const std::string images = dir.filePath("train-images-idx3-ubyte.gz").toStdString();
    std::ofstream(images) << "placeholder";
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Paper, images);
    const Scenario& vae = experimentNamed(plan, "vae").runs.front().scenario;
    QCOMPARE(vae.as<VaeSettings>().dataset, images);
    QCOMPARE(vae.samples, 60000);
    QVERIFY(plan.notes.front().find("all 60 000") != std::string::npos);
    // The quick scale keeps to the bundled subset.
    QCOMPARE(experimentNamed(reproductionPlan(ReproductionScale::Quick, images), "vae").runs.front().scenario.as<VaeSettings>().dataset,
             std::string("fashion-mnist-subset"));
}

void ReproductionTest::scaleNames()
{
    QCOMPARE(reproductionScaleNamed("quick"), std::optional(ReproductionScale::Quick));
    QCOMPARE(reproductionScaleNamed("paper"), std::optional(ReproductionScale::Paper));
    QVERIFY(!reproductionScaleNamed("Paper"));
    QVERIFY(!reproductionScaleNamed(""));
    QCOMPARE(reproductionScaleName(ReproductionScale::Paper), std::string_view("paper"));
}

void ReproductionTest::bandRowsSayWhetherThePaperIsWithin()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    const auto& gmm = experimentNamed(plan, "gmm");
    const Scenario& scenario = gmm.runs.front().scenario;
    RunResults results = filledResults({"train_size", "tail_mass", "loglik_real", "l2_to_original", "total_std", "min_weight",
                                        "effective_components", "component_std_min", "component_std_max"},
                                       scenario.generations, scenario.replicates, 0.0);
    // The paper's 0.0100 inside 0.005–0.015; its 0.0111 below 0.02–0.03; its 536 above 100–200.
    setColumn(results, 2000, "component_std_min", symmetricValues(0.010, 0.005, scenario.replicates));
    setColumn(results, 2000, "component_std_max", symmetricValues(0.025, 0.005, scenario.replicates));
    setColumn(results, 2000, "l2_to_original", symmetricValues(150.0, 50.0, scenario.replicates));
    const std::vector<ReportRow> rows = reportRows(gmm, {results});
    QCOMPARE(rows.size(), std::size_t(3));
    QVERIFY(rows[0].agrees);
    QCOMPARE(rows[0].verdict, std::string("within the band"));
    QCOMPARE(rows[0].paper, std::string("0.0100"));
    QCOMPARE(rows[0].ours, std::string("0.0100"));
    QVERIFY(!rows[1].agrees);
    QCOMPARE(rows[1].verdict, std::string("outside: below the band"));
    QVERIFY(!rows[2].agrees);
    QCOMPARE(rows[2].verdict, std::string("outside: above the band"));
    QCOMPARE(rows[2].scenario, std::string("scenarios/gmm.json"));
}

void ReproductionTest::closedFormsAreJudgedByStandardErrors()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    const auto& gaussian = experimentNamed(plan, "gaussian");
    // Exactly the closed forms: every row agrees, zero standard errors apart.
    const auto exactMeanSquare = [](const Scenario& scenario) {
        const double k = scenario.generations;
        const double M = scenario.samples;
        return scenario.as<GaussianSettings>().estimator == Estimator::Mle ? 1.0 - std::pow(1.0 - 1.0 / M, k) : k / M;
    };
    const auto mleMeanLog = [](const Scenario& scenario) {
        // Chosen so that the mean of σ² over the even spread of ln σ² is (1 − 1/M)^k: for ln σ² uniform on
        // c ± s, E[σ²] = e^c sinh(s) / s.
        const double k = scenario.generations;
        const double M = scenario.samples;
        return k * std::log1p(-1.0 / M) - std::log(std::sinh(0.5) / 0.5);
    };
    const auto centre = [&](const Scenario& scenario) {
        return scenario.as<GaussianSettings>().estimator == Estimator::Mle ? mleMeanLog(scenario) : paperMedianLog(scenario);
    };
    std::vector<ReportRow> rows = reportRows(gaussian, gaussianResults(gaussian, centre, 0.5, exactMeanSquare));
    QCOMPARE(rows.size(), std::size_t(16));
    for (const auto& row : rows) {
        QVERIFY2(row.agrees, (row.quantity + ": " + row.verdict).c_str());
    }
    QVERIFY(rows.front().verdict.starts_with("agrees: 0.0 standard errors"));
    QVERIFY(rows.front().quantity.starts_with("median σ² after k = 100 fits, M = 100, unbiased"));

    // The median one unit of ln σ² too high: with ln σ² spread evenly by ± 0.5 over 200 chains, its
    // standard error is sqrt(π/2) × 0.29 / sqrt(200) ≈ 0.026, so it is some 40 errors off.
    const auto high = [&](const Scenario& scenario) { return centre(scenario) + 1.0; };
    rows = reportRows(gaussian, gaussianResults(gaussian, high, 0.5, exactMeanSquare));
    QVERIFY(!rows.front().agrees);
    QVERIFY(rows.front().verdict.starts_with("differs"));
    // Twice the variance of μ: differs too.
    rows = reportRows(gaussian, gaussianResults(gaussian, centre, 0.5, [&](const Scenario& s) { return 2.0 * exactMeanSquare(s); }));
    QVERIFY(!rows[1].agrees);
    QVERIFY(rows[1].quantity.starts_with("Var(μ)"));
    QVERIFY(rows[1].band.starts_with("μ: "));
}

void ReproductionTest::heavyTailedMeansAreNotMeasured()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    const auto& gaussian = experimentNamed(plan, "gaussian");
    // ln σ² spread by ± 8 (sd 4.6): the log-normal's relative error over 200 chains is far above one half.
    const std::vector<ReportRow> rows = reportRows(
        gaussian, gaussianResults(gaussian, paperMedianLog, 8.0, [](const Scenario&) { return 1.0; }));
    int unmeasured = 0;
    for (const auto& row : rows) {
        if (row.ours == "not measurable") {
            ++unmeasured;
            QVERIFY(!row.agrees);
            QVERIFY(row.verdict.starts_with("too few chains"));
        }
    }
    // Var(μ) for both estimators and E[σ²] for maximum likelihood, at every M; the medians stay measured.
    QCOMPARE(unmeasured, 12);
}

void ReproductionTest::varianceOfTheMeanNeedsMoreChainsThanTheMeanVariance()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    const auto& gaussian = experimentNamed(plan, "gaussian");
    // ln σ² evenly within ± 3.2 (s² ≈ 3.4) over 200 chains: the log-normal relative error of E[σ²] is
    // sqrt((e^3.4 − 1) / 200) ≈ 0.38, measurable; of E[μ²], sqrt((3 e^3.4 − 1) / 200) ≈ 0.67, not.
    const std::vector<ReportRow> rows = reportRows(
        gaussian, gaussianResults(gaussian, paperMedianLog, 3.2, [](const Scenario&) { return 1.0; }));
    int unmeasured = 0;
    for (const auto& row : rows) {
        if (row.quantity.starts_with("Var(μ)")) {
            QCOMPARE(row.ours, std::string("not measurable"));
            ++unmeasured;
        } else {
            QVERIFY2(row.ours != "not measurable", row.quantity.c_str());
        }
    }
    QCOMPARE(unmeasured, 8);
}

void ReproductionTest::textRowsJudgeTheDirection()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    const auto& text = experimentNamed(plan, "text");
    const std::vector<std::string> columns = {"train_size", "tail_mass", "perplexity_real", "perplexity_gen0",
                                              "perplexity_gen0_p90", "vocabulary", "distinct_2", "repetition"};
    const auto results = [&](double synthetic, double human) {
        std::vector<RunResults> both;
        for (const double growth : {synthetic, human}) {
            const Scenario& scenario = text.runs[both.size()].scenario;
            RunResults run = filledResults(columns, scenario.generations, scenario.replicates, 100.0);
            setColumn(run, scenario.generations - 1, "perplexity_real", std::vector<double>(scenario.replicates, 100.0 * growth));
            both.push_back(run);
        }
        return both;
    };
    std::vector<ReportRow> rows = reportRows(text, results(20.0, 2.0));
    QCOMPARE(rows.size(), std::size_t(2));
    QVERIFY(rows[0].agrees && rows[1].agrees);
    QCOMPARE(rows[0].ours, std::string("20.0"));
    rows = reportRows(text, results(0.9, 2.0));
    QVERIFY(!rows[0].agrees && !rows[1].agrees);
    QVERIFY(rows[1].verdict.starts_with("differs"));
}

void ReproductionTest::resultsOfAnotherShapeAreRefused()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reportRows(experimentNamed(plan, "text"), {}));
    // A run that stopped short has no last generation to judge.
    const auto& gmm = experimentNamed(plan, "gmm");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             reportRows(gmm, {filledResults({"component_std_min"}, 10, 8, 1.0)}));
}

void ReproductionTest::numbersHaveThreeSignificantDigits()
{
    QCOMPARE(reportNumber(0.01), std::string("0.0100"));
    QCOMPARE(reportNumber(0.0111), std::string("0.0111"));
    QCOMPARE(reportNumber(536.0), std::string("536"));
    QCOMPARE(reportNumber(1.0), std::string("1.00"));
    QCOMPARE(reportNumber(24.13), std::string("24.1"));
    QCOMPARE(reportNumber(4.3117e-5), std::string("4.31e-05"));
    QCOMPARE(reportNumber(-0.99312), std::string("-0.993"));
    QCOMPARE(reportNumber(0.0), std::string("0.00"));
    QCOMPARE(reportNumber(std::nan("")), std::string("no value"));
    QCOMPARE(reportNumber(std::numeric_limits<double>::infinity()), std::string("∞"));
}

void ReproductionTest::markdownCarriesEveryRow()
{
    const ReproductionPlan plan = reproductionPlan(ReproductionScale::Quick);
    std::vector<ReproducedExperiment> experiments;
    for (const auto& experiment : plan.experiments) {
        ReportRow row;
        row.quantity = experiment.id + " quantity | with a bar";
        row.paper = "1.00";
        row.ours = "1.00";
        row.band = "0.500 – 2.00";
        row.verdict = "within the band";
        row.agrees = experiment.id != "text";
        row.scenario = "scenarios/" + experiment.runs.front().name + ".json";
        experiments.push_back({&experiment, {row}, "figures/" + experiment.id + ".png"});
    }
    ReportContext context;
    context.version = "9.9.9";
    context.threads = 2;
    context.wallSeconds = 61.4;
    const std::string markdown = reportMarkdown(plan, experiments, context);
    QVERIFY(markdown.starts_with("# Model collapse, reproduced\n"));
    QVERIFY(markdown.find("Collapse Lab 9.9.9") != std::string::npos);
    QVERIFY(markdown.find(std::to_string(plan.runCount()) + " runs in 61 s on 2 threads") != std::string::npos);
    // Every experiment's one row agrees but the text model's.
    const std::size_t rows = plan.experiments.size();
    QVERIFY(markdown.find(std::to_string(rows - 1) + " of " + std::to_string(rows) + " rows agree") != std::string::npos);
    QVERIFY(markdown.find(plan.notes.front()) != std::string::npos);
    for (const auto& experiment : plan.experiments) {
        QVERIFY(markdown.find("](figures/" + experiment.id + ".png)") != std::string::npos);
        QVERIFY(markdown.find("| " + experiment.id + " quantity \\| with a bar | 1.00 |") != std::string::npos);
        if (!experiment.difference.empty()) {
            QVERIFY(markdown.find(experiment.difference) != std::string::npos);
        }
    }
    std::size_t headers = 0;
    for (std::size_t at = markdown.find("| Quantity | Paper | Ours | 10–90% | Verdict | Scenario |"); at != std::string::npos;
         at = markdown.find("| Quantity |", at + 1)) {
        ++headers;
    }
    QCOMPARE(headers, plan.experiments.size());
}

QTEST_GUILESS_MAIN(ReproductionTest)
#include "test_reproduction.moc"
