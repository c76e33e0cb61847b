#!/usr/bin/env python3
"""Fixed-batch fixtures: softmax_digits exported without dynamic axes, as torch.onnx.export does by default.

How to regenerate
-----------------
    python3 scripts/make_fixed_batch_fixtures.py            # writes Tests/Fixtures/models/
    python3 scripts/make_fixed_batch_fixtures.py --check    # also compares with onnxruntime (needs onnxruntime)

Needs Python 3 with onnx and numpy. Reads Tests/Fixtures/models/softmax_digits.onnx (made by make_fixtures.py) and
writes, for B in 1 and 2, softmax_digits_batchB.onnx: the same weights and operators, but the input "input" declared
[B, 64] instead of [None, 64], every output's first dimension declared B, and a Reshape to the constant shape
[B, 64] in front of the first operator, the way an exporter traces a fixed batch into the graph. Such a model
accepts exactly B rows per call; airisk batches rows to that size. Its data are softmax_digits' own .npz splits.
"""

import argparse
import os

import numpy as np
import onnx
from onnx import helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, "..", "Tests", "Fixtures", "models"))


def fixed_batch(model, batch):
    m = onnx.ModelProto()
    m.CopyFrom(model)
    g = m.graph
    (inp,) = g.input
    features = inp.type.tensor_type.shape.dim[1].dim_value
    dim0 = inp.type.tensor_type.shape.dim[0]
    dim0.Clear()
    dim0.dim_value = batch
    for out in g.output:
        if out.type.HasField("tensor_type") and len(out.type.tensor_type.shape.dim) > 0:
            d = out.type.tensor_type.shape.dim[0]
            d.Clear()
            d.dim_value = batch
    traced = inp.name + "_fixed"
    for node in g.node:
        for i, name in enumerate(node.input):
            if name == inp.name:
                node.input[i] = traced
    g.initializer.append(numpy_helper.from_array(np.array([batch, features], dtype=np.int64), "fixed_batch_shape"))
    g.node.insert(0, helper.make_node("Reshape", [inp.name, "fixed_batch_shape"], [traced], name="FixedBatchReshape"))
    g.name = f"{g.name}_batch{batch}"
    onnx.checker.check_model(m)
    return m


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=MODELS)
    parser.add_argument("--check", action="store_true", help="compare with onnxruntime on the non-member rows")
    args = parser.parse_args()
    base = onnx.load(os.path.join(MODELS, "softmax_digits.onnx"))
    for batch in (1, 2):
        m = fixed_batch(base, batch)
        path = os.path.join(args.out, f"softmax_digits_batch{batch}.onnx")
        onnx.save(m, path)
        print(f"wrote {path} ({os.path.getsize(path)} bytes)")
        if args.check:
            import onnxruntime as ort

            x = np.load(os.path.join(MODELS, "softmax_digits.nonmembers.npz"))["x"].astype(np.float32)
            x = x[: len(x) - len(x) % batch]
            fixed = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
            dynamic = ort.InferenceSession(os.path.join(MODELS, "softmax_digits.onnx"), providers=["CPUExecutionProvider"])
            got = np.concatenate([fixed.run(["probabilities"], {"input": x[i : i + batch]})[0] for i in range(0, len(x), batch)])
            want = dynamic.run(["probabilities"], {"input": x})[0]
            print(f"  max |fixed - dynamic| over {len(x)} rows: {np.abs(got - want).max():.3g}")


if __name__ == "__main__":
    main()
