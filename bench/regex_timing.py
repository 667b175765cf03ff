"""Every regular expression findable runs on untrusted text, timed on hostile inputs of two
sizes: a linear pattern takes ~8x longer on 8x the text, a quadratic one ~64x.

    .venv/bin/python bench/regex_timing.py            # all patterns, worst growth first
    .venv/bin/python bench/regex_timing.py --size 4000

The patterns are found, not listed: every module-level compiled pattern in audit/, checks/
and reports/, and every pattern written inline (`re.search(r"...", text)`, read with ast).
Each is run the way the code runs it: a pattern only ever used with `.match`/`.fullmatch`
is timed with that (one start), others with search + finditer (every start); a pattern
whose every call site cuts its input (`text[:TITLE_MAX]`) is timed on that much at most.
Inputs are the usual killers: one long word of each character class, runs of separators,
repeated fragments of emails, URLs, hashtags and mentions. tests/test_hostile_text.py runs
the same sweep on 200 KB inputs under the pytest-timeout hang guard.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import pkgutil
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGES = ("audit", "checks", "reports")
UNITS = [
    "a", "A", "1", "_", ".", "-", "@", "#", " ", "\n", "\t", "a.", "a-", "a@", "a.b@", "@a",
    "#a", "a1", "aA", ":", "/", "a/", "://", "www.", "a.com/", "http://a", "\u00c3\u00a9",
    "&#", "x ", " \n", "\n \n", "(@", "a(", "1,", "1.", "1 ", "K ", "é", "ß", "a'", "o'",
]  # fmt: skip
_RE_CALLS = {
    "compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split",
}  # fmt: skip
_ANCHORED = {"match", "fullmatch"}
_FLAGS = {"I": re.I, "IGNORECASE": re.I, "S": re.S, "DOTALL": re.S, "M": re.M,
          "MULTILINE": re.M, "X": re.X, "VERBOSE": re.X, "U": re.U, "UNICODE": re.U}  # fmt: skip
# Caps the code applies before these patterns run (by name; not visible at the call).
_GUARDED = {"audit.alttext._FILENAME": 2000}  # classify_alt/auto_rule: len(text) > _AUTO_MAX


@dataclass(frozen=True)
class Use:
    """A pattern and how the code calls it."""

    name: str
    pattern: re.Pattern[str]
    anchored: bool = False  # only ever .match / .fullmatch: one start
    cap: int | None = None  # every call cuts its input to this many characters

    def run(self, text: str) -> None:
        if self.cap is not None:
            text = text[: self.cap]
        if self.anchored:
            self.pattern.match(text)
            self.pattern.fullmatch(text)
            return
        self.pattern.search(text)
        for _ in self.pattern.finditer(text):
            pass


def _sources() -> str:
    files = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _cap_of(call_text: str) -> int | None:
    """The cap a call site applies to its subject (`title[:TITLE_MAX]`), if any."""
    from audit.patterns import TITLE_MAX

    caps = [n for name, n in {"TITLE_MAX": TITLE_MAX}.items() if name in call_text]
    return min(caps) if caps else None


def patterns() -> list[Use]:
    """Module-level compiled patterns, with how every call site in the project uses them."""
    found: dict[int, tuple[str, str, re.Pattern[str]]] = {}
    for pkg_name in PACKAGES:
        pkg = importlib.import_module(pkg_name)
        names = [pkg_name] + [
            m.name for m in pkgutil.walk_packages(pkg.__path__, prefix=pkg_name + ".")
        ]
        for name in names:
            if name.endswith("__main__"):  # runs the CLI when imported
                continue
            try:
                module = importlib.import_module(name)
            except Exception:
                continue
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.setdefault(id(value), (f"{name}.{attr}", attr, value))
    source = _sources()
    uses = []
    for full, attr, pattern in sorted(found.values(), key=lambda f: f[0]):
        calls = re.findall(rf"\b{re.escape(attr)}\.(\w+)\(([^\n]*)", source)
        methods = {m for m, _ in calls if m in _RE_CALLS}
        caps = [_cap_of(args) for m, args in calls if m in _RE_CALLS]
        cap = _GUARDED.get(full)
        if caps and all(c is not None for c in caps):
            cap = max(c for c in caps if c is not None)
        uses.append(Use(full, pattern, anchored=bool(methods) and methods <= _ANCHORED, cap=cap))
    return uses


def _flags_of(node: ast.expr | None) -> int:
    """re.I | re.S ... as an int (0 for anything this simple reader cannot evaluate)."""
    if isinstance(node, ast.Attribute) and node.attr in _FLAGS:
        return _FLAGS[node.attr]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags_of(node.left) | _flags_of(node.right)
    return 0


def inline_patterns() -> list[Use]:
    """Patterns written inline (`re.search(r"...", text)`), read from the source with ast;
    module-level `re.compile` calls are left to `patterns()`."""
    found = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.func.attr in _RE_CALLS - {"compile"}
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    continue
                flag_arg = next((k.value for k in node.keywords if k.arg == "flags"), None)
                if flag_arg is None:
                    index = 4 if node.func.attr in ("sub", "subn") else 2
                    flag_arg = node.args[index] if len(node.args) > index else None
                try:
                    pattern = re.compile(node.args[0].value, _flags_of(flag_arg))
                except re.error:
                    continue
                subject = node.args[2 if node.func.attr in ("sub", "subn") else 1 :]
                subject_text = " ".join(ast.get_source_segment(source, a) or "" for a in subject)
                found.append(
                    Use(
                        f"{path.relative_to(ROOT)}:{node.lineno}",
                        pattern,
                        anchored=node.func.attr in _ANCHORED,
                        cap=_cap_of(subject_text),
                    )
                )
    return found


def all_uses() -> list[Use]:
    return patterns() + inline_patterns()


def best_time(use: Use, text: str, repeat: int = 3) -> float:
    """The fastest of `repeat` runs (the machine may be shared: the minimum is the signal)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        use.run(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="small input length")
    parser.add_argument("--factor", type=int, default=8)
    args = parser.parse_args()
    small, big = args.size, args.size * args.factor
    rows = []
    uses = all_uses()
    for use in uses:
        worst = (0.0, 0.0, "")
        for unit in UNITS:
            reps = max(1, small // len(unit))
            t_small = best_time(use, unit * reps)
            if t_small > 0.2:  # already hopeless: no need to wait for the big input
                worst = (t_small, t_small * args.factor**2, unit + " (est.)")
                break
            t_big = best_time(use, unit * reps * args.factor)
            if t_big > worst[1]:
                worst = (t_small, t_big, unit)
        how = ("match" if use.anchored else "scan") + (f"[:{use.cap}]" if use.cap else "")
        rows.append((use.name, how, *worst))
    rows.sort(key=lambda r: -r[3])
    print(f"{len(uses)} patterns; time on {small} and {big} characters of the worst input")
    print(f"{'pattern':48} {'run as':>13} {'input':>10} {small:>9} {big:>9}  growth")
    for name, how, t_small, t_big, unit in rows:
        growth = t_big / t_small if t_small > 0 else float("inf")
        print(
            f"{name:48} {how:>13} {unit!r:>10} {t_small * 1000:8.2f}ms {t_big * 1000:8.2f}ms"
            f"  {growth:5.1f}x"
        )


if __name__ == "__main__":
    main()
