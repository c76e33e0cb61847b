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


if __name__ == "__main__":
    main()
