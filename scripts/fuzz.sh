#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs each for a bounded time.
#
#   scripts/fuzz.sh [seconds-per-target] [target ...]     (default: 60 s; all targets: onnx npy npz csv xml endpoint chart)
#
# The library modules are compiled by SwiftPM with fuzzer coverage + AddressSanitizer into .build-fuzz
# (release, testable so harnesses may reach internal entry points); each Fuzz/<Name>Fuzz.swift is then
# linked against their objects with swiftc -sanitize=fuzzer,address (SwiftPM cannot link a libFuzzer
# executable itself). The objects are those of the named modules and of every module they depend on,
# transitively (SwiftPM's build description lists them), so a harness over AIRiskEndpoint also gets
# AsyncHTTPClient, SwiftNIO and BoringSSL; the compile flags that find those modules come from there too. Corpora start from Fuzz/corpus/<target>/ (committed seeds) and grow in fuzz-out/.
# Crashes, leaks and timeouts land in fuzz-out/<target>/artifacts/; the script prints one summary line per
# target and exits non-zero if any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(onnx npy npz csv xml endpoint chart)

scratch=.build-fuzz
flags=(-c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)

modules_for() {
    case "$1" in
        onnx) echo "AIRiskONNX AIRiskTensor" ;;
        npy | csv | npz) echo "AIRiskData AIRiskTensor ZIPFoundation Crypto" ;;
        xml) echo "AIRiskCatalog AIRiskResults AIRiskXML AIRiskSupport AIRiskAssessment" ;;
        endpoint) echo "AIRiskEndpoint AIRiskSupport" ;;
        chart) echo "AIRiskReport AIRiskResults AIRiskXML AIRiskSupport Crypto" ;;
    esac
}
source_for() {
    case "$1" in
        onnx) echo Fuzz/ONNXFuzz.swift ;; npy) echo Fuzz/NPYFuzz.swift ;; npz) echo Fuzz/NPZFuzz.swift ;;
        csv) echo Fuzz/CSVFuzz.swift ;; xml) echo Fuzz/XMLFuzz.swift ;; endpoint) echo Fuzz/EndpointFuzz.swift ;;
        chart) echo Fuzz/ChartFuzz.swift ;;
    esac
}

build_target() {
    local t=$1 top
    top=$(modules_for "$t" | cut -d' ' -f1)
    swift build "${flags[@]}" --target "$top" >&2
    [ "$t" = xml ] && swift build "${flags[@]}" --target AIRiskResults >&2 && swift build "${flags[@]}" --target AIRiskAssessment >&2
    local bin objs=() imports=() m
    bin=$(swift build "${flags[@]}" --show-bin-path)
    # The modules named, their transitive dependencies (C targets included), and the flags that make
    # their Swift and C modules importable, from SwiftPM's build description.
    for m in $(python3 - "$bin/description.json" $(modules_for "$t") <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
names = []
for top in sys.argv[2:]:
    for n in [top] + d["targetDependencyMap"].get(top, []):
        if n not in names:
            names.append(n)
print("\n".join(names))
PY
    ); do
        [ -d "$bin/$m.build" ] || continue  # system library targets have no objects
        while IFS= read -r o; do objs+=("$o"); done < <(find "$bin/$m.build" -name '*.o' | sort)
    done
    while IFS= read -r a; do imports+=("$a"); done < <(python3 - "$bin/description.json" $(modules_for "$t") <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
seen = set()
for command in d["swiftCommands"].values():
    if command["moduleName"] not in sys.argv[2:]:
        continue
    args = command["otherArguments"]
    for i, a in enumerate(args):
        group = None
        if a.startswith("-I") and len(a) > 2:
            group = [a]
        elif a == "-Xcc" and i + 1 < len(args):
            option = args[i + 1]
            if option == "-I" and i + 3 < len(args) and args[i + 2] == "-Xcc":
                group = args[i : i + 4]  # -Xcc -I -Xcc PATH
            elif option.startswith("-fmodule-map-file=") or (option.startswith("-I") and len(option) > 2):
                group = [a, option]
        if group and tuple(group) not in seen:
            seen.add(tuple(group))
            print("\n".join(group))
PY
    )
    # ld.gold warns once per ASan helper symbol; keep that noise in a log.
    swiftc -sanitize=fuzzer,address -parse-as-library -O "$(source_for "$t")" \
        -I "$bin/Modules" -I Sources/CBLAS -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
        -I "$scratch/checkouts/ZIPFoundation/Sources/CZLib" "${imports[@]}" \
        "${objs[@]}" -lopenblas -lxml2 -lz -lstdc++ -o "$scratch/fuzz-$t" >"$scratch/fuzz-$t.link.log" 2>&1 ||
        { grep -v 'ld.gold: warning' "$scratch/fuzz-$t.link.log" >&2; return 1; }
}

# Known third-party leaks (see the file) are suppressed; anything else fails the run.
# Swift's own crash handler would catch the trap first and confuse ASan; let libFuzzer report it.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

status=0
summary=()
for t in "${targets[@]}"; do
    echo "== building fuzz-$t" >&2
    build_target "$t"
    out="fuzz-out/$t"
    mkdir -p "$out/corpus" "$out/artifacts"
    log="$out/fuzz.log"
    start=$(date +%s)
    # Every .npz input trips the suppressed ZIPFoundation leak, which makes libFuzzer run a full LeakSanitizer
    # scan per input (~40 execs/s). So npz fuzzes without per-input leak checks, then replays the whole
    # corpus it grew with leak checks on.
    leak_flags=()
    [ "$t" = npz ] && leak_flags=(-detect_leaks=0)
    # A target may have a dictionary of tokens its format needs (Fuzz/<target>.dict).
    dict_flags=()
    [ -f "Fuzz/$t.dict" ] && dict_flags=(-dict="Fuzz/$t.dict")
    set +e
    "$scratch/fuzz-$t" "$out/corpus" "Fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/artifacts/" "${leak_flags[@]}" "${dict_flags[@]}" >"$log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && [ ${#leak_flags[@]} -gt 0 ]; then
        "$scratch/fuzz-$t" "$out/corpus" -runs=0 -detect_leaks=1 -artifact_prefix="$out/artifacts/" \
            >"$out/replay.log" 2>&1
        rc=$?
    fi
    set -e
    elapsed=$(($(date +%s) - start))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    crashes=$(find "$out/artifacts" -type f | wc -l)
    line="$t: runs=${runs:-?} execs/s=${speed:-?} time=${elapsed}s exit=$rc artifacts=$crashes"
    echo "$line"
    summary+=("$line")
    [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ] && status=1
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
