#!/usr/bin/python3
"""Training speed of the same diffusion model in PyTorch on the CPU (a benchmark, not a test).

The noise predictor of collapselab's diffusion-swissroll preset: [x (2); sinusoidal embedding of t (32)]
-> three hidden layers of 128 SiLU units -> 2, the simple loss of Ho et al. (2020) with t uniform in
1..50 on the linear schedule, Adam at 2e-3, batch 256, on 8000 points for EPOCHS epochs. Prints the
median points per second over REPEATS runs with THREADS threads. Given the collapselab-benchmarks
binary, runs BM_DiffusionTraining and BM_DiffusionProductBound in the same session and prints the ratio
of the medians and the fraction of the product bound collapselab reaches.

Usage: torch_diffusion_training.py [EPOCHS] [REPEATS] [THREADS] [path/to/collapselab-benchmarks]
"""
import json
import math
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
POINTS, BATCH, STEPS, EMBEDDING = 8000, 256, 50, 32
torch.set_num_threads(THREADS)
torch.manual_seed(1)


def schedule():
    scale = 1000.0 / STEPS
    betas = torch.linspace(1e-4 * scale, 0.02 * scale, STEPS, dtype=torch.float64).clamp(max=0.999)
    return torch.cumprod(1.0 - betas, 0).float()


def embedding_table():
    half = EMBEDDING // 2
    frequencies = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float64) / half)
    angles = torch.arange(STEPS + 1, dtype=torch.float64)[:, None] * frequencies[None, :]
    return torch.cat([angles.sin(), angles.cos()], dim=1).float()


class Denoiser(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = torch.nn.ModuleList([torch.nn.Linear(2 + EMBEDDING, 128), torch.nn.Linear(128, 128),
                                           torch.nn.Linear(128, 128)])
        self.output = torch.nn.Linear(128, 2)

    def forward(self, x, embedded):
        hidden = torch.cat([x, embedded], dim=1)
        for layer in self.layers:
            hidden = F.silu(layer(hidden))
        return self.output(hidden)


def train_once(data, alpha_bar, table):
    model = Denoiser()
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    start = time.perf_counter()
    for _ in range(EPOCHS):
        for batch in data[torch.randperm(POINTS)].split(BATCH):
            t = torch.randint(1, STEPS + 1, (batch.shape[0],))
            noise = torch.randn_like(batch)
            signal = alpha_bar[t - 1].sqrt()[:, None]
            noisy = signal * batch + (1.0 - signal * signal).sqrt() * noise
            optimiser.zero_grad()
            loss = F.mse_loss(model(noisy, table[t]), noise, reduction="sum") / batch.shape[0]
            loss.backward()
            optimiser.step()
    return POINTS * EPOCHS / (time.perf_counter() - start)


def main():
    data = torch.randn(POINTS, 2)
    alpha_bar, table = schedule(), embedding_table()
    train_once(data, alpha_bar, table)  # warm-up, not counted
    torch_rate = statistics.median(train_once(data, alpha_bar, table) for _ in range(REPEATS))
    print(f"pytorch {torch.__version__}: {torch_rate:,.0f} points/s (median of {REPEATS} runs, {THREADS} threads)")
    if len(sys.argv) > 4:
        environment = dict(os.environ, OMP_NUM_THREADS=str(THREADS))
        output = subprocess.run([sys.argv[4], "--benchmark_filter=BM_DiffusionTraining|BM_DiffusionProductBound",
                                 f"--benchmark_repetitions={REPEATS}", "--benchmark_format=json"],
                                check=True, capture_output=True, text=True, env=environment).stdout
        runs = [b for b in json.loads(output)["benchmarks"] if b.get("run_type") == "iteration"]
        ours = statistics.median(b["points_per_s"] for b in runs if b["name"].startswith("BM_DiffusionTraining"))
        bound = statistics.median(b["points_per_s_bound"] for b in runs
                                  if b["name"].startswith("BM_DiffusionProductBound"))
        print(f"collapselab: {ours:,.0f} points/s (median of {REPEATS})")
        print(f"Eigen product bound on {THREADS} threads: {bound:,.0f} points/s; collapselab reaches "
              f"{ours / bound:.0%} of it")
        print(f"ratio: {ours / torch_rate:.2f}x")


if __name__ == "__main__":
    main()
