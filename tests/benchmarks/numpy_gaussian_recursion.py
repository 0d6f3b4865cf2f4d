#!/usr/bin/python3
"""The gaussian-theorem recursion in NumPy beside collapselab-cli's (a benchmark, not a test).

What a researcher would write instead: CHAINS chains of GENERATIONS generations, each fitting a normal
by sample mean and unbiased variance to M samples of the previous fit, vectorised over the chains, on
one thread, keeping nothing but the fitted parameters. collapselab-cli runs the same recursion with
every metric and writes metrics.csv and summary.csv. The two run in turn, REPEATS times each, in this
session; the script prints the median wall time of each, their ratio, the CLI's speed-up from 1 to 2
threads, the CLI's user time per sample, and the wall time of the gaussian-theorem preset as shipped.

Usage: numpy_gaussian_recursion.py [REPEATS] [path/to/collapselab-cli]
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

CHAINS, GENERATIONS, M = 2000, 500, 100


def numpy_recursion(seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    mean = np.zeros(CHAINS)
    std = np.ones(CHAINS)
    for _ in range(GENERATIONS):
        samples = mean[:, None] + std[:, None] * rng.standard_normal((CHAINS, M))
        mean = samples.mean(axis=1)
        std = samples.std(axis=1, ddof=1)
    return std


def numpy_seconds(seed):
    """Wall seconds of the NumPy loop in a fresh one-thread interpreter, so each repeat starts cold."""
    code = ("import time, sys; sys.path.insert(0, %r); import numpy_gaussian_recursion as g; "
            "t = time.perf_counter(); g.numpy_recursion(%d); print(time.perf_counter() - t)"
            % (os.path.dirname(os.path.abspath(__file__)), seed))
    environment = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                            env=environment).stdout
    return float(output)


def cli_seconds(cli, threads, arguments):
    """Wall and user seconds of one collapselab-cli run into a fresh folder."""
    with tempfile.TemporaryDirectory() as folder:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        start = time.perf_counter()
        subprocess.run([cli, "run", "--preset", "gaussian-theorem", *arguments, "--threads", str(threads),
                        "--out", os.path.join(folder, "run")], check=True, capture_output=True)
        wall = time.perf_counter() - start
        return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cli = sys.argv[2] if len(sys.argv) > 2 else "build/release/app/collapselab-cli"
    sized = ["--replicates", str(CHAINS), "--generations", str(GENERATIONS), "--samples", str(M)]
    numpy_walls, one_walls, one_users, two_walls, preset_walls = [], [], [], [], []
    for repeat in range(repeats):
        numpy_walls.append(numpy_seconds(repeat))
        wall, user = cli_seconds(cli, 1, sized)
        one_walls.append(wall)
        one_users.append(user)
        two_walls.append(cli_seconds(cli, 2, sized)[0])
        preset_walls.append(cli_seconds(cli, 2, [])[0])
    samples = CHAINS * GENERATIONS * M
    numpy_median, one_median = statistics.median(numpy_walls), statistics.median(one_walls)
    two_median = statistics.median(two_walls)
    print(f"{CHAINS} chains x {GENERATIONS} generations x M = {M}, median of {repeats} runs in turn")
    print(f"numpy, 1 thread, no metrics:            {numpy_median:.3f} s")
    print(f"collapselab-cli, 1 thread, CSV written: {one_median:.3f} s  "
          f"({statistics.median(one_users) / samples * 1e9:.1f} ns user per sample)")
    print(f"collapselab-cli, 2 threads:             {two_median:.3f} s")
    print(f"ratio numpy / collapselab (1 thread):   {numpy_median / one_median:.2f}")
    print(f"speed-up 1 -> 2 threads:                {one_median / two_median:.2f}")
    print(f"gaussian-theorem preset as shipped, 2 threads: {statistics.median(preset_walls):.3f} s")


if __name__ == "__main__":
    main()
