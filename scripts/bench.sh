#!/usr/bin/env bash
# Speed benchmarks recorded in BENCHMARKS.md, airisk and its peer measured on the same machine in the same run.
#
#   scripts/bench.sh            # fixture models vs onnxruntime, then LiRA vs scikit-learn
#   scripts/bench.sh fixtures   # only the fixture-model table
#   scripts/bench.sh lira       # only the LiRA comparison
#
# Environment: ROUNDS (interleaved rounds, default 5), REPEATS / MIN_TIME (timed runs per figure and seconds per run,
# default 5 / 0.2), LIRA_RUNS (default 3). The machine may be shared: every figure is a median, airisk and the peer
# alternate round by round, and the load average is printed with each table.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
ROUNDS="${ROUNDS:-5}"
REPEATS="${REPEATS:-5}"
MIN_TIME="${MIN_TIME:-0.2}"
LIRA_RUNS="${LIRA_RUNS:-3}"

swift build -c release --product airisk-bench >&2
bench="$(swift build -c release --show-bin-path)/airisk-bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Machine: $(nproc) logical CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs);" \
    "$(swift --version 2>&1 | head -1); $(python3 -c 'import onnxruntime, sklearn, numpy; print("onnxruntime", onnxruntime.__version__, "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
echo

if [[ "$what" == all || "$what" == fixtures ]]; then
    echo "## Fixture models vs onnxruntime"
    echo
    echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    for round in $(seq 1 "$ROUNDS"); do
        # Alternate which engine goes first so neither always gets the quieter half of a round.
        if (( round % 2 )); then
            "$bench" fixtures --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/airisk-$round.json" >/dev/null
            python3 scripts/bench_onnxruntime.py --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/ort-$round.json" >/dev/null
        else
            python3 scripts/bench_onnxruntime.py --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/ort-$round.json" >/dev/null
            "$bench" fixtures --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/airisk-$round.json" >/dev/null
        fi
        echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    done
    python3 scripts/bench_table.py "$work"
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
fi

if [[ "$what" == all || "$what" == lira ]]; then
    echo "## LiRA (16 reference models) vs Python"
    echo
    echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    for run in $(seq 1 "$LIRA_RUNS"); do
        "$bench" lira --runs 1 --seed "$run" | grep AIRISK_LIRA | sed "s/run 1/run $run/"
        python3 scripts/bench_lira.py --runs 1 --seed "$run" | grep PYTHON_LIRA | sed "s/run 1/run $run/"
        echo "LOAD $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
