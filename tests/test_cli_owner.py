"""The owner's minute at an 80-column terminal: `findable demo` twice, then `diff`, `history`
and a `batch`, each run as a subprocess and read line by line. What is expected comes from
the report.json the same run wrote (the data), never from a copy of the output."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.console import terminal_text, wrap
from audit.demo import build
from tests.cli_kit import run_findable

WIDTH = 80


def run(*args: str | Path, db: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_findable(*args, db=db, columns=WIDTH, cwd=cwd)


def label(profile: dict[str, Any]) -> str:
    """How an owner names a profile, from the JSON's platform and handle."""
    names = {"instagram": "Instagram", "bluesky": "Bluesky"}
    return f"{names[profile['platform']]} @{profile['handle']}"


def assert_fits(text: str) -> None:
    """Every line fits, but one holding a single word longer than the width (a long path)."""
    for line in text.splitlines():
        assert len(line) <= WIDTH or " " not in line.strip(), f"{len(line)} columns: {line!r}"


@pytest.fixture(scope="module")
def demo_twice(
    tmp_path_factory: pytest.TempPathFactory, chromium_path: str
) -> tuple[Path, str, str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("owner")
    db = folder / "history.sqlite3"
    first = run("demo", "--out", folder / "r", db=db)
    assert first.returncode == 0, first.stderr
    second = run("demo", "--out", folder / "r", db=db)
    assert second.returncode == 0, second.stderr
    report = json.loads((folder / "r" / "report.json").read_text(encoding="utf-8"))
    return db, first.stdout, second.stdout, report


def fixes_section(stdout: str) -> str:
    start = stdout.index("What to fix first")
    end = stdout.index("\nFull report: ")
    return stdout[start:end]


def test_summary_fits_80_columns_and_says_bands_in_words(
    demo_twice: tuple[Path, str, str, dict[str, Any]],
) -> None:
    _, first, second, report = demo_twice
    for out in (first, second):
        assert_fits(out)
        assert "needs-work" not in out and "[" not in out.split("What to fix first")[0]
    band = report["band"].replace("-", " ")
    assert f"{report['brand']}: {int(report['score'])}/100 ({band})" in second
    for profile in report["profiles"]:
        assert re.search(rf"^  {re.escape(label(profile))} +\d+/100", second, re.M), profile


def test_one_fix_names_every_profile_it_applies_to(
    demo_twice: tuple[Path, str, str, dict[str, Any]],
) -> None:
    _, _, second, report = demo_twice
    section = fixes_section(second)
    failing: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for profile in report["profiles"]:
        for check in profile["checks"]:
            if check["status"] in ("fail", "warn"):
                failing.setdefault(check["id"], []).append((label(profile), check))
    shared = {cid: found for cid, found in failing.items() if len(found) > 1}
    shown_shared = [found for found in shared.values() if found[0][1]["title"] in section]
    assert shown_shared, "the demo has a fix shared by two profiles among its first five"
    for found in shown_shared:
        title = found[0][1]["title"]
        titles = re.findall(rf"^ *\d+\. {re.escape(title)}$", section, re.M)
        assert len(titles) == 1, f"{title!r} listed {len(titles)} times"
        block = section.split(title, 1)[1].split("\n\n", 1)[0]
        flat = " ".join(block.split())
        assert ", ".join(who for who, _ in found) in flat  # the profiles it applies to
        for who, check in found:  # each profile's own finding, in its words
            assert " ".join(f"{who}: {check['message']}".split()) in flat
        assert "Why it matters: " + " ".join(found[0][1]["why"].split()) in flat
        assert "What to do" in flat  # once, or per profile when their fixes differ
        for _, check in found:
            assert " ".join(check["fix"].split()) in flat
    numbers = re.findall(r"^ *(\d+)\. ", section, re.M)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_text_to_paste_is_printed_whole_on_its_own_line(
    demo_twice: tuple[Path, str, str, dict[str, Any]],
) -> None:
    _, _, second, report = demo_twice
    suggestions = [
        s
        for p in report["profiles"]
        for c in p["checks"]
        if c["status"] in ("fail", "warn")
        for s in c["suggestions"]
        if s["kind"] == "name"
    ]
    assert suggestions, "the demo proposes a name field"
    lines = [line.strip() for line in fixes_section(second).splitlines()]
    assert suggestions[0]["text"] in lines  # exactly as it is pasted, not wrapped


def test_second_run_says_what_changed_and_where_it_was_stored_last(
    demo_twice: tuple[Path, str, str, dict[str, Any]],
) -> None:
    _, first, second, report = demo_twice
    assert "Since your last audit" not in first
    assert first.rstrip().splitlines()[-1].startswith("Stored as audit #1, the first")
    since = report["progress"]
    assert f"Since your last audit (#{since['previous_id']}," in second
    assert second.index("Since your last audit") < second.index("What to fix first")
    assert second.rstrip().splitlines()[-1] == (
        "Stored as audit #2; compare with the previous: findable diff"
    )


def test_diff_and_history_name_profiles_as_people_say_them(
    demo_twice: tuple[Path, str, str, dict[str, Any]],
) -> None:
    db, _, _, report = demo_twice
    diff = run("diff", db=db)
    history = run("history", db=db)
    for proc in (diff, history):
        assert proc.returncode == 0, proc.stderr
        assert_fits(proc.stdout)
        assert ":@" not in proc.stdout and "[" not in proc.stdout
        for profile in report["profiles"]:
            assert label(profile) in proc.stdout
    assert diff.stdout.startswith(f"{report['brand']}, audit #1 → #2: score ")
    assert "No check changed its verdict." in diff.stdout
    assert history.stdout.count(report["brand"]) == 2
    # the JSON keeps its machine keys
    data = json.loads(run("diff", "--json", db=db).stdout)
    assert {p["where"] for p in data["profiles"]} == {
        f"{p['platform']}:@{p['handle']}" for p in report["profiles"]
    }


def test_diff_groups_what_was_fixed_under_its_profile(tmp_path: Path) -> None:
    """Two audits of one Bluesky profile, the second for a keyword its name carries: the name
    check is fixed, and the diff says so under 'Bluesky @…', in words."""
    har = tmp_path / "bluesky.har"
    har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    db = tmp_path / "h.db"
    for keyword in ("croissant", "pekarna"):
        proc = run("audit", "--har", har, "-k", keyword, "-o", tmp_path / keyword, db=db)
        assert proc.returncode == 0, proc.stderr
    after = json.loads((tmp_path / "pekarna" / "report.json").read_text(encoding="utf-8"))
    # no brand file: the summary is headed with the profile's own name, as the reports are
    own = after["profiles"][0]["display_name"] or after["profiles"][0]["profile"]["display_name"]
    assert own and proc.stdout.lstrip().startswith(f"{own}: {int(after['score'])}/100")
    # the second audit's summary says the same, the profile named once above its fixes
    since = proc.stdout.split("Since your last audit", 1)[1].split("\n\n", 1)[0]
    fixed_now = since.split(f"  Fixed ({len(after['progress']['fixed'])}):\n", 1)[1]
    assert fixed_now.splitlines()[0] == f"    Bluesky @{build.BSKY_HANDLE}"
    for item in after["progress"]["fixed"]:
        assert f"      - {item['title']}" in fixed_now.splitlines()
    diff = run("diff", db=db)
    assert diff.returncode == 0, diff.stderr
    assert_fits(diff.stdout)
    data = json.loads(run("diff", "--json", db=db).stdout)
    assert data["fixed"], diff.stdout
    fixed = diff.stdout.split("Fixed (", 1)[1].split("\n\n", 1)[0]
    assert f"  Bluesky @{build.BSKY_HANDLE}" in fixed.splitlines()
    flat = " ".join(fixed.split())
    for item in data["fixed"]:
        assert f"- {item['title']}: {' '.join(item['message'].split())}" in flat
    assert after["progress"]["fixed"], "the second audit's report says what was fixed"
    # audited for other words: the diff says a moved keyword check reflects the words
    assert data["keywords_before"] == ["croissant"] and data["keywords_after"] == ["pekarna"]
    note = " ".join(diff.stdout.split("Note: ", 1)[1].split("\n\n", 1)[0].split())
    assert note.startswith("the target keywords differ (#1: croissant; #2: pekarna)")
    assert "Note: " not in run("diff", "1", "1", db=db).stdout  # the same words: no note


def test_batch_lines_say_score_band_and_report_or_why_not(tmp_path: Path) -> None:
    (tmp_path / "bluesky.har").write_text(
        build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"])
    )
    (tmp_path / "b.csv").write_text(
        "brand,har,profiles\nLipa,bluesky.har,\nNowhere,,myspace:@nobody\n", encoding="utf-8"
    )
    proc = run("batch", tmp_path / "b.csv", "-o", tmp_path / "out", db=tmp_path / "h.db")
    assert proc.returncode == 0, proc.stderr
    assert_fits(proc.stdout)
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8-sig")
    score = summary.splitlines()[1].split(",")[3]
    assert f"  Lipa: {score}/100 (" in proc.stdout
    assert f"report: {tmp_path / 'out' / 'lipa' / 'report.html'}" in " ".join(proc.stdout.split())
    assert "  Nowhere: not audited — unknown platform 'myspace'" in proc.stdout
    assert "needs-work" not in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_escape_sequences_in_a_profile_never_reach_the_terminal(tmp_path: Path) -> None:
    har = build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"])
    # the display name carries ESC sequences that would clear and recolour a terminal
    (tmp_path / "b.har").write_text(har.replace("Modra Vrata", "Modra\\\\u001b[2JVrata"))
    proc = run("audit", "--har", tmp_path / "b.har", "-k", "croissant", "-o", tmp_path / "o",
               "--no-history", db=tmp_path / "h.db")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "[2JVrata" in proc.stdout and "\x1b" not in proc.stdout
    extracted = run("extract", tmp_path / "b.har", db=tmp_path / "h.db")
    assert "[2JVrata" in extracted.stdout and "\x1b" not in extracted.stdout


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=12))
def test_wrapped_untrusted_text_is_inert_and_keeps_every_word(text: str, indent: int) -> None:
    lines = wrap(text, " " * indent, width=WIDTH)
    joined = "\n".join(lines)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", joined)
    assert joined.split() == terminal_text(text).split()
    for line in lines:
        assert len(line) <= WIDTH or " " not in line.strip()


def test_history_of_one_brand_matches_its_name_in_any_script(tmp_path: Path) -> None:
    """`history --brand` finds a brand as `diff --brand` does: case and spacing aside, also
    beyond ASCII (SQLite's lower() left 'ŠIŠKA' and 'šiška' apart)."""
    har = tmp_path / "bluesky.har"
    har.write_text(build.har_text(build.build_hars()[f"bluesky-{build.BSKY_HANDLE}"]))
    db = tmp_path / "h.db"
    brand = tmp_path / "findable.toml"
    made = run("init", brand, "--no-input", "--name", "Šiška Pekarna", "--keywords", "kruh",
               "--profiles", f"bluesky:@{build.BSKY_HANDLE}", db=db)  # fmt: skip
    assert made.returncode == 0, made.stderr
    audited = run("audit", "--brand", brand, "--har", har, "-o", tmp_path / "o", db=db)
    assert audited.returncode == 0, audited.stderr
    listed = run("history", "--brand", "ŠIŠKA   pekarna", db=db)
    assert listed.returncode == 0, listed.stderr
    assert "#1 " in listed.stdout and "Šiška Pekarna" in listed.stdout
    assert json.loads(run("history", "--brand", "šiška pekarna", "--json", db=db).stdout)
    other = run("history", "--brand", "Zrno", db=db)
    assert other.returncode == 0 and "No audits of 'Zrno' stored" in other.stdout


def test_checks_list_and_explain_fit_80_columns(tmp_path: Path) -> None:
    db = tmp_path / "unused.db"
    listing = run("checks", db=db)
    assert listing.returncode == 0, listing.stderr
    assert_fits(listing.stdout)
    metas = json.loads(run("checks", "--json", db=db).stdout)
    starts = [line.split()[0] for line in listing.stdout.splitlines() if not line.startswith(" ")]
    assert starts == [m["id"] for m in metas]  # one entry per check, in the JSON's order
    flat = " ".join(listing.stdout.split())
    for m in metas:
        assert f"{m['id']} {' '.join(m['title'].split())} — " in flat
    explained = run("checks", "--explain", "ALT001", db=db)
    assert_fits(explained.stdout)
    assert "## Why it matters" in explained.stdout.splitlines()


def test_a_profile_that_could_not_be_read_is_said_plainly(tmp_path: Path) -> None:
    """A login page instead of the profile: no handle to show, nothing judged; the summary
    says so instead of 'Instagram @' and 'Nothing judged needs fixing'."""
    page = Path(__file__).parent / "fixtures" / "instagram" / "login_wall_accounts_login.html"
    proc = run("audit", "--from", page, "-p", "instagram", "-o", tmp_path / "o", "--no-history",
               db=tmp_path / "h.db")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert_fits(proc.stdout)
    report = json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))
    assert [p["outcome"] for p in report["profiles"]] == ["login_wall"]
    assert "Instagram (handle not read)  not read: stopped by a login wall" in proc.stdout
    assert "No profile could be read, so nothing was judged: see above why." in proc.stdout
    assert "Nothing judged needs fixing" not in proc.stdout
    assert "@ " not in proc.stdout and "login_wall" not in proc.stdout
