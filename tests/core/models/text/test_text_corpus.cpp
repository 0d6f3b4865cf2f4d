// The text corpus: every way a file can be refused (each naming the file and the problem), the 90/10 split,
// blocks, held-out prompts, unknown held-out words, and the rare tail's share.

#include "core/models/text/text_corpus.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

using namespace collapse;
using namespace collapse::text;

namespace {

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary).write(bytes.constData(), bytes.size());
    return path;
}

// "t0 t1 ... t(n-1)": n distinct tokens.
QByteArray numberedWords(int n)
{
    QByteArray text;
    for (int i = 0; i < n; ++i) {
        text += "t" + QByteArray::number(i) + (i % 12 == 11 ? "\n" : " ");
    }
    return text;
}

QString errorOf(const std::function<void()>& load)
{
    try {
        load();
    } catch (const DataError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class TextCorpusTest : public QObject {
    Q_OBJECT

private slots:
    void refusesBadFiles_data();
    void refusesBadFiles();
    void readsUtf8Text();
    void holdsOutTheLastTenth_data();
    void holdsOutTheLastTenth();
    void cutsConsecutiveBlocks();
    void unknownHeldOutWordsAreUnk();
    void promptsAreEvenlySpaced();
    void rareTailIsClosestToFivePercent_data();
    void rareTailIsClosestToFivePercent();
};

void TextCorpusTest::refusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("problem");
    QTest::addRow("missing") << "missing"
                             << "no such file";
    QTest::addRow("directory") << "directory"
                               << "is a directory, not a text file";
    QTest::addRow("larger than 256 MiB") << "huge"
                                         << "is larger than 256 MiB (269484032 bytes)";
    QTest::addRow("binary") << "binary"
                            << "is a binary file, not text (a NUL byte at byte offset 5)";
    QTest::addRow("Latin-1") << "latin1"
                             << "is not valid UTF-8 (byte 0xE9 at byte offset 12)";
    QTest::addRow("truncated sequence") << "truncated"
                                        << "is not valid UTF-8 (byte 0xE2 at byte offset 4)";
    QTest::addRow("empty") << "empty"
                           << "is empty";
    QTest::addRow("white space only") << "blank"
                                      << "holds no words or punctuation, only white space";
    QTest::addRow("too short") << "short"
                               << "holds 20 tokens, too few for one training block of 32 tokens plus "
                                  "the 10% held out (at least 36 tokens)";
}

void TextCorpusTest::refusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, problem);
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string path = dir.filePath("corpus.txt").toStdString();
    if (kind == "directory") {
        path = dir.path().toStdString();
    } else if (kind == "huge") {
        writeFile(dir, "corpus.txt", "start");
        std::filesystem::resize_file(path, (std::uintmax_t{257} << 20)); // sparse: no disk space used
    } else if (kind == "binary") {
        writeFile(dir, "corpus.txt", QByteArray("text ") + '\0' + QByteArray("more"));
    } else if (kind == "latin1") {
        writeFile(dir, "corpus.txt", "a simple caf\xE9 word");
    } else if (kind == "truncated") {
        writeFile(dir, "corpus.txt", "dash\xE2\x80");
    } else if (kind == "empty") {
        writeFile(dir, "corpus.txt", "");
    } else if (kind == "blank") {
        writeFile(dir, "corpus.txt", " \n\t\r\n ");
    } else if (kind == "short") {
        writeFile(dir, "corpus.txt", numberedWords(20));
    }
    const QString message = errorOf([&] { TextCorpus::load(path, 32); });
    QVERIFY2(message.startsWith(QString::fromStdString(path) + ": "), qPrintable(message));
    QVERIFY2(message.endsWith(problem), qPrintable(message));
}

void TextCorpusTest::readsUtf8Text()
{
    const QTemporaryDir dir;
    const std::string path = writeFile(dir, "utf8.txt",
                                       "\xEF\xBB\xBF"
                                       "Café au lait—naïve? \"Don't!\"\r\nWell-known, 1 @,@ 000 .\n");
    const TextCorpus corpus = TextCorpus::load(path, 10);
    QCOMPARE(corpus.name(), path);
    // 16 tokens: 14 train, 2 held out.
    QCOMPARE(corpus.trainingTokens().size() + corpus.heldOutTokens().size(), std::size_t{16});
    QCOMPARE(corpus.heldOutTokens().size(), std::size_t{2});
    const Vocabulary& v = corpus.vocabulary();
    QCOMPARE(v.word(corpus.trainingTokens()[0]), std::string("Café"));
    QCOMPARE(v.word(corpus.trainingTokens()[3]), std::string("—"));
    QCOMPARE(v.word(corpus.trainingTokens()[4]), std::string("naïve"));
    QCOMPARE(v.word(corpus.trainingTokens()[7]), std::string("Don't"));
    QCOMPARE(v.word(corpus.trainingTokens()[10]), std::string("Well-known"));
    QCOMPARE(v.word(corpus.trainingTokens()[13]), std::string("@,@"));
    QCOMPARE(corpus.blockCount(), std::size_t{1});
}

void TextCorpusTest::holdsOutTheLastTenth_data()
{
    QTest::addColumn<int>("tokens");
    QTest::addColumn<int>("heldOut");
    QTest::addRow("100 tokens") << 100 << 10;
    QTest::addRow("101 tokens") << 101 << 11;
    QTest::addRow("109 tokens") << 109 << 11;
    QTest::addRow("110 tokens") << 110 << 11;
    QTest::addRow("36 tokens, the fewest for 32") << 36 << 4;
}

void TextCorpusTest::holdsOutTheLastTenth()
{
    QFETCH(int, tokens);
    QFETCH(int, heldOut);
    const QByteArray text = numberedWords(tokens);
    const TextCorpus corpus =
        TextCorpus::fromText(std::string_view(text.constData(), std::size_t(text.size())), 32, "words");
    QCOMPARE(corpus.heldOutTokens().size(), std::size_t(heldOut));
    QCOMPARE(corpus.trainingTokens().size(), std::size_t(tokens - heldOut));
    for (std::size_t i = 0; i < corpus.trainingTokens().size(); ++i) {
        QCOMPARE(QString::fromStdString(corpus.vocabulary().word(corpus.trainingTokens()[i])), QString("t%1").arg(i));
    }
    // The held-out words never occur in training, so none is in the vocabulary.
    for (const TokenId id : corpus.heldOutTokens()) {
        QCOMPARE(id, kUnknownToken);
    }
    QCOMPARE(corpus.vocabulary().size(), kFirstWordToken + std::size_t(tokens - heldOut));
}

void TextCorpusTest::cutsConsecutiveBlocks()
{
    const QByteArray text = numberedWords(100);
    const TextCorpus corpus =
        TextCorpus::fromText(std::string_view(text.constData(), std::size_t(text.size())), 7, "words");
    QCOMPARE(corpus.blockCount(), std::size_t{12}); // 90 training tokens: 12 blocks of 7, 6 left over
    for (std::size_t b = 0; b < corpus.blockCount(); ++b) {
        const std::span<const TokenId> block = corpus.block(b);
        QCOMPARE(block.size(), std::size_t{7});
        for (std::size_t j = 0; j < block.size(); ++j) {
            QCOMPARE(QString::fromStdString(corpus.vocabulary().word(block[j])), QString("t%1").arg(7 * b + j));
        }
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, corpus.block(12));
    const std::vector<std::span<const TokenId>> blocks = corpus.blocks(3, 4);
    QCOMPARE(blocks.size(), std::size_t{4});
    QCOMPARE(blocks.front().data(), corpus.block(3).data());
    QCOMPARE(blocks.back().data(), corpus.block(6).data());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TextCorpus::fromText("a b c", 0, "words"));
}

void TextCorpusTest::unknownHeldOutWordsAreUnk()
{
    // 20 tokens: the last 2 are held out, "cat" seen in training, "zebra" not.
    const TextCorpus corpus = TextCorpus::fromText(
        "the cat sat on the mat and the dog sat on the log so the cat ran off cat zebra", 4, "pets");
    QCOMPARE(corpus.heldOutTokens().size(), std::size_t{2});
    QCOMPARE(corpus.heldOutTokens()[0], corpus.vocabulary().find("cat"));
    QVERIFY(corpus.heldOutTokens()[0] >= kFirstWordToken);
    QCOMPARE(corpus.heldOutTokens()[1], kUnknownToken);
    QCOMPARE(corpus.trainingCounts()[corpus.vocabulary().find("the")], std::uint64_t{5});
    QCOMPARE(corpus.trainingCounts()[corpus.vocabulary().find("cat")], std::uint64_t{2});
}

void TextCorpusTest::promptsAreEvenlySpaced()
{
    // 100 tokens: held out are t90 .. t99 (all <unk>), so the prompts are checked by position through a
    // corpus whose held-out words are also training words.
    QByteArray text = numberedWords(90);
    for (int i = 0; i < 10; ++i) {
        text += " t" + QByteArray::number(i);
    }
    const TextCorpus corpus =
        TextCorpus::fromText(std::string_view(text.constData(), std::size_t(text.size())), 8, "words");
    QCOMPARE(corpus.heldOutTokens().size(), std::size_t{10});
    // Starts floor(i (10 - 3) / 3) = 0, 2, 4, 7.
    const std::vector<std::span<const TokenId>> prompts = corpus.prompts(4, 3);
    QCOMPARE(prompts.size(), std::size_t{4});
    const std::vector<int> starts = {0, 2, 4, 7};
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        QCOMPARE(prompts[i].size(), std::size_t{3});
        for (std::size_t j = 0; j < 3; ++j) {
            QCOMPARE(QString::fromStdString(corpus.vocabulary().word(prompts[i][j])), QString("t%1").arg(starts[i] + int(j)));
        }
    }
    QCOMPARE(corpus.prompts(1, 3).front().data(), corpus.heldOutTokens().data());
    QVERIFY(corpus.prompts(0, 3).empty());
    QCOMPARE(corpus.prompts(2, 10).back().size(), std::size_t{10});
    const QString message = errorOf([&] { corpus.prompts(2, 11); });
    QVERIFY2(message.startsWith("words: ") && message.contains("10 tokens, fewer than a prompt of 11"),
             qPrintable(message));
}

void TextCorpusTest::rareTailIsClosestToFivePercent_data()
{
    // 112 tokens: the first 100 train, of which "common" fills what the listed words leave. The rarest words
    // are taken while that brings their share closer to 5 tokens of 100.
    QTest::addColumn<QStringList>("rare");
    QTest::addColumn<QStringList>("tail");
    QTest::addColumn<int>("tailTokens");
    // Running counts 1, 2, 4, then 7: |7 - 5| > |4 - 5|, so r4 stays out.
    QTest::addRow("stops before overshooting")
        << QStringList{"r1", "r2", "r3", "r3", "r4", "r4", "r4", "r5", "r5", "r5"} << QStringList{"r1", "r2", "r3"}
        << 4;
    // Running counts 4, then 6: as far from 5 as 4 is, so s1 stays out.
    QTest::addRow("a tie stays out") << QStringList{"r1", "r2", "r3", "r4", "s1", "s1", "s2", "s2", "s3", "s3"}
                                     << QStringList{"r1", "r2", "r3", "r4"} << 4;
    // Running counts 1, 2, 3, then 5 exactly.
    QTest::addRow("exactly five percent")
        << QStringList{"r1", "r2", "r3", "s1", "s1", "s2", "s2", "s2"} << QStringList{"r1", "r2", "r3", "s1"} << 5;
    // Three words seen twice, taken in id order a, c, b: running counts 2, 4, then 6, as far from 5 as 4 is.
    QTest::addRow("doubletons") << QStringList{"a", "a", "c", "c", "b", "b"} << QStringList{"a", "c"} << 4;
}

void TextCorpusTest::rareTailIsClosestToFivePercent()
{
    QFETCH(QStringList, rare);
    QFETCH(QStringList, tail);
    QFETCH(int, tailTokens);
    QStringList words = rare;
    while (words.size() < 100) {
        words.insert(words.size() / 2, QStringLiteral("common"));
    }
    for (int i = 0; i < 12; ++i) {
        words << QStringLiteral("held");
    }
    const std::string text = words.join(QLatin1Char(' ')).toStdString();
    const TextCorpus corpus = TextCorpus::fromText(text, 10, "tail");
    QCOMPARE(corpus.trainingTokens().size(), std::size_t{100});
    const RareTail& rareTail = corpus.rareTail();
    QStringList found;
    for (const TokenId id : rareTail.words) {
        found << QString::fromStdString(corpus.vocabulary().word(id));
        QVERIFY(rareTail.contains(id));
    }
    found.sort();
    QCOMPARE(found, tail);
    QCOMPARE(rareTail.tokenCount, std::size_t(tailTokens));
    QCOMPARE(rareTail.share, tailTokens / 100.0);
    QVERIFY(!rareTail.contains(corpus.vocabulary().find("common")));
}

QTEST_APPLESS_MAIN(TextCorpusTest)
#include "test_text_corpus.moc"
