#!/usr/bin/env bash
# Speed benchmarks recorded in BENCHMARKS.md, airisk and its peer measured on the same machine in the same run.
#
#   scripts/bench.sh            # fixture models vs onnxruntime, then LiRA vs scikit-learn
#   scripts/bench.sh fixtures   # only the fixture-model table
#   scripts/bench.sh lira       # only the LiRA / RMIA comparison (same 16 references, then in-process references)
#   scripts/bench.sh model MODEL.onnx DATA   # `airisk bench` vs onnxruntime on your own model and data
#   scripts/bench.sh model                   # the same on every fixture model with its population split
#   scripts/bench.sh kernels                 # sgemm on the engine's shapes: OpenBLAS (as detected, and with the
#                                            # core types these machines set), BLIS, oneDNN (libblis-dev, libdnnl-dev)
#   scripts/bench.sh engine                  # the same on issue 22's MLP, small CNN, ResNet-20 and LSTM (made by
#                                            # scripts/make_bench_models.py; python3 needs torch and onnxscript)
#
# Environment: ROUNDS (interleaved rounds, default 5), REPEATS / MIN_TIME (timed runs per figure and seconds per run,
# default 5 / 0.2), LIRA_RUNS (default 3), PYTHON (the interpreter with numpy, scikit-learn, onnxruntime, onnx and
# skl2onnx; default python3), BENCH_SECONDS (model: seconds timed per batch size and run, default 1).
# In `model` mode both engines run on one thread (OPENBLAS_NUM_THREADS=1, onnxruntime intra/inter-op threads 1). The machine may be shared: every figure is a median, airisk and the peer
# alternate round by round, and the load average is printed with each table.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
ROUNDS="${ROUNDS:-5}"
REPEATS="${REPEATS:-5}"
MIN_TIME="${MIN_TIME:-0.2}"
LIRA_RUNS="${LIRA_RUNS:-3}"
PYTHON="${PYTHON:-python3}"
BENCH_SECONDS="${BENCH_SECONDS:-1}"

if [[ "$what" == kernels ]]; then
    out=.build/gemm-backends
    mkdir -p "$out"
    cc -O2 Benchmarks/gemm_backends.c -o "$out/openblas" -lopenblas
    blis_include=$(dirname "$(find /usr/include -name blis.h | head -1)")
    cc -O2 -I"$blis_include" Benchmarks/gemm_backends.c -o "$out/blis" -lblis -lm
    cc -O2 -DUSE_DNNL Benchmarks/gemm_backends.c -o "$out/dnnl" -ldnnl
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
    export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 BLIS_NUM_THREADS=1
    echo "== OpenBLAS, core type as detected (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-not set})"; "$out/openblas"
    for core in Haswell SkylakeX; do echo "== OpenBLAS, OPENBLAS_CORETYPE=$core"; OPENBLAS_CORETYPE=$core "$out/openblas"; done
    echo "== BLIS"; "$out/blis"
    echo "== oneDNN"; "$out/dnnl"
    exit 0
fi

if [[ "$what" == engine ]]; then
    models=.build/bench-models
    [ -f "$models/lstm.npz" ] || python3 scripts/make_bench_models.py "$models" >&2
    set -- model
    for m in mlp small_cnn resnet20 lstm; do set -- "$@" "$models/$m.onnx" "$models/$m.npz"; done
    what=model
fi

if [[ "$what" == model ]]; then
    swift build -c release --product airisk >&2
else
    swift build -c release --product airisk-bench >&2
fi
bin="$(swift build -c release --show-bin-path)"
bench="$bin/airisk-bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Machine: $(nproc) logical CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) ($(grep -m1 -o -w -E 'avx512f' /proc/cpuinfo || grep -m1 -o -w avx2 /proc/cpuinfo || echo baseline));" \
    "$(swift --version 2>&1 | head -1); $("$PYTHON" -c 'import onnxruntime, sklearn, numpy; print("onnxruntime", onnxruntime.__version__, "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
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
            "$PYTHON" scripts/bench_onnxruntime.py --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/ort-$round.json" >/dev/null
        else
            "$PYTHON" scripts/bench_onnxruntime.py --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/ort-$round.json" >/dev/null
            "$bench" fixtures --repeats "$REPEATS" --min-time "$MIN_TIME" --json "$work/airisk-$round.json" >/dev/null
        fi
        echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    done
    "$PYTHON" scripts/bench_table.py "$work"
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
fi

if [[ "$what" == model ]]; then
    if (( $# >= 3 )); then
        pairs=("${@:2}")
    else
        pairs=()
        for m in logreg_breast_cancer softmax_digits mlp_digits_overfit mlp_digits_regularised random_forest_digits \
            mlp_regressor_diabetes; do
            pairs+=("Tests/Fixtures/models/$m.onnx" "Tests/Fixtures/models/$m.population.npz")
        done
    fi
    echo "## airisk bench vs onnxruntime, one thread each, $ROUNDS interleaved rounds of ${BENCH_SECONDS}s per batch"
    echo
    echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(not set)}"
    echo
    for ((i = 0; i < ${#pairs[@]}; i += 2)); do
        model="${pairs[i]}"
        data="${pairs[i + 1]}"
        tag="$(basename "$model" .onnx)"
        for round in $(seq 1 "$ROUNDS"); do
            airisk_run() {
                OPENBLAS_NUM_THREADS=1 "$bin/airisk" bench "$model" "$data" --format json --seconds "$BENCH_SECONDS" \
                    >"$work/model-$tag-airisk-$round.json"
            }
            ort_run() {
                "$PYTHON" scripts/bench_onnxruntime.py --model "$model" --data "$data" --seconds "$BENCH_SECONDS" \
                    --json "$work/model-$tag-ort-$round.json" >/dev/null
            }
            if (( round % 2 )); then airisk_run; ort_run; else ort_run; airisk_run; fi
        done
        echo "$model" >"$work/model-$tag.name"
    done
    "$PYTHON" - "$work" <<'PY'
import glob, json, os, statistics, sys
work = sys.argv[1]
print("| model | batch | airisk rows/s | onnxruntime rows/s | airisk / onnxruntime |")
print("|---|---:|---:|---:|---:|")
for name_file in sorted(glob.glob(os.path.join(work, "model-*.name"))):
    tag = os.path.basename(name_file)[len("model-"):-len(".name")]
    runs = {}
    for engine in ("airisk", "ort"):
        for path in glob.glob(os.path.join(work, f"model-{tag}-{engine}-*.json")):
            for r in json.load(open(path)):
                runs.setdefault((r["batch"], engine), []).append(r["rows_per_second"])
    for batch in sorted({b for b, _ in runs}):
        a = statistics.median(runs[(batch, "airisk")])
        o = statistics.median(runs[(batch, "ort")])
        print(f"| {tag} | {batch} | {a:,.0f} | {o:,.0f} | {a / o:.2f}x |")
PY
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

if [[ "$what" == all || "$what" == lira ]]; then
    # One fixture, two comparisons (BENCHMARKS.md, "LiRA and RMIA vs Python"):
    #  1. the same 16 reference models (trained once by scripts/reference_mia.py with the target's recipe, kept in
    #     .build/bench-references) attacked by airisk (`airisk-bench lira --references`, as `assess
    #     --reference-models`) and by the numpy reference (`bench_lira.py --references`) on the same records;
    #  2. each training its own 16 references: airisk's standard profile (`airisk-bench lira`, as `assess --profile
    #     standard --probes membership`) and scikit-learn (`bench_lira.py`).
    name=mlp_digits_overfit
    refs=.build/bench-references/$name
    if ! grep -qs '"reference_models": 16,' "$refs/reference_mia.json"; then
        echo "training the 16 reference models of $name once (scripts/reference_mia.py, a few minutes)" >&2
        rm -rf "$refs"
        "$PYTHON" scripts/reference_mia.py --name "$name" --models 16 --out-dir .build/bench-references >&2
    fi
    echo "## LiRA and RMIA (16 reference models) vs Python"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(not set)};" \
        "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    log="$work/lira.log"
    for run in $(seq 1 "$LIRA_RUNS"); do
        airisk_refs() { "$bench" lira --references "$refs" --runs 1 | grep AIRISK_REFS | sed "s/run 1/run $run/"; }
        python_refs() {
            "$PYTHON" scripts/bench_lira.py --references "$refs" --runs 1 | grep PYTHON_REFS | sed "s/run 1/run $run/"
        }
        airisk_own() { "$bench" lira --runs 1 --seed "$run" | grep AIRISK_LIRA | sed "s/run 1/run $run/"; }
        python_own() { "$PYTHON" scripts/bench_lira.py --runs 1 --seed "$run" | grep PYTHON_LIRA | sed "s/run 1/run $run/"; }
        # Alternate which implementation goes first so neither always gets the quieter half of a run.
        if (( run % 2 )); then
            airisk_refs; python_refs; airisk_own; python_own
        else
            python_refs; airisk_refs; python_own; airisk_own
        fi | tee -a "$log"
        echo "LOAD $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
    done
    echo
    "$PYTHON" scripts/bench_lira_table.py "$log"
    echo
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
