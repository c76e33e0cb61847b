#!/usr/bin/env python3
"""Generates the cases for the operators real users' models need (issue 18) under
Tests/AIRiskONNXTests/Fixtures/ops/, and the external-data fixtures under Fixtures/external/.

Cases use the layout of the ONNX backend tests (<case>/model.onnx, <case>/test_data_set_0/
{input,output}_*.pb) with expected outputs from onnxruntime: hand-written single-node models for
Erf, Gelu (ai.onnx opset 20 and com.microsoft), LayerNormalization, GatherElements, ReduceSumSquare,
TopK, CastLike, Where, Equal, Expand, Imputer, Binarizer, OneHotEncoder, LabelEncoder,
FeatureVectorizer, StringNormalizer, Tokenizer (com.microsoft) and TfIdfVectorizer, plus every SVMClassifier / SVMRegressor node of scikit-learn SVC, SVR, NuSVR and
OneClassSVM models exported by skl2onnx (cut out and fed with onnxruntime's intermediate values).

The external-data fixture is a small MLP saved with onnx.save_model(..., save_as_external_data=True)
plus hostile copies whose external_data entries escape the folder or overrun the file. A
LogisticRegression exported with float64 input (float64 probabilities) goes to Tests/Fixtures/float64/.

Requires numpy, scikit-learn, skl2onnx, onnx and onnxruntime. Deterministic (fixed seeds).
Usage: python3 scripts/make_operator_cases.py
"""
import shutil
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
from sklearn import datasets
from sklearn.svm import SVC, SVR, NuSVR, OneClassSVM
from skl2onnx import to_onnx

warnings.filterwarnings("ignore")
ROOT = Path(__file__).resolve().parent.parent / "Tests" / "AIRiskONNXTests" / "Fixtures"
OPS = ROOT / "ops"
EXTERNAL = ROOT / "external"
FLOAT64 = ROOT.parent.parent / "Fixtures" / "float64"
F, I64, S, B = TensorProto.FLOAT, TensorProto.INT64, TensorProto.STRING, TensorProto.BOOL
rng = np.random.RandomState(18)


def session(model):
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


def write_case(name, model, inputs, outputs):
    d = OPS / name
    d.mkdir(parents=True)
    onnx.save(model, d / "model.onnx")
    data = d / "test_data_set_0"
    data.mkdir()
    for i, (n, v) in enumerate(inputs):
        (data / f"input_{i}.pb").write_bytes(numpy_helper.from_array(np.asarray(v), n).SerializeToString())
    for i, (n, v) in enumerate(outputs):
        (data / f"output_{i}.pb").write_bytes(numpy_helper.from_array(np.asarray(v), n).SerializeToString())


def case(name, node, inputs, n_outputs=1, opsets=None, initializers=()):
    """One node over the fed `inputs` (name, array); outputs typed by onnxruntime's results."""
    opsets = opsets or {"": 17}
    graph_inputs = [helper.make_tensor_value_info(n, helper.np_dtype_to_tensor_dtype(np.asarray(v).dtype),
                                                  list(np.asarray(v).shape)) for n, v in inputs]
    outs = [helper.make_empty_tensor_value_info(o) for o in node.output[:n_outputs]]
    graph = helper.make_graph([node], name, graph_inputs, outs, list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in opsets.items()])
    model.ir_version = 9
    results = session(model).run(None, dict(inputs))
    for o, r in zip(model.graph.output, results):
        o.CopyFrom(helper.make_tensor_value_info(o.name, helper.np_dtype_to_tensor_dtype(np.asarray(r).dtype),
                                                 list(np.asarray(r).shape)))
    write_case(name, model, inputs, list(zip(node.output, results)))


def r(*shape, scale=1.0):
    return (rng.randn(*shape) * scale).astype(np.float32)


def core_cases():
    x = r(3, 5, scale=2)
    case("erf", helper.make_node("Erf", ["X"], ["Y"]), [("X", x)])
    for mode in ["none", "tanh"]:
        case(f"gelu_{mode}", helper.make_node("Gelu", ["X"], ["Y"], approximate=mode), [("X", x)], opsets={"": 20})
    case("gelu_com_microsoft", helper.make_node("Gelu", ["X"], ["Y"], domain="com.microsoft"), [("X", x)],
         opsets={"": 17, "com.microsoft": 1})
    x3 = r(2, 3, 4, scale=3) + 1
    case("layernorm_last_axis", helper.make_node("LayerNormalization", ["X", "S", "B"], ["Y"]),
         [("X", x3), ("S", r(4)), ("B", r(4))])
    case("layernorm_axis1_stats", helper.make_node("LayerNormalization", ["X", "S", "B"], ["Y", "M", "V"], axis=1,
                                                   epsilon=1e-3),
         [("X", x3), ("S", r(3, 4)), ("B", r(3, 4))], n_outputs=3)
    case("layernorm_no_bias_negative_axis", helper.make_node("LayerNormalization", ["X", "S"], ["Y"], axis=-2),
         [("X", x3), ("S", r(3, 4))])
    data = r(3, 4)
    case("gather_elements_axis0", helper.make_node("GatherElements", ["D", "I"], ["Y"]),
         [("D", data), ("I", np.array([[0, 2, 1, 1], [2, 0, 0, 1]], dtype=np.int64))])
    case("gather_elements_axis1_negative", helper.make_node("GatherElements", ["D", "I"], ["Y"], axis=1),
         [("D", data), ("I", np.array([[-1, 0], [3, -4], [1, 1]], dtype=np.int64))])
    case("reduce_sum_square_attr", helper.make_node("ReduceSumSquare", ["X"], ["Y"], axes=[1], keepdims=0),
         [("X", x3)])
    case("reduce_sum_square_input", helper.make_node("ReduceSumSquare", ["X", "A"], ["Y"]),
         [("X", x3), ("A", np.array([0, 2], dtype=np.int64))], opsets={"": 18})
    case("reduce_sum_square_all", helper.make_node("ReduceSumSquare", ["X"], ["Y"]), [("X", x3)], opsets={"": 18})
    ties = np.array([[3, 1, 3, 2, 1, 5], [0, 0, 0, 0, 0, 0], [4, -1, 2, 2, 9, 9]], dtype=np.float32)
    k2 = np.array([2], dtype=np.int64)
    case("topk_largest", helper.make_node("TopK", ["X", "K"], ["V", "I"]), [("X", ties), ("K", np.array([3]))],
         n_outputs=2)
    case("topk_smallest_axis0", helper.make_node("TopK", ["X", "K"], ["V", "I"], axis=0, largest=0),
         [("X", ties), ("K", k2)], n_outputs=2)
    case("topk_int64", helper.make_node("TopK", ["X", "K"], ["V", "I"]),
         [("X", ties.astype(np.int64)), ("K", k2)], n_outputs=2)
    case("topk_distances", helper.make_node("TopK", ["X", "K"], ["V", "I"], largest=0),
         [("X", np.abs(r(4, 7))), ("K", np.array([3], dtype=np.int64))], n_outputs=2)
    case("castlike_float_to_int64", helper.make_node("CastLike", ["X", "L"], ["Y"]),
         [("X", x), ("L", np.array([1], dtype=np.int64))], opsets={"": 15})
    case("castlike_int64_to_float", helper.make_node("CastLike", ["X", "L"], ["Y"]),
         [("X", np.array([[1, -2, 3]], dtype=np.int64)), ("L", np.array([0.5], dtype=np.float32))],
         opsets={"": 15})
    case("castlike_float_to_bool", helper.make_node("CastLike", ["X", "L"], ["Y"]),
         [("X", np.array([0, 1.5, -2, 0], dtype=np.float32)), ("L", np.array([True]))], opsets={"": 15})
    case("where_broadcast", helper.make_node("Where", ["C", "X", "Y"], ["Z"]),
         [("C", np.array([[True], [False], [True]])), ("X", r(3, 4)), ("Y", r(4))])
    case("equal_strings", helper.make_node("Equal", ["A", "B"], ["Y"]),
         [("A", np.array(["a", "b", "c"], dtype=object)), ("B", np.array(["a"], dtype=object))], opsets={"": 19})
    case("expand_rank_up", helper.make_node("Expand", ["X", "S"], ["Y"]),
         [("X", r(3, 1)), ("S", np.array([2, 1, 4], dtype=np.int64))])


ML = {"": 17, "ai.onnx.ml": 3}


def ml_node(op, inputs, outputs, **attrs):
    return helper.make_node(op, inputs, outputs, domain="ai.onnx.ml", **attrs)


def ml_cases():
    x = r(5, 3)
    x[1, 0] = np.nan
    x[3, 2] = np.nan
    x[2, 1] = 0
    case("imputer_nan_per_column", ml_node("Imputer", ["X"], ["Y"], imputed_value_floats=[1.5, -2.0, 0.25],
                                           replaced_value_float=np.nan), [("X", x)], opsets=ML)
    case("imputer_zero_single", ml_node("Imputer", ["X"], ["Y"], imputed_value_floats=[7.0]),
         [("X", np.nan_to_num(x))], opsets=ML)
    case("imputer_int64", ml_node("Imputer", ["X"], ["Y"], imputed_value_int64s=[9, 8], replaced_value_int64=-1),
         [("X", np.array([[1, -1], [-1, 3], [4, 5]], dtype=np.int64))], opsets=ML)
    case("binarizer", ml_node("Binarizer", ["X"], ["Y"], threshold=0.3), [("X", np.nan_to_num(x))], opsets=ML)
    case("onehot_strings", ml_node("OneHotEncoder", ["X"], ["Y"], cats_strings=["red", "green", "blue"]),
         [("X", np.array([["green"], ["blue"], ["purple"], ["red"]], dtype=object))], opsets=ML)
    case("onehot_int64", ml_node("OneHotEncoder", ["X"], ["Y"], cats_int64s=[3, 1, 7]),
         [("X", np.array([[1, 7], [3, 3], [2, 1]], dtype=np.int64))], opsets=ML)
    case("onehot_float", ml_node("OneHotEncoder", ["X"], ["Y"], cats_int64s=[0, 1, 2]),
         [("X", np.array([[0.0], [2.7], [1.0]], dtype=np.float32))], opsets=ML)
    case("label_encoder_string_to_int", ml_node("LabelEncoder", ["X"], ["Y"], keys_strings=["a", "b", "c"],
                                                values_int64s=[10, 20, 30], default_int64=-7),
         [("X", np.array(["c", "a", "z", "b"], dtype=object))], opsets=ML)
    case("label_encoder_int_to_string", ml_node("LabelEncoder", ["X"], ["Y"], keys_int64s=[0, 1, 2],
                                                values_strings=["no", "yes", "maybe"], default_string="?"),
         [("X", np.array([[2, 0], [5, 1]], dtype=np.int64))], opsets=ML)
    case("label_encoder_float_to_float", ml_node("LabelEncoder", ["X"], ["Y"], keys_floats=[0.5, 1.5, -1.0],
                                                 values_floats=[5.0, 15.0, -10.0]),
         [("X", np.array([1.5, 0.5, 2.0, -1.0], dtype=np.float32))], opsets=ML)
    case("label_encoder_string_to_string_default", ml_node("LabelEncoder", ["X"], ["Y"], keys_strings=["m", "f"],
                                                           values_strings=["male", "female"]),
         [("X", np.array(["f", "x", "m"], dtype=object))], opsets=ML)
    case("feature_vectorizer", ml_node("FeatureVectorizer", ["A", "B", "C"], ["Y"], inputdimensions=[2, 3, 1]),
         [("A", r(4, 3)), ("B", r(4, 2)), ("C", np.arange(4, dtype=np.float32).reshape(4, 1))], opsets=ML)


def cut_nodes(prefix, model, x, ops):
    """Every node of `model` whose op is in `ops` as its own case, fed with onnxruntime's values."""
    wanted = [n for n in model.graph.node if n.op_type in ops]
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
    inits = {t.name: t for t in model.graph.initializer}
    opsets = {o.domain: o.version for o in model.opset_import}
    for i, n in enumerate(wanted):
        node = onnx.NodeProto()
        node.CopyFrom(n)
        node.name = n.name or f"{n.op_type}_{i}"
        fed = [(v, np.asarray(values[v]).astype(np.float32) if np.asarray(values[v]).dtype == np.float64
                else np.asarray(values[v])) for v in n.input if v not in inits]
        case(f"{prefix}_{i}_{n.op_type}", node, fed, n_outputs=len(n.output), opsets=opsets,
             initializers=[inits[v] for v in n.input if v in inits])


def svm_cases():
    iris_x, iris_y = datasets.load_iris(return_X_y=True)
    bc_x, bc_y = datasets.load_breast_cancer(return_X_y=True)
    db_x, db_y = datasets.load_diabetes(return_X_y=True)
    iris_x, bc_x, db_x = (a.astype(np.float32) for a in (iris_x, bc_x, db_x))
    bc_x = bc_x[:, :6] / bc_x[:, :6].max(axis=0)
    names = np.array(["setosa", "versicolor", "virginica"])[iris_y]
    opsets = {"": 17, "ai.onnx.ml": 3}
    specs = [
        ("svc_rbf_multi", SVC(), iris_x, iris_y),
        ("svc_linear_multi", SVC(kernel="linear"), iris_x, iris_y),
        ("svc_poly_multi_strings", SVC(kernel="poly", degree=3), iris_x, names),
        ("svc_sigmoid_binary", SVC(kernel="sigmoid", gamma=0.5), bc_x, bc_y),
        ("svc_rbf_binary", SVC(), bc_x, bc_y),
        ("svc_rbf_binary_proba", SVC(probability=True, random_state=0), bc_x, bc_y),
        ("svc_rbf_multi_proba", SVC(probability=True, random_state=0), iris_x, iris_y),
        ("svr_rbf", SVR(), db_x, db_y),
        ("svr_linear", SVR(kernel="linear", C=10), db_x, db_y),
        ("nusvr_poly", NuSVR(kernel="poly", degree=2), db_x, db_y),
        ("oneclass_rbf", OneClassSVM(gamma=0.5), iris_x, None),
    ]
    for name, est, x, y in specs:
        est.fit(x, y) if y is not None else est.fit(x)
        options = {id(est): {"zipmap": False}} if hasattr(est, "classes_") else None
        model = to_onnx(est, x[:1], target_opset=opsets, options=options)
        rows = x[rng.choice(len(x), 8, replace=False)]
        cut_nodes(name, model, rows, {"SVMClassifier", "SVMRegressor"})
    # A whole kNN classifier: skl2onnx computes the distances with Scan (body: Sub, ReduceSumSquare), then TopK.
    from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
    for name, est, y in [("knn_classifier_whole", KNeighborsClassifier(5), iris_y),
                         ("knn_regressor_whole", KNeighborsRegressor(3), iris_x[:, 0])]:
        est.fit(iris_x[:, 1:], y)
        model = to_onnx(est, iris_x[:1, 1:], target_opset=opsets,
                        options={id(est): {"zipmap": False}} if hasattr(est, "classes_") else None)
        rows = iris_x[rng.choice(len(iris_x), 8, replace=False), 1:]
        outputs = session(model).run(None, {model.graph.input[0].name: rows})
        write_case(name, model, [(model.graph.input[0].name, rows)],
                   [(o.name, v) for o, v in zip(model.graph.output, outputs)])


def external_data():
    w1, b1, w2 = r(4, 6), r(6), r(6, 2)
    nodes = [helper.make_node("MatMul", ["X", "W1"], ["H"]), helper.make_node("Add", ["H", "B1"], ["A"]),
             helper.make_node("Relu", ["A"], ["R"]), helper.make_node("MatMul", ["R", "W2"], ["Y"])]
    graph = helper.make_graph(nodes, "external_mlp", [helper.make_tensor_value_info("X", F, ["N", 4])],
                              [helper.make_tensor_value_info("Y", F, ["N", 2])],
                              [numpy_helper.from_array(w1, "W1"), numpy_helper.from_array(b1, "B1"),
                               numpy_helper.from_array(w2, "W2")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    x = r(3, 4)
    y = session(model).run(None, {"X": x})[0]
    d = EXTERNAL / "mlp"
    d.mkdir(parents=True)
    onnx.save_model(model, d / "model.onnx", save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx.data", size_threshold=0)
    (d / "input_0.pb").write_bytes(numpy_helper.from_array(x, "X").SerializeToString())
    (d / "output_0.pb").write_bytes(numpy_helper.from_array(y, "Y").SerializeToString())
    saved = onnx.load(d / "model.onnx", load_external_data=False)

    def hostile(name, edit):
        m = onnx.ModelProto()
        m.CopyFrom(saved)
        t = next(t for t in m.graph.initializer if t.name == "W1")
        entries = {e.key: e for e in t.external_data}
        edit(t, entries)
        onnx.save(m, d / f"{name}.onnx")

    def set_key(t, entries, key, value):
        if key in entries:
            entries[key].value = value
        else:
            e = t.external_data.add()
            e.key, e.value = key, value

    hostile("escape_parent", lambda t, e: set_key(t, e, "location", "../outside.data"))
    hostile("escape_absolute", lambda t, e: set_key(t, e, "location", "/etc/hostname"))
    hostile("length_mismatch", lambda t, e: set_key(t, e, "length", "8"))
    hostile("beyond_file", lambda t, e: set_key(t, e, "offset", "100000"))
    hostile("missing_file", lambda t, e: set_key(t, e, "location", "absent.data"))


def text_cases():
    """StringNormalizer, the com.microsoft Tokenizer and TfIdfVectorizer with the attribute combinations text
    pipelines use (onnxruntime's StringNormalizer needs the en_US.UTF-8 locale: see make_text_fixtures.py)."""
    words = np.array(["The", "cat", "SAT", "on", "the", "Mat", "straße"], dtype=object)
    for name, attrs in [
        ("lower_insensitive_stopwords", dict(case_change_action="LOWER", is_case_sensitive=0, stopwords=["the", "ON"])),
        ("upper_sensitive_stopwords", dict(case_change_action="UPPER", is_case_sensitive=1, stopwords=["the"])),
        ("none_insensitive_stopwords", dict(case_change_action="NONE", is_case_sensitive=0, stopwords=["cat"])),
        ("lower_no_stopwords", dict(case_change_action="LOWER")),
    ]:
        case(f"string_normalizer_{name}", helper.make_node("StringNormalizer", ["X"], ["Y"], **attrs), [("X", words)])
    case("string_normalizer_two_dim", helper.make_node("StringNormalizer", ["X"], ["Y"], case_change_action="UPPER",
                                                       stopwords=["mat"]), [("X", words.reshape(1, -1))])
    texts = np.array([["Hello, World! the cat's toy"], ["  a b  ccc dd_e 42  "], [""], ["x"]], dtype=object)
    ms = {"": 17, "com.microsoft": 1}
    for name, attrs, x in [
        ("tokenexp", dict(mark=0, mincharnum=1, pad_value="#", tokenexp="[a-zA-Z0-9_]+"), texts),
        ("tokenexp_mincharnum", dict(mark=0, mincharnum=2, pad_value="<pad>", tokenexp="[a-zA-Z0-9_]+"), texts),
        ("tokenexp_mark_1d", dict(mark=1, mincharnum=1, pad_value="#", tokenexp="[a-z]+"), texts.reshape(-1)),
        ("separators", dict(mark=0, mincharnum=1, pad_value="#", separators=[" ", ","]), texts),
        ("separators_mark", dict(mark=1, mincharnum=2, pad_value="", separators=["[ ,!]+"]), texts),
        ("characters", dict(mark=0, mincharnum=1, pad_value="#", separators=[""]), texts[:2]),
        ("all_empty", dict(mark=0, mincharnum=1, pad_value="#", tokenexp="[0-9]+"), texts[2:3]),
    ]:
        node = helper.make_node("Tokenizer", ["X"], ["Y"], domain="com.microsoft", **attrs)
        case(f"tokenizer_{name}", node, [("X", x)], opsets=ms)
    pool = ["cat", "dog", "fish", "the", "the", "cat", "cat", "sat", "on", "the"]
    tokens = np.array([["the", "cat", "sat", "on", "the", "cat", "#"], ["dog", "the", "dog", "fish", "x", "cat", "cat"]],
                      dtype=object)
    common = dict(min_gram_length=1, max_gram_length=2, ngram_counts=[0, 4], ngram_indexes=[3, 0, 1, 2, 4, 6, 5],
                  pool_strings=pool)
    for mode, extra in [("TF", {}), ("IDF", dict(weights=[0.5, 1.5, 2.0, 0.25, 3.0, 1.0, 0.75])),
                        ("TFIDF", dict(weights=[0.5, 1.5, 2.0, 0.25, 3.0, 1.0, 0.75])), ("TFIDF", {})]:
        suffix = mode.lower() + ("_weights" if extra else "")
        node = helper.make_node("TfIdfVectorizer", ["X"], ["Y"], mode=mode, max_skip_count=0, **common, **extra)
        case(f"tfidf_strings_{suffix}", node, [("X", tokens)], opsets={"": 9})
    node = helper.make_node("TfIdfVectorizer", ["X"], ["Y"], mode="TF", max_skip_count=2, **common)
    case("tfidf_strings_skip2_1d", node, [("X", tokens[1])], opsets={"": 9})
    node = helper.make_node("TfIdfVectorizer", ["X"], ["Y"], mode="TF", min_gram_length=2, max_gram_length=2,
                            max_skip_count=1, ngram_counts=[0, 2], ngram_indexes=[4, 0, 1, 2, 3],
                            pool_int64s=[3, 9, 1, 2, 2, 3, 3, 9])
    case("tfidf_int64_bigrams_skip1", node, [("X", np.array([[1, 2, 3, 9, 2, 3], [2, 2, 3, 3, 9, 9]], np.int64))],
         opsets={"": 9})
    node = helper.make_node("TfIdfVectorizer", ["X"], ["Y"], mode="TF", **common, max_skip_count=0)
    case("tfidf_strings_empty_columns", node, [("X", np.zeros((3, 0), dtype=object))], opsets={"": 9})


def float64_model():
    """A scikit-learn LogisticRegression exported with a float64 input: its probabilities are float64."""
    from sklearn.linear_model import LogisticRegression
    x, y = datasets.load_iris(return_X_y=True)
    model = to_onnx(LogisticRegression(max_iter=500).fit(x, y), x[:1], options={"zipmap": False},
                    target_opset={"": 17, "ai.onnx.ml": 3})
    rows = x[::15]
    label, proba = session(model).run(None, {model.graph.input[0].name: rows})
    FLOAT64.mkdir(parents=True, exist_ok=True)
    onnx.save(model, FLOAT64 / "logreg_iris_float64.onnx")
    (FLOAT64 / "logreg_iris_float64.input.pb").write_bytes(numpy_helper.from_array(rows, "X").SerializeToString())
    (FLOAT64 / "logreg_iris_float64.probabilities.pb").write_bytes(
        numpy_helper.from_array(proba, "probabilities").SerializeToString())
    (FLOAT64 / "logreg_iris_float64.label.pb").write_bytes(numpy_helper.from_array(label, "label").SerializeToString())


def main():
    for d in (OPS, EXTERNAL):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    core_cases()
    ml_cases()
    svm_cases()
    text_cases()
    external_data()
    float64_model()
    print(f"wrote {len(list(OPS.iterdir()))} operator cases to {OPS} and the external-data fixtures to {EXTERNAL}")


if __name__ == "__main__":
    main()
