#!/usr/bin/env python3
"""Python reference for airisk's LiRA benchmark: the same attack with numpy and scikit-learn.

Usage
-----
    python3 scripts/bench_lira.py                       # mlp_digits_overfit, 16 reference models, 150 epochs
    python3 scripts/bench_lira.py --reference-models 16 --epochs 150 --jobs 2 --runs 1

What it does (mirroring `airisk-bench lira`, i.e. MembershipProbe with attacks [liraOnline, liraOffline] and the
standard profile's settings):
  * target scores: the fixture ONNX model run by onnxruntime on members ∪ non-members;
  * reference models: N MLPClassifier(hidden_layer_sizes=(64,)) (ReLU, Adam lr 1e-3, batch 64, no L2, exactly
    `--epochs` epochs: tol=0 and n_iter_no_change=epochs so scikit-learn never stops early) behind a StandardScaler,
    trained in pairs on the two halves of a random permutation of members ∪ non-members, so every target record is
    IN for N/2 models and OUT for the other N/2; trained in parallel with joblib (`--jobs`, default 2);
  * φ = log p_y − log(1 − p_y) per record and model; per-record IN / OUT Gaussians (means per record); with fewer
    than 64 models one pooled σ over all records and both IN and OUT (Carlini et al.'s fixed variance, airisk's
    default below 64 models); online score = log N(φ; μ_in, σ²) − log N(φ; μ_out, σ²); offline score =
    (φ − μ_out) / σ_out. The per-record-variance variant is reported too.
Prints wall time (reference training + inference + statistics, excluding imports and file loading) and the AUC /
TPR at 1 % FPR of each variant (roc_auc_score, roc_curve).
"""

import argparse
import os
import time
import warnings

import numpy as np


def load(directory, name, split):
    with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
        return z["x"].astype(np.float32), z["y"].astype(np.int64)


def phi_of(probs, labels):
    p = np.clip(probs.astype(np.float64), 1e-30, 1.0)
    py = p[np.arange(len(labels)), labels]
    rest = np.clip(1.0 - py, 1e-30, None)
    return np.log(py) - np.log(rest)


def train_reference(x, y, indices, classes, epochs, seed, x_target, y_target):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf = make_pipeline(
            StandardScaler(),
            MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam", learning_rate_init=1e-3,
                          batch_size=64, alpha=0.0, max_iter=epochs, tol=0.0, n_iter_no_change=epochs,
                          shuffle=True, random_state=seed))
        clf.fit(x[indices], y[indices])
    proba = np.zeros((len(x_target), classes))
    proba[:, clf.classes_] = clf.predict_proba(x_target)
    return phi_of(proba, y_target)


def tpr_at(fpr_target, labels, scores):
    from sklearn.metrics import roc_curve

    fpr, tpr, _ = roc_curve(labels, scores)
    return float(tpr[fpr <= fpr_target].max())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models-dir", default=os.path.join(here, "..", "Tests", "Fixtures", "models"))
    parser.add_argument("--model", default="mlp_digits_overfit")
    parser.add_argument("--reference-models", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import onnxruntime as ort
    from sklearn.metrics import roc_auc_score

    xm, ym = load(args.models_dir, args.model, "members")
    xn, yn = load(args.models_dir, args.model, "nonmembers")
    x = np.concatenate([xm, xn])
    y = np.concatenate([ym, yn])
    membership = np.concatenate([np.ones(len(xm)), np.zeros(len(xn))])
    classes = int(y.max()) + 1

    try:
        from joblib import Parallel, delayed
        have_joblib = True
    except ImportError:
        have_joblib = False
    print(f"Python LiRA: {args.model}, {len(xm)} members, {len(xn)} non-members, {args.reference_models} reference "
          f"MLPClassifier(64), {args.epochs} epochs, n_jobs={args.jobs if have_joblib else 1}")

    for run in range(args.runs):
        start = time.perf_counter()
        sess = ort.InferenceSession(os.path.join(args.models_dir, args.model + ".onnx"),
                                    providers=["CPUExecutionProvider"])
        outs = sess.run(None, {sess.get_inputs()[0].name: x})
        probs = next(o for o in outs if isinstance(o, np.ndarray) and o.dtype == np.float32 and o.ndim == 2)
        target = phi_of(probs, y)

        rng = np.random.default_rng(args.seed + 1000 * run)
        n = args.reference_models
        splits = []
        for pair in range((n + 1) // 2):
            order = rng.permutation(len(x))
            half = len(x) // 2
            splits.append(order[:half])
            if len(splits) < n:
                splits.append(order[half:])
        jobs = [(x, y, idx, classes, args.epochs, args.seed + 7919 * run + m, x, y) for m, idx in enumerate(splits)]
        if have_joblib and args.jobs > 1:
            phis = Parallel(n_jobs=args.jobs)(delayed(train_reference)(*j) for j in jobs)
        else:
            phis = [train_reference(*j) for j in jobs]
        phis = np.array(phis)  # (models, records)
        is_in = np.zeros_like(phis, dtype=bool)
        for m, idx in enumerate(splits):
            is_in[m, idx] = True

        def stats(mask):
            cnt = mask.sum(0)
            mean = np.where(mask, phis, 0).sum(0) / np.maximum(cnt, 1)
            ss = np.where(mask, (phis - mean) ** 2, 0).sum(0)
            return mean, ss, cnt

        mi, ssi, ci = stats(is_in)
        mo, sso, co = stats(~is_in)
        pooled = np.sqrt((ssi.sum() + sso.sum()) / (np.maximum(ci - 1, 0).sum() + np.maximum(co - 1, 0).sum()))
        si_rec = np.maximum(np.sqrt(ssi / np.maximum(ci - 1, 1)), 1e-6)
        so_rec = np.maximum(np.sqrt(sso / np.maximum(co - 1, 1)), 1e-6)

        def lognorm(v, m, s):
            return -0.5 * ((v - m) / s) ** 2 - np.log(s)

        scores = {
            "liraOnline (pooled σ)": lognorm(target, mi, pooled) - lognorm(target, mo, pooled),
            "liraOffline (pooled σ)": (target - mo) / pooled,
            "liraOnline (per-record σ)": lognorm(target, mi, si_rec) - lognorm(target, mo, so_rec),
            "liraOffline (per-record σ)": (target - mo) / so_rec,
        }
        wall = time.perf_counter() - start
        parts = [f"run {run + 1}: {wall:.2f} s"]
        for k, s in scores.items():
            parts.append(f"{k} AUC {roc_auc_score(membership, s):.4f} TPR@1%FPR {tpr_at(0.01, membership, s):.3f}")
        print("PYTHON_LIRA " + "; ".join(parts), flush=True)


if __name__ == "__main__":
    main()
