"""Shared fixtures: a real Chromium (or a clean skip), and a localhost HTTP server."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from audit.browser import find_chromium
from audit.errors import BrowserMissingError


def _hypothesis_profiles() -> None:
    """Property tests (tests/test_fuzz.py): a fixed, reproducible budget in CI (CI=true), the
    same budget with fresh random inputs on a developer's machine, a large one on demand
    (HYPOTHESIS_PROFILE=fuzz; `make fuzz` runs bench/fuzz.py, which also reports). The
    deadline is the time bound per input: a reader that goes quadratic on a blown-up string
    fails it. (A checkout whose .venv predates the dev extra skips those tests, see there.)"""
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:
        return
    slow_inputs = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    common = {"deadline": timedelta(seconds=20), "suppress_health_check": slow_inputs}
    settings.register_profile(
        "ci", max_examples=250, derandomize=True, database=None, print_blob=True, **common
    )
    settings.register_profile("dev", max_examples=250, **common)
    settings.register_profile("fuzz", max_examples=10_000, **common)
    profile = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
    settings.load_profile(profile)


_hypothesis_profiles()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium the product would use; browser tests skip (with why) when none exists."""
    try:
        return find_chromium()
    except BrowserMissingError as exc:
        pytest.skip(f"no Chromium to test with: {exc}")


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 with a random port, stoppable mid-test (replay
    tests stop it to prove nothing reaches the network)."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        self.running = True

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def stop(self) -> None:
        if self.running:
            self.httpd.shutdown()
            self.httpd.server_close()
            self._thread.join(timeout=5)
            self.running = False


@pytest.fixture
def serve() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], LocalServer]]:
    """`serve(HandlerClass)` starts a LocalServer that is stopped after the test."""
    servers: list[LocalServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> LocalServer:
        server = LocalServer(handler)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty findable cache folder of the test's own (FINDABLE_CACHE)."""
    from audit.nlp.lemmas import CACHE_ENV

    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def unwritable_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A FINDABLE_CACHE that cannot be created: a file stands where the folder would be."""
    from audit.nlp.lemmas import CACHE_ENV

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    return blocker
