#!/usr/bin/python3
"""Training speed of the same transformer in PyTorch on the CPU (a benchmark, not a test).

The text model's default transformer: 4096 words, context 64, width 128, 4 layers of pre-norm causal
self-attention (4 heads) and a GELU (tanh) MLP of width 512, a final layer norm and the token embedding
as the output layer; AdamW (lr 1e-3, weight decay 0.1), gradients clipped to norm 1, batches of 32
sequences of 64 tokens, one epoch of BATCHES batches. Prints the median training tokens per second over
REPEATS runs with THREADS threads. Given the collapselab-benchmarks binary, runs BM_TransformerTraining and
BM_TransformerProductBound in the same session and prints the ratio of the medians and the fraction of the
product bound collapselab reaches.

Usage: torch_transformer_training.py [BATCHES] [REPEATS] [THREADS] [path/to/collapselab-benchmarks]
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

BATCHES = int(sys.argv[1]) if len(sys.argv) > 1 else 8
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
VOCABULARY, CONTEXT, WIDTH, LAYERS, HEADS, BATCH = 4096, 64, 128, 4, 4, 32
torch.set_num_threads(THREADS)
torch.manual_seed(1)


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.attention_norm = torch.nn.LayerNorm(WIDTH)
        self.query_key_value = torch.nn.Linear(WIDTH, 3 * WIDTH)
        self.attention_output = torch.nn.Linear(WIDTH, WIDTH)
        self.mlp_norm = torch.nn.LayerNorm(WIDTH)
        self.mlp_in = torch.nn.Linear(WIDTH, 4 * WIDTH)
        self.mlp_out = torch.nn.Linear(4 * WIDTH, WIDTH)
        self.register_buffer("mask", torch.ones(CONTEXT, CONTEXT, dtype=torch.bool).triu(1))

    def forward(self, x):
        batch, positions, _ = x.shape
        q, k, v = self.query_key_value(self.attention_norm(x)).split(WIDTH, dim=2)
        heads = [t.view(batch, positions, HEADS, WIDTH // HEADS).transpose(1, 2) for t in (q, k, v)]
        q, k, v = heads
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(WIDTH // HEADS)
        scores = scores.masked_fill(self.mask[:positions, :positions], float("-inf"))
        mixed = scores.softmax(dim=-1) @ v
        x = x + self.attention_output(mixed.transpose(1, 2).reshape(batch, positions, WIDTH))
        return x + self.mlp_out(F.gelu(self.mlp_in(self.mlp_norm(x)), approximate="tanh"))


class Transformer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding(VOCABULARY, WIDTH)
        self.positions = torch.nn.Embedding(CONTEXT, WIDTH)
        self.blocks = torch.nn.ModuleList(Block() for _ in range(LAYERS))
        self.final_norm = torch.nn.LayerNorm(WIDTH)

    def forward(self, inputs):
        x = self.tokens(inputs) + self.positions(torch.arange(inputs.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.final_norm(x) @ self.tokens.weight.T


def train_once(sequences):
    model = Transformer()
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.1)
    start = time.perf_counter()
    for batch in sequences[torch.randperm(sequences.shape[0])].split(BATCH):
        inputs = torch.cat([torch.ones(batch.shape[0], 1, dtype=torch.long), batch[:, :-1]], dim=1)
        loss = F.cross_entropy(model(inputs).reshape(-1, VOCABULARY), batch.reshape(-1))
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
    return sequences.numel() / (time.perf_counter() - start)


def main():
    sequences = torch.randint(2, VOCABULARY, (BATCHES * BATCH, CONTEXT))
    train_once(sequences)  # warm-up, not counted
    torch_rate = statistics.median(train_once(sequences) for _ in range(REPEATS))
    print(f"pytorch {torch.__version__}: {torch_rate:,.0f} tokens/s (median of {REPEATS} runs, {THREADS} threads)")
    if len(sys.argv) > 4:
        environment = dict(os.environ, OMP_NUM_THREADS=str(THREADS))
        output = subprocess.run([sys.argv[4], "--benchmark_filter=BM_TransformerTraining|BM_TransformerProductBound",
                                 f"--benchmark_repetitions={REPEATS}", "--benchmark_format=json"],
                                check=True, capture_output=True, text=True, env=environment).stdout
        runs = [b for b in json.loads(output)["benchmarks"] if b.get("run_type") == "iteration"]
        ours = statistics.median(b["tokens_per_s"] for b in runs if b["name"].startswith("BM_TransformerTraining"))
        bound = statistics.median(b["tokens_per_s_bound"] for b in runs
                                  if b["name"].startswith("BM_TransformerProductBound"))
        print(f"collapselab: {ours:,.0f} tokens/s (median of {REPEATS})")
        print(f"Eigen product bound on {THREADS} threads: {bound:,.0f} tokens/s; collapselab reaches "
              f"{ours / bound:.0%} of it")
        print(f"ratio: {ours / torch_rate:.2f}x")


if __name__ == "__main__":
    main()
