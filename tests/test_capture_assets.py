"""The asset pass of capture (profile images for CON004) with a real Chromium: two PNGs served
on localhost are stored byte for byte next to their manifests, failures are named, the HAR
keeps no image body, and a replay with the server stopped gives the same bytes."""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest

from audit.capture import CaptureOptions, capture
from audit.images import dhash, hamming
from audit.model import AssetRef, CaptureTarget, Outcome
from audit.platforms.base import CapturePlan, Step
from audit.snapshot import read_snapshot, write_index
from tests.conftest import LocalServer
from tests.test_images import encode, logo, shop_photo

LOGO_PNG = encode(logo(320), "PNG")
PHOTO_PNG = encode(shop_photo(200), "PNG")


class Images(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        routes = {
            "/img/logo.png": (200, "image/png", LOGO_PNG),
            "/img/photo.png": (200, "image/png", PHOTO_PNG),
            "/img/page.png": (200, "text/html", b"<html><body>not an image</body></html>"),
        }
        status, ctype, body = routes.get(self.path, (404, "text/html", b"<html>gone</html>"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "sessionid=cdn-secret; Path=/")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def cdn(serve: Callable[[type[BaseHTTPRequestHandler]], LocalServer]) -> Iterator[LocalServer]:
    Images.hits = Counter()
    yield serve(Images)


def asset_jobs(cdn: LocalServer, *paths: str) -> list[tuple[CaptureTarget, CapturePlan]]:
    jobs: list[tuple[CaptureTarget, CapturePlan]] = []
    for path in paths:
        name = path.rsplit("/", 1)[1].split(".")[0]
        asset = AssetRef(url=cdn.url(path), key=f"avatar-{name}")
        jobs.append((asset, CapturePlan(steps=[Step("goto", asset.url)])))
    return jobs


def options(chromium: str, **kw: Any) -> CaptureOptions:
    base: dict[str, Any] = {"chromium": chromium, "jitter": 0.0, "timeout_s": 20.0, "retries": 0}
    return CaptureOptions(**(base | kw))


def stored(out: Path) -> dict[str, bytes]:
    """Asset key -> the bytes the snapshot holds for it (read back as an audit would)."""
    snap = read_snapshot(out)
    files = {pc.manifest.ref.key: pc.file("asset") for pc in snap.assets}
    return {key: path.read_bytes() for key, path in files.items() if path is not None}


def replayable(har_path: Path, image: bytes) -> dict[str, Any]:
    """The stored (sanitized) HAR with the image body put back from the stored bytes, as the
    browser recorded it: what an offline replay of this asset needs."""
    har: dict[str, Any] = json.loads(har_path.read_text(encoding="utf-8"))
    for entry in har["log"]["entries"]:
        content = entry["response"]["content"]
        if content.get("mimeType", "").startswith("image/"):
            content.update(text=base64.b64encode(image).decode("ascii"), encoding="base64")
            content.pop("comment", None)
    return har


@pytest.mark.browser
def test_asset_pass_stores_images_and_replays_them_offline(
    cdn: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    jobs = asset_jobs(cdn, "/img/logo.png", "/img/photo.png")
    live_dir = tmp_path / "live"
    live = capture(jobs, live_dir, options(chromium_path))
    write_index(live_dir, [], asset_keys=[m.ref.key for m in live])

    assert [(m.outcome, m.http_status, m.content_type) for m in live] == [
        (Outcome.OK, 200, "image/png"),
        (Outcome.OK, 200, "image/png"),
    ]
    images = stored(live_dir)
    assert images == {"avatar-logo": LOGO_PNG, "avatar-photo": PHOTO_PNG}
    assert hamming(dhash(images["avatar-logo"]), dhash(images["avatar-photo"])) > 10
    for m in live:
        folder = live_dir / m.ref.key
        assert sorted(p.name for p in folder.iterdir()) == [
            "capture.har",
            "image.bin",
            "manifest.json",
        ]
        har_text = (folder / "capture.har").read_text(encoding="utf-8")
        assert "cdn-secret" not in har_text  # no cookies kept
        [entry] = [
            e for e in json.loads(har_text)["log"]["entries"] if e["request"]["url"] == m.ref.url
        ]
        content = entry["response"]["content"]
        assert content["mimeType"] == "image/png" and "text" not in content  # bytes kept apart

    recorded: dict[str, Path] = {}
    for m in live:
        har = tmp_path / f"{m.ref.key}.har"
        har.write_text(
            json.dumps(replayable(live_dir / m.ref.key / "capture.har", images[m.ref.key]))
        )
        recorded[m.ref.key] = har
    hits = sum(Images.hits.values())
    cdn.stop()

    replay_dir = tmp_path / "replay"
    replayed = capture(jobs, replay_dir, options(chromium_path, replay=recorded))
    write_index(replay_dir, [], asset_keys=[m.ref.key for m in replayed])
    assert sum(Images.hits.values()) == hits  # nothing reached the stopped server
    assert [(m.outcome, m.input_kind, m.content_type) for m in replayed] == [
        (Outcome.OK, "har", "image/png")
    ] * 2
    assert stored(replay_dir) == images


@pytest.mark.browser
def test_a_failed_or_wrong_asset_is_named_and_stores_nothing(
    cdn: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    jobs = asset_jobs(cdn, "/img/missing.png", "/img/page.png")
    out = tmp_path / "out"
    missing, page = capture(jobs, out, options(chromium_path))
    assert missing.outcome is Outcome.NOT_FOUND and missing.http_status == 404
    assert missing.reason == "HTTP 404 Not Found: the image could not be downloaded"
    assert page.outcome is Outcome.ERROR and "is not an image (text/html)" in (page.reason or "")
    for m in (missing, page):
        assert m.content_type is None
        assert not (out / m.ref.key / "image.bin").exists()
        assert not (out / m.ref.key / "screenshot.png").exists()

    # A replay whose HAR lacks the image fails without the network, like any replay.
    empty = tmp_path / "empty.har"
    empty.write_text(json.dumps({"log": {"version": "1.2", "entries": []}}))
    cdn.stop()
    [offline] = capture(
        asset_jobs(cdn, "/img/logo.png"), tmp_path / "r", options(chromium_path, replay=empty)
    )
    assert (
        offline.outcome is Outcome.ERROR
        and not (tmp_path / "r" / "avatar-logo" / "image.bin").exists()
    )
