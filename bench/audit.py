"""Audit benchmark: whole `findable` processes, timed and measured from outside.

Run on demand (never in the test suite; speed is machine-dependent):

    .venv/bin/python bench/audit.py [--baseline DIR] [--repeat N] [--langs en,sl,...]

For this checkout (and, with `--baseline DIR`, another checkout with its own `.venv`, e.g.
a `git worktree` of an older commit after `make setup` there) it prints:

* `findable demo`: wall time and peak RSS;
* `findable audit --snapshot` of that demo's snapshot: wall time and peak RSS;
* `findable keywords --lang L "..."` per language: wall time and peak RSS of the first
  call in a fresh process;
* one Python process extracting keywords in every language: peak RSS.

Every measurement is a whole process (`os.wait4` gives its peak RSS, which includes the
children it waited for), best of `--repeat` (default 3). With a baseline the two checkouts
alternate run by run, so a burst of load from other processes on a shared machine hits
both alike, and the table gives this checkout's number as a ratio of the baseline's.

findable keeps lemma indexes, the unpacked language model and the towns index in its cache
(`audit.nlp.lemmas`), built once per package version. The benchmark gives each checkout a
cache of its own (FINDABLE_CACHE), measures with it built (a warm-up run first) and, with
`--cold`, reports each language's one-time build separately.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# A bakery's bio in each language (invented; what `findable keywords` typically reads).
SAMPLES = {
    "en": "Family-run sourdough bakery in the city centre: fresh bread, croissants and cakes.",
    "sl": "Družinska pekarna z naravnim kvasom v centru mesta: svež kruh, rogljički in torte.",
    "hr": "Obiteljska pekara s prirodnim kvascem u centru grada: svježi kruh, kroasani i torte.",
    "fr": "Boulangerie familiale au levain en centre-ville : pain frais, croissants et gâteaux.",
    "de": "Familienbäckerei mit Sauerteig in der Innenstadt: frisches Brot, Croissants, Kuchen.",
    "es": "Panadería familiar de masa madre en el centro: pan fresco, cruasanes y pasteles.",
    "it": "Panificio di famiglia a lievito madre in centro: pane fresco, cornetti e torte.",
    "pt": "Padaria familiar de fermentação natural no centro: pão fresco, croissants e bolos.",
    "nl": "Familiebakkerij met zuurdesem in het centrum: vers brood, croissants en taarten.",
    "ru": "Семейная пекарня на закваске в центре города: свежий хлеб, круассаны и торты.",
    "tr": "Şehir merkezinde ekşi mayalı aile fırını: taze ekmek, kruvasan ve pastalar.",
    "sv": "Familjebageri med surdeg i centrum: nybakat bröd, croissanter och tårtor.",
}
DEFAULT_LANGS = tuple(SAMPLES)


@dataclass
class Checkout:
    name: str
    root: Path
    work: Path
    results: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    @property
    def findable(self) -> Path:
        return self.root / ".venv" / "bin" / "findable"

    @property
    def python(self) -> Path:
        return self.root / ".venv" / "bin" / "python"

    @property
    def snapshot(self) -> Path:
        return self.work / "demo" / "snapshot"

    def env(self, cache: Path | None = None) -> dict[str, str]:
        """A history and a cache of the benchmark's own (other findable processes on the
        machine neither see nor change them)."""
        return {
            **os.environ,
            "FINDABLE_DB": str(self.work / "history.db"),
            "FINDABLE_CACHE": str(cache or self.work / "cache"),
        }

    def record(self, what: str, seconds: float, rss_mb: float) -> None:
        self.results.setdefault(what, []).append((seconds, rss_mb))

    def best(self, what: str) -> tuple[float, float] | None:
        runs = self.results.get(what)
        if not runs:
            return None
        return min(s for s, _ in runs), min(r for _, r in runs)


def measure(cmd: Sequence[str], *, cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one whole process; raises when it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.strip()[-500:]}")
    return seconds, usage.ru_maxrss / 1024


def _many_languages_script(langs: Sequence[str]) -> str:
    texts = {lang: SAMPLES[lang] for lang in langs}
    return (
        "from audit.nlp import extract_keywords\n"
        f"for lang, text in {texts!r}.items():\n"
        "    assert extract_keywords(text, lang=lang)\n"
    )


def compile_bytecode(c: Checkout) -> None:
    """The checkout's own modules as bytecode, as a regular `pip install` leaves them (an
    editable install writes them on first use, unless PYTHONDONTWRITEBYTECODE is set, as
    it is on some machines: then every run would compile them again)."""
    packages = [str(c.root / p) for p in ("audit", "checks", "reports") if (c.root / p).is_dir()]
    subprocess.run([str(c.python), "-m", "compileall", "-q", *packages], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def run_demo(c: Checkout) -> None:
    out = c.work / "demo"
    shutil.rmtree(out, ignore_errors=True)
    c.record("demo", *measure([str(c.findable), "demo", "--out", str(out), "-q"],
                              cwd=c.root, env=c.env()))  # fmt: skip


def run_replay(c: Checkout) -> None:
    out = c.work / "replay"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(c.findable), "audit", "--snapshot", str(c.snapshot), "--out", str(out), "-q",
           "--no-history"]  # fmt: skip
    c.record("replay", *measure(cmd, cwd=c.root, env=c.env()))


def run_keywords(c: Checkout, lang: str, cache: Path | None = None, key: str = "") -> None:
    cmd = [str(c.findable), "keywords", "--lang", lang, SAMPLES[lang]]
    c.record(key or f"keywords {lang}", *measure(cmd, cwd=c.root, env=c.env(cache)))


def run_many(c: Checkout, langs: Sequence[str]) -> None:
    cmd = [str(c.python), "-c", _many_languages_script(langs)]
    c.record(f"{len(langs)} languages", *measure(cmd, cwd=c.root, env=c.env()))


def _fmt(value: tuple[float, float] | None, unit: str) -> str:
    if value is None:
        return "-"
    seconds, rss = value
    return f"{seconds:.2f} s" if unit == "s" else f"{rss:.0f} MB"


def _ratio(mine: tuple[float, float] | None, base: tuple[float, float] | None, i: int) -> str:
    if mine is None or base is None or not base[i]:
        return ""
    return f"{mine[i] / base[i]:.2f}x"


def report(checkouts: Sequence[Checkout], rows: Sequence[str], repeat: int) -> None:
    mine = checkouts[0]
    base = checkouts[1] if len(checkouts) > 1 else None
    head = f"{'measurement':<22} {'this: time':>11} {'peak RSS':>9}"
    if base:
        head += f" | {'baseline':>9} {'peak RSS':>9} | {'time':>6} {'RSS':>6}"
    print(f"\nbest of {repeat}; this = {mine.root}" + (f", baseline = {base.root}" if base else ""))
    print(head)
    print("-" * len(head))
    for row in rows:
        m = mine.best(row)
        line = f"{row:<22} {_fmt(m, 's'):>11} {_fmt(m, 'mb'):>9}"
        if base:
            b = base.best(row)
            line += f" | {_fmt(b, 's'):>9} {_fmt(b, 'mb'):>9} |"
            line += f" {_ratio(m, b, 0):>6} {_ratio(m, b, 1):>6}"
        print(line)
    firsts = [mine.best(r) for r in rows if r.startswith("keywords ")]
    times = [f[0] for f in firsts if f]
    if times:
        print(f"\nfirst keywords call: slowest / fastest language = {max(times) / min(times):.2f}x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout with its own .venv")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best of)")
    parser.add_argument("--langs", default=",".join(DEFAULT_LANGS), help="comma list")
    parser.add_argument("--skip-demo", action="store_true", help="replay an existing snapshot")
    parser.add_argument(
        "--cold", action="store_true", help="also time each language's one-time index build"
    )
    args = parser.parse_args(argv)
    langs = [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    unknown = [lang for lang in langs if lang not in SAMPLES]
    if unknown:
        parser.error(f"no sample text for {', '.join(unknown)}; known: {', '.join(SAMPLES)}")
    roots = [REPO] + ([args.baseline.resolve()] if args.baseline else [])
    for root in roots:
        if not (root / ".venv" / "bin" / "findable").exists():
            parser.error(f"{root} has no .venv/bin/findable; run 'make setup' there")
    with tempfile.TemporaryDirectory(prefix="findable-bench-") as tmp:
        checkouts = [
            Checkout("this" if i == 0 else "baseline", root, Path(tmp) / str(i))
            for i, root in enumerate(roots)
        ]
        for c in checkouts:
            c.work.mkdir(parents=True)
            print(f"warming up {c.root} (bytecode, demo, lemma indexes)...", flush=True)
            compile_bytecode(c)
            run_demo(c)
            run_many(c, langs)
            c.results.clear()
        rows = [
            *([] if args.skip_demo else ["demo"]),
            "replay",
            *(f"keywords {lang}" for lang in langs),
            f"{len(langs)} languages",
        ]
        if args.cold:
            for lang in langs:
                cache = Path(tmp) / f"cold-{lang}"
                run_keywords(checkouts[0], lang, cache, key=f"index build {lang}")
                shutil.rmtree(cache, ignore_errors=True)
            report(checkouts[:1], [f"index build {lang}" for lang in langs], 1)
        for i in range(args.repeat):
            print(f"round {i + 1} of {args.repeat}...", flush=True)
            for c in checkouts:
                if not args.skip_demo:
                    run_demo(c)
            for c in checkouts:
                run_replay(c)
            for lang in langs:
                for c in checkouts:
                    run_keywords(c, lang)
            for c in checkouts:
                run_many(c, langs)
            report(checkouts, rows, i + 1)  # the best so far, after every round
    return 0


if __name__ == "__main__":
    sys.exit(main())
