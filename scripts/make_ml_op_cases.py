#!/usr/bin/env python3
"""Generates the ai.onnx.ml operator test cases under Tests/AIRiskONNXTests/Fixtures/ml/.

libonnx-testdata ships no ai.onnx.ml node tests, so this script makes them in the same layout
(<case>/model.onnx, <case>/test_data_set_0/input_0.pb, output_*.pb): every ai.onnx.ml node of
small scikit-learn models exported by skl2onnx, cut out into a one-node model whose input is the
value onnxruntime computes for it inside the full model, plus hand-written nodes that cover the
attribute combinations converters rarely emit (every tree node mode, aggregate function,
post_transform, base_values, missing-value tracking, string labels). Expected outputs are
onnxruntime's. It also writes whole models under Fixtures/models/ with a JSON summary that the
protobuf reader's round-trip test compares against.

Requires numpy, scikit-learn, skl2onnx, onnx and onnxruntime. Deterministic (fixed seeds).
Usage: python3 scripts/make_ml_op_cases.py
"""
import json
import shutil
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from sklearn import datasets
from sklearn.ensemble import (GradientBoostingClassifier, GradientBoostingRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from skl2onnx import to_onnx

warnings.filterwarnings("ignore")
ROOT = Path(__file__).resolve().parent.parent / "Tests" / "AIRiskONNXTests" / "Fixtures"
ML = ROOT / "ml"
MODELS = ROOT / "models"
TENSORS = ROOT / "tensors"
OPSETS = {"": 17, "ai.onnx.ml": 3}
ROWS = 8


def session(model):
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


def write_case(name, model, inputs, outputs):
    d = ML / name
    d.mkdir(parents=True)
    onnx.save(model, d / "model.onnx")
    data = d / "test_data_set_0"
    data.mkdir()
    for i, (n, v) in enumerate(inputs):
        (data / f"input_{i}.pb").write_bytes(numpy_helper.from_array(v, n).SerializeToString())
    for i, (n, v) in enumerate(outputs):
        (data / f"output_{i}.pb").write_bytes(numpy_helper.from_array(v, n).SerializeToString())


def single_node_case(name, node, x, out_types, more_inputs=(), initializers=()):
    """A one-node model over input X (float [N, F]) and optional further fed inputs (name, array) and
    initializers (TensorProto); outputs typed as given; expected values from onnxruntime."""
    outs = [helper.make_tensor_value_info(o, t, [None] if t != TensorProto.FLOAT else [None, None])
            for o, t in zip(node.output, out_types)]
    fed = [(node.input[0], x)] + list(more_inputs) if x is not None else list(more_inputs)
    graph_inputs = [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(v.dtype),
                                                  [None, *v.shape[1:]] if v.ndim >= 2 else v.shape)
                    for n, v in fed]
    graph = helper.make_graph([node], name, graph_inputs, outs, list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in OPSETS.items()])
    model.ir_version = 8
    onnx.checker.check_model(model)
    results = session(model).run(None, dict(fed))
    write_case(name, model, fed, list(zip(node.output, [np.asarray(r) for r in results])))


def cut_ml_nodes(prefix, model, x):
    """Every ai.onnx.ml node of `model` as its own case, fed with onnxruntime's intermediate values."""
    wanted = [n for n in model.graph.node if n.domain == "ai.onnx.ml" and n.op_type != "ZipMap"]
    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    existing = {o.name for o in probe.graph.output}
    for n in wanted:
        for v in list(n.input) + list(n.output):
            if v not in existing:
                probe.graph.output.append(helper.make_empty_tensor_value_info(v))
                existing.add(v)
    names = [o.name for o in probe.graph.output]
    values = dict(zip(names, session(probe).run(None, {model.graph.input[0].name: x})))
    initializers = {t.name: t for t in model.graph.initializer}
    for i, n in enumerate(wanted):
        node = onnx.NodeProto()
        node.CopyFrom(n)
        node.name = n.name or f"{n.op_type}_{i}"
        types = [helper.np_dtype_to_tensor_dtype(np.asarray(values[o]).dtype) for o in n.output]
        consts = [initializers[v] for v in n.input if v in initializers]
        fed = []
        for v in n.input:
            if v in initializers:
                continue
            arr = np.asarray(values[v])
            if arr.dtype == np.float64:
                arr = arr.astype(np.float32)
            if n.op_type != "ArrayFeatureExtractor" and arr.ndim == 1:
                arr = arr.reshape(-1, 1)
            fed.append((v, arr))
        single_node_case(f"{prefix}_{i}_{n.op_type}", node, None, types, fed, consts)


def sklearn_cases():
    bc_x, bc_y = datasets.load_breast_cancer(return_X_y=True)
    iris_x, iris_y = datasets.load_iris(return_X_y=True)
    db_x, db_y = datasets.load_diabetes(return_X_y=True)
    bc_x, iris_x, db_x = (a.astype(np.float32) for a in (bc_x, iris_x, db_x))
    iris_names = np.array(["setosa", "versicolor", "virginica"])[iris_y]
    rng = np.random.RandomState(0)
    rows = lambda a: a[rng.choice(len(a), ROWS, replace=False)]  # noqa: E731

    specs = [
        ("logreg_binary", make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)), bc_x, bc_y),
        ("logreg_multi", LogisticRegression(max_iter=500), iris_x, iris_y),
        ("logreg_strings", LogisticRegression(max_iter=500), iris_x, iris_names),
        ("linear_svc", LinearSVC(random_state=0), iris_x, iris_y),
        ("linreg", LinearRegression(), db_x, db_y),
        ("standard_scaler", StandardScaler(), db_x, None),
        ("normalizer_l1", Normalizer(norm="l1"), iris_x, None),
        ("normalizer_l2", Normalizer(norm="l2"), iris_x, None),
        ("normalizer_max", Normalizer(norm="max"), iris_x, None),
        ("tree_multi", DecisionTreeClassifier(max_depth=4, random_state=0), iris_x, iris_y),
        ("tree_binary", DecisionTreeClassifier(max_depth=4, random_state=0), bc_x, bc_y),
        ("tree_strings", DecisionTreeClassifier(max_depth=3, random_state=0), iris_x, iris_names),
        ("forest_multi", RandomForestClassifier(n_estimators=4, max_depth=4, random_state=0), iris_x, iris_y),
        ("forest_binary", RandomForestClassifier(n_estimators=4, max_depth=4, random_state=0), bc_x, bc_y),
        ("gboost_binary", GradientBoostingClassifier(n_estimators=5, max_depth=2, random_state=0), bc_x, bc_y),
        ("gboost_multi", GradientBoostingClassifier(n_estimators=4, max_depth=2, random_state=0), iris_x, iris_y),
        ("tree_regressor", DecisionTreeRegressor(max_depth=4, random_state=0), db_x, db_y),
        ("forest_regressor", RandomForestRegressor(n_estimators=4, max_depth=4, random_state=0), db_x, db_y),
        ("gboost_regressor", GradientBoostingRegressor(n_estimators=5, max_depth=2, random_state=0), db_x, db_y),
        ("mlp_classifier", MLPClassifier(hidden_layer_sizes=(8,), max_iter=300, random_state=0), iris_x, iris_y),
        ("mlp_strings", MLPClassifier(hidden_layer_sizes=(8,), max_iter=300, random_state=0), iris_x, iris_names),
    ]
    for name, est, x, y in specs:
        est.fit(x, y) if y is not None else est.fit(x)
        options = {id(est): {"zipmap": False}} if hasattr(est, "predict_proba") or hasattr(est, "classes_") else None
        try:
            model = to_onnx(est, x[:1], target_opset=OPSETS, options=options)
        except Exception:  # noqa: BLE001  (options not accepted by this converter)
            model = to_onnx(est, x[:1], target_opset=OPSETS)
        cut_ml_nodes(name, model, rows(x))


def tree_attrs(modes, values, features):
    """One tree of 7 nodes: a root with two branch children and four leaves (ids 3..6)."""
    return dict(
        nodes_treeids=[0] * 7, nodes_nodeids=list(range(7)), nodes_featureids=features,
        nodes_modes=modes, nodes_values=values,
        nodes_truenodeids=[1, 3, 5, 0, 0, 0, 0], nodes_falsenodeids=[2, 4, 6, 0, 0, 0, 0],
        nodes_missing_value_tracks_true=[1, 0, 1, 0, 0, 0, 0])


def hand_cases():
    rng = np.random.RandomState(1)
    x = rng.randn(ROWS, 3).astype(np.float32)
    x[1, 0] = np.nan  # missing value tracking
    x[2, 1] = 0.5  # exact threshold hits for EQ / NEQ / LEQ / LT
    x[3, 0] = 0.25
    f, i64, s = TensorProto.FLOAT, TensorProto.INT64, TensorProto.STRING
    two_trees = {}
    mode_sets = [
        ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "LEAF", "LEAF", "LEAF", "LEAF"],
        ["BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ", "LEAF", "LEAF", "LEAF", "LEAF"],
    ]
    for k, modes in enumerate(mode_sets):
        a = tree_attrs(modes, [0.25, 0.5, -0.3, 0, 0, 0, 0], [0, 1, 2, 0, 0, 0, 0])
        for key, v in a.items():
            two_trees.setdefault(key, []).extend([k] * 7 if key == "nodes_treeids" else v)
    leaves = [(t, n) for t in range(2) for n in range(3, 7)]

    for agg in ["SUM", "AVERAGE", "MIN", "MAX"]:
        for pt in (["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO"] if agg == "SUM" else ["NONE"]):
            targets = 2
            node = helper.make_node(
                "TreeEnsembleRegressor", ["X"], ["Y"], domain="ai.onnx.ml", name=f"reg_{agg}_{pt}", n_targets=targets,
                aggregate_function=agg, post_transform=pt, base_values=[0.5, -0.25],
                target_treeids=[t for t, _ in leaves for _ in range(targets)],
                target_nodeids=[n for _, n in leaves for _ in range(targets)],
                target_ids=[j for _ in leaves for j in range(targets)],
                target_weights=[float(0.1 * (3 * i + j) - 0.7) for i in range(len(leaves)) for j in range(targets)],
                **two_trees)
            single_node_case(f"hand_regressor_{agg.lower()}_{pt.lower()}", node, x, [f])

    node = helper.make_node(
        "TreeEnsembleRegressor", ["X"], ["Y"], domain="ai.onnx.ml", name="reg_probit_1", n_targets=1,
        post_transform="PROBIT", target_treeids=[t for t, _ in leaves], target_nodeids=[n for _, n in leaves],
        target_ids=[0] * len(leaves), target_weights=[0.05 * (i + 1) for i in range(len(leaves))], **two_trees)
    single_node_case("hand_regressor_sum_probit", node, x, [f])

    # ai.onnx.ml opset 3: thresholds, weights and base values as tensors (float, as onnxruntime needs for float X).
    as_tensor = {k: v for k, v in two_trees.items() if k != "nodes_values"}
    node = helper.make_node(
        "TreeEnsembleRegressor", ["X"], ["Y"], domain="ai.onnx.ml", name="reg_as_tensor", n_targets=1,
        aggregate_function="AVERAGE", target_treeids=[t for t, _ in leaves], target_nodeids=[n for _, n in leaves],
        target_ids=[0] * len(leaves),
        nodes_values_as_tensor=numpy_helper.from_array(np.array(two_trees["nodes_values"], dtype=np.float32)),
        target_weights_as_tensor=numpy_helper.from_array(np.linspace(-1, 2, len(leaves)).astype(np.float32)),
        base_values_as_tensor=numpy_helper.from_array(np.array([0.75], dtype=np.float32)), **as_tensor)
    single_node_case("hand_regressor_as_tensor", node, x, [f])

    for pt in ["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO", "PROBIT"]:
        classes = 3
        node = helper.make_node(
            "TreeEnsembleClassifier", ["X"], ["Y", "Z"], domain="ai.onnx.ml", name=f"cls3_{pt}",
            classlabels_int64s=[10, 20, 30], post_transform=pt, base_values=[0.1, 0.0, -0.1],
            class_treeids=[t for t, _ in leaves for _ in range(classes)],
            class_nodeids=[n for _, n in leaves for _ in range(classes)],
            class_ids=[j for _ in leaves for j in range(classes)],
            class_weights=[float(((7 * i + 3 * j) % 5) / 10) for i in range(len(leaves)) for j in range(classes)],
            **two_trees)
        single_node_case(f"hand_classifier3_{pt.lower()}", node, x, [i64, f])

    for label_kind in ["ints", "strings"]:
        for pt, sign in [("NONE", 1), ("LOGISTIC", -1), ("NONE", -1)]:
            labels = ({"classlabels_int64s": [-1, 1]} if label_kind == "ints"
                      else {"classlabels_strings": ["no", "yes"]})
            node = helper.make_node(
                "TreeEnsembleClassifier", ["X"], ["Y", "Z"], domain="ai.onnx.ml", name=f"cls2_{label_kind}_{pt}",
                post_transform=pt, class_treeids=[t for t, _ in leaves], class_nodeids=[n for _, n in leaves],
                class_ids=[0] * len(leaves),
                class_weights=[(0.12 * i if sign > 0 else 0.3 * i - 0.9) for i in range(len(leaves))],
                **labels, **two_trees)
            kind = "positive" if sign > 0 else "mixed"
            single_node_case(f"hand_classifier2_{label_kind}_{kind}_{pt.lower()}", node, x,
                             [i64 if label_kind == "ints" else s, f])

    for pt in ["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO", "PROBIT"]:
        node = helper.make_node(
            "LinearClassifier", ["X"], ["Y", "Z"], domain="ai.onnx.ml", name=f"lin3_{pt}", post_transform=pt,
            coefficients=[0.2, -0.5, 0.1, 0.7, 0.3, -0.2, -0.4, 0.1, 0.6], intercepts=[0.1, -0.2, 0.05],
            classlabels_strings=["a", "b", "c"])
        single_node_case(f"hand_linear_classifier3_{pt.lower()}", node, np.nan_to_num(x) * 0.3, [s, f])
    for pt in ["NONE", "LOGISTIC"]:
        node = helper.make_node(
            "LinearClassifier", ["X"], ["Y", "Z"], domain="ai.onnx.ml", name=f"lin1_{pt}", post_transform=pt,
            coefficients=[0.8, -0.5, 0.3], intercepts=[0.1], classlabels_ints=[3, 7])
        single_node_case(f"hand_linear_classifier1_{pt.lower()}", node, np.nan_to_num(x), [i64, f])
    for pt in ["NONE", "LOGISTIC", "SOFTMAX"]:
        node = helper.make_node(
            "LinearRegressor", ["X"], ["Y"], domain="ai.onnx.ml", name=f"linreg2_{pt}", post_transform=pt, targets=2,
            coefficients=[0.2, -0.5, 0.1, 0.7, 0.3, -0.2], intercepts=[0.1, -0.2])
        single_node_case(f"hand_linear_regressor2_{pt.lower()}", node, np.nan_to_num(x), [f])
    for kind, table in [("float2d", np.arange(12, dtype=np.float32).reshape(3, 4) / 4),
                        ("strings1d", np.array(["cat", "dog", "eel", "fox"], dtype=object)),
                        ("int3d", np.arange(24, dtype=np.int64).reshape(2, 3, 4))]:
        node = helper.make_node("ArrayFeatureExtractor", ["T", "I"], ["Z"], domain="ai.onnx.ml", name=f"afe_{kind}")
        out_type = helper.np_dtype_to_tensor_dtype(table.dtype) if table.dtype != object else s
        single_node_case(f"hand_array_feature_extractor_{kind}", node, None, [out_type],
                         [("T", table), ("I", np.array([[3], [0], [3]], dtype=np.int64))])
    node = helper.make_node("Scaler", ["X"], ["Y"], domain="ai.onnx.ml", name="scaler_broadcast",
                            offset=[0.5], scale=[2.0])
    single_node_case("hand_scaler_broadcast", node, np.nan_to_num(x), [f])
    xn = np.nan_to_num(x)
    xn[0] = 0  # a zero row stays zero
    xn[4] = -np.abs(xn[4])  # an all-negative row: MAX divides by a negative maximum
    for norm in ["MAX", "L1", "L2"]:
        node = helper.make_node("Normalizer", ["X"], ["Y"], domain="ai.onnx.ml", name=f"norm_{norm}", norm=norm)
        single_node_case(f"hand_normalizer_{norm.lower()}", node, xn, [f])


def whole_models():
    """Whole skl2onnx models (default export, so with ZipMap) and a summary of what they contain."""
    x, y = datasets.load_iris(return_X_y=True)
    x = x.astype(np.float32)
    models = {
        "logreg_iris_zipmap": to_onnx(LogisticRegression(max_iter=500).fit(x, y), x[:1], target_opset=OPSETS),
        "forest_iris": to_onnx(RandomForestClassifier(n_estimators=3, max_depth=3, random_state=0).fit(x, y), x[:1],
                               target_opset=OPSETS, options={"zipmap": False}),
    }
    for name, model in models.items():
        opsets = sorted((o.domain, o.version) for o in model.opset_import)  # skl2onnx's order varies per run
        del model.opset_import[:]
        model.opset_import.extend(helper.make_opsetid(d, v) for d, v in opsets)
        model.producer_version = "fixture"
        model.doc_string = f"airisk fixture {name}"
        helper.set_model_props(model, {"fixture": name, "rows": str(ROWS)})
        onnx.save(model, MODELS / f"{name}.onnx")
        g = model.graph
        inits = {t.name for t in g.initializer}

        def describe(v):
            t = v.type
            if t.HasField("tensor_type"):
                dims = [d.dim_param if d.HasField("dim_param") else (d.dim_value if d.HasField("dim_value") else None)
                        for d in t.tensor_type.shape.dim]
                return {"kind": "tensor", "elem_type": t.tensor_type.elem_type, "dims": dims}
            return {"kind": t.WhichOneof("value")}

        summary = {
            "ir_version": model.ir_version, "producer_name": model.producer_name,
            "producer_version": model.producer_version, "doc_string": model.doc_string,
            "opset_import": {o.domain: o.version for o in model.opset_import},
            "metadata_props": {p.key: p.value for p in model.metadata_props},
            "graph_name": g.name,
            "nodes": [{"name": n.name, "op_type": n.op_type, "domain": n.domain, "inputs": list(n.input),
                       "outputs": list(n.output), "attributes": sorted(a.name for a in n.attribute)} for n in g.node],
            "initializers": {t.name: list(t.dims) for t in g.initializer},
            "inputs": {v.name: describe(v) for v in g.input if v.name not in inits},
            "outputs": {v.name: describe(v) for v in g.output},
        }
        (MODELS / f"{name}.summary.json").write_text(json.dumps(summary, indent=1) + "\n")
        feed = x[:ROWS]
        names = [o.name for o in g.output]
        results = session(model).run(None, {g.input[0].name: feed})
        expected = {"input": feed.tolist()}
        for n, r in zip(names, results):
            if isinstance(r, list):  # ZipMap: list of {label: probability}
                expected[n] = [[float(m[k]) for k in sorted(m)] for m in r]
            else:
                expected[n] = np.asarray(r).tolist()
        (MODELS / f"{name}.expected.json").write_text(json.dumps(expected) + "\n")


def tensor_files():
    """TensorProto files of every element type, in raw_data and typed-field form, with expected values."""
    values = [0.0, 1.5, -2.25, 3.0, 100.0, -0.125]
    ints = [0, 1, -2, 3, 100, -128]
    expected = {}
    specs = [
        ("float", np.float32, values), ("double", np.float64, values), ("float16", np.float16, values),
        ("int8", np.int8, ints), ("int16", np.int16, ints), ("int32", np.int32, ints), ("int64", np.int64, ints),
        ("uint8", np.uint8, [abs(v) for v in ints]), ("uint16", np.uint16, [abs(v) for v in ints]),
        ("uint32", np.uint32, [abs(v) for v in ints]), ("bool", np.bool_, [True, False, True, True, False, False]),
    ]
    for name, dtype, vals in specs:
        arr = np.array(vals, dtype=dtype).reshape(2, 3)
        raw = numpy_helper.from_array(arr, name + "_raw")
        typed = helper.make_tensor(name + "_typed", helper.np_dtype_to_tensor_dtype(arr.dtype), arr.shape,
                                   arr.flatten().tolist() if dtype != np.float16 else arr.flatten(), raw=False)
        for t in (raw, typed):
            (TENSORS / f"{t.name}.pb").write_bytes(t.SerializeToString())
            expected[t.name] = {"shape": list(arr.shape), "values": [float(v) for v in arr.flatten()]}
    strings = helper.make_tensor("string_typed", TensorProto.STRING, [3], [b"a", "été".encode(), b""])
    (TENSORS / "string_typed.pb").write_bytes(strings.SerializeToString())
    expected["string_typed"] = {"shape": [3], "strings": ["a", "été", ""]}
    scalar = numpy_helper.from_array(np.array(7.5, dtype=np.float32), "scalar_raw")
    (TENSORS / "scalar_raw.pb").write_bytes(scalar.SerializeToString())
    expected["scalar_raw"] = {"shape": [], "values": [7.5]}
    (TENSORS / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


def main():
    for d in (ML, MODELS, TENSORS):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    sklearn_cases()
    hand_cases()
    whole_models()
    tensor_files()
    print(f"wrote {len(list(ML.iterdir()))} operator cases to {ML} and {len(list(MODELS.glob('*.onnx')))} models")


if __name__ == "__main__":
    main()
