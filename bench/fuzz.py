"""Fuzz every reader with damaged real inputs: `make fuzz` (or `python bench/fuzz.py -n N`).

Draws N mutants (tests/fuzzing.py: a fixture, demo HAR or real capture, cut short, bytes
flipped, keys dropped, types swapped, nested deep, strings blown up, sometimes read as
another platform) with Hypothesis, reads each the way `findable audit --from/--export`
does, and prints:

- crashes: anything but a Profile or an InputError, grouped by where it was raised, with
  the first input that did it;
- hangs: an input still running after --timeout seconds (SIGALRM ends it);
- the slowest inputs, and the peak RSS of the process (and which input raised it most).

Exit 1 when anything crashed or hung. The suite runs the same property with a small fixed
budget (tests/test_fuzz.py); this is the large one, on demand.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzzing import Mutant, mutants, run_mutant, seeds

# the warning of a document or export part a reader raised on (audit/pipeline.py, exports.py)
_SKIPPED = re.compile(r"skipped, it could not be read \((\w+(?: in [\w.<>]+)?)")


class Hang(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


def _where(exc: BaseException) -> str:
    """The innermost frame inside the project (audit/, checks/, reports/)."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if "/audit/" in f.filename or "/checks/" in f.filename]
    f = (own or frames)[-1]
    short = f.filename.split("/audit/")[-1] if "/audit/" in f.filename else f.filename
    return f"{short}:{f.lineno} {type(exc).__name__}"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--examples", type=int, default=10_000)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before an input hangs")
    ap.add_argument("--no-realdata", action="store_true", help="only the project's fixtures")
    ap.add_argument("--seed", type=int, default=0, help="Hypothesis seed (same seed, same run)")
    ap.add_argument(
        "--platform", action="append", default=[], help="only seeds of this platform (repeatable)"
    )
    args = ap.parse_args()

    pool = seeds(realdata=not args.no_realdata)
    if args.platform:
        pool = [s for s in pool if s.platform.value in args.platform]
        if not pool:
            ap.error(f"no seeds for {', '.join(args.platform)}")
    platforms = Counter(s.platform.value for s in pool)
    print(f"{len(pool)} seed files over {len(platforms)} platforms: "
          + ", ".join(f"{p} {n}" for p, n in sorted(platforms.items())))  # fmt: skip
    crashes: dict[str, tuple[int, str, str]] = {}
    hangs: list[str] = []
    guarded: dict[str, tuple[int, str]] = {}
    times: list[tuple[float, str]] = []
    outcomes: Counter[str] = Counter()
    rss_jump = (0.0, "")
    signal.signal(signal.SIGALRM, _alarm)
    tmp = Path(tempfile.mkdtemp(prefix="findable-fuzz-"))
    started = time.perf_counter()

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(mutants(pool))
    def one(mutant: Mutant) -> None:
        nonlocal rss_jump
        before = _rss_mb()
        t0 = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        try:
            result = run_mutant(mutant, tmp)
            outcomes["profile" if not isinstance(result, Exception) else "input error"] += 1
            for warning in [] if isinstance(result, Exception) else result.capture.warnings:
                m = _SKIPPED.search(warning)
                if m:
                    n, first = guarded.get(m.group(1), (0, mutant.describe()))
                    guarded[m.group(1)] = (n + 1, first)
        except Hang:
            hangs.append(mutant.describe())
            outcomes["hang"] += 1
        except BaseException as exc:  # the property's failures: record, keep going
            if isinstance(exc, KeyboardInterrupt):
                raise
            where = _where(exc)
            n, first, msg = crashes.get(where, (0, mutant.describe(), str(exc)[:200]))
            crashes[where] = (n + 1, first, msg)
            outcomes["crash"] += 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - t0
        times.append((elapsed, mutant.describe()))
        if _rss_mb() - before > rss_jump[0]:
            rss_jump = (_rss_mb() - before, mutant.describe())
        done = sum(outcomes.values())
        if done % 1000 == 0:
            print(f"  {done:,} inputs, {time.perf_counter() - started:.0f} s", flush=True)

    seed = args.seed or int.from_bytes(os.urandom(4), "big")
    hypothesis.seed(seed)(one)()
    total = time.perf_counter() - started
    n = sum(outcomes.values())
    times.sort(reverse=True)
    print(f"\n{n:,} inputs in {total:.0f} s (seed {seed}): "
          + ", ".join(f"{k} {v:,}" for k, v in outcomes.most_common()))  # fmt: skip
    print(f"median {sorted(t for t, _ in times)[n // 2] * 1000:.1f} ms per input")
    print("slowest:")
    for elapsed, what in times[:5]:
        print(f"  {elapsed:7.2f} s  {what}")
    print(f"peak RSS {_rss_mb():.0f} MB (largest rise {rss_jump[0]:.0f} MB: {rss_jump[1]})")
    if crashes:
        print(f"\n{len(crashes)} crash sites:")
        for where, (count, first, msg) in sorted(crashes.items(), key=lambda kv: -kv[1][0]):
            print(f"  {count:5d}x {where}: {msg}\n         first: {first}")
    if hangs:
        print(f"\n{len(hangs)} inputs ran over {args.timeout:.0f} s:")
        for what in hangs[:10]:
            print(f"  {what}")
    if guarded:
        print(f"\n{len(guarded)} reader failures caught (the document skipped with a warning):")
        for where, (count, first) in sorted(guarded.items(), key=lambda kv: -kv[1][0]):
            print(f"  {count:5d}x {where}\n         first: {first}")
    if not crashes and not hangs:
        print("no crashes, no hangs")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
