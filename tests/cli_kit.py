"""Running `findable` the way a user does: a subprocess, its own history, a fixed width."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FINDABLE = [sys.executable, "-m", "audit"]


def run_findable(
    *args: str | Path,
    db: Path,
    columns: int = 120,
    cwd: Path | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """One `findable` command with the history `db`, a terminal `columns` wide, no debug
    tracebacks, and `stdin` (never the test runner's terminal)."""
    env = dict(os.environ, COLUMNS=str(columns), FINDABLE_DB=str(db))
    env.pop("FINDABLE_DEBUG", None)
    return subprocess.run(
        [*FINDABLE, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        input=stdin if stdin is not None else "",
        timeout=300,
        check=False,
    )
