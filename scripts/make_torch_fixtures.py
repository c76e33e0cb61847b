#!/usr/bin/env python3
"""PyTorch models exported the way users export them today (issue 18): `torch.onnx.export(..., dynamo=True)`, the
default exporter since torch 2.9, which writes the weights beside the graph in `NAME.onnx.data`.

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch transformers onnx onnxscript onnxruntime numpy \
        scikit-learn
    /tmp/venv/bin/python scripts/make_torch_fixtures.py     # rewrites Tests/Fixtures/models/torch/

Deterministic (seeded; torch's CPU kernels). Writes, under Tests/Fixtures/models/torch/:
    mlp_digits.onnx (+ .onnx.data)     a two-layer MLP on scikit-learn's digits (GELU, LayerNorm), trained to
                                       memorise 300 members; input "x" float32 [batch, 64]
    digits.{members,nonmembers,population}.npz
    cnn_digits.onnx (+ .onnx.data)     a small CNN (two 3×3 convolutions, max pooling) on the digits as images,
                                       input "x" float32 [batch, 1, 8, 8]; its data digits_images.*.npz (the same
                                       splits as digits.*.npz, rows shaped [1, 8, 8])
    tiny_bert.onnx (+ .onnx.data)      a 2-layer BERT-style encoder (transformers' BertForSequenceClassification,
                                       hidden 32, 2 heads) on token ids: input "input_ids" int64 [batch, 16]
    tokens.{members,nonmembers,population}.npz   token-id sequences of a synthetic two-class language
    expected.json                      onnxruntime's outputs on the first 8 non-member rows of each model
"""

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from sklearn.datasets import load_digits

OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "models" / "torch"
SEED = 18


def export(model: torch.nn.Module, example: torch.Tensor, name: str, input_name: str) -> None:
    model.eval()
    for stale in (OUT / f"{name}.onnx", OUT / f"{name}.onnx.data"):
        stale.unlink(missing_ok=True)
    batch = torch.export.Dim("batch", min=1, max=4096)
    torch.onnx.export(
        model,
        (example,),
        str(OUT / f"{name}.onnx"),
        input_names=[input_name],
        output_names=["logits"],
        dynamic_shapes=({0: batch},),
        dynamo=True,
        external_data=True,
    )


def train(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, epochs: int, lr: float) -> None:
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    for _ in range(epochs):
        optimiser.zero_grad()
        out = model(x)
        logits = out.logits if hasattr(out, "logits") else out
        loss = torch.nn.functional.cross_entropy(logits, y)
        loss.backward()
        optimiser.step()


def accuracy(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.no_grad():
        out = model(x)
        logits = out.logits if hasattr(out, "logits") else out
    return float((logits.argmax(1) == y).float().mean())


class MLP(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc1 = torch.nn.Linear(64, 128)
        self.norm = torch.nn.LayerNorm(128)
        self.fc2 = torch.nn.Linear(128, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.nn.functional.gelu(self.norm(self.fc1(x))))


def digits(report: dict, expected: dict) -> None:
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    order = np.random.default_rng(SEED).permutation(len(x))
    x, y = x[order], y[order].astype(np.int64)
    splits = {"members": (0, 300), "nonmembers": (300, 600), "population": (600, len(x))}
    for split, (a, b) in splits.items():
        np.savez(OUT / f"digits.{split}.npz", x=x[a:b], y=y[a:b])
    torch.manual_seed(SEED)
    model = MLP()
    train(model, torch.from_numpy(x[:300]), torch.from_numpy(y[:300]), epochs=400, lr=1e-2)
    report["mlp_digits"] = {
        "train_accuracy": accuracy(model, torch.from_numpy(x[:300]), torch.from_numpy(y[:300])),
        "test_accuracy": accuracy(model, torch.from_numpy(x[300:600]), torch.from_numpy(y[300:600])),
    }
    export(model, torch.from_numpy(x[:2]), "mlp_digits", "x")
    expected["mlp_digits"] = run("mlp_digits", x[300:308])


class CNN(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 16, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(16, 32, 3, padding=1)
        self.fc = torch.nn.Linear(32 * 4 * 4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        h = torch.relu(self.conv2(h))
        return self.fc(torch.flatten(h, 1))


def cnn_digits(report: dict, expected: dict) -> None:
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32).reshape(-1, 1, 8, 8)
    order = np.random.default_rng(SEED).permutation(len(x))
    x, y = x[order], y[order].astype(np.int64)
    splits = {"members": (0, 300), "nonmembers": (300, 600), "population": (600, len(x))}
    for split, (a, b) in splits.items():
        np.savez(OUT / f"digits_images.{split}.npz", x=x[a:b], y=y[a:b])
    torch.manual_seed(SEED)
    model = CNN()
    train(model, torch.from_numpy(x[:300]), torch.from_numpy(y[:300]), epochs=300, lr=3e-3)
    report["cnn_digits"] = {
        "train_accuracy": accuracy(model, torch.from_numpy(x[:300]), torch.from_numpy(y[:300])),
        "test_accuracy": accuracy(model, torch.from_numpy(x[300:600]), torch.from_numpy(y[300:600])),
    }
    export(model, torch.from_numpy(x[:2]), "cnn_digits", "x")
    expected["cnn_digits"] = run("cnn_digits", x[300:308])


def tokens(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 sequences use the upper half of the vocabulary more often; a noisy, learnable language."""
    y = rng.integers(0, 2, size=n)
    p_high = np.where(y == 1, 0.65, 0.35)[:, None]
    high = rng.random((n, 16)) < p_high
    ids = np.where(high, rng.integers(52, 100, size=(n, 16)), rng.integers(4, 52, size=(n, 16)))
    ids[:, 0] = 2  # a [CLS]-like first token
    return ids.astype(np.int64), y.astype(np.int64)


def tiny_bert(report: dict, expected: dict) -> None:
    from transformers import BertConfig, BertForSequenceClassification

    rng = np.random.default_rng(SEED)
    ids, y = tokens(1200, rng)
    splits = {"members": (0, 200), "nonmembers": (200, 400), "population": (400, 1200)}
    for split, (a, b) in splits.items():
        np.savez(OUT / f"tokens.{split}.npz", x=ids[a:b], y=y[a:b])
    torch.manual_seed(SEED)
    config = BertConfig(
        vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
        max_position_embeddings=16, num_labels=2, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
    )
    bert = BertForSequenceClassification(config)

    class Logits(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids).logits

    model = Logits(bert)
    train(model, torch.from_numpy(ids[:200]), torch.from_numpy(y[:200]), epochs=300, lr=3e-3)
    report["tiny_bert"] = {
        "train_accuracy": accuracy(model, torch.from_numpy(ids[:200]), torch.from_numpy(y[:200])),
        "test_accuracy": accuracy(model, torch.from_numpy(ids[200:400]), torch.from_numpy(y[200:400])),
    }
    export(model, torch.from_numpy(ids[:2]), "tiny_bert", "input_ids")
    expected["tiny_bert"] = run("tiny_bert", ids[200:208])


def run(name: str, rows: np.ndarray) -> dict:
    sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
    logits = sess.run(None, {sess.get_inputs()[0].name: rows})[0]
    model = __import__("onnx").load(str(OUT / f"{name}.onnx"), load_external_data=False)
    return {
        "input": {"name": sess.get_inputs()[0].name, "type": sess.get_inputs()[0].type},
        "opset": max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")),
        "operators": sorted({n.op_type for n in model.graph.node}),
        "logits": np.asarray(logits, dtype=np.float64).round(6).tolist(),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {"torch": torch.__version__}
    expected: dict = {}
    digits(report, expected)
    cnn_digits(report, expected)
    tiny_bert(report, expected)
    (OUT / "expected.json").write_text(json.dumps({"report": report, "models": expected}, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    print({k: (v["opset"], v["operators"]) for k, v in expected.items()})


if __name__ == "__main__":
    main()
