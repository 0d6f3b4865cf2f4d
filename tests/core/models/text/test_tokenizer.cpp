// The word tokenizer (words, punctuation, apostrophes and hyphens, UTF-8, wikitext's escapes), the text shown
// for a token sequence, the UTF-8 check, and the vocabulary.

#include "core/models/text/tokenizer.h"
#include "core/models/text/vocabulary.h"

#include <QTest>

#include <string>
#include <vector>

using namespace collapse::text;

namespace {

// The tokens of `text` joined by "|", for readable comparisons.
QString joinedTokens(const std::string& text)
{
    QStringList parts;
    for (const std::string_view token : tokenize(text)) {
        parts << QString::fromUtf8(token.data(), static_cast<qsizetype>(token.size()));
    }
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TokenizerTest : public QObject {
    Q_OBJECT

private slots:
    void splitsWordsAndPunctuation_data();
    void splitsWordsAndPunctuation();
    void invalidBytesAreTokensOfTheirOwn();
    void detokenizeJoinsForReading_data();
    void detokenizeJoinsForReading();
    void findsTheFirstInvalidUtf8Byte_data();
    void findsTheFirstInvalidUtf8Byte();
    void vocabularyMapsWordsToIds();
    void reservedNamesCannotBeWords();
};

void TokenizerTest::splitsWordsAndPunctuation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tokens");
    QTest::addRow("words and punctuation") << "Hello, world."
                                           << "Hello|,|world|.";
    QTest::addRow("case kept") << "The THE the"
                               << "The|THE|the";
    QTest::addRow("apostrophe inside") << "don't stop"
                                       << "don't|stop";
    QTest::addRow("typographic apostrophe") << "l’homme isn’t"
                                            << "l’homme|isn’t";
    QTest::addRow("apostrophe at the start") << "'tis so"
                                             << "'|tis|so";
    QTest::addRow("possessive plural") << "the Bennets' house"
                                       << "the|Bennets|'|house";
    QTest::addRow("hyphen inside") << "well-known e-mail's"
                                   << "well-known|e-mail's";
    QTest::addRow("double hyphen as dash") << "rock--roll"
                                           << "rock|-|-|roll";
    QTest::addRow("hyphen at the end") << "pre- and post-war"
                                       << "pre|-|and|post-war";
    QTest::addRow("accented letters") << "café naïve Ærø"
                                      << "café|naïve|Ærø";
    QTest::addRow("em dash") << "so—then"
                             << "so|—|then";
    QTest::addRow("curly quotes") << "“Quoted” ‘single’"
                                  << "“|Quoted|”|‘|single|’";
    QTest::addRow("emphasis marks") << "_You_ may, _she_ said"
                                    << "You|may|,|she|said";
    QTest::addRow("brackets") << "(x) [y]"
                              << "(|x|)|[|y|]";
    QTest::addRow("digits") << "3.14 and 1990s"
                            << "3|.|14|and|1990s";
    QTest::addRow("wikitext escapes") << "1 @,@ 000 km @-@ long , 2 @.@ 5"
                                      << "1|@,@|000|km|@-@|long|,|2|@.@|5";
    QTest::addRow("wikitext heading") << " = Valkyria Chronicles III = \n"
                                      << "=|Valkyria|Chronicles|III|=";
    QTest::addRow("white space") << "tab\tnew\nline\r\n  end"
                                 << "tab|new|line|end";
    QTest::addRow("no-break space") << "x\u00A0y"
                                    << "x|y";
    QTest::addRow("byte order mark") << "\uFEFFStart"
                                     << "Start";
    QTest::addRow("currency") << "price: £5, €3"
                              << "price|:|£|5|,|€|3";
    QTest::addRow("ellipsis") << "wait…"
                              << "wait|…";
    QTest::addRow("CJK with its full stop") << "日本語。"
                                            << "日本語|。";
    QTest::addRow("emoji") << "ok😀!"
                           << "ok|😀|!";
    QTest::addRow("angle brackets") << "<unk> <s>"
                                    << "<|unk|>|<|s|>";
    QTest::addRow("empty") << ""
                           << "";
    QTest::addRow("only spaces") << " \n\t "
                                 << "";
}

void TokenizerTest::splitsWordsAndPunctuation()
{
    QFETCH(QString, text);
    QFETCH(QString, tokens);
    QCOMPARE(joinedTokens(text.toStdString()), tokens);
}

void TokenizerTest::invalidBytesAreTokensOfTheirOwn()
{
    const std::vector<std::string_view> tokens = tokenize("a\xFF"
                                                          "b \xE2\x82");
    QCOMPARE(tokens.size(), std::size_t{5});
    QCOMPARE(tokens[0], std::string_view("a"));
    QCOMPARE(tokens[1], std::string_view("\xFF"));
    QCOMPARE(tokens[2], std::string_view("b"));
    QCOMPARE(tokens[3], std::string_view("\xE2"));
    QCOMPARE(tokens[4], std::string_view("\x82"));
}

void TokenizerTest::detokenizeJoinsForReading_data()
{
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<QString>("text");
    QTest::addRow("sentence") << "Hello|,|world|."
                              << "Hello, world.";
    QTest::addRow("straight quotes") << "\"|Yes|,|\"|said|she|."
                                     << "\"Yes,\" said she.";
    QTest::addRow("two quotations") << "\"|A|\"|and|\"|B|\""
                                    << "\"A\" and \"B\"";
    QTest::addRow("one speech after another") << "\"|Yes|.|\"|\"|No|.|\""
                                              << "\"Yes.\" \"No.\"";
    QTest::addRow("a passage that starts inside a speech") << "sure|.|\"|\"|I|am"
                                                           << "sure.\" \"I am";
    QTest::addRow("brackets") << "(|x|)|y"
                              << "(x) y";
    QTest::addRow("curly quotes") << "“|Hi|”|he|said"
                                  << "“Hi” he said";
    QTest::addRow("wikitext hyphen") << "well|@-@|known"
                                     << "well-known";
    QTest::addRow("wikitext number") << "1|@,@|000|and|2|@.@|5"
                                     << "1,000 and 2.5";
    QTest::addRow("dashes") << "so|—|then|-|-|now"
                            << "so—then--now";
    QTest::addRow("question and colon") << "Why|?|Because|:|so"
                                        << "Why? Because: so";
}

void TokenizerTest::detokenizeJoinsForReading()
{
    QFETCH(QString, tokens);
    QFETCH(QString, text);
    std::vector<std::string> owned;
    for (const QString& token : tokens.split(QLatin1Char('|'))) {
        owned.push_back(token.toStdString());
    }
    const std::vector<std::string_view> views(owned.begin(), owned.end());
    QCOMPARE(QString::fromStdString(detokenize(views)), text);
}

void TokenizerTest::findsTheFirstInvalidUtf8Byte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    const qsizetype valid = -1;
    QTest::addRow("ASCII") << QByteArray("plain text") << valid;
    QTest::addRow("two to four bytes") << QByteArray("é—€😀") << valid;
    QTest::addRow("largest code point") << QByteArray("\xF4\x8F\xBF\xBF") << valid;
    QTest::addRow("stray continuation") << QByteArray("a\x80") << qsizetype(1);
    QTest::addRow("overlong slash") << QByteArray("\xC0\xAF") << qsizetype(0);
    QTest::addRow("overlong three bytes") << QByteArray("ab\xE0\x80\xAF") << qsizetype(2);
    QTest::addRow("surrogate") << QByteArray("\xED\xA0\x80") << qsizetype(0);
    QTest::addRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << qsizetype(0);
    QTest::addRow("truncated at the end") << QByteArray("ab\xE2\x82") << qsizetype(2);
    QTest::addRow("Latin-1 byte") << QByteArray("caf\xE9!") << qsizetype(3);
    QTest::addRow("byte FF") << QByteArray("\xFF") << qsizetype(0);
}

void TokenizerTest::findsTheFirstInvalidUtf8Byte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    const std::size_t found =
        invalidUtf8Offset(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    QCOMPARE(found == std::string_view::npos ? qsizetype(-1) : static_cast<qsizetype>(found), offset);
}

void TokenizerTest::vocabularyMapsWordsToIds()
{
    Vocabulary vocabulary;
    QCOMPARE(vocabulary.size(), std::size_t{2});
    QCOMPARE(vocabulary.word(kUnknownToken), std::string("<unk>"));
    QCOMPARE(vocabulary.word(kSequenceStart), std::string("<s>"));
    const TokenId the = vocabulary.add("the");
    const TokenId cat = vocabulary.add("cat");
    QCOMPARE(the, kFirstWordToken);
    QCOMPARE(cat, kFirstWordToken + 1);
    QCOMPARE(vocabulary.add("the"), the);
    QCOMPARE(vocabulary.find("cat"), cat);
    QCOMPARE(vocabulary.find("dog"), kUnknownToken);
    QCOMPARE(vocabulary.find("The"), kUnknownToken);
    QCOMPARE(vocabulary.size(), std::size_t{4});
    QCOMPARE(vocabulary.word(cat), std::string("cat"));
    const std::vector<TokenId> ids = {the, cat, vocabulary.add(".")};
    QCOMPARE(vocabulary.detokenize(ids), std::string("the cat."));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, vocabulary.word(99));
}

void TokenizerTest::reservedNamesCannotBeWords()
{
    Vocabulary vocabulary;
    for (const std::string_view token : tokenize("<unk> <s>")) {
        QVERIFY(vocabulary.add(token) >= kFirstWordToken);
    }
    QCOMPARE(vocabulary.find("<unk>"), kUnknownToken);
    QCOMPARE(vocabulary.size(), std::size_t{6}); // the reserved two, then "<", "unk", ">", "s"
}

QTEST_APPLESS_MAIN(TokenizerTest)
#include "test_tokenizer.moc"
