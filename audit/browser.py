"""Which Chromium to drive, and the flags it needs to behave in a closed, rootful sandbox.

Capture needs a real Chromium, but users get one in different ways (a distro package, the
one Playwright downloads, a path in CI), so the lookup is ordered from most to least
explicit and ends with one error line that says how to get one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from functools import cache
from pathlib import Path

from audit.errors import BrowserMissingError

__all__ = ["ENV_VAR", "browser_version", "find_chromium", "launch_args"]

ENV_VAR = "FINDABLE_CHROMIUM"

_SYSTEM_PATHS = ("/usr/bin/chromium",)
_SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

_INSTALL_HINT = (
    "install one with `make demo`, `sudo apt-get install chromium` or "
    "`python -m playwright install chromium` (or set FINDABLE_CHROMIUM to its path)"
)

# Chromium phones home (updates, safe browsing lists, sync) unless told not to; in a closed
# network those attempts only slow it down, and on a user's machine they are not ours to make.
_QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--no-first-run",
)


def find_chromium() -> str:
    """The Chromium executable to launch.

    Order: FINDABLE_CHROMIUM (a typo there is an error, not a silent fallback, so users
    never audit with a browser they did not choose), Playwright's bundled build, then a
    system install.
    """
    wanted = os.environ.get(ENV_VAR, "").strip()
    if wanted:
        found = _executable(wanted)
        if found is None:
            raise BrowserMissingError(
                f"{ENV_VAR}={wanted!r} is not an executable file; fix the path or unset it"
            )
        return found
    bundled = _playwright_chromium()
    if bundled is not None:
        return bundled
    for candidate in (*_SYSTEM_PATHS, *_SYSTEM_NAMES):
        found = _executable(candidate)
        if found is not None:
            return found
    raise BrowserMissingError(f"No Chromium found: {_INSTALL_HINT}")


def launch_args() -> list[str]:
    """Flags for every launch. `--no-sandbox` only as root, where Chromium refuses to start
    without it; elsewhere the sandbox stays on."""
    args = list(_QUIET_FLAGS)
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and geteuid() == 0:
        args.insert(0, "--no-sandbox")
    return args


@cache
def browser_version(executable: str) -> str | None:
    """`Chromium 126.0.6478.126` as the binary reports it, for manifests; None when the
    binary will not say (the version is provenance, never a reason to fail)."""
    try:
        done = subprocess.run(
            [executable, "--version"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"(?<![\w .-])([A-Za-z][\w .-]*?)\s+(\d+(?:\.\d+){1,3})", done.stdout)
    if match is None:
        return None
    return f"{match.group(1).strip()} {match.group(2)}"


def _executable(name: str) -> str | None:
    path = Path(name).expanduser()
    if path.is_file() and os.access(path, os.X_OK):
        return str(path)
    if os.sep not in name:
        return shutil.which(name)
    return None


@cache
def _playwright_chromium() -> str | None:
    """Playwright's own Chromium if it was downloaded. Asking Playwright starts its driver
    (not a browser); the sync API refuses to run inside an event loop, so it runs on a
    short-lived thread to work from async callers too."""
    result: list[str | None] = [None]

    def ask() -> None:
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                result[0] = pw.chromium.executable_path
        except Exception:  # no driver, broken install: just not this source
            result[0] = None

    worker = threading.Thread(target=ask, name="findable-find-chromium", daemon=True)
    worker.start()
    worker.join(timeout=60)
    path = result[0]
    if path and Path(path).is_file():
        return path
    return None
