#!/usr/bin/env python3
"""Independent reference for airisk's reference-model membership attacks: LiRA (online, offline) and RMIA.

How to regenerate
-----------------
    python3 scripts/reference_mia.py                      # mlp_digits_overfit, 16 reference models
    python3 scripts/reference_mia.py --models 16 --out-dir Tests/Fixtures/models/references

Needs Python 3 with numpy, scikit-learn, skl2onnx, onnx and onnxruntime (from PyPI). Every random choice comes from
a fixed seed. Writes, under OUT_DIR/NAME/:
    ref_KK.onnx             reference model KK, trained with the target's own recipe (make_fixtures.py: for the
                            overfit MLP an MLPClassifier with 256 hidden units, alpha 0, 3000 iterations) and exported
                            like the fixtures (input "input" [None, d] float32, no ZipMap);
    ref_KK.members.txt      the 0-based rows of the target records (members then non-members, in file order) that
                            reference KK was trained on, one per line — the layout of `--reference-models DIR`;
    reference_mia.json      the attack figures below, for the Swift tests to compare with.

The split: the target records are NAME.members.npz then NAME.nonmembers.npz (n rows). Models are trained in pairs on
the two halves of a seeded permutation of the n rows, so every target record is IN for exactly half of the reference
models and OUT for the other half. The population (NAME.population.npz) is never trained on; RMIA draws its z from it.

Scores (all from onnxruntime's float32 probabilities, converted to float64 first; p_y = probability of the true label):
  * φ(x) = log p_y − log(1 − p_y), with 1 − p_y summed from the other classes (no cancellation near 1);
  * LiRA online (Carlini et al. 2022): per-record means μ_in, μ_out of φ over the IN and OUT models; with fewer than 64
    models one global σ_in and σ_out (the fixed-variance variant); score = log N(φ_t; μ_in, σ_in²) − log
    N(φ_t; μ_out, σ_out²);
  * LiRA offline: score = (φ_t − μ_out) / σ_out (one-sided);
  * RMIA (Zarifzadeh et al. 2024): Pr(x|θ) = p_y. Online: Pr(x) = mean of p_y over all reference models. Offline:
    Pr(x) = ½((1 + a)·mean over OUT models + (1 − a)), the paper's linear approximation of the unseen IN models.
    Ratio(x) = Pr(x|θ_t)/Pr(x); likewise Ratio(z) for every population row z (which no model saw: Pr(z) is the mean
    over all models). score(x) = share of z with Ratio(x)/Ratio(z) ≥ γ, γ = 1.
    a is calibrated as in the paper: each reference model in turn plays the target against the other models' OUT
    results, and the a in {0, 0.1, …, 1} with the highest mean AUC is kept.
AUC from roc_auc_score; TPR at FPR ≤ t is the largest TPR over thresholds with FPR ≤ t (make_fixtures.py's rule).
"""

import argparse
import json
import os
import platform
import warnings

import numpy as np

RECIPES = {
    # The target's own recipe, as in make_fixtures.py.
    "mlp_digits_overfit": dict(
        hidden_layer_sizes=(256,), alpha=0.0, max_iter=3000, tol=1e-10, n_iter_no_change=3000
    ),
}
SEED = 20260


def load(directory, name, split):
    with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
        return z["x"].astype(np.float32), z["y"].astype(np.int64)


def probabilities(path, x):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    out = dict(zip(names, session.run(None, {session.get_inputs()[0].name: x})))
    return np.asarray(out["probabilities"], dtype=np.float64)


def true_class(p, y):
    rows = np.arange(len(y))
    p_y = p[rows, y]
    mask = np.ones_like(p, dtype=bool)
    mask[rows, y] = False
    rest = np.where(mask, p, 0.0).sum(axis=1)
    return p_y, rest


def phi(p, y):
    p_y, rest = true_class(p, y)
    return np.log(np.maximum(p_y, 1e-300)) - np.log(np.maximum(rest, 1e-300))


def tpr_at(labels, scores, target):
    from sklearn.metrics import roc_curve

    fpr, tpr, _ = roc_curve(labels, scores, drop_intermediate=False)
    ok = fpr <= target + 1e-12
    return float(tpr[ok].max()) if ok.any() else 0.0


def figures(labels, scores):
    from sklearn.metrics import roc_auc_score

    return {
        "auc": round(float(roc_auc_score(labels, scores)), 6),
        "tpr_at_fpr_0.01": round(tpr_at(labels, scores, 0.01), 6),
        "tpr_at_fpr_0.001": round(tpr_at(labels, scores, 0.001), 6),
    }


def log_normal(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma)


def lira(phi_target, phi_refs, inside):
    """phi_refs: [models, n]; inside: bool [models, n]."""
    phi_in = np.where(inside, phi_refs, np.nan)
    phi_out = np.where(~inside, phi_refs, np.nan)
    mu_in = np.nanmean(phi_in, axis=0)
    mu_out = np.nanmean(phi_out, axis=0)
    sigma_in = np.nanstd(phi_in - mu_in) + 1e-12
    sigma_out = np.nanstd(phi_out - mu_out) + 1e-12
    online = log_normal(phi_target, mu_in, sigma_in) - log_normal(phi_target, mu_out, sigma_out)
    offline = (phi_target - mu_out) / sigma_out
    return online, offline


def rmia_scores(px_target, px_prior, pz_target, pz_prior, gamma=1.0):
    ratio_x = px_target / np.maximum(px_prior, 1e-300)
    ratio_z = pz_target / np.maximum(pz_prior, 1e-300)
    # share of z with ratio_x / ratio_z >= gamma, i.e. ratio_z <= ratio_x / gamma
    sorted_z = np.sort(ratio_z)
    return np.searchsorted(sorted_z, ratio_x / gamma, side="right") / len(sorted_z)


def offline_prior(p_out_mean, a):
    return 0.5 * ((1.0 + a) * p_out_mean + (1.0 - a))


def calibrate_a(py_refs, pz_refs, inside):
    """Each reference model plays the target against the others' OUT results; the a with the best mean AUC."""
    from sklearn.metrics import roc_auc_score

    models = py_refs.shape[0]
    grid = [round(0.1 * i, 1) for i in range(11)]
    best_a, best_auc, table = 0.0, -1.0, {}
    for a in grid:
        aucs = []
        for k in range(models):
            others = [j for j in range(models) if j != k]
            out_mask = ~inside[others]
            p_out = np.where(out_mask, py_refs[others], np.nan)
            px_prior = offline_prior(np.nanmean(p_out, axis=0), a)
            pz_prior = offline_prior(pz_refs[others].mean(axis=0), a)
            scores = rmia_scores(py_refs[k], px_prior, pz_refs[k], pz_prior)
            aucs.append(roc_auc_score(inside[k].astype(int), scores))
        table[str(a)] = round(float(np.mean(aucs)), 6)
        if np.mean(aucs) > best_auc:
            best_a, best_auc = a, float(np.mean(aucs))
    return best_a, table


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = os.path.join(here, "..", "Tests", "Fixtures", "models")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", default=fixtures)
    parser.add_argument("--name", default="mlp_digits_overfit", choices=sorted(RECIPES))
    parser.add_argument("--models", type=int, default=16, help="an even number of reference models")
    parser.add_argument("--out-dir", default=os.path.join(fixtures, "references"))
    args = parser.parse_args()
    if args.models < 2 or args.models % 2:
        parser.error("--models must be an even number ≥ 2")

    import onnxruntime
    import skl2onnx
    import sklearn
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    name = args.name
    x_in, y_in = load(args.fixtures, name, "members")
    x_out, y_out = load(args.fixtures, name, "nonmembers")
    x_pop, y_pop = load(args.fixtures, name, "population")
    x = np.concatenate([x_in, x_out])
    y = np.concatenate([y_in, y_out])
    labels = np.concatenate([np.ones(len(y_in)), np.zeros(len(y_out))])
    n, d = x.shape
    out = os.path.join(args.out_dir, name)
    os.makedirs(out, exist_ok=True)

    rng = np.random.RandomState(SEED)
    inside = np.zeros((args.models, n), dtype=bool)
    for pair in range(args.models // 2):
        perm = rng.permutation(n)
        inside[2 * pair, perm[: n // 2]] = True
        inside[2 * pair + 1, perm[n // 2 :]] = True

    py_refs = np.zeros((args.models, n))
    pz_refs = np.zeros((args.models, len(y_pop)))
    phi_refs = np.zeros((args.models, n))
    for k in range(args.models):
        rows = np.flatnonzero(inside[k])
        model = MLPClassifier(random_state=SEED + k, **RECIPES[name]).fit(x[rows], y[rows])
        onx = to_onnx(
            model, initial_types=[("input", FloatTensorType([None, d]))], target_opset={"": 15, "ai.onnx.ml": 2},
            options={id(model): {"zipmap": False}},
        )
        onx.graph.name = f"{name}_ref_{k:02d}"
        onx.producer_version = skl2onnx.__version__
        path = os.path.join(out, f"ref_{k:02d}.onnx")
        with open(path, "wb") as f:
            f.write(onx.SerializeToString())
        with open(os.path.join(out, f"ref_{k:02d}.members.txt"), "w") as f:
            f.write("".join(f"{r}\n" for r in rows))
        p = probabilities(path, x)
        py_refs[k], _ = true_class(p, y)
        phi_refs[k] = phi(p, y)
        pz_refs[k], _ = true_class(probabilities(path, x_pop), y_pop)
        print(f"reference {k:02d}: trained on {len(rows)} target records")

    p_target = probabilities(os.path.join(args.fixtures, f"{name}.onnx"), x)
    pz_target, _ = true_class(probabilities(os.path.join(args.fixtures, f"{name}.onnx"), x_pop), y_pop)
    py_target, _ = true_class(p_target, y)
    online, offline = lira(phi(p_target, y), phi_refs, inside)

    rmia_online = rmia_scores(py_target, py_refs.mean(axis=0), pz_target, pz_refs.mean(axis=0))
    a, a_table = calibrate_a(py_refs, pz_refs, inside)
    p_out_mean = np.nanmean(np.where(~inside, py_refs, np.nan), axis=0)
    rmia_offline = rmia_scores(
        py_target, offline_prior(p_out_mean, a), pz_target, offline_prior(pz_refs.mean(axis=0), a)
    )

    result = {
        "generator": "scripts/reference_mia.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__,
            "onnxruntime": onnxruntime.__version__,
        },
        "model": name,
        "recipe": {k: list(v) if isinstance(v, tuple) else v for k, v in RECIPES[name].items()},
        "reference_models": args.models,
        "target_records": int(n),
        "population_rows": int(len(y_pop)),
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


if __name__ == "__main__":
    main()
