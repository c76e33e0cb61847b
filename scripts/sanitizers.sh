#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer.
#
#   scripts/sanitizers.sh [address|thread ...]      (default: both)
#
# Each sanitizer builds into its own scratch path (.build-asan, .build-tsan) so the normal .build stays
# untouched. Known third-party leaks and LeakSanitizer false positives are suppressed through
# scripts/lsan-suppressions.txt. Prints the time each run took and exits non-zero if any run fails.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TSAN_OPTIONS="halt_on_error=0${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

status=0
for s in "${sanitizers[@]}"; do
    case "$s" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "unknown sanitizer $s (address or thread)" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch"
    log="$scratch/sanitizers.log"
    start=$(date +%s)
    set +e
    swift test --sanitize="$s" --scratch-path "$scratch" >"$log" 2>&1
    rc=$?
    set -e
    elapsed=$(($(date +%s) - start))
    pattern='^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread|Leak)Sanitizer)'
    reports=$(grep -acE "$pattern" "$log" || true)
    summary=$(grep -aE 'Test run with [0-9]+ tests' "$log" | tail -1 || true)
    echo "$s: exit=$rc time=${elapsed}s sanitizer-reports=$reports ${summary}"
    [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ] && status=1
done
exit $status
