"""onnxruntime on the same MLP as `airisk-bench` (64-256-10: Gemm, Relu, Gemm, Softmax), for comparison.

Usage: python3 Benchmarks/ort_mlp.py   (prints a Markdown table row per batch size)
"""
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper


def mlp(inputs=64, hidden=256, classes=10):
    rng = np.random.default_rng(7)
    inits = [
        numpy_helper.from_array((rng.standard_normal((hidden, inputs)) * 0.1).astype(np.float32), "W1"),
        numpy_helper.from_array((rng.standard_normal(hidden) * 0.1).astype(np.float32), "b1"),
        numpy_helper.from_array((rng.standard_normal((classes, hidden)) * 0.1).astype(np.float32), "W2"),
        numpy_helper.from_array((rng.standard_normal(classes) * 0.1).astype(np.float32), "b2"),
    ]
    nodes = [
        helper.make_node("Gemm", ["x", "W1", "b1"], ["h"], transB=1),
        helper.make_node("Relu", ["h"], ["a"]),
        helper.make_node("Gemm", ["a", "W2", "b2"], ["z"], transB=1),
        helper.make_node("Softmax", ["z"], ["p"]),
    ]
    graph = helper.make_graph(
        nodes, "mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", inputs])],
        [helper.make_tensor_value_info("p", TensorProto.FLOAT, ["N", classes])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def main():
    session = ort.InferenceSession(mlp().SerializeToString(), providers=["CPUExecutionProvider"])
    print("| batch | µs per call | rows/s |")
    print("|---|---|---|")
    for batch, calls in [(1, 20000), (256, 500)]:
        x = np.random.default_rng(3).uniform(-1, 1, (batch, 64)).astype(np.float32)
        session.run(None, {"x": x})
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for _ in range(calls):
                session.run(None, {"x": x})
            best = min(best, (time.perf_counter() - t0) / calls)
        print(f"| {batch} | {best * 1e6:.2f} | {int(batch / best)} |")


if __name__ == "__main__":
    main()
