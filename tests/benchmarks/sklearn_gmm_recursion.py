#!/usr/bin/python3
"""The gmm-paper recursion in scikit-learn, to compare with collapselab's own (benchmark, not a test).

One chain: a 2-component full-covariance GaussianMixture is fitted by EM (tol 1e-5, at most 2000
iterations, reg_covar 1e-6, k-means initialisation) to 1000 samples of a 2-D standard normal, then
to 1000 samples of its own, GENERATIONS times. Prints the median seconds per generation over REPEATS
runs and the mean EM iteration count.

Usage: sklearn_gmm_recursion.py [GENERATIONS] [REPEATS]
"""
import statistics
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


def main():
    generations = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    results = [run_chain(generations, seed) for seed in range(1, repeats + 1)]
    seconds = statistics.median(r[0] for r in results)
    iterations = statistics.mean(r[1] for r in results)
    print(f"sklearn gmm-paper recursion: {seconds * 1e3:.3f} ms per generation (median of {repeats}), "
          f"{1.0 / seconds:.1f} generations/s, {iterations:.1f} EM iterations per fit")


if __name__ == "__main__":
    main()
