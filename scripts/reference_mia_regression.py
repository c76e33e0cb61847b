#!/usr/bin/env python3
"""Independent reference for airisk's membership loss attack on a regressor (the squared-error attack).

How to regenerate
-----------------
    /work/wt/refs-venv/bin/python scripts/reference_mia_regression.py
    python3 scripts/reference_mia_regression.py --name mlp_regressor_diabetes --fixtures Tests/Fixtures/models
    python3 scripts/reference_mia_regression.py --references 16     # LiRA and RMIA (second part below)

Needs Python 3 with numpy, onnxruntime and scikit-learn (from PyPI); --references also skl2onnx and onnx. Run
from the repository root. The loss attack has no randomness. Reads NAME.onnx, NAME.members.npz and
NAME.nonmembers.npz (x float32 [n, d]; y float targets [n] or [n, k]), runs the model with onnxruntime (float32
answers converted to float64), and scores every record with
    score = −(1/k) Σ_j (ŷ_j − y_j)²
(members were fitted, so their residuals are smaller: higher score = more likely a member). Writes
Tests/Fixtures/models/reference_mia_regression.json with, per model: the AUC (sklearn's roc_auc_score, members
positive), TPR at FPR ≤ 0.1 %, 1 %, 10 % (the largest TPR over thresholds with FPR ≤ t) and the members' and
non-members' mean squared errors.

Reference-model attacks (--references N)
----------------------------------------
With --references N (an even number; the committed set has 16) the script instead trains N reference regressors
for NAME (default mlp_regressor_diabetes; one --name at most) and scores LiRA and RMIA on the residuals, leaving
reference_mia_regression.json alone. Every random choice comes from a fixed seed. It writes, under
OUT_DIR/NAME/ (--out-dir, default Tests/Fixtures/models/references):
    ref_KK.onnx             reference regressor KK, trained with the target's own recipe (RECIPES below, as in
                            make_fixtures.py: StandardScaler then MLPRegressor with 16 hidden units, alpha 1,
                            learning rate 0.01, 5000 iterations; random_state SEED + KK) and exported like the fixture
                            (input "input" [None, d] float32, output "variable" [N, k], opsets 15 and ml 2);
    ref_KK.members.txt      the 0-based rows of the target records (members then non-members, in file order) it was
                            trained on, one per line — the layout of `airisk assess --reference-models DIR`;
    reference_mia.json      the figures below, for Tests/AIRiskAssessmentTests/MembershipRegressionReferencesTests.

The split, as in scripts/reference_mia.py: the n target records (members then non-members) are cut in two halves by
a seeded permutation per pair of models, one half each, so every record is IN for exactly N/2 models and OUT for
the other N/2. The population (NAME.population.npz) is never trained on; it is RMIA's z.

Signals, from onnxruntime's float32 answers converted to float64, with residuals r_j = ŷ_j − y_j over the k outputs:
  * floor_j = 10⁻⁶ · var(y_j), the population variance (ddof 0) of output j's targets over the n target records;
  * φ(x) = −(1/k) Σ_j log(r_j² + floor_j)  (LiRA's per-record Gaussian statistic);
  * Pr(x|θ) = exp(−(1/k) Σ_j r_j² / (2 s_j²)), s_j² = max(the TARGET model's mean squared error of output j on the
    population rows z, floor_j), one s_j² for the target and every reference model (RMIA's likelihood).
Attacks, with the formulas of scripts/reference_mia.py (whose functions this mode calls): LiRA online and offline
with fixed variance (fewer than 64 models) and separate pooled σ_in and σ_out; RMIA online (Pr(x) = mean over all
models) and offline (Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)), a in {0, 0.1, …, 1} calibrated with each reference
model in turn as the target), γ = 1, z = the population rows. AUC (roc_auc_score, members positive) and TPR at
FPR ≤ 1 % and 0.1 % (reference_mia.py's rule).
"""

import argparse
import json
import os
import platform
import sys
import warnings

import numpy as np

# The target's own recipe, as in make_fixtures.py (the scaler and the MLP's settings; random_state per model).
RECIPES = {
    "mlp_regressor_diabetes": dict(hidden_layer_sizes=(16,), alpha=1.0, learning_rate_init=0.01, max_iter=5000),
}
SEED = 20260
OPSETS = {"": 15, "ai.onnx.ml": 2}


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


def signals(predictions, targets, floor, scale):
    """φ and Pr(x|θ) per row from the residuals (see the docstring): arrays [n, k] in, two arrays [n] out."""
    r2 = (predictions - targets) ** 2
    phi = -np.log(r2 + floor).mean(axis=1)
    likelihood = np.exp(-(r2 / (2.0 * scale)).mean(axis=1))
    return phi, likelihood


def export_regressor(model, d, path, graph_name):
    """skl2onnx export as make_fixtures.py does it, with reproducible bytes."""
    import skl2onnx
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType

    onx = to_onnx(model, initial_types=[("input", FloatTensorType([None, d]))], target_opset=OPSETS)
    onx.graph.name = graph_name
    onx.producer_version = skl2onnx.__version__
    imports = sorted({(o.domain, o.version) for o in onx.opset_import})
    del onx.opset_import[:]
    for domain, version in imports:
        onx.opset_import.add(domain=domain, version=version)
    with open(path, "wb") as f:
        f.write(onx.SerializeToString())


def reference_attacks(directory, name, models, out_dir):
    """--references: trains `models` reference regressors, writes them and reference_mia.json (see the docstring)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import onnxruntime
    import skl2onnx
    import sklearn
    from reference_mia import calibrate_a, figures, lira, offline_prior, rmia_scores
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    # The recipe runs to max_iter, like the target; its "not converged" warning is expected.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    xm, ym = load(directory, name, "members")
    xn, yn = load(directory, name, "nonmembers")
    xz, yz = load(directory, name, "population")
    x = np.concatenate([xm, xn])
    y = np.concatenate([ym, yn])
    labels = np.concatenate([np.ones(len(ym)), np.zeros(len(yn))])
    n, d = x.shape
    k = y.shape[1]
    out = os.path.join(out_dir, name)
    os.makedirs(out, exist_ok=True)

    target_path = os.path.join(directory, f"{name}.onnx")
    target_x, target_z = predict(target_path, x), predict(target_path, xz)
    if target_x.shape != y.shape or target_z.shape != yz.shape:
        raise SystemExit(f"{name}: model answers {target_x.shape} but targets are {y.shape}")
    floor = np.maximum(y.var(axis=0) * 1e-6, 1e-30)
    scale = np.maximum(((target_z - yz) ** 2).mean(axis=0), floor)

    rng = np.random.RandomState(SEED)
    inside = np.zeros((models, n), dtype=bool)
    for pair in range(models // 2):
        perm = rng.permutation(n)
        inside[2 * pair, perm[: n // 2]] = True
        inside[2 * pair + 1, perm[n // 2 :]] = True

    phi_refs = np.zeros((models, n))
    px_refs = np.zeros((models, n))
    pz_refs = np.zeros((models, len(yz)))
    # The fit's targets as the target got them: the file's y, one column per output (1-D for one output).
    y_fit = y[:, 0] if k == 1 else y
    for m in range(models):
        rows = np.flatnonzero(inside[m])
        model = Pipeline([
            ("scaler", StandardScaler()),
            ("mlp", MLPRegressor(random_state=SEED + m, **RECIPES[name])),
        ]).fit(x[rows], y_fit[rows].astype(np.float32))
        path = os.path.join(out, f"ref_{m:02d}.onnx")
        export_regressor(model, d, path, f"{name}_ref_{m:02d}")
        with open(os.path.join(out, f"ref_{m:02d}.members.txt"), "w") as f:
            f.write("".join(f"{r}\n" for r in rows))
        phi_refs[m], px_refs[m] = signals(predict(path, x), y, floor, scale)
        _, pz_refs[m] = signals(predict(path, xz), yz, floor, scale)
        print(f"reference {m:02d}: trained on {len(rows)} target records")

    phi_target, px_target = signals(target_x, y, floor, scale)
    _, pz_target = signals(target_z, yz, floor, scale)
    online, offline = lira(phi_target, phi_refs, inside)
    rmia_online = rmia_scores(px_target, px_refs.mean(axis=0), pz_target, pz_refs.mean(axis=0))
    a, a_table = calibrate_a(px_refs, pz_refs, inside)
    px_out_mean = np.nanmean(np.where(~inside, px_refs, np.nan), axis=0)
    rmia_offline = rmia_scores(
        px_target, offline_prior(px_out_mean, a), pz_target, offline_prior(pz_refs.mean(axis=0), a)
    )
    result = {
        "generator": "scripts/reference_mia_regression.py --references",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__,
            "onnxruntime": onnxruntime.__version__,
        },
        "model": name,
        "recipe": {"scaler": "StandardScaler"}
        | {key: list(v) if isinstance(v, tuple) else v for key, v in RECIPES[name].items()},
        "reference_models": models,
        "target_records": int(n),
        "population_rows": int(len(yz)),
        "outputs": int(k),
        "signals": {
            "phi": "-(1/k) sum_j log(r_j^2 + floor_j)",
            "likelihood": "exp(-(1/k) sum_j r_j^2 / (2 s_j^2))",
            "floor": [float(v) for v in floor],
            "s2": [float(v) for v in scale],
        },
        "lira_variance": "fixed, separate pooled sigma_in and sigma_out",
        "rmia_gamma": 1.0,
        "rmia_offline_a": a,
        "rmia_offline_a_search": a_table,
        "attacks": {
            "lira_online": figures(labels, online),
            "lira_offline": figures(labels, offline),
            "rmia_online": figures(labels, rmia_online),
            "rmia_offline": figures(labels, rmia_offline),
        },
    }
    with open(os.path.join(out, "reference_mia.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result["attacks"], indent=1), "a =", a)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], epilog="See the module docstring for the definitions."
    )
    ap.add_argument("--fixtures", default="Tests/Fixtures/models")
    ap.add_argument("--name", action="append")
    ap.add_argument("--out", default="Tests/Fixtures/models/reference_mia_regression.json")
    ap.add_argument(
        "--references", type=int, metavar="N",
        help="train N reference regressors (even) and write LiRA and RMIA figures instead of the loss attack's",
    )
    ap.add_argument("--out-dir", default="Tests/Fixtures/models/references", help="with --references")
    a = ap.parse_args()
    if a.references is not None:
        if a.references < 2 or a.references % 2:
            ap.error("--references must be an even number ≥ 2")
        if a.name and len(a.name) > 1:
            ap.error("--references takes one --name")
        name = (a.name or ["mlp_regressor_diabetes"])[0]
        if name not in RECIPES:
            ap.error(f"--references: no recipe for {name} (known: {', '.join(sorted(RECIPES))})")
        reference_attacks(a.fixtures, name, a.references, a.out_dir)
        return
    names = a.name or ["mlp_regressor_diabetes", "mlp_regressor_multi"]
    result = {"attack": "squared-error", "models": {n: reference(a.fixtures, n) for n in names}}
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
