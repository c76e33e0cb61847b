#!/usr/bin/env python3
"""Models for the engine-speed benchmarks of issue 22, exported with PyTorch's default exporter
(`torch.onnx.export(..., dynamo=True)`) as users export them. Random weights (seeded): the benchmarks time the
engine, not accuracy; BatchNorm layers carry non-trivial running statistics so they are not no-ops.

    python3 scripts/make_bench_models.py OUT_DIR             # benchmark inputs: 256 rows per model
    python3 scripts/make_bench_models.py --fixtures          # rewrites Tests/Fixtures/models/bench/

Needs torch, onnx, onnxscript, onnxruntime and numpy (see scripts/make_torch_fixtures.py for a venv). Writes to
OUT_DIR (`scripts/bench.sh engine` makes them under .build/bench-models):
    small_cnn.onnx   1x28x28 -> Conv(8,3x3) ReLU MaxPool Conv(16,3x3) ReLU MaxPool Linear(10)
    resnet20.onnx    3x32x32 CIFAR ResNet-20 (He et al. 2016: 3 stages x 3 basic blocks, 16/32/64 channels)
    lstm.onnx        [batch, 20, 8] -> LSTM(64) -> Linear(2) on the last step
    mlp.onnx         64 -> 256 -> ReLU -> 256 -> ReLU -> 10
and NAME.npz (x: 256 float32 rows) for each. With --fixtures, the same models (same seed, so the same weights)
with 8 rows each and expected.json: onnxruntime's logits on those rows, which the engine must reproduce
(Tests/AIRiskONNXTests/BenchModelTests.swift).
"""

import json
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

SEED = 22


class BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out + self.shortcut(x))


class ResNet20(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        layers = []
        cin = 16
        for cout, stride in ((16, 1), (32, 2), (64, 2)):
            for i in range(3):
                layers.append(BasicBlock(cin, cout, stride if i == 0 else 1))
                cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(64, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = torch.relu(self.bn(self.conv(x)))
        out = self.layers(out)
        out = torch.flatten(nn.functional.adaptive_avg_pool2d(out, 1), 1)
        return self.fc(out)


class SmallCNN(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.features(x), 1))


class LSTMClassifier(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(8, 64, batch_first=True)
        self.fc = nn.Linear(64, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.fc(out[:, -1, :])


def randomise_batchnorm(model: nn.Module, generator: torch.Generator) -> None:
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.num_features, generator=generator) * 0.1)
            m.running_var.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
            m.weight.data.copy_(torch.rand(m.num_features, generator=generator) + 0.5)
            m.bias.data.copy_(torch.randn(m.num_features, generator=generator) * 0.1)


def export(model: nn.Module, example: torch.Tensor, path: Path) -> None:
    model.eval()
    batch = torch.export.Dim("batch", min=1, max=4096)
    torch.onnx.export(model, (example,), str(path), input_names=["x"], output_names=["logits"],
                      dynamic_shapes=({0: batch},), dynamo=True, external_data=False)


def main() -> None:
    fixtures = sys.argv[1] == "--fixtures"
    out = Path(__file__).resolve().parent.parent / "Tests/Fixtures/models/bench" if fixtures else Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    expected = {}
    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    models = {
        "mlp": (nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)),
                (64,)),
        "small_cnn": (SmallCNN(), (1, 28, 28)),
        "resnet20": (ResNet20(), (3, 32, 32)),
        "lstm": (LSTMClassifier(), (20, 8)),
    }
    rng = np.random.default_rng(SEED)
    for name, (model, shape) in models.items():
        randomise_batchnorm(model, generator)
        x = rng.standard_normal((256, *shape)).astype(np.float32)
        with torch.no_grad():
            export(model, torch.from_numpy(x[:2]), out / f"{name}.onnx")
        if fixtures:
            import onnxruntime as ort

            x = x[:8]
            session = ort.InferenceSession(str(out / f"{name}.onnx"), providers=["CPUExecutionProvider"])
            logits = session.run(None, {"x": x})[0]
            expected[name] = [[round(float(v), 6) for v in row] for row in logits]
        np.savez(out / f"{name}.npz", x=x)
        print(f"wrote {out / name}.onnx and .npz, input {list(x.shape[1:])}")
    if fixtures:
        (out / "expected.json").write_text(json.dumps({"torch": torch.__version__, "logits": expected}, indent=1))


if __name__ == "__main__":
    main()
