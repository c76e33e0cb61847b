#!/usr/bin/env python3
"""Writes the neural-network kernel test fixtures (Tests/AIRiskTensorTests/Fixtures/nn/*.json).

Two sources:
  * the official ONNX backend node tests that Debian's libonnx-testdata installs under
    /usr/share/libonnx-testdata/data/node (Conv, pooling, BatchNormalization, RNN, GRU, LSTM): the fixture
    holds the node's attributes and names the installed input/output .pb files (TensorProto), which the
    Swift test decodes itself;
  * extra single-node models built here for attribute combinations the official cases leave out
    (groups, dilations, 1-D convolution, bidirectional and reverse recurrences, GRU
    linear_before_reset, sequence_lens, clip, activations), with expected outputs from onnxruntime.

Each fixture is plain JSON: the operator, its opset, its attributes, its inputs and expected outputs
(null for an omitted optional input or output). Usage: python3 scripts/make_nn_cases.py
"""
import glob
import json
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper

NODE_DIR = "/usr/share/libonnx-testdata/data/node"
OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "Tests", "AIRiskTensorTests", "Fixtures", "nn")
PREFIXES = [
    "test_conv_", "test_basic_conv_with", "test_basic_conv_without", "test_maxpool_", "test_averagepool_",
    "test_globalaveragepool", "test_globalmaxpool", "test_batchnorm_", "test_lstm_", "test_gru_", "test_rnn_", "test_simple_rnn_",
]


def tensor_json(array):
    if array is None:
        return None
    array = np.asarray(array)
    if array.dtype.kind == "f":
        return {"type": "float", "shape": list(array.shape), "data": [float(str(v)) for v in array.astype(np.float32).ravel()]}
    if array.dtype.kind in "iu":
        return {"type": "int64", "shape": list(array.shape), "data": [int(v) for v in array.ravel()]}
    raise ValueError(f"unsupported dtype {array.dtype}")


def attribute_json(attr):
    value = helper.get_attribute_value(attr)
    kinds = {
        onnx.AttributeProto.INT: "int", onnx.AttributeProto.INTS: "ints", onnx.AttributeProto.FLOAT: "float",
        onnx.AttributeProto.FLOATS: "floats", onnx.AttributeProto.STRING: "string",
        onnx.AttributeProto.STRINGS: "strings",
    }
    kind = kinds[attr.type]
    if kind == "string":
        value = value.decode()
    elif kind == "strings":
        value = [v.decode() for v in value]
    elif kind == "floats":
        value = [float(v) for v in value]
    elif kind == "ints":
        value = [int(v) for v in value]
    return {"kind": kind, "value": value}


def read_pb(path):
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return numpy_helper.to_array(t)


def case_json(name, source, model, inputs, outputs):
    node = model.graph.node[0]
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 0)
    return {
        "name": name, "source": source, "opType": node.op_type, "opset": opset,
        "inputNames": list(node.input), "outputNames": list(node.output),
        "attributes": {a.name: attribute_json(a) for a in node.attribute},
        "inputs": [tensor_json(v) for v in inputs], "outputs": [tensor_json(v) for v in outputs],
    }


def official_cases():
    """Official cases keep their tensors in the installed .pb files; the fixture names them."""
    for d in sorted(glob.glob(os.path.join(NODE_DIR, "test_*"))):
        base = os.path.basename(d)
        if not any(base.startswith(p) for p in PREFIXES):
            continue
        model = onnx.load(os.path.join(d, "model.onnx"))
        node = model.graph.node[0]
        data = os.path.join(d, "test_data_set_0")
        fed = [read_pb(os.path.join(data, f"input_{i}.pb")) for i in range(len(model.graph.input))]
        if any(np.asarray(v).dtype.kind not in "fi" for v in fed):
            continue  # e.g. uint8 max pooling: not a float case
        # Place graph inputs and outputs at the node's positions ("" = omitted).
        in_pos = {vi.name: f"test_data_set_0/input_{i}.pb" for i, vi in enumerate(model.graph.input)}
        out_pos = {vi.name: f"test_data_set_0/output_{i}.pb" for i, vi in enumerate(model.graph.output)}
        case = case_json(base, "onnx-backend-test", model, [], [])
        case["inputs"] = [{"pb": in_pos[n]} if n else None for n in node.input]
        case["outputs"] = [{"pb": out_pos[n]} if n else None for n in node.output]
        case["directory"] = base
        yield case


def ort_case(name, op, attrs, inputs, n_outputs, opset=14):
    """A single-node model run through onnxruntime. `inputs` is a list of (name, array or None)."""
    import onnxruntime as ort

    in_names = [n if a is not None else "" for n, a in inputs]
    out_names = [f"out{i}" for i in range(n_outputs)]
    node = helper.make_node(op, in_names, out_names, **attrs)
    graph_inputs = []
    for n, a in inputs:
        if a is None:
            continue
        elem = onnx.TensorProto.FLOAT if a.dtype == np.float32 else onnx.TensorProto.INT32
        graph_inputs.append(helper.make_tensor_value_info(n, elem, list(a.shape)))
    graph_outputs = [helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, None) for n in out_names]
    graph = helper.make_graph([node], name, graph_inputs, graph_outputs)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    feeds = {n: a for n, a in inputs if a is not None}
    got = sess.run(out_names, feeds)
    return case_json(name, "onnxruntime", model, [a for _, a in inputs], got)


def ort_case_batch_first(name, op, attrs, inputs, n_outputs, opset=14):
    """A layout = 1 recurrent case. onnxruntime only runs layout 0, and layout 1 is defined as the
    same computation with batch and sequence axes swapped, so the expected outputs come from the
    layout-0 run on transposed inputs, transposed back."""
    swapped = []
    for n, a in inputs:
        if a is not None and n in ("X", "initial_h", "initial_c"):
            a = np.ascontiguousarray(np.swapaxes(a, 0, 1))
        swapped.append((n, a))
    base = ort_case(name, op, attrs, swapped, n_outputs, opset)
    in_names = [n if a is not None else "" for n, a in inputs]
    out_names = [f"out{i}" for i in range(n_outputs)]
    node = helper.make_node(op, in_names, out_names, **attrs, layout=1)
    model = helper.make_model(helper.make_graph([node], name, [], []), opset_imports=[helper.make_opsetid("", opset)])
    outputs = []
    for i, t in enumerate(base["outputs"]):
        a = np.array(t["data"], dtype=np.float32).reshape(t["shape"])
        a = np.transpose(a, (2, 0, 1, 3)) if i == 0 else np.swapaxes(a, 0, 1)
        outputs.append(np.ascontiguousarray(a))
    return case_json(name, "onnxruntime", model, [a for _, a in inputs], outputs)


def generated_cases():
    rng = np.random.default_rng(20261123)

    def r(*shape, scale=1.0):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    # Convolution: groups, dilations, bias, asymmetric pads, 1-D, depthwise, SAME_UPPER.
    yield ort_case("ort_conv_groups_bias", "Conv", {"group": 2, "pads": [1, 0, 2, 1]},
                   [("x", r(2, 4, 6, 5)), ("W", r(6, 2, 3, 2)), ("B", r(6))], 1)
    yield ort_case("ort_conv_dilations_strides", "Conv", {"dilations": [2, 1], "strides": [1, 2], "pads": [2, 1, 2, 1]},
                   [("x", r(1, 3, 7, 7)), ("W", r(4, 3, 3, 3)), ("B", r(4))], 1)
    yield ort_case("ort_conv_1d", "Conv", {"pads": [1, 2], "strides": [2]},
                   [("x", r(2, 3, 9)), ("W", r(5, 3, 3)), ("B", r(5))], 1)
    yield ort_case("ort_conv_depthwise_same_upper", "Conv", {"group": 3, "auto_pad": "SAME_UPPER", "strides": [2, 2]},
                   [("x", r(1, 3, 6, 5)), ("W", r(3, 1, 2, 2))], 1)
    yield ort_case("ort_conv_valid", "Conv", {"auto_pad": "VALID", "kernel_shape": [2, 3]},
                   [("x", r(1, 2, 5, 6)), ("W", r(3, 2, 2, 3))], 1)
    # Pooling.
    yield ort_case("ort_maxpool_ceil_pads_dilations", "MaxPool",
                   {"kernel_shape": [3, 2], "strides": [2, 2], "pads": [1, 0, 1, 1], "dilations": [1, 2], "ceil_mode": 1},
                   [("x", r(2, 2, 7, 8))], 1, opset=12)
    yield ort_case("ort_averagepool_ceil_pads", "AveragePool",
                   {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1], "ceil_mode": 1},
                   [("x", r(1, 2, 6, 7))], 1, opset=11)
    yield ort_case("ort_averagepool_1d_include_pad", "AveragePool",
                   {"kernel_shape": [3], "strides": [2], "pads": [1, 1], "count_include_pad": 1},
                   [("x", r(2, 3, 8))], 1, opset=11)
    yield ort_case("ort_averagepool_ceil_include_pad", "AveragePool",
                   {"kernel_shape": [3, 2], "strides": [2, 2], "pads": [1, 0, 1, 1], "ceil_mode": 1,
                    "count_include_pad": 1},
                   [("x", r(1, 2, 6, 7))], 1, opset=11)
    yield ort_case("ort_maxpool_3d_pads_strides", "MaxPool",
                   {"kernel_shape": [2, 3, 2], "strides": [2, 1, 2], "pads": [1, 1, 0, 0, 1, 1]},
                   [("x", r(1, 2, 5, 4, 6))], 1, opset=12)
    yield ort_case("ort_conv_3d", "Conv", {"pads": [1, 0, 1, 0, 1, 0], "strides": [1, 2, 1]},
                   [("x", r(1, 2, 4, 5, 3)), ("W", r(3, 2, 2, 3, 2)), ("B", r(3))], 1)
    yield ort_case("ort_globalaveragepool_1d", "GlobalAveragePool", {}, [("x", r(2, 3, 5))], 1)
    yield ort_case("ort_batchnorm_opset9", "BatchNormalization", {"epsilon": 1e-3},
                   [("x", r(2, 3, 4)), ("s", r(3)), ("bias", r(3)), ("mean", r(3)),
                    ("var", np.abs(r(3)) + 0.5)], 1, opset=9)

    # Recurrent networks.
    T, N, I = 5, 3, 4
    x = r(T, N, I)
    seq = np.array([5, 3, 1], dtype=np.int32)
    for direction, D in (("forward", 1), ("reverse", 1), ("bidirectional", 2)):
        H = 3
        yield ort_case(f"ort_rnn_{direction}", "RNN", {"hidden_size": H, "direction": direction},
                       [("X", x), ("W", r(D, H, I, scale=0.5)), ("R", r(D, H, H, scale=0.5)),
                        ("B", r(D, 2 * H, scale=0.5)), ("sequence_lens", seq), ("initial_h", r(D, N, H))], 2)
        for lbr in (0, 1):
            yield ort_case(f"ort_gru_{direction}_lbr{lbr}", "GRU",
                           {"hidden_size": H, "direction": direction, "linear_before_reset": lbr},
                           [("X", x), ("W", r(D, 3 * H, I, scale=0.5)), ("R", r(D, 3 * H, H, scale=0.5)),
                            ("B", r(D, 6 * H, scale=0.5)), ("sequence_lens", seq), ("initial_h", r(D, N, H))], 2)
        yield ort_case(f"ort_lstm_{direction}", "LSTM", {"hidden_size": H, "direction": direction},
                       [("X", x), ("W", r(D, 4 * H, I, scale=0.5)), ("R", r(D, 4 * H, H, scale=0.5)),
                        ("B", r(D, 8 * H, scale=0.5)), ("sequence_lens", seq), ("initial_h", r(D, N, H)),
                        ("initial_c", r(D, N, H)), ("P", r(D, 3 * H, scale=0.5))], 3)
    H = 3
    xb = r(N, T, I)
    seq_b = np.array([4, 5, 2], dtype=np.int32)
    yield ort_case_batch_first("ort_lstm_bidirectional_layout1", "LSTM", {"hidden_size": H, "direction": "bidirectional"},
                   [("X", xb), ("W", r(2, 4 * H, I, scale=0.5)), ("R", r(2, 4 * H, H, scale=0.5)),
                    ("B", r(2, 8 * H, scale=0.5)), ("sequence_lens", seq_b), ("initial_h", r(N, 2, H)),
                    ("initial_c", r(N, 2, H))], 3)
    yield ort_case_batch_first("ort_gru_bidirectional_layout1", "GRU",
                   {"hidden_size": H, "direction": "bidirectional", "linear_before_reset": 1},
                   [("X", xb), ("W", r(2, 3 * H, I, scale=0.5)), ("R", r(2, 3 * H, H, scale=0.5)),
                    ("B", r(2, 6 * H, scale=0.5)), ("sequence_lens", seq_b), ("initial_h", r(N, 2, H))], 2)
    yield ort_case("ort_rnn_relu_clip", "RNN",
                   {"hidden_size": H, "activations": ["Relu"], "clip": 0.7},
                   [("X", x), ("W", r(1, H, I)), ("R", r(1, H, H)), ("B", r(1, 2 * H))], 2)
    yield ort_case("ort_lstm_input_forget_clip", "LSTM",
                   {"hidden_size": H, "input_forget": 1, "clip": 1.5},
                   [("X", x), ("W", r(1, 4 * H, I)), ("R", r(1, 4 * H, H)), ("B", r(1, 8 * H))], 3)
    yield ort_case("ort_gru_activations", "GRU",
                   {"hidden_size": H, "activations": ["Sigmoid", "Relu"]},
                   [("X", x), ("W", r(1, 3 * H, I, scale=0.5)), ("R", r(1, 3 * H, H, scale=0.5))], 2)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for old in glob.glob(os.path.join(OUT_DIR, "*.json")):
        os.remove(old)
    names = []
    for case in list(official_cases()) + list(generated_cases()):
        with open(os.path.join(OUT_DIR, case["name"] + ".json"), "w") as f:
            json.dump(case, f, separators=(",", ":"))
        names.append(case["name"])
    print(f"wrote {len(names)} cases to {os.path.normpath(OUT_DIR)}")


if __name__ == "__main__":
    main()
