#!/usr/bin/env python3
"""Extreme-but-valid results documents for the chart tests (issue 15, finding 4).

    python3 scripts/make_extreme_results.py BASE.xml    # writes Tests/AIRiskReportTests/Fixtures/extreme/

BASE.xml is any results.xml that passes `airisk validate` and has at least one curve and one histogram
(the committed fixtures were made from the report tests' SampleResults document). Each output replaces the
first curve's or histogram's numbers, and stays valid against the results schema (xs:double allows every
finite value, NaN and INF):

    log_axis_huge.xml         a log-log curve with x = 1.7e308
    log_axis_tiny.xml         a log-log curve with x = 5e-324
    linear_axis_span.xml      a linear curve spanning -1.7e308 … 1.7e308 on both axes
    histogram_equal_edges.xml histogram edges all equal to 1e17
    non_finite.xml            NaN and ±INF in a curve and in histogram edges (drawn without them, with a note)
"""

import os
import re
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "AIRiskReportTests", "Fixtures", "extreme")


def replace_first_curve(xml, log, xs, ys):
    def fix(match):
        curve = match.group(0)
        curve = re.sub(r'logX="[^"]*"', f'logX="{str(log).lower()}"', curve, count=1)
        curve = re.sub(r'logY="[^"]*"', f'logY="{str(log).lower()}"', curve, count=1)
        curve = re.sub(r"<x>[^<]*</x>", f"<x>{' '.join(xs)}</x>", curve, count=1)
        curve = re.sub(r"<y>[^<]*</y>", f"<y>{' '.join(ys)}</y>", curve, count=1)
        return curve

    return re.sub(r"<curve\b.*?</curve>", fix, xml, count=1, flags=re.S)


def replace_first_histogram(xml, edges):
    def fix(match):
        h = match.group(0)
        n = len(edges) - 1
        h = re.sub(r"<edges>[^<]*</edges>", f"<edges>{' '.join(edges)}</edges>", h, count=1)
        h = re.sub(r"<counts>[^<]*</counts>", f"<counts>{' '.join(str(i + 1) for i in range(n))}</counts>", h)
        return h

    return re.sub(r"<histogram\b.*?</histogram>", fix, xml, count=1, flags=re.S)


def main():
    base = open(sys.argv[1], encoding="utf-8").read()
    assert "<curve" in base and "<histogram" in base, "the base needs a curve and a histogram"
    os.makedirs(OUT, exist_ok=True)
    variants = {
        "log_axis_huge.xml": replace_first_curve(base, True, ["0.001", "0.5", "1.7e308"], ["0.01", "0.5", "1"]),
        "log_axis_tiny.xml": replace_first_curve(base, True, ["5e-324", "0.5", "1"], ["0.01", "5e-324", "1"]),
        "linear_axis_span.xml": replace_first_curve(
            base, False, ["-1.7e308", "0", "1.7e308"], ["-1.7e308", "1", "1.7e308"]
        ),
        "histogram_equal_edges.xml": replace_first_histogram(base, ["1e17"] * 11),
        "non_finite.xml": replace_first_histogram(
            replace_first_curve(base, False, ["0", "NaN", "0.5", "INF", "1"], ["0", "0.2", "-INF", "0.7", "1"]),
            ["0", "NaN", "2", "INF", "4"],
        ),
    }
    for name, text in variants.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
