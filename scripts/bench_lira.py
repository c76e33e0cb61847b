#!/usr/bin/env python3
"""Python reference for airisk's LiRA / RMIA benchmark (`scripts/bench.sh lira`), with numpy, scikit-learn and
onnxruntime.

Usage
-----
    python3 scripts/bench_lira.py --references DIR        # LiRA and RMIA on the reference models in DIR
    python3 scripts/bench_lira.py --seed 1                # in-process: train the references, then attack

Two modes, each mirroring an `airisk-bench lira` mode on the same fixture (default mlp_digits_overfit: its members,
non-members and population .npz beside the ONNX model):

  * `--references DIR` (airisk: `assess --reference-models DIR`, `airisk-bench lira --references DIR`): the
    reference models in DIR (NAME.onnx with NAME.members.txt, the 0-based rows of members then non-members each was
    trained on, as scripts/reference_mia.py writes them) are run by onnxruntime on the target records and the
    population, and the attacks of scripts/reference_mia.py score the target: LiRA online / offline with σ_in and
    σ_out each pooled over the records (the fixed-variance variant below 64 models), RMIA online / offline with the
    offline `a` calibrated on the references, population rows z = the whole population. Timed: from the first
    onnxruntime session to the last figure (every session, every score, the statistics, the a search, the AUCs).

  * default, in-process (airisk: `assess --profile standard --probes membership`, `airisk-bench lira`): the same
    steps as airisk's MembershipProbe with the standard profile, with scikit-learn's MLPClassifier as the trainer:
      - the architecture is the target's (its ONNX graph's dense layers; raw inputs when the graph scales none,
        scikit-learn's Glorot-uniform initialisation as airisk's raw-input copies use), ReLU, Adam lr 1e-3,
        batch 64, exactly the recipe's epochs (tol 0, n_iter_no_change = epochs: no early stop), airisk's L2 λ
        (λ·W added to the gradient of the batch-mean loss) as alpha = λ·64;
      - the reference pool: the target records (members ∪ non-members), topped up from the population only when
        its half would be smaller than the member count;
      - recipe calibration: each candidate of the standard profile (100, 200, 400 epochs without L2; L2 1e-3 and
        1e-2 at 100 epochs) trains one model on the same random half of the pool; the one whose mean
        cross-entropy on the target records it trained on / did not train on comes closest to the target's on the
        members / non-members (|ln ratio| summed) is kept; it "matches" when both ratios are within a factor 1.5;
      - 16 reference models in pairs on the two halves of random permutations of the pool, trained with joblib
        (`--jobs`, default 2, as airisk trains on both cores);
      - LiRA: per-record IN / OUT means, fixed variance (fewer than 64 models): σ_in and σ_out each pooled over the
        records when the recipe matched, one σ pooled over IN and OUT otherwise (airisk's rule); RMIA as above.
    Timed: from the target's onnxruntime session to the last figure (calibration, training, scoring, statistics).

Every line the harness reads starts with PYTHON_REFS or PYTHON_LIRA: the wall time, then AUC and TPR at 1 % FPR of
each attack (roc_auc_score; TPR at FPR ≤ 1 % is the largest TPR over thresholds with FPR ≤ 1 %).
"""

import argparse
import os
import sys
import time
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference_mia as rm  # noqa: E402  (the attacks and figures of the numpy reference)

# airisk's LogProbabilities.floor: log of the smallest float32 subnormal.
LOG_FLOOR = float(np.log(np.float32(1.4e-45)))
# The standard profile's reference-recipe candidates (Profile.swift): (epochs, L2).
STANDARD_CANDIDATES = [(100, 0.0), (200, 0.0), (400, 0.0), (100, 1e-3), (100, 1e-2)]
TOLERANCE = 1.5
ATTACKS = ["lira-online", "lira-offline", "rmia-online", "rmia-offline"]  # airisk's attack names


def load(directory, name, split):
    with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
        return z["x"].astype(np.float32).reshape(len(z["x"]), -1), z["y"].astype(np.int64)


def session_probabilities(path, *inputs):
    """One onnxruntime session, its float64 class probabilities on each input."""
    import onnxruntime as ort

    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    feed = session.get_inputs()[0].name
    result = []
    for x in inputs:
        out = dict(zip(names, session.run(None, {feed: x})))
        probs = out.get("probabilities")
        if probs is None:
            probs = next(o for o in out.values() if isinstance(o, np.ndarray) and o.ndim == 2)
        result.append(np.asarray(probs, dtype=np.float64))
    return result


def figures_line(tag, wall, labels, scores, extra=""):
    parts = [f"{wall:.3f} s"] + ([extra] if extra else [])
    for name in ATTACKS:
        f = rm.figures(labels, scores[name])
        parts.append(f"{name} AUC {f['auc']:.4f} TPR@1%FPR {f['tpr_at_fpr_0.01']:.3f}")
    return f"{tag}: " + "; ".join(parts)


def rmia(py_target, pz_target, py_refs, pz_refs, inside):
    online = rm.rmia_scores(py_target, py_refs.mean(axis=0), pz_target, pz_refs.mean(axis=0))
    a, _ = rm.calibrate_a(py_refs, pz_refs, inside)
    p_out_mean = np.nanmean(np.where(~inside, py_refs, np.nan), axis=0)
    offline = rm.rmia_scores(
        py_target, rm.offline_prior(p_out_mean, a), pz_target, rm.offline_prior(pz_refs.mean(axis=0), a))
    return online, offline, a


# --- same references -------------------------------------------------------------------------------------------

def supplied_references(args):
    x_in, y_in = load(args.models_dir, args.model, "members")
    x_out, y_out = load(args.models_dir, args.model, "nonmembers")
    x_pop, y_pop = load(args.models_dir, args.model, "population")
    x = np.concatenate([x_in, x_out])
    y = np.concatenate([y_in, y_out])
    labels = np.concatenate([np.ones(len(y_in)), np.zeros(len(y_out))])
    files = sorted(f for f in os.listdir(args.references) if f.endswith(".onnx") and not f.startswith("."))
    inside = np.zeros((len(files), len(x)), dtype=bool)
    for k, f in enumerate(files):
        with open(os.path.join(args.references, f[: -len(".onnx")] + ".members.txt")) as fh:
            inside[k, [int(line) for line in fh if line.strip()]] = True
    print(f"Python LiRA/RMIA on supplied references: {args.model}, {len(y_in)} members, {len(y_out)} non-members, "
          f"{len(y_pop)} population rows, {len(files)} references in {args.references}")
    for run in range(args.runs):
        start = time.perf_counter()
        p_target, p_target_pop = session_probabilities(os.path.join(args.models_dir, args.model + ".onnx"), x, x_pop)
        py_refs = np.zeros((len(files), len(x)))
        phi_refs = np.zeros((len(files), len(x)))
        pz_refs = np.zeros((len(files), len(x_pop)))
        for k, f in enumerate(files):
            p, pz = session_probabilities(os.path.join(args.references, f), x, x_pop)
            py_refs[k], _ = rm.true_class(p, y)
            phi_refs[k] = rm.phi(p, y)
            pz_refs[k], _ = rm.true_class(pz, y_pop)
        py_target, _ = rm.true_class(p_target, y)
        pz_target, _ = rm.true_class(p_target_pop, y_pop)
        online, offline = rm.lira(rm.phi(p_target, y), phi_refs, inside)
        rmia_online, rmia_offline, a = rmia(py_target, pz_target, py_refs, pz_refs, inside)
        scores = dict(zip(ATTACKS, (online, offline, rmia_online, rmia_offline)))
        for s in scores.values():
            rm.figures(labels, s)
        wall = time.perf_counter() - start
        print(figures_line(f"PYTHON_REFS run {run + 1}", wall, labels, scores, f"models {len(files)}; RMIA a {a}"),
              flush=True)


# --- in-process ------------------------------------------------------------------------------------------------

def onnx_architecture(path):
    """Hidden widths of a plain MLP graph and whether it scales its inputs before the first dense layer."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(path).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    widths, scales, seen_dense = [], False, False
    for node in graph.node:
        if node.op_type in ("MatMul", "Gemm") and len(node.input) > 1 and node.input[1] in inits:
            w = inits[node.input[1]]
            cols = w.shape[1]
            if node.op_type == "Gemm" and any(a.name == "transB" and a.i == 1 for a in node.attribute):
                cols = w.shape[0]
            widths.append(cols)
            seen_dense = True
        elif node.op_type in ("Scaler", "Normalizer") and not seen_dense:
            scales = True
    return widths[:-1], scales


def log_probabilities(p):
    return np.maximum(np.log(np.maximum(p, 0.0)), LOG_FLOOR) if p.size else p


def phi_floor(p, y):
    """φ = log p_y − log Σ_{j≠y} p_j with airisk's floor on both logs."""
    p_y, rest = rm.true_class(p, y)
    return (np.maximum(np.log(np.maximum(p_y, 1e-300)), LOG_FLOOR)
            - np.maximum(np.log(np.maximum(rest, 1e-300)), LOG_FLOOR))


def mean_loss(p, y):
    """Mean −log p_y, as airisk reads it: log1p(−Σ others) for p_y > ½ (no rounding of p_y near 1)."""
    p_y, rest = rm.true_class(p, y)
    log_p = np.where(p_y > 0.5, np.log1p(-np.minimum(rest, 1 - 1e-300)), log_probabilities(p_y))
    return float(-log_p.mean())


def fit_and_score(x, y, rows, classes, hidden, scales, epochs, l2, seed, evaluate):
    """Trains one MLPClassifier on x[rows] and returns its class probabilities on each array of `evaluate`."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp = MLPClassifier(
            hidden_layer_sizes=tuple(hidden), activation="relu", solver="adam", learning_rate_init=1e-3,
            batch_size=64, alpha=l2 * 64, max_iter=epochs, tol=0.0, n_iter_no_change=epochs, shuffle=True,
            random_state=seed)
        clf = make_pipeline(StandardScaler(), mlp) if scales else mlp
        clf.fit(x[rows], y[rows])
    out = []
    for e in evaluate:
        p = np.zeros((len(e), classes))
        p[:, clf.classes_] = clf.predict_proba(e)
        out.append(p)
    return out


def lira_airisk(phi_target, phi_refs, inside, shared):
    """airisk's fixed-variance LiRA: per-record means, σ pooled over the records (ddof 1 per record)."""
    cnt_in, cnt_out = inside.sum(0), (~inside).sum(0)
    mu_in = np.where(inside, phi_refs, 0).sum(0) / np.maximum(cnt_in, 1)
    mu_out = np.where(~inside, phi_refs, 0).sum(0) / np.maximum(cnt_out, 1)
    ss_in = np.where(inside, (phi_refs - mu_in) ** 2, 0).sum()
    ss_out = np.where(~inside, (phi_refs - mu_out) ** 2, 0).sum()
    dof_in, dof_out = np.maximum(cnt_in - 1, 0).sum(), np.maximum(cnt_out - 1, 0).sum()
    if shared:
        sigma_in = sigma_out = np.sqrt((ss_in + ss_out) / (dof_in + dof_out))
    else:
        sigma_in, sigma_out = np.sqrt(ss_in / dof_in), np.sqrt(ss_out / dof_out)
    online = rm.log_normal(phi_target, mu_in, sigma_in) - rm.log_normal(phi_target, mu_out, sigma_out)
    return online, (phi_target - mu_out) / sigma_out


def in_process(args):
    from joblib import Parallel, delayed

    target_path = os.path.join(args.models_dir, args.model + ".onnx")
    x_in, y_in = load(args.models_dir, args.model, "members")
    x_out, y_out = load(args.models_dir, args.model, "nonmembers")
    x_pop, y_pop = load(args.models_dir, args.model, "population")
    x = np.concatenate([x_in, x_out])
    y = np.concatenate([y_in, y_out])
    n, n_members = len(x), len(x_in)
    labels = np.concatenate([np.ones(n_members), np.zeros(len(x_out))])
    hidden, scales = onnx_architecture(target_path)
    if not hidden:
        sys.exit(f"{target_path}: not an MLP with hidden layers; this reference trains MLPClassifier copies")
    classes = int(max(y.max(), y_pop.max())) + 1
    extra = min(len(x_pop), 2 * n_members - n) if 2 * n_members > n else 0
    pool_x, pool_y = np.concatenate([x, x_pop[:extra]]), np.concatenate([y, y_pop[:extra]])
    z_x, z_y = x_pop[extra:], y_pop[extra:]
    models = args.reference_models
    candidates = STANDARD_CANDIDATES if args.epochs is None else [(args.epochs, args.l2)]
    print(f"Python LiRA/RMIA in-process: {args.model}, {n_members} members, {n - n_members} non-members, "
          f"{len(y_pop)} population rows, {models} reference MLPClassifier{tuple(hidden)}, "
          f"{'standardised' if scales else 'raw'} inputs, recipe candidates (epochs/L2) "
          f"{', '.join(f'{e}/{l}' for e, l in candidates)}, n_jobs={args.jobs}")

    for run in range(args.runs):
        seed = args.seed + 1000 * run
        start = time.perf_counter()
        p_target, p_target_z = session_probabilities(target_path, x, z_x)
        rng = np.random.default_rng(seed)
        parallel = Parallel(n_jobs=args.jobs)

        # Recipe calibration on one random half of the pool.
        half = rng.permutation(len(pool_x))[: len(pool_x) // 2]
        is_in = np.zeros(len(pool_x), dtype=bool)
        is_in[half] = True
        in_rows, out_rows = np.flatnonzero(is_in[:n]), np.flatnonzero(~is_in[:n])
        target_member_loss = mean_loss(p_target[:n_members], y[:n_members])
        target_nonmember_loss = mean_loss(p_target[n_members:], y[n_members:])
        calibration_seed = int(rng.integers(2**31))
        if len(candidates) > 1:
            trials = parallel(
                delayed(fit_and_score)(pool_x, pool_y, half, classes, hidden, scales, e, l, calibration_seed, [x])
                for e, l in candidates)

            def ratio(a, b):
                return np.log(max(a, 1e-6) / max(b, 1e-6))

            distances = []
            for (p,) in trials:
                member, nonmember = mean_loss(p[in_rows], y[in_rows]), mean_loss(p[out_rows], y[out_rows])
                distances.append((abs(ratio(member, target_member_loss))
                                  + abs(ratio(nonmember, target_nonmember_loss)), member, nonmember))
            best = int(np.argmin([d[0] for d in distances]))
            epochs, l2 = candidates[best]
            _, member, nonmember = distances[best]
            matched = (abs(ratio(member, target_member_loss)) <= np.log(TOLERANCE)
                       and abs(ratio(nonmember, target_nonmember_loss)) <= np.log(TOLERANCE))
            recipe = (f"recipe {epochs} epochs L2 {l2} ({'matched' if matched else 'not matched'}; reference IN/OUT "
                      f"loss {member:.4g}/{nonmember:.4g}, target member/non-member {target_member_loss:.4g}/"
                      f"{target_nonmember_loss:.4g})")
        else:
            (epochs, l2), matched = candidates[0], True
            recipe = f"recipe {epochs} epochs L2 {l2} (given)"

        # The reference models, in pairs on the halves of random permutations of the pool.
        splits = []
        for _ in range((models + 1) // 2):
            order = rng.permutation(len(pool_x))
            splits.append(order[: len(pool_x) // 2])
            if len(splits) < models:
                splits.append(order[len(pool_x) // 2:])
        seeds = rng.integers(2**31, size=models)
        outputs = parallel(
            delayed(fit_and_score)(pool_x, pool_y, idx, classes, hidden, scales, epochs, l2, int(s), [x, z_x])
            for idx, s in zip(splits, seeds))
        inside = np.zeros((models, n), dtype=bool)
        for m, idx in enumerate(splits):
            inside[m, idx[idx < n]] = True
        phi_refs = np.array([phi_floor(p, y) for p, _ in outputs])
        py_refs = np.array([rm.true_class(p, y)[0] for p, _ in outputs])
        pz_refs = np.array([rm.true_class(pz, z_y)[0] for _, pz in outputs])
        online, offline = lira_airisk(phi_floor(p_target, y), phi_refs, inside, shared=not matched)
        py_target, _ = rm.true_class(p_target, y)
        pz_target, _ = rm.true_class(p_target_z, z_y)
        rmia_online, rmia_offline, a = rmia(py_target, pz_target, py_refs, pz_refs, inside)
        scores = dict(zip(ATTACKS, (online, offline, rmia_online, rmia_offline)))
        for s in scores.values():
            rm.figures(labels, s)
        wall = time.perf_counter() - start
        print(figures_line(f"PYTHON_LIRA run {run + 1}", wall, labels, scores, f"{recipe}; RMIA a {a}"), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models-dir", default=os.path.join(HERE, "..", "Tests", "Fixtures", "models"))
    parser.add_argument("--model", default="mlp_digits_overfit")
    parser.add_argument("--references", help="a directory of NAME.onnx + NAME.members.txt reference models")
    parser.add_argument("--reference-models", type=int, default=16, help="in-process: how many to train")
    parser.add_argument("--epochs", type=int, help="in-process: a fixed recipe's epochs (no calibration)")
    parser.add_argument("--l2", type=float, default=0.0, help="in-process: the fixed recipe's L2 (with --epochs)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    import joblib  # noqa: F401  (imports outside the timed region)
    import onnxruntime  # noqa: F401
    import sklearn.metrics  # noqa: F401
    import sklearn.neural_network  # noqa: F401

    if args.references:
        supplied_references(args)
    else:
        in_process(args)


if __name__ == "__main__":
    main()
