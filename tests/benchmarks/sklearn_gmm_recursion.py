#!/usr/bin/python3
"""The gmm-paper recursion in scikit-learn beside collapselab's own (a benchmark, not a test).

One chain: a 2-component full-covariance GaussianMixture is fitted by EM (tol 1e-5, at most 2000
iterations, reg_covar 1e-6, k-means initialisation) to 1000 samples of a 2-D standard normal, then to
1000 samples of its own, GENERATIONS times, on one thread. Prints the median milliseconds per
generation over REPEATS chains. Given the collapselab-benchmarks binary, it runs
BM_PresetChain/gmm_paper in the same session and prints the ratio of the two medians.

Usage: OMP_NUM_THREADS=1 sklearn_gmm_recursion.py [GENERATIONS] [REPEATS] [path/to/collapselab-benchmarks]
"""
import json
import statistics
import subprocess
import sys
import time

import numpy as np
from sklearn.mixture import GaussianMixture


def run_chain(generations, seed):
    rng = np.random.default_rng(seed)
    data = rng.standard_normal((1000, 2))
    iterations = []
    start = time.perf_counter()
    for generation in range(generations):
        model = GaussianMixture(n_components=2, covariance_type="full", tol=1e-5, max_iter=2000,
                                reg_covar=1e-6, random_state=seed * 100003 + generation)
        model.fit(data)
        iterations.append(model.n_iter_)
        data, _ = model.sample(1000)
    return (time.perf_counter() - start) / generations, statistics.mean(iterations)


def collapselab_ms_per_generation(binary, repeats):
    """Median ms per generation of BM_PresetChain/gmm_paper (200 generations a chain, metrics included)."""
    output = subprocess.run([binary, "--benchmark_filter=BM_PresetChain/gmm_paper",
                             f"--benchmark_repetitions={repeats}", "--benchmark_format=json"],
                            check=True, capture_output=True, text=True).stdout
    runs = [b for b in json.loads(output)["benchmarks"] if b.get("run_type") == "iteration"]
    per_generation = [b["real_time"] / 200.0 for b in runs]  # real_time is in ms per 200-generation chain
    return statistics.median(per_generation)


def main():
    generations = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    results = [run_chain(generations, seed) for seed in range(1, repeats + 1)]
    sklearn_ms = 1e3 * statistics.median(r[0] for r in results)
    iterations = statistics.mean(r[1] for r in results)
    print(f"scikit-learn: {sklearn_ms:.3f} ms per generation (median of {repeats} chains of {generations}), "
          f"{iterations:.1f} EM iterations per fit")
    if len(sys.argv) > 3:
        ours = collapselab_ms_per_generation(sys.argv[3], repeats)
        print(f"collapselab:  {ours:.3f} ms per generation (median of {repeats} chains of 200, metrics included)")
        print(f"speed-up:     {sklearn_ms / ours:.1f}x")


if __name__ == "__main__":
    main()
