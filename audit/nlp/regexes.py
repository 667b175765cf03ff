"""Compile spaCy's tokenizer regexes fast: each big one once per machine, not per process.

Building a spaCy tokenizer compiles its suffix and infix regexes (12-22 KB of pattern each),
and importing French compiles one of 1.4 MB: ~800 alternatives, each with the same huge
Unicode letter class under IGNORECASE. Python parses and compiles that one in 0.7 s (3 s
without the first step below) in every process that reads French.

While a pipeline is built, `fast_regexes()`:

* remembers each character class's optimized form (`_optimize_charset`) by its exact input,
  so every repeat is a lookup (the compiler case-folds the class anew for each occurrence);
* keeps the compiled program of every large pattern in the cache folder (see
  `lemmas.cache_root`), named by the pattern, its flags and the Python build, and gives a
  later process that pattern from the stored program through `_sre.compile`, the call
  `re.compile` itself ends with (which validates the program before using it).

The compiled regexes are the same (tests compare their matches); the stored program is what
the compiler would compute again. Anything unexpected (no cache, an unwritable or damaged
file, a Python whose `re` is built differently) compiles the normal way.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .lemmas import cache_root

__all__ = ["fast_regexes"]

# Patterns shorter than this compile in a few milliseconds: not worth a file.
LARGE_PATTERN = 8_000


def _compiler() -> Any:
    module = getattr(re, "_compiler", None)  # Python 3.11+
    if module is None:  # pragma: no cover - Python 3.10
        import sre_compile as module
    needed = ("_optimize_charset", "_code", "compile", "_sre")
    return module if all(hasattr(module, n) for n in needed) else None


def _parser() -> Any:
    module = getattr(re, "_parser", None)  # Python 3.11+
    if module is None:  # pragma: no cover - Python 3.10
        import sre_parse as module
    return module


def _memoized(original: Callable[..., Any]) -> Callable[..., Any]:
    memo: dict[tuple[str, Any, Any, int], tuple[list[Any], bool]] = {}

    def optimize(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        key = (repr(charset), iscased, fixup, id(fixes))
        hit = memo.get(key)
        if hit is None:
            hit = original(charset, iscased, fixup, fixes)
            memo[key] = hit
        out, hascased = hit
        return list(out), hascased

    return optimize


def _program_path(pattern: str, flags: int, engine: Any) -> Path:
    build = f"{sys.implementation.cache_tag}|{sys.hexversion}|{engine.MAGIC}|{engine.CODESIZE}"
    digest = hashlib.sha256(f"{build}|{flags}|{pattern}".encode("utf-8", "surrogatepass"))
    return cache_root() / "regex" / f"{digest.hexdigest()[:32]}.bin"


def _program(compiler: Any, pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re`'s compiler hands `_sre.compile` for `pattern` (its own steps, in order)."""
    parsed = _parser().parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # fmt: skip


def _store(path: Path, program: tuple[Any, ...]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump(program, out)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except (OSError, ValueError):  # no cache to write to: the next process compiles again
        pass


def _cached(original: Callable[..., Any], compiler: Any) -> Callable[..., Any]:
    engine = compiler._sre

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or len(p) < LARGE_PATTERN or flags & re.DEBUG:
            return original(p, flags)
        path = _program_path(p, flags, engine)
        try:
            stored = path.read_bytes()
        except OSError:  # not stored yet, or no cache folder
            stored = None
        if stored is not None:
            try:
                return engine.compile(p, *marshal.loads(stored))
            except Exception:  # damaged, or not a program this engine accepts: compile anew
                with contextlib.suppress(OSError):
                    path.unlink()
        program = _program(compiler, p, flags)
        _store(path, program)
        return engine.compile(p, *program)

    return compile


@contextmanager
def fast_regexes() -> Iterator[None]:
    """Within the block, identical character classes are optimized once and large patterns
    are compiled once per machine."""
    compiler = _compiler()
    if compiler is None:  # pragma: no cover - a Python whose compiler has other steps
        yield
        return
    optimize, compile = compiler._optimize_charset, compiler.compile
    compiler._optimize_charset = _memoized(optimize)
    compiler.compile = _cached(compile, compiler)
    try:
        yield
    finally:
        compiler._optimize_charset, compiler.compile = optimize, compile
