"""Nothing loaded that is not used: what each command imports, seen from a fresh interpreter
(`python -X importtime`, the measure the project's speed work used). Listing checks or
printing help must not pay for spaCy, a browser driver or an HTML parser, and replaying a
snapshot must not load the browser driver at all: capture is the only code that may."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from audit.runner import DEMO_DIR

HEAVY = ("spacy", "playwright", "bs4", "numpy", "lemmagen3", "py3langid")
_IMPORTED = re.compile(r"^import time:\s+\d+\s+\|\s+\d+\s+\|\s+(\S+)\s*$", re.MULTILINE)


def imported(args: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages a `findable` command imports."""
    env = dict(os.environ, FINDABLE_DB=str(tmp_path / "history.sqlite3"))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "audit", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {name.split(".")[0] for name in _IMPORTED.findall(proc.stderr)}


@pytest.mark.parametrize(
    "args",
    [["--help"], ["checks"], ["schema"], ["history", "--help"], ["diff", "--help"],
     ["audit", "--help"], ["demo", "--help"]],
    ids=lambda a: " ".join(a),
)  # fmt: skip
def test_light_commands_load_no_heavy_package(args: list[str], tmp_path: Path) -> None:
    loaded = imported(args, tmp_path)
    assert "audit" in loaded  # the measure works: findable's own package is listed
    assert sorted(loaded & set(HEAVY)) == []


def test_a_snapshot_replay_never_loads_the_browser_driver(tmp_path: Path) -> None:
    """The demo's HARs imported as a snapshot (no browser), then audited from it."""
    har = DEMO_DIR / "bluesky-modravrata.si.har"
    out = tmp_path / "out"
    loaded = imported(
        ["audit", "--har", str(har), "--out", str(out), "-q", "--no-history"], tmp_path
    )
    assert {"spacy", "bs4"} <= loaded  # it did audit
    assert "playwright" not in loaded
    snapshot = out / "snapshot"
    assert snapshot.is_dir()
    again = imported(
        ["audit", "--snapshot", str(snapshot), "--out", str(tmp_path / "again"), "-q",
         "--no-history"],
        tmp_path,
    )  # fmt: skip
    assert "spacy" in again and "playwright" not in again
