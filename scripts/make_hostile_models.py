#!/usr/bin/env python3
"""Hostile ONNX models for airisk's resource-accounting tests (issue 15, findings 2 and 3).

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install onnx
    /tmp/venv/bin/python scripts/make_hostile_models.py            # writes Tests/AIRiskONNXTests/Fixtures/hostile/
    /tmp/venv/bin/python scripts/make_hostile_models.py --packed-int64 1073741824 /tmp/packed.onnx
                                                          # the 1 GiB packed int64_data model (not committed)

Every model is a few hundred bytes to a few KB, valid ONNX (onnx.checker passes where the checker can judge
it), and asks the engine for far more memory than it is worth: pads of 1e5 or 2^62 on Conv / MaxPool /
AveragePool, Expand to 2e9 and 2e11 elements (one with the shape computed in the graph), ConstantOfShape of
2^31-1 floats, strings or int64s feeding a unary operator, and a chain of Concats that doubles a tensor
30 times. Each has one float input X [N, 3] and output Y = Relu(X), so it looks like an ordinary model, plus
the hostile value as a second output. The node that makes the hostile value is named in hostile.json, with
the words airisk's error must contain.
"""

import argparse
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "AIRiskONNXTests", "Fixtures", "hostile")


def model(nodes, initializers, hostile, hostile_type=TensorProto.FLOAT, x_shape=("N", 3)):
    graph = helper.make_graph(
        [helper.make_node("Relu", ["X"], ["Y"], name="relu")] + nodes,
        "hostile",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, list(x_shape))],
        [
            helper.make_tensor_value_info("Y", TensorProto.FLOAT, list(x_shape)),
            helper.make_tensor_value_info(hostile, hostile_type, None),
        ],
        initializers,
    )
    m = helper.make_model(graph, producer_name="airisk-hostile", opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    return m


def ints(name, values):
    return numpy_helper.from_array(np.array(values, dtype=np.int64), name)


def window(op, pads, name):
    x = numpy_helper.from_array(np.ones((1, 1, 3, 3), dtype=np.float32), "img")
    inputs = ["img"]
    inits = [x]
    attrs = {"pads": [pads] * 4}
    if op == "Conv":
        inits.append(numpy_helper.from_array(np.ones((1, 1, 3, 3), dtype=np.float32), "w"))
        inputs.append("w")
    else:
        attrs["kernel_shape"] = [3, 3]
    return model([helper.make_node(op, inputs, ["H"], name=name, **attrs)], inits, "H")


def cases():
    c = {}
    c["conv_pads_1e5"] = (window("Conv", 100_000, "conv_pads"), "conv_pads")
    c["conv_pads_overflow"] = (window("Conv", 1 << 62, "conv_overflow"), "conv_overflow")
    c["maxpool_pads_1e5"] = (window("MaxPool", 100_000, "maxpool_pads"), "maxpool_pads")
    c["avgpool_pads_1e5"] = (window("AveragePool", 100_000, "avgpool_pads"), "avgpool_pads")
    one = numpy_helper.from_array(np.ones((1,), dtype=np.float32), "one")
    for label, n in [("2e9", 2_000_000_000), ("2e11", 200_000_000_000)]:
        c["expand_" + label] = (
            model([helper.make_node("Expand", ["one", "shape"], ["H"], name="expand_" + label)], [one, ints("shape", [n])], "H"),
            "expand_" + label,
        )
    # The shape is computed in the graph: Constant [1e6] * Constant [1e5] = [1e11].
    c["expand_computed_shape"] = (
        model(
            [
                helper.make_node("Constant", [], ["a"], name="a", value=numpy_helper.from_array(np.array([1_000_000], dtype=np.int64))),
                helper.make_node("Constant", [], ["b"], name="b", value=numpy_helper.from_array(np.array([100_000], dtype=np.int64))),
                helper.make_node("Mul", ["a", "b"], ["shape"], name="shape_product"),
                helper.make_node("Expand", ["one", "shape"], ["H"], name="expand_computed"),
            ],
            [one],
            "H",
        ),
        "expand_computed",
    )
    c["constantofshape_2p31_floats"] = (
        model([helper.make_node("ConstantOfShape", ["shape"], ["H"], name="fill_floats")], [ints("shape", [2**31 - 1])], "H"),
        "fill_floats",
    )
    for label, value, elem in [
        ("string", helper.make_tensor("v", TensorProto.STRING, [1], [b"x"]), TensorProto.STRING),
        ("int64", helper.make_tensor("v", TensorProto.INT64, [1], [7]), TensorProto.INT64),
    ]:
        c["unary_on_" + label] = (
            model(
                [
                    helper.make_node("ConstantOfShape", ["shape"], ["S"], name="fill_" + label, value=value),
                    helper.make_node("Neg", ["S"], ["H"], name="neg_" + label),
                ],
                [ints("shape", [2**31 - 1])],
                "H",
                elem,
            ),
            "fill_" + label,
        )
    # The shape comes from the input's own shape, so only the concrete one-row batch reveals it:
    # Shape(X) = [1, 3] times [1e5, 1e5] = [1e5, 3e5] (1.2e11 bytes). Loading passes; the pass that runs
    # before the neutral row refuses it.
    c["expand_from_input_shape"] = (
        model(
            [
                helper.make_node("Shape", ["X"], ["xs"], name="x_shape"),
                helper.make_node("Mul", ["xs", "scale"], ["shape"], name="shape_scaled"),
                helper.make_node("Expand", ["one", "shape"], ["H"], name="expand_from_input"),
            ],
            [one, ints("scale", [100_000, 100_000])],
            "H",
        ),
        "expand_from_input",
    )
    nodes = []
    prev = "seed"
    for i in range(1, 31):
        nodes.append(helper.make_node("Concat", [prev, prev], [f"d{i}"], name=f"double_{i}", axis=0))
        prev = f"d{i}"
    nodes.append(helper.make_node("Identity", [prev], ["H"], name="last"))
    seed = numpy_helper.from_array(np.ones((1024,), dtype=np.float32), "seed")
    # 1024 floats doubled 19 times is 2 GiB (allowed); the 20th doubling is 4 GiB.
    c["concat_doubling"] = (model(nodes, [seed], "H"), "double_20")
    return c


def packed_int64(total_bytes, path):
    """dims [1] and a packed int64_data of about total_bytes one-byte varints (written in streaming fashion)."""
    init_header = helper.make_tensor("big", TensorProto.INT64, [1], [0])
    # Write the model with a placeholder initializer, then splice in the huge field by hand.
    m = model([helper.make_node("Identity", ["big"], ["H"], name="big_identity")], [init_header], "H", TensorProto.INT64)
    body = m.SerializeToString()
    marker = init_header.SerializeToString()
    assert body.count(marker) == 1

    def varint(v):
        out = bytearray()
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
        return bytes(out)

    dims_and_type = b"\x08\x01" + b"\x10\x07" + b"\x42\x03big"  # dims=1, data_type=INT64, name="big"
    payload_len = total_bytes
    field = b"\x3a" + varint(payload_len)  # field 7 (int64_data), wire type 2
    tensor_len = len(dims_and_type) + len(field) + payload_len
    # The initializer is GraphProto field 5; the graph is ModelProto field 7, whose length grows too.
    graph = m.graph
    graph.ClearField("initializer")
    graph_bytes = graph.SerializeToString()
    init_prefix = b"\x2a" + varint(tensor_len)
    graph_len = len(graph_bytes) + len(init_prefix) + tensor_len
    m.ClearField("graph")
    head = m.SerializeToString() + b"\x3a" + varint(graph_len) + graph_bytes + init_prefix + dims_and_type + field
    with open(path, "wb") as f:
        f.write(head)
        chunk = b"\x01" * (1 << 20)
        left = payload_len
        while left > 0:
            f.write(chunk[: min(left, len(chunk))])
            left -= min(left, len(chunk))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--packed-int64", nargs=2, metavar=("BYTES", "PATH"))
    args = parser.parse_args()
    if args.packed_int64:
        packed_int64(int(args.packed_int64[0]), args.packed_int64[1])
        return
    os.makedirs(args.out, exist_ok=True)
    index = {}
    for name, (m, node) in sorted(cases().items()):
        path = os.path.join(args.out, name + ".onnx")
        with open(path, "wb") as f:
            f.write(m.SerializeToString())
        # "access": only the concrete input shape of the one-row batch reveals the size (load passes).
        phase = "access" if name == "expand_from_input_shape" else "load"
        index[name] = {"node": node, "bytes": os.path.getsize(path), "phase": phase}
    with open(os.path.join(args.out, "hostile.json"), "w") as f:
        json.dump(index, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
