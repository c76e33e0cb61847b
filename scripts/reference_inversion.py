#!/usr/bin/env python3
"""Independent numpy reference for airisk's white-box model inversion (issue 20).

For every class c of a committed digits fixture it runs a fixed budget of preconditioned gradient-ascent steps on

    J_c(x) = log p_c(x) - lam * (x - xbar)' M^-1 (x - xbar) / d

started at xbar, the mean of the attacker's public data (the fixture's non-member and population rows),
clipping every step to the data range (per-feature minimum and maximum over members, non-members and
population), and keeps the iterate with the best objective (the attacker has no member data to pick by).
Two priors: "l2" (M = diag(range^2): the plain L2 pull toward xbar of issue 20) and "gaussian" (M = the public
rows' covariance, shrunk toward its mean variance: a Gaussian prior fitted on the attacker's auxiliary data).
The step is M grad J (natural gradient under the prior), so neither prior needs M^-1 to move.
Black-box, the Gaussian-prior ascent runs again on NES estimates of the gradient from probabilities alone, within
10,000 counted query rows (three seeds).

Every reconstruction is then scored the way airisk scores it: the cosine between (x - m) and (mu_c - m),
where mu_c is the mean of the class's member rows and m the mean of members and non-members together
(airisk's ReferenceStatistics). The random-input baseline is the same score for uniform draws in the box.

The model's forward and backward passes are written here from the ONNX initializers and attributes
(onnx.numpy_helper), for the fixtures' layer types only: LinearClassifier(+SOFTMAX)+Normalizer, and
MatMul/Add/Relu/MatMul/Add/Softmax. onnxruntime checks that the numpy forward pass matches the model.

Usage (from the repository root; needs numpy, onnx, onnxruntime):
    python3 scripts/reference_inversion.py [--out Tests/Fixtures/models/reference_inversion.json]
"""

import argparse
import json
import os
import platform

import numpy as np
import onnx
import onnxruntime as ort
from onnx import helper, numpy_helper

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "models")
MODELS = ["softmax_digits", "mlp_digits_overfit"]
STEPS = 500
STEP_SIZE = 0.03  # the largest feature moves this fraction of its range per step
PRIOR_WEIGHT = 1.0  # lam: weight of the prior's squared distance to xbar, per feature
SHRINKAGE = 0.1  # the Gaussian prior's covariance is shrunk this far toward its mean variance
PRIORS = ["l2", "gaussian"]
SEED = 0
NES_BUDGET = 10_000  # black-box: query rows, the final look included
NES_SAMPLES = 10  # antithetic pairs per gradient estimate
NES_RADIUS = 0.05  # sampling radius, in units of each feature's range
NES_ITERATIONS = 100
NES_SEEDS = [0, 1, 2]


class Network:
    """A feed-forward classifier read from an ONNX file: logits(x) and the input gradient of a logit seed."""

    def __init__(self, path):
        model = onnx.load(path)
        inits = {i.name: numpy_helper.to_array(i).astype(np.float64) for i in model.graph.initializer}
        ops = [n.op_type for n in model.graph.node]
        self.layers = []  # (W [d_in, d_out], b [d_out], relu_after)
        if "LinearClassifier" in ops:
            node = next(n for n in model.graph.node if n.op_type == "LinearClassifier")
            attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
            post = attrs.get("post_transform", b"NONE")
            if post != b"SOFTMAX":
                raise SystemExit(f"{path}: LinearClassifier post_transform {post!r} is not supported")
            b = np.array(attrs["intercepts"], dtype=np.float64)
            w = np.array(attrs["coefficients"], dtype=np.float64).reshape(len(b), -1)
            self.layers.append((w.T, b, False))
        else:
            supported = {"Cast", "MatMul", "Add", "Relu", "Softmax", "Identity", "ArgMax", "ArrayFeatureExtractor",
                         "Reshape"}
            unknown = set(ops) - supported
            if unknown:
                raise SystemExit(f"{path}: operators {sorted(unknown)} are not supported by this reference")
            matmuls = [n for n in model.graph.node if n.op_type == "MatMul"]
            adds = [n for n in model.graph.node if n.op_type == "Add"]
            for k, (mm, add) in enumerate(zip(matmuls, adds)):
                w = inits[mm.input[1]]
                b = inits[add.input[1]].reshape(-1)
                self.layers.append((w, b, k < len(matmuls) - 1))
        self.path = path

    def logits(self, x):
        """Logits and the cached activations for backward."""
        acts = [x]
        h = x
        for w, b, relu in self.layers:
            h = h @ w + b
            if relu:
                h = np.maximum(h, 0)
            acts.append(h)
        return h, acts

    def backward(self, acts, seed):
        """Input gradient of sum(seed * logits)."""
        g = seed
        for (w, _, relu), out in zip(reversed(self.layers), reversed(acts[1:])):
            if relu:
                g = g * (out > 0)
            g = g @ w.T
        return g


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def load(name, part):
    z = np.load(os.path.join(FIXTURES, f"{name}.{part}.npz"))
    return z["x"].astype(np.float64), z["y"].astype(np.int64)


def metric(kind, public, width):
    """The prior's metric M: diag(range^2) for "l2", the public data's covariance shrunk 10 % toward its mean
    variance for "gaussian" (a Gaussian prior fitted on the attacker's auxiliary data)."""
    if kind == "l2":
        return np.diag(width * width)
    cov = np.cov(public.T)
    d = cov.shape[0]
    return (1 - SHRINKAGE) * cov + SHRINKAGE * np.eye(d) * np.trace(cov) / d


def invert(net, classes, xbar, lo, hi, m):
    """STEPS steps of preconditioned ascent on J = log p_c - lam (x - xbar)' M^-1 (x - xbar) / d for every class
    at once, started at xbar; the step is M grad J, scaled so the largest feature moves STEP_SIZE of its range,
    then clipped to the box; the iterate with the best J is kept."""
    k = len(classes)
    d = xbar.size
    width = np.where(hi > lo, hi - lo, 1.0)
    m_inv = np.linalg.inv(m)
    x = np.tile(xbar, (k, 1))
    best_x = x.copy()
    best_j = np.full(k, -np.inf)
    onehot = np.eye(net.layers[-1][1].size)[classes]
    for _ in range(STEPS + 1):
        z, acts = net.logits(x)
        p = softmax(z)
        logp = np.log(np.maximum(p[np.arange(k), classes], 1e-300))
        dx = x - xbar
        j = logp - PRIOR_WEIGHT * np.einsum("ij,jk,ik->i", dx, m_inv, dx) / d
        better = j > best_j
        best_j[better] = j[better]
        best_x[better] = x[better]
        step = net.backward(acts, onehot - p) @ m - PRIOR_WEIGHT * 2 * dx / d
        norm = np.abs(step / width).max(axis=1, keepdims=True)
        norm[norm == 0] = 1
        x = np.clip(x + STEP_SIZE * step / norm, lo, hi)
    return best_x, best_j


def invert_nes(net, classes, xbar, lo, hi, m, rng):
    """Black-box: the same ascent with the model's gradient replaced by an antithetic Gaussian (NES) estimate from
    probabilities alone: g = sum_i [L(x + s u_i) - L(x - s u_i)] u_i / (2 s q), L = -log p_c, s = NES_RADIUS of each
    feature's range, NES_SAMPLES pairs per step. Every probability row is a counted query; the ascent stops before
    a step that would leave fewer than one row per class of NES_BUDGET for a final look."""
    k = len(classes)
    d = xbar.size
    width = np.where(hi > lo, hi - lo, 1.0)
    m_inv = np.linalg.inv(m)
    q = NES_SAMPLES
    x = np.tile(xbar, (k, 1))
    best_x = x.copy()
    best_j = np.full(k, -np.inf)
    queries = 0
    rows = np.arange(k)
    for _ in range(NES_ITERATIONS + 1):
        if queries + k * (2 * q + 1) + k > NES_BUDGET:
            break
        u = rng.standard_normal((k, q, d))
        step = NES_RADIUS * width * u
        batch = np.concatenate([x[:, None, :], x[:, None, :] + step, x[:, None, :] - step], axis=1)
        p = softmax(net.logits(batch.reshape(-1, d))[0]).reshape(k, 2 * q + 1, -1)
        queries += k * (2 * q + 1)
        loss = -np.log(np.maximum(p[rows, :, classes], 1e-12))  # [k, 2q + 1]
        diff = loss[:, 1:q + 1] - loss[:, q + 1:]
        grad_loss = (diff[:, :, None] * u).sum(axis=1) / (2 * NES_RADIUS * width * q)
        dx = x - xbar
        logp = np.log(np.maximum(p[rows, 0, classes], 1e-30))
        j = logp - PRIOR_WEIGHT * np.einsum("ij,jk,ik->i", dx, m_inv, dx) / d
        better = j > best_j
        best_j[better] = j[better]
        best_x[better] = x[better]
        ascent = -grad_loss @ m - PRIOR_WEIGHT * 2 * dx / d
        norm = np.abs(ascent / width).max(axis=1, keepdims=True)
        norm[norm == 0] = 1
        x = np.clip(x + STEP_SIZE * ascent / norm, lo, hi)
    return best_x, queries + k


def centred_cosine(x, mean, centre):
    a, b = x - centre, mean - centre
    den = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / den) if den > 0 else 0.0


def check_forward(net, path, x):
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    outs = sess.run(None, {sess.get_inputs()[0].name: x.astype(np.float32)})
    probs = next(o for o in outs if isinstance(o, np.ndarray) and o.ndim == 2)
    mine = softmax(net.logits(x)[0])
    err = np.abs(mine - probs).max()
    if err > 1e-4:
        raise SystemExit(f"{path}: numpy forward pass differs from onnxruntime by {err}")
    return float(err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(FIXTURES, "reference_inversion.json"))
    args = ap.parse_args()
    result = {
        "generator": "scripts/reference_inversion.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "onnx": onnx.__version__,
                     "onnxruntime": ort.__version__},
        "method": {
            "objective": "log p_c(x) - lambda * (x - xbar)' M^-1 (x - xbar) / d",
            "priors": {"l2": "M = diag(range^2)",
                       "gaussian": "M = covariance of the public rows, shrunk %g toward its mean variance" % SHRINKAGE},
            "start": "xbar: mean of the non-member and population rows (the attacker's public data)",
            "steps": STEPS, "step_size": STEP_SIZE, "prior_weight": PRIOR_WEIGHT, "shrinkage": SHRINKAGE,
            "step": "M grad J, scaled so the largest feature moves step_size of its range; clipped to the "
                    "per-feature data range",
            "kept": "the iterate with the best objective",
            "score": "cosine of (x - m) and (mu_c - m); mu_c the class's member mean, m the mean of members and "
                     "non-members",
            "random_baseline": "mean score of 8 uniform draws in the data box per class, seed %d" % SEED,
            "black_box": "the gaussian-prior ascent with NES gradient estimates (%d antithetic pairs, radius %g of the "
                         "range), at most %d steps within %d query rows, seeds %s" % (
                             NES_SAMPLES, NES_RADIUS, NES_ITERATIONS, NES_BUDGET, NES_SEEDS),
        },
        "models": {},
    }
    rng = np.random.default_rng(SEED)
    for name in MODELS:
        path = os.path.join(FIXTURES, name + ".onnx")
        net = Network(path)
        xm, ym = load(name, "members")
        xn, yn = load(name, "nonmembers")
        xp, _ = load(name, "population")
        forward_error = check_forward(net, path, xn[:50])
        everything = np.vstack([xm, xn, xp])
        lo, hi = everything.min(axis=0), everything.max(axis=0)
        xbar = np.vstack([xn, xp]).mean(axis=0)
        centre = np.vstack([xm, xn]).mean(axis=0)
        classes = sorted(set(ym.tolist()))
        width = np.where(hi > lo, hi - lo, 1.0)
        means = [xm[ym == k].mean(axis=0) for k in classes]
        random_scores = {
            c: float(np.mean([centred_cosine(lo + rng.random(lo.size) * (hi - lo), means[i], centre)
                              for _ in range(8)]))
            for i, c in enumerate(classes)
        }
        entry = {"classes": len(classes), "features": int(xbar.size), "forward_max_abs_error": forward_error,
                 "mean_random_centred_cosine": float(np.mean(list(random_scores.values()))), "priors": {}}
        for prior in PRIORS:
            recon, _ = invert(net, np.array(classes), xbar, lo, hi, metric(prior, np.vstack([xn, xp]), width))
            p = softmax(net.logits(recon)[0])
            per_class = {}
            for i, c in enumerate(classes):
                nearest = int(np.argmin([np.linalg.norm(recon[i] - m) for m in means]))
                per_class[str(c)] = {
                    "centred_cosine": centred_cosine(recon[i], means[i], centre),
                    "random_centred_cosine": random_scores[c],
                    "target_confidence": float(p[i, c]),
                    "nearest_class_mean": nearest,
                }
            scores = [v["centred_cosine"] for v in per_class.values()]
            own = sum(int(v["nearest_class_mean"] == int(c)) for c, v in per_class.items())
            entry["priors"][prior] = {
                "mean_centred_cosine": float(np.mean(scores)),
                "min_centred_cosine": float(np.min(scores)),
                "nearest_own_class_mean": own,
                "per_class": per_class,
            }
            print(f"{name} ({prior} prior): mean centred cosine {np.mean(scores):.4f} (min {np.min(scores):.4f}), "
                  f"{own}/{len(classes)} nearest their own class mean")
        runs = []
        for seed in NES_SEEDS:
            recon, queries = invert_nes(net, np.array(classes), xbar, lo, hi,
                                        metric("gaussian", np.vstack([xn, xp]), width), np.random.default_rng(seed))
            runs.append({"seed": seed, "queries": queries,
                         "mean_centred_cosine": float(np.mean([centred_cosine(recon[i], means[i], centre)
                                                               for i in range(len(classes))]))})
        entry["black_box"] = {
            "prior": "gaussian", "budget": NES_BUDGET, "samples": NES_SAMPLES, "radius": NES_RADIUS,
            "iterations": NES_ITERATIONS, "runs": runs,
            "mean_centred_cosine": float(np.mean([r["mean_centred_cosine"] for r in runs])),
            "min_centred_cosine": float(np.min([r["mean_centred_cosine"] for r in runs])),
        }
        print(f"{name} (black-box NES, gaussian prior, {NES_BUDGET} queries): mean centred cosine "
              f"{entry['black_box']['mean_centred_cosine']:.4f} over seeds {NES_SEEDS} "
              f"({', '.join('%.4f' % r['mean_centred_cosine'] for r in runs)})")
        result["models"][name] = entry
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
