"""History and reports under real concurrency and real kills (issue 9 item 6).

Real processes write one real audit's reports and history rows into shared folders and one
SQLite database: eight at once are all recorded. Then eight more loop over the same folders
and database and most are killed at staggered moments (SIGKILL: no chance to clean up;
SIGINT: Ctrl-C). Whenever a kill lands, every report folder holds complete reports (the
earlier ones or the new ones, never a torn file) and the database passes SQLite's integrity
check with every stored audit loadable.

The workers call the same `reports.write_reports` and `history.record` the CLI calls after
an audit; the audit itself is run once, for real, to have a result to store (eight full
audits at once would mostly measure spaCy loading eight times on a shared machine).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit import history
from audit.result import AuditResult
from audit.runner import DEMO_DIR

HAR = DEMO_DIR / "bluesky-modravrata.si.har"
N = 8
WORKER = """
import sys
from pathlib import Path
from audit import history
from audit.result import AuditResult
from reports import write_reports
result = AuditResult.model_validate_json(Path(sys.argv[1]).read_text())
out, db, rounds = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
print("ready", flush=True)
for _ in range(rounds):
    write_reports(result, out, ["json", "md", "html", "csv"])
    history.record(result, db)
"""


def worker(result: Path, out: Path, db: Path, rounds: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(result), str(out), str(db), str(rounds)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip


def assert_reports_whole(out: Path) -> None:
    AuditResult.model_validate_json((out / "report.json").read_text())
    for name in ("report.md", "report.csv"):
        assert (out / name).read_text().strip(), name
    assert (out / "report.html").read_text().rstrip().endswith("</html>")
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".report.")]
    # SIGKILL can leave a hidden temp file (no process survives to delete it); it is never
    # a report, and the next write ignores it.
    assert all(n.endswith(".tmp") for n in leftovers), leftovers


def assert_db_sound(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = history.list_audits(db, limit=10_000)
    for row in rows:
        history.load(row.id, db)  # every stored row is a whole AuditResult
    return len(rows)


@pytest.fixture(scope="module")
def result_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real audit (the demo's Bluesky HAR), its AuditResult as JSON."""
    base = tmp_path_factory.mktemp("audit")
    proc = subprocess.run(
        [sys.executable, "-m", "audit", "audit", "--har", str(HAR), "--out", str(base / "out"),
         "--json", "--no-history", "--keywords", "kruh,sourdough"],
        capture_output=True, text=True, timeout=500, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    path = base / "result.json"
    path.write_text(proc.stdout)
    return path


@pytest.mark.timeout(600)
def test_eight_concurrent_writers_are_all_recorded(result_json: Path, tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    outs = [tmp_path / f"out{i}" for i in range(N)]
    procs = [worker(result_json, out, db, rounds=3) for out in outs]
    for proc in procs:
        _, err = proc.communicate(timeout=500)
        assert proc.returncode == 0, err
    assert assert_db_sound(db) == N * 3
    for out in outs:
        assert_reports_whole(out)


@pytest.mark.timeout(600)
def test_kills_never_leave_a_torn_report_or_a_damaged_database(
    result_json: Path, tmp_path: Path
) -> None:
    db = tmp_path / "history.sqlite3"
    outs = [tmp_path / f"out{i}" for i in range(N)]
    for proc in [worker(result_json, out, db, rounds=1) for out in outs]:
        assert proc.wait(timeout=500) == 0  # earlier reports and rows, which must survive
    before = assert_db_sound(db)

    kills = [signal.SIGKILL] * 5 + [signal.SIGINT] * 3
    procs = [worker(result_json, out, db, rounds=10_000) for out in outs]
    for proc in procs:  # every worker is writing before the kills start
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for i, (proc, sig) in enumerate(zip(procs, kills, strict=True)):
        time.sleep(0.3 + 0.2 * i)  # staggered: kills land mid-render, mid-rename, mid-commit
        proc.send_signal(sig)
    for proc, sig in zip(procs, kills, strict=True):
        proc.communicate(timeout=120)
        assert proc.returncode != 0
        if sig is signal.SIGKILL:
            assert proc.returncode == -signal.SIGKILL

    assert assert_db_sound(db) > before  # rows kept coming, and none is half-written
    for out in outs:
        assert_reports_whole(out)
