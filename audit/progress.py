"""Capture progress on stderr, in the words a user knows: one line and bar per profile.

    Instagram @modravrata.bakery — reading profile…     ━━━━━━━━━━━━━━━━━━━━━━━━
    Bluesky @modravrata.si — done                       ━━━━━━━━━━━━━━━━━━━━━━━━

It is the `progress` callback `audit.capture.capture` calls with each target and its state
("start", "retry", then the outcome's value). On a terminal the bars move; elsewhere (a CI
log, a file) each profile's last line is printed once when the capture ends. The CLI leaves
it off under --json and --quiet.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from audit.model import AssetRef, CaptureTarget, Outcome, SiteRef

__all__ = ["CaptureProgress", "describe"]

_DONE: dict[str, str] = {o.value: o.words for o in Outcome} | {Outcome.OK.value: "done"}


def _doing(ref: CaptureTarget) -> str:
    if isinstance(ref, AssetRef):
        return "downloading the profile image…"
    if isinstance(ref, SiteRef):
        return "reading the website…"
    return "reading profile…"


def describe(ref: CaptureTarget, state: str, names: Mapping[str, str] | None = None) -> str:
    """'Instagram @modravrata.bakery — reading profile…' for a target in a state."""
    name = (names or {}).get(ref.key)
    if name is None:
        name = "Profile image" if isinstance(ref, AssetRef) else ref.label
    if state == "start":
        words = _doing(ref)
    elif state == "retry":
        words = "no answer yet, trying again…"
    elif isinstance(ref, AssetRef):
        ok = state == Outcome.OK.value
        words = "profile image downloaded" if ok else "profile image not downloaded"
    else:
        words = _DONE.get(state, state.replace("_", " "))
    return f"{name} — {words}"


class CaptureProgress:
    """A context manager and the capture's progress callback at once.

    `names` renames targets by key (the avatar pass names each image after its profile).
    Disabled, it does nothing, so callers need no second code path."""

    def __init__(self, *, enabled: bool = True, names: Mapping[str, str] | None = None) -> None:
        self.enabled = enabled
        self.names = dict(names or {})
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> CaptureProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn

            console = Console(file=sys.stderr, highlight=False)
            # bars move on a terminal; a log gets each profile's last line, without a bar
            bar = [BarColumn(bar_width=24)] if console.is_terminal else []
            self._progress = Progress(
                TextColumn("  {task.description}"), *bar, console=console, transient=False
            )
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __call__(self, ref: CaptureTarget, state: str) -> None:
        if self._progress is None:
            return
        text = describe(ref, state, self.names)
        task = self._tasks.get(ref.key)
        if task is None:
            self._tasks[ref.key] = self._progress.add_task(text, total=None)
        elif state in ("start", "retry"):
            self._progress.update(task, description=text)
        else:
            self._progress.update(task, description=text, total=1, completed=1)
