#!/usr/bin/env python3
"""A reference-model trainer for `airisk assess --reference-cmd`: the shape of a command users plug their own training
into.

    airisk assess ... --reference-cmd "python3 scripts/train_reference_mlp.py"
    # airisk runs: python3 scripts/train_reference_mlp.py TRAIN.npz OUT.onnx   (once per reference model)

TRAIN.npz holds `x` (rows as in the members file) and `y` (class labels) of one reference model's split. This script
trains a scikit-learn MLPClassifier with the recipe of the committed overfit digits fixture (scripts/make_fixtures.py:
256 hidden units, alpha 0, 3000 iterations; `--max-iter` shortens it for tests) and exports it as the fixtures are
exported (skl2onnx, input "input" [None, d] float32, no ZipMap), so the reference models share the target's recipe.
Needs numpy, scikit-learn and skl2onnx.
"""

import argparse
import warnings

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train")
    parser.add_argument("out")
    parser.add_argument("--max-iter", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    with np.load(args.train) as z:
        x = z["x"].astype(np.float32).reshape(len(z["x"]), -1)
        y = z["y"].astype(np.int64)
    model = MLPClassifier(
        hidden_layer_sizes=(256,), alpha=0.0, max_iter=args.max_iter, tol=1e-10, n_iter_no_change=args.max_iter,
        random_state=args.seed,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x, y)
    onx = to_onnx(
        model, initial_types=[("input", FloatTensorType([None, x.shape[1]]))],
        target_opset={"": 15, "ai.onnx.ml": 2}, options={id(model): {"zipmap": False}},
    )
    with open(args.out, "wb") as f:
        f.write(onx.SerializeToString())
    print(f"trained on {len(x)} rows, training accuracy {model.score(x, y):.3f}")


if __name__ == "__main__":
    main()
