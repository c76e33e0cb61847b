#!/usr/bin/env python3
"""A model command for airisk's tests: JSON lines on stdin/stdout with the fault server's model.

Usage: jsonl_model.py ok | crash | ansi | hang | garbage | trap
  ok       answers every line {"instances": rows} with {"predictions": probabilities}
  crash    answers one line, then writes to stderr and exits with status 3
  ansi     like crash, with terminal escape sequences (ESC, BEL) in its stderr
  hang     answers one line, then stops answering (sleeps)
  garbage  answers with a line that is not JSON
  trap     ignores SIGTERM, SIGINT and SIGHUP, starts a helper that ignores them too (in its
           process group), and answers like ok; only SIGKILL stops it

With AIRISK_TEST_PGID_FILE set, the process group id is written there at start; with
AIRISK_TEST_DELAY, each answer waits that many seconds.
"""
import json
import math
import os
import signal
import subprocess
import sys
import time

WEIGHTS = [[((c + 1) * (j + 1)) % 5 / 2.0 - 1.0 for j in range(4)] for c in range(3)]


def probabilities(row):
    logits = [sum(w * x for w, x in zip(ws, row)) for ws in WEIGHTS]
    m = max(logits)
    e = [math.exp(v - m) for v in logits]
    return [v / sum(e) for v in e]


mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
delay = float(os.environ.get("AIRISK_TEST_DELAY", "0"))
if mode == "trap":
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, signal.SIG_IGN)
    # Ignored dispositions pass to the helper; it outlives its parent unless its group is killed.
    helper = subprocess.Popen(["sleep", "300"])
    sys.stderr.write(f"helper {helper.pid}\n")
    sys.stderr.flush()
if os.environ.get("AIRISK_TEST_PGID_FILE"):
    with open(os.environ["AIRISK_TEST_PGID_FILE"], "w") as f:
        f.write(str(os.getpgrp()))
answered = 0
for line in sys.stdin:
    time.sleep(delay)
    if mode == "ansi" and answered == 1:
        sys.stderr.write("\x1b]0;owned\x07\x1b[2Jfatal: \x1b[31mbad weights\x1b[0m\n")
        sys.stderr.flush()
        sys.exit(3)
    if mode == "crash" and answered == 1:
        sys.stderr.write("Traceback (most recent call last):\nValueError: model weights are corrupt\n")
        sys.stderr.flush()
        sys.exit(3)
    if mode == "hang" and answered == 1:
        time.sleep(60)
    if mode == "garbage":
        print("this is not json", flush=True)
        continue
    rows = json.loads(line)["instances"]
    print(json.dumps({"predictions": [probabilities(r) for r in rows]}), flush=True)
    answered += 1
