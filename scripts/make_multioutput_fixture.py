#!/usr/bin/env python3
"""Makes the multi-output regression fixture: an MLP regressor with 3 outputs, exported with skl2onnx.

How to regenerate
-----------------
    /work/wt/refs-venv/bin/python scripts/make_multioutput_fixture.py

Needs Python 3 with numpy, scikit-learn, skl2onnx, onnx and onnxruntime (from PyPI). Every random choice comes from
SEED. Writes under Tests/Fixtures/models/:
    mlp_regressor_multi.onnx             StandardScaler + MLPRegressor(64 hidden units, alpha 0, 3000 iterations),
                                         fitted on the members only so that it overfits them; input "input"
                                         float32 [None, 8], output "variable" float32 [None, 3] (no Softmax: an
                                         ONNX reader sees 3 unnormalised values per row);
    mlp_regressor_multi.members.npz      x float32 [150, 8], y float32 [150, 3] (the training rows);
    mlp_regressor_multi.nonmembers.npz   150 rows of the same distribution the model never saw;
    mlp_regressor_multi.population.npz   150 more unseen rows.
Then run scripts/reference_mia_regression.py to refresh reference_mia_regression.json (numpy's squared-error attack
figures for this model and the diabetes regressor).
"""

import os
import sys
import warnings

import numpy as np

SEED = 20261204
NAME = "mlp_regressor_multi"


def main():
    import onnx
    import onnxruntime as ort
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType
    from sklearn.datasets import make_regression
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "models")
    x, y = make_regression(
        n_samples=450, n_features=8, n_informative=6, n_targets=3, noise=20.0, random_state=SEED)
    x = x.astype(np.float32)
    y = (y / np.std(y, axis=0)).astype(np.float32)
    parts = {"members": slice(0, 150), "nonmembers": slice(150, 300), "population": slice(300, 450)}
    model = Pipeline([
        ("scaler", StandardScaler()),
        ("mlp", MLPRegressor(hidden_layer_sizes=(64,), alpha=0.0, max_iter=3000, tol=1e-9, n_iter_no_change=3000,
                             random_state=SEED)),
    ])
    model.fit(x[parts["members"]], y[parts["members"]])
    onx = to_onnx(model, initial_types=[("input", FloatTensorType([None, x.shape[1]]))],
                  target_opset={"": 15, "ai.onnx.ml": 2})
    # skl2onnx's MLPRegressor ends in Reshape(-1, 1) whatever the number of targets (it would answer [3N, 1]):
    # reshape to [-1, 3] and declare the output [None, 3].
    from onnx import numpy_helper

    reshape = [n for n in onx.graph.node if n.op_type == "Reshape"][-1]
    for init in onx.graph.initializer:
        if init.name == reshape.input[1]:
            init.CopyFrom(numpy_helper.from_array(np.array([-1, y.shape[1]], dtype=np.int64), init.name))
    onx.graph.output[0].type.tensor_type.shape.dim[1].dim_value = y.shape[1]
    onnx.checker.check_model(onx)
    path = os.path.join(out, f"{NAME}.onnx")
    onnx.save(onx, path)
    for part, rows in parts.items():
        np.savez(os.path.join(out, f"{NAME}.{part}.npz"), x=x[rows], y=y[rows])
    for part in ("members", "nonmembers"):
        p = model.predict(x[parts[part]])
        got = ort.InferenceSession(path).run(None, {"input": x[parts[part]]})[0]
        assert got.shape == p.shape and np.allclose(got, p, rtol=1e-4, atol=1e-4), (got.shape, p.shape)
        r2 = 1 - ((p - y[parts[part]]) ** 2).sum() / ((y[parts[part]] - y[parts[part]].mean(axis=0)) ** 2).sum()
        print(f"{part}: R² {r2:.3f}")


if __name__ == "__main__":
    main()
    sys.exit(0)
