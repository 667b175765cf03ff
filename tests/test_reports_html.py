"""HTML report: self-contained, escaped, RTL-safe, and honest about what was not captured."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from audit.model import Avatar, Link, Outcome, Platform, Post
from audit.result import Evidence, Severity, Status
from reports import render
from reports._svg import BAND_COLOURS
from reports.html import render_html
from tests.test_reports_helpers import (
    HOSTILE_BIO,
    HOSTILE_KEYWORD,
    audit_result,
    check,
    discoverability,
    mixed_checks,
    posts,
    profile_result,
)


class Page(HTMLParser):
    """Every element with its attributes, the text of the page, and a stack-aware view of
    which elements each text run sits in."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []
        self._stack: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "link", "img", "input"}:
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.texts.append((data, tuple(self._stack)))

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.texts)


def _hostile_result() -> str:
    c = check(
        "BIO1",
        Status.FAIL,
        message=f"Bio is {HOSTILE_BIO}",
        fix='Rewrite "><script>x()</script>',
        evidence=[
            Evidence(field="bio", value=HOSTILE_BIO, url="javascript:alert(4)"),
            Evidence(field="post", value="p1", url="https://www.instagram.com/p/abc/"),
            Evidence(field="tab", value="x", url="java\tscript:alert(5)"),
            Evidence(field="data", value="x", url="data:text/html,<script>alert(6)</script>"),
        ],
    )
    profile = profile_result(
        '"><svg onload=alert(7)>',
        bio=HOSTILE_BIO,
        display_name="<img src=x onerror=alert(8)>",
        url="javascript:alert(9)",
        checks=[c],
        links=[Link(url="JavaScript:alert(10)", title="<b>menu</b>")],
        avatar=Avatar(url="javascript:alert(11)"),
        posts=[Post(id="1", created_at=posts([2])[0].created_at, caption="</title><script>")],
    )
    result = audit_result(
        [profile],
        brand="</title><script>alert(12)</script>",
        keywords=["<i>kw</i>"],
        notes=["<iframe src=//evil>"],
    )
    return render_html(result)


def test_hostile_input_is_escaped_everywhere() -> None:
    text = _hostile_result()
    page = Page(text)
    # Only the elements the report itself writes exist; user text made none.
    allowed = {
        "html", "head", "meta", "title", "style", "body", "main", "header", "section", "div",
        "h1", "h2", "h3", "h4", "p", "span", "bdi", "b", "a", "ul", "li", "dl", "dt", "dd",
        "code", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "svg",
        "circle", "line", "text", "footer", "ol", "pre", "button", "polyline", "script",
    }  # fmt: skip
    assert {tag for tag, _ in page.elements} <= allowed
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    # the report's own script (copy buttons) is the only one, and no user text got in
    assert text.lower().count("<script") == 1 and "<img" not in text.lower()
    assert text.index("<script>") > text.index("</footer>")
    # The hostile strings are still shown, as text.
    assert "<script>alert(1)</script>" in page.text
    assert "<img src=x onerror=alert(8)>" in page.text
    assert "</title><script>alert(12)</script>" in page.text


def test_links_are_only_http_and_carry_a_safe_rel() -> None:
    page = Page(_hostile_result())
    hrefs = [attrs["href"] or "" for attrs in page.tags("a")]
    external = [h for h in hrefs if not h.startswith("#")]
    assert external == ["https://www.instagram.com/p/abc/"]
    for attrs in page.tags("a"):
        if not (attrs["href"] or "").startswith("#"):
            assert attrs["rel"] == "noopener noreferrer nofollow"
    # Non-http URLs are still visible, as inert text.
    assert "javascript:alert(9)" in page.text and "JavaScript:alert(10)" not in hrefs


def test_page_is_self_contained() -> None:
    text = render_html(
        audit_result([profile_result(avatar=Avatar(url="https://cdn.example/a.jpg"))])
    )
    page = Page(text)
    assert not page.tags("img") and not page.tags("link")
    assert page.tags("script") == [{}]  # inline, no src: allowed by its hash only
    assert not [attrs for _, attrs in page.elements if "src" in attrs]
    assert "@import" not in text and "url(" not in text
    csp = [m["content"] for m in page.tags("meta") if m.get("http-equiv")]
    assert csp and "default-src 'none'" in (csp[0] or "")
    directives = dict(d.strip().split(" ", 1) for d in (csp[0] or "").split(";"))
    assert directives["script-src"].startswith("'sha256-")  # that one script, no other
    assert "connect-src 'none'" in (csp[0] or "")
    # The avatar is a link to click, never an image to load.
    assert "https://cdn.example/a.jpg" in [a["href"] for a in page.tags("a")]


def test_document_declares_charset_language_and_viewport() -> None:
    page = Page(render_html(audit_result()))
    assert page.tags("html")[0]["lang"] == "en"
    assert {"charset": "utf-8"} in page.tags("meta")
    assert any(m.get("name") == "viewport" for m in page.tags("meta"))


def test_user_text_is_direction_aware() -> None:
    bio = "نان خمیر ترش تازه هر روز\nSourdough bakery in Tehran"
    page = Page(render_html(audit_result([profile_result(bio=bio, display_name="نان‌آوران")])))
    bio_blocks = [attrs for attrs in page.tags("p") if attrs.get("class") == "bio"]
    assert bio_blocks == [{"dir": "auto", "class": "bio"}]
    names = [t for t, stack in page.texts if t == "نان‌آوران"]
    assert names and all("bdi" in s for t, s in page.texts if t == "نان‌آوران")
    assert "نان خمیر ترش تازه هر روز" in page.text


def test_gauge_colour_follows_the_band() -> None:
    for score, band in ((35.0, "poor"), (72.0, "needs-work"), (95.0, "good")):
        text = render_html(audit_result(score=score, band=band))
        header = text[text.index("<header") : text.index("</header>")]
        assert f'stroke="{BAND_COLOURS[band]}"' in header
        assert f">{int(score)}</text>" in header


def test_not_captured_profile_has_no_score_and_says_why() -> None:
    skipped = [check(i, Status.NA, message="not captured") for i in ("BIO001", "KEY001")]
    result = audit_result(
        [
            profile_result(
                "bd",
                Platform.TIKTOK,
                outcome=Outcome.LOGIN_WALL,
                reason="TikTok asked to log in",
                checks=skipped,
            )
        ]
    )
    text = render_html(result)
    card = text[text.index('id="profile-1"') :]
    page = Page(card)
    assert "Not captured: login wall" in page.text
    assert "TikTok asked to log in" in page.text
    assert "2 checks skipped because the profile was not captured" in page.text
    assert not re.search(r">0</text>|>0<", card)
    assert "not captured" in Page(text[: text.index('id="profile-1"')]).text  # glance table


def test_checklist_shows_fixes_and_evidence_first_passes_folded() -> None:
    checks = [
        *mixed_checks(),
        check(
            "EV1",
            Status.FAIL,
            severity=Severity.HIGH,
            weight=9,
            fix="Add alt text.",
            evidence=[Evidence(field="alt_custom", value=3, source="dom: img[alt]")],
        ),
    ]
    text = render_html(audit_result([profile_result(checks=checks)]))
    card = text[text.index('id="profile-1"') :]
    todo = card[: card.index("<details>")]
    order = re.findall(r'class="check-meta">(\w+) ·', todo)
    assert order == ["EV1", "HIGH03", "HIGH01", "HIGH02", "MED01", "INFO01", "LOW01"]
    for c in checks:
        if c.status in (Status.FAIL, Status.WARN):
            assert c.fix and c.fix in todo
    # evidence in plain words; where it was read stays in the JSON
    assert "alt custom — 3" in todo and "dom: img[alt]" not in todo
    details = card[card.index("<details>") : card.index("</details>")]
    assert "Passed checks (2)" in details and "PASS01" in details and "PASS02" in details
    unchecked = Page(card[card.index("Could not check") :]).text
    for c in checks:
        if c.status in (Status.NA, Status.ERROR, Status.MANUAL):
            assert c.id in unchecked and c.message in unchecked


def test_category_bars_show_each_category() -> None:
    page = Page(render_html(audit_result([profile_result(score=64.0)])))
    fills = [a for a in page.tags("div") if (a.get("class") or "").startswith("fill ")]
    assert fills == [{"class": "fill band-needs-work", "style": "width:64.0%"}]


def test_timeline_has_a_dot_per_dated_post_and_is_absent_without_dates() -> None:
    dated = [*posts([1, 3, 40, 200]), Post(id="undated")]
    page = Page(render_html(audit_result([profile_result(posts=dated)])))
    dots = [t for t, stack in page.texts if "circle" in stack and "title" in stack]
    assert len(dots) == 8  # each post once in the wide chart and once in the phone chart
    assert "Posting timeline" in page.text

    none = Page(render_html(audit_result([profile_result(posts=[Post(id="undated")])])))
    assert "Posting timeline" not in none.text and not none.tags("line")


def test_brand_checks_and_notes_are_rendered() -> None:
    result = audit_result(
        brand_checks=[check("CON001", Status.WARN, fix="Use one handle.")], notes=["Heads up"]
    )
    page = Page(render(result, "html"))
    assert "Across all profiles" in page.text and "Use one handle." in page.text
    assert "Heads up" in page.text


# --- the Keywords section ----------------------------------------------------------------


def _keywords_html(*, proposed: bool = False, keyword: str = "sourdough") -> str:
    competitors = [
        profile_result("rivalbakery", score=81.0, band="needs-work"),
        profile_result("lostrival", outcome=Outcome.LOGIN_WALL),
    ]
    disc = discoverability(proposed=proposed, keyword=keyword)
    return render_html(audit_result(discoverability=disc, competitors=competitors))


def _section_of(text: str) -> str:
    """The Keywords section: after the profiles, the details below the answer."""
    start = text.index("<h2>Keywords</h2>")
    assert start > text.index("<h2>Profiles</h2>")
    return text[start : text.index("</section>", start)]


def test_matrix_is_an_accessible_heat_table() -> None:
    section = _section_of(_keywords_html())
    text = section[section.index('<table class="matrix"') : section.index("</table>")]
    page = Page(text)
    assert page.tags("caption")
    # the key to the colours is a paragraph before the table, which it describes
    assert page.tags("table")[0].get("aria-describedby") == "kw-note"
    assert "Darker = easier to find" in Page(section[: section.index("<table")]).text
    headers = [a for a in page.tags("th") if a.get("scope") == "col"]
    assert len(headers) == 4  # keyword + three profiles
    assert [a for a in page.tags("th") if a.get("class") == "competitor"]
    rows = [a for a in page.tags("th") if a.get("scope") == "row"]
    assert len(rows) == 2
    cells = [a for a in page.tags("td") if "heat" in (a.get("class") or "")]
    assert [c["class"] for c in cells] == [
        "heat heat-4",
        "heat heat-0",
        "heat heat-2",
        "heat heat-2",
        "heat heat-0",
        "heat heat-4",
    ]
    # The shade is said in words too, for screen readers and print; no jargon.
    assert "name field, bio (strong match)" in page.text
    assert "— (only in the bio, which TikTok search does not read) (no match)" in page.text
    assert "field weight" not in text and "not searched here" not in text


def test_rankings_suggestions_and_competitor_scores_in_html() -> None:
    page = Page(_section_of(_keywords_html()))
    assert "Against competitors" in page.text
    assert "For 'نان سنگک' you rank 2nd of 2 on Instagram" in page.text
    rankings = [a for a in page.tags("li") if a.get("dir") == "auto"]
    assert rankings, "ranking sentences pick their own direction"
    assert "gluten-free" in page.text and "@rivalbakery (Instagram)" in page.text
    competitors = [a for a in page.tags("table") if "competitors" in (a.get("class") or "")]
    assert competitors
    assert "81" in page.text and "not captured" in page.text
    assert "not part of your score" in page.text


def test_persian_keyword_is_direction_aware() -> None:
    page = Page(_section_of(_keywords_html()))
    assert any(t == "نان سنگک" and "bdi" in stack and "th" in stack for t, stack in page.texts)


def test_proposed_keywords_are_flagged_in_html() -> None:
    page = Page(_section_of(_keywords_html(proposed=True)))
    assert "proposed; confirm with --keywords or the brand file" in page.text
    assert sum(1 for t, _ in page.texts if t == "proposed") == 2


def test_hostile_keyword_is_escaped_in_the_matrix() -> None:
    text = _keywords_html(keyword=HOSTILE_KEYWORD)
    page = Page(text)
    assert "<img" not in text.lower()
    assert not [a for _, attrs in page.elements for a in attrs if a.startswith("on")]
    assert HOSTILE_KEYWORD in page.text
    assert not [a for a in page.tags("a") if "javascript" in (a.get("href") or "")]


def test_no_keywords_section_without_discoverability_or_competitors() -> None:
    assert "<h2>Keywords</h2>" not in render_html(audit_result())


def test_suggestions_have_copy_buttons_and_long_draft_lists_fold() -> None:
    from audit.result import Suggestion

    drafts = [
        Suggestion(kind="alt_text", label=f"Alt text, post {i}", text=f"Loaf number {i}",
                   length=13, draft=True, note="Check it against the photo.")
        for i in range(1, 6)
    ]  # fmt: skip
    name = Suggestion(kind="name", label="Name field", text="Modra Vrata | Pekarna",
                      length=21, limit=30)  # fmt: skip
    checks = [
        check("ALT001", Status.WARN, severity=Severity.HIGH).model_copy(
            update={"suggestions": drafts}
        ),
        check("KEY001", Status.FAIL, severity=Severity.HIGH).model_copy(
            update={"suggestions": [name], "why": "Names are searched first."}
        ),
    ]
    text = render_html(audit_result([profile_result(checks=checks)]))
    answer = text[text.index('class="card answer"') : text.index("</section>")]
    assert "Why it matters:" in answer and "Names are searched first." in answer
    assert "Modra Vrata | Pekarna" in answer and "21/30 characters" in answer
    # the answer shows 3 drafts and points to the rest; the profile folds past 3
    assert answer.count('class="suggestion is-draft"') == 3
    assert "2 more in the profile's section below." in Page(answer).text
    card = text[text.index('id="profile-1"') :]
    folded = card[card.index('<details class="more-drafts">') :]
    assert "2 more drafts" in folded and "Loaf number 5" in folded
    assert card.count("Check it against the photo.") == 1  # a shared note said once
    buttons = [a for a in Page(text).tags("button") if a.get("class") == "copy"]
    assert len(buttons) == 1 + 3 + 1 + 5  # every suggestion, answer and profile


def test_evidence_counted_in_parts_reads_as_words_in_html_and_markdown() -> None:
    """A check's evidence that is a set of counts ({"comments_seen": 12, "replied": 3}, as
    the replies check gives) reads 'engagement — comments seen 12, replied 3', not as JSON;
    a hostile key is escaped like every other shown text."""
    counts = Evidence(field="engagement", value={"comments_seen": 12, "replied": 3}, source="x")
    hostile = Evidence(field="engagement", value={HOSTILE_KEYWORD: "<b>x</b>"}, source="x")
    checks = [check("EV2", Status.WARN, fix="Answer.", evidence=[counts, hostile])]
    result = audit_result([profile_result(checks=checks)])
    text = render_html(result)
    card = Page(text[text.index('id="profile-1"') :]).text
    assert "engagement — comments seen 12, replied 3" in card
    assert '"comments_seen"' not in text and "{" not in card.split("EV2")[1].split("Passed")[0]
    assert "<b>x</b>" not in text and "&lt;b&gt;x&lt;/b&gt;" in text
    markdown = render(result, "md")
    assert "engagement — comments seen 12, replied 3" in markdown


def test_a_fix_on_two_profiles_says_each_profiles_finding_advice_and_drafts() -> None:
    """The answer's alt-text fix covers Instagram and Bluesky: each profile's own count and
    its own platform's screens are said with its name (Instagram's Advanced settings are
    no help on Bluesky), advice both share is said once, and the drafts past the first three
    are in each profile's section (not 'the profile's'); in HTML and Markdown alike."""
    from audit.result import Suggestion

    def drafts(who: str) -> list[Suggestion]:
        return [
            Suggestion(kind="alt_text", label=f"Alt text, {who} post {i}", text=f"Loaf {i}",
                       length=6, draft=True, note="Check it against the photo.")
            for i in range(1, 4)
        ]  # fmt: skip

    found = {"bluedoor": ("3 of 12 have alt text.", "Tap Advanced settings > Accessibility."),
             "door": ("4 of 12 have alt text.", "Tap the ALT button on each image.")}  # fmt: skip
    profiles = [
        profile_result(handle, platform, checks=[
            check("ALT001", Status.WARN, severity=Severity.HIGH, message=found[handle][0],
                  fix=found[handle][1]).model_copy(update={"suggestions": drafts(handle)}),
            check("BIO009", Status.FAIL, severity=Severity.LOW, message="Same everywhere.",
                  fix="Same advice."),
        ])
        for handle, platform in (("bluedoor", Platform.INSTAGRAM), ("door", Platform.BLUESKY))
    ]  # fmt: skip
    result = audit_result(profiles)
    text = render_html(result)
    answer = Page(text[text.index('class="card answer"') : text.index("</section>")]).text
    markdown = render(result, "md").split("## What to fix first")[1].split("\n## ")[0]
    for shown in (answer, markdown):
        assert "Instagram @bluedoor: 3 of 12 have alt text." in shown
        assert "Bluesky @door: 4 of 12 have alt text." in shown
        assert "What to do (Instagram @bluedoor): Tap Advanced settings > Accessibility." in shown
        assert "What to do (Bluesky @door): Tap the ALT button on each image." in shown
        assert shown.count("Same everywhere.") == 1 and "What to do: Same advice." in shown
        assert "3 more in each profile's section below." in shown


def test_checks_that_cannot_apply_for_one_reason_are_one_line() -> None:
    """Fourteen 'Not applicable on Bluesky.' lines buried the two reasons worth reading:
    checks that give the same reason word for word are one line naming each of them (HTML
    and Markdown); a check with a reason of its own keeps its line."""
    checks = [
        check("REV001", Status.NA, title="Enough reviews", message="Not applicable on Bluesky."),
        check("GEO003", Status.NA, title="Geotags match", message="Bluesky posts have no place."),
        check("PRO003", Status.NA, title="Category is set", message="Not applicable on Bluesky."),
    ]
    result = audit_result([profile_result(checks=checks)])
    text = render_html(result)
    rows = [
        Page(row).text for row in re.findall(r"<li>.*?</li>", text[text.index("Could not check") :])
    ]
    assert "Not applicable on Bluesky: Category is set PRO003, Enough reviews REV001" in rows
    assert any("Geotags match" in r and "Bluesky posts have no place." in r for r in rows)
    assert sum("Not applicable on Bluesky" in r for r in rows) == 1
    markdown = render(result, "md")
    assert markdown.count("Not applicable on Bluesky") == 1
    assert "Not applicable on Bluesky: Category is set (`PRO003`), Enough reviews (`REV001`)" in (
        markdown
    )


def test_an_audit_without_a_brand_is_titled_with_the_profiles_own_name() -> None:
    """Audited from a saved page with no brand file, the report is titled with the name
    the profile shows ('Kyle Pitzen' on the real Bluesky page), not 'Social search audit';
    the handle when it shows none; the name is escaped like any text read from a page."""
    named = audit_result([profile_result(display_name="Kyle Pitzen")], brand=None)
    text = render_html(named)
    assert "<title>Findability audit — Kyle Pitzen</title>" in text
    assert Page(text[text.index("<h1>") : text.index("</h1>")]).text.strip() == "Kyle Pitzen"
    assert render(named, "md").startswith("# Findable audit: Kyle Pitzen — 72/100")
    unnamed = render_html(audit_result([profile_result(display_name=None)], brand=None))
    assert Page(unnamed[unnamed.index("<h1>") : unnamed.index("</h1>")]).text.strip() == (
        "@bluedoor"
    )
    hostile = render_html(audit_result([profile_result(display_name=HOSTILE_BIO)], brand=None))
    head = hostile[hostile.index("<h1>") : hostile.index("</h1>")]
    assert "<script" not in head.lower() and "<img" not in head.lower()
