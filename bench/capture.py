"""Capture throughput on localhost: `python bench/capture.py [--profiles N] [--concurrency C]`.

Speed belongs here, not in tests. Serves N profile-like pages (HTML that loads its own JSON,
plus an image and a stylesheet that capture should block), captures them live, then replays
the recorded HARs with the server stopped, and prints wall time per phase. The server adds a
fixed latency per request so concurrency has something to overlap.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit.capture import CaptureOptions, capture
from audit.model import Platform, ProfileRef
from audit.platforms.base import CapturePlan, Step

LATENCY_S = 0.15
PAGE = """<!doctype html><html><head><link rel=stylesheet href=/s.css></head><body>
<h1>{name}</h1><img src=/a.png><div id=bio></div><script>
fetch('/api/{name}.json').then(r => r.json()).then(d => {{
  document.getElementById('bio').textContent = d.bio; }});
</script></body></html>"""


class Site(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        time.sleep(LATENCY_S)
        if self.path.startswith("/u/"):
            body, ctype = PAGE.format(name=self.path.split("/")[2]), "text/html"
        elif self.path.startswith("/api/"):
            body, ctype = json.dumps({"bio": "bench " * 50}), "application/json"
        else:
            body, ctype = "x" * 20000, "application/octet-stream"
        raw = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=12)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    jobs = []
    for i in range(args.profiles):
        url = f"{base}/u/p{i}/"
        ref = ProfileRef(platform=Platform.INSTAGRAM, handle=f"p{i}", url=url)
        jobs.append((ref, CapturePlan(steps=[Step("goto", url)])))
    options = CaptureOptions(concurrency=args.concurrency, per_host=args.concurrency, jitter=0.0)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        live = capture(jobs, out / "live", options)
        live_s = time.perf_counter() - started
        httpd.shutdown()
        hars = {m.ref.key: out / "live" / m.ref.key / "capture.har" for m in live}
        started = time.perf_counter()
        replay = capture(jobs, out / "replay", dataclasses.replace(options, replay=hars))
        replay_s = time.perf_counter() - started
        ok = [sum(m.outcome.value == "ok" for m in run) for run in (live, replay)]
        size = sum(p.stat().st_size for p in (out / "live").rglob("*") if p.is_file())

    n = args.profiles
    print(f"profiles={n} concurrency={args.concurrency} latency={LATENCY_S}s/request")
    print(f"live:   {live_s:6.2f} s  ({live_s / n:.2f} s/profile)  ok={ok[0]}/{n}")
    print(f"replay: {replay_s:6.2f} s  ({replay_s / n:.2f} s/profile)  ok={ok[1]}/{n}")
    print(f"snapshot size: {size / 1024:.0f} KiB ({size / 1024 / n:.0f} KiB/profile)")


if __name__ == "__main__":
    main()
