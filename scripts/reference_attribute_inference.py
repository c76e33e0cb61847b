#!/usr/bin/env python3
"""Attribute-inference fixtures and the independent reference figures airisk's attack is checked against.

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scikit-learn skl2onnx onnxruntime
    /tmp/venv/bin/python scripts/reference_attribute_inference.py     # writes Tests/Fixtures/models/

The data: a credit-like table of 1,500 rows, a categorical "employment" column (0, 1 or 2, the sensitive
feature, column 0) and five continuous ones; the label (default or not) depends on employment and two of the
others. Two random forests (skl2onnx, opset 15) are trained on the same 300 members:
    attribute_leaky      on the table as it is: it uses employment, and memorises its members;
    attribute_blind      on the table with the employment column shuffled among the members: it cannot use it.
Members, non-members (300) and a population (900) are written as attribute_NAME.{members,nonmembers,population}.npz.

The reference attack, written from Fredrikson et al. 2014 with onnxruntime and numpy only: for each record, each
candidate employment value v (the public data's distinct values) goes in its place; the guess is the v maximising
log p_y(x with v) + log prior(v), the prior being v's share of the public data (non-members and population). The
baseline guesses the public data's most common value for everyone. Figures go to reference_attribute_inference.json.
"""

import argparse
import json
import os
import platform

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, "..", "Tests", "Fixtures", "models"))
SEED = 20261205


def make_table(rng, n):
    employment = rng.choice(3, size=n, p=[0.5, 0.3, 0.2]).astype(np.float32)
    other = rng.normal(size=(n, 5)).astype(np.float32)
    logit = 1.6 * (employment - 0.7) + 1.2 * other[:, 0] - 0.8 * other[:, 1] + rng.normal(scale=0.6, size=n)
    y = (logit > 0).astype(np.int64)
    return np.concatenate([employment[:, None], other], axis=1), y


def reference_attack(session, x, y, candidates, prior):
    n, d = x.shape
    k = len(candidates)
    variants = np.repeat(x, k, axis=0)
    variants[:, 0] = np.tile(candidates, n)
    name = session.get_inputs()[0].name
    probs = None
    for out in session.run(None, {name: variants.astype(np.float32)}):
        if out.ndim == 2:
            probs = out.astype(np.float64)
    p_y = probs[np.arange(n * k), np.repeat(y, k)].reshape(n, k)
    score = np.log(np.maximum(p_y, 1e-300)) + np.log(np.maximum(prior, 1e-12))[None, :]
    guess = candidates[np.argmax(score, axis=1)]
    return int((guess == x[:, 0]).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=MODELS)
    args = parser.parse_args()

    import onnxruntime
    import skl2onnx
    import sklearn
    from skl2onnx import to_onnx
    from sklearn.ensemble import RandomForestClassifier

    rng = np.random.RandomState(SEED)
    x, y = make_table(rng, 1500)
    members, nonmembers, population = np.split(np.arange(1500), [300, 600])
    public = np.concatenate([nonmembers, population])
    candidates, counts = np.unique(x[public, 0], return_counts=True)
    prior = counts / counts.sum()
    mode = candidates[np.argmax(prior)]

    figures = {}
    for name in ["attribute_leaky", "attribute_blind"]:
        train_x = x[members].copy()
        if name == "attribute_blind":
            train_x[:, 0] = rng.permutation(train_x[:, 0])
        model = RandomForestClassifier(n_estimators=40, random_state=SEED).fit(train_x, y[members])
        onx = to_onnx(
            model, x[:1], target_opset={"": 15, "ai.onnx.ml": 3}, options={id(model): {"zipmap": False}}
        )
        onx.graph.name = name
        onx.producer_version = skl2onnx.__version__
        path = os.path.join(args.out, f"{name}.onnx")
        with open(path, "wb") as f:
            f.write(onx.SerializeToString())
        for split, rows in [("members", members), ("nonmembers", nonmembers), ("population", population)]:
            np.savez(os.path.join(args.out, f"{name}.{split}.npz"), x=x[rows], y=y[rows])
        session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
        entry = {}
        for split, rows in [("members", members), ("nonmembers", nonmembers)]:
            entry[split] = {
                "correct": reference_attack(session, x[rows], y[rows], candidates, prior),
                "baseline_correct": int((x[rows, 0] == mode).sum()),
                "records": int(len(rows)),
            }
        figures[name] = entry
        print(name, entry)

    result = {
        "generator": "scripts/reference_attribute_inference.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__,
            "onnxruntime": onnxruntime.__version__,
        },
        "sensitive_feature": 0,
        "candidates": [float(v) for v in candidates],
        "prior": [round(float(p), 6) for p in prior],
        "models": figures,
    }
    with open(os.path.join(args.out, "reference_attribute_inference.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
