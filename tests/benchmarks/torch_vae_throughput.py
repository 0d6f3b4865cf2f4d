#!/usr/bin/python3
"""Training throughput of the same VAE in PyTorch on the CPU (a benchmark, not a test).

The network of collapselab's vae model: 784-400-20 with ReLU, Bernoulli likelihood on logits, analytic
KL, Adam at 1e-3, batch 128, on random [0, 1] images (throughput does not depend on their content).
Prints the median images per second over REPEATS epochs of IMAGES images, with THREADS threads. Given
the collapselab-benchmarks binary, runs BM_VaeTraining in the same session and prints the ratio, and
runs BM_EigenProductBound on as many threads to print the fraction of that bound collapselab reaches.

Usage: torch_vae_throughput.py [IMAGES] [REPEATS] [THREADS] [path/to/collapselab-benchmarks]
"""
import json
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

IMAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 5120
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
torch.set_num_threads(THREADS)
torch.manual_seed(1)


class Vae(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = torch.nn.Linear(784, 400)
        self.mean = torch.nn.Linear(400, 20)
        self.log_variance = torch.nn.Linear(400, 20)
        self.decoder = torch.nn.Linear(20, 400)
        self.output = torch.nn.Linear(400, 784)

    def forward(self, x):
        hidden = F.relu(self.encoder(x))
        mean, log_variance = self.mean(hidden), self.log_variance(hidden)
        z = mean + torch.exp(0.5 * log_variance) * torch.randn_like(mean)
        logits = self.output(F.relu(self.decoder(z)))
        reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
        divergence = 0.5 * torch.sum(mean.pow(2) + log_variance.exp() - 1.0 - log_variance)
        return (reconstruction + divergence) / x.shape[0]


def main():
    data = torch.rand(IMAGES, 784)
    model = Vae()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    rates = []
    for _ in range(REPEATS + 1):  # the first epoch warms up and is not counted
        start = time.perf_counter()
        for batch in data.split(128):
            optimiser.zero_grad()
            loss = model(batch)
            loss.backward()
            optimiser.step()
        rates.append(IMAGES / (time.perf_counter() - start))
    torch_rate = statistics.median(rates[1:])
    print(f"pytorch {torch.__version__}: {torch_rate:,.0f} images/s (median of {REPEATS} epochs, {THREADS} threads)")
    if len(sys.argv) > 4:
        environment = dict(os.environ, OMP_NUM_THREADS=str(THREADS))
        output = subprocess.run([sys.argv[4], "--benchmark_filter=BM_VaeTraining|BM_EigenProductBound",
                                 f"--benchmark_repetitions={REPEATS}", "--benchmark_format=json"],
                                check=True, capture_output=True, text=True, env=environment).stdout
        runs = [b for b in json.loads(output)["benchmarks"] if b.get("run_type") == "iteration"]
        ours = statistics.median(b["images_per_s"] for b in runs if b["name"].startswith("BM_VaeTraining"))
        bound = statistics.median(b["images_per_s_bound"] for b in runs
                                  if b["name"].startswith("BM_EigenProductBound"))
        print(f"collapselab: {ours:,.0f} images/s (median of {REPEATS})")
        print(f"Eigen product bound on {THREADS} threads: {bound:,.0f} images/s; collapselab reaches "
              f"{ours / bound:.0%} of it")
        print(f"ratio: {ours / torch_rate:.2f}x")

if __name__ == "__main__":
    main()
