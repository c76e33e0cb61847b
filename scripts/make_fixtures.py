#!/usr/bin/env python3
"""Fixture models for airisk's tests: small scikit-learn models exported to ONNX, their data and references.

How to regenerate
-----------------
    python3 scripts/make_fixtures.py            # writes Tests/Fixtures/models/
    python3 scripts/make_fixtures.py --out DIR  # somewhere else

Needs Python 3 with numpy, scikit-learn, skl2onnx, onnx and onnxruntime (from PyPI). Every random choice comes from
a fixed seed, so a rerun with the same library versions gives the same splits, the same models and the same numbers
(reference.json records the versions used). The outputs are committed; rerun only when a fixture must change.

What it writes, for each model NAME
-----------------------------------
    NAME.onnx               target opsets 15 (ai.onnx) and 2 (ai.onnx.ml; skl2onnx writes the lowest version
                            the operators need, 1 for these models); one float32 input "input" of shape [None, d];
                            classifiers without ZipMap: outputs "label" (int64 [N]) and "probabilities"
                            (float32 [N, classes]); the regressor: "variable" (float32 [N, 1]).
    NAME.members.npz        the rows the model was trained on: x (float32 [n, d]), y (int64 labels or float32
                            targets).
    NAME.nonmembers.npz     held-out rows from the same distribution (never seen in training); same keys.
    NAME.population.npz     further rows from the same distribution, for shadow / reference models; same keys.
    NAME.expected.npz       onnxruntime on the first 50 non-member rows: input, label and probabilities (classifiers)
                            or input and variable (regressor).
    logreg_breast_cancer.members.csv   the same members as CSV: one column per feature (sklearn's feature names)
                            and a "label" column, to exercise the CSV reader.
    reference.json          per model: train / test accuracy (R² for the regressor), input name and shape, output
                            names, class count, file names; and reference membership-inference numbers (below).

The digits files are written with np.savez_compressed (deflated zip entries); breast-cancer and diabetes with
np.savez (stored entries), so that both kinds of .npz entry are exercised.
"""

import argparse
import json
import os
import platform
import warnings

import numpy as np
import onnx
import onnxruntime as ort
import skl2onnx
import sklearn
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType
from sklearn.exceptions import ConvergenceWarning
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score, roc_curve
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

OPSETS = {"": 15, "ai.onnx.ml": 2}
EXPECTED_ROWS = 50
SEED = 20261123


def split(n, sizes, seed):
    """A seeded permutation of range(n) cut into consecutive parts of the given sizes (None = the rest)."""
    perm = np.random.RandomState(seed).permutation(n)
    parts, start = [], 0
    for size in sizes:
        end = n if size is None else start + size
        parts.append(perm[start:end])
        start = end
    return parts


def export(model, d, path):
    """Exports a fitted model with input "input" [None, d] float32, no ZipMap, opsets OPSETS."""
    options = {id(model): {"zipmap": False}} if hasattr(model, "predict_proba") else None
    onx = to_onnx(
        model,
        initial_types=[("input", FloatTensorType([None, d]))],
        target_opset=OPSETS,
        options=options,
    )
    # skl2onnx names the graph after a process-dependent counter; fix it so reruns give identical bytes.
    onx.graph.name = os.path.splitext(os.path.basename(path))[0]
    onx.producer_version = skl2onnx.__version__
    # skl2onnx emits the opset imports in set order, which varies between runs, sometimes with the default domain
    # twice; sort and deduplicate them.
    imports = sorted({(o.domain, o.version) for o in onx.opset_import})
    del onx.opset_import[:]
    for domain, version in imports:
        onx.opset_import.add(domain=domain, version=version)
    with open(path, "wb") as f:
        f.write(onx.SerializeToString())
    return onx


def run_onnx(path, x):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    names = [o.name for o in sess.get_outputs()]
    return dict(zip(names, sess.run(None, {"input": x.astype(np.float32)})))


# ---------------------------------------------------------------------------------------------------------------
# Membership-inference reference scores.
#
# Every score is "higher = more likely a member". p is the model's probability matrix (onnxruntime's float32
# output, converted to float64 before any arithmetic), y the true labels.
#   q_y = 1 - p_y is computed as the sum of the OTHER classes' probabilities, never as 1 - p_y, so confidences that
#   round to 1.0 in float32 still rank correctly.
#   confidence:        log(p_y) - log(q_y)  (the log-odds of the true-class probability; monotone in p_y, so its
#                      AUC equals that of p_y itself, without the ties that float rounding creates near 1)
#   loss:              -(-log p_y) = log p_y, with log p_y = log1p(-q_y) when p_y > 0.5
#   entropy:           -H(p) = sum_j p_j log p_j   (0 log 0 = 0)
#   modified entropy:  -Mentr(p, y), Song & Mittal (2021):
#                      Mentr = -(1 - p_y) log(p_y) - sum_{j != y} p_j log(1 - p_j), with 1 - p_y = q_y and
#                      log(1 - p_j) = log1p(-p_j)
# Logs of exact zeros use a floor (1e-300) below every positive float32, so only exact zeros are affected and they
# tie with one another.
#
# AUC: roc_auc_score(members = 1, non-members = 0; scores), ties counted one half.
# TPR at FPR <= target: thresholds t range over every distinct score (and +inf); a row is predicted "member" when
#   its score >= t; FPR(t) = fraction of non-members predicted member, TPR(t) = fraction of members predicted
#   member. The reported value is the LARGEST TPR(t) over thresholds with FPR(t) <= target (so 0.0 when even the
#   highest threshold exceeds the target), computed from sklearn's roc_curve with drop_intermediate=False.
# ---------------------------------------------------------------------------------------------------------------
FLOOR = 1e-300


def _safe_log(v):
    return np.log(np.maximum(v, FLOOR))


def membership_scores(p, y):
    p = p.astype(np.float64)
    n = p.shape[0]
    rows = np.arange(n)
    p_y = p[rows, y]
    mask = np.ones_like(p, dtype=bool)
    mask[rows, y] = False
    q_y = np.where(mask, p, 0.0).sum(axis=1)
    log_py = np.where(p_y > 0.5, np.log1p(-np.minimum(q_y, 0.5)), _safe_log(p_y))
    log_qy = _safe_log(q_y)
    confidence = log_py - log_qy
    loss = log_py
    plogp = np.where(p > 0, p * _safe_log(p), 0.0)
    entropy = plogp.sum(axis=1)
    others = np.where(mask, p * np.log1p(-np.minimum(p, 1.0 - 1e-16)), 0.0).sum(axis=1)
    mentr = -q_y * log_py - others
    return {"confidence": confidence, "loss": loss, "entropy": entropy, "modified_entropy": -mentr}


def tpr_at_fpr(labels, scores, target):
    fpr, tpr, _ = roc_curve(labels, scores, drop_intermediate=False)
    ok = fpr <= target + 1e-12
    return float(tpr[ok].max()) if ok.any() else 0.0


def attack_reference(p_members, y_members, p_nonmembers, y_nonmembers):
    s_in = membership_scores(p_members, y_members)
    s_out = membership_scores(p_nonmembers, y_nonmembers)
    labels = np.concatenate([np.ones(len(y_members)), np.zeros(len(y_nonmembers))])
    result = {}
    for name in s_in:
        scores = np.concatenate([s_in[name], s_out[name]])
        result[name] = {
            "auc": round(float(roc_auc_score(labels, scores)), 6),
            "tpr_at_fpr_0.01": round(tpr_at_fpr(labels, scores, 0.01), 6),
        }
    return result


# ---------------------------------------------------------------------------------------------------------------


def save_npz(path, compressed, **arrays):
    (np.savez_compressed if compressed else np.savez)(path, **arrays)


def write_csv(path, feature_names, x, y):
    def quote(name):
        return '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\r\n ') else name

    with open(path, "w", newline="") as f:
        f.write(",".join([quote(n) for n in feature_names] + ["label"]) + "\r\n")
        for row, label in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row.astype(np.float32)) + "," + str(int(label)) + "\r\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "Tests", "Fixtures", "models"))
    args = parser.parse_args()
    # The overfit MLP is meant to run to max_iter; its "not converged" warning is expected.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)

    bc = load_breast_cancer()
    bc_x, bc_y = bc.data.astype(np.float32), bc.target.astype(np.int64)
    digits = load_digits()
    dg_x, dg_y = (digits.data / 16.0).astype(np.float32), digits.target.astype(np.int64)
    db = load_diabetes()
    db_x, db_y = db.data.astype(np.float32), db.target.astype(np.float32)

    bc_in, bc_out, bc_pop = split(len(bc_y), [200, 200, None], SEED + 1)
    dg_in, dg_out, dg_pop = split(len(dg_y), [600, 600, None], SEED + 2)
    # The MLPs train on a small member set so the unregularised one memorises it.
    mlp_in, mlp_out, mlp_pop = split(len(dg_y), [200, 250, None], SEED + 3)
    db_in, db_out, db_pop = split(len(db_y), [150, 150, None], SEED + 4)

    specs = [
        dict(
            name="logreg_breast_cancer", data=(bc_x, bc_y), parts=(bc_in, bc_out, bc_pop), compressed=False,
            model=Pipeline([("scaler", StandardScaler()), ("logreg", LogisticRegression(max_iter=5000))]),
        ),
        dict(
            name="softmax_digits", data=(dg_x, dg_y), parts=(dg_in, dg_out, dg_pop), compressed=True,
            model=LogisticRegression(max_iter=5000, C=1.0),
        ),
        dict(
            name="mlp_digits_overfit", data=(dg_x, dg_y), parts=(mlp_in, mlp_out, mlp_pop), compressed=True,
            model=MLPClassifier(
                hidden_layer_sizes=(256,), alpha=0.0, max_iter=3000, tol=1e-10, n_iter_no_change=3000,
                random_state=SEED,
            ),
        ),
        dict(
            name="mlp_digits_regularised", data=(dg_x, dg_y), parts=(mlp_in, mlp_out, mlp_pop), compressed=True,
            model=MLPClassifier(
                hidden_layer_sizes=(256,), alpha=1.0, max_iter=3000, early_stopping=True, validation_fraction=0.15,
                n_iter_no_change=20, random_state=SEED,
            ),
        ),
        dict(
            name="random_forest_digits", data=(dg_x, dg_y), parts=(dg_in, dg_out, dg_pop), compressed=True,
            model=RandomForestClassifier(n_estimators=20, max_depth=8, random_state=SEED, n_jobs=1),
        ),
        dict(
            name="mlp_regressor_diabetes", data=(db_x, db_y), parts=(db_in, db_out, db_pop), compressed=False,
            model=Pipeline([
                ("scaler", StandardScaler()),
                ("mlp", MLPRegressor(
                    hidden_layer_sizes=(16,), alpha=1.0, learning_rate_init=0.01, max_iter=5000, random_state=SEED)),
            ]),
        ),
    ]

    reference = {
        "generator": "scripts/make_fixtures.py",
        "versions": {
            "python": platform.python_version(), "numpy": np.__version__, "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__, "onnx": onnx.__version__, "onnxruntime": ort.__version__,
        },
        "target_opsets": {"ai.onnx": OPSETS[""], "ai.onnx.ml": OPSETS["ai.onnx.ml"]},
        "expected_rows": EXPECTED_ROWS,
        "models": {},
        "membership_inference": {
            "definition": "see the comment block 'Membership-inference reference scores' in scripts/make_fixtures.py",
            "scores_from": "onnxruntime float32 probabilities on all members vs all non-members, in float64",
            "fpr_target": 0.01,
            "models": {},
        },
    }

    for spec in specs:
        name = spec["name"]
        x, y = spec["data"]
        i_in, i_out, i_pop = spec["parts"]
        model = spec["model"]
        model.fit(x[i_in], y[i_in])
        is_classifier = hasattr(model, "predict_proba")
        d = x.shape[1]
        onnx_path = os.path.join(out, name + ".onnx")
        onx = export(model, d, onnx_path)

        files = {"model": name + ".onnx"}
        for part, idx in (("members", i_in), ("nonmembers", i_out), ("population", i_pop)):
            fname = f"{name}.{part}.npz"
            save_npz(os.path.join(out, fname), spec["compressed"], x=x[idx], y=y[idx])
            files[part] = fname

        sample = x[i_out][:EXPECTED_ROWS]
        got = run_onnx(onnx_path, sample)
        files["expected"] = name + ".expected.npz"
        np.savez(os.path.join(out, files["expected"]), input=sample, **got)

        entry = {
            "input": {"name": "input", "shape": [None, d], "dtype": "float32"},
            "outputs": [o.name for o in onx.graph.output],
            # skl2onnx lowers the ai.onnx.ml import to the highest version the model's operators need.
            "opsets": {(o.domain or "ai.onnx"): o.version for o in onx.opset_import},
            "operators": sorted({(n.domain + ":" if n.domain else "") + n.op_type for n in onx.graph.node}),
            "rows": {"members": len(i_in), "nonmembers": len(i_out), "population": len(i_pop)},
            "files": files,
        }
        if is_classifier:
            members_out = run_onnx(onnx_path, x[i_in])
            nonmembers_out = run_onnx(onnx_path, x[i_out])
            entry["task"] = "classification"
            entry["classes"] = int(len(model.classes_))
            entry["train_accuracy"] = round(float(accuracy_score(y[i_in], members_out["label"])), 6)
            entry["test_accuracy"] = round(float(accuracy_score(y[i_out], nonmembers_out["label"])), 6)
            if name in ("softmax_digits", "mlp_digits_overfit", "mlp_digits_regularised"):
                reference["membership_inference"]["models"][name] = attack_reference(
                    members_out["probabilities"], y[i_in], nonmembers_out["probabilities"], y[i_out])
        else:
            entry["task"] = "regression"
            entry["classes"] = 0
            entry["train_r2"] = round(float(r2_score(y[i_in], run_onnx(onnx_path, x[i_in])["variable"][:, 0])), 6)
            entry["test_r2"] = round(float(r2_score(y[i_out], run_onnx(onnx_path, x[i_out])["variable"][:, 0])), 6)
        reference["models"][name] = entry
        print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in entry.items() if k.endswith(("accuracy", "r2"))))

    write_csv(os.path.join(out, "logreg_breast_cancer.members.csv"), list(bc.feature_names), bc_x[bc_in], bc_y[bc_in])
    reference["models"]["logreg_breast_cancer"]["files"]["members_csv"] = "logreg_breast_cancer.members.csv"
    reference["models"]["logreg_breast_cancer"]["feature_names"] = list(bc.feature_names)

    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump(reference, f, indent=2, sort_keys=False)
        f.write("\n")
    print(json.dumps(reference["membership_inference"]["models"], indent=1))


if __name__ == "__main__":
    main()
