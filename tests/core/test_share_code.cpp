// Share codes (core/share_code.h): every preset's code opens the same scenarios; a code with one character
// changed, left out or added, another version's code, or a text that is no code is refused by name; and
// what a code unpacks to is bounded like a scenario file.

#include "core/model_registry.h"
#include "core/scenario.h"
#include "core/scenario_sources.h"
#include "core/share_code.h"
#include "tests/common/quick_scenarios.h"

#include <QTest>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

using namespace collapse;

namespace {

std::vector<LabelledScenario> scenariosOf(const std::vector<ScenarioEntry>& entries)
{
    std::vector<LabelledScenario> scenarios;
    for (const ScenarioEntry& entry : entries) {
        scenarios.push_back({entry.label, scenarioFromJson(entry.object)});
    }
    return scenarios;
}

// The message of the ScenarioError `code` is refused with; empty when it is read.
std::string refusal(const std::string& code)
{
    try {
        sharedEntries(code);
        return {};
    } catch (const ScenarioError& error) {
        return error.what();
    }
}

constexpr std::string_view kDigits = "0123456789abcdefghjkmnpqrstvwxyz";

} // namespace

class ShareCodeTest : public QObject {
    Q_OBJECT

private slots:
    void everyPresetRoundTrips()
    {
        for (const Preset& preset : builtinPresets()) {
            const std::vector<LabelledScenario> scenarios = testing::presetSides(preset.name);
            const std::string code = shareCode(scenarios);
            QVERIFY2(code.starts_with("cl1-"), code.c_str());
            QVERIFY2(code.size() < 400, qPrintable(QString("%1: %2 characters").arg(preset.name.c_str()).arg(code.size())));
            QVERIFY(std::all_of(code.begin() + 4, code.end(), [](char c) { return kDigits.find(c) != std::string_view::npos; }));
            for (const std::string& text : {code, shareLink(code), " " + code + "\n"}) {
                const std::vector<LabelledScenario> read = scenariosOf(sharedEntries(text));
                QCOMPARE(read.size(), scenarios.size());
                for (std::size_t i = 0; i < read.size(); ++i) {
                    QCOMPARE(read[i].label, scenarios[i].label);
                    QCOMPARE(read[i].scenario, scenarios[i].scenario);
                }
            }
        }
    }

    void aCodeReadOffASlideReadsTheSame()
    {
        // Either case, and Crockford's aliases: i and l for 1, o for 0.
        const std::vector<LabelledScenario> sides = testing::presetSides("human-data-10");
        const std::string code = shareCode(sides);
        std::string typed = code;
        std::transform(typed.begin(), typed.end(), typed.begin(), [](char c) { return char(std::toupper(static_cast<unsigned char>(c))); });
        std::replace(typed.begin() + 4, typed.end(), '1', 'L');
        std::replace(typed.begin() + 4, typed.end(), '0', 'O');
        QCOMPARE(scenariosOf(sharedEntries(typed))[1].scenario, sides[1].scenario);
    }

    void codesOfThisVersionKeepTheirMeaning()
    {
        // Codes in the wild: what they open must not change while the version stays "cl1" (a changed
        // default changes what a short code means, and needs "cl2").
        const std::string defaults = "cl1-01xj4vbfchjpr8ht49kp2xbkedmp2vh2fpbfsb7x";
        QCOMPARE(shareCode({{"", defaultScenario(defaultModel())}}), defaults);
        const nlohmann::json expected = {{"model", "gaussian"},      {"seed", 1},          {"generations", 100},
                                         {"replicates", 100},        {"samples", 100},     {"human_fraction", 0.0},
                                         {"policy", "replace"},      {"synthetic_ratio", 1.0}, {"synthetic_samples", 0},
                                         {"selection", "none"},      {"selection_keep", 0.1}, {"filter_rate", 0.0},
                                         {"sampling_bias", 1.0},     {"capacity", 1},      {"estimator", "unbiased"}};
        QCOMPARE(scenariosOf(sharedEntries(defaults)).front().scenario, scenarioFromJson(expected));
        // human-data-10's code, a comparison.
        const std::vector<LabelledScenario> sides = scenariosOf(sharedEntries(
            "cl1-05wdnbec847c480ggqgvqf1n6q1w43aq6738re5p4gr38g0q1qgywnjxf00vfvzxz4x7rkhb2y0vpx24qs5r8gyxpmpx50mzpb31t1pnhds0j"
            "6de4fjwe9wtf6nkbc0yywp2n1avs1de3kj40s2xc61w6wwgcjt4cec1zfvch5tv5x0fv1ybbpxkp1zqew3mp9hnshrbq384jr4pehvb0"));
        QCOMPARE(sides.size(), std::size_t(2));
        for (std::size_t side = 0; side < 2; ++side) {
            const nlohmann::json keys = {{"model", "gaussian"}, {"seed", 1},       {"generations", 500},
                                         {"replicates", 1000},  {"samples", 100}, {"human_fraction", side == 0 ? 0.0 : 0.1}};
            QCOMPARE(sides[side].label, std::string(side == 0 ? "synthetic-only" : "human-10"));
            QCOMPARE(sides[side].scenario, scenarioFromJson(keys));
        }
    }

    void aScenarioTooLargeToShareIsRefused()
    {
        // A file name of 5000 characters does not fit in a link: refused with a message, never a code
        // that would not open.
        std::string name;
        std::uint32_t state = 1;
        for (int i = 0; i < 5000; ++i) {
            state = state * 1664525u + 1013904223u; // letters that do not pack
            name += static_cast<char>('a' + (state >> 24) % 26);
        }
        nlohmann::json kde = {{"model", "kde"}, {"dataset", name + ".csv"}};
        try {
            shareCode({{"", scenarioFromJson(kde)}});
            QFAIL("a code was made that cannot be opened");
        } catch (const ScenarioError& error) {
            QVERIFY2(std::string(error.what()).find("too large to share") != std::string::npos, error.what());
        }
    }

    void oneCharacterChangedIsRefused()
    {
        const std::string code = shareCode(testing::presetSides("accumulate-vs-replace"));
        for (std::size_t at = 4; at < code.size(); ++at) {
            const std::size_t digit = kDigits.find(code[at]);
            for (const std::size_t step : {std::size_t(1), std::size_t(17)}) {
                std::string changed = code;
                changed[at] = kDigits[(digit + step) % kDigits.size()];
                QVERIFY2(refusal(changed).find("is damaged") != std::string::npos,
                         qPrintable(QString("position %1: %2").arg(at).arg(refusal(changed).c_str())));
            }
            QVERIFY2(!refusal(code.substr(0, at) + code.substr(at + 1)).empty(), qPrintable(QString("without %1").arg(at)));
            QVERIFY2(!refusal(code.substr(0, at) + "7" + code.substr(at)).empty(), qPrintable(QString("7 at %1").arg(at)));
        }
    }

    void whatIsNoCodeIsRefusedByName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("a word") << "hello" << R"(the share code "hello" is not a Collapse Lab code, which starts with "cl1-")";
        QTest::addRow("another version") << "cl7-0123" << R"(the share code "cl7" is of another version of Collapse Lab; this one reads "cl1" codes)";
        QTest::addRow("a letter that is no digit") << "cl1-01xj4u" << "is damaged: a character is not one of its digits";
        QTest::addRow("empty") << "" << "is not a Collapse Lab code";
        QTest::addRow("too long") << "cl1-" + QString(5000, '0') << "is 5004 characters long, more than a code or link can be (4096)";
        QTest::addRow("a link of another form") << "collapselab://cl1-01xj" << "is not of the form collapselab://open/CODE";
        QTest::addRow("a word with a dash") << "clever-idea" << "is not a Collapse Lab code";
        QTest::addRow("a link to nothing") << "collapselab://open/" << "is not a Collapse Lab code";
    }

    void whatIsNoCodeIsRefusedByName()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QString refused = QString::fromStdString(refusal(text.toStdString()));
        QVERIFY2(refused.contains(message), qPrintable(refused));
    }

    void whatACodeCarriesIsCheckedAsAScenarioFileIs_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown key") << R"({"sample": 100})" << R"(unknown key "sample")";
        QTest::addRow("bad value") << R"({"samples": -5})" << R"("samples" must be an integer from 2)";
        QTest::addRow("not JSON") << "{" << "the share code: not valid JSON";
        QTest::addRow("deep nesting") << QString(2000, '[') + QString(2000, ']') << "the share code: nested more than";
        // Deflated, a long run of spaces packs into a few hundred bytes; unpacked it is more than a code
        // may hold.
        QTest::addRow("unpacks too large") << "{\"samples\": 100" + QString(100'000, ' ') + "}"
                                           << "does not unpack to a scenario of at most 64 KiB";
    }

    void whatACodeCarriesIsCheckedAsAScenarioFileIs()
    {
        QFETCH(QString, document);
        QFETCH(QString, message);
        const std::string code = shareCodeOfText(document.toStdString());
        QVERIFY(code.size() <= kLongestShareCode);
        const QString refused = QString::fromStdString(refusal(code));
        QVERIFY2(refused.contains(message), qPrintable(refused));
    }
};

QTEST_APPLESS_MAIN(ShareCodeTest)
#include "test_share_code.moc"
