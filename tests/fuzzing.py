"""Hostile versions of real inputs: what the property tests and `make fuzz` feed findable.

A *seed* is one input file as a user would pass it: the project's own fixtures
(tests/fixtures/<platform>/, the demo HARs) and, when ../shared/realdata is there, the real
captures. A *mutation* damages it the ways files get damaged or forged: cut short, bytes
flipped, binary junk spliced in, a JSON key dropped, a value of the wrong type, a value
nested hundreds or a hundred thousand levels deep, a string blown up; inside a page the same
edits reach the JSON of its `<script>` blobs, inside a HAR the entries and their bodies.

`run_seed` reads the result the way the CLI does (`extract_files` for pages, API bodies and
HARs; `extract_export_file` for data exports). The property: it returns a Profile or raises
InputError (a clean one-line message), nothing else.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from audit.errors import InputError
from audit.model import Platform, Profile
from tests.realdata import REALDATA

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
WHEN = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
# Real pages over this size add time, not new shapes (their first part is kept instead).
MAX_SEED_BYTES = 300_000
_DIRS = {"twitter": Platform.X}
_EXPORT_NAME = re.compile(r"(export|posts_\d|your_posts|user_data|tweets?\.js|profile\.js)")
_SKIP_SUFFIXES = {".md", ".yml", ".yaml", ".txt"}  # notes and test-recording wrappers


@dataclass(frozen=True, repr=False)
class Seed:
    platform: Platform
    name: str  # file name, kept so the reader sees the same suffix
    data: bytes
    export: bool  # an owner's data export (read by the export reader)

    def __repr__(self) -> str:
        return f"Seed({self.label})"

    @property
    def label(self) -> str:
        return f"{self.platform.value}/{self.name}"


def _platform_of(folder: str) -> Platform | None:
    if folder in _DIRS:
        return _DIRS[folder]
    try:
        return Platform(folder)
    except ValueError:
        return None


def _seeds_in(root: Path, *, export: bool | None = None) -> list[Seed]:
    """One seed per file of `root/<platform>/`; `export` None: an export if its name says so."""
    out: list[Seed] = []
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        platform = _platform_of(folder.name)
        if platform is None:
            continue
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix in _SKIP_SUFFIXES or path.name.startswith("."):
                continue
            data = path.read_bytes()[:MAX_SEED_BYTES]
            is_export = export
            if is_export is None:
                is_export = bool(_EXPORT_NAME.search(path.name)) and path.suffix in (".json", ".js")
            out.append(Seed(platform, path.name, data, is_export))
    return out


def _demo_seeds() -> list[Seed]:
    out = []
    for path in sorted((ROOT / "audit" / "demo").glob("*.har")):
        platform = _platform_of(path.name.split("-", 1)[0])
        if platform is not None:
            out.append(Seed(platform, path.name, path.read_bytes(), False))
    return out


def project_seeds() -> list[Seed]:
    """The project's own inputs: fixtures, invented data exports and the demo HARs."""
    return _seeds_in(FIXTURES) + _seeds_in(FIXTURES / "exports", export=True) + _demo_seeds()


def real_seeds() -> list[Seed]:
    """The real captures in ../shared/realdata (none when it is absent)."""
    return _seeds_in(REALDATA)


def seeds(*, realdata: bool = True) -> list[Seed]:
    """Every seed: the project's own, plus the real captures if present."""
    return project_seeds() + (real_seeds() if realdata else [])


# ------------------------------------------------------------------------------ mutations

_JUNK_VALUES: list[Any] = [
    None, True, 0, -1, 2**63, 1.5e308, float("nan"), "", "x", "12abc", "-3", [], {},
    [[]], {"": None}, ["a", 1, None], {"url": 5, "width": [1], "text": {}},
]  # fmt: skip
_NEST = "\x00nest\x00"


def _nodes(tree: Any) -> list[tuple[Any, Any]]:
    """(container, key or index) for every value in a JSON tree."""
    out: list[tuple[Any, Any]] = []
    stack = [tree]
    while stack and len(out) < 200_000:
        cur = stack.pop()
        if isinstance(cur, dict):
            for k, v in cur.items():
                out.append((cur, k))
                stack.append(v)
        elif isinstance(cur, list):
            for i, v in enumerate(cur):
                out.append((cur, i))
                stack.append(v)
    return out


def _mutate_tree(tree: Any, op: str, rnd: random.Random) -> str | None:
    """One structural edit of a parsed JSON tree, serialized; None when it does not apply."""
    nodes = _nodes(tree)
    if op == "inflate":
        nodes = [(c, k) for c, k in nodes if isinstance(c[k], str)]
    if not nodes:
        return None
    parent, key = rnd.choice(nodes)
    nested = ""
    if op == "drop":
        del parent[key]
    elif op == "swap":
        value = parent[key]
        parent[key] = rnd.choice([*_JUNK_VALUES, [value], {"value": value}, str(value)[:200]])
    elif op == "nest":
        depth = rnd.choice([600, 3_000, 100_000])
        opener, closer = ("[", "]") if rnd.random() < 0.5 else ('{"a":', "}")
        nested = opener * depth + json.dumps(parent[key], allow_nan=True) + closer * depth
        parent[key] = _NEST
    elif op == "inflate":
        value = parent[key] or "x"
        size = rnd.choice([5_000, 50_000])
        parent[key] = (value * (size // len(value) + 1))[:size]
    elif op == "spoil":  # a text where a dict/list is expected and the other way round
        value = parent[key]
        parent[key] = {"text": value} if isinstance(value, str) else json.dumps(value)[:500]
    else:
        return None
    try:
        text = json.dumps(tree, ensure_ascii=False, allow_nan=True)
    except (ValueError, RecursionError):
        return None
    return text.replace(json.dumps(_NEST), nested, 1) if nested else text


_SCRIPT = re.compile(r"(<script[^>]*>)(.*?)(</script>)", re.S | re.I)
_ASSIGN = re.compile(r"^(\s*[\w.$\[\]\"']+\s*=\s*)(.*?)(;?\s*)$", re.S)


def _json_in(body: str) -> tuple[str, Any, str] | None:
    """(prefix, JSON tree, suffix) when a script body is JSON or `name = JSON;`."""
    for prefix, text, suffix in (("", body, ""), *(_ASSIGN.findall(body) or [])):
        try:
            return prefix, json.loads(text), suffix
        except (ValueError, RecursionError):
            continue
    return None


def _mutate_html(text: str, op: str, rnd: random.Random) -> str | None:
    blobs = []
    for m in _SCRIPT.finditer(text):
        found = _json_in(m.group(2))
        if found is not None:
            blobs.append((m, found))
    if not blobs:
        return None
    m, (prefix, tree, suffix) = rnd.choice(blobs)
    edited = _mutate_tree(tree, op, rnd)
    if edited is None:
        return None
    return text[: m.start(2)] + prefix + edited + suffix + text[m.end(2) :]


_BODY_OPS = ("drop", "swap", "nest", "inflate", "spoil", "truncate", "flip")


def _mutate_har(tree: Any, op: str, rnd: random.Random) -> str | None:
    """Half the time the HAR itself, half the time one entry's body (its page or JSON)."""
    entries = tree.get("log", {}).get("entries") if isinstance(tree, dict) else None
    bodies = [
        e["response"]["content"]
        for e in entries or []
        if isinstance(e, dict) and isinstance(e.get("response"), dict)
        and isinstance(e["response"].get("content"), dict)
        and isinstance(e["response"]["content"].get("text"), str)
    ]  # fmt: skip
    if bodies and rnd.random() < 0.5:
        content = rnd.choice(bodies)
        edited = mutate_text(content["text"], rnd.choice(_BODY_OPS), rnd)
        if edited is None:
            return None
        content["text"] = edited
        content.pop("encoding", None)
        return json.dumps(tree, ensure_ascii=False)
    return _mutate_tree(tree, op, rnd)


def mutate_text(text: str, op: str, rnd: random.Random) -> str | None:
    """One edit of a document's text; None when `op` does not apply to it."""
    if op == "truncate":
        return text[: rnd.randrange(len(text) + 1)]
    if op == "flip":
        chars = list(text)
        for _ in range(rnd.choice([1, 8, 64])):
            if chars:
                chars[rnd.randrange(len(chars))] = chr(rnd.randrange(0x20, 0x250))
        return "".join(chars)
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            tree = json.loads(text)
        except (ValueError, RecursionError):  # already nested past what json reads
            return None
        if isinstance(tree, dict) and isinstance(tree.get("log"), dict):
            return _mutate_har(tree, op, rnd)
        return _mutate_tree(tree, op, rnd)
    return _mutate_html(text, op, rnd)


def mutate_bytes(data: bytes, op: str, rnd: random.Random) -> bytes:
    """One edit of a file's bytes: structural edits go through the text, byte edits do not
    (so invalid UTF-8 and binary junk reach the readers too)."""
    if op == "junk":
        at = rnd.randrange(len(data) + 1)
        junk = bytes(rnd.randrange(256) for _ in range(rnd.choice([1, 16, 512])))
        return data[:at] + junk + data[at:]
    if op == "bytecut":
        return data[: rnd.randrange(len(data) + 1)]
    text = data.decode("utf-8", errors="replace")
    edited = mutate_text(text, op, rnd)
    return data if edited is None else edited.encode("utf-8", errors="surrogatepass")


OPS = ("truncate", "flip", "junk", "bytecut", "drop", "swap", "nest", "inflate", "spoil")


@dataclass(frozen=True, repr=False)
class Mutant:
    seed: Seed
    ops: tuple[str, ...]
    platform: Platform  # the platform asked for (usually the seed's, sometimes another)
    data: bytes

    def describe(self) -> str:
        asked = "" if self.platform is self.seed.platform else f" read as {self.platform.value}"
        return f"{self.seed.label} [{' + '.join(self.ops)}]{asked} ({len(self.data):,} bytes)"

    __repr__ = describe


def _build(seed: Seed, ops: list[str], other: Platform | None, rnd: random.Random) -> Mutant:
    data = seed.data
    for op in ops:
        data = mutate_bytes(data, op, rnd)
    return Mutant(seed, tuple(ops), other or seed.platform, data)


def mutants(pool: list[Seed]) -> st.SearchStrategy[Mutant]:
    """Hypothesis strategy: a seed, one to three mutations, sometimes another platform."""
    return st.builds(
        _build,
        st.sampled_from(pool),
        st.lists(st.sampled_from(OPS), min_size=1, max_size=3),
        st.one_of(st.none(), st.none(), st.none(), st.sampled_from(list(Platform))),
        st.randoms(use_true_random=True),
    )


# ------------------------------------------------------------------------------ the property


def run_mutant(mutant: Mutant, tmp: Path) -> Profile | InputError:
    """Read a mutated file the way `findable audit --from/--export` does: a Profile, or the
    InputError the CLI prints as one line (exit 2). Anything else escapes: that is the bug."""
    from audit.runner import extract_export_file, extract_files

    path = tmp / mutant.seed.name
    path.write_bytes(mutant.data)
    read: Callable[[], Profile] = (
        (lambda: extract_export_file(path, mutant.platform.value, WHEN))
        if mutant.seed.export
        else (lambda: extract_files([path], mutant.platform.value, WHEN))
    )
    try:
        return read()
    except InputError as exc:
        return exc
