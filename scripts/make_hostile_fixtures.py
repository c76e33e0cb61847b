#!/usr/bin/env python3
"""Writes the hostile-text ONNX fixtures of Tests/Fixtures/hostile (issue 15, finding 9).

Plain protobuf wire format (field numbers from onnx.proto), no dependencies:
- hostile_names.onnx: a Relu model, 3 features, whose producer name/version and input/output names carry ESC
  sequences (clear screen, window title), BEL, a C1 CSI (U+009B) and a right-to-left override (U+202E).
- hostile_operator.onnx: the same model with the operator type "Relu<ESC>[2J<BEL>" (unsupported, so every
  command that loads it ends in an error naming the operator).
"""
import pathlib
import sys


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def key(field, wire):
    return varint(field << 3 | wire)


def integer(field, v):
    return key(field, 0) + varint(v)


def blob(field, payload):
    return key(field, 2) + varint(len(payload)) + payload


def text(field, s):
    return blob(field, s.encode("utf-8"))


def value_info(name, dims):
    shape = b"".join(blob(1, text(2, d) if isinstance(d, str) else integer(1, d)) for d in dims)
    tensor_type = integer(1, 1) + blob(2, shape)  # elem_type FLOAT, shape
    return text(1, name) + blob(2, blob(1, tensor_type))


def model(producer, version, op_type, x, y):
    node = text(1, x) + text(2, y) + text(3, "node") + text(4, op_type)
    graph = blob(1, node) + text(2, "g") + blob(11, value_info(x, ["N", 3])) + blob(12, value_info(y, ["N", 3]))
    opset = text(1, "") + integer(2, 17)
    return integer(1, 8) + text(2, producer) + text(3, version) + blob(7, graph) + blob(8, opset)


ESC, BEL, CSI, RLO = "\x1b", "\x07", "\u009b", "\u202e"

def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/hostile")
    out.mkdir(parents=True, exist_ok=True)
    (out / "hostile_names.onnx").write_bytes(
        model(
            producer=f"evil{ESC}]0;pwned{BEL}{ESC}[2J",
            version=f"6.6{CSI}31m",
            op_type="Relu",
            x=f"x{ESC}[31m{RLO}",
            y=f"y{BEL}",
        )
    )
    (out / "hostile_operator.onnx").write_bytes(
        model(producer="airisk-tests", version="1", op_type=f"Relu{ESC}[2J{BEL}", x="x", y="y")
    )


if __name__ == "__main__":
    main()
