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

One model on the user's data, the peer of `airisk bench MODEL DATA` (scripts/bench.sh model runs both):

    python3 scripts/bench_onnxruntime.py --model M.onnx --data D.npz [--seconds 1] [--json out.json]

reads DATA as airisk does (.npy; .npz under x, X or features; .csv with a header, the "label" column or
--label-column dropped), reshapes rows to the input's declared row shape, and prints, single-threaded,
[{"batch": 1, "rows_per_second": R}, {"batch": 256, "rows_per_second": R}] after one timed run of --seconds per
batch. A model whose input declares a fixed batch size B is fed in calls of B rows.
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


def load_data(path, label_column=None):
    if path.endswith(".npy"):
        x = np.load(path)
    elif path.endswith(".npz"):
        with np.load(path) as z:
            key = next((k for k in ("x", "X", "features") if k in z.files), None)
            if key is None:
                raise SystemExit(f"{path}: no array named x, X or features (arrays: {', '.join(z.files)})")
            x = z[key]
    elif path.endswith(".csv"):
        import csv

        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            drop = label_column or ("label" if "label" in header else None)
            keep = [i for i, name in enumerate(header) if name != drop]
            x = np.array([[float(row[i]) for i in keep] for row in reader])
    else:
        raise SystemExit(f"{path}: expected .npy, .npz or .csv")
    x = np.asarray(x, dtype=np.float32)
    return x.reshape(len(x), -1) if x.ndim == 1 else x


def bench_one_model(args):
    sess = session(args.model, True)
    inp = sess.get_inputs()[0]
    x = load_data(args.data, args.label_column)
    row_shape = [d for d in inp.shape[1:]]
    if all(isinstance(d, int) for d in row_shape):
        x = x.reshape([len(x)] + row_shape)
    fixed = inp.shape[0] if isinstance(inp.shape[0], int) and inp.shape[0] > 0 else None
    results = []
    for batch in (1, 256):
        rows = np.ascontiguousarray(np.tile(x, (-(-256 // len(x)),) + (1,) * (x.ndim - 1))[:256])
        if batch == 1:
            groups = [rows[i : i + 1] for i in range(min(len(x), 256))]
        else:
            groups = [rows[:batch]]
        if fixed:
            # Calls of exactly the declared batch, the last one padded with its last row.
            def chunks(g):
                out = []
                for i in range(0, len(g), fixed):
                    c = g[i : i + fixed]
                    if len(c) < fixed:
                        c = np.concatenate([c, np.repeat(c[-1:], fixed - len(c), axis=0)])
                    out.append({inp.name: c})
                return out

            feeds = [chunks(g) for g in groups]
        else:
            feeds = [[{inp.name: g}] for g in groups]
        for group in feeds[:20]:  # warm-up
            for feed in group:
                sess.run(None, feed)
        calls, done = 0, 0
        start = time.perf_counter()
        while True:
            for feed in feeds[calls % len(feeds)]:
                sess.run(None, feed)
            calls += 1
            done += batch
            elapsed = time.perf_counter() - start
            if elapsed >= args.seconds:
                break
        results.append({"batch": batch, "rows_per_second": round(done / elapsed, 1)})
    text = json.dumps(results)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default=os.path.join(here, "..", "Tests", "Fixtures", "models"))
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.2, help="seconds per timed run")
    parser.add_argument("--json", help="also write the results to this JSON file")
    parser.add_argument("--model", help="time this model on --data instead of the fixtures (one thread)")
    parser.add_argument("--data", help="with --model: .npy, .npz or .csv rows")
    parser.add_argument("--label-column", help="with --model and a CSV: the label column to drop")
    parser.add_argument("--seconds", type=float, default=1.0, help="with --model: seconds timed per batch size")
    args = parser.parse_args()
    if args.model:
        if not args.data:
            parser.error("--model needs --data")
        bench_one_model(args)
        return

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
