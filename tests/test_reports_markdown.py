"""Markdown checklist: priority order, every fix present, hostile text kept as text."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from audit.model import Outcome, Platform
from audit.result import Evidence, Severity, Status
from reports import render
from reports.markdown import md_escape, render_markdown
from tests.test_reports_helpers import (
    HOSTILE_BIO,
    HOSTILE_KEYWORD,
    audit_result,
    check,
    discoverability,
    mixed_checks,
    profile_result,
)


def _section(text: str, start: str, end: str | None = None) -> str:
    """The part of `text` from the line starting with `start` up to the next `end` heading."""
    after = text[text.index(start) :]
    if end and end in after[len(start) :]:
        return after[: after.index(end, len(start))]
    return after


def test_title_names_brand_score_and_band() -> None:
    text = render_markdown(audit_result(score=89.6, band="needs-work"))
    first = text.splitlines()[0]
    # Rounded down so the number never contradicts the band (90 would read as good).
    assert first == "# Findable audit: Blue Door Bakery — 89/100 (needs work)"


def test_todo_items_are_grouped_by_priority_fails_first_then_weight() -> None:
    text = render_markdown(audit_result([profile_result(checks=mixed_checks())]))
    todo = _section(text, "#### To do", "#### Passed")
    order = re.findall(r"^- \[ \] .*`(\w+)`", todo, flags=re.MULTILINE)
    assert order == ["HIGH03", "HIGH01", "HIGH02", "MED01", "INFO01", "LOW01"]
    headings = re.findall(r"^\*\*(\w+) priority\*\*$", todo, flags=re.MULTILINE)
    assert headings == ["High", "Medium", "Low"]


def test_every_failed_and_warned_check_appears_with_its_fix() -> None:
    checks = mixed_checks()
    text = render_markdown(audit_result([profile_result(checks=checks)]))
    lines = text.splitlines()
    for c in checks:
        if c.status not in (Status.FAIL, Status.WARN):
            continue
        item = next(i for i, line in enumerate(lines) if f"`{c.id}`" in line)
        assert lines[item].startswith("- [ ] ")
        assert c.message in lines[item]
        assert lines[item + 1] == f"  - Fix: {c.fix}"


def test_passed_checks_are_a_compact_ticked_list() -> None:
    text = render_markdown(audit_result([profile_result(checks=mixed_checks())]))
    passed = _section(text, "#### Passed (2)", "#### Could not check")
    assert re.findall(r"^- \[x\] .*\(`(\w+)`\)$", passed, flags=re.MULTILINE) == [
        "PASS01",
        "PASS02",
    ]
    assert "Fix:" not in passed


def test_na_manual_and_error_checks_are_listed_with_their_reason() -> None:
    text = render_markdown(audit_result([profile_result(checks=mixed_checks())]))
    unchecked = _section(text, "#### Could not check")
    assert "- [" not in unchecked  # nothing to tick: these are not to-dos
    assert "(`ERR01`, error) — Check crashed: KeyError 'x'" in unchecked
    assert "(`MAN01`, check by hand) — Needs a human to confirm the address" in unchecked
    assert "(`NA01`, not applicable) — No posts to look at" in unchecked
    assert unchecked.index("ERR01") < unchecked.index("NA01")


def test_not_captured_profile_shows_outcome_and_reason_never_a_zero() -> None:
    skipped = [check(i, Status.NA, message="profile not captured") for i in ("BIO001", "KEY001")]
    result = audit_result(
        [
            profile_result(
                "bd",
                Platform.TIKTOK,
                outcome=Outcome.LOGIN_WALL,
                reason="TikTok asked to log in",
                checks=skipped,
                score=0.0,
            )
        ]
    )
    text = render_markdown(result)
    heading = "### TikTok @bd — not captured: login wall — TikTok asked to log in"
    assert heading in text.splitlines()
    assert "0/100" not in text.split("\n", 1)[1]  # below the title
    assert "2 checks skipped because the profile was not captured: `BIO001`, `KEY001`" in text


def test_captured_profile_without_judged_checks_is_not_scored() -> None:
    result = audit_result(
        [profile_result(score=None, band=None, checks=[check("A1", Status.NA)])], score=None
    )
    text = render_markdown(result)
    assert text.splitlines()[0] == "# Findable audit: Blue Door Bakery — not scored"
    assert "### Instagram @bluedoor — not scored" in text
    assert "0/100" not in text


def test_brand_checks_have_their_own_section_before_profiles() -> None:
    brand = [
        check("CON001", Status.FAIL, severity=Severity.HIGH, fix="Use one handle everywhere."),
        check("CON002", Status.PASS),
    ]
    text = render_markdown(audit_result(brand_checks=brand))
    section = _section(text, "## Across all profiles", "## Profiles")
    assert "`CON001`" in section and "  - Fix: Use one handle everywhere." in section
    assert "- [x] Title of CON002 (`CON002`)" in section
    assert text.index("## Across all profiles") < text.index("## Profiles")


def test_evidence_is_shown_briefly() -> None:
    long = "x" * 500
    c = check(
        "BIO1",
        Status.FAIL,
        evidence=[Evidence(field="bio_length", value=12), Evidence(field="bio", value=long)],
    )
    text = render_markdown(audit_result([profile_result(checks=[c])]))
    line = next(line for line in text.splitlines() if line.startswith("  - Evidence:"))
    assert line.startswith("  - Evidence: bio length — 12; bio — xxx")  # plain words
    assert len(line) < 150


def _to_html(text: str) -> str:
    """Render like a forgiving viewer would: CommonMark with raw HTML on, plus GFM tables."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return md.render(text)


def test_hostile_bio_stays_text_and_cannot_add_structure() -> None:
    c = check("BIO1", Status.FAIL, message=f"Bio is: {HOSTILE_BIO}")
    result = audit_result(
        [profile_result(bio=HOSTILE_BIO, display_name="# Owned | x", checks=[c])],
        brand="*Brand* [x](javascript:alert(1))",
    )
    text = render_markdown(result)
    assert not any(line.startswith(("# heading", "- [x] fake")) for line in text.splitlines())
    assert text.count("- [ ] ") == 1  # only the real failed check

    html = _to_html(text)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    for label in ("Name", "Bio"):  # user text renders as plain text: no tags inside at all
        shown = re.search(rf"<li>{label}: (.*?)</li>", html, flags=re.DOTALL)
        assert shown is not None and "<" not in shown.group(1)
    assert html.count("<h1>") == 1 and "<table" not in html
    assert "<h1>Findable audit: *Brand* [x](javascript:alert(1)) — 72/100" in html


def test_only_http_urls_become_autolinks() -> None:
    good = render_markdown(audit_result([profile_result(url="https://x.com/a_b")]))
    assert "- URL: <https://x.com/a_b>" in good
    bad = render_markdown(audit_result([profile_result(url="javascript:alert(1)")]))
    assert "- URL: javascript:alert(1)" in bad
    assert "<javascript" not in bad


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("| a | b |", "\\| a \\| b \\|"),
        ("`rm -rf`", "\\`rm -rf\\`"),
        ("*50% off* [menu](http://x)", "\\*50% off\\* \\[menu\\](http://x)"),
        ("<b>hi</b>", "\\<b>hi\\</b>"),
        ("Fish &amp; chips & co", "Fish \\&amp; chips & co"),
        ("line one\n# two\n\n- [x] three", "line one # two - \\[x\\] three"),
        ("blue_door_bakery", "blue_door_bakery"),
        ("_emph_ and __strong__", "\\_emph\\_ and \\_\\_strong\\_\\_"),
        ("Bakery #", "Bakery \\#"),
        ("a\\*b", "a\\\\\\*b"),
        ("نان خمیر ترش #نان_تازه", "نان خمیر ترش #نان_تازه"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        (None, ""),
    ],
)
def test_md_escape(raw: str | None, escaped: str) -> None:
    assert md_escape(raw) == escaped


@pytest.mark.parametrize(
    ("raw", "mid_line", "line_start"),
    [
        ("# Bakery", "# Bakery", "\\# Bakery"),
        ("- item", "- item", "\\- item"),
        ("1. first", "1. first", "1\\. first"),
        ("2.5 posts per week", "2.5 posts per week", "2.5 posts per week"),
    ],
)
def test_block_markers_escaped_only_where_a_line_starts(
    raw: str, mid_line: str, line_start: str
) -> None:
    assert md_escape(raw) == mid_line
    assert md_escape(raw, line_start=True) == line_start


def test_render_dispatches_to_markdown() -> None:
    result = audit_result()
    assert render(result, "md") == render_markdown(result)


# --- the Keywords section ----------------------------------------------------------------


def _keywords_md(*, proposed: bool = False, keyword: str = "sourdough") -> str:
    competitor = profile_result("rivalbakery", score=81.0, band="needs-work")
    disc = discoverability(proposed=proposed, keyword=keyword)
    return render_markdown(audit_result(discoverability=disc, competitors=[competitor]))


def test_keywords_matrix_is_a_table_of_fields() -> None:
    text = _keywords_md()
    section = _section(text, "## Keywords", "## Profiles")
    lines = section.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| Keyword"))
    assert lines[head] == (
        "| Keyword | Instagram @bluedoor | TikTok @bluedoor.atx | "
        "Instagram @rivalbakery (competitor) |"
    )
    assert lines[head + 1] == "| --- | --- | --- | --- |"
    assert lines[head + 2] == (
        "| sourdough | name field, bio | — (only in the bio, which TikTok search does not "
        "read) | captions |"
    )
    assert lines[head + 3] == "| نان سنگک | hashtags | — | name field, handle |"
    html = _to_html(text)
    assert html.count("<table>") == 1 and html.count("<tr>") == 3


def test_rankings_suggestions_and_competitor_scores() -> None:
    text = _keywords_md()
    assert "### Against competitors" in text
    assert (
        "- For 'نان سنگک' you rank 2nd of 2 on Instagram; @rivalbakery has it in its name "
        "field and handle, your best is the hashtags." in text
    )
    assert "- gluten-free — used by @rivalbakery (Instagram)" in text
    competitors = _section(text, "### Competitors", "## ")
    assert "- Instagram @rivalbakery — 81/100 (needs work)" in competitors
    # The summary lists only the brand's own profiles.
    assert "rivalbakery" not in _section(text, "## Summary", "## Keywords")


def test_proposed_keywords_are_marked() -> None:
    text = _keywords_md(proposed=True)
    assert "proposed; confirm with --keywords or the brand file" in text
    assert "| sourdough (proposed) |" in text


def test_hostile_keyword_stays_in_its_cell() -> None:
    text = _keywords_md(keyword=HOSTILE_KEYWORD)
    row = next(line for line in text.splitlines() if "onerror" in line and line.startswith("|"))
    html = _to_html(text)
    assert "<img" not in html and "javascript:" not in "".join(re.findall(r'href="([^"]*)"', html))
    # Still four cells: the keyword's pipe is escaped, not a column break.
    assert html.count("<td>") == 8
    assert row.startswith("| \\<img src=x onerror=alert(1)> \\| \\*pipe\\*")


def test_no_keywords_section_without_discoverability() -> None:
    assert "## Keywords" not in render_markdown(audit_result())
