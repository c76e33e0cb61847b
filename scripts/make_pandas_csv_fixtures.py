#!/usr/bin/env python3
"""CSV fixtures written by pandas' DataFrame.to_csv, the way users save a credit-scoring table, for the
AIRiskData CSV tests (issue 18 point 1, data side).

How to regenerate
-----------------
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pandas
    /tmp/venv/bin/python scripts/make_pandas_csv_fixtures.py   # rewrites Tests/AIRiskDataTests/Fixtures/pandas/

Deterministic (fixed values, no randomness). What each file holds:

    index.csv      to_csv() with its default unnamed index column; int, float and bool columns, an int label
    no_index.csv   to_csv(index=False) of the same table
    missing.csv    to_csv(index=False) with NaN (written as empty cells) in two columns: 'amount' twice, 'rate' once
    missing.npz    the same table as np.savez(x=features as float32 with the same NaNs, y=labels)
    strings.csv    to_csv() of a table with a string column 'job' (first value 'skilled') and text labels
    expected.json  the numeric table as the reader must see it: column names, row-major values, labels
    multi_target.csv  to_csv() of a table with two float target columns 'co' and 'no2' (a multi-output regressor's)

and, under Tests/Fixtures/models/, the 3-output regressor's splits as a user would save them for `assess
--label-column t0,t1,t2`: mlp_regressor_multi.{members,nonmembers,population}.csv, to_csv() of the committed .npz
files (features f0..f7, targets t0..t2).
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parent.parent / "Tests" / "AIRiskDataTests" / "Fixtures" / "pandas"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    table = pd.DataFrame(
        {
            "age": [25, 47, 33, 61],
            "amount": [1200.5, 830.0, 4100.25, 99.75],
            "rate": [0.1, 0.25, 0.05, 0.3],
            "owns_home": [True, False, True, False],
            "label": [0, 1, 0, 1],
        }
    )
    table.to_csv(OUT / "index.csv")
    table.to_csv(OUT / "no_index.csv", index=False)

    missing = table.copy()
    missing.loc[[1, 3], "amount"] = np.nan
    missing.loc[2, "rate"] = np.nan
    missing.to_csv(OUT / "missing.csv", index=False)
    np.savez(
        OUT / "missing.npz",
        x=missing.drop(columns="label").astype("float32").to_numpy(),
        y=missing["label"].to_numpy(dtype=np.int64),
    )

    strings = table.copy()
    strings.insert(1, "job", ["skilled", "unskilled", "skilled", "management"])
    strings["label"] = ["good", "bad", "good", "bad"]
    strings.to_csv(OUT / "strings.csv")

    features = table.drop(columns="label").astype("float32")
    expected = {
        "columns": list(features.columns),
        "values": [float(v) for v in features.to_numpy().reshape(-1)],
        "labels": [int(v) for v in table["label"]],
    }
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")

    multi = table.drop(columns="label").copy()
    multi["co"] = [0.5, 1.25, -0.75, 2.0]
    multi["no2"] = [10.0, 12.5, 9.25, 30.0]
    multi.to_csv(OUT / "multi_target.csv")

    models = OUT.parent.parent.parent / "Fixtures" / "models"
    for split in ("members", "nonmembers", "population"):
        with np.load(models / f"mlp_regressor_multi.{split}.npz") as z:
            frame = pd.DataFrame(z["x"], columns=[f"f{j}" for j in range(z["x"].shape[1])])
            for j in range(z["y"].shape[1]):
                frame[f"t{j}"] = z["y"][:, j]
        frame.to_csv(models / f"mlp_regressor_multi.{split}.csv")


if __name__ == "__main__":
    main()
