#!/usr/bin/env python3
"""Builds an MLServer model repository for airisk's end-to-end endpoint test and benchmark.

Trains a multinomial logistic regression (softmax) on scikit-learn's digits with a fixed seed,
then writes into OUT:
  digits/model.joblib          the fitted model, served by mlserver_sklearn.SKLearnModel
  digits/model-settings.json   MLServer settings (predict_proba output declared)
  settings.json                server settings: 127.0.0.1, the given ports, parallel_workers 0
  digits.onnx                  the same model exported with skl2onnx (float32, probabilities)
  members.npz / nonmembers.npz / population.npz   x (float32) and y (int64)

Usage: mlserver_fixture.py OUT --http-port N [--grpc-port M]
"""
import argparse
import json
import os

import joblib
import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--http-port", type=int, required=True)
    ap.add_argument("--grpc-port", type=int, default=0)
    ap.add_argument("--metrics-port", type=int, default=0)
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, "digits"), exist_ok=True)

    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    y = y.astype(np.int64)
    order = np.random.default_rng(7).permutation(len(x))
    x, y = x[order], y[order]
    members, nonmembers, population = slice(0, 300), slice(300, 600), slice(600, 1500)
    # Weak regularisation and few members: the model overfits, so membership leaks measurably.
    model = LogisticRegression(C=50.0, max_iter=2000)
    model.fit(x[members], y[members])
    joblib.dump(model, os.path.join(args.out, "digits", "model.joblib"))
    for name, s in [("members", members), ("nonmembers", nonmembers), ("population", population)]:
        np.savez(os.path.join(args.out, f"{name}.npz"), x=x[s], y=y[s])

    with open(os.path.join(args.out, "digits", "model-settings.json"), "w") as f:
        json.dump({
            "name": "digits",
            "implementation": "mlserver_sklearn.SKLearnModel",
            "parameters": {"uri": "./model.joblib", "version": "v1"},
            "inputs": [{"name": "x", "datatype": "FP32", "shape": [-1, 64]}],
            "outputs": [{"name": "predict_proba", "datatype": "FP64", "shape": [-1, 10]}],
        }, f)
    settings = {"host": "127.0.0.1", "http_port": args.http_port, "parallel_workers": 0,
                "metrics_endpoint": None, "debug": False}
    if args.grpc_port:
        settings["grpc_port"] = args.grpc_port
    if args.metrics_port:
        settings["metrics_port"] = args.metrics_port
    with open(os.path.join(args.out, "settings.json"), "w") as f:
        json.dump(settings, f)

    from skl2onnx import to_onnx
    onx = to_onnx(model, x[:1], options={id(model): {"zipmap": False}}, target_opset=17)
    with open(os.path.join(args.out, "digits.onnx"), "wb") as f:
        f.write(onx.SerializeToString())


if __name__ == "__main__":
    main()
