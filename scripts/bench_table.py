#!/usr/bin/env python3
"""Combines interleaved runs of `airisk-bench fixtures --json` and `scripts/bench_onnxruntime.py --json` into one
Markdown table of medians over rounds (used by scripts/bench.sh).

Usage: python3 scripts/bench_table.py DIR   (DIR holds airisk-N.json and ort-N.json for rounds N = 1, 2, ...)
"""

import glob
import json
import os
import statistics
import sys


def collect(pattern):
    runs = {}
    for path in sorted(glob.glob(pattern)):
        with open(path) as f:
            for row in json.load(f)["results"]:
                for key, value in row.items():
                    if key != "model":
                        runs.setdefault((row["model"], key), []).append(value)
    return runs


def main():
    directory = sys.argv[1]
    ours = collect(os.path.join(directory, "airisk-*.json"))
    ort = collect(os.path.join(directory, "ort-*.json"))
    models = []
    for (model, _key) in ours:
        if model not in models:
            models.append(model)
    rounds = len(glob.glob(os.path.join(directory, "airisk-*.json")))

    def med(table, model, key):
        values = table.get((model, key))
        return statistics.median(values) if values else float("nan")

    def n(v):
        return f"{v:,.0f}".replace(",", " ")

    print(f"Rows per second, median of {rounds} interleaved rounds (each round's figure is itself a median of timed "
          f"runs). Ratio = airisk / onnxruntime single-thread; target ≥ 1 at batch 1, ≥ 0.7 at batch 256.")
    print()
    print("| model | airisk b1 | ORT b1 (1 thread) | ratio | airisk b256 | ORT b256 (1 thread) | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m in models:
        a1, o1 = med(ours, m, "access_b1"), med(ort, m, "1t_b1")
        a256, o256 = med(ours, m, "access_b256"), med(ort, m, "1t_b256")
        print(f"| {m} | {n(a1)} | {n(o1)} | {a1 / o1:.2f} | {n(a256)} | {n(o256)} | {a256 / o256:.2f} |")
    print()
    print("Secondary figures (same rounds): airisk's Executor.run alone, and onnxruntime with its default threads.")
    print()
    print("| model | airisk executor b1 | ORT b1 (default threads) | airisk executor b256 | ORT b256 (default threads) |")
    print("|---|---:|---:|---:|---:|")
    for m in models:
        print(f"| {m} | {n(med(ours, m, 'executor_b1'))} | {n(med(ort, m, 'default_b1'))} "
              f"| {n(med(ours, m, 'executor_b256'))} | {n(med(ort, m, 'default_b256'))} |")
    print()
    print("Per-round ratios (airisk access / ORT 1 thread), b1 and b256:")
    print()
    for m in models:
        r1 = [a / o for a, o in zip(ours[(m, "access_b1")], ort[(m, "1t_b1")])]
        r256 = [a / o for a, o in zip(ours[(m, "access_b256")], ort[(m, "1t_b256")])]
        print(f"- {m}: b1 " + ", ".join(f"{r:.2f}" for r in r1) + "; b256 " + ", ".join(f"{r:.2f}" for r in r256))


if __name__ == "__main__":
    main()
