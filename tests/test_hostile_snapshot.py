"""Hostile snapshots: a snapshot someone sent may name files outside its folder, link out of
it, or hold pipes and devices. findable reads only regular files inside the snapshot folder,
size-capped, and says so in one line (exit 2); nothing outside is ever read or printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from audit.documents import load_file, load_har
from audit.errors import InputError
from audit.runner import DEMO_DIR
from audit.safeio import MAX_DOCUMENT_BYTES, read_input
from audit.snapshot import read_snapshot

SECRET = "root:x:0:0:TOP-SECRET-OUTSIDE-THE-SNAPSHOT"
DEMO_HAR = DEMO_DIR / "bluesky-modravrata.si.har"


def findable(*args: str | Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FINDABLE_DB=str(db))
    return subprocess.run(
        [sys.executable, "-m", "audit", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real snapshot: the demo's Bluesky HAR imported with `findable audit --har`."""
    base = tmp_path_factory.mktemp("snap")
    proc = findable(
        "audit", "--har", DEMO_HAR, "--out", base / "out", "--no-history", db=base / "h.db"
    )
    assert proc.returncode == 0, proc.stderr
    return base / "out" / "snapshot"


@pytest.fixture
def snap(snapshot_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the snapshot inside `tmp_path/case/`, and a secret file next to it
    (outside the snapshot) that no read may reach."""
    import shutil

    case = tmp_path / "case"
    copy = case / "snapshot"
    shutil.copytree(snapshot_dir, copy)
    outside = tmp_path / "outside.html"
    outside.write_text(f"<html><title>{SECRET}</title><p>{SECRET}</p></html>")
    return copy, outside


def profile_dir(snap: Path) -> Path:
    index = json.loads((snap / "snapshot.json").read_text())
    return snap / index["profiles"][0]


def dom_only(folder: Path) -> Path:
    """Make the profile's manifest list only a saved DOM (page.html), and return its path."""
    (folder / "capture.har").unlink()
    edit(folder / "manifest.json", lambda m: m.update(files={"dom": "page.html"}))
    return folder / "page.html"


def edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def assert_refused_cli(snap: Path, tmp_path: Path, *fragments: str) -> None:
    """`findable audit --snapshot` refuses in one line, exit 2, and no output holds the secret."""
    out = tmp_path / "reports"
    proc = findable("audit", "--snapshot", snap, "--out", out, "--no-history", db=tmp_path / "h.db")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert SECRET not in proc.stdout + proc.stderr
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert all(SECRET not in p.read_text(errors="replace") for p in written)


def test_the_untampered_copy_audits(snap: tuple[Path, Path]) -> None:
    snapshot = read_snapshot(snap[0])
    assert snapshot.profiles and snapshot.profiles[0].documents()


def test_a_manifest_naming_a_file_outside_its_folder(
    snap: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _outside = snap
    folder = profile_dir(root)
    (folder / "capture.har").unlink()  # so the DOM would be what is read

    def point_out(m: dict[str, Any]) -> None:
        m["files"] = {"dom": "../../../outside.html"}

    edit(folder / "manifest.json", point_out)
    with pytest.raises(InputError, match="outside the profile folder") as info:
        read_snapshot(root)
    assert SECRET not in str(info.value)
    assert_refused_cli(root, tmp_path, "outside the profile folder")


@pytest.mark.parametrize("key", ["../../x/evil", "/etc", "..", "a/../../b"])
def test_an_index_key_outside_the_snapshot(
    snap: tuple[Path, Path], tmp_path: Path, key: str
) -> None:
    root, outside = snap
    # a well-formed capture waiting outside, which a naive `directory / key` would read
    evil = (root / key).resolve() if not key.startswith("/") else Path(key)
    if not key.startswith("/"):
        import shutil

        shutil.copytree(profile_dir(root), evil, dirs_exist_ok=True)
    edit(root / "snapshot.json", lambda i: i.update(profiles=[key]))
    with pytest.raises(InputError, match="not a folder name inside the snapshot"):
        read_snapshot(root)
    assert_refused_cli(root, tmp_path, "not a folder name inside the snapshot")
    assert outside.read_text().count(SECRET) == 2


def test_symlinks_out_of_the_snapshot(snap: tuple[Path, Path], tmp_path: Path) -> None:
    root, outside = snap
    dom_only(profile_dir(root)).symlink_to(outside)
    snapshot = read_snapshot(root)
    with pytest.raises(InputError, match="leads outside the folder"):
        snapshot.profiles[0].documents()
    assert_refused_cli(root, tmp_path, "leads outside the folder")


def test_a_profile_folder_that_is_a_symlink_out(snap: tuple[Path, Path]) -> None:
    root, _ = snap
    folder = profile_dir(root)
    elsewhere = root.parent / "elsewhere"
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(InputError, match="leads outside the folder"):
        read_snapshot(root)


@pytest.mark.timeout(60)  # a hang guard: opening a FIFO for reading blocks without a writer
def test_a_fifo_in_a_snapshot_is_refused_not_waited_on(
    snap: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = snap
    os.mkfifo(dom_only(profile_dir(root)))
    with pytest.raises(InputError, match="not a regular file"):
        read_snapshot(root).profiles[0].documents()
    assert_refused_cli(root, tmp_path, "not a regular file")


@pytest.mark.timeout(60)
def test_devices_and_fifos_as_input_files(tmp_path: Path) -> None:
    """`extract /dev/zero` used to read until MemoryError; a FIFO blocked forever."""
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(InputError, match="not a regular file"):
            load_file(path)
        with pytest.raises(InputError, match="not a regular file"):
            load_har(path)
    proc = findable("extract", "--platform", "bluesky", "/dev/zero", db=tmp_path / "h.db")
    assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr


def test_oversized_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as fh:  # sparse: costs no disk, and no memory unless read
        fh.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InputError, match="more than the 32 MB"):
        load_file(big)
    with pytest.raises(InputError, match="more than the 32 MB"):
        read_input(big, max_bytes=MAX_DOCUMENT_BYTES, what="saved page")
