#!/usr/bin/env python3
"""A prediction server that misbehaves on purpose, for airisk's endpoint tests.

Serves a fixed 3-class softmax model over 4 features on 127.0.0.1 (stdlib only). The path picks
the fault and how many requests suffer it before the server behaves: POST /FAULT/K/... where
FAULT is one of ok, hold (answers after 0.1 s), slow, error500, throttle, drop, malformed, truncated, wrongshape, labels, auth,
nan, bigwait, drip, echo500, echobad and K the number of faulty answers (e.g. /error500/2/v2/models/m/infer fails twice
then answers); echo answers K requests, then refuses every later one with 401. FAULT.STYLE picks
the echo's spelling (bare, noscheme, json, unicode, url, b64pair, pair; default: all of them).

drip sends its headers, then one byte of the body every 0.25 s (for at most 60 s). The echo faults
write back every credential they received (the Authorization and X-Api-Key headers, every query
value) in each spelling a server may use: as sent, without its scheme, JSON-escaped with a backslash before
each / and as \\u escapes, URL-encoded, base64 of a basic-auth pair built from it, decoded when it is a Basic pair, the
first one straddling the 160-byte snippet cut, plus ESC and BEL (raw after the JSON, or as \\u
escapes inside it for echobad, whose answer is a well-formed {"error": ...}).

The body format decides the protocol: {"inputs": [...]} is KServe V2, {"instances":
...} the row format. GET /stats reports what the server saw; GET .../v2/models/NAME is metadata.

Prints "PORT <n>" on its first line once listening; stops on SIGTERM or when stdin closes.
"""
import argparse
import base64
import json
import math
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

CLASSES = 3
FEATURES = 4
WEIGHTS = [[((c + 1) * (j + 1)) % 5 / 2.0 - 1.0 for j in range(FEATURES)] for c in range(CLASSES)]
TOKEN = "Bearer fault-secret-42"

lock = threading.Lock()
stats = {"requests": 0, "rows": 0, "answered_rows": 0, "faults": 0, "inflight": 0, "max_inflight": 0}
seen = {}


def probabilities(row):
    logits = [sum(w * x for w, x in zip(WEIGHTS[c], row)) for c in range(CLASSES)]
    m = max(logits)
    e = [math.exp(v - m) for v in logits]
    s = sum(e)
    return [v / s for v in e]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=None):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                return self.send(200, dict(stats))
        if "/v2/models/" in self.path:
            name = self.path.rstrip("/").split("/")[-1]
            return self.send(200, {
                "name": name, "platform": "fault-server",
                "inputs": [{"name": "x", "datatype": "FP32", "shape": [-1, FEATURES]}],
                "outputs": [{"name": "predict_proba", "datatype": "FP64", "shape": [-1, CLASSES]},
                            {"name": "predict", "datatype": "INT64", "shape": [-1]}]})
        self.send(404, {"error": "not found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        parts = self.path.strip("/").split("/")
        fault, limit = (parts[0], int(parts[1])) if len(parts) >= 2 and parts[1].isdigit() else ("ok", 0)
        fault, _, style = fault.partition(".")
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send(400, {"error": "request is not JSON"})
        v2 = "inputs" in body
        if v2:
            t = body["inputs"][0]
            rows = t["shape"][0]
            flat = t["data"]
            width = len(flat) // max(rows, 1)
            batch = [flat[i * width:(i + 1) * width] for i in range(rows)]
        else:
            batch = body["instances"]
            rows = len(batch)
        key = "/".join(parts[:2])
        with lock:
            stats["inflight"] += 1
            stats["max_inflight"] = max(stats["max_inflight"], stats["inflight"])
        try:
            self.respond(fault, limit, key, body, batch, rows, v2, style)
        finally:
            with lock:
                stats["inflight"] -= 1

    def echo(self, style, controls_in_json=False):
        """A body echoing every credential received in one spelling, or all of them (see the module doc)."""
        secrets = [self.headers.get(h) for h in ("Authorization", "X-Api-Key") if self.headers.get(h)]
        secrets += [v for k, v in parse_qsl(urlsplit(self.path).query) if k.lower() != "api-version"]
        forms = []
        for v in secrets:
            core = v.split(" ", 1)[1] if " " in v else v
            pair = base64.b64decode(core).decode() if v.lower().startswith("basic ") else None
            spelled = {
                "bare": v,
                "noscheme": core,
                "json": core.replace("/", "\\/"),
                "unicode": "".join("\\u%04x" % ord(c) for c in core),
                "url": quote(core, safe=""),
                "b64pair": base64.b64encode(("alice:" + core).encode()).decode(),
                "pair": pair or core,
            }
            if style in spelled:
                forms.append(spelled[style])
            else:
                forms += list(spelled.values()) + ([pair.split(":", 1)[1]] if pair else [])
        if style in spelled:
            text = "bad credentials: " + " ; ".join(forms)
        else:
            # '{"error": "' is 11 bytes: the first secret starts at byte 151 and runs over the 160-byte cut.
            text = "x" * 140 + " | ".join(forms)
        if controls_in_json:
            return ('{"error": "' + text + '\\u001b[2J\\u0007"}').encode()
        return ('{"error": "' + text + '"}').encode() + b"\x1b[2J\x07"

    def drip(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "4096")
        self.end_headers()
        self.wfile.flush()
        deadline = time.time() + 60
        try:
            while time.time() < deadline:
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.25)
        except OSError:
            pass
        self.close_connection = True

    def respond(self, fault, limit, key, body, batch, rows, v2, style=""):
        with lock:
            stats["requests"] += 1
            stats["rows"] += rows
            n = seen.get(key, 0)
            seen[key] = n + 1
            faulty = n >= limit if fault == "echo" else n < limit
            if faulty:
                stats["faults"] += 1

        if fault == "hold":
            time.sleep(0.1)
        if fault == "auth" and self.headers.get("Authorization") != TOKEN:
            return self.send(401, {"error": "bad credentials: " + str(self.headers.get("Authorization"))})
        if faulty:
            if fault == "slow":
                time.sleep(3)
            elif fault == "error500":
                return self.send(500, {"error": "internal error"})
            elif fault == "throttle":
                return self.send(429, {"error": "slow down"}, {"Retry-After": "1"})
            elif fault == "echo":
                return self.send(401, self.echo(style))
            elif fault == "echo500":
                return self.send(500, self.echo(style))
            elif fault == "echobad":
                return self.send(200, self.echo(style, controls_in_json=True))
            elif fault == "drip":
                return self.drip()
            elif fault == "bigwait":
                return self.send(503, {"error": "maintenance"}, {"Retry-After": "3600"})
            elif fault == "drop":
                self.close_connection = True
                self.connection.shutdown(2)
                return
            elif fault == "malformed":
                return self.send(200, b"{\"outputs\": [oops]}")
            elif fault == "truncated":
                return self.send(200, json.dumps(self.answer(batch, v2, body)).encode()[:40])
            elif fault == "wrongshape":
                return self.send(200, self.answer(batch[:-1] if rows > 1 else batch + batch, v2, body))
        if fault == "labels":
            labels = [max(range(CLASSES), key=lambda c: p[c]) for p in map(probabilities, batch)]
            if v2:
                answer = {"model_name": "m", "outputs": [
                    {"name": "predict", "datatype": "INT64", "shape": [rows], "data": labels}]}
            else:
                answer = {"predictions": labels}
        elif fault == "nan" and not v2:
            text = json.dumps({"predictions": [[math.nan, math.inf, -math.inf]] * rows})
            with lock:
                stats["answered_rows"] += rows
            return self.send(200, text.encode())
        else:
            answer = self.answer(batch, v2, body)
        with lock:
            stats["answered_rows"] += rows
        self.send(200, answer)

    def answer(self, batch, v2, body):
        probs = [probabilities(r) for r in batch]
        if not v2:
            return {"predictions": probs}
        wanted = [o["name"] for o in body.get("outputs", [])] or ["predict"]
        outputs = []
        for name in wanted:
            if name == "predict_proba":
                outputs.append({"name": name, "datatype": "FP64", "shape": [len(batch), CLASSES],
                                "data": [v for p in probs for v in p]})
            else:
                outputs.append({"name": "predict", "datatype": "INT64", "shape": [len(batch)],
                                "data": [max(range(CLASSES), key=lambda c: p[c]) for p in probs]})
        return {"model_name": "m", "outputs": outputs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Stop when the parent goes away (stdin closes) as well as on SIGTERM.
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
