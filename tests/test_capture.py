"""Capture against a real Chromium and pages served on localhost, then offline replay.

The server imitates what platforms do that matters to capture: a profile page whose own
JavaScript loads its data as JSON, API endpoints answering in-page fetches with headers,
cookies set on every answer, images and styles, 404s, redirects to a login page, rate
limits, flaky 5xx, and answers that never come.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest

from audit.capture import CaptureOptions, capture, capture_async, classify
from audit.documents import Document
from audit.errors import BrowserMissingError, InputError
from audit.model import Outcome, Platform, ProfileRef
from audit.platforms.base import CapturePlan, Step
from audit.snapshot import read_snapshot
from tests.conftest import LocalServer

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

PROFILE_PAGE = """<!doctype html>
<html><head><title>{name} on Testgram</title>
<link rel="stylesheet" href="/static/site.css">
<meta property="og:description" content="Profile of {name}">
</head><body>
<h1>{name}</h1><img src="/img/avatar.png" alt="avatar"><div id="bio">loading</div>
<script>
fetch('/api/profile/{name}.json').then(r => r.json()).then(d => {{
  document.getElementById('bio').textContent = d.bio;
}});
</script></body></html>"""


class App(BaseHTTPRequestHandler):
    """Routes for the capture tests; class-level state is reset per test (see `app`)."""

    lock: ClassVar[threading.Lock] = threading.Lock()
    hits: ClassVar[Counter[str]] = Counter()
    headers_seen: ClassVar[dict[str, dict[str, str]]] = {}
    active: ClassVar[Counter[str]] = Counter()
    peak: ClassVar[Counter[str]] = Counter()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test output is for assertions."""

    def end_headers(self) -> None:
        """Allow credentialed cross-origin fetches, like a platform's API host does."""
        origin = self.headers.get("Origin")
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Credentials", "true")
            self.send_header("Access-Control-Allow-Headers", "x-findable-test")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.end_headers()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        host = (self.headers.get("Host") or "").split(":")[0]
        with self.lock:
            self.hits[path] += 1
            self.headers_seen[path] = {k.lower(): v for k, v in self.headers.items()}
            hit = self.hits[path]
        if path.startswith("/u/"):
            name = path.split("/")[2]
            self._send(200, "text/html; charset=utf-8", PROFILE_PAGE.format(name=name))
        elif path.startswith("/api/profile/"):
            name = path.rsplit("/", 1)[1].removesuffix(".json")
            profile = {"user": name, "bio": f"Bakery in Porto. {name} bakes daily."}
            self._send(200, "application/json", json.dumps(profile))
        elif path == "/api/feed":
            feed = {"posts": [{"id": "1", "text": "fresh bread"}], "next": "/api/more?c=2"}
            self._send(200, "application/json", json.dumps(feed))
        elif path == "/api/more":
            self._send(200, "application/json", json.dumps({"posts": [{"id": "2"}]}))
        elif path == "/api/secret":
            self._send(401, "application/json", json.dumps({"error": "login required"}))
        elif path == "/img/avatar.png":
            self._send(200, "image/png", PNG)
        elif path == "/static/site.css":
            self._send(200, "text/css", "body{color:red}")
        elif path == "/private/":
            self.send_response(302)
            self.send_header("Location", "/accounts/login/?next=/private/")
            self.end_headers()
        elif path == "/accounts/login/":
            self._send(200, "text/html", "<html><body><form>Log in</form></body></html>")
        elif path == "/flaky/":
            if hit == 1:
                self._send(500, "text/html", "<html><body>oops</body></html>")
            else:
                self._send(200, "text/html", "<html><body><h1>flaky ok</h1></body></html>")
        elif path == "/ratelimited/":
            self._send(429, "text/html", "<html><body>slow down</body></html>")
        elif path == "/captcha/":
            self._send(403, "text/html", "<html><body><div class=g-recaptcha>captcha</div>")
        elif path == "/slow/":
            time.sleep(4)
            self._send(200, "text/html", "<html><body>too late</body></html>")
        elif path.startswith("/busy/"):
            self._busy(host, path)
        else:
            self._send(404, "text/html", "<html><body>Sorry, this page isn't available.</body>")

    def _busy(self, host: str, path: str) -> None:
        with self.lock:
            self.active[host] += 1
            self.active["*"] += 1
            for key in (host, "*"):
                self.peak[key] = max(self.peak[key], self.active[key])
        try:
            time.sleep(0.3)
            self._send(200, "text/html", f"<html><body>{path}</body></html>")
        finally:
            with self.lock:
                self.active[host] -= 1
                self.active["*"] -= 1

    def _send(self, status: int, ctype: str, body: str | bytes) -> None:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(raw)))
            self.send_header("Set-Cookie", "sessionid=server-secret-cookie; Path=/")
            self.end_headers()
            self.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser gave up (timeout tests)


@pytest.fixture
def app(serve: Callable[[type[BaseHTTPRequestHandler]], LocalServer]) -> Iterator[LocalServer]:
    App.hits = Counter()
    App.headers_seen = {}
    App.active = Counter()
    App.peak = Counter()
    yield serve(App)


def ref(name: str, url: str) -> ProfileRef:
    return ProfileRef(platform=Platform.INSTAGRAM, handle=name, url=url)


def goto(url: str, **kw: Any) -> CapturePlan:
    return CapturePlan(steps=[Step("goto", url, **kw)])


def fast(tmp: Path, chromium: str, **kw: Any) -> CaptureOptions:
    """Options for tests: no politeness delays, tiny backoff."""
    base: dict[str, Any] = {
        "chromium": chromium,
        "jitter": 0.0,
        "backoff_s": 0.05,
        "timeout_s": 20.0,
        "settle_s": 2.0,
    }
    return CaptureOptions(**(base | kw))


def full_plan(app: LocalServer, name: str, api_host: str = "127.0.0.1") -> CapturePlan:
    """The shape of a real platform plan: the profile page, an in-page API fetch with the
    web app's header (cross-origin when `api_host` differs), and a follow-up computed from
    the fetched JSON."""

    def follow(docs: Sequence[Document]) -> list[Step]:
        for doc in docs:
            if isinstance(doc.data, dict) and doc.data.get("next"):
                return [Step("fetch", app.url(doc.data["next"]))]
        return []

    return CapturePlan(
        steps=[
            Step("goto", app.url(f"/u/{name}/"), wait_for="#bio"),
            Step(
                "fetch",
                app.url("/api/feed", host=api_host),
                headers={"X-Findable-Test": "app-id-936"},
            ),
        ],
        follow=follow,
    )


def har_of(out: Path, key: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / key / "capture.har").read_text(encoding="utf-8"))
    return data


def docs_by_path(out: Path, key: str) -> dict[str, Document]:
    snap = read_snapshot(out)
    profile = next(p for p in snap.profiles if p.manifest.ref.key == key)
    return {urlsplit(d.url or "").path: d for d in profile.documents()}


# --- live capture ----------------------------------------------------------------------


@pytest.mark.browser
def test_profile_capture_keeps_html_and_json_and_drops_the_rest(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    r = ref("bluedoor", app.url("/u/bluedoor/"))
    events: list[tuple[str, str]] = []
    manifests = capture(
        [(r, full_plan(app, "bluedoor"))],
        tmp_path,
        fast(tmp_path, chromium_path),
        progress=lambda ref, state: events.append((ref.key, state)),
        context={"brand": {"name": "Blue Door"}},
    )

    [m] = manifests
    assert m.outcome is Outcome.OK, m.reason
    assert (m.http_status, m.final_url, m.input_kind) == (200, app.url("/u/bluedoor/"), "live")
    assert m.browser_version and m.browser_version.startswith("Chromium ")
    assert events == [(r.key, "start"), (r.key, "ok")]

    folder = tmp_path / r.key
    assert (folder / "screenshot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = (folder / "page.html").read_text(encoding="utf-8")
    assert "Bakery in Porto" in dom  # the page's own fetch ran before the DOM was kept
    assert m.files == {"har": "capture.har", "dom": "page.html", "screenshot": "screenshot.png"}

    docs = docs_by_path(tmp_path, r.key)
    assert docs["/u/bluedoor/"].kind == "html"
    assert docs["/api/profile/bluedoor.json"].data["user"] == "bluedoor"  # page's own XHR
    assert docs["/api/feed"].data["next"] == "/api/more?c=2"  # the fetch step
    assert docs["/api/more"].data == {"posts": [{"id": "2"}]}  # the follow-up step
    assert App.headers_seen["/api/feed"]["x-findable-test"] == "app-id-936"

    # Images and styles were never requested, and no body but HTML/JSON is stored.
    assert App.hits["/img/avatar.png"] == 0 and App.hits["/static/site.css"] == 0
    for entry in har_of(tmp_path, r.key)["log"]["entries"]:
        mime = entry["response"]["content"].get("mimeType", "")
        if "text" in entry["response"]["content"]:
            assert "html" in mime or "json" in mime, entry["request"]["url"]

    snap = read_snapshot(tmp_path)
    assert snap.context == {"brand": {"name": "Blue Door"}}
    assert [p.manifest.ref.key for p in snap.profiles] == [r.key]


@pytest.mark.browser
def test_an_api_profile_is_captured_from_its_json_answers(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    """The Bluesky and Mastodon shape: every step is an API URL whose JSON answer is the
    document, and a follow-up computed from one of them (no idle-network wait is needed, as
    nothing on a JSON document loads more)."""

    def follow(docs: Sequence[Document]) -> list[Step]:
        return [
            Step("goto", app.url(doc.data["next"]))
            for doc in docs
            if isinstance(doc.data, dict) and doc.data.get("next")
        ]

    r = ref("bluedoor", app.url("/api/profile/bluedoor.json"))
    plan = CapturePlan(
        steps=[
            Step("goto", app.url("/api/profile/bluedoor.json")),
            Step("goto", app.url("/api/feed")),
        ],
        follow=follow,
    )
    [m] = capture([(r, plan)], tmp_path, fast(tmp_path, chromium_path))
    assert m.outcome is Outcome.OK, m.reason
    assert m.http_status == 200
    docs = docs_by_path(tmp_path, r.key)
    assert docs["/api/profile/bluedoor.json"].data["bio"].startswith("Bakery in Porto")
    assert docs["/api/feed"].data["posts"][0]["text"] == "fresh bread"
    assert docs["/api/more"].data == {"posts": [{"id": "2"}]}
    assert App.hits["/api/more"] == 1


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("application/activity+json", True),
        ("Application/LD+JSON", True),
        ("text/html; charset=utf-8", False),
        ("application/xhtml+xml", False),
        ("text/plain", False),
        ("", False),
        ("application/jsonp", False),
    ],
)
def test_which_answers_are_data(content_type: str, data: bool) -> None:
    from audit.capture import _is_data

    assert _is_data(content_type) is data


@pytest.mark.browser
def test_no_cookie_or_credential_is_stored(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    """The server sets a cookie on every answer and the owner's storage state carries a
    session: both must reach the server and neither may reach the disk."""
    state = tmp_path / "state.json"
    state.write_text(
        json.dumps(
            {
                "cookies": [
                    {
                        "name": "owner_session",
                        "value": "owner-secret-token",
                        "domain": "127.0.0.1",
                        "path": "/",
                        "expires": -1,
                        "httpOnly": True,
                        "secure": False,
                        "sameSite": "Lax",
                    }
                ],
                "origins": [],
            }
        )
    )
    out = tmp_path / "snap"
    r = ref("bluedoor", app.url("/u/bluedoor/"))
    [m] = capture(
        [(r, full_plan(app, "bluedoor"))],
        out,
        fast(tmp_path, chromium_path, storage_state=state, block_resources=False),
    )
    assert m.outcome is Outcome.OK, m.reason
    assert "owner-secret-token" in App.headers_seen["/api/feed"]["cookie"]
    assert App.hits["/img/avatar.png"] == 1  # not blocked when asked not to

    stored = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"owner-secret-token" not in stored
    assert b"server-secret-cookie" not in stored
    for entry in har_of(out, r.key)["log"]["entries"]:
        for side in ("request", "response"):
            assert not entry[side].get("cookies")
            names = {h["name"].lower() for h in entry[side]["headers"]}
            assert not names & {"cookie", "set-cookie", "authorization"}
        if entry["request"]["url"].endswith(".png"):
            assert "text" not in entry["response"]["content"]  # image body dropped


@pytest.mark.browser
def test_outcomes_are_named_from_the_network(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    with_optional = CapturePlan(
        steps=[
            Step("goto", app.url("/u/opt/")),
            Step("fetch", app.url("/api/secret"), optional=True),
        ]
    )
    needs_login_api = CapturePlan(
        steps=[Step("goto", app.url("/u/api/")), Step("fetch", app.url("/api/secret"))]
    )

    def broken_follow(docs: Sequence[Document]) -> list[Step]:
        raise KeyError("account_id")

    with_broken_follow = CapturePlan(steps=[Step("goto", app.url("/u/fol/"))], follow=broken_follow)
    closed_port = LocalServer(App)
    closed_port.stop()
    jobs = [
        (ref("missing", app.url("/missing/")), goto(app.url("/missing/"))),
        (ref("private", app.url("/private/")), goto(app.url("/private/"))),
        (ref("ratelimited", app.url("/ratelimited/")), goto(app.url("/ratelimited/"))),
        (ref("captcha", app.url("/captcha/")), goto(app.url("/captcha/"))),
        (ref("flaky", app.url("/flaky/")), goto(app.url("/flaky/"))),
        (ref("down", closed_port.url("/u/x/")), goto(closed_port.url("/u/x/"))),
        (ref("opt", app.url("/u/opt/")), with_optional),
        (ref("api", app.url("/u/api/")), needs_login_api),
        (ref("fol", app.url("/u/fol/")), with_broken_follow),
        (ref("empty", app.url("/u/empty/")), CapturePlan(steps=[])),
    ]
    out = tmp_path / "snap"
    options = fast(tmp_path, chromium_path, concurrency=10, per_host=10)
    manifests = {m.ref.handle: m for m in capture(jobs, out, options)}

    assert manifests["missing"].outcome is Outcome.NOT_FOUND
    assert manifests["missing"].http_status == 404
    assert manifests["private"].outcome is Outcome.LOGIN_WALL
    assert manifests["private"].final_url == app.url("/accounts/login/?next=/private/")
    assert manifests["ratelimited"].outcome is Outcome.BLOCKED
    assert App.hits["/ratelimited/"] == 3  # 429 is retried (2 retries) before giving up
    assert manifests["captcha"].outcome is Outcome.BLOCKED
    assert "captcha" in (manifests["captcha"].reason or "")
    assert manifests["flaky"].outcome is Outcome.OK
    assert App.hits["/flaky/"] == 2
    assert "attempt 1: HTTP 500" in manifests["flaky"].notes[0]
    assert manifests["down"].outcome is Outcome.ERROR
    # the reason in plain words; the browser's own line is kept in the notes
    assert manifests["down"].reason == "could not reach 127.0.0.1 (the connection was refused)"
    assert any("ERR_CONNECTION_REFUSED" in n for n in manifests["down"].notes)
    assert manifests["opt"].outcome is Outcome.OK
    assert any("/api/secret" in n and "401" in n for n in manifests["opt"].notes)
    assert manifests["api"].outcome is Outcome.LOGIN_WALL
    assert "/api/secret" in (manifests["api"].reason or "")
    assert manifests["api"].http_status == 200  # the main document itself was fine

    assert manifests["fol"].outcome is Outcome.OK
    assert manifests["fol"].notes == [
        "follow-up steps could not be planned: KeyError('account_id')"
    ]
    assert manifests["empty"].outcome is Outcome.ERROR
    assert manifests["empty"].reason == "the capture plan for Instagram @empty has no steps"

    # Every profile, failed or not, has a manifest on disk.
    snap = read_snapshot(out)
    assert {p.manifest.ref.handle: p.manifest.outcome for p in snap.profiles} == {
        h: m.outcome for h, m in manifests.items()
    }


@pytest.mark.browser
def test_a_profile_that_never_answers_times_out(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    r = ref("slow", app.url("/slow/"))
    [m] = capture(
        [(r, goto(app.url("/slow/")))], tmp_path, fast(tmp_path, chromium_path, timeout_s=1.5)
    )
    assert m.outcome is Outcome.TIMEOUT
    assert "1.5 s" in (m.reason or "")
    assert (tmp_path / r.key / "manifest.json").is_file()


@pytest.mark.browser
def test_concurrency_is_bounded_overall_and_per_host(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    jobs = []
    for i in range(4):
        for host in ("127.0.0.1", "localhost"):
            url = app.url(f"/busy/{host}-{i}", host=host)
            jobs.append((ref(f"{host}-{i}", url), goto(url)))
    options = fast(tmp_path, chromium_path, concurrency=3, per_host=2)
    manifests = capture(jobs, tmp_path, options)
    assert all(m.outcome is Outcome.OK for m in manifests), [m.reason for m in manifests]
    assert (
        sum(App.hits[f"/busy/{h}-{i}"] for h in ("127.0.0.1", "localhost") for i in range(4)) == 8
    )
    assert 1 <= App.peak["*"] <= 3
    assert App.peak["127.0.0.1"] <= 2 and App.peak["localhost"] <= 2


@pytest.mark.browser
def test_the_same_profile_twice_is_captured_once(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    r = ref("bluedoor", app.url("/u/bluedoor/"))
    manifests = capture(
        [(r, goto(r.url)), (r, goto(r.url))], tmp_path, fast(tmp_path, chromium_path)
    )
    assert [m.ref.key for m in manifests] == [r.key]
    assert App.hits["/u/bluedoor/"] == 1


# --- offline replay through the same code ----------------------------------------------


@pytest.mark.browser
def test_replay_serves_the_recorded_har_with_the_server_stopped(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    api = app.url("/api/profile/bluedoor.json")
    jobs = [
        (ref("bluedoor", app.url("/u/bluedoor/")), full_plan(app, "bluedoor", "localhost")),
        # Bluesky-like: the profile *is* an API answer, loaded by navigating to it.
        (
            ProfileRef(platform=Platform.BLUESKY, handle="bluedoor.bsky", url=api),
            CapturePlan(steps=[Step("goto", api), Step("goto", app.url("/api/feed"))]),
        ),
        (ref("private", app.url("/private/")), goto(app.url("/private/"))),
        (ref("missing", app.url("/missing/")), goto(app.url("/missing/"))),
    ]
    live_dir = tmp_path / "live"
    live = capture(jobs, live_dir, fast(tmp_path, chromium_path, per_host=4))
    assert [m.outcome for m in live] == [
        Outcome.OK,
        Outcome.OK,
        Outcome.LOGIN_WALL,
        Outcome.NOT_FOUND,
    ]
    recorded = {m.ref.key: live_dir / m.ref.key / "capture.har" for m in live}
    hits_before = sum(App.hits.values())
    app.stop()

    replay_dir = tmp_path / "replay"
    replayed = capture(jobs, replay_dir, fast(tmp_path, chromium_path, per_host=4, replay=recorded))

    assert sum(App.hits.values()) == hits_before  # nothing reached the (stopped) server
    for before, after in zip(live, replayed, strict=True):
        assert after.input_kind == "har"
        assert (after.outcome, after.http_status, after.final_url) == (
            before.outcome,
            before.http_status,
            before.final_url,
        ), after.reason
        assert after.captured_at == _earliest(recorded[before.ref.key])
        if before.outcome is Outcome.OK:
            old = docs_by_path(live_dir, before.ref.key)
            new = docs_by_path(replay_dir, after.ref.key)
            assert {p: (d.kind, d.status, d.text) for p, d in new.items()} == {
                p: (d.kind, d.status, d.text) for p, d in old.items()
            }
    ig = docs_by_path(replay_dir, "instagram-bluedoor")
    assert ig["/api/feed"].url == app.url("/api/feed", host="localhost")  # cross-origin fetch
    assert ig["/api/more"].data == {"posts": [{"id": "2"}]}  # follow-up, planned from the HAR
    bsky = docs_by_path(replay_dir, "bluesky-bluedoor.bsky")
    assert bsky["/api/profile/bluedoor.json"].data["user"] == "bluedoor"
    assert bsky["/api/feed"].data["posts"][0]["text"] == "fresh bread"
    assert (replay_dir / "instagram-bluedoor" / "screenshot.png").is_file()

    # A replay of the replay is stable too (the HAR recorded during replay is replayable).
    again = capture(
        jobs[:1],
        tmp_path / "again",
        fast(tmp_path, chromium_path, replay=replay_dir / "instagram-bluedoor" / "capture.har"),
    )
    assert again[0].outcome is Outcome.OK
    assert (
        docs_by_path(tmp_path / "again", "instagram-bluedoor").keys()
        == docs_by_path(live_dir, "instagram-bluedoor").keys()
    )


@pytest.mark.browser
def test_replay_without_a_har_for_a_profile_stays_offline(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    r = ref("bluedoor", app.url("/u/bluedoor/"))
    other = tmp_path / "other.har"
    other.write_text(json.dumps({"log": {"version": "1.2", "entries": []}}))
    [m] = capture(
        [(r, goto(r.url))],
        tmp_path / "out",
        fast(tmp_path, chromium_path, replay={"instagram-someone-else": other}),
    )
    assert m.outcome is Outcome.ERROR
    assert "no recorded HAR for instagram-bluedoor" in (m.reason or "")
    assert App.hits["/u/bluedoor/"] == 0


@pytest.mark.browser
def test_replay_of_a_har_lacking_the_url_fails_without_the_network(
    app: LocalServer, chromium_path: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.har"
    empty.write_text(json.dumps({"log": {"version": "1.2", "entries": []}}))
    r = ref("bluedoor", app.url("/u/bluedoor/"))
    [m] = capture([(r, goto(r.url))], tmp_path / "out", fast(tmp_path, chromium_path, replay=empty))
    assert m.outcome is Outcome.ERROR
    assert App.hits["/u/bluedoor/"] == 0


# --- options and browser errors (no page loads) ----------------------------------------


def test_bad_options_are_refused_before_a_browser_starts(tmp_path: Path) -> None:
    r = ref("x", "http://127.0.0.1:9/")
    with pytest.raises(InputError, match="no such file"):
        capture([(r, goto(r.url))], tmp_path, CaptureOptions(replay=tmp_path / "nope.har"))
    with pytest.raises(InputError, match="storage-state"):
        capture([(r, goto(r.url))], tmp_path, CaptureOptions(storage_state=tmp_path / "s.json"))
    with pytest.raises(InputError, match="concurrency must be at least 1"):
        capture([(r, goto(r.url))], tmp_path, CaptureOptions(concurrency=0))


def test_a_chromium_that_will_not_start_is_a_browser_error(tmp_path: Path) -> None:
    import asyncio

    r = ref("x", "http://127.0.0.1:9/")
    options = CaptureOptions(chromium=str(tmp_path / "no-such-chromium"))
    with pytest.raises(BrowserMissingError, match="would not start"):
        asyncio.run(capture_async([(r, goto(r.url))], tmp_path, options))


@pytest.mark.parametrize(
    ("status", "url", "body", "outcome"),
    [
        (200, "https://www.instagram.com/bluedoor/", "", Outcome.OK),
        (None, "https://www.instagram.com/bluedoor/", "", Outcome.OK),
        (404, "https://www.tiktok.com/@x", "", Outcome.NOT_FOUND),
        (410, "https://x.com/x", "", Outcome.NOT_FOUND),
        (401, "https://x.com/x", "", Outcome.LOGIN_WALL),
        (200, "https://www.instagram.com/accounts/login/?next=%2Fx%2F", "", Outcome.LOGIN_WALL),
        (200, "https://www.linkedin.com/authwall?trk=x", "", Outcome.LOGIN_WALL),
        (200, "https://x.com/i/flow/login", "", Outcome.LOGIN_WALL),
        (429, "https://www.tiktok.com/@x", "", Outcome.BLOCKED),
        (403, "https://www.tiktok.com/@x", "<div id=captcha-verify>", Outcome.BLOCKED),
        (403, "https://www.tiktok.com/@x", "Forbidden", Outcome.ERROR),
        (503, "https://www.tiktok.com/@x", "", Outcome.ERROR),
        (200, "https://www.example.com/loginhelp/", "", Outcome.OK),
    ],
)
def test_classify(status: int | None, url: str, body: str, outcome: Outcome) -> None:
    assert classify(status, url, body)[0] is outcome


def _earliest(har: Path) -> Any:
    from datetime import datetime

    entries = json.loads(har.read_text())["log"]["entries"]
    return min(datetime.fromisoformat(e["startedDateTime"].replace("Z", "+00:00")) for e in entries)
