"""The command line end to end: the demo through the real capture path, offline replay of its
snapshot, and bad input (exit 2, one line on stderr, nothing earlier lost)."""

from __future__ import annotations

import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from audit.demo import build
from checks.common import RECENT_POSTS
from tests.cli_kit import run_findable

# every audit records into the history: keep the tests' out of the user's data folder
HISTORY_DIR = Path(tempfile.mkdtemp(prefix="findable-test-history-"))


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_findable(*args, db=HISTORY_DIR / "history.sqlite3", cwd=cwd)


def assert_bad_input(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Path:
    out = tmp_path_factory.mktemp("demo") / "findable-report"
    proc = run("demo", "--out", out)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    return out


def test_demo_writes_reports_and_snapshot(demo_out: Path) -> None:
    for name in ("report.json", "report.md", "report.html", "report.csv"):
        assert (demo_out / name).is_file(), name
    snap = demo_out / "snapshot"
    index = json.loads((snap / "snapshot.json").read_text())
    rival = f"instagram-{build.RIVAL_HANDLE}"
    assert sorted(index["profiles"]) == [
        f"bluesky-{build.BSKY_HANDLE}",
        f"instagram-{build.IG_HANDLE}",
        rival,
        "site",  # the bakery's own website, captured for its words
    ]
    assert index["context"]["site"] == "site" and index["context"]["competitors"] == [rival]
    site = json.loads((snap / "site" / "manifest.json").read_text())
    assert site["ref"] == {"kind": "site", "url": "https://modravrata.si"}
    for key in index["profiles"]:
        manifest = json.loads((snap / key / "manifest.json").read_text())
        assert manifest["outcome"] == "ok"
        assert (snap / key / "capture.har").is_file()
        assert (snap / key / "screenshot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_demo_result_reflects_the_demo_brand(demo_out: Path) -> None:
    result = json.loads((demo_out / "report.json").read_text())
    assert result["brand"] == "Modra Vrata"
    assert 0 < result["score"] < 100
    # CON004 compared the two recorded profile images (the same blue-door logo)
    assert [c["status"] for c in result["brand_checks"] if c["id"] == "CON004"] == ["pass"]
    by_platform = {p["platform"]: p for p in result["profiles"]}
    ig = by_platform["instagram"]
    assert ig["handle"] == build.IG_HANDLE and ig["outcome"] == "ok"
    assert len(ig["profile"]["posts"]) == len(build.IG_POSTS)
    checks = {c["id"]: c for c in ig["checks"]}
    # most demo photos lack alt text written by the owner (ALT001 reads the newest ones)
    recent = sorted(build.IG_POSTS)[:RECENT_POSTS]
    custom = sum(1 for p in recent if p[2] and not p[3])
    auto = sum(1 for p in recent if p[3])
    alt = checks["ALT001"]
    assert alt["status"] == ("fail" if custom / len(recent) < 0.25 else "warn")
    assert alt["score"] == pytest.approx(custom / len(recent), abs=0.001)
    assert f"{custom} of {len(recent)} image posts" in alt["message"]
    assert f"{auto} have only Instagram's automatic text" in alt["message"]
    bsky = {c["id"]: c for c in by_platform["bluesky"]["checks"]}
    # the Bluesky account went quiet five weeks before the recording
    assert bsky["CAD001"]["status"] == "fail"
    assert "36" in bsky["CAD001"]["message"]


def test_demo_shows_the_keyword_matrix_and_competitor_ranking(demo_out: Path) -> None:
    result = json.loads((demo_out / "report.json").read_text())
    disc = result["discoverability"]
    assert disc["keywords"] == ["sourdough", "bakery", "pekarna", "kruh", "ljubljana"]
    assert [c["handle"] for c in result["competitors"]] == [build.RIVAL_HANDLE]
    assert {p["handle"] for p in result["profiles"]} == {build.IG_HANDLE, build.BSKY_HANDLE}
    cell = next(
        c
        for c in disc["cells"]
        if c["keyword"] == "sourdough" and c["handle"] == build.RIVAL_HANDLE
    )
    assert cell["competitor"] and cell["fields"][0] == "name"  # 'Zrno · Sourdough Bakery'
    rank = next(
        r
        for r in disc["rankings"]
        if r["keyword"] == "sourdough" and r["handle"] == build.IG_HANDLE
    )
    assert (rank["rank"], rank["of"], rank["leader_handle"]) == (2, 2, build.RIVAL_HANDLE)
    md = (demo_out / "report.md").read_text()
    assert "## Keywords" in md and rank["sentence"] in md
    html = (demo_out / "report.html").read_text()
    assert "<table" in html and build.RIVAL_HANDLE in html and "sourdough" in html


def test_demo_summary_names_scores_and_fixes(tmp_path: Path, chromium_path: str) -> None:
    proc = run("demo", "--out", tmp_path / "r")
    assert proc.returncode == 0, proc.stderr
    assert "Modra Vrata: " in proc.stdout
    assert "Instagram @modravrata.bakery" in proc.stdout
    assert "What to fix first" in proc.stdout and "What to do: " in proc.stdout


def test_replaying_the_snapshot_gives_the_same_scores(demo_out: Path) -> None:
    proc = run("audit", "--snapshot", demo_out / "snapshot", "--json")
    assert proc.returncode == 0, proc.stderr
    replay = json.loads(proc.stdout)
    first = json.loads((demo_out / "report.json").read_text())

    def verdicts(result: dict) -> list:
        return [
            (p["platform"], p["score"], [(c["id"], c["status"], c["score"]) for c in p["checks"]])
            for p in result["profiles"]
        ]

    assert replay["score"] == first["score"]
    assert verdicts(replay) == verdicts(first)


def test_demo_twice_into_the_same_folder(demo_out: Path, chromium_path: str) -> None:
    before = json.loads((demo_out / "report.json").read_text())["score"]
    proc = run("demo", "--out", demo_out, "--quiet")
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads((demo_out / "report.json").read_text())["score"] == before
    assert not [p for p in demo_out.iterdir() if p.name.startswith(".")]
    # the demo is stored like any audit: a newcomer can try `findable diff` right away
    diff = json.loads(run("diff", "--json").stdout)
    assert diff["brand"] == "Modra Vrata" and diff["after_id"] > diff["before_id"]
    assert diff["fixed"] == [] and diff["regressed"] == []
    again = json.loads((demo_out / "report.json").read_text())
    assert again["progress"]["previous_id"] == diff["before_id"]
    assert "## Since your last audit" in (demo_out / "report.md").read_text()
    assert "Since your last audit" in (demo_out / "report.html").read_text()


def test_har_input_audits_and_keeps_a_snapshot(tmp_path: Path) -> None:
    har = tmp_path / "bluesky.har"
    har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    out = tmp_path / "out"
    proc = run("audit", "--har", har, "--out", out, "--format", "json", "--quiet")
    assert proc.returncode == 0, proc.stderr
    result = json.loads((out / "report.json").read_text())
    assert [p["handle"] for p in result["profiles"]] == [build.BSKY_HANDLE]
    assert (out / "snapshot" / "snapshot.json").is_file()
    assert not (out / "report.md").exists()


def test_extract_prints_what_it_reads(tmp_path: Path) -> None:
    hars = build.build_hars()
    har = tmp_path / "ig.har"
    har.write_text(build.har_text(hars[f"instagram-{build.IG_HANDLE}"]))
    proc = run("extract", har, "--json")
    assert proc.returncode == 0, proc.stderr
    profile = json.loads(proc.stdout)
    assert profile["platform"] == "instagram" and profile["handle"] == build.IG_HANDLE
    assert len(profile["posts"]) == len(build.IG_POSTS)
    verbose = run("extract", har, "-v")
    assert verbose.returncode == 0 and "from " in verbose.stdout


def test_schema_is_json_schema() -> None:
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"] == "AuditResult" and "profiles" in schema["properties"]


def test_bad_inputs_exit_2_with_one_line(tmp_path: Path) -> None:
    assert_bad_input(run("audit", "--har", tmp_path / "missing.har"), "missing.har", "no such file")
    (tmp_path / "empty.har").write_text("")
    assert_bad_input(run("audit", "--har", tmp_path / "empty.har"), "empty")
    (tmp_path / "junk.har").write_text("<html>")
    assert_bad_input(run("audit", "--har", tmp_path / "junk.har"), "not valid HAR")
    (tmp_path / "folder").mkdir()
    assert_bad_input(run("audit", "--snapshot", tmp_path / "folder"), "snapshot.json")
    assert_bad_input(run("audit", "myspace:@bakery"), "unknown platform")
    assert_bad_input(run("audit", "https://example.com/shop"), "not a profile URL")
    assert_bad_input(run("audit", "instagram:@"), "no handle given")
    assert_bad_input(run("audit", "--format", "pdf,docx", "instagram:@a"), "docx")
    assert_bad_input(run("extract", tmp_path / "folder"), "is a directory")


def test_unwritable_out_and_nothing_lost(tmp_path: Path) -> None:
    har = tmp_path / "bluesky.har"
    har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    out = tmp_path / "out"
    assert run("audit", "--har", har, "--out", out, "--quiet").returncode == 0
    before = (out / "report.json").read_bytes()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert_bad_input(run("audit", "--har", har, "--out", blocker / "sub"), "--out", "cannot write")
    # a failing run into the same folder leaves the earlier reports and snapshot intact
    (tmp_path / "bad.har").write_text("{}")
    assert_bad_input(run("audit", "--har", tmp_path / "bad.har", "--out", out), "not a HAR")
    assert (out / "report.json").read_bytes() == before
    assert (out / "snapshot" / "snapshot.json").is_file()


def test_shipped_demo_hars_match_their_builder() -> None:
    """The demo HARs are generated; a change to the builder must ship regenerated files."""
    for key, har in build.build_hars().items():
        shipped = (build.DEMO_DIR / f"{key}.har").read_text(encoding="utf-8")
        assert shipped == build.har_text(har), f"run `python -m audit.demo.build` ({key})"


def test_export_audits_end_to_end(tmp_path: Path) -> None:
    tweets = [
        {"tweet": {"id_str": str(1860000000000000000 + i),
                   "created_at": f"Wed Nov {18 - i:02d} 08:00:00 +0000 2026",
                   "full_text": f"Sourdough batch {i} is out #bakery"}}
        for i in range(5)
    ]  # fmt: skip
    archive = tmp_path / "twitter-archive.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        account = {"account": {"username": "PekarnaAna", "accountDisplayName": "Pekarna Ana"}}
        profile = {"profile": {"description": {"bio": "", "website": "", "location": ""}}}
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps([account]))
        zf.writestr("data/profile.js", "window.YTD.profile.part0 = " + json.dumps([profile]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets))
    proc = run("audit", "--export", archive, "--captured-at", "2026-11-20T09:00Z", "--json",
               "--keywords", "sourdough")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    (profile,) = result["profiles"]
    assert (profile["platform"], profile["handle"]) == ("x", "PekarnaAna")
    checks = {c["id"]: c for c in profile["checks"]}
    assert checks["BIO001"]["status"] == "fail"
    assert checks["CAD001"]["status"] == "pass"
    assert checks["KEY003"]["status"] == "pass"  # every caption says "sourdough"


def test_checks_listing_and_explain() -> None:
    listing = json.loads(run("checks", "--json").stdout)
    ids = [c["id"] for c in listing]
    assert len(ids) == len(set(ids)) >= 30
    assert {"PRO001", "BIO001", "BIO003", "ALT001", "CAD001", "LNK001", "CON001"} <= set(ids)
    assert all(c["why"] and c["fix"] for c in listing)
    explained = run("checks", "--explain", "ALT001").stdout
    for heading in ("What it checks", "Why it matters", "Example", "Better", "Source"):
        assert heading in explained
    assert run("checks", "--explain", "alt-text-coverage").stdout == explained
    assert_bad_input(run("checks", "--explain", "XYZ999"), "no check 'XYZ999'")


def test_init_then_history_and_diff(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    brand = tmp_path / "findable.toml"
    proc = run("init", brand, "--no-input", "--name", "Modra Vrata", "--keywords",
               "sourdough,bakery", "--profiles", "bluesky:@modravrata.si")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    har = tmp_path / "bluesky.har"
    har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    for _ in range(2):
        proc = run("audit", "--brand", brand, "--har", har, "--out", tmp_path / "r", "--db", db)
        assert proc.returncode == 0, proc.stderr
        assert "Stored as audit #" in proc.stdout
    listing = run("history", "--db", db)
    assert listing.stdout.count("Modra Vrata") == 2
    diff = json.loads(run("diff", "--db", db, "--json").stdout)
    assert diff["score_before"] == diff["score_after"]
    assert diff["fixed"] == [] and diff["regressed"] == []
    against = json.loads(run("diff", "--against", "1", "--db", db, "--json").stdout)
    assert (against["before_id"], against["after_id"]) == (1, 2)
    assert_bad_input(run("diff", "1", "--db", db), "two audit ids")
    # an audit of another brand is never diffed against this one
    other = tmp_path / "other.toml"
    proc = run("init", other, "--no-input", "--name", "Zrno", "--keywords", "kruh",
               "--profiles", "bluesky:@modravrata.si")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    proc = run("audit", "--brand", other, "--har", har, "--out", tmp_path / "z", "--db", db)
    assert proc.returncode == 0, proc.stderr
    assert_bad_input(run("diff", "--db", db), "no earlier audit of the same brand")
    assert_bad_input(run("diff", "2", "3", "--db", db), "different brands")
    assert_bad_input(run("init", brand, "--no-input"), "exists")
