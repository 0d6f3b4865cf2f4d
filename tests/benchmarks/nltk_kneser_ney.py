#!/usr/bin/python3
"""The text model's trigram Kneser-Ney fit and sampling in NLTK beside collapselab's own (a benchmark, not a test).

The data are those of BM_TextFit and BM_TextSample: the bundled Jane Austen corpus split into tokens as
core/models/text/tokenizer.h describes (words with their inner apostrophes and hyphens, every other
character a token of its own, "_" dropped), its first 90% for training, and of that the first 1000 blocks
of 64 tokens. NLTK's KneserNeyInterpolated(3) (discount 0.1) is fitted to the blocks, each padded as a
sentence, and then writes SAMPLED tokens by ancestral sampling, one lm.generate() call per 64 tokens
(timed once: NLTK scores the whole vocabulary for every token it writes, about a second a token).
Prints the median seconds of REPEATS fits and the tokens per second of sampling. Given the
collapselab-benchmarks binary, it runs BM_TextFit/order:3/none:0 and BM_TextSample/order:3/none:0/
temperature_pct:100 in the same session and prints the ratios of the medians.

Usage: tests/benchmarks/nltk_kneser_ney.py [SAMPLED] [REPEATS] [path/to/collapselab-benchmarks]
"""
import json
import pathlib
import re
import statistics
import subprocess
import sys
import time

from nltk.lm import KneserNeyInterpolated
from nltk.lm.preprocessing import padded_everygram_pipeline

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "resources/data/austen/austen.txt"
BLOCKS = 1000
LENGTH = 64
ORDER = 3

# A word: letters and digits, with an apostrophe or hyphen between two of them kept inside; any other
# character but a space or "_" is a token of its own.
TOKEN = re.compile(r"[^\W_]+(?:['\u2019\-\u2010\u2011][^\W_]+)*|[^\s_]")


def training_blocks():
    tokens = TOKEN.findall(CORPUS.read_text(encoding="utf-8"))
    training = tokens[: len(tokens) - (len(tokens) + 9) // 10]
    return [training[i * LENGTH:(i + 1) * LENGTH] for i in range(BLOCKS)]


def fit(blocks):
    ngrams, vocabulary = padded_everygram_pipeline(ORDER, blocks)
    model = KneserNeyInterpolated(ORDER)
    model.fit(ngrams, vocabulary)
    return model


def median_time(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def collapselab_medians(binary, repeats):
    """Median ms of one fit, and median tokens per second of sampling, from collapselab-benchmarks."""
    output = subprocess.run([binary, "--benchmark_filter=^BM_TextFit/order:3/none:0$|"
                             "^BM_TextSample/order:3/none:0/temperature_pct:100$",
                             f"--benchmark_repetitions={repeats}", "--benchmark_format=json"],
                            check=True, capture_output=True, text=True).stdout
    runs = [b for b in json.loads(output)["benchmarks"] if b.get("run_type") == "iteration"]
    fit_ms = statistics.median(b["real_time"] for b in runs if b["name"].startswith("BM_TextFit"))
    sample_rate = statistics.median(b["tokens_per_s"] for b in runs if b["name"].startswith("BM_TextSample"))
    return fit_ms, sample_rate


def main():
    sampled = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    blocks = training_blocks()
    fit_seconds = median_time(lambda: fit(blocks), repeats)
    model = fit(blocks)
    sequences = max(1, sampled // LENGTH)

    def sample():
        for seed in range(sequences):
            model.generate(LENGTH, random_seed=seed)

    sample_rate = sequences * LENGTH / median_time(sample, 1)
    print(f"NLTK:        fit {1e3 * fit_seconds:.0f} ms (median of {repeats}), "
          f"sampling {sample_rate:.2g} tokens/s ({sequences * LENGTH} tokens a run)")
    if len(sys.argv) > 3:
        ours_fit_ms, ours_rate = collapselab_medians(sys.argv[3], repeats)
        print(f"collapselab: fit {ours_fit_ms:.1f} ms, sampling {ours_rate:.0f} tokens/s "
              f"(a generation: {BLOCKS * LENGTH} tokens)")
        print(f"speed-up:    fit {1e3 * fit_seconds / ours_fit_ms:.0f}x, sampling {ours_rate / sample_rate:.2g}x")


if __name__ == "__main__":
    main()
