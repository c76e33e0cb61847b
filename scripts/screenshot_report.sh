#!/usr/bin/env bash
# Renders the sample report (every format, English and Japanese) through the AIRiskReportTests sample test and
# takes headless-Chromium screenshots of report.html, so a person can look at the page as a user would.
#
#   scripts/screenshot_report.sh [OUT_DIR]     (default: reports/sample)
#
# Needs Debian's chromium and a Japanese font (installed with apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-reports/sample}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi -e ipagothic -e "noto sans cjk"; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y --no-install-recommends chromium fonts-ipafont-gothic >/dev/null
    else
        echo "install chromium and fonts-ipafont-gothic (apt-get) first" >&2
        exit 1
    fi
fi

AIRISK_SAMPLE_REPORT_DIR="$OUT" swift test --filter "SampleReportTests" >/dev/null

for lang in en ja; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,"${HEIGHT:-5400}" \
        --screenshot="$OUT/report-$lang.png" "file://$OUT/$lang/report.html" 2>/dev/null
    echo "$OUT/report-$lang.png"
    # A phone, 390 px wide: headless Chromium's window is at least 500 px, so the page runs in a 390-px iframe.
    printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s" style="width:390px;height:%spx;border:0">
</iframe></body></html>' "$lang/report.html" "${PHONE_HEIGHT:-12000}" >"$OUT/phone-$lang.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=500,"${PHONE_HEIGHT:-12000}" \
        --screenshot="$OUT/report-$lang-390.png" "file://$OUT/phone-$lang.html" 2>/dev/null
    echo "$OUT/report-$lang-390.png"
done
