#!/usr/bin/env python3
"""onnxruntime throughput on the fixture models, the baseline airisk's own benchmark is compared with.

Usage
-----
    python3 scripts/bench_onnxruntime.py                 # all models in Tests/Fixtures/models, Markdown table
    python3 scripts/bench_onnxruntime.py --repeats 15 --min-time 0.3
    python3 scripts/bench_onnxruntime.py --json out.json # also write the numbers as JSON

For each fixture model (NAME.onnx with its NAME.population.npz / members / non-members as input rows) and each batch
size (1 and 256), it measures rows per second with onnxruntime's CPU provider twice: single-threaded
(intra_op_num_threads = inter_op_num_threads = 1) and with onnxruntime's default thread count. Each configuration is
warmed up, then timed in `--repeats` runs; each run calls the session repeatedly on the same batch until at least
`--min-time` seconds have passed, and reports rows / elapsed. The table shows the median over runs.

Batch 1 cycles through distinct rows (one run() call per row); batch 256 uses the first 256 rows of the data
(repeating rows when a split is smaller). Wall clock: time.perf_counter().
"""

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np
import onnxruntime as ort

MODELS = [
    "logreg_breast_cancer",
    "softmax_digits",
    "mlp_digits_overfit",
    "mlp_digits_regularised",
    "random_forest_digits",
    "mlp_regressor_diabetes",
]


def load_rows(directory, name, count):
    parts = []
    for split in ("population", "nonmembers", "members"):
        with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
            parts.append(z["x"].astype(np.float32))
    x = np.concatenate(parts)
    reps = -(-count // len(x))
    return np.ascontiguousarray(np.tile(x, (reps, 1))[:count])


def session(path, single_thread):
    opts = ort.SessionOptions()
    if single_thread:
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])


def measure(sess, rows, batch, repeats, min_time):
    name = sess.get_inputs()[0].name
    if batch == 1:
        feeds = [{name: rows[i : i + 1]} for i in range(min(len(rows), 256))]
    else:
        feeds = [{name: rows[:batch]}]
    for feed in feeds[:20]:  # warm-up
        sess.run(None, feed)
    results = []
    for _ in range(repeats):
        done, calls = 0, 0
        start = time.perf_counter()
        while True:
            sess.run(None, feeds[calls % len(feeds)])
            calls += 1
            done += batch
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        results.append(done / elapsed)
    return statistics.median(results)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default=os.path.join(here, "..", "Tests", "Fixtures", "models"))
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.2, help="seconds per timed run")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args()

    results = []
    for name in MODELS:
        path = os.path.join(args.models, name + ".onnx")
        rows = load_rows(args.models, name, 256)
        row = {"model": name}
        for single in (True, False):
            sess = session(path, single)
            for batch in (1, 256):
                key = f"{'1t' if single else 'default'}_b{batch}"
                row[key] = measure(sess, rows, batch, args.repeats, args.min_time)
        results.append(row)

    load = os.getloadavg()
    print(f"onnxruntime {ort.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} logical CPUs, load average {load[0]:.1f} at the end (other work on the machine "
          f"lowers these numbers); rows/s, median of {args.repeats} runs of >= {args.min_time}s")
    print()
    print("| model | batch 1, 1 thread | batch 256, 1 thread | batch 1, default threads | batch 256, default threads |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['model']} | {r['1t_b1']:,.0f} | {r['1t_b256']:,.0f} | {r['default_b1']:,.0f} "
              f"| {r['default_b256']:,.0f} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"onnxruntime": ort.__version__, "load_average": load, "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
