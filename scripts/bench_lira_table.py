#!/usr/bin/env python3
"""Markdown tables of `scripts/bench.sh lira`'s log: the AIRISK_REFS / PYTHON_REFS lines (the same reference models)
and the AIRISK_LIRA / PYTHON_LIRA lines (each trains its own), medians over the runs. Standard library only.

    python3 scripts/bench_lira_table.py LOG
"""

import re
import statistics
import sys

ATTACKS = [("lira-online", "LiRA online"), ("lira-offline", "LiRA offline"), ("rmia-online", "RMIA online"),
           ("rmia-offline", "RMIA offline")]
LINE = re.compile(r"^(AIRISK|PYTHON)_(REFS|LIRA) run (\d+): ([0-9.]+) s; (.*)$")
FIGURE = re.compile(r"([\w-]+) AUC ([0-9.]+) TPR@1%FPR ([0-9.]+)")
RECIPE = re.compile(r"recipe (\d+) epochs L2 ([0-9.e-]+) \(([^;)]*)(?:; reference IN/OUT loss ([0-9.e+-]+)/([0-9.e+-]+))?")


def parse(path):
    runs = []
    for line in open(path):
        m = LINE.match(line.strip())
        if not m:
            continue
        who, mode, run, wall, rest = m.groups()
        figures = {name: (float(auc), float(tpr)) for name, auc, tpr in FIGURE.findall(rest)}
        recipe = RECIPE.search(rest)
        runs.append(dict(who=who, mode=mode, run=int(run), wall=float(wall), figures=figures,
                         recipe=(f"{recipe.group(1)} ep, L2 {float(recipe.group(2)):g}, {recipe.group(3)}"
                                 + (f" (IN / OUT loss {recipe.group(4)} / {recipe.group(5)})" if recipe.group(4) else ""))
                         if recipe else ""))
    return runs


def median(values):
    return statistics.median(values) if values else float("nan")


def pick(runs, who, mode):
    return sorted((r for r in runs if r["who"] == who and r["mode"] == mode), key=lambda r: r["run"])


def med_figure(rows, attack, index):
    return median([r["figures"][attack][index] for r in rows if attack in r["figures"]])


def spread(rows, attack, index):
    values = {r["figures"][attack][index] for r in rows if attack in r["figures"]}
    return "" if len(values) <= 1 else f" ({min(values):.3f}–{max(values):.3f})"


def main():
    runs = parse(sys.argv[1])
    a_refs, p_refs = pick(runs, "AIRISK", "REFS"), pick(runs, "PYTHON", "REFS")
    a_own, p_own = pick(runs, "AIRISK", "LIRA"), pick(runs, "PYTHON", "LIRA")

    print(f"### Same 16 reference models, same records (medians of {len(a_refs)} / {len(p_refs)} runs)")
    print()
    print("| attack | airisk AUC | Python AUC | |ΔAUC| | airisk TPR@1% FPR | Python TPR@1% FPR |")
    print("|---|---:|---:|---:|---:|---:|")
    for key, label in ATTACKS:
        aa, pa = med_figure(a_refs, key, 0), med_figure(p_refs, key, 0)
        print(f"| {label} | {aa:.4f}{spread(a_refs, key, 0)} | {pa:.4f}{spread(p_refs, key, 0)} | {abs(aa - pa):.4f} "
              f"| {med_figure(a_refs, key, 1):.3f}{spread(a_refs, key, 1)} "
              f"| {med_figure(p_refs, key, 1):.3f}{spread(p_refs, key, 1)} |")
    at, pt = median([r["wall"] for r in a_refs]), median([r["wall"] for r in p_refs])
    a_times = ", ".join(f"{r['wall']:.3f}" for r in a_refs)
    p_times = ", ".join(f"{r['wall']:.3f}" for r in p_refs)
    print(f"| **time, all four attacks** | **{at:.3f} s** | **{pt:.3f} s** | Python / airisk {pt / at:.1f}× | "
          f"runs: {a_times} | runs: {p_times} |")
    print()

    print("### Each trains its own 16 reference models (standard profile; seed = run)")
    print()
    targets = {m.group(1) for m in re.finditer(r"target member/non-member ([0-9.e+-]+/[0-9.e+-]+)",
                                                open(sys.argv[1]).read())}
    if targets:
        print(f"Target's mean cross-entropy, members / non-members: {', '.join(sorted(targets))}")
        print()
    header = " | ".join(f"{label} AUC / TPR@1%" for _, label in ATTACKS)
    print(f"| run | implementation | time | reference recipe | {header} |")
    print("|---|---|---:|---|" + "---|" * len(ATTACKS))
    for who, rows in (("airisk", a_own), ("Python", p_own)):
        for r in rows:
            cells = " | ".join(
                f"{r['figures'][k][0]:.3f} / {r['figures'][k][1]:.3f}" if k in r["figures"] else "—"
                for k, _ in ATTACKS)
            print(f"| {r['run']} | {who} | {r['wall']:.2f} s | {r['recipe']} | {cells} |")
    for who, rows in (("airisk", a_own), ("Python", p_own)):
        cells = " | ".join(f"{med_figure(rows, k, 0):.3f} / {med_figure(rows, k, 1):.3f}" for k, _ in ATTACKS)
        print(f"| median | **{who}** | **{median([r['wall'] for r in rows]):.2f} s** | | {cells} |")


if __name__ == "__main__":
    main()
