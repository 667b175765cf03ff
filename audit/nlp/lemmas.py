"""Lemma lookups from spacy-lookups-data that cost nothing up front.

spaCy's lookup lemmatizer reads a language's whole `lemma_lookup` table into a Python dict
on every load: Croatian's 1.3 million words take seconds and ~500 MB, to look up the few
hundred words of a bio and some captions. Instead each table is converted once into a
compact SQLite file in the user cache directory (`platformdirs.user_cache_dir("findable")`,
or the folder FINDABLE_CACHE names) and read one word at a time.

An index records what it was built from (the table file's name and size, the spacy-lookups-
data version and this module's format: not its path, as every virtualenv on the machine
shares the cache); a missing, stale or unreadable index is rebuilt. A build writes a
temporary file next to the index and renames it into place, so two processes building at
once both end with a complete index and a reader never sees half of one. When the cache
directory cannot be written, the table is loaded into memory as before.

The values are what lemmatization used from spaCy's table: a string, or for tables that
list several lemmas per word (French) the first of them ("" for an empty list).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

__all__ = [
    "CACHE_ENV",
    "LemmaLookup",
    "build_index",
    "cache_dir",
    "cache_root",
    "index_path",
    "lemma_lookup",
]

CACHE_ENV = "FINDABLE_CACHE"
_FORMAT = "1"
_TABLE = "lemma_lookup"
_BATCH = 50_000

_lock = threading.Lock()


class LemmaLookup(Protocol):
    """What `Pipeline.key` needs of a lemma table: the lemma of one word, or None."""

    def get(self, word: str) -> str | None: ...


def cache_root() -> Path:
    """findable's cache folder: FINDABLE_CACHE, else the user cache directory."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("findable", appauthor=False))


def cache_dir() -> Path:
    """Where lemma indexes live."""
    return cache_root() / "lemmas"


def _source(lang: str) -> Path | None:
    """The table file spaCy would read for `lang` (its .gz when only that exists)."""
    from spacy.util import registry

    if lang not in registry.lookups:
        return None
    data = registry.lookups.get(lang)
    if _TABLE not in data:
        return None
    path = Path(str(data[_TABLE]))
    gz = path.with_name(path.name + ".gz")
    return gz if gz.exists() else path if path.exists() else None


def _fingerprint(source: Path) -> str:
    """What the table is, not where: every virtualenv on the machine shares the cache, and
    the same table installed twice must not make them rebuild it in turn."""
    from importlib.metadata import version

    size = source.stat().st_size
    return "|".join((_FORMAT, version("spacy-lookups-data"), source.name, str(size)))


def index_path(lang: str) -> Path:
    return cache_dir() / f"{_TABLE}-{lang}.sqlite3"


def _value(lemma: Any) -> str:
    if isinstance(lemma, list):
        return str(lemma[0]) if lemma else ""
    return "" if lemma is None else str(lemma)


def _rows(source: Path) -> Iterable[tuple[str, str]]:
    from spacy.util import load_language_data

    # spaCy is given the name without .gz and finds the .gz itself, as when it loads it.
    table = load_language_data(source.with_suffix("") if source.suffix == ".gz" else source)
    if not isinstance(table, dict):
        raise ValueError(f"{source}: not a lemma table")
    for word, lemma in table.items():
        yield str(word), _value(lemma)


class _Index:
    """A built index, opened read-only; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self._con = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )

    def fingerprint(self) -> str | None:
        row = self._con.execute("SELECT v FROM meta WHERE k = 'source'").fetchone()
        return row[0] if row else None

    def get(self, word: str) -> str | None:
        row = self._con.execute("SELECT v FROM lemma WHERE k = ?", (word,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._con.close()


class _InMemory:
    """The whole table as a dict: only when no index can be written."""

    def __init__(self, source: Path) -> None:
        self._table = dict(_rows(source))

    def get(self, word: str) -> str | None:
        return self._table.get(word)


def _open(path: Path, fingerprint: str) -> _Index | None:
    """The index at `path` when it is complete and built from `fingerprint`'s table."""
    if not path.is_file():
        return None
    try:
        index = _Index(path)
        if index.fingerprint() == fingerprint:
            return index
        index.close()
    except sqlite3.DatabaseError:
        pass
    return None


def write_index(path: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    """Write an SQLite index to `path` atomically: `fill` writes a temporary file in the same
    folder, which is renamed into place, so a reader (or a second process building the same
    index at once) never sees half of one. Shared by the lemma and towns indexes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            fill(con)
        finally:
            con.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def build_index(source: Path, path: Path, fingerprint: str) -> None:
    """Write the index of `source` to `path`: a temporary file renamed into place."""

    def fill(con: sqlite3.Connection) -> None:
        con.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);"
            "CREATE TABLE lemma (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;"
        )
        batch: list[tuple[str, str]] = []
        for row in _rows(source):
            batch.append(row)
            if len(batch) >= _BATCH:
                con.executemany("INSERT OR REPLACE INTO lemma VALUES (?, ?)", batch)
                batch = []
        con.executemany("INSERT OR REPLACE INTO lemma VALUES (?, ?)", batch)
        # Written last: an index without its fingerprint is never taken for complete.
        con.execute("INSERT INTO meta VALUES ('source', ?)", (fingerprint,))
        con.commit()

    write_index(path, fill)


def lemma_lookup(lang: str) -> LemmaLookup | None:
    """The lemma table of `lang` (None when spacy-lookups-data has none), built into the
    cache on first use and read lazily."""
    source = _source(lang)
    if source is None:
        return None
    fingerprint = _fingerprint(source)
    path = index_path(lang)
    with _lock:
        index = _open(path, fingerprint)
        if index is not None:
            return index
        try:
            build_index(source, path, fingerprint)
        except OSError:
            return _InMemory(source)
        index = _open(path, fingerprint)
    return index if index is not None else _InMemory(source)
