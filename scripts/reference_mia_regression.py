#!/usr/bin/env python3
"""Independent reference for airisk's membership loss attack on a regressor (the squared-error attack).

How to regenerate
-----------------
    /work/wt/refs-venv/bin/python scripts/reference_mia_regression.py
    python3 scripts/reference_mia_regression.py --name mlp_regressor_diabetes --fixtures Tests/Fixtures/models

Needs Python 3 with numpy, onnxruntime and scikit-learn (from PyPI). No randomness. Reads NAME.onnx,
NAME.members.npz and NAME.nonmembers.npz (x float32 [n, d]; y float targets [n] or [n, k]), runs the model with
onnxruntime (float32 answers converted to float64), and scores every record with
    score = −(1/k) Σ_j (ŷ_j − y_j)²
(members were fitted, so their residuals are smaller: higher score = more likely a member). Writes
Tests/Fixtures/models/reference_mia_regression.json with, per model: the AUC (sklearn's roc_auc_score, members
positive), TPR at FPR ≤ 0.1 %, 1 %, 10 % (the largest TPR over thresholds with FPR ≤ t) and the members' and
non-members' mean squared errors.
"""

import argparse
import json
import os

import numpy as np


def load(directory, name, split):
    with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
        x = z["x"].astype(np.float32)
        y = z["y"].astype(np.float64)
    return x, y.reshape(len(y), -1)


def predict(path, x):
    import onnxruntime as ort

    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    out = sess.run(None, {name: x})[0].astype(np.float64)
    if out.shape[0] != len(x):
        raise SystemExit(f"{path}: {out.shape[0]} rows came back for {len(x)}")
    return out.reshape(len(x), -1)


def tpr_at(scores, labels, fpr_max):
    from sklearn.metrics import roc_curve

    fpr, tpr, _ = roc_curve(labels, scores)
    ok = fpr <= fpr_max
    return float(tpr[ok].max()) if ok.any() else 0.0


def reference(directory, name):
    from sklearn.metrics import roc_auc_score

    xm, ym = load(directory, name, "members")
    xn, yn = load(directory, name, "nonmembers")
    path = os.path.join(directory, f"{name}.onnx")
    pm, pn = predict(path, xm), predict(path, xn)
    if pm.shape != ym.shape or pn.shape != yn.shape:
        raise SystemExit(f"{name}: model answers {pm.shape} but targets are {ym.shape}")
    em = ((pm - ym) ** 2).mean(axis=1)
    en = ((pn - yn) ** 2).mean(axis=1)
    scores = np.concatenate([-em, -en])
    labels = np.concatenate([np.ones(len(em)), np.zeros(len(en))])
    return {
        "outputs": int(ym.shape[1]),
        "members": int(len(em)),
        "non_members": int(len(en)),
        "auc": float(roc_auc_score(labels, scores)),
        "tpr_at_fpr": {str(t): tpr_at(scores, labels, t) for t in (0.001, 0.01, 0.1)},
        "member_mse": float(em.mean()),
        "non_member_mse": float(en.mean()),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", default="Tests/Fixtures/models")
    ap.add_argument("--name", action="append")
    ap.add_argument("--out", default="Tests/Fixtures/models/reference_mia_regression.json")
    a = ap.parse_args()
    names = a.name or ["mlp_regressor_diabetes", "mlp_regressor_multi"]
    result = {"attack": "squared-error", "models": {n: reference(a.fixtures, n) for n in names}}
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
