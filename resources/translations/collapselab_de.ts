<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FigureRenderer</name>
    <message>
        <source>Panels: chain %1 of %2 at the generation above each.</source>
        <translation>Bilder: Kette %1 von %2 in der darüber genannten Generation.</translation>
    </message>
    <message>
        <source>Charts: median over the chains (line) and 10–90% band; dotted, the original&apos;s value; vertical lines, the generations shown.</source>
        <translation>Diagramme: Median über die Ketten (Linie) und 10–90-%-Band; gepunktet der Wert des Originals; senkrechte Linien die gezeigten Generationen.</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>What can we do about it?</source>
        <translation>Was können wir dagegen tun?</translation>
    </message>
    <message>
        <source>The mitigations the literature found: fresh real data, keeping the old data, adding rather than replacing, and a warning about filtering.</source>
        <translation>Die Gegenmittel aus der Literatur: frische echte Daten, die alten Daten behalten, hinzufügen statt ersetzen – und eine Warnung vor dem Filtern.</translation>
    </message>
    <message>
        <source>One chain trains only on its own samples; the other gets 10% fresh real data every generation. Which keeps its spread?</source>
        <translation>Eine Kette lernt nur aus ihren eigenen Stichproben, die andere bekommt in jeder Generation 10 % frische echte Daten. Welche behält ihre Streuung?</translation>
    </message>
    <message>
        <source>A little fresh real data each generation holds the model near the original (Shumailov et al.; Gerstgrasser et al. 2024).</source>
        <translation>Ein wenig frische echte Daten in jeder Generation halten das Modell nahe am Original (Shumailov et al.; Gerstgrasser et al. 2024).</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The one with 10% real data</source>
        <translation>Die mit 10 % echten Daten</translation>
    </message>
    <message>
        <source>Both do</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Instead of throwing last generation&apos;s data away, keep all of it and add the new. Does the model still forget?</source>
        <translation>Statt die Daten der letzten Generation wegzuwerfen, werden alle behalten und die neuen hinzugefügt. Vergisst das Modell trotzdem?</translation>
    </message>
    <message>
        <source>Accumulating data bounds the error: every generation still sees the real data of generation 0 (Gerstgrasser et al. 2024, &quot;Is model collapse inevitable?&quot;).</source>
        <translation>Angesammelte Daten begrenzen den Fehler: Jede Generation sieht noch die echten Daten der Generation 0 (Gerstgrasser et al. 2024, „Is model collapse inevitable?“).</translation>
    </message>
    <message>
        <source>Yes, just as fast</source>
        <translation>Ja, genauso schnell</translation>
    </message>
    <message>
        <source>Much less: the spread stays</source>
        <translation>Viel weniger: Die Streuung bleibt</translation>
    </message>
    <message>
        <source>It forgets faster</source>
        <translation>Es vergisst schneller</translation>
    </message>
    <message>
        <source>A linear regression is refitted to labels its last fit made. Whose test error grows without bound: replacing the labels, or accumulating them?</source>
        <translation>Eine lineare Regression wird an Zielwerte angepasst, die ihre letzte Anpassung erzeugt hat. Wessen Testfehler wächst ohne Grenze: beim Ersetzen der Zielwerte oder beim Ansammeln?</translation>
    </message>
    <message>
        <source>Replacing adds the same error every generation, σ²d/(T − d − 1); accumulating keeps it below a constant (Dohmatob et al. 2024).</source>
        <translation>Ersetzen fügt in jeder Generation denselben Fehler hinzu, σ²d/(T − d − 1); Ansammeln hält ihn unter einer Konstanten (Dohmatob et al. 2024).</translation>
    </message>
    <message>
        <source>Replacing</source>
        <translation>Beim Ersetzen</translation>
    </message>
    <message>
        <source>Accumulating</source>
        <translation>Beim Ansammeln</translation>
    </message>
    <message>
        <source>All data is kept, but only the 10% of synthetic samples the model finds most likely are added. What happens?</source>
        <translation>Alle Daten werden behalten, aber nur die 10 % der synthetischen Stichproben, die das Modell für am wahrscheinlichsten hält, kommen hinzu. Was geschieht?</translation>
    </message>
    <message>
        <source>A quality filter that keeps what looks typical throws the tails away on purpose: selection speeds collapse up even when every generation&apos;s data is kept (Qiao et al. 2026).</source>
        <translation>Ein Qualitätsfilter, der behält, was typisch aussieht, wirft die Ränder absichtlich weg: Auswahl beschleunigt den Kollaps, selbst wenn die Daten jeder Generation behalten werden (Qiao et al. 2026).</translation>
    </message>
    <message>
        <source>The spread is kept, as without filtering</source>
        <translation>Die Streuung bleibt, wie ohne Filter</translation>
    </message>
    <message>
        <source>The spread collapses anyway</source>
        <translation>Die Streuung kollabiert trotzdem</translation>
    </message>
    <message>
        <source>The spread grows</source>
        <translation>Die Streuung wächst</translation>
    </message>
    <message>
        <source>What is model collapse?</source>
        <translation>Was ist Modellkollaps?</translation>
    </message>
    <message>
        <source>Five generative models, each trained on what the one before it made. Before each run plays, guess what it will forget.</source>
        <translation>Fünf generative Modelle, jedes trainiert mit dem, was das vorige erzeugt hat. Raten Sie vor jedem Lauf, was es vergessen wird.</translation>
    </message>
    <message>
        <source>A normal is fitted to 100 samples of the last fitted normal, 500 times over. What happens to its spread?</source>
        <translation>Eine Normalverteilung wird an 100 Stichproben der zuletzt angepassten Normalverteilung angepasst, 500-mal hintereinander. Was geschieht mit ihrer Streuung?</translation>
    </message>
    <message>
        <source>Each fit misses a little of the tails, and nothing brings them back: the variance shrinks to zero in almost every chain, although its mean is kept (Shumailov et al., Theorem 3.1).</source>
        <translation>Jede Anpassung verfehlt ein wenig von den Rändern, und nichts bringt sie zurück: Die Varianz schrumpft in fast jeder Kette gegen null, obwohl ihr Mittelwert erhalten bleibt (Shumailov et al., Satz 3.1).</translation>
    </message>
    <message>
        <source>It stays about the same</source>
        <translation>Sie bleibt etwa gleich</translation>
    </message>
    <message>
        <source>It grows without bound</source>
        <translation>Sie wächst ohne Grenze</translation>
    </message>
    <message>
        <source>It shrinks towards zero</source>
        <translation>Sie schrumpft gegen null</translation>
    </message>
    <message>
        <source>One cat in ten is blue. The model of their fur colour is trained on its own drawings. What happens to the blue cats?</source>
        <translation>Eine von zehn Katzen ist blau. Das Modell ihrer Fellfarbe lernt aus seinen eigenen Zeichnungen. Was geschieht mit den blauen Katzen?</translation>
    </message>
    <message>
        <source>The rare colour is the first thing a model forgets: the tails go first. The blue cats are a minority in the data, and the model&apos;s own drawings hold fewer of them each time.</source>
        <translation>Die seltene Farbe vergisst ein Modell zuerst: Die Ränder gehen zuerst verloren. Die blauen Katzen sind in den Daten in der Minderheit, und die eigenen Zeichnungen des Modells enthalten jedes Mal weniger davon.</translation>
    </message>
    <message>
        <source>They vanish: every cat turns yellow</source>
        <translation>Sie verschwinden: Alle Katzen werden gelb</translation>
    </message>
    <message>
        <source>They take over</source>
        <translation>Sie setzen sich durch</translation>
    </message>
    <message>
        <source>They stay one in ten</source>
        <translation>Es bleibt eine von zehn</translation>
    </message>
    <message>
        <source>Four clusters, one of them holding 5% of the data. A mixture of four is fitted by EM to its own samples, 300 times over. What becomes of the clusters?</source>
        <translation>Vier Cluster, einer davon mit 5 % der Daten. Eine Mischung aus vier Komponenten wird per EM an ihre eigenen Stichproben angepasst, 300-mal hintereinander. Was wird aus den Clustern?</translation>
    </message>
    <message>
        <source>Every component narrows generation by generation: the tails go first, then the spread, until each cluster is a spike, as in the paper&apos;s Fig. 2. Real data becomes vanishingly unlikely under the model.</source>
        <translation>Jede Komponente wird von Generation zu Generation schmaler: Zuerst gehen die Ränder, dann die Streuung, bis jeder Cluster eine Spitze ist, wie in Abb. 2 des Artikels. Echte Daten werden unter dem Modell verschwindend unwahrscheinlich.</translation>
    </message>
    <message>
        <source>They keep their shape</source>
        <translation>Sie behalten ihre Form</translation>
    </message>
    <message>
        <source>They narrow into spikes</source>
        <translation>Sie werden zu schmalen Spitzen</translation>
    </message>
    <message>
        <source>They merge into one wide cloud</source>
        <translation>Sie verschmelzen zu einer breiten Wolke</translation>
    </message>
    <message>
        <source>A language model writes text by beam search and the next one learns from it, ten times over. How many different words does it still use?</source>
        <translation>Ein Sprachmodell schreibt Text per Strahlsuche, und das nächste lernt daraus, zehnmal hintereinander. Wie viele verschiedene Wörter verwendet es noch?</translation>
    </message>
    <message>
        <source>The likeliest phrases win each generation and the rare words drop out: each generation uses fewer words than the last, as in the paper&apos;s OPT-125m experiment.</source>
        <translation>Die wahrscheinlichsten Wendungen setzen sich in jeder Generation durch, und die seltenen Wörter fallen weg: Jede Generation verwendet weniger Wörter als die vorige, wie im OPT-125m-Experiment des Artikels.</translation>
    </message>
    <message>
        <source>More and more</source>
        <translation>Immer mehr</translation>
    </message>
    <message>
        <source>About as many</source>
        <translation>Etwa gleich viele</translation>
    </message>
    <message>
        <source>Far fewer</source>
        <translation>Viel weniger</translation>
    </message>
    <message>
        <source>A diffusion model learns eight blobs on a ring, then learns from its own samples. How many of the eight does it still make?</source>
        <translation>Ein Diffusionsmodell lernt acht Flecken auf einem Ring und danach aus seinen eigenen Stichproben. Wie viele der acht erzeugt es noch?</translation>
    </message>
    <message>
        <source>Image generators collapse too: each model&apos;s small errors blur the blobs into the space between them, the next model learns the blur as if it were real, and within a dozen generations none of the eight is left.</source>
        <translation>Auch Bildgeneratoren kollabieren: Die kleinen Fehler jedes Modells verwischen die Flecken in den Raum dazwischen, das nächste Modell lernt die Unschärfe, als wäre sie echt, und nach einem Dutzend Generationen ist keiner der acht mehr übrig.</translation>
    </message>
    <message>
        <source>All eight</source>
        <translation>Alle acht</translation>
    </message>
    <message>
        <source>Fewer and fewer</source>
        <translation>Immer weniger</translation>
    </message>
    <message>
        <source>More than eight</source>
        <translation>Mehr als acht</translation>
    </message>
    <message>
        <source>That was one chain of many. Here are nine of them, each with its own random samples. How many keep their spread?</source>
        <translation>Das war eine Kette von vielen. Hier sind neun davon, jede mit ihren eigenen Zufallsstichproben. Wie viele behalten ihre Streuung?</translation>
    </message>
    <message>
        <source>Chance decides how fast a chain narrows, not whether it does: every chain loses its tails, some sooner, some later. The variance goes to zero almost surely (Shumailov et al., Theorem 3.1).</source>
        <translation>Der Zufall entscheidet, wie schnell eine Kette schmaler wird, nicht ob: Jede Kette verliert ihre Ränder, manche früher, manche später. Die Varianz geht fast sicher gegen null (Shumailov et al., Theorem 3.1).</translation>
    </message>
    <message>
        <source>Most: that one was unlucky</source>
        <translation>Die meisten: Jene hatte Pech</translation>
    </message>
    <message>
        <source>About half</source>
        <translation>Etwa die Hälfte</translation>
    </message>
    <message>
        <source>Hardly any: collapse is the rule</source>
        <translation>Kaum eine: Der Kollaps ist die Regel</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>Training-set size</source>
        <translation>Größe der Trainingsmenge</translation>
    </message>
    <message>
        <source>Mass in the original&apos;s tails</source>
        <translation>Masse in den Rändern des Originals</translation>
    </message>
    <message>
        <source>Share of blue cats</source>
        <translation>Anteil blauer Katzen</translation>
    </message>
    <message>
        <source>Hue of the blue cats (°)</source>
        <translation>Farbton der blauen Katzen (°)</translation>
    </message>
    <message>
        <source>Spread of fur colour (°)</source>
        <translation>Streuung der Fellfarbe (°)</translation>
    </message>
    <message>
        <source>Mean μ</source>
        <translation>Mittelwert μ</translation>
    </message>
    <message>
        <source>Standard deviation σ</source>
        <translation>Standardabweichung σ</translation>
    </message>
    <message>
        <source>Distance to the original (W₂)</source>
        <translation>Abstand zum Original (W₂)</translation>
    </message>
    <message>
        <source>Log-likelihood of real data</source>
        <translation>Log-Likelihood echter Daten</translation>
    </message>
    <message>
        <source>L² distance to the original</source>
        <translation>L²-Abstand zum Original</translation>
    </message>
    <message>
        <source>Spread (standard deviation)</source>
        <translation>Streuung (Standard­abweichung)</translation>
    </message>
    <message>
        <source>Smallest component weight</source>
        <translation>Kleinstes Komponentengewicht</translation>
    </message>
    <message>
        <source>Effective components</source>
        <translation>Effektive Komponenten</translation>
    </message>
    <message>
        <source>ELBO of real images (nats)</source>
        <translation>ELBO echter Bilder (nats)</translation>
    </message>
    <message>
        <source>Latent spread (generation-0 encoder)</source>
        <translation>Latente Streuung (Encoder der Generation 0)</translation>
    </message>
    <message>
        <source>Diversity (mean distance between images)</source>
        <translation>Vielfalt (mittlerer Abstand der Bilder)</translation>
    </message>
    <message>
        <source>Class entropy (ln 10: all ten classes)</source>
        <translation>Klassenentropie (ln 10: alle zehn Klassen)</translation>
    </message>
    <message>
        <source>Perplexity of real text</source>
        <translation>Perplexität echten Textes</translation>
    </message>
    <message>
        <source>Perplexity under generation 0</source>
        <translation>Perplexität unter Generation 0</translation>
    </message>
    <message>
        <source>Words in use</source>
        <translation>Verwendete Wörter</translation>
    </message>
    <message>
        <source>Distinct word pairs</source>
        <translation>Verschiedene Wortpaare</translation>
    </message>
    <message>
        <source>Repeated 4-grams</source>
        <translation>Wiederholte 4-Gramme</translation>
    </message>
    <message>
        <source>Blue cats still drawn</source>
        <translation>Noch gezogene blaue Katzen</translation>
    </message>
    <message>
        <source>Narrowest component&apos;s spread</source>
        <translation>Streuung der schmalsten Komponente</translation>
    </message>
    <message>
        <source>Widest component&apos;s spread</source>
        <translation>Streuung der breitesten Komponente</translation>
    </message>
    <message>
        <source>Precision (samples that look real)</source>
        <translation>Precision (echt wirkende Stichproben)</translation>
    </message>
    <message>
        <source>Recall (original still covered)</source>
        <translation>Recall (noch abgedecktes Original)</translation>
    </message>
    <message>
        <source>Distance to the original (sliced W₂)</source>
        <translation>Abstand zum Original (Sliced W₂)</translation>
    </message>
    <message>
        <source>Modes kept (of 8)</source>
        <translation>Erhaltene Moden (von 8)</translation>
    </message>
    <message>
        <source>Fréchet distance (our classifier, not FID)</source>
        <translation>Fréchet-Abstand (eigener Klassifikator, nicht FID)</translation>
    </message>
    <message>
        <source>Share the classifier calls the class</source>
        <translation>Anteil, den der Klassifikator der Kategorie zuordnet</translation>
    </message>
    <message>
        <source>Spread (RMS standard deviation)</source>
        <translation>Streuung (RMS-Standardabweichung)</translation>
    </message>
    <message>
        <source>Perplexity under generation 0, p90</source>
        <translation>Perplexität unter Generation 0, p90</translation>
    </message>
    <message>
        <source>Test error</source>
        <translation>Testfehler</translation>
    </message>
    <message>
        <source>Label spread</source>
        <translation>Streuung der Labels</translation>
    </message>
    <message>
        <source>First coefficient</source>
        <translation>Erster Koeffizient</translation>
    </message>
    <message>
        <source>Test loss (−log-likelihood of real data)</source>
        <translation>Testverlust (−Log-Likelihood echter Daten)</translation>
    </message>
    <message>
        <source>Test loss since generation 0</source>
        <translation>Testverlust seit Generation 0</translation>
    </message>
    <message>
        <source>Share of chains helped</source>
        <translation>Anteil geholfener Ketten</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>Cats (fur colour)</source>
        <translation>Katzen (Fellfarbe)</translation>
    </message>
    <message>
        <source>Gaussian mixture (EM)</source>
        <translation>Gaußsche Mischung (EM)</translation>
    </message>
    <message>
        <source>Gaussian (one normal)</source>
        <translation>Gauß (eine Normalverteilung)</translation>
    </message>
    <message>
        <source>VAE (images)</source>
        <translation>VAE (Bilder)</translation>
    </message>
    <message>
        <source>Diffusion (points or images)</source>
        <translation>Diffusion (Punkte oder Bilder)</translation>
    </message>
    <message>
        <source>Text (language model)</source>
        <translation>Text (Sprachmodell)</translation>
    </message>
    <message>
        <source>Regression (least squares)</source>
        <translation>Regression (kleinste Quadrate)</translation>
    </message>
    <message>
        <source>Kernel density estimate</source>
        <translation>Kerndichteschätzer</translation>
    </message>
</context>
<context>
    <name>Narration</name>
    <message>
        <source>Early model collapse: word for word, real text is %1 times less likely than under generation 0. The model is forgetting the language it learned.</source>
        <translation>Früher Modellkollaps: Wort für Wort ist echter Text %1-mal weniger wahrscheinlich als unter Generation 0. Das Modell vergisst die Sprache, die es gelernt hat.</translation>
    </message>
    <message>
        <source>The images are drifting from the original: each generation blurs them a little more, and real images fit the model %2 nats worse than at generation 0.</source>
        <translation>Die Bilder entfernen sich vom Original: Jede Generation macht sie etwas unschärfer, und echte Bilder passen %2 nats schlechter zum Modell als in Generation 0.</translation>
    </message>
    <message>
        <source>Early model collapse: the images blur and grow alike, and real images fit the model %2 nats worse than at generation 0. The rarer kinds of clothing go first.</source>
        <translation>Früher Modellkollaps: Die Bilder verschwimmen und gleichen sich an, echte Bilder passen %2 nats schlechter zum Modell als in Generation 0. Die selteneren Kleidungsarten gehen zuerst.</translation>
    </message>
    <message>
        <source>Late model collapse: the images are the same grey blur. What is left bears little resemblance to the original images.</source>
        <translation>Später Modellkollaps: Die Bilder sind alle derselbe graue Fleck. Was bleibt, hat mit den ursprünglichen Bildern wenig gemein.</translation>
    </message>
    <message>
        <source>late collapse: the images are the same blur.</source>
        <translation>später Kollaps: Die Bilder sind alle derselbe Fleck.</translation>
    </message>
    <message>
        <source>The samples are drifting from the original: each generation blurs what it learnt a little, so more of them fall where the original has nothing.</source>
        <translation>Die Stichproben entfernen sich vom Original: Jede Generation verwischt ein wenig, was sie gelernt hat, sodass mehr von ihnen dort liegen, wo das Original nichts hat.</translation>
    </message>
    <message>
        <source>Late model collapse: the samples have shrunk into one smooth blob. What is left bears little resemblance to the original.</source>
        <translation>Später Modellkollaps: Die Stichproben sind zu einem glatten Klumpen geschrumpft. Was bleibt, hat wenig Ähnlichkeit mit dem Original.</translation>
    </message>
    <message>
        <source>late collapse: one smooth blob is left.</source>
        <translation>später Kollaps: Ein glatter Klumpen bleibt.</translation>
    </message>
    <message>
        <source>Early model collapse: the original&apos;s structure is washing out — what was sharp blurs into the space between — while the blur still covers the original.</source>
        <translation>Früher Modellkollaps: Die Struktur des Originals verwäscht – was scharf war, verschwimmt in den Raum dazwischen –, während die Unschärfe das Original noch abdeckt.</translation>
    </message>
    <message>
        <source>The fit is drifting from the truth: its test error is %2 above generation 0&apos;s, and each generation on its own labels adds its own error to all the earlier ones.</source>
        <translation>Die Anpassung entfernt sich von der Wahrheit: Ihr Testfehler liegt %2 über dem von Generation 0, und jede Generation auf den eigenen Labels fügt allen früheren Fehlern ihren eigenen hinzu.</translation>
    </message>
    <message>
        <source>Model collapse under way: the fit has wandered far from the truth (test error up by %2). Refitted to its own labels, it inherits every earlier fit&apos;s error, and the errors never cancel.</source>
        <translation>Modellkollaps im Gange: Die Anpassung hat sich weit von der Wahrheit entfernt (Testfehler um %2 gestiegen). Auf die eigenen Labels neu angepasst, erbt sie den Fehler jeder früheren Anpassung, und die Fehler heben sich nie auf.</translation>
    </message>
    <message>
        <source>The estimate is drifting from the original (%2 further away): each generation&apos;s points are copies of a random few of the last one&apos;s, moved by the kernel&apos;s noise.</source>
        <translation>Die Schätzung entfernt sich vom Original (%2 weiter weg): Die Punkte jeder Generation sind Kopien weniger zufälliger Punkte der vorigen, vom Rauschen des Kerns verschoben.</translation>
    </message>
    <message>
        <source>Model collapse under way: the estimate has lost the original&apos;s shape. Too narrow a kernel lets the points coalesce into clumps; too wide a kernel blurs them apart.</source>
        <translation>Modellkollaps im Gange: Die Schätzung hat die Form des Originals verloren. Ein zu schmaler Kern lässt die Punkte zu Klumpen verschmelzen; ein zu breiter verwischt sie.</translation>
    </message>
    <message>
        <source>Late model collapse: the model writes from a small stock of words, under a twelfth of generation 0&apos;s, and repeats its phrases. What is left bears little resemblance to the original text.</source>
        <translation>Später Modellkollaps: Das Modell schreibt aus einem kleinen Vorrat an Wörtern, weniger als einem Zwölftel dessen der Generation 0, und wiederholt seine Wendungen. Was bleibt, hat mit dem Originaltext wenig gemein.</translation>
    </message>
    <message>
        <source>late collapse: a twelfth of the words it started with.</source>
        <translation>später Kollaps: ein Zwölftel der Wörter vom Anfang.</translation>
    </message>
</context>
<context>
    <name>Parameters</name>
    <message>
        <source>New seed</source>
        <translation>Neuer Startwert</translation>
    </message>
    <message>
        <source>Draw a new random seed: the same parameters, another roll of the dice.</source>
        <translation>Einen neuen Zufallsstartwert ziehen: dieselben Parameter, ein neuer Wurf.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unbiased (M − 1)</source>
        <translation>Erwartungstreu (M − 1)</translation>
    </message>
    <message>
        <source>Maximum likelihood (M)</source>
        <translation>Maximum Likelihood (M)</translation>
    </message>
    <message>
        <source>Variance estimator</source>
        <translation>Varianzschätzer</translation>
    </message>
    <message>
        <source>Unbiased divides the squared deviations by M − 1, the choice of the paper&apos;s theorem; maximum likelihood divides by M.</source>
        <translation>Erwartungstreu teilt die quadrierten Abweichungen durch M − 1, wie im Satz des Artikels; Maximum Likelihood teilt durch M.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>The same scenario and seed always give the same results, byte for byte.</source>
        <translation>Dasselbe Szenario mit demselben Startwert liefert immer dieselben Ergebnisse, Byte für Byte.</translation>
    </message>
    <message>
        <source>Generations</source>
        <translation>Generationen</translation>
    </message>
    <message>
        <source>How many times the model is refitted on data made by the one before.</source>
        <translation>Wie oft das Modell neu an Daten angepasst wird, die das vorige erzeugt hat.</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Independent chains run side by side; the charts show their median and 10–90% band.</source>
        <translation>Unabhängige Ketten nebeneinander; die Diagramme zeigen ihren Median und das 10–90-%-Band.</translation>
    </message>
    <message>
        <source>Sample size</source>
        <translation>Stichprobengröße</translation>
    </message>
    <message>
        <source>How many samples each generation trains on. Small samples miss rare events, so the tails are forgotten first: the statistical approximation error.</source>
        <translation>Wie viele Beispiele jede Generation zum Lernen hat. Kleine Stichproben verpassen seltene Ereignisse, also werden die Ränder zuerst vergessen: der statistische Approximationsfehler.</translation>
    </message>
    <message>
        <source>Human data</source>
        <translation>Menschliche Daten</translation>
    </message>
    <message>
        <source>Share of every generation&apos;s training data drawn fresh from the original, human data. A little real data in every generation keeps the model near the original.</source>
        <translation>Anteil der Trainingsdaten jeder Generation, der frisch aus den ursprünglichen, menschlichen Daten stammt. Ein wenig echte Daten in jeder Generation halten das Modell nah am Original.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Accumulate</source>
        <translation>Ansammeln</translation>
    </message>
    <message>
        <source>Accumulate, subsample to M</source>
        <translation>Ansammeln, auf M unterabtasten</translation>
    </message>
    <message>
        <source>Data policy</source>
        <translation>Datenstrategie</translation>
    </message>
    <message>
        <source>Filter rate</source>
        <translation>Filterrate</translation>
    </message>
    <message>
        <source>Share of synthetic samples recognised, for example by a watermark, and dropped before training.</source>
        <translation>Anteil synthetischer Beispiele, die erkannt werden, etwa an einem Wasserzeichen, und vor dem Lernen wegfallen.</translation>
    </message>
    <message>
        <source>Sampling bias λ</source>
        <translation>Stichprobenverzerrung λ</translation>
    </message>
    <message>
        <source>1 samples the model faithfully; below 1 samples toward its modes, as low-temperature decoding does: the functional approximation error.</source>
        <translation>1 zieht getreu aus dem Modell; unter 1 zieht es zu seinen Modi hin, wie Dekodieren mit niedriger Temperatur: der funktionale Approximationsfehler.</translation>
    </message>
    <message>
        <source>Model capacity</source>
        <translation>Modellkapazität</translation>
    </message>
    <message>
        <source>How expressive the model is. Too little cannot represent the original: the functional expressivity error.</source>
        <translation>Wie ausdrucksstark das Modell ist. Zu wenig kann das Original nicht darstellen: der Fehler der funktionalen Ausdruckskraft.</translation>
    </message>
    <message>
        <source>Blue cats</source>
        <translation>Blaue Katzen</translation>
    </message>
    <message>
        <source>Share of blue cats among the original ones; the rest are yellow.</source>
        <translation>Anteil blauer Katzen unter den ursprünglichen; die übrigen sind gelb.</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>Schrumpfung</translation>
    </message>
    <message>
        <source>How strongly each fitted colour is pulled toward the average colour, in cats: 0 copies the cats faithfully; more turns rare blue cats green, then yellow.</source>
        <translation>Wie stark jede angepasste Farbe zur Durchschnittsfarbe gezogen wird, in Katzen: 0 kopiert die Katzen getreu; mehr macht seltene blaue Katzen grün, dann gelb.</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Data in one or two dimensions.</source>
        <translation>Daten in einer oder zwei Dimensionen.</translation>
    </message>
    <message>
        <source>Original clusters</source>
        <translation>Ursprüngliche Cluster</translation>
    </message>
    <message>
        <source>How many clusters the original, human data has.</source>
        <translation>Wie viele Cluster die ursprünglichen, menschlichen Daten haben.</translation>
    </message>
    <message>
        <source>Cluster separation</source>
        <translation>Abstand der Cluster</translation>
    </message>
    <message>
        <source>Distance of the original clusters&apos; centres from the origin, in cluster standard deviations.</source>
        <translation>Abstand der Clusterzentren des Originals vom Ursprung, in Standardabweichungen eines Clusters.</translation>
    </message>
    <message>
        <source>Last cluster&apos;s share</source>
        <translation>Anteil des letzten Clusters</translation>
    </message>
    <message>
        <source>Weight of the original&apos;s last cluster: make it small to watch a minority disappear.</source>
        <translation>Gewicht des letzten Clusters im Original: Klein gewählt, sieht man eine Minderheit verschwinden.</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Diagonal</source>
        <translation>Diagonal</translation>
    </message>
    <message>
        <source>Covariance</source>
        <translation>Kovarianz</translation>
    </message>
    <message>
        <source>Each fitted component&apos;s covariance: full or diagonal.</source>
        <translation>Die Kovarianz jeder angepassten Komponente: voll oder diagonal.</translation>
    </message>
    <message>
        <source>EM tolerance</source>
        <translation>EM-Toleranz</translation>
    </message>
    <message>
        <source>EM stops when the mean log-likelihood per sample changes by less than this.</source>
        <translation>EM hält an, wenn sich die mittlere Log-Likelihood pro Beispiel um weniger als diesen Wert ändert.</translation>
    </message>
    <message>
        <source>EM iteration cap</source>
        <translation>EM-Iterationsgrenze</translation>
    </message>
    <message>
        <source>EM stops after this many iterations at the latest.</source>
        <translation>EM hält spätestens nach so vielen Iterationen an.</translation>
    </message>
    <message>
        <source>Covariance floor</source>
        <translation>Kovarianzuntergrenze</translation>
    </message>
    <message>
        <source>Added to every covariance&apos;s diagonal, so a collapsed component stays a density.</source>
        <translation>Wird zur Diagonale jeder Kovarianz addiert, damit eine kollabierte Komponente eine Dichte bleibt.</translation>
    </message>
    <message>
        <source>Minority class share</source>
        <translation>Anteil der Minderheitsklasse</translation>
    </message>
    <message>
        <source>The minority class&apos;s share of the real images.</source>
        <translation>Der Anteil der Minderheitsklasse an den echten Bildern.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>The real images: the bundled Fashion-MNIST subset, or any MNIST-format (IDX) image file.</source>
        <translation>Die echten Bilder: die mitgelieferte Fashion-MNIST-Auswahl oder eine beliebige Bilddatei im MNIST-Format (IDX).</translation>
    </message>
    <message>
        <source>IDX image files (*idx3-ubyte *idx3-ubyte.gz)</source>
        <translation>IDX-Bilddateien (*idx3-ubyte *idx3-ubyte.gz)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate.</source>
        <translation>Die Lernrate von Adam.</translation>
    </message>
    <message>
        <source>Minority class</source>
        <translation>Minderheitsklasse</translation>
    </message>
    <message>
        <source>Make one class of real images rare, to watch it disappear like the blue cats.</source>
        <translation>Eine Klasse echter Bilder selten machen, um sie wie die blauen Katzen verschwinden zu sehen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Hidden width</source>
        <translation>Versteckte Breite</translation>
    </message>
    <message>
        <source>Units in each hidden layer of encoder and decoder.</source>
        <translation>Einheiten in jeder versteckten Schicht von Encoder und Decoder.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>How long each generation&apos;s VAE trains on its data.</source>
        <translation>Wie lange der VAE jeder Generation mit seinen Daten lernt.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Images per minibatch of the VAE&apos;s training.</source>
        <translation>Bilder pro Minibatch beim Training des VAE.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The real text: the bundled novels of Jane Austen, or any UTF-8 text file; its last tenth is held out.</source>
        <translation>Der echte Text: die mitgelieferten Romane Jane Austens oder eine beliebige UTF-8-Textdatei; ihr letztes Zehntel wird zurückgehalten.</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw *.tokens)</source>
        <translation>Textdateien (*.txt *.raw *.tokens)</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Beam search scales down a word the sequence already holds, as the paper&apos;s decoding did (3); 1 for none.</source>
        <translation>Die Strahlsuche stuft ein Wort herab, das die Folge schon enthält, wie beim Dekodieren im Artikel (3); 1 für keine.</translation>
    </message>
    <message>
        <source>Beam width</source>
        <translation>Strahlbreite</translation>
    </message>
    <message>
        <source>Continuations beam search keeps at each word (5 in the paper).</source>
        <translation>Fortsetzungen, die die Strahlsuche bei jedem Wort behält (5 im Artikel).</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>Folgenlänge</translation>
    </message>
    <message>
        <source>Words in each training sequence; a generation writes this many after each prompt.</source>
        <translation>Wörter je Trainingsfolge; eine Generation schreibt so viele nach jedem Anfang.</translation>
    </message>
    <message>
        <source>Prompt length</source>
        <translation>Länge des Anfangs</translation>
    </message>
    <message>
        <source>Real words that open each written sequence; only what the model adds is trained on.</source>
        <translation>Echte Wörter, mit denen jede geschriebene Folge beginnt; gelernt wird nur, was das Modell hinzufügt.</translation>
    </message>
    <message>
        <source>Kneser–Ney</source>
        <translation>Kneser–Ney</translation>
    </message>
    <message>
        <source>None (maximum likelihood)</source>
        <translation>Keine (Maximum Likelihood)</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Kneser–Ney gives unseen word sequences some probability; none counts only what was seen, so a word once lost never returns.</source>
        <translation>Kneser–Ney gibt ungesehenen Wortfolgen etwas Wahrscheinlichkeit; ohne Glättung zählt nur, was gesehen wurde, und ein verlorenes Wort kehrt nie zurück.</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Ziehen</translation>
    </message>
    <message>
        <source>Beam search</source>
        <translation>Strahlsuche</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <source>Sampling draws each word (sampling bias below 1 sharpens, as a temperature); beam search writes the likeliest text, as the paper did.</source>
        <translation>Ziehen wählt jedes Wort zufällig (eine Stichprobenverzerrung unter 1 schärft, wie eine Temperatur); die Strahlsuche schreibt den wahrscheinlichsten Text, wie im Artikel.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>swiss_roll, moons or ring (2-D points), fashion-mnist-subset (images), or a CSV file of 2-D points or an MNIST-format image file.</source>
        <translation>swiss_roll, moons oder ring (2-D-Punkte), fashion-mnist-subset (Bilder) oder eine CSV-Datei mit 2-D-Punkten oder eine Bilddatei im MNIST-Format.</translation>
    </message>
    <message>
        <source>Points and images (*.csv *idx3-ubyte *idx3-ubyte.gz)</source>
        <translation>Punkte und Bilder (*.csv *idx3-ubyte *idx3-ubyte.gz)</translation>
    </message>
    <message>
        <source>Image category</source>
        <translation>Bildkategorie</translation>
    </message>
    <message>
        <source>The one category of images learnt (Fashion-MNIST: 0 T-shirts, 1 trousers, … 9 ankle boots).</source>
        <translation>Die eine gelernte Bildkategorie (Fashion-MNIST: 0 T-Shirts, 1 Hosen, … 9 Stiefeletten).</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Images are learnt at 14x14 or 28x28 pixels.</source>
        <translation>Bilder werden mit 14×14 oder 28×28 Pixeln gelernt.</translation>
    </message>
    <message>
        <source>DDIM steps</source>
        <translation>DDIM-Schritte</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Noising steps</source>
        <translation>Verrauschungsschritte</translation>
    </message>
    <message>
        <source>T, the steps of the forward process that turn data into noise.</source>
        <translation>T, die Schritte des Vorwärtsprozesses, die Daten in Rauschen verwandeln.</translation>
    </message>
    <message>
        <source>Linear (Ho et al.)</source>
        <translation>Linear (Ho et al.)</translation>
    </message>
    <message>
        <source>Cosine (Nichol &amp; Dhariwal)</source>
        <translation>Kosinus (Nichol &amp; Dhariwal)</translation>
    </message>
    <message>
        <source>Noise schedule</source>
        <translation>Rauschplan</translation>
    </message>
    <message>
        <source>How fast the forward process adds noise.</source>
        <translation>Wie schnell der Vorwärtsprozess Rauschen hinzufügt.</translation>
    </message>
    <message>
        <source>Ancestral (DDPM)</source>
        <translation>Ancestral (DDPM)</translation>
    </message>
    <message>
        <source>DDIM (deterministic)</source>
        <translation>DDIM (deterministisch)</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <source>How samples are drawn: step by step with fresh noise, or DDIM&apos;s deterministic path from the first noise.</source>
        <translation>Wie Stichproben gezogen werden: Schritt für Schritt mit frischem Rauschen oder auf dem deterministischen Pfad von DDIM aus dem ersten Rauschen.</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Verborgene Schichten</translation>
    </message>
    <message>
        <source>Hidden layers of the noise-predicting network.</source>
        <translation>Verborgene Schichten des Netzes, das das Rauschen vorhersagt.</translation>
    </message>
    <message>
        <source>How long each generation&apos;s model trains on its data.</source>
        <translation>Wie lange das Modell jeder Generation auf seinen Daten trainiert.</translation>
    </message>
    <message>
        <source>Samples per minibatch of the training.</source>
        <translation>Stichproben je Minibatch des Trainings.</translation>
    </message>
    <message>
        <source>Steps of the DDIM sampler, evenly spaced over the noising steps (all of them when there are fewer).</source>
        <translation>Schritte des DDIM-Samplers, gleichmäßig über die Verrauschungsschritte verteilt (alle, wenn es weniger sind).</translation>
    </message>
    <message>
        <source>n-gram model</source>
        <translation>n-Gramm-Modell</translation>
    </message>
    <message>
        <source>Transformer (neural)</source>
        <translation>Transformer (neuronal)</translation>
    </message>
    <message>
        <source>Language model</source>
        <translation>Sprachmodell</translation>
    </message>
    <message>
        <source>An n-gram model counted afresh each generation, or a small GPT-style transformer whose pretrained weights each generation fine-tunes, as the paper fine-tuned OPT-125m.</source>
        <translation>Ein n-Gramm-Modell, in jeder Generation neu gezählt, oder ein kleiner Transformer nach Art von GPT, dessen vortrainierte Gewichte jede Generation nachtrainiert, wie die Studie OPT-125m nachtrainierte.</translation>
    </message>
    <message>
        <source>Pretrained weights</source>
        <translation>Vortrainierte Gewichte</translation>
    </message>
    <message>
        <source>The transformer every generation starts from: the one shipped, pretrained on Jane Austen, or a file made by collapselab-cli pretrain.</source>
        <translation>Der Transformer, mit dem jede Generation beginnt: der mitgelieferte, auf Jane Austen vortrainiert, oder eine Datei von collapselab-cli pretrain.</translation>
    </message>
    <message>
        <source>Weights files (*.weights)</source>
        <translation>Gewichtsdateien (*.weights)</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Wortschatz</translation>
    </message>
    <message>
        <source>Words the transformer knows, the most frequent; rarer ones are &lt;unk&gt; to it.</source>
        <translation>Wörter, die der Transformer kennt, die häufigsten; seltenere sind für ihn &lt;unk&gt;.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Positions the transformer reads: the start mark, the prompt and the words written so far.</source>
        <translation>Positionen, die der Transformer liest: die Startmarke, den Prompt und die bisher geschriebenen Wörter.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Numbers per position in the transformer&apos;s layers.</source>
        <translation>Zahlen je Position in den Schichten des Transformers.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Transformer blocks, each attention and an MLP.</source>
        <translation>Transformer-Blöcke, jeder aus Attention und einem MLP.</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <source>Heads of each attention layer; they divide the width.</source>
        <translation>Köpfe jeder Attention-Schicht; sie teilen die Breite.</translation>
    </message>
    <message>
        <source>Passes of each generation&apos;s fine-tuning over its text.</source>
        <translation>Durchläufe des Nachtrainings jeder Generation über ihren Text.</translation>
    </message>
    <message>
        <source>Sequences per step of the fine-tuning.</source>
        <translation>Sequenzen je Schritt des Nachtrainings.</translation>
    </message>
    <message>
        <source>AdamW&apos;s peak step size in the fine-tuning.</source>
        <translation>Größte Schrittweite von AdamW im Nachtraining.</translation>
    </message>
    <message>
        <source>Augment the real data</source>
        <translation>Echte Daten ergänzen</translation>
    </message>
    <message>
        <source>Replace: train only on the newest generation&apos;s data. Accumulate: keep all data ever made, which bounds the error (Gerstgrasser et al. 2024). Augment: keep the real data of generation 0 and add a share of synthetic data (Bertrand et al. 2024).</source>
        <translation>Ersetzen: nur auf den Daten der neuesten Generation trainieren. Ansammeln: alle je erzeugten Daten behalten, was den Fehler begrenzt (Gerstgrasser et al. 2024). Ergänzen: die echten Daten der Generation 0 behalten und einen Anteil synthetischer Daten hinzufügen (Bertrand et al. 2024).</translation>
    </message>
    <message>
        <source>Synthetic ratio</source>
        <translation>Synthetischer Anteil</translation>
    </message>
    <message>
        <source>With the augment policy: the new data of a generation as a multiple of the real data kept. Retraining is stable while it is small enough (Bertrand et al. 2024).</source>
        <translation>Beim Ergänzen: die neuen Daten einer Generation als Vielfaches der behaltenen echten Daten. Das Nachtrainieren bleibt stabil, solange er klein genug ist (Bertrand et al. 2024).</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>How many inputs d each label depends on.</source>
        <translation>Von wie vielen Eingaben d jedes Label abhängt.</translation>
    </message>
    <message>
        <source>Label noise σ</source>
        <translation>Rauschen der Labels σ</translation>
    </message>
    <message>
        <source>Standard deviation of the noise on every label, real or made.</source>
        <translation>Standardabweichung des Rauschens auf jedem Label, echt oder erzeugt.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Most likely under the model</source>
        <translation>Die unter dem Modell wahrscheinlichsten</translation>
    </message>
    <message>
        <source>Nearest a biased target</source>
        <translation>Die einem verzerrten Ziel nächsten</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Keep only the best share of more synthetic candidates: the ones the model finds most likely, as a quality filter does, or the ones nearest a target off the original&apos;s centre (Qiao et al. 2026). Either speeds collapse up.</source>
        <translation>Nur den besten Anteil von mehr synthetischen Kandidaten behalten: die, die das Modell für am wahrscheinlichsten hält, wie es ein Qualitätsfilter tut, oder die, die einem Ziel abseits der Mitte des Originals am nächsten liegen (Qiao et al. 2026). Beides beschleunigt den Kollaps.</translation>
    </message>
    <message>
        <source>Selection keeps</source>
        <translation>Auswahl behält</translation>
    </message>
    <message>
        <source>With selection: the share α of candidates kept. A generation draws 1/α candidates for every synthetic sample it trains on.</source>
        <translation>Mit Auswahl: der behaltene Anteil α der Kandidaten. Eine Generation zieht 1/α Kandidaten für jedes synthetische Beispiel, auf dem sie trainiert.</translation>
    </message>
    <message>
        <source>normal (1-D), swiss_roll, moons or ring (2-D points), or a CSV file of 2-D points.</source>
        <translation>normal (1-D), swiss_roll, moons oder ring (2-D-Punkte) oder eine CSV-Datei mit 2-D-Punkten.</translation>
    </message>
    <message>
        <source>Points (*.csv)</source>
        <translation>Punkte (*.csv)</translation>
    </message>
    <message>
        <source>Synthetic samples</source>
        <translation>Synthetische Stichproben</translation>
    </message>
    <message>
        <source>With the augment policy: the new data of a generation as a count, whatever the real data&apos;s; 0 leaves it to the synthetic ratio. How much synthetic data helps depends on how much real data there is (Kazdan et al. 2024).</source>
        <translation>Mit der Strategie „Echte Daten ergänzen“: die neuen Daten einer Generation als Anzahl, unabhängig von den echten; 0 überlässt sie dem synthetischen Anteil. Wie sehr synthetische Daten helfen, hängt davon ab, wie viele echte es gibt (Kazdan et al. 2024).</translation>
    </message>
    <message>
        <source>by the ratio</source>
        <translation>nach Anteil</translation>
    </message>
</context>
<context>
    <name>PhaseDiagram</name>
    <message>
        <source>%1 — %2 at generation %3 over %4 replicates</source>
        <translation>%1 — %2 in Generation %3 über %4 Wiederholungen</translation>
    </message>
    <message>
        <source>%1 at generation %2 over %3 replicates</source>
        <translation>%1 in Generation %2 über %3 Wiederholungen</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>10% quantile</source>
        <translation>10-%-Quantil</translation>
    </message>
    <message>
        <source>90% quantile</source>
        <translation>90-%-Quantil</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Accumulate instead of replace</source>
        <translation>Ansammeln statt ersetzen</translation>
    </message>
    <message>
        <source>Left, each generation keeps only its own synthetic data; right, every generation&apos;s data is kept and the training set grows. Replacing lets the mean wander and the variance collapse; accumulating keeps both bounded: Gerstgrasser et al., &quot;Is model collapse inevitable?&quot; (2024).</source>
        <translation>Links behält jede Generation nur ihre eigenen synthetischen Daten; rechts bleiben die Daten jeder Generation erhalten und die Trainingsmenge wächst. Ersetzen lässt den Mittelwert wandern und die Varianz kollabieren; Ansammeln hält beide beschränkt: Gerstgrasser et al., „Is model collapse inevitable?“ (2024).</translation>
    </message>
    <message>
        <source>Yellow and blue cats</source>
        <translation>Gelbe und blaue Katzen</translation>
    </message>
    <message>
        <source>A hundred cats, 90% yellow and 10% blue; each generation&apos;s model learns their fur colours from the previous generation&apos;s pictures and pulls rare colours toward the common one. Blue cats grow rarer, then greener, then yellow: the example the press coverage of Shumailov et al. (Nature 2024) made famous.</source>
        <translation>Hundert Katzen, 90 % gelb und 10 % blau; das Modell jeder Generation lernt die Fellfarben aus den Bildern der vorigen und zieht seltene Farben zur häufigen hin. Blaue Katzen werden seltener, dann grüner, dann gelb: das Beispiel, das die Presseberichte über Shumailov et al. (Nature 2024) bekannt machten.</translation>
    </message>
    <message>
        <source>A single Gaussian forgets (Theorem 3.1)</source>
        <translation>Eine einzelne Normalverteilung vergisst (Satz 3.1)</translation>
    </message>
    <message>
        <source>Each generation fits a normal to 100 samples drawn from the previous fit. The median variance falls toward zero and the tails beyond the original&apos;s central 95% vanish, although the unbiased variance stays right on average: Theorem 3.1 of Shumailov et al. (Nature 2024).</source>
        <translation>Jede Generation passt eine Normalverteilung an 100 Beispiele aus der vorigen Anpassung an. Der Median der Varianz fällt gegen null, und die Ränder außerhalb der zentralen 95 % des Originals verschwinden, obwohl die erwartungstreue Varianz im Mittel stimmt: Satz 3.1 von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>The minority cluster disappears</source>
        <translation>Der Minderheitscluster verschwindet</translation>
    </message>
    <message>
        <source>Four clusters, one holding only 5% of the data. Refitted on its own samples, the mixture loses the small cluster first, long before the others change: early model collapse, the loss of the tails, as described by Shumailov et al. (Nature 2024).</source>
        <translation>Vier Cluster, einer davon mit nur 5 % der Daten. An die eigenen Beispiele neu angepasst, verliert die Mischung zuerst den kleinen Cluster, lange bevor sich die anderen ändern: früher Modellkollaps, der Verlust der Ränder, wie Shumailov et al. (Nature 2024) ihn beschreiben.</translation>
    </message>
    <message>
        <source>Gaussian mixture, the paper&apos;s setting</source>
        <translation>Gaußsche Mischung wie im Artikel</translation>
    </message>
    <message>
        <source>A two-component mixture is fitted by EM to 1000 samples of a 2-D standard normal, then to its own samples, 2000 times. The components narrow until their spread is a hundredth of the original&apos;s: the Gaussian mixture experiment (Fig. 2) of Shumailov et al. (Nature 2024).</source>
        <translation>Eine Mischung aus zwei Komponenten wird mit EM an 1000 Beispiele einer zweidimensionalen Standardnormalverteilung angepasst, dann 2000-mal an ihre eigenen Beispiele. Die Komponenten werden schmaler, bis ihre Streuung ein Hundertstel der ursprünglichen beträgt: das Experiment mit Gaußschen Mischungen (Abb. 2) von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>10% fresh human data</source>
        <translation>10 % frische menschliche Daten</translation>
    </message>
    <message>
        <source>Two chains side by side: one trained only on its own samples, one with 10% fresh human data in every generation. The first forgets its variance, the second keeps it near the original&apos;s: the fresh-data mitigation discussed by Shumailov et al. (Nature 2024) and Gerstgrasser et al. (2024).</source>
        <translation>Zwei Ketten nebeneinander: eine lernt nur aus ihren eigenen Beispielen, eine mit 10 % frischen menschlichen Daten in jeder Generation. Die erste vergisst ihre Varianz, die zweite hält sie nahe am Original: die Abhilfe durch frische Daten, die Shumailov et al. (Nature 2024) und Gerstgrasser et al. (2024) diskutieren.</translation>
    </message>
    <message>
        <source>Mode-seeking sampling</source>
        <translation>Modussuchendes Ziehen</translation>
    </message>
    <message>
        <source>Three clusters, sampled with each component&apos;s covariance scaled by 0.8, as low-temperature decoding favours likely outputs. The clusters shrink to points within a few dozen generations, far faster than with faithful sampling: the sampling-bias loop of Alemohammad et al., &quot;Self-consuming generative models go MAD&quot; (2023).</source>
        <translation>Drei Cluster, gezogen mit der auf 0,8 skalierten Kovarianz jeder Komponente, so wie Dekodieren mit niedriger Temperatur wahrscheinliche Ausgaben bevorzugt. Die Cluster schrumpfen binnen weniger Dutzend Generationen zu Punkten, weit schneller als bei getreuem Ziehen: die Schleife mit Stichprobenverzerrung von Alemohammad et al., „Self-consuming generative models go MAD“ (2023).</translation>
    </message>
    <message>
        <source>A VAE trained on its own images</source>
        <translation>Ein VAE, der aus seinen eigenen Bildern lernt</translation>
    </message>
    <message>
        <source>A language model with 10% real text</source>
        <translation>Ein Sprachmodell mit 10 % echtem Text</translation>
    </message>
    <message>
        <source>A language model trained on its own writing</source>
        <translation>Ein Sprachmodell, das aus dem eigenen Geschriebenen lernt</translation>
    </message>
    <message>
        <source>An n-gram language model learns Jane Austen&apos;s novels, then ten times over only the text its predecessor wrote by beam search. Its perplexity on real prose climbs and its words and word pairs dwindle until every prompt is continued with the same phrases: the language experiment (Fig. 1b) of Shumailov et al. (Nature 2024).</source>
        <translation>Ein n-Gramm-Sprachmodell lernt Jane Austens Romane, danach zehnmal nur den Text, den sein Vorgänger per Strahlsuche schrieb. Seine Perplexität auf echter Prosa steigt, seine Wörter und Wortpaare schwinden, bis jeder Anfang mit denselben Wendungen fortgesetzt wird: das Sprachexperiment (Abb. 1b) von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>Two language models, each trained ten times on what its predecessor wrote: one on nothing else, one with 10% real text in every generation. The first&apos;s perplexity on real prose climbs twentyfold; the second&apos;s stays near double, as in Fig. 1c of Shumailov et al. (Nature 2024).</source>
        <translation>Zwei Sprachmodelle, jedes zehnmal mit dem trainiert, was sein Vorgänger schrieb: eines nur damit, eines mit 10 % echtem Text in jeder Generation. Die Perplexität des ersten auf echter Prosa steigt auf das Zwanzigfache, die des zweiten bleibt nahe dem Doppelten, wie in Abb. 1c von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>Each generation trains a fresh variational autoencoder only on the images the previous one generated. Recognisable shirts, trousers and shoes blur and merge over ten generations, and their latent codes shrink by half in five: the VAE experiment of Shumailov et al. (Nature 2024).</source>
        <translation>Jede Generation trainiert einen neuen Variational Autoencoder nur mit den Bildern des vorigen. Erkennbare Hemden, Hosen und Schuhe verschwimmen und verschmelzen über zehn Generationen, ihre latenten Codes schrumpfen in fünf auf die Hälfte: das VAE-Experiment von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>Which populations keep their blue cats: a phase diagram</source>
        <translation>Welche Populationen ihre blauen Katzen behalten: ein Phasendiagramm</translation>
    </message>
    <message>
        <source>The cats&apos; model refitted for 100 generations, swept over how many cats each generation learns from and the share of real cats among them; the colour is the share of chains in which blue cats are still drawn at generation 100. Few cats and no real ones lose the blue cats almost everywhere; real cats in every generation keep them.</source>
        <translation>Das Katzenmodell, 100 Generationen lang neu angepasst, über die Zahl der Katzen, aus denen jede Generation lernt, und den Anteil echter Katzen darunter; die Farbe ist der Anteil der Ketten, in denen in Generation 100 noch blaue Katzen gezogen werden. Wenige Katzen ohne echte verlieren die blauen fast überall; echte Katzen in jeder Generation erhalten sie.</translation>
    </message>
    <message>
        <source>Where real data saves the model: a phase diagram</source>
        <translation>Wo echte Daten das Modell retten: ein Phasendiagramm</translation>
    </message>
    <message>
        <source>A single Gaussian refitted for 500 generations, swept over the sample size and the share of fresh human data in every generation; the colour is the median fitted spread, 1 for the original. Below the dashed line, where the spread has fallen under 0.5, the model has collapsed: a little real data in every generation keeps even small samples alive.</source>
        <translation>Eine einzelne Normalverteilung, 500 Generationen lang neu angepasst, über die Stichprobengröße und den Anteil frischer menschlicher Daten in jeder Generation; die Farbe ist die mediane angepasste Streuung, 1 für das Original. Unter der gestrichelten Linie, wo die Streuung unter 0,5 gefallen ist, ist das Modell kollabiert: Ein wenig echte Daten in jeder Generation halten selbst kleine Stichproben am Leben.</translation>
    </message>
    <message>
        <source>A diffusion model trained on its own images of trousers</source>
        <translation>Ein Diffusionsmodell, trainiert auf seinen eigenen Bildern von Hosen</translation>
    </message>
    <message>
        <source>A diffusion model with real data kept in the mix</source>
        <translation>Ein Diffusionsmodell mit echten Daten in der Mischung</translation>
    </message>
    <message>
        <source>Two diffusion models side by side: one trained only on its own points, one with half of every generation&apos;s data drawn fresh from the original. The first blurs the roll until its arms merge; the second keeps them sharp: real data in the mix holds a generative model near the original.</source>
        <translation>Zwei Diffusionsmodelle nebeneinander: eines nur auf seinen eigenen Punkten trainiert, eines, bei dem die Hälfte der Daten jeder Generation frisch aus dem Original gezogen wird. Das erste verwischt die Rolle, bis ihre Arme verschmelzen; das zweite hält sie scharf: Echte Daten in der Mischung halten ein generatives Modell nahe am Original.</translation>
    </message>
    <message>
        <source>A diffusion model forgets the modes of a ring</source>
        <translation>Ein Diffusionsmodell vergisst die Moden eines Rings</translation>
    </message>
    <message>
        <source>Eight clusters on a circle, learnt by a diffusion model from 2000 points, then by each generation from the previous one&apos;s. Count the clusters that still stand out: each generation blurs them a little more into the space between, until they merge one after another into a blurred ring.</source>
        <translation>Acht Cluster auf einem Kreis, von einem Diffusionsmodell aus 2000 Punkten gelernt, dann von jeder Generation aus denen der vorigen. Zählen Sie die Cluster, die sich noch abheben: Jede Generation verwischt sie etwas mehr in den Raum dazwischen, bis sie einer nach dem anderen zu einem verschwommenen Ring verschmelzen.</translation>
    </message>
    <message>
        <source>A diffusion model trained on its own points</source>
        <translation>Ein Diffusionsmodell, trainiert auf seinen eigenen Punkten</translation>
    </message>
    <message>
        <source>One category of images, Fashion-MNIST&apos;s trousers at 14x14 pixels, learnt by a diffusion model and then by each generation from the previous one&apos;s images. Recognisable at generation 0, they fray into speckled, shapeless patches within a few generations, as Martínez et al. (2023) found.</source>
        <translation>Eine Kategorie von Bildern, die Hosen aus Fashion-MNIST mit 14×14 Pixeln, von einem Diffusionsmodell gelernt und dann von jeder Generation aus den Bildern der vorigen. In Generation 0 erkennbar, zerfasern sie in wenigen Generationen zu gesprenkelten, formlosen Flecken, wie Martínez et al. (2023) fanden.</translation>
    </message>
    <message>
        <source>Each generation trains a fresh denoising diffusion model (the kind behind Stable Diffusion, here on points) on the previous one&apos;s points only. Its small errors add up: the roll blurs, its arms merge and its spread shrinks; fewer samples look like the original (precision falls) while the blur still covers it.</source>
        <translation>Jede Generation trainiert ein neues entrauschendes Diffusionsmodell (die Art hinter Stable Diffusion, hier auf Punkten) nur auf den Punkten der vorigen. Seine kleinen Fehler summieren sich: Die Rolle verschwimmt, ihre Arme verschmelzen, die Streuung schrumpft; weniger Stichproben sehen wie das Original aus (Precision fällt), während die Unschärfe es noch abdeckt.</translation>
    </message>
    <message>
        <source>A neural language model with 10% real text</source>
        <translation>Ein neuronales Sprachmodell mit 10 % echtem Text</translation>
    </message>
    <message>
        <source>Two transformers, each fine-tuned ten times on what its predecessor wrote: one on nothing else, one with 10% real text in every generation. Real text in the mix slows the climb of perplexity on real prose, as in Fig. 1c of Shumailov et al. (Nature 2024).</source>
        <translation>Zwei Transformer, jeder zehnmal auf dem nachtrainiert, was sein Vorgänger schrieb: einer auf nichts anderem, einer mit 10 % echtem Text in jeder Generation. Echter Text in der Mischung bremst den Anstieg der Perplexität auf echter Prosa, wie in Abb. 1c von Shumailov et al. (Nature 2024).</translation>
    </message>
    <message>
        <source>A neural language model trained on its own writing</source>
        <translation>Ein neuronales Sprachmodell, trainiert auf dem eigenen Geschriebenen</translation>
    </message>
    <message>
        <source>A small GPT-style transformer, pretrained on Jane Austen, is fine-tuned ten times over from the same weights on what its predecessor wrote by beam search, as the paper fine-tuned OPT-125m. Its perplexity on real prose climbs by half, its vocabulary shrinks to a quarter and every prompt ends in one repeated phrase.</source>
        <translation>Ein kleiner GPT-artiger Transformer, auf Jane Austen vortrainiert, wird zehnmal von denselben Gewichten aus auf dem nachtrainiert, was sein Vorgänger per Beam Search schrieb. Seine Perplexität auf echter Prosa steigt um die Hälfte, sein Wortschatz schrumpft auf ein Viertel, jeder Prompt endet in einer wiederholten Wendung.</translation>
    </message>
    <message>
        <source>Keep the real data, add synthetic data</source>
        <translation>Echte Daten behalten, synthetische ergänzen</translation>
    </message>
    <message>
        <source>Left, each generation trains only on what the one before made; right, each keeps the 100 real samples of generation 0 and adds 100 synthetic ones. Replacing lets the variance collapse; keeping the real data holds it near the original: Bertrand et al. (ICLR 2024).</source>
        <translation>Links trainiert jede Generation nur auf dem, was die vorige erzeugt hat; rechts behält jede die 100 echten Stichproben der Generation 0 und ergänzt 100 synthetische. Beim Ersetzen kollabiert die Varianz; die behaltenen echten Daten halten sie nahe am Original: Bertrand et al. (ICLR 2024).</translation>
    </message>
    <message>
        <source>How much synthetic data the real data can carry: a phase diagram</source>
        <translation>Wie viele synthetische Daten die echten tragen: ein Phasendiagramm</translation>
    </message>
    <message>
        <source>A single Gaussian refitted for 500 generations on its real samples of generation 0 plus λ times as many synthetic ones, swept over the number of real samples and the ratio λ; the colour is the median distance W₂ to the original. The distance is set by how much real data is kept and grows only a little with λ: for a Gaussian, keeping the real data is stable at every ratio, as the stability theorem of Bertrand et al. (ICLR 2024) suggests for small λ.</source>
        <translation>Eine einzelne Gaußverteilung, 500 Generationen lang neu angepasst an ihre echten Stichproben der Generation 0 und λ-mal so viele synthetische, variiert über die Zahl der echten Stichproben und den Anteil λ; die Farbe ist der Median des Abstands W₂ zum Original. Der Abstand hängt davon ab, wie viele echte Daten behalten werden, und wächst mit λ nur wenig: Für eine Gaußverteilung ist das Behalten der echten Daten bei jedem Anteil stabil, wie es der Stabilitätssatz von Bertrand et al. (ICLR 2024) für kleine λ nahelegt.</translation>
    </message>
    <message>
        <source>A regression fitted to its own labels</source>
        <translation>Eine Regression, angepasst an ihre eigenen Labels</translation>
    </message>
    <message>
        <source>Least squares with 10 features and 100 points. Left, each generation refits to the labels the previous fit made; right, it keeps every generation&apos;s labels. Replacing, the test error grows by the same step every generation (Dohmatob et al. 2024); accumulating, it stays below π²/6 times the first fit&apos;s (Gerstgrasser et al. 2024).</source>
        <translation>Kleinste Quadrate mit 10 Merkmalen und 100 Punkten. Links passt sich jede Generation an die Labels der vorigen Anpassung an; rechts behält sie die Labels aller Generationen. Beim Ersetzen wächst der Testfehler in jeder Generation um denselben Schritt (Dohmatob et al. 2024); beim Ansammeln bleibt er unter dem π²/6-Fachen des ersten (Gerstgrasser et al. 2024).</translation>
    </message>
    <message>
        <source>Keeping only the likeliest synthetic data</source>
        <translation>Nur die wahrscheinlichsten synthetischen Daten behalten</translation>
    </message>
    <message>
        <source>Both sides keep all data ever made, which alone holds the variance near the original. Right, each generation keeps only the 10% of ten times as many synthetic samples that the model finds most likely, as a quality filter does: the variance collapses all the same (Qiao et al. 2026).</source>
        <translation>Beide Seiten behalten alle je erzeugten Daten, was allein die Varianz nahe am Original hält. Rechts behält jede Generation von zehnmal so vielen synthetischen Beispielen nur die 10 %, die das Modell für am wahrscheinlichsten hält, wie es ein Qualitätsfilter tut: Die Varianz kollabiert trotzdem (Qiao et al. 2026).</translation>
    </message>
    <message>
        <source>A kernel density estimate resampled: too narrow, too wide</source>
        <translation>Ein Kerndichteschätzer, neu gezogen: zu schmal, zu breit</translation>
    </message>
    <message>
        <source>A kernel density estimate of 100 normal points, each generation made from the last one&apos;s samples. Its variance goes to M h²: left, a narrow kernel (h = 0.05) lets the points coalesce into clumps; right, a wide one (h = 0.3) blurs them until the variance is nine times the original&apos;s. Only h = σ/√M = 0.1 holds it, and the estimate still wanders.</source>
        <translation>Ein Kerndichteschätzer aus 100 normalverteilten Punkten, jede Generation aus den Stichproben der vorigen. Seine Varianz geht gegen M h²: Links lässt ein schmaler Kern (h = 0,05) die Punkte zu Klumpen verschmelzen; rechts verwischt ein breiter (h = 0,3) sie bis zur neunfachen Varianz des Originals. Nur h = σ/√M = 0,1 hält sie, und auch dann wandert die Schätzung.</translation>
    </message>
    <message>
        <source>A kernel density estimate of the swiss roll, resampled</source>
        <translation>Ein Kerndichteschätzer der Biskuitrolle, neu gezogen</translation>
    </message>
    <message>
        <source>1000 points of the swiss roll, a kernel density estimate with bandwidth 0.05 fitted to them, and each generation&apos;s estimate fitted to the last one&apos;s samples. Each sample is a copy of a random earlier point moved a little: points that are not copied die out, so the roll breaks into clumps. Precision and recall both fall as the arms lose their shape.</source>
        <translation>1000 Punkte der Biskuitrolle, ein Kerndichteschätzer mit Bandbreite 0,05 darauf und jede Generation auf die Stichproben der vorigen angepasst. Jede Stichprobe ist ein leicht verschobener zufälliger früherer Punkt: Nicht kopierte Punkte sterben aus, und die Rolle zerfällt in Klumpen. Precision und Recall fallen, während die Arme ihre Form verlieren.</translation>
    </message>
    <message>
        <source>When synthetic data helps: counts, not shares</source>
        <translation>Wann synthetische Daten helfen: Anzahlen, nicht Anteile</translation>
    </message>
    <message>
        <source>A kernel density estimate (h = 0.3) of a normal distribution, fitted to its real samples plus a number of samples made by the previous estimate, swept over how many real and how many synthetic samples there are; the colour is the share of chains whose test loss on held-out real data at generation 10 is below the real data&apos;s alone. With few real samples, synthetic ones lower it, smoothing an estimate too spiky for its data; with many, they raise it (Kazdan et al. 2024). The line is where half the chains gain.</source>
        <translation>Ein Kerndichteschätzer (h = 0,3) einer Normalverteilung, angepasst an seine echten Stichproben und eine Anzahl von Stichproben der vorigen Schätzung, variiert über die Zahl echter und synthetischer Stichproben; die Farbe ist der Anteil der Ketten, deren Testverlust auf zurückgehaltenen echten Daten in Generation 10 unter dem der echten Daten allein liegt. Bei wenigen echten Stichproben senken synthetische ihn, weil sie eine für ihre Daten zu zackige Schätzung glätten; bei vielen erhöhen sie ihn (Kazdan et al. 2024). Die Linie zeigt, wo die Hälfte der Ketten gewinnt.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: the run has no generation to show yet</source>
        <translation>%1: Der Lauf hat noch keine Generation zum Zeigen</translation>
    </message>
    <message>
        <source>fps must be from 1 to 120, not %1</source>
        <translation>fps muss zwischen 1 und 120 liegen, nicht %1</translation>
    </message>
    <message>
        <source>a frame is 64x64 to 7680x4320 pixels, not %1x%2</source>
        <translation>ein Bild hat 64x64 bis 7680x4320 Pixel, nicht %1x%2</translation>
    </message>
    <message>
        <source>%1: an animation is a .mp4, .webm or .gif file</source>
        <translation>%1: Eine Animation ist eine .mp4-, .webm- oder .gif-Datei</translation>
    </message>
    <message>
        <source>%1 exists and is not an empty folder</source>
        <translation>%1 existiert und ist kein leerer Ordner</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot write %1: cannot create a folder in %2</source>
        <translation>%1 kann nicht geschrieben werden: In %2 kann kein Ordner angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: a figure is a .png, .svg or .pdf file</source>
        <translation>%1: Eine Abbildung ist eine .png-, .svg- oder .pdf-Datei</translation>
    </message>
    <message>
        <source>generation %1 is not in the run (it has generations 0 to %2)</source>
        <translation>Generation %1 gehört nicht zum Lauf (er hat die Generationen 0 bis %2)</translation>
    </message>
    <message>
        <source>a figure needs at least one generation</source>
        <translation>eine Abbildung braucht mindestens eine Generation</translation>
    </message>
    <message>
        <source>dpi must be between 10 and 2400, not %1</source>
        <translation>dpi muss zwischen 10 und 2400 liegen, nicht %1</translation>
    </message>
    <message>
        <source>a figure is 64 to 16384 pixels wide and high, not %1x%2</source>
        <translation>eine Abbildung ist 64 bis 16384 Pixel breit und hoch, nicht %1x%2</translation>
    </message>
    <message>
        <source>Collapse Lab: %1</source>
        <translation>Collapse Lab: %1</translation>
    </message>
    <message>
        <source>not enough memory for %1x%2 pixels</source>
        <translation>nicht genug Speicher für %1x%2 Pixel</translation>
    </message>
    <message>
        <source>the picture could not be drawn</source>
        <translation>das Bild konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>model, this generation</source>
        <translation>Modell, diese Generation</translation>
    </message>
    <message>
        <source>earlier generations</source>
        <translation>frühere Generationen</translation>
    </message>
    <message>
        <source>its samples</source>
        <translation>seine Stichprobe</translation>
    </message>
    <message>
        <source>its mass in the original&apos;s tails</source>
        <translation>seine Masse in den Rändern des Originals</translation>
    </message>
    <message>
        <source>peak %1 ↑</source>
        <translation>Gipfel %1 ↑</translation>
    </message>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>original: 1σ and 2σ</source>
        <translation>Original: 1σ und 2σ</translation>
    </message>
    <message>
        <source>original&apos;s central 95%</source>
        <translation>zentrale 95 % des Originals</translation>
    </message>
    <message>
        <source>fitted components: 1σ and 2σ</source>
        <translation>angepasste Komponenten: 1σ und 2σ</translation>
    </message>
    <message>
        <source>model density: 50% and 90% contours</source>
        <translation>Modelldichte: 50-%- und 90-%-Konturen</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>samples in the tails</source>
        <translation>Stichprobe in den Rändern</translation>
    </message>
    <message>
        <source>Generation 0 learns from real data: the model is as close to the original as it will ever be.</source>
        <translation>Generation 0 lernt aus echten Daten: Das Modell ist dem Original so nah, wie es je sein wird.</translation>
    </message>
    <message>
        <source>Each generation learns only from the one before, yet so far the model still looks like the original.</source>
        <translation>Jede Generation lernt nur von der vorigen, doch bisher sieht das Modell noch aus wie das Original.</translation>
    </message>
    <message>
        <source>The tails are thinning: rare events are drawn less often, so the next model sees fewer of them.</source>
        <translation>Die Ränder dünnen aus: Seltene Ereignisse werden seltener gezogen, also sieht das nächste Modell weniger davon.</translation>
    </message>
    <message>
        <source>Early model collapse: the tails are vanishing. Rare events are the first to be forgotten.</source>
        <translation>Früher Modellkollaps: Die Ränder verschwinden. Seltene Ereignisse werden zuerst vergessen.</translation>
    </message>
    <message>
        <source>Late model collapse: the variance is gone. What is left bears little resemblance to the original.</source>
        <translation>Später Modellkollaps: Die Varianz ist fort. Was bleibt, hat mit dem Original wenig gemein.</translation>
    </message>
    <message>
        <source>cannot write %1: %2 (%3)</source>
        <translation>%1 kann nicht geschrieben werden: %2 (%3)</translation>
    </message>
    <message>
        <source>encoding failed</source>
        <translation>Kodieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation>Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: MP4 and WebM need an even width and height, not %2x%3</source>
        <translation>%1: MP4 und WebM brauchen gerade Breite und Höhe, nicht %2x%3</translation>
    </message>
    <message>
        <source>no muxer</source>
        <translation>kein Muxer</translation>
    </message>
    <message>
        <source>cannot write %1: this FFmpeg has no %2 encoder</source>
        <translation>%1 kann nicht geschrieben werden: Dieses FFmpeg hat keinen %2-Encoder</translation>
    </message>
    <message>
        <source>cannot open the %1 encoder</source>
        <translation>der %1-Encoder lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>cannot write %1: out of memory</source>
        <translation>%1 kann nicht geschrieben werden: Speicher erschöpft</translation>
    </message>
    <message>
        <source>bad stream parameters</source>
        <translation>ungültige Stream-Parameter</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
    <message>
        <source>cannot write %1: no colour conversion to %2</source>
        <translation>%1 kann nicht geschrieben werden: keine Farbumwandlung nach %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the header</source>
        <translation>der Dateikopf kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write %1: a frame of %2x%3 in a %4x%5 video</source>
        <translation>%1 kann nicht geschrieben werden: ein Bild von %2x%3 in einem Video von %4x%5</translation>
    </message>
    <message>
        <source>cannot complete the file</source>
        <translation>die Datei kann nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>%1: a GIF shows at most %2 frames per second, not %3</source>
        <translation>%1: Ein GIF zeigt höchstens %2 Bilder pro Sekunde, nicht %3</translation>
    </message>
    <message>
        <source>%1 of %2 chains</source>
        <translation>%1 von %2 Ketten</translation>
    </message>
    <message>
        <source>%1 chains in 10</source>
        <translation>%1 von 10 Ketten</translation>
    </message>
    <message>
        <source>thousands of</source>
        <translation>Tausende</translation>
    </message>
    <message>
        <source>millions of</source>
        <translation>Millionen</translation>
    </message>
    <message>
        <source>The model is drifting from the original: real data is already %1 times less likely under it than under generation 0.</source>
        <translation>Das Modell entfernt sich vom Original: Echte Daten sind unter ihm schon %1-mal weniger wahrscheinlich als unter Generation 0.</translation>
    </message>
    <message>
        <source>Early model collapse: part of the original is gone, and real data is %1 times less likely than under generation 0. Rare parts, such as a small cluster, go first.</source>
        <translation>Früher Modellkollaps: Ein Teil des Originals ist fort, echte Daten sind %1-mal weniger wahrscheinlich als unter Generation 0. Seltenes, etwa ein kleiner Cluster, geht zuerst.</translation>
    </message>
    <message>
        <source>Fresh real data and keeping all data ever made hold the model near the original: many generations on, there is no collapse.</source>
        <translation>Frische echte Daten und das Behalten aller je erzeugten Daten halten das Modell nahe am Original: Auch nach vielen Generationen gibt es keinen Kollaps.</translation>
    </message>
    <message>
        <source>Keeping all data ever made holds the model near the original: the real data of generation 0 is never thrown away, so many generations on there is no collapse.</source>
        <translation>Alle je erzeugten Daten zu behalten hält das Modell nahe am Original: Die echten Daten der Generation 0 werden nie verworfen, also gibt es auch nach vielen Generationen keinen Kollaps.</translation>
    </message>
    <message>
        <source>Fresh real data in every generation holds the model near the original: many generations on, there is no collapse.</source>
        <translation>Frische echte Daten in jeder Generation halten das Modell nahe am Original: Auch nach vielen Generationen gibt es keinen Kollaps.</translation>
    </message>
    <message>
        <source>learns from real data.</source>
        <translation>lernt aus echten Daten.</translation>
    </message>
    <message>
        <source>still looks like the original.</source>
        <translation>sieht noch aus wie das Original.</translation>
    </message>
    <message>
        <source>drifting from the original.</source>
        <translation>entfernt sich vom Original.</translation>
    </message>
    <message>
        <source>its tails are thinning.</source>
        <translation>seine Ränder dünnen aus.</translation>
    </message>
    <message>
        <source>early collapse: part of the original is gone.</source>
        <translation>früher Kollaps: Ein Teil des Originals ist fort.</translation>
    </message>
    <message>
        <source>early collapse: the tails are vanishing.</source>
        <translation>früher Kollaps: Die Ränder verschwinden.</translation>
    </message>
    <message>
        <source>late collapse: the variance is gone.</source>
        <translation>später Kollaps: Die Varianz ist fort.</translation>
    </message>
    <message>
        <source>held near the original by fresh and kept data.</source>
        <translation>durch frische und behaltene Daten nahe am Original gehalten.</translation>
    </message>
    <message>
        <source>held near the original by keeping all data.</source>
        <translation>durch das Behalten aller Daten nahe am Original gehalten.</translation>
    </message>
    <message>
        <source>held near the original by fresh real data.</source>
        <translation>durch frische echte Daten nahe am Original gehalten.</translation>
    </message>
    <message>
        <source>Chain %1 of %2</source>
        <translation>Kette %1 von %2</translation>
    </message>
    <message>
        <source>Chain %1 of %2:</source>
        <translation>Kette %1 von %2:</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 too).</source>
        <translation>%1 — %2 (%3 ebenso).</translation>
    </message>
    <message>
        <source>%1 look like the original at this generation.</source>
        <translation>%1 sehen in dieser Generation wie das Original aus.</translation>
    </message>
    <message>
        <source>%1 have gone as far by now.</source>
        <translation>%1 sind inzwischen so weit.</translation>
    </message>
    <message>
        <source>The model is drifting from the original: it has moved %1 further from it (W₂) than generation 0, and each generation adds its own error.</source>
        <translation>Das Modell driftet vom Original weg: Es hat sich %1 weiter davon entfernt (W₂) als Generation 0, und jede Generation fügt ihren eigenen Fehler hinzu.</translation>
    </message>
    <message>
        <source>Model collapse under way: the model has wandered far from the original (W₂ up by %1), so what the original rarely made it makes often, and the original&apos;s own region thins out.</source>
        <translation>Modellkollaps im Gange: Das Modell hat sich weit vom Original entfernt (W₂ um %1 gestiegen), sodass es oft erzeugt, was das Original selten erzeugte, und die eigene Region des Originals ausdünnt.</translation>
    </message>
    <message>
        <source>wandered far from the original.</source>
        <translation>weit vom Original entfernt.</translation>
    </message>
    <message>
        <source>parameter change</source>
        <translation>Parameteränderung</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>%1 (log scale)</source>
        <translation>%1 (logarithmisch)</translation>
    </message>
    <message>
        <source>%1: M = %2, %3 generations, %4 replicates</source>
        <translation>%1: M = %2, %3 Generationen, %4 Wiederholungen</translation>
    </message>
    <message>
        <source>generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>Model collapse, reproduced</source>
        <translation>Modellkollaps, nachgerechnet</translation>
    </message>
    <message>
        <source>Keeping the real data and adding only a share of synthetic data holds the model near the original: its errors are diluted, not compounded (Bertrand et al. 2024).</source>
        <translation>Die echten Daten zu behalten und nur einen Anteil synthetischer Daten zu ergänzen, hält das Modell nahe am Original: Seine Fehler werden verdünnt, nicht aufgehäuft (Bertrand et al. 2024).</translation>
    </message>
    <message>
        <source>held near the original by the real data it keeps.</source>
        <translation>von den behaltenen echten Daten nahe am Original gehalten.</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>1 colour</source>
        <translation>1 Farbe</translation>
    </message>
    <message>
        <source>%1 colours</source>
        <translation>%1 Farben</translation>
    </message>
    <message>
        <source>one normal</source>
        <translation>eine Normalverteilung</translation>
    </message>
    <message>
        <source>1 component</source>
        <translation>1 Komponente</translation>
    </message>
    <message>
        <source>%1 components</source>
        <translation>%1 Komponenten</translation>
    </message>
    <message>
        <source>1 latent dimension</source>
        <translation>1 latente Dimension</translation>
    </message>
    <message>
        <source>%1 latent dimensions</source>
        <translation>%1 latente Dimensionen</translation>
    </message>
    <message>
        <source>−log-likelihood of real data (log scale)</source>
        <translation>−Log-Likelihood echter Daten (log. Skala)</translation>
    </message>
    <message>
        <source>single words</source>
        <translation>einzelne Wörter</translation>
    </message>
    <message>
        <source>word pairs</source>
        <translation>Wortpaare</translation>
    </message>
    <message>
        <source>word triples</source>
        <translation>Worttripel</translation>
    </message>
    <message>
        <source>%1 words of context</source>
        <translation>%1 Wörter Kontext</translation>
    </message>
    <message>
        <source>%1 hidden units</source>
        <translation>%1 verborgene Einheiten</translation>
    </message>
    <message>
        <source>a transformer of %1 M weights</source>
        <translation>ein Transformer mit %1 Mio. Gewichten</translation>
    </message>
    <message>
        <source>ordinary least squares</source>
        <translation>gewöhnliche kleinste Quadrate</translation>
    </message>
    <message>
        <source>one point denoised, t = T to 0</source>
        <translation>ein entrauschter Punkt, t = T bis 0</translation>
    </message>
    <message>
        <source>bandwidth h = %1</source>
        <translation>Bandbreite h = %1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::CatStage</name>
    <message>
        <source>The original cats</source>
        <translation>Die ursprünglichen Katzen</translation>
    </message>
    <message>
        <source>the original cats&apos; colours</source>
        <translation>Farben der ursprünglichen Katzen</translation>
    </message>
    <message>
        <source>the model&apos;s colours</source>
        <translation>Farben des Modells</translation>
    </message>
    <message>
        <source>this generation&apos;s cats, by fur colour (hue)</source>
        <translation>Katzen dieser Generation, nach Fellfarbe (Farbton)</translation>
    </message>
    <message>
        <source>blue cats: %1</source>
        <translation>blaue Katzen: %1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::DensityStage</name>
    <message>
        <source>The original distribution</source>
        <translation>Die ursprüngliche Verteilung</translation>
    </message>
    <message>
        <source>spread: %1 of generation 0&apos;s</source>
        <translation>Streuung: %1 der Generation 0</translation>
    </message>
</context>
<context>
    <name>collapse::ui::DiffusionImageStage</name>
    <message>
        <source>look like the category: %1</source>
        <translation>sehen aus wie die Kategorie: %1</translation>
    </message>
    <message>
        <source>Real images of one category</source>
        <translation>Echte Bilder einer Kategorie</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Echt</translation>
    </message>
    <message>
        <source>Generated from fixed noise</source>
        <translation>Aus festem Rauschen erzeugt</translation>
    </message>
    <message>
        <source>Real images</source>
        <translation>Echte Bilder</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ExportActions</name>
    <message>
        <source>Nothing to export yet: the first generation is still being computed.</source>
        <translation>Noch nichts zu exportieren: Die erste Generation wird noch berechnet.</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>Rendering and encoding %1 generations…</source>
        <translation>%1 Generationen werden gezeichnet und kodiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>Export abgebrochen; nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>The run stopped before its end: there is no complete data to export.</source>
        <translation>Der Lauf endete vorzeitig: Es gibt keine vollständigen Daten zum Exportieren.</translation>
    </message>
    <message>
        <source>The run is still being computed; export its data when it is done.</source>
        <translation>Der Lauf wird noch berechnet; exportieren Sie die Daten, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Folder for metrics.csv, summary.csv and scenario.json</source>
        <translation>Ordner für metrics.csv, summary.csv und scenario.json</translation>
    </message>
    <message>
        <source>Saved metrics.csv, summary.csv and scenario.json in %1</source>
        <translation>metrics.csv, summary.csv und scenario.json in %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;File (.png, .svg, .pdf):</source>
        <translation>&amp;Datei (.png, .svg, .pdf):</translation>
    </message>
    <message>
        <source>&amp;File (.mp4, .webm, .gif, or a folder):</source>
        <translation>&amp;Datei (.mp4, .webm, .gif oder ein Ordner):</translation>
    </message>
    <message>
        <source>Stage and charts</source>
        <translation>Bühne und Diagramme</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>One generation, or several separated by commas for small multiples</source>
        <translation>Eine Generation, oder mehrere durch Kommas getrennt für eine Bildreihe</translation>
    </message>
    <message>
        <source>Paper figure</source>
        <translation>Abbildung wie im Artikel</translation>
    </message>
    <message>
        <source>Generations 0, 50, 100, 150, 200, 350 and 2000, as in Shumailov et al. (2024), Fig. 2</source>
        <translation>Generationen 0, 50, 100, 150, 200, 350 und 2000, wie bei Shumailov et al. (2024), Abb. 2</translation>
    </message>
    <message>
        <source>&amp;Generations:</source>
        <translation>&amp;Generationen:</translation>
    </message>
    <message>
        <source>Si&amp;ze (at 96 dpi):</source>
        <translation>&amp;Größe (bei 96 dpi):</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>PNG &amp;resolution:</source>
        <translation>PNG-&amp;Auflösung:</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source> generations per second</source>
        <translation> Generationen pro Sekunde</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <source>%1 frames, one per generation</source>
        <translation>%1 Bilder, eines pro Generation</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;WebM video (*.webm);;GIF animation (*.gif);;Folder of PNG frames (*)</source>
        <translation>MP4-Video (*.mp4);;WebM-Video (*.webm);;GIF-Animation (*.gif);;Ordner mit PNG-Bildern (*)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>A figure is a .png, .svg or .pdf file.</source>
        <translation>Eine Abbildung ist eine .png-, .svg- oder .pdf-Datei.</translation>
    </message>
    <message>
        <source>List generations from 0 to %1, separated by commas.</source>
        <translation>Geben Sie Generationen von 0 bis %1 an, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>collapse::ui::FileActions</name>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>The scenario was not opened:
%1</source>
        <translation>Das Szenario wurde nicht geöffnet:
%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Scenario files (*.json);;All files (*)</source>
        <translation>Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Scenario</source>
        <translation>Szenario speichern</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>Szenariodateien (*.json)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Open Share Code</source>
        <translation>Freigabecode öffnen</translation>
    </message>
    <message>
        <source>A share code (cl1-…) or a collapselab:// link:</source>
        <translation>Ein Freigabecode (cl1-…) oder ein collapselab://-Link:</translation>
    </message>
    <message>
        <source>The share code was not opened:
%1</source>
        <translation>Der Freigabecode wurde nicht geöffnet:
%1</translation>
    </message>
    <message>
        <source>Opened the shared scenario</source>
        <translation>Das geteilte Szenario ist geöffnet</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ImageStage</name>
    <message>
        <source>Generated: the same latent noise each generation</source>
        <translation>Erzeugt: in jeder Generation dasselbe latente Rauschen</translation>
    </message>
    <message>
        <source>Real images</source>
        <translation>Echte Bilder</translation>
    </message>
    <message>
        <source>Latent codes, first encoder</source>
        <translation>Latente Codes, erster Encoder</translation>
    </message>
    <message>
        <source>Training the first VAE…</source>
        <translation>Der erste VAE wird trainiert …</translation>
    </message>
    <message>
        <source>latent codes of real images</source>
        <translation>latente Codes echter Bilder</translation>
    </message>
    <message>
        <source>latent codes of generated images</source>
        <translation>latente Codes erzeugter Bilder</translation>
    </message>
    <message>
        <source>generated images outside the real images&apos; central 95%: %1</source>
        <translation>erzeugte Bilder außerhalb der zentralen 95 % der echten: %1</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Echt</translation>
    </message>
    <message>
        <source>Latent</source>
        <translation>Latent</translation>
    </message>
</context>
<context>
    <name>collapse::ui::KeyboardShortcutsHelp</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>collapse::ui::LessonPlayer</name>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>%1 — step %2 of %3</source>
        <translation>%1 – Schritt %2 von %3</translation>
    </message>
    <message>
        <source>Reveal (PgDn)</source>
        <translation>Auflösen (Bild ↓)</translation>
    </message>
    <message>
        <source>Next step (PgDn)</source>
        <translation>Nächster Schritt (Bild ↓)</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Letzter Schritt</translation>
    </message>
</context>
<context>
    <name>collapse::ui::MainWindow</name>
    <message>
        <source>Collapse Lab</source>
        <translation>Collapse Lab</translation>
    </message>
    <message>
        <source>About this preset</source>
        <translation>Über diese Vorlage</translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>Der Lauf wurde abgebrochen: %1</translation>
    </message>
    <message>
        <source>Data File</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <source>The file was not used:
%1</source>
        <translation>Die Datei wurde nicht verwendet:
%1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::MetricChart</name>
    <message>
        <source>generation</source>
        <translation>Generation</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>10–90% of chains</source>
        <translation>10–90 % der Ketten</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>Generation %1</source>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>Median %1</translation>
    </message>
    <message>
        <source>, 10–90%: %1 to %2</source>
        <translation>, 10–90 %: %1 bis %2</translation>
    </message>
    <message>
        <source>Copy Data as CSV</source>
        <translation>Daten als CSV kopieren</translation>
    </message>
    <message>
        <source>Save Chart as Figure…</source>
        <translation>Diagramm als Abbildung speichern…</translation>
    </message>
    <message>
        <source>Show All Generations</source>
        <translation>Alle Generationen zeigen</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <source>Save Chart as Figure</source>
        <translation>Diagramm als Abbildung speichern</translation>
    </message>
    <message>
        <source>Figures (*.png *.svg *.pdf);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>Abbildungen (*.png *.svg *.pdf);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ModelCollapseHelp</name>
    <message>
        <source>About Model Collapse</source>
        <translation>Über Modellkollaps</translation>
    </message>
    <message>
        <source>&lt;h2&gt;About model collapse&lt;/h2&gt;&lt;p&gt;A generative model learns a distribution from data. When the next model learns from data made by the one before, and the one after from that, errors pile up from generation to generation: the models &lt;b&gt;collapse&lt;/b&gt;. Shumailov et al. showed it for Gaussian mixtures, variational autoencoders and language models.&lt;/p&gt;&lt;h3&gt;Early and late collapse&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Early collapse&lt;/b&gt;: the tails go first. Rare events are seldom sampled, so each model sees fewer of them and gives them less mass, until they are gone. The shaded tail mass falls from 5% towards zero while the centre still looks right.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Late collapse&lt;/b&gt;: the variance shrinks and the model converges to something narrow that bears little resemblance to the original: a point, a single blurry image, one colour of cat.&lt;/p&gt;&lt;h3&gt;Three sources of error&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Statistical approximation error&lt;/b&gt;: a finite sample misses rare events and gets the parameters slightly wrong; with the unbiased estimator the variance of a refitted Gaussian still goes to zero almost surely. The &lt;i&gt;sample size&lt;/i&gt; slider sets it: more samples, slower collapse, but never none.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Functional expressivity error&lt;/b&gt;: the model cannot represent the true distribution, e.g. two components for three clusters. The &lt;i&gt;capacity&lt;/i&gt; slider sets it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Functional approximation error&lt;/b&gt;: the learning procedure itself is imperfect (EM stops at a tolerance, a VAE is trained for a few epochs, sampling favours the modes). The &lt;i&gt;advanced&lt;/i&gt; settings set it.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;What holds collapse back&lt;/h3&gt;&lt;p&gt;The &lt;i&gt;human data&lt;/i&gt; slider mixes fresh samples from the original into every generation: even 10% keeps the variance near the original&apos;s. Accumulating data rather than replacing it (the &lt;i&gt;policy&lt;/i&gt; setting) bounds the error, as Gerstgrasser et al. proved.&lt;/p&gt;&lt;p&gt;Augmenting the real data (policy &lt;i&gt;augment&lt;/i&gt;) keeps the real data of generation 0 whole and adds only a multiple of it, the &lt;i&gt;synthetic ratio&lt;/i&gt;, of new synthetic data each generation. Bertrand et al. proved retraining this way stable while the ratio is small enough; for a Gaussian it stays near the original at any ratio (the &lt;i&gt;phase-augment&lt;/i&gt; preset).&lt;/p&gt;&lt;p&gt;Whether synthetic data helps depends on how much real data there is, not on its share: with a few real samples, synthetic ones can smooth a kernel density estimate and lower its test loss; with many, they raise it, as Kazdan et al. found (the &lt;i&gt;synthetic samples&lt;/i&gt; setting and the &lt;i&gt;phase-cardinality&lt;/i&gt; preset).&lt;/p&gt;&lt;p&gt;Selecting synthetic data (the &lt;i&gt;selection&lt;/i&gt; setting) keeps only the best share of more candidates: those the model finds most likely, as a quality filter does, or those nearest a target off the original&apos;s centre. Qiao et al. showed that such biased selection speeds collapse up, even when all data is kept.&lt;/p&gt;&lt;p&gt;A linear regression refitted to its own labels (the &lt;i&gt;regression&lt;/i&gt; model) collapses in closed form: replacing the labels, its test error grows by the same step every generation, as Dohmatob et al. derived; accumulating them keeps it below a bound.&lt;/p&gt;&lt;h3&gt;References&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal. AI models collapse when trained on recursively generated data. &lt;i&gt;Nature&lt;/i&gt; 631, 755–759 (2024). doi:10.1038/s41586-024-07566-y&lt;/li&gt;&lt;li&gt;S. Alemohammad, J. Casco-Rodriguez, L. Luzi, A. I. Humayun, H. Babaei, D. LeJeune, A. Siahkoohi, R. G. Baraniuk. Self-consuming generative models go MAD. arXiv:2307.01850 (2023).&lt;/li&gt;&lt;li&gt;M. Gerstgrasser, R. Schaeffer, A. Dey, R. Rafailov, H. Sleight, J. Hughes, T. Korbak, R. Agrawal, D. Pai, A. Gromov, D. A. Roberts, D. Yang, D. L. Donoho, S. Koyejo. Is model collapse inevitable? Breaking the curse of recursion by accumulating real and synthetic data. arXiv:2404.01413 (2024).&lt;/li&gt;&lt;li&gt;Q. Bertrand, A. J. Bose, A. Duplessis, M. Jiralerspong, G. Gidel. On the stability of iterative retraining of generative models on their own data. ICLR 2024, arXiv:2310.00429.&lt;/li&gt;&lt;li&gt;E. Dohmatob, Y. Feng, J. Kempe. Model collapse demystified: the case of regression. arXiv:2402.07712 (2024).&lt;/li&gt;&lt;li&gt;X. Qiao, X. Du, W. Liu, J. Zhang, P. Mai, M. Zhang, Y. Pang. When sample selection bias precipitates model collapse. ICML 2026, arXiv:2606.13732.&lt;/li&gt;&lt;li&gt;J. Kazdan, R. Schaeffer, A. Dey, M. Gerstgrasser, R. Rafailov, D. L. Donoho, S. Koyejo. Collapse or thrive? Perils and promises of synthetic data in a self-generating world. arXiv:2410.16713 (2024).&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;h2&gt;Über Modellkollaps&lt;/h2&gt;&lt;p&gt;Ein generatives Modell lernt eine Verteilung aus Daten. Lernt das nächste Modell aus Daten, die das vorige erzeugt hat, und das übernächste wiederum daraus, häufen sich die Fehler von Generation zu Generation: Die Modelle &lt;b&gt;kollabieren&lt;/b&gt;. Shumailov et al. zeigten das für Gaußsche Mischungen, Variational Autoencoder und Sprachmodelle.&lt;/p&gt;&lt;h3&gt;Früher und später Kollaps&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Früher Kollaps&lt;/b&gt;: Zuerst gehen die Ränder. Seltene Ereignisse werden selten gezogen, also sieht jedes Modell weniger davon und gibt ihnen weniger Masse, bis sie fort sind. Die schattierte Randmasse fällt von 5 % gegen null, während die Mitte noch richtig aussieht.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Später Kollaps&lt;/b&gt;: Die Varianz schrumpft, und das Modell läuft auf etwas Schmales zu, das mit dem Original wenig gemein hat: einen Punkt, ein einziges verschwommenes Bild, eine einzige Katzenfarbe.&lt;/p&gt;&lt;h3&gt;Drei Fehlerquellen&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Statistischer Approximationsfehler&lt;/b&gt;: Eine endliche Stichprobe verpasst seltene Ereignisse und trifft die Parameter nicht ganz; auch mit dem erwartungstreuen Schätzer geht die Varianz einer immer wieder angepassten Normalverteilung fast sicher gegen null. Der Regler &lt;i&gt;Stichprobengröße&lt;/i&gt; bestimmt ihn: mehr Beispiele, langsamerer Kollaps, aber nie keiner.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Funktionaler Ausdrucksfehler&lt;/b&gt;: Das Modell kann die wahre Verteilung nicht darstellen, etwa zwei Komponenten für drei Cluster. Der Regler &lt;i&gt;Kapazität&lt;/i&gt; bestimmt ihn.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Funktionaler Approximationsfehler&lt;/b&gt;: Das Lernverfahren selbst ist unvollkommen (EM hält bei einer Toleranz an, ein VAE lernt nur wenige Epochen, das Ziehen bevorzugt die Modi). Die &lt;i&gt;erweiterten&lt;/i&gt; Einstellungen bestimmen ihn.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Was den Kollaps aufhält&lt;/h3&gt;&lt;p&gt;Der Regler &lt;i&gt;menschliche Daten&lt;/i&gt; mischt in jede Generation frische Beispiele aus dem Original: Schon 10 % halten die Varianz nahe an der des Originals. Daten anzusammeln statt sie zu ersetzen (die Einstellung &lt;i&gt;Datenstrategie&lt;/i&gt;) begrenzt den Fehler, wie Gerstgrasser et al. bewiesen.&lt;/p&gt;&lt;p&gt;Die echten Daten zu ergänzen (Datenstrategie &lt;i&gt;Echte Daten ergänzen&lt;/i&gt;) behält die echten Daten der Generation 0 ganz und fügt in jeder Generation nur ein Vielfaches davon, den &lt;i&gt;synthetischen Anteil&lt;/i&gt;, an neuen synthetischen Daten hinzu. Bertrand et al. bewiesen, dass so nachtrainiert stabil bleibt, solange der Anteil klein genug ist; eine Gaußverteilung bleibt bei jedem Anteil nahe am Original (die Vorlage &lt;i&gt;phase-augment&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;Ob synthetische Daten helfen, hängt davon ab, wie viele echte Daten es gibt, nicht von ihrem Anteil: Bei wenigen echten Stichproben können synthetische einen Kerndichteschätzer glätten und seinen Testverlust senken; bei vielen erhöhen sie ihn, wie Kazdan et al. fanden (die Einstellung &lt;i&gt;Synthetische Stichproben&lt;/i&gt; und die Vorlage &lt;i&gt;phase-cardinality&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;Synthetische Daten auszuwählen (die Einstellung &lt;i&gt;Auswahl&lt;/i&gt;) behält nur den besten Anteil von mehr Kandidaten: die, die das Modell für am wahrscheinlichsten hält, wie es ein Qualitätsfilter tut, oder die, die einem Ziel abseits der Mitte des Originals am nächsten liegen. Qiao et al. zeigten, dass eine solche verzerrte Auswahl den Kollaps beschleunigt, selbst wenn alle Daten behalten werden.&lt;/p&gt;&lt;p&gt;Eine lineare Regression, die an ihre eigenen Labels neu angepasst wird (das Modell &lt;i&gt;Regression&lt;/i&gt;), kollabiert in geschlossener Form: Ersetzt sie die Labels, wächst ihr Testfehler in jeder Generation um denselben Schritt, wie Dohmatob et al. herleiteten; sammelt sie sie an, bleibt er unter einer Schranke.&lt;/p&gt;&lt;h3&gt;Literatur&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;I. Shumailov, Z. Shumaylov, Y. Zhao, N. Papernot, R. Anderson, Y. Gal. AI models collapse when trained on recursively generated data. &lt;i&gt;Nature&lt;/i&gt; 631, 755–759 (2024). doi:10.1038/s41586-024-07566-y&lt;/li&gt;&lt;li&gt;S. Alemohammad, J. Casco-Rodriguez, L. Luzi, A. I. Humayun, H. Babaei, D. LeJeune, A. Siahkoohi, R. G. Baraniuk. Self-consuming generative models go MAD. arXiv:2307.01850 (2023).&lt;/li&gt;&lt;li&gt;M. Gerstgrasser, R. Schaeffer, A. Dey, R. Rafailov, H. Sleight, J. Hughes, T. Korbak, R. Agrawal, D. Pai, A. Gromov, D. A. Roberts, D. Yang, D. L. Donoho, S. Koyejo. Is model collapse inevitable? Breaking the curse of recursion by accumulating real and synthetic data. arXiv:2404.01413 (2024).&lt;/li&gt;&lt;li&gt;Q. Bertrand, A. J. Bose, A. Duplessis, M. Jiralerspong, G. Gidel. On the stability of iterative retraining of generative models on their own data. ICLR 2024, arXiv:2310.00429.&lt;/li&gt;&lt;li&gt;E. Dohmatob, Y. Feng, J. Kempe. Model collapse demystified: the case of regression. arXiv:2402.07712 (2024).&lt;/li&gt;&lt;li&gt;X. Qiao, X. Du, W. Liu, J. Zhang, P. Mai, M. Zhang, Y. Pang. When sample selection bias precipitates model collapse. ICML 2026, arXiv:2606.13732.&lt;/li&gt;&lt;li&gt;J. Kazdan, R. Schaeffer, A. Dey, M. Gerstgrasser, R. Rafailov, D. L. Donoho, S. Koyejo. Collapse or thrive? Perils and promises of synthetic data in a self-generating world. arXiv:2410.16713 (2024).&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ParameterPanel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The generative model refitted every generation on data made by the one before.</source>
        <translation>Das generative Modell, das jede Generation an die Daten der vorigen neu angepasst wird.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>M = %1</source>
        <translation>M = %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>collapse::ui::PhaseDiagramView</name>
    <message>
        <source>Choose the keys and their values, then run the sweep: each cell is a whole run, and the diagram fills in as they finish.</source>
        <translation>Schlüssel und Werte wählen, dann den Sweep starten: Jede Zelle ist ein ganzer Lauf, und das Diagramm füllt sich, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>Click to open this cell as a run.</source>
        <translation>Klicken öffnet diese Zelle als Lauf.</translation>
    </message>
</context>
<context>
    <name>collapse::ui::PointsStage</name>
    <message>
        <source>modes kept: %1 of 8</source>
        <translation>erhaltene Moden: %1 von 8</translation>
    </message>
    <message>
        <source>samples like the original: %1</source>
        <translation>echt wirkend: %1</translation>
    </message>
    <message>
        <source>The original points</source>
        <translation>Die ursprünglichen Punkte</translation>
    </message>
    <message>
        <source>original (50%, 90%)</source>
        <translation>Original (50 %, 90 %)</translation>
    </message>
    <message>
        <source>original&apos;s central 95%</source>
        <translation>zentrale 95 % des Originals</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>samples in the tails</source>
        <translation>Stichprobe in den Rändern</translation>
    </message>
    <message>
        <source>previous generation</source>
        <translation>vorige Generation</translation>
    </message>
    <message>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::RegressionStage</name>
    <message>
        <source>The true line</source>
        <translation>Die wahre Gerade</translation>
    </message>
    <message>
        <source>test error: %1</source>
        <translation>Testfehler: %1</translation>
    </message>
    <message>
        <source>true line</source>
        <translation>wahre Gerade</translation>
    </message>
    <message>
        <source>current fit</source>
        <translation>aktuelle Anpassung</translation>
    </message>
    <message>
        <source>labels it makes: y′ is y less the other features&apos; true part</source>
        <translation>erzeugte Labels: y′ ist y ohne den wahren Anteil der übrigen Merkmale</translation>
    </message>
    <message>
        <source>first feature x₁</source>
        <translation>erstes Merkmal x₁</translation>
    </message>
    <message>
        <source>label y′</source>
        <translation>Label y′</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ReproductionDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reproduce the Paper</source>
        <translation>Das Paper nachrechnen</translation>
    </message>
    <message>
        <source>Reruns the experiments of Shumailov et al. (Nature 2024) at the quick scale, about a minute on two cores, and writes a report that sets each of our numbers beside the paper&apos;s. The paper&apos;s own settings take longer: &lt;code&gt;collapselab-cli reproduce --scale paper&lt;/code&gt;.</source>
        <translation>Rechnet die Experimente von Shumailov et al. (Nature 2024) im kleinen Maßstab nach, etwa eine Minute auf zwei Kernen, und schreibt einen Bericht, der jede unserer Zahlen neben die des Papers stellt. Die Einstellungen des Papers selbst dauern länger: &lt;code&gt;collapselab-cli reproduce --scale paper&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Start …</translation>
    </message>
    <message>
        <source>Run %1 of %2, %3: generation %4 of %5</source>
        <translation>Lauf %1 von %2, %3: Generation %4 von %5</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben …</translation>
    </message>
    <message>
        <source>The report is written: %1</source>
        <translation>Der Bericht ist geschrieben: %1</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Where the Report&apos;s Folder Goes</source>
        <translation>Wohin der Ordner des Berichts kommt</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>collapse::ui::RunController</name>
    <message>
        <source>Computing: %1 of %2 generations</source>
        <translation>Berechnung: %1 von %2 Generationen</translation>
    </message>
    <message>
        <source>%1 generations of one chain in %2 s</source>
        <translation>%1 Generationen einer Kette in %2 s</translation>
    </message>
    <message>
        <source>%1 generations of %2 chains in %3 s</source>
        <translation>%1 Generationen von %2 Ketten in %3 s</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ScatterStage</name>
    <message>
        <source>The original distribution</source>
        <translation>Die ursprüngliche Verteilung</translation>
    </message>
</context>
<context>
    <name>collapse::ui::ShareDialog</name>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>This link is too long for a QR code.</source>
        <translation>Dieser Link ist für einen QR-Code zu lang.</translation>
    </message>
    <message>
        <source>Scan to open this scenario in Collapse Lab</source>
        <translation>Scannen, um dieses Szenario in Collapse Lab zu öffnen</translation>
    </message>
    <message>
        <source>&amp;Code (paste it in File ▸ Open Share Code, or after --share):</source>
        <translation>&amp;Code (unter Datei ▸ Freigabecode öffnen einfügen oder nach --share):</translation>
    </message>
    <message>
        <source>Copy Code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>&amp;Link (opens Collapse Lab where it is installed):</source>
        <translation>&amp;Link (öffnet Collapse Lab, wo es installiert ist):</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
</context>
<context>
    <name>collapse::ui::StageArea</name>
    <message>
        <source>What you are seeing</source>
        <translation>Was Sie sehen</translation>
    </message>
    <message>
        <source>Computing the first generation…</source>
        <translation>Die erste Generation wird berechnet …</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>Kette %1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::StageView</name>
    <message>
        <source>Generation %1</source>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>mass in the original&apos;s tails: %1</source>
        <translation>Masse in den Rändern des Originals: %1</translation>
    </message>
</context>
<context>
    <name>collapse::ui::SweepWindow</name>
    <message>
        <source>Collapse Lab: Sweep</source>
        <translation>Collapse Lab: Sweep</translation>
    </message>
    <message>
        <source>%1 of %2 cells</source>
        <translation>%1 von %2 Zellen</translation>
    </message>
    <message>
        <source>The sweep stopped: %1</source>
        <translation>Der Sweep wurde angehalten: %1</translation>
    </message>
    <message>
        <source>0,0.1,0.2 or 10:1000:5:log</source>
        <translation>0,0.1,0.2 oder 10:1000:5:log</translation>
    </message>
    <message>
        <source>A list of values (0,0.1,0.2), or a range LO:HI:COUNT in equal steps, with :log for equal ratios.</source>
        <translation>Eine Liste von Werten (0,0.1,0.2) oder ein Bereich LO:HI:ANZAHL in gleichen Schritten, mit :log in gleichen Verhältnissen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Draws the line where the value crosses this number: the collapse boundary.</source>
        <translation>Zeichnet die Linie, an der der Wert diese Zahl kreuzt: die Kollapsgrenze.</translation>
    </message>
    <message>
        <source>Across:</source>
        <translation>Waagrecht:</translation>
    </message>
    <message>
        <source>values:</source>
        <translation>Werte:</translation>
    </message>
    <message>
        <source>Up:</source>
        <translation>Senkrecht:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Statistic:</source>
        <translation>Statistik:</translation>
    </message>
    <message>
        <source>At generation:</source>
        <translation>In Generation:</translation>
    </message>
    <message>
        <source>Boundary at:</source>
        <translation>Grenze bei:</translation>
    </message>
    <message>
        <source>Run Sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>no cells run yet</source>
        <translation>noch keine Zelle gerechnet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Sweep…</source>
        <translation>Sweep ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open Sweep</source>
        <translation>Sweep öffnen</translation>
    </message>
    <message>
        <source>Sweeps (*.json)</source>
        <translation>Sweeps (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save Sweep…</source>
        <translation>Sweep &amp;speichern …</translation>
    </message>
    <message>
        <source>Save Sweep</source>
        <translation>Sweep speichern</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>&amp;Abbildung exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Figures (*.pdf *.svg *.png)</source>
        <translation>Abbildungen (*.pdf *.svg *.png)</translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation>&amp;Daten exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>(none: one key)</source>
        <translation>(keiner: ein Schlüssel)</translation>
    </message>
    <message>
        <source>Each cell runs: %1</source>
        <translation>Jede Zelle rechnet: %1</translation>
    </message>
    <message>
        <source>The sweep was not opened:
%1</source>
        <translation>Der Sweep wurde nicht geöffnet:
%1</translation>
    </message>
    <message>
        <source>there is no sweep to save yet: run one first</source>
        <translation>es gibt noch keinen Sweep zum Speichern: zuerst einen starten</translation>
    </message>
    <message>
        <source>there is no phase diagram yet: run a sweep first</source>
        <translation>es gibt noch kein Phasendiagramm: zuerst einen Sweep starten</translation>
    </message>
    <message>
        <source>the sweep has not finished: %1 of %2 cells are done</source>
        <translation>der Sweep ist nicht fertig: %1 von %2 Zellen sind gerechnet</translation>
    </message>
    <message>
        <source>the boundary must be a number, not &quot;%1&quot;</source>
        <translation>die Grenze muss eine Zahl sein, nicht „%1“</translation>
    </message>
    <message>
        <source>0 of %1 cells</source>
        <translation>0 von %1 Zellen</translation>
    </message>
    <message>
        <source>cancelled: %1 of %2 cells</source>
        <translation>abgebrochen: %1 von %2 Zellen</translation>
    </message>
</context>
<context>
    <name>collapse::ui::TextStage</name>
    <message>
        <source>the original text</source>
        <translation>der ursprüngliche Text</translation>
    </message>
    <message>
        <source>this generation&apos;s writing</source>
        <translation>was diese Generation schreibt</translation>
    </message>
    <message>
        <source>earlier generations</source>
        <translation>frühere Generationen</translation>
    </message>
    <message>
        <source>words no longer written</source>
        <translation>nicht mehr geschriebene Wörter</translation>
    </message>
    <message>
        <source>a rare word of the original</source>
        <translation>ein seltenes Wort des Originals</translation>
    </message>
    <message>
        <source>an uncommon one</source>
        <translation>ein ungewöhnliches</translation>
    </message>
    <message>
        <source>Reading the original text…</source>
        <translation>Der ursprüngliche Text wird gelesen …</translation>
    </message>
    <message>
        <source>Prompt %1:</source>
        <translation>Anfang %1:</translation>
    </message>
    <message>
        <source>generation 0</source>
        <translation>Generation 0</translation>
    </message>
    <message>
        <source>generation %1</source>
        <translation>Generation %1</translation>
    </message>
    <message>
        <source>Words by rank (log–log)</source>
        <translation>Wörter nach Rang (log–log)</translation>
    </message>
    <message>
        <source>Perplexity for generation 0</source>
        <translation>Perplexität für Generation 0</translation>
    </message>
    <message>
        <source>words in use: %1 of generation 0&apos;s</source>
        <translation>Wörter im Gebrauch: %1 der Generation 0</translation>
    </message>
</context>
<context>
    <name>collapse::ui::TransportBar</name>
    <message>
        <source>Back to generation 0</source>
        <translation>Zurück zu Generation 0</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Pos1</translation>
    </message>
    <message>
        <source>One generation back</source>
        <translation>Eine Generation zurück</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>One generation forward</source>
        <translation>Eine Generation vor</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Langsam</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Schnell</translation>
    </message>
    <message>
        <source>How many generations are shown per second; a step is always one generation.</source>
        <translation>Wie viele Generationen pro Sekunde gezeigt werden; ein Schritt ist immer eine Generation.</translation>
    </message>
    <message>
        <source>Drag to revisit any generation computed so far.</source>
        <translation>Ziehen, um jede bisher berechnete Generation erneut anzusehen.</translation>
    </message>
    <message>
        <source>Generation %1 / %2</source>
        <translation>Generation %1 / %2</translation>
    </message>
    <message>
        <source>Chain </source>
        <translation>Kette </translation>
    </message>
    <message>
        <source>The chain the stage shows, one of the independent chains the charts summarise.</source>
        <translation>Die Kette, die die Bühne zeigt: eine der unabhängigen Ketten, die die Diagramme zusammenfassen.</translation>
    </message>
    <message>
        <source>Chain on stage</source>
        <translation>Kette auf der Bühne</translation>
    </message>
    <message>
        <source>Typical</source>
        <translation>Typisch</translation>
    </message>
    <message>
        <source>Show the typical chain: the one whose headline metric is the median of all chains at the last generation computed.</source>
        <translation>Die typische Kette zeigen: die, deren Hauptkennzahl in der zuletzt berechneten Generation der Median aller Ketten ist.</translation>
    </message>
    <message>
        <source>Generations 0 to %1; %2 computed so far.</source>
        <translation>Generationen 0 bis %1; %2 bisher berechnet.</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>collapse::ui::WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>Szenario ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save Scenario…</source>
        <translation>Szenario &amp;speichern …</translation>
    </message>
    <message>
        <source>New S&amp;weep…</source>
        <translation>Neuer &amp;Sweep …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>&amp;Abbildung exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Animation…</source>
        <translation>A&amp;nimation exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation>&amp;Daten exportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Undo the last parameter change</source>
        <translation>Die letzte Parameteränderung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Redo the parameter change undone last</source>
        <translation>Die zuletzt rückgängig gemachte Parameteränderung wiederherstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorlagen</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>P&amp;layback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Play or Pause</source>
        <translation>Abspielen oder anhalten</translation>
    </message>
    <message>
        <source>One Generation Back</source>
        <translation>Eine Generation zurück</translation>
    </message>
    <message>
        <source>One Generation Forward</source>
        <translation>Eine Generation vor</translation>
    </message>
    <message>
        <source>Back to Generation 0</source>
        <translation>Zurück zu Generation 0</translation>
    </message>
    <message>
        <source>Last Generation</source>
        <translation>Letzte Generation</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Langsamer</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Schneller</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>&amp;Vortragsmodus</translation>
    </message>
    <message>
        <source>Leave Presenter Mode</source>
        <translation>Vortragsmodus verlassen</translation>
    </message>
    <message>
        <source>Presenter &amp;Screen</source>
        <translation>&amp;Bildschirm für den Vortrag</translation>
    </message>
    <message>
        <source>&amp;Parameters Panel</source>
        <translation>&amp;Parameterleiste</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <translation>&amp;Helles Design</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>P&amp;rojector Theme</source>
        <translation>&amp;Beamer-Design</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Show the &amp;First Side Only</source>
        <translation>Nur die &amp;erste Seite zeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Model Collapse</source>
        <translation>Über &amp;Modellkollaps</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;Reproduce the Paper…</source>
        <translation>Das Paper &amp;nachrechnen …</translation>
    </message>
    <message>
        <source>&amp;About Collapse Lab</source>
        <translation>Über &amp;Collapse Lab</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F1</source>
        <translation>Ctrl+Shift+F1</translation>
    </message>
    <message>
        <source>About Collapse Lab</source>
        <translation>Über Collapse Lab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Collapse Lab %1&lt;/h3&gt;&lt;p&gt;Watch generative models forget: each generation is trained on data made by the one before.&lt;/p&gt;&lt;p&gt;Shumailov et al., &quot;AI models collapse when trained on recursively generated data&quot;, Nature 631 (2024).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Collapse Lab %1&lt;/h3&gt;&lt;p&gt;Sehen Sie generativen Modellen beim Vergessen zu: Jede Generation lernt aus Daten, die die vorige erzeugt hat.&lt;/p&gt;&lt;p&gt;Shumailov et al., „AI models collapse when trained on recursively generated data“, Nature 631 (2024).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No scenario files yet</source>
        <translation>Noch keine Szenariodateien</translation>
    </message>
    <message>
        <source>%1 (%2×%3)</source>
        <translation>%1 (%2×%3)</translation>
    </message>
    <message>
        <source>Zoom Charts &amp;In</source>
        <translation>Diagramme ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom Charts &amp;Out</source>
        <translation>Diagramme ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Charts: &amp;All Generations</source>
        <translation>Diagramme: alle &amp;Generationen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>&amp;Teilen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Open Share &amp;Code…</source>
        <translation>Frei&amp;gabecode öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>O&amp;ne Chain</source>
        <translation>Ei&amp;ne Kette</translation>
    </message>
    <message>
        <source>&amp;Then and Now</source>
        <translation>Damals und je&amp;tzt</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>&amp;Many Chains</source>
        <translation>Vie&amp;le Ketten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watch generative models forget.</source>
        <translation>Sehen Sie generativen Modellen beim Vergessen zu.</translation>
    </message>
    <message>
        <source>Open the built-in preset NAME.</source>
        <translation>Die eingebaute Vorlage NAME öffnen.</translation>
    </message>
    <message>
        <source>Open the scenario file FILE.</source>
        <translation>Die Szenariodatei FILE öffnen.</translation>
    </message>
    <message>
        <source>Save the window to the PNG file FILE once the run is done, then quit.</source>
        <translation>Das Fenster nach Ende des Laufs als PNG-Datei FILE speichern, dann beenden.</translation>
    </message>
    <message>
        <source>The generation on stage in the screenshot (default: the last).</source>
        <translation>Die Generation auf der Bühne im Bildschirmfoto (Vorgabe: die letzte).</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 1920x1080.</source>
        <translation>Die Fenstergröße, z. B. 1920x1080.</translation>
    </message>
    <message>
        <source>The colour theme: light, dark or projector.</source>
        <translation>Das Farbdesign: light (hell), dark (dunkel) oder projector (Beamer).</translation>
    </message>
    <message>
        <source>Start in presenter mode (full screen).</source>
        <translation>Im Vortragsmodus starten (Vollbild).</translation>
    </message>
    <message>
        <source>Open the scenario of the share code or link CODE.</source>
        <translation>Das Szenario des Freigabecodes oder Links CODE öffnen.</translation>
    </message>
    <message>
        <source>A collapselab:// link to open, as --share does, or a scenario file, as --scenario does.</source>
        <translation>Ein zu öffnender collapselab://-Link, wie mit --share, oder eine Szenariodatei, wie mit --scenario.</translation>
    </message>
    <message>
        <source>Play the bundled lesson NAME or the lesson file FILE.</source>
        <translation>Die mitgelieferte Lektion NAME oder die Lektionsdatei FILE abspielen.</translation>
    </message>
    <message>
        <source>Start the lesson at step K (from 1).</source>
        <translation>Die Lektion bei Schritt K beginnen (ab 1).</translation>
    </message>
    <message>
        <source>Reveal the lesson&apos;s first step shown.</source>
        <translation>Den ersten gezeigten Schritt der Lektion auflösen.</translation>
    </message>
    <message>
        <source>What the stage shows: one-chain, then-and-now (generation 0 beside the generation on stage) or many-chains (nine at once).</source>
        <translation>Was die Bühne zeigt: one-chain, then-and-now (Generation 0 neben der gezeigten Generation) oder many-chains (neun auf einmal).</translation>
    </message>
</context>
</TS>
