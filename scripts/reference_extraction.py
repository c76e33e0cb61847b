#!/usr/bin/env python3
"""Independent reference for airisk's model-extraction probe: what a 100-line attacker script reaches.

How to regenerate
-----------------
    python3 scripts/reference_extraction.py            # writes Tests/Fixtures/models/reference_extraction.json
    python3 scripts/reference_extraction.py --out FILE

Needs Python 3 with numpy, scikit-learn and onnxruntime (from PyPI). Every random choice comes from a fixed seed; the
output is committed and the Swift test `ExtractionReferenceTests` compares airisk's copies with it.

The attack (nothing here is shared with airisk's Swift code):
  * queries: for budget B, the first B rows of a seeded permutation of NAME.population.npz (the attacker's public
    data), answered by the target run in onnxruntime;
  * copies, trained on the target's answers as a scikit-learn user would:
      - classifiers: LogisticRegression (lbfgs, C=10) and MLPClassifier(hidden_layer_sizes=(64,)) on the target's
        hard labels, both behind a StandardScaler fitted on the queries; the attacker keeps the better copy (the
        one that agrees more with the target on the queries themselves — it has nothing else to judge by);
      - the regressor: MLPRegressor(hidden_layer_sizes=(64,)) on the target's outputs behind a StandardScaler;
  * fidelity on NAME.nonmembers.npz (the evaluation rows, never queried): the share of rows where the copy's label
    equals the target's label (classifiers), or R² of the copy's output against the target's output (regressor);
  * repeated for 5 seeds (permutation and initialisation); the JSON holds every run, the mean and the minimum.
"""

import argparse
import json
import os
import platform
import warnings

import numpy as np

MODELS = {
    # name: (kind, budgets). Budgets stay within the population the attacker holds.
    "softmax_digits": ("classifier", [100, 500]),
    "mlp_digits_overfit": ("classifier", [100, 500, 1000]),
    "mlp_digits_regularised": ("classifier", [100, 500, 1000]),
    "random_forest_digits": ("classifier", [100, 500]),
    "logreg_breast_cancer": ("classifier", [50, 150]),
    "mlp_regressor_diabetes": ("regressor", [140]),
}
SEEDS = [0, 1, 2, 3, 4]


def load(directory, name, split):
    with np.load(os.path.join(directory, f"{name}.{split}.npz")) as z:
        return z["x"].astype(np.float32)


class Target:
    def __init__(self, path):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        self.session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self.input = self.session.get_inputs()[0].name
        self.outputs = [o.name for o in self.session.get_outputs()]

    def labels(self, x):
        return np.asarray(self.session.run([self.outputs[0]], {self.input: x})[0]).reshape(-1)

    def values(self, x):
        return np.asarray(self.session.run([self.outputs[0]], {self.input: x})[0], dtype=np.float64).reshape(-1)


def copy_classifier(xq, yq, seed):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if len(np.unique(yq)) < 2:
        return None
    candidates = [
        make_pipeline(StandardScaler(), LogisticRegression(C=10.0, max_iter=2000)),
        make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(64,), max_iter=1000, random_state=seed)),
    ]
    best, best_fit = None, -1.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for c in candidates:
            c.fit(xq, yq)
            fit = float(np.mean(c.predict(xq) == yq))
            if fit > best_fit:
                best, best_fit = c, fit
    return best


def copy_regressor(xq, vq, seed):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), MLPRegressor(hidden_layer_sizes=(64,), max_iter=3000, random_state=seed))
    scale = float(np.std(vq)) or 1.0
    mean = float(np.mean(vq))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(xq, (vq - mean) / scale)
    return lambda x: model.predict(x) * scale + mean


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = os.path.join(here, "..", "Tests", "Fixtures", "models")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", default=fixtures)
    parser.add_argument("--out", default=os.path.join(fixtures, "reference_extraction.json"))
    args = parser.parse_args()

    import onnxruntime
    import sklearn

    out = {
        "generator": "scripts/reference_extraction.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scikit-learn": sklearn.__version__,
            "onnxruntime": onnxruntime.__version__,
        },
        "seeds": SEEDS,
        "models": {},
    }
    for name, (kind, budgets) in MODELS.items():
        target = Target(os.path.join(args.fixtures, f"{name}.onnx"))
        public = load(args.fixtures, name, "population")
        evaluation = load(args.fixtures, name, "nonmembers")
        entry = {"kind": kind, "evaluation_rows": int(len(evaluation)), "budgets": {}}
        for budget in budgets:
            runs = []
            for seed in SEEDS:
                rng = np.random.default_rng(seed)
                xq = public[rng.permutation(len(public))[:budget]]
                if kind == "classifier":
                    yq = target.labels(xq)
                    copy = copy_classifier(xq, yq, seed)
                    runs.append(float(np.mean(copy.predict(evaluation) == target.labels(evaluation))) if copy else 0.0)
                else:
                    predict = copy_regressor(xq, target.values(xq), seed)
                    truth = target.values(evaluation)
                    residual = float(np.sum((predict(evaluation) - truth) ** 2))
                    runs.append(1.0 - residual / float(np.sum((truth - truth.mean()) ** 2)))
            entry["budgets"][str(budget)] = {"runs": runs, "mean": float(np.mean(runs)), "min": float(np.min(runs))}
            print(f"{name} budget {budget}: mean {np.mean(runs):.4f} min {np.min(runs):.4f}")
        out["models"][name] = entry
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
