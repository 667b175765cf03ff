"""Time and peak memory of whole audits against input size (1x, 10x, 100x), so growth shows.

    .venv/bin/python bench/size.py            # every case
    .venv/bin/python bench/size.py bio posts  # some cases

Each run is a real `findable audit ... --json --no-history` in its own process; peak RSS is
that process's own (os.wait4), time is wall clock. Cases, built from the project's invented
Bluesky fixtures:

- bio:   one profile whose bio is 10 KB / 100 KB / 1 MB (texts are cut at TEXT_MAX)
- posts: an author feed of 500 / 5,000 / 50,000 posts
- har:   a HAR of ~0.9 / 9 / 90 MB (feed pages plus image bodies), and one over the HAR
         size limit, which must be refused before it is read
"""

from __future__ import annotations

import base64
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "bluesky"
PROFILE = json.loads((FIXTURES / "getProfile_cajnica-zarja.json").read_text())
FEED = json.loads((FIXTURES / "getAuthorFeed_cajnica-zarja.json").read_text())
API = "https://public.api.bsky.app/xrpc"
ACTOR = PROFILE["handle"]


def feed_items(n: int, offset: int = 0) -> list[dict[str, Any]]:
    items = []
    base = FEED["feed"]
    for i in range(n):
        item = copy.deepcopy(base[i % len(base)])
        post = item["post"]
        rkey = f"3l{offset + i:011d}"
        post["uri"] = post["uri"].rsplit("/", 1)[0] + "/" + rkey
        post["cid"] = f"bafy{offset + i:020d}"
        day = 1 + (offset + i) % 28
        post["record"]["createdAt"] = f"2025-{1 + (offset + i) // 28 % 12:02d}-{day:02d}T08:30Z"
        post["indexedAt"] = post["record"]["createdAt"]
        items.append(item)
    return items


def entry(url: str, mime: str, text: str, encoding: str | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"mimeType": mime, "size": len(text), "text": text}
    if encoding:
        content["encoding"] = encoding
    return {
        "startedDateTime": "2026-11-20T09:30:00.000Z",
        "request": {"method": "GET", "url": url, "headers": [], "cookies": []},
        "response": {"status": 200, "headers": [], "cookies": [], "content": content},
    }


def case_bio(folder: Path, scale: int) -> list[str]:
    profile = dict(PROFILE, description="Čajnica v Ljubljani, perzijski čaj. " * (290 * scale))
    path = folder / "getProfile.json"
    path.write_text(json.dumps(profile))
    return ["--from", str(path), "--platform", "bluesky"]


def case_posts(folder: Path, scale: int) -> list[str]:
    profile = folder / "getProfile.json"
    profile.write_text(json.dumps(PROFILE))
    feed = folder / "getAuthorFeed.json"
    feed.write_text(json.dumps({"feed": feed_items(500 * scale)}))
    return ["--from", str(profile), "--from", str(feed), "--platform", "bluesky"]


def build_har(scale: float) -> dict[str, Any]:
    """About 0.9 MB per unit of scale: 8 feed pages of 50 posts and one 200 KB image."""
    entries = [entry(f"{API}/app.bsky.actor.getProfile?actor={ACTOR}", "application/json",
                     json.dumps(PROFILE))]  # fmt: skip
    image = base64.b64encode(os.urandom(150_000)).decode()
    for page in range(max(1, int(8 * scale))):
        url = f"{API}/app.bsky.feed.getAuthorFeed?actor={ACTOR}&limit=50&cursor=c{page}"
        body = {"feed": feed_items(50, offset=page * 50)}
        entries.append(entry(url, "application/json", json.dumps(body)))
        if page % 8 == 0:
            entries.append(entry(f"https://cdn.bsky.app/img/{page}.png", "image/png", image,
                                 "base64"))  # fmt: skip
    return {"log": {"version": "1.2", "creator": {"name": "bench"}, "entries": entries}}


def case_har(folder: Path, scale: int) -> list[str]:
    path = folder / "big.har"
    path.write_text(json.dumps(build_har(scale)))
    return ["--har", str(path)]


def case_har_over_limit(folder: Path, _scale: int) -> list[str]:
    from audit.safeio import MAX_HAR_BYTES

    path = folder / "huge.har"
    with path.open("wb") as fh:  # sparse: the size is what matters, and it is never read
        fh.truncate(MAX_HAR_BYTES * 2)
    return ["--har", str(path)]


CASES: dict[str, tuple[Callable[[Path, int], list[str]], tuple[int, ...]]] = {
    "bio": (case_bio, (1, 10, 100)),
    "posts": (case_posts, (1, 10, 100)),
    "har": (case_har, (1, 10, 100)),
    "har-over-limit": (case_har_over_limit, (1,)),
}


def run(args: list[str], folder: Path) -> tuple[int, float, float, list[str]]:
    cmd = [sys.executable, "-m", "audit", "audit", *args, "--json", "--no-history",
           "--captured-at", "2026-11-20T09:30Z", "--out", str(folder / "out")]  # fmt: skip
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - began
    return proc.returncode, elapsed, usage.ru_maxrss / 1024, err.strip().splitlines()[-1:]


def main() -> None:
    chosen = sys.argv[1:] or list(CASES)
    print(f"{'case':16} {'scale':>6} {'input':>10} {'exit':>5} {'time':>9} {'peak RSS':>10}")
    for name in chosen:
        build, scales = CASES[name]
        for scale in scales:
            with tempfile.TemporaryDirectory(prefix="findable-bench-") as tmp:
                folder = Path(tmp)
                args = build(folder, scale)
                size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
                code, elapsed, rss, err = run(args, folder)
                note = f"  {err[0][:90]}" if code != 0 and err else ""
                print(
                    f"{name:16} {scale:>5}x {size / 1e6:>8.1f}MB {code:>5} {elapsed:>8.1f}s "
                    f"{rss:>8.0f}MB{note}",
                    flush=True,
                )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
