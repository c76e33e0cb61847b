#!/usr/bin/env python3
"""Models built the way users build them (issue 18): a scikit-learn credit pipeline fed from a pandas DataFrame
and converted with skl2onnx's own DataFrame path, so the ONNX graph has one input per column (float64, int64,
bool and string inputs), a ColumnTransformer with StandardScaler and OneHotEncoder, and a random forest.

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy pandas scikit-learn skl2onnx onnxruntime
    /tmp/venv/bin/python scripts/make_pipeline_fixtures.py   # rewrites Tests/Fixtures/models/pipelines/

Deterministic (seeded). Writes, under Tests/Fixtures/models/pipelines/:
    credit_pipeline.onnx               skl2onnx.to_onnx(pipeline, df[:1]) — what its documentation shows for
                                       DataFrames; zipmap disabled so probabilities are a tensor
    credit_pipeline.members.csv        df.to_csv() (with pandas' unnamed index column) of the training rows,
    credit_pipeline.nonmembers.csv     held-out rows and public rows; the label column is 'default'
    credit_pipeline.population.csv
    credit_pipeline.expected.json      onnxruntime's probabilities for the first 20 non-member rows
    credit_pipeline_f32.onnx           the same pipeline fitted on the table with its float64 columns cast to
    credit_pipeline_f32.expected.json  float32 first (what skl2onnx's documentation advises for tree models), so the
                                       graph's numeric inputs are float32; same CSV files

    linsvc_binary.onnx, linsvc_iris.onnx, svc_binary.onnx, knn_binary.onnx
                                       LinearSVC (binary, breast cancer; three classes, iris) and SVC without
                                       probability=True, converted with skl2onnx's defaults (opset 22 for
                                       LinearSVC): their "probabilities" output holds decision scores; a 5-nearest-
                                       neighbours classifier, which stores its 300 training rows in the file
    svm.expected.json, knn.expected.json   onnxruntime's label and score outputs for the first 20 held-out rows
    breast_cancer_scaled.{members,nonmembers}.npz, iris.{members,nonmembers}.npz   the split they were fitted on

    xgboost_nan.onnx, lightgbm_nan.onnx   gradient-boosted trees (onnxmltools' converters) trained on breast-cancer
    breast_cancer_nan.{members,nonmembers}.npz   data with 10 % of four columns missing (NaN), as XGBoost and
    boosted.expected.json              LightGBM users keep them; onnxruntime's outputs on the first 20 held-out rows
                                       (needs xgboost, lightgbm and onnxmltools; skipped with a note without them)
    catboost_nan.onnx                  a CatBoost classifier on the same data, exported by CatBoost's own
    catboost.expected.json             exporter (save_model(format="onnx")); onnxruntime's outputs on the first 20
                                       held-out rows (needs catboost; skipped with a note without it)

    ridge_f64.onnx, logistic_f64.onnx, forest_f64.onnx
                                       float64 models the way users make them: skl2onnx.to_onnx(model,
                                       X.astype(np.float64)) of a StandardScaler + Ridge on the diabetes data, a
                                       StandardScaler + LogisticRegression (three classes, wine) and a
                                       RandomForestClassifier (breast cancer); the graphs compute in float64
    float64.expected.json              their inputs (the first 20 held-out rows, rounded to 4 decimals as a CSV would
                                       hold them) and onnxruntime's outputs

airisk's engine has a float64 lane: float64 models compute in float64 where onnxruntime does, so the float64
pipeline and the float64 models above agree with onnxruntime on every row (the Swift tests check 1e-5 relative).
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from skl2onnx import to_onnx
import onnxruntime as ort

OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "models" / "pipelines"
SEED = 18


def table(n: int, rng: np.random.Generator) -> pd.DataFrame:
    job = rng.choice(["unskilled", "skilled", "management", "self-employed"], size=n, p=[0.2, 0.5, 0.2, 0.1])
    housing = rng.choice(["own", "rent", "free"], size=n, p=[0.6, 0.3, 0.1])
    age = rng.normal(38, 11, size=n).clip(19, 75).round(0)
    amount = np.exp(rng.normal(8, 0.7, size=n)).round(2)
    duration = rng.integers(6, 60, size=n).astype(np.int64)
    telephone = rng.random(n) < 0.4
    risk = 0.00004 * amount + 0.03 * duration - 0.03 * age + (job == "unskilled") * 0.8 + (housing == "rent") * 0.5
    risk = risk - telephone * 0.3 + rng.normal(0, 1.0, size=n)
    default = (risk > np.median(risk)).astype(np.int64)
    return pd.DataFrame(
        {
            "age": age,
            "amount": amount,
            "duration": duration,
            "job": job,
            "housing": housing,
            "own_telephone": telephone,
            "default": default,
        }
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    df = table(1200, rng)
    build(df, "credit_pipeline", write_csv=True)
    f32 = df.astype({"age": np.float32, "amount": np.float32})
    build(f32, "credit_pipeline_f32", write_csv=False)
    svm_fixtures()
    float64_fixtures()
    boosted_fixtures()
    catboost_fixture()


def build(df: pd.DataFrame, name: str, write_csv: bool) -> None:
    members, nonmembers, population = df.iloc[:300], df.iloc[300:600], df.iloc[600:]
    features = [c for c in df.columns if c != "default"]
    numeric = ["age", "amount", "duration", "own_telephone"]
    categorical = ["job", "housing"]
    pre = ColumnTransformer(
        [("num", StandardScaler(), numeric), ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)]
    )
    pipe = Pipeline([("pre", pre), ("clf", RandomForestClassifier(n_estimators=30, random_state=SEED))])
    x = members[features]
    pipe.fit(x, members["default"])
    onx = to_onnx(pipe, x[:1], options={id(pipe.steps[-1][1]): {"zipmap": False}}, target_opset=17)
    (OUT / f"{name}.onnx").write_bytes(onx.SerializeToString())
    if write_csv:
        members.to_csv(OUT / f"{name}.members.csv")
        nonmembers.to_csv(OUT / f"{name}.nonmembers.csv")
        population.to_csv(OUT / f"{name}.population.csv")

    sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
    rows = nonmembers[features].iloc[:20]
    feeds = {}
    for i in sess.get_inputs():
        column = rows[i.name].to_numpy()
        if i.type == "tensor(string)":
            column = column.astype(object)
        elif i.type == "tensor(double)":
            column = column.astype(np.float64)
        elif i.type == "tensor(float)":
            column = column.astype(np.float32)
        elif i.type == "tensor(int64)":
            column = column.astype(np.int64)
        elif i.type == "tensor(bool)":
            column = column.astype(bool)
        feeds[i.name] = column.reshape(-1, 1)
    names = [o.name for o in sess.get_outputs()]
    out = dict(zip(names, sess.run(None, feeds)))
    expected = {
        "inputs": [{"name": i.name, "type": i.type, "shape": [str(d) for d in i.shape]} for i in sess.get_inputs()],
        "outputs": names,
        "rows": 20,
        "probabilities": np.asarray(out["probabilities"], dtype=np.float64).round(7).tolist(),
        "label": np.asarray(out["label"]).astype(int).tolist(),
        "train_accuracy": float(pipe.score(x, members["default"])),
        "test_accuracy": float(pipe.score(nonmembers[features], nonmembers["default"])),
    }
    (OUT / f"{name}.expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    print(json.dumps({k: expected[k] for k in ("inputs", "outputs", "train_accuracy", "test_accuracy")}, indent=1))


def svm_fixtures() -> None:
    from sklearn.datasets import load_breast_cancer, load_iris
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC, LinearSVC

    expected = {}
    neighbours = {}
    x, y = load_breast_cancer(return_X_y=True)
    x = StandardScaler().fit_transform(x).astype(np.float32)
    iris_x, iris_y = load_iris(return_X_y=True)
    iris_x = iris_x.astype(np.float32)
    order = np.random.default_rng(SEED).permutation(len(iris_x))
    iris_x, iris_y = iris_x[order], iris_y[order]
    sets = {
        "breast_cancer_scaled": (x, y, 300),
        "iris": (iris_x, iris_y, 75),
    }
    for name, (features, labels, n) in sets.items():
        np.savez(OUT / f"{name}.members.npz", x=features[:n], y=labels[:n].astype(np.int64))
        np.savez(OUT / f"{name}.nonmembers.npz", x=features[n:], y=labels[n:].astype(np.int64))
    models = {
        "linsvc_binary": (LinearSVC(C=10, max_iter=20000, random_state=SEED), "breast_cancer_scaled"),
        "linsvc_iris": (LinearSVC(C=1, max_iter=20000, random_state=SEED), "iris"),
        "svc_binary": (SVC(), "breast_cancer_scaled"),
        "knn_binary": (KNeighborsClassifier(n_neighbors=5), "breast_cancer_scaled"),
    }
    for name, (model, data) in models.items():
        features, labels, n = sets[data]
        model.fit(features[:n], labels[:n])
        onx = to_onnx(model, features[:1])
        (OUT / f"{name}.onnx").write_bytes(onx.SerializeToString())
        sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
        rows = features[n : n + 20]
        label, scores = sess.run(None, {sess.get_inputs()[0].name: rows})[:2]
        if isinstance(scores, list):  # a ZipMap's list of dicts
            scores = np.array([[d[k] for k in sorted(d)] for d in scores])
        if name == "knn_binary":
            neighbours[name] = {
                "data": data,
                "label": np.asarray(label).astype(int).tolist(),
                "probabilities": np.asarray(scores, dtype=np.float64).round(6).tolist(),
                "support_vectors": 0,
                "training_rows": n,
            }
            continue
        if isinstance(scores, list):
            scores = np.array([[d[k] for k in sorted(d)] for d in scores])
        expected[name] = {
            "data": data,
            "opset": max(o.version for o in onx.opset_import if o.domain in ("", "ai.onnx")),
            "label": np.asarray(label).astype(int).tolist(),
            "scores": np.asarray(scores, dtype=np.float64).round(6).tolist(),
            "decision_function": np.asarray(model.decision_function(rows), dtype=np.float64).round(6).tolist(),
            "support_vectors": int(len(model.support_)) if hasattr(model, "support_") else 0,
            "training_rows": n,
        }
    (OUT / "svm.expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    (OUT / "knn.expected.json").write_text(json.dumps(neighbours, indent=1) + "\n")


def float64_fixtures() -> None:
    from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
    from sklearn.linear_model import LogisticRegression, Ridge

    expected = {}
    models = {
        "ridge_f64": (Pipeline([("scale", StandardScaler()), ("ridge", Ridge(alpha=0.5))]), load_diabetes, {}),
        "logistic_f64": (
            Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(max_iter=2000))]),
            load_wine,
            {LogisticRegression: {"zipmap": False}},
        ),
        "forest_f64": (
            RandomForestClassifier(n_estimators=20, max_depth=6, random_state=SEED),
            load_breast_cancer,
            {RandomForestClassifier: {"zipmap": False}},
        ),
    }
    for name, (model, load, options) in models.items():
        x, y = load(return_X_y=True)
        order = np.random.default_rng(SEED).permutation(len(x))
        x, y = np.round(x[order], 4).astype(np.float64), y[order]
        n = len(x) * 2 // 3
        model.fit(x[:n], y[:n])
        # (skl2onnx's float64 GradientBoosting and DecisionTree graphs fail onnxruntime's type check; a forest loads.)
        onx = to_onnx(model, x[:1].astype(np.float64), options=options)
        (OUT / f"{name}.onnx").write_bytes(onx.SerializeToString())
        sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
        rows = x[n : n + 20]
        outputs = sess.run(None, {sess.get_inputs()[0].name: rows})
        entry = {
            "operators": sorted({node.op_type for node in onx.graph.node}),
            "input_type": sess.get_inputs()[0].type,
            "features": int(x.shape[1]),
            "x": rows.tolist(),
        }
        if len(outputs) == 1:
            entry["prediction"] = np.asarray(outputs[0], dtype=np.float64).reshape(-1).tolist()
            entry["output_type"] = sess.get_outputs()[0].type
        else:
            entry["label"] = np.asarray(outputs[0]).astype(int).tolist()
            entry["probabilities"] = np.asarray(outputs[1], dtype=np.float64).tolist()
            entry["output_type"] = sess.get_outputs()[1].type
        expected[name] = entry
        print(name, entry["operators"], entry["input_type"], entry["output_type"])
    (OUT / "float64.expected.json").write_text(json.dumps(expected, indent=1) + "\n")


def boosted_fixtures() -> None:
    try:
        import lightgbm
        import onnxmltools
        import xgboost
        from onnxmltools.convert.common.data_types import FloatTensorType
    except ImportError as e:
        print(f"boosted fixtures skipped: {e}")
        return
    from sklearn.datasets import load_breast_cancer

    rng = np.random.default_rng(SEED)
    x, y = load_breast_cancer(return_X_y=True)
    x = x.astype(np.float32)
    order = rng.permutation(len(x))
    x, y = x[order], y[order]
    for column in (0, 3, 7, 20):
        x[rng.random(len(x)) < 0.1, column] = np.nan
    n = 300
    np.savez(OUT / "breast_cancer_nan.members.npz", x=x[:n], y=y[:n].astype(np.int64))
    np.savez(OUT / "breast_cancer_nan.nonmembers.npz", x=x[n:], y=y[n:].astype(np.int64))
    kind = [("input", FloatTensorType([None, x.shape[1]]))]
    xgb = xgboost.XGBClassifier(n_estimators=60, max_depth=6, learning_rate=0.3, random_state=SEED)
    xgb.fit(x[:n], y[:n])
    lgb = lightgbm.LGBMClassifier(n_estimators=60, num_leaves=31, min_child_samples=2, random_state=SEED, verbose=-1)
    lgb.fit(x[:n], y[:n])
    models = {
        "xgboost_nan": onnxmltools.convert_xgboost(xgb, initial_types=kind, target_opset=15),
        "lightgbm_nan": onnxmltools.convert_lightgbm(lgb, initial_types=kind, target_opset=15, zipmap=False),
    }
    expected = {}
    for name, onx in models.items():
        (OUT / f"{name}.onnx").write_bytes(onx.SerializeToString())
        sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
        label, probabilities = sess.run(None, {"input": x[n : n + 20]})[:2]
        if isinstance(probabilities, list):
            probabilities = np.array([[d[k] for k in sorted(d)] for d in probabilities])
        expected[name] = {
            "label": np.asarray(label).astype(int).tolist(),
            "probabilities": np.asarray(probabilities, dtype=np.float64).round(7).tolist(),
            "missing_in_rows": int(np.isnan(x[n : n + 20]).any(axis=1).sum()),
        }
    (OUT / "boosted.expected.json").write_text(json.dumps(expected, indent=1) + "\n")


def catboost_fixture() -> None:
    try:
        import catboost
    except ImportError as e:
        print(f"catboost fixture skipped: {e}")
        return
    with np.load(OUT / "breast_cancer_nan.members.npz") as z:
        x, y = z["x"], z["y"]
    with np.load(OUT / "breast_cancer_nan.nonmembers.npz") as z:
        held_out = z["x"][:20]
    model = catboost.CatBoostClassifier(
        iterations=60, depth=4, random_seed=SEED, verbose=False, thread_count=1, allow_writing_files=False
    )
    model.fit(x, y)
    path = OUT / "catboost_nan.onnx"
    model.save_model(str(path), format="onnx", export_parameters={"onnx_graph_name": "catboost_breast_cancer"})
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    label, probabilities = sess.run(None, {name: held_out})[:2]
    if isinstance(probabilities, list):
        probabilities = np.array([[d[k] for k in sorted(d)] for d in probabilities])
    expected = {
        "catboost_nan": {
            "catboost": catboost.__version__,
            "label": np.asarray(label).astype(int).tolist(),
            "probabilities": np.asarray(probabilities, dtype=np.float64).round(7).tolist(),
            "missing_in_rows": int(np.isnan(held_out).any(axis=1).sum()),
        }
    }
    (OUT / "catboost.expected.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
