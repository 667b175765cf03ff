"""Reading input files safely: regular files only, size-capped, and confined to a folder when
the path itself came from an input (a snapshot's index and manifests name files).

Snapshots travel between people (a consultant's client sends one), so a snapshot is hostile
input like any HAR: its manifest may say `files.dom: "../../outside.html"`, its index may list
a key like `../../x/evil` or an absolute path, a file may be a symlink out of the folder, a
FIFO (which blocks a reader forever) or a device (`/dev/zero` never ends). Every read of an
input goes through `read_input` (or `read_confined`), which refuses all of those with an
InputError naming the file, before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePath

from audit.errors import InputError

__all__ = [
    "MAX_ASSET_BYTES",
    "MAX_DOCUMENT_BYTES",
    "MAX_EXPORT_FILE_BYTES",
    "MAX_HAR_BYTES",
    "MAX_SMALL_BYTES",
    "child_folder",
    "confined",
    "read_confined",
    "read_input",
    "require_regular",
    "size_mb",
]

_MB = 1024 * 1024
# A saved page or an API body: real profile pages are 1-2 MB (LinkedIn's largest 1.8 MB).
MAX_DOCUMENT_BYTES = 32 * _MB
# A HAR is parsed whole; above this size an audit would pass 500 MB of memory (bench/size.py).
MAX_HAR_BYTES = 100 * _MB
# One JSON file of a data export (an X archive's tweets.js for 50,000 posts is ~100 MB).
MAX_EXPORT_FILE_BYTES = 150 * _MB
# A profile image (an avatar): anything bigger is not one.
MAX_ASSET_BYTES = 10 * _MB
# Manifests, snapshot indexes, brand files, CSVs: a few KB in practice.
MAX_SMALL_BYTES = 8 * _MB


def size_mb(n: int) -> str:
    return f"{n / _MB:.0f} MB" if n >= _MB else f"{n} bytes"


def read_input(path: Path, *, max_bytes: int, what: str = "file", hint: str = "") -> bytes:
    """The bytes of `path` when it is a regular file of at most `max_bytes`; else InputError.

    Opened non-blocking (a FIFO would otherwise wait for a writer forever) and checked with
    fstat on the open descriptor, so what is checked is what is read."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a {what}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path} is a directory, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path} is not a regular file (a pipe, socket or device); pass a saved {what}"
            )
        if info.st_size > max_bytes:
            raise InputError(
                f"{path} is {size_mb(info.st_size)}, more than the {size_mb(max_bytes)} "
                f"findable reads for a {what}{'; ' + hint if hint else ''}"
            )
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:  # it grew while we read it
        raise InputError(f"{path} is more than the {size_mb(max_bytes)} findable reads")
    return data


def require_regular(path: Path, *, what: str = "file") -> None:
    """InputError unless `path` is a regular file (checked without opening it, for readers
    that open the file themselves, e.g. zipfile)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{path} is not a regular file (a pipe, socket or device); pass a saved {what}"
        )


def confined(root: Path, name: str, *, what: str) -> Path:
    """`root/name` when `name` is a plain relative path that stays inside `root` once every
    symlink is resolved; InputError otherwise (absolute paths, `..`, links out of `root`)."""
    base = Path(root).resolve()
    pure = PurePath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or "\x00" in name:
        raise InputError(
            f"{root}: the {what} names {name!r}, a path outside its folder; "
            "the snapshot is damaged or crafted, refusing to read it"
        )
    target = (base / pure).resolve()
    if target != base and base not in target.parents:
        raise InputError(
            f"{root}: the {what} {name!r} leads outside the folder (a symlink to {target}); "
            "refusing to read it"
        )
    return target


def child_folder(root: Path, key: str, *, what: str) -> Path:
    """A folder named by an index key: one path component, inside `root`, not a link out."""
    if not key or key in (".", "..") or "/" in key or "\\" in key or os.sep in key:
        raise InputError(
            f"{root}: {what} {key!r} is not a folder name inside the snapshot; "
            "the snapshot is damaged or crafted, refusing to read it"
        )
    return confined(root, key, what=what)


def read_confined(root: Path, name: str, *, max_bytes: int, what: str) -> bytes:
    """The bytes of the regular file `root/name`, which must stay inside `root`."""
    return read_input(confined(root, name, what=what), max_bytes=max_bytes, what=what)
