"""Shared fixtures: a real Chromium (or a clean skip), and a localhost HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from audit.browser import find_chromium
from audit.errors import BrowserMissingError


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
