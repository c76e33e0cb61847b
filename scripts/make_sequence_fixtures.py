#!/usr/bin/env python3
"""PyTorch sequence models (an LSTM classifier answering at every step, a GRU forecaster answering once), exported
the way users export them today: `torch.onnx.export(..., dynamo=True, external_data=True)`, weights beside the graph
in `NAME.onnx.data`, batch dimension dynamic. Plus an independent numpy/scikit-learn reference of the membership
loss attack on both.

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch onnx onnxscript onnxruntime numpy scikit-learn
    /tmp/venv/bin/python scripts/make_sequence_fixtures.py     # rewrites Tests/Fixtures/models/sequence/

(/work/wt/torch-venv/bin/python has these packages.) Deterministic: every random choice comes from SEED (numpy's
default_rng, torch.manual_seed), torch's CPU kernels, full-batch Adam: a re-run rewrites the .npz, .onnx.data,
expected.json and reference.json byte for byte; the .onnx graphs embed the exporter's stack traces (this script's
path and line numbers), so they change only when the script is moved or edited. Takes about a minute and a half of
CPU on 2 cores (training under a minute).

Writes, under Tests/Fixtures/models/sequence/:
    lstm_digits.onnx (+ .onnx.data)   a one-layer LSTM (hidden 48) reading scikit-learn's 8×8 digits as 8 time
                                      steps of 8 features (the image rows, pixels / 16); a Linear head on every
                                      step's hidden state, then Softmax inside the graph: many-to-many.
                                      Input "x" float32 [batch, 8, 8]; output "probabilities" float32
                                      [batch, 8, 10], the class probabilities after each step. Trained with the
                                      cross-entropy of every step toward the digit's label (mean over steps), on
                                      the 200 members only, full batch, Adam lr 3e-3, 600 epochs, no weight decay,
                                      no dropout: it memorises them (member accuracy 1.0, non-members about 0.68);
                                      early steps, which have seen only the top rows of the image, stay weak.
    digits.{members,nonmembers,population}.npz    200 / 250 / 1,347 rows: x float32 [N, 8, 8] (pixels / 16),
                                      y int64 [N] (the digit). One seeded permutation of the 1,797 digits.
    gru_air.onnx (+ .onnx.data)       a one-layer GRU (hidden 64) reading 12 past hours × 6 pollutant channels of a
                                      synthetic air-quality series; a Linear head on the last hidden state answers
                                      the next hour's 6 values: many-to-one regression. Input "x" float32
                                      [batch, 12, 6]; output "prediction" float32 [batch, 6]. Trained with the mean
                                      squared error on the 200 members only, full batch, Adam lr 3e-3, 100 epochs,
                                      no weight decay: it starts fitting the members' noise (member MSE well below
                                      the non-members') while still beating persistence on unseen windows. Trained
                                      longer it memorises outright: from 300 epochs the member MSE is ~0 and the
                                      loss attack's AUC 1.0, too easy a case to check an attack against.
    air.{members,nonmembers,population}.npz       200 / 250 / 1,000 windows: x float32 [N, 12, 6], y float32
                                      [N, 6] (the hour after the window, every channel).
    expected.json                     onnxruntime's outputs on the first 8 non-member rows of each model (the torch
                                      folder's layout: input, opset, operators, then the values under the output's
                                      name, "probabilities" [8][8][10] or "prediction" [8][6], full float32
                                      precision); plus a report: training settings, final training loss, and
                                      torch ↔ onnxruntime agreement on members ∪ non-members (asserted ≤ 1e-5
                                      relative, values below 1 absolute; see agreement()).
    reference.json                    the membership loss attack computed with numpy/scikit-learn from
                                      onnxruntime's answers on members ∪ non-members (members positive):
                                      lstm_digits: per step t the AUC of score log p_t[y] (= −cross-entropy; p
                                      clipped below at 1e-30 before the log) and its rounding sensitivity (the
                                      share of member/non-member pairs scored within 1e-6 of each other: how far
                                      another float32 engine's AUC may honestly land from this one), the final
                                      step's AUC, the step with the largest AUC, member / non-member accuracy at the final step (and per
                                      step), mean final-step cross-entropy per split;
                                      gru_air: the AUC of score −(1/6) Σ_j (ŷ_j − y_j)² (and its rounding
                                      sensitivity), the members' and
                                      non-members' mean squared error (mean over rows of that per-row mean), and
                                      for scale the population's MSE and that of persistence (last input hour).

The synthetic series (air_series): 18,850 hours of 6 channels (CO, NOx, NO2, benzene, NMHC, O3-like), each a mix
of a traffic factor (two daily rush-hour peaks, weaker at weekends), a photochemical factor (afternoon peak, with
a slow seasonal drift), a slowly varying meteorological factor (AR(1), φ 0.995, dilutes every channel) and
cross-correlated AR(1) noise (φ 0.6), plus independent measurement noise; then standardised per channel. Windows
are cut with stride 13 (12 input hours + 1 target hour), so no two windows share an hour: a member's target is
never another split's input or target. The 1,450 windows are assigned to the splits by one seeded permutation.
"""

import copy
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import torch
from sklearn.datasets import load_digits
from sklearn.metrics import roc_auc_score

OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "models" / "sequence"
SEED = 23
LOG_FLOOR = 1e-30


def export(model: torch.nn.Module, example: torch.Tensor, name: str, output_name: str) -> None:
    model.eval()
    for stale in (OUT / f"{name}.onnx", OUT / f"{name}.onnx.data"):
        stale.unlink(missing_ok=True)
    batch = torch.export.Dim("batch", min=1, max=4096)
    torch.onnx.export(
        model,
        (example,),
        str(OUT / f"{name}.onnx"),
        input_names=["x"],
        output_names=[output_name],
        dynamic_shapes=({0: batch},),
        dynamo=True,
        external_data=True,
    )


def run(name: str, rows: np.ndarray) -> np.ndarray:
    sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: rows})[0]


def describe(name: str, rows: np.ndarray, output_name: str) -> dict:
    sess = ort.InferenceSession(str(OUT / f"{name}.onnx"), providers=["CPUExecutionProvider"])
    values = sess.run(None, {sess.get_inputs()[0].name: rows})[0]
    model = onnx.load(str(OUT / f"{name}.onnx"), load_external_data=False)
    return {
        "input": {"name": sess.get_inputs()[0].name, "type": sess.get_inputs()[0].type,
                  "shape": [d if isinstance(d, int) else str(d) for d in sess.get_inputs()[0].shape]},
        "output": {"name": sess.get_outputs()[0].name, "type": sess.get_outputs()[0].type,
                   "shape": [d if isinstance(d, int) else str(d) for d in sess.get_outputs()[0].shape]},
        "opset": max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx")),
        "operators": sorted({n.op_type for n in model.graph.node}),
        output_name: np.asarray(values, dtype=np.float64).tolist(),
    }


def agreement(name: str, model: torch.nn.Module, rows: np.ndarray, expected_rows: slice) -> dict:
    """torch ↔ onnxruntime on `rows` (members and non-members). Asserts |ort − torch| ≤ 1e-5 · max(1, |torch|) on
    every entry: relative 1e-5, values below 1 (probabilities, standardised targets) compared absolutely, the
    convention of TorchExportTests. Also records the plain relative error of the entries ≥ 1e-3 in magnitude, overall
    and on the rows written to expected.json, and the same figure for torch float32 against torch float64 (the
    rounding floor of the recurrence itself: an LSTM's float32 softmax tails are not reproducible to 1e-5
    relative, whatever the kernel)."""
    model.eval()
    with torch.no_grad():
        want = model(torch.from_numpy(rows)).numpy().astype(np.float64)
        exact = copy.deepcopy(model).double()(torch.from_numpy(rows).double()).numpy()
    got = run(name, rows).astype(np.float64)
    assert got.shape == want.shape, (name, got.shape, want.shape)

    def relative(a: np.ndarray, b: np.ndarray) -> float:
        big = np.abs(b) >= 1e-3
        return float((np.abs(a - b)[big] / np.abs(b[big])).max()) if big.any() else 0.0

    scaled = float((np.abs(got - want) / np.maximum(1.0, np.abs(want))).max())
    assert scaled <= 1e-5, f"{name}: torch and onnxruntime differ by {scaled} (relative, floor 1)"
    return {
        "rows": int(len(rows)),
        "max_diff_relative_floor_1": scaled,
        "max_relative_entries_above_1e-3": relative(got, want),
        "max_relative_entries_above_1e-3_expected_rows": relative(got[expected_rows], want[expected_rows]),
        "torch_float32_vs_float64_max_relative_entries_above_1e-3": relative(want, exact),
    }


def near_ties(member: np.ndarray, non_member: np.ndarray, delta: float = 1e-6) -> float:
    """The share of (member, non-member) pairs whose scores lie within delta · max(1, |score|) of each other: the
    most the AUC can move when another float32 engine's scores differ from onnxruntime's by that much. An overfit
    model's confident rows have log p ≈ −1e-7, where float32 rounding alone reorders members and non-members."""
    gap = np.abs(member[:, None] - non_member[None, :])
    return float((gap <= delta * np.maximum(1.0, np.abs(non_member)[None, :])).mean())


# ---------------------------------------------------------------------------------------------------------------
# LSTM on digits


class LSTMClassifier(torch.nn.Module):
    def __init__(self, hidden: int = 48) -> None:
        super().__init__()
        self.lstm = torch.nn.LSTM(8, hidden, batch_first=True)
        self.head = torch.nn.Linear(hidden, 10)

    def logits(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.lstm(x)
        return self.head(h)  # [batch, steps, 10]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.logits(x), dim=-1)


def lstm_digits(report: dict, expected: dict, reference: dict, epochs: int = 600, lr: float = 3e-3) -> None:
    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32).reshape(-1, 8, 8)
    order = np.random.default_rng(SEED).permutation(len(x))
    x, y = x[order], y[order].astype(np.int64)
    splits = {"members": (0, 200), "nonmembers": (200, 450), "population": (450, len(x))}
    for split, (a, b) in splits.items():
        np.savez(OUT / f"digits.{split}.npz", x=x[a:b], y=y[a:b])
    xm, ym = torch.from_numpy(x[:200]), torch.from_numpy(y[:200])
    torch.manual_seed(SEED)
    model = LSTMClassifier()
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    for _ in range(epochs):
        optimiser.zero_grad()
        logits = model.logits(xm)  # every step toward the label
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 10), ym.repeat_interleave(logits.shape[1]))
        loss.backward()
        optimiser.step()
    report["lstm_digits"] = {"epochs": epochs, "lr": lr, "hidden": 48, "final_train_loss": loss.item()}
    export(model, xm[:2], "lstm_digits", "probabilities")
    report["lstm_digits"]["torch_vs_onnxruntime"] = agreement("lstm_digits", model, x[:450], slice(200, 208))
    expected["lstm_digits"] = describe("lstm_digits", x[200:208], "probabilities")

    # The loss attack, from onnxruntime's answers.
    pm = run("lstm_digits", x[:200]).astype(np.float64)
    pn = run("lstm_digits", x[200:450]).astype(np.float64)
    ym_, yn_ = y[:200], y[200:450]
    steps = pm.shape[1]
    lm = np.log(np.maximum(pm[np.arange(len(ym_)), :, ym_], LOG_FLOOR))  # [n, steps]: log p_t[y]
    ln = np.log(np.maximum(pn[np.arange(len(yn_)), :, yn_], LOG_FLOOR))
    labels = np.concatenate([np.ones(len(ym_)), np.zeros(len(yn_))])
    aucs = [float(roc_auc_score(labels, np.concatenate([lm[:, t], ln[:, t]]))) for t in range(steps)]
    acc_m = [float((pm[:, t].argmax(1) == ym_).mean()) for t in range(steps)]
    acc_n = [float((pn[:, t].argmax(1) == yn_).mean()) for t in range(steps)]
    reference["lstm_digits"] = {
        "score": "log p_t[y] = -cross-entropy at step t (p clipped below at 1e-30); members positive",
        "members": int(len(ym_)),
        "non_members": int(len(yn_)),
        "steps": steps,
        "auc_per_step": aucs,
        "auc_final_step": aucs[-1],
        "auc_rounding_sensitivity_per_step": [near_ties(lm[:, t], ln[:, t]) for t in range(steps)],
        "argmax_step": int(np.argmax(aucs)),
        "auc_at_argmax_step": float(max(aucs)),
        "member_accuracy": acc_m[-1],
        "non_member_accuracy": acc_n[-1],
        "member_accuracy_per_step": acc_m,
        "non_member_accuracy_per_step": acc_n,
        "member_mean_cross_entropy_final_step": float(-lm[:, -1].mean()),
        "non_member_mean_cross_entropy_final_step": float(-ln[:, -1].mean()),
    }


# ---------------------------------------------------------------------------------------------------------------
# GRU on a synthetic air-quality series

WINDOW = 12
CHANNELS = 6
SPLIT_SIZES = {"members": 200, "nonmembers": 250, "population": 1000}


def air_series(hours: int, rng: np.random.Generator) -> np.ndarray:
    t = np.arange(hours, dtype=np.float64)
    hour, day = t % 24, (t // 24) % 7
    weekday = np.where(day < 5, 1.0, 0.55)
    rush = np.exp(-0.5 * ((hour - 8) / 1.5) ** 2) + 0.8 * np.exp(-0.5 * ((hour - 18) / 2.0) ** 2)
    traffic = weekday * rush
    season = 1 + 0.4 * np.sin(2 * np.pi * t / (24 * 365) + 0.3)
    sun = np.exp(-0.5 * ((hour - 14) / 3.0) ** 2) * season
    # Meteorology: slow AR(1) (mixing-layer height, wind) that dilutes every channel.
    met = np.zeros(hours)
    e = rng.normal(0, 0.1, hours)
    for i in range(1, hours):
        met[i] = 0.995 * met[i - 1] + e[i]
    # Cross-correlated AR(1) noise: innovations mixed by a fixed loading matrix.
    mix = np.eye(CHANNELS) + 0.5 * rng.normal(0, 0.4, (CHANNELS, CHANNELS))
    innov = rng.normal(0, 1, (hours, CHANNELS)) @ mix.T
    ar = np.zeros((hours, CHANNELS))
    for i in range(1, hours):
        ar[i] = 0.6 * ar[i - 1] + innov[i]
    #                   CO    NOx   NO2   C6H6  NMHC  O3
    w_traffic = np.array([2.0, 2.4, 1.5, 1.8, 1.6, -0.9])
    w_sun = np.array([0.1, -0.3, 0.4, 0.0, 0.2, 2.2])
    w_met = np.array([-1.0, -1.2, -0.8, -0.9, -0.7, 0.5])
    w_noise = np.array([0.6, 0.7, 0.6, 0.5, 0.6, 0.6])
    series = (traffic[:, None] * w_traffic + sun[:, None] * w_sun + met[:, None] * w_met + ar * w_noise
              + rng.normal(0, 0.4, (hours, CHANNELS)))  # measurement noise
    # Coupling: NO2 follows NOx an hour later; O3 is titrated by NO2.
    series[1:, 2] += 0.4 * series[:-1, 1]
    series[1:, 5] -= 0.3 * series[:-1, 2]
    series = (series - series.mean(0)) / series.std(0)
    return series.astype(np.float32)


class GRURegressor(torch.nn.Module):
    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.gru = torch.nn.GRU(CHANNELS, hidden, batch_first=True)
        self.head = torch.nn.Linear(hidden, CHANNELS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, _ = self.gru(x)
        return self.head(h[:, -1])


def gru_air(report: dict, expected: dict, reference: dict, epochs: int = 100, lr: float = 3e-3) -> None:
    rng = np.random.default_rng(SEED)
    count = sum(SPLIT_SIZES.values())
    stride = WINDOW + 1
    series = air_series(count * stride, rng)
    windows = series.reshape(count, stride, CHANNELS)  # disjoint: no hour in two windows
    order = rng.permutation(count)
    x, y = windows[order, :WINDOW], windows[order, WINDOW]
    x, y = np.ascontiguousarray(x, dtype=np.float32), np.ascontiguousarray(y, dtype=np.float32)
    bounds, a = {}, 0
    for split, n in SPLIT_SIZES.items():
        bounds[split] = (a, a + n)
        np.savez(OUT / f"air.{split}.npz", x=x[a:a + n], y=y[a:a + n])
        a += n
    nm = SPLIT_SIZES["members"]
    nn_ = SPLIT_SIZES["nonmembers"]
    xm, ym = torch.from_numpy(x[:nm]), torch.from_numpy(y[:nm])
    torch.manual_seed(SEED)
    model = GRURegressor()
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    for _ in range(epochs):
        optimiser.zero_grad()
        loss = torch.nn.functional.mse_loss(model(xm), ym)
        loss.backward()
        optimiser.step()
    report["gru_air"] = {"epochs": epochs, "lr": lr, "hidden": 64, "final_train_loss": loss.item()}
    export(model, xm[:2], "gru_air", "prediction")
    report["gru_air"]["torch_vs_onnxruntime"] = agreement("gru_air", model, x[:nm + nn_], slice(nm, nm + 8))
    expected["gru_air"] = describe("gru_air", x[nm:nm + 8], "prediction")

    pm = run("gru_air", x[:nm]).astype(np.float64)
    pn = run("gru_air", x[nm:nm + nn_]).astype(np.float64)
    em = ((pm - y[:nm].astype(np.float64)) ** 2).mean(axis=1)
    en = ((pn - y[nm:nm + nn_].astype(np.float64)) ** 2).mean(axis=1)
    labels = np.concatenate([np.ones(len(em)), np.zeros(len(en))])
    # A population baseline: the error of always answering the last input hour (persistence).
    xp, yp = x[nm + nn_:], y[nm + nn_:]
    pp = run("gru_air", xp).astype(np.float64)
    reference["gru_air"] = {
        "score": "-(1/6) sum_j (prediction_j - y_j)^2; members positive",
        "members": int(len(em)),
        "non_members": int(len(en)),
        "outputs": CHANNELS,
        "auc": float(roc_auc_score(labels, np.concatenate([-em, -en]))),
        "auc_rounding_sensitivity": near_ties(-em, -en),
        "member_mse": float(em.mean()),
        "non_member_mse": float(en.mean()),
        "population_mse": float(((pp - yp) ** 2).mean()),
        "population_persistence_mse": float(((xp[:, -1].astype(np.float64) - yp) ** 2).mean()),
    }


def main() -> None:
    torch.set_num_threads(2)
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {"torch": torch.__version__, "onnxruntime": ort.__version__, "seed": SEED}
    expected: dict = {}
    reference: dict = {"source": "scripts/make_sequence_fixtures.py (onnxruntime answers, numpy, sklearn)"}
    lstm_digits(report, expected, reference)
    gru_air(report, expected, reference)
    (OUT / "expected.json").write_text(json.dumps({"report": report, "models": expected}, indent=1) + "\n")
    (OUT / "reference.json").write_text(json.dumps(reference, indent=1) + "\n")
    print(json.dumps(report, indent=1))
    print(json.dumps(reference, indent=1))
    print({k: (v["opset"], v["operators"]) for k, v in expected.items()})


if __name__ == "__main__":
    main()
