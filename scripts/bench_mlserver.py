#!/usr/bin/env python3
"""Throughput of a KServe V2 endpoint with a plain Python client (stdlib only), as the baseline
for `airisk endpoint-check --rows N` in BENCHMARKS.md.

Sends ROWS rows from an .npz (x, cycled) in batches of BATCH with CONCURRENCY threads, each on a
kept-alive HTTP/1.1 connection, the same JSON body airisk sends (FP32 data, predict_proba output).

Usage: bench_mlserver.py URL DATA.npz --rows 20000 --batch 64 --concurrency 4
"""
import argparse
import http.client
import json
import threading
import time
import urllib.parse

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("data")
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--output-name", default="predict_proba")
    args = ap.parse_args()
    x = np.load(args.data)["x"].astype(np.float32)
    reps = -(-args.rows // len(x))
    rows = np.concatenate([x] * reps)[: args.rows]
    batches = [rows[i: i + args.batch] for i in range(0, len(rows), args.batch)]
    u = urllib.parse.urlsplit(args.url)
    lock = threading.Lock()
    next_batch = [0]
    errors = []

    def worker():
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        while True:
            with lock:
                i = next_batch[0]
                next_batch[0] += 1
            if i >= len(batches):
                break
            b = batches[i]
            body = json.dumps({"inputs": [{"name": "x", "shape": list(b.shape), "datatype": "FP32",
                                           "data": b.ravel().tolist()}],
                               "outputs": [{"name": args.output_name}]})
            conn.request("POST", u.path, body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
            if r.status != 200:
                errors.append(r.status)
            else:
                json.loads(data)
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    print(f"python client: {len(rows)} rows in {len(batches)} requests (batch {args.batch}, concurrency "
          f"{args.concurrency}) in {seconds:.3f} s: {len(rows) / seconds:.0f} rows/s, "
          f"{len(batches) / seconds:.1f} requests/s, {len(errors)} errors")


if __name__ == "__main__":
    main()
