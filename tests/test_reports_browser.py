"""The HTML report in a real Chromium, as an owner on a phone and a consultant on a laptop
would see it, and as Chromium prints it to the PDF.

The report is made by the real pipeline (an invented bakery's profiles, checked and scored by
the engine, its earlier audit in a temporary history database), so what is tested is what a
user gets: the first fix above the fold at 1280x900, nothing scrolling sideways at 390 px,
axe-core clean at both widths, copy buttons that copy, no request leaving the page, and
nothing past the page box when printed.
"""

from __future__ import annotations

import io
import itertools
import logging
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from audit import history
from audit.model import Brand, Link, Platform
from audit.pipeline import audit_profiles
from audit.result import AuditResult
from reports.html import render_html
from reports.pdf import render_pdf
from tests.checks_kit import NOW, image, make_profile, post

playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

LONG_LINK = (
    "https://modravrata.si/narocila/kruh-in-pecivo/sobotni-izbor?lang=sl&"
    "ref=instagram-profile-link-with-a-very-long-unbreakable-tail-0123456789abcdef"
)
BRAND = Brand(
    name="Modra Vrata",
    keywords=["sourdough", "bakery", "pekarna", "ljubljana"],
    location="Ljubljana, Slovenia",
    website="https://modravrata.si",
)
# A4 (210 mm) less the report's 12 mm print margins each side, in CSS pixels (96 per inch).
A4_CONTENT_PX = int((210 - 24) / 25.4 * 96)


def _profiles(fixed: bool):  # type: ignore[no-untyped-def]
    """Instagram and Bluesky profiles of an invented bakery; `fixed` is the re-audit after
    the owner wrote alt text for one more photo."""
    captions = [
        "Sourdough loaf fresh from the oven. #sourdough #ljubljana",
        "🥐 Rogljički s kardamomom, samo ob sobotah! #pekarna",
        "Rženi kruh s semeni, naš najbolj prodajani hlebec.",
        "Potica for the weekend, order by Thursday.",
    ]
    posts = [
        post(i, 3 + i * 9, caption, media=[image("Two loaves on a board", "custom")]
             if (i == 0 or (fixed and i == 1)) else [image()])
        for i, caption in enumerate(captions)
    ]  # fmt: skip
    instagram = make_profile(
        Platform.INSTAGRAM,
        handle="modravrata.bakery",
        display_name="Modra Vrata",
        bio="Pekarna z naravnim kvasom v centru Ljubljane\nOdprto vsak dan 7–19",
        links=[Link(url=LONG_LINK)],
        posts=posts,
    )
    bluesky = make_profile(
        Platform.BLUESKY,
        handle="modravrata.si",
        display_name="Modra Vrata · Pekarna",
        bio="Sourdough bakery in Ljubljana.",
        links=[Link(url="https://modravrata.si/")],
        posts=[post(10 + i, 40 + i * 12, c, media=[image()]) for i, c in enumerate(captions)],
    )
    rival = make_profile(
        Platform.INSTAGRAM,
        handle="zrno.pekarna",
        display_name="Zrno | Sourdough Bakery",
        bio="Pekarna v Ljubljani",
        posts=[post(20, 2, "Sourdough every day", media=[image()])],
    )
    return [instagram, bluesky], [rival]


def _audit(fixed: bool, when_days: float) -> AuditResult:
    profiles, rivals = _profiles(fixed)
    return audit_profiles(
        profiles, BRAND, competitors=rivals, generated_at=NOW - timedelta(days=when_days)
    )


@pytest.fixture(scope="module")
def reaudit(tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    """A re-audit, with its progress since two earlier stored audits."""
    db = tmp_path_factory.mktemp("history") / "history.sqlite3"  # never the user's
    history.record(_audit(False, 30), db)
    history.record(_audit(False, 14), db)
    result = _audit(True, 0)
    result.progress = history.progress(result, db)
    assert result.progress is not None and len(result.progress.trend) == 3
    return result


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, reaudit: AuditResult) -> Path:
    """report.html of the re-audit."""
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(reaudit), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[object]:
    from audit.browser import launch_args

    with playwright.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path, args=launch_args())
        yield chromium
        chromium.close()


def _open(browser, report: Path, width: int, height: int = 900, **context):  # type: ignore[no-untyped-def]
    """A page showing the report; every request other than the report itself is recorded
    and refused."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, **context)
    page = ctx.new_page()
    outside: list[str] = []
    url = report.as_uri()

    def on_route(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url == url:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", on_route)
    page.goto(url, wait_until="load")
    return ctx, page, outside


def _overflowing(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Elements whose right edge passes the viewport (inside a scroll box does not count)."""
    return page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth, out = [];
        for (const el of document.querySelectorAll('body *')) {
          const box = el.getBoundingClientRect();
          if (box.width && box.right > width + 0.5 && !el.closest('.matrix-wrap'))
            out.push(el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 40));
        }
        return out;
      }"""
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_no_sideways_scroll_and_no_request_leaves_the_page(browser, report, width) -> None:  # type: ignore[no-untyped-def]
    ctx, page, outside = _open(browser, report, width)
    try:
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, _overflowing(page)
        assert _overflowing(page) == []
        assert outside == []
    finally:
        ctx.close()


def test_first_fix_is_above_the_fold_on_a_laptop(browser, report) -> None:  # type: ignore[no-untyped-def]
    ctx, page, _ = _open(browser, report, 1280, 900)
    try:
        box = page.locator(".top-fix").first.locator(".tf-title").bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900
        lead = page.locator(".answer .lead").inner_text()
        assert "hold you back most" in lead or "holds you back most" in lead
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violation(browser, report, width) -> None:  # type: ignore[no-untyped-def]
    ctx, page, _ = _open(browser, report, width, 844 if width == 390 else 900)
    try:
        results = axe_module.Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        ctx.close()


def test_timeline_labels_are_readable_on_a_phone(browser, report) -> None:  # type: ignore[no-untyped-def]
    ctx, page, _ = _open(browser, report, 390, 844)
    try:
        charts = page.evaluate(
            """() => [...document.querySelectorAll('.timeline .chart-narrow svg')].map(svg =>
                [...svg.querySelectorAll('text')].map(t => { const b = t.getBoundingClientRect();
                    return [b.left, b.right, b.height]; }))"""
        )
        assert len(charts) == 2, "a phone timeline per profile"
        for boxes in charts:
            assert len(boxes) >= 2 and min(h for _, _, h in boxes) >= 9  # not 4 px tall
            ordered = sorted(boxes)
            for (_, right, _), (left, _, _) in itertools.pairwise(ordered):
                assert right <= left + 0.5  # no label overlaps the next
        assert page.locator(".timeline .chart-wide").first.is_hidden()
    finally:
        ctx.close()


def test_copy_button_copies_the_suggestion(browser, report) -> None:  # type: ignore[no-untyped-def]
    ctx, page, _ = _open(browser, report, 390, 844)
    try:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"])
        names = page.locator(".answer .suggestion").filter(has_text="Modra Vrata |")
        assert names.count() >= 1, "the name-field proposal names this business"
        for box in (names.first, page.locator(".answer .suggestion.is-draft").first):
            expected = box.locator(".s-text").text_content()
            assert expected
            box.locator("button.copy").click()
            status = box.locator(".s-status")
            status.filter(has_text="Copied").wait_for()
            assert page.evaluate("navigator.clipboard.readText()") == expected
    finally:
        ctx.close()


def test_printed_pages_hold_every_element_and_the_passed_checks(browser, report) -> None:  # type: ignore[no-untyped-def]
    """Laid out as Chromium prints it to the PDF (print media, A4 content width): nothing
    passes the page box, copy buttons are not printed, passed checks are listed."""
    ctx, page, _ = _open(browser, report, A4_CONTENT_PX, 1100)
    try:
        page.emulate_media(media="print")
        assert page.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX
        assert _overflowing(page) == []
        matrix = page.locator("table.matrix").bounding_box()
        assert matrix is not None and matrix["x"] + matrix["width"] <= A4_CONTENT_PX
        assert page.locator("button.copy").first.is_hidden()
        assert page.locator("ul.passed li").first.is_visible()
    finally:
        ctx.close()


def _printed_lines(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Each page of a PDF as its lines of text, top to bottom: (text, how far down the
    page's content box the line ends, 0 at the top margin, 1 at the bottom margin)."""
    layout = pytest.importorskip("pdfminer.layout")
    high_level = pytest.importorskip("pdfminer.high_level")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font metrics it guesses
    margin = 14 / 25.4 * 72  # the report's @page margin, top and bottom, in points
    pages = []
    for page in high_level.extract_pages(io.BytesIO(pdf)):
        top, height = page.y1 - margin, page.height - 2 * margin
        lines: list[tuple[str, float]] = []

        def walk(item: object) -> None:
            if isinstance(item, layout.LTTextLine):
                # NFKC: the font's ligatures ('ﬁ') read as the letters they join
                if text := unicodedata.normalize("NFKC", item.get_text()).strip():
                    lines.append((text, (top - item.y0) / height))  # noqa: B023
                return
            for child in getattr(item, "_objs", None) or []:
                walk(child)

        walk(page)
        pages.append(sorted(lines, key=lambda line: line[1]))
    return pages


@pytest.fixture(scope="module")
def demo_pdf(
    tmp_path_factory: pytest.TempPathFactory, chromium_path: str
) -> tuple[bytes, AuditResult]:
    """The demo's report.pdf as a second `findable demo --format json,pdf` writes it (with
    its progress since the first, in a temporary history), and its JSON."""
    out = tmp_path_factory.mktemp("demo")
    db = out / "history.sqlite3"
    for formats in ("json", "json,pdf"):
        proc = subprocess.run(
            [sys.executable, "-m", "audit", "demo", "--out", str(out / "report"), "--format",
             formats, "--db", str(db), "--quiet"],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    out = out / "report"
    result = AuditResult.model_validate_json((out / "report.json").read_text(encoding="utf-8"))
    return (out / "report.pdf").read_bytes(), result


@pytest.mark.parametrize("which", ["re-audit", "demo"])
def test_printed_pdf_fills_its_pages_and_keeps_each_heading_with_its_fix(request, which) -> None:  # type: ignore[no-untyped-def]
    """The PDF as Chromium prints it, read back: each page's foot names the brand, the
    version and 'page 3 of 11' (loose printed pages can be put back in order); no page but
    the last ends more than a fifth empty (the demo's twelve category bars kept whole left a
    third of a page blank, and its one-line footer took a page of its own: it is in the
    page margins now); no page ends on a heading whose content is overleaf: "Drafts to
    check and paste" with its drafts, a check's title with its message."""
    if which == "demo":
        pdf, result = request.getfixturevalue("demo_pdf")
    else:
        result = request.getfixturevalue("reaudit")
        # printed as `findable --format pdf` does, on a thread of its own: this module's
        # browser keeps Playwright's event loop running on the test's thread
        with ThreadPoolExecutor(1) as pool:
            pdf = pool.submit(render_pdf, result).result()
    printed = _printed_lines(pdf)
    # the bottom margin of every page says whose report it is and which page of how many
    for number, lines in enumerate(printed, 1):
        margin = " ".join(text for text, at in lines if at > 1)
        assert f"page {number} of {len(printed)}" in margin and str(result.brand) in margin
        assert f"findable {result.tool_version}" in margin
    pages = [[line for line in lines if line[1] <= 1] for lines in printed]
    assert len(pages) >= 3
    assert all(lines for lines in pages), "no page is blank"
    fill = [lines[-1][1] for lines in pages]
    assert min(fill[:-1]) >= 0.8, fill
    titles = {
        c.title for p in result.profiles for c in p.checks if c.status.value in {"fail", "warn"}
    }
    headings = titles | {"Ready to paste", "Drafts to check and paste", "Posting timeline",
                         "Categories", "Score over time"}  # fmt: skip
    headings |= {f"{level} priority" for level in ("High", "Medium", "Low")}
    for number, lines in enumerate(pages[:-1], 1):
        last = lines[-1][0].casefold()
        ending = [h for h in headings if h.casefold() in last]
        assert not ending, f"page {number} ends on {ending}: {lines[-3:]}"
    assert not any(text.startswith("findable ") for text, _ in pages[-1]), "not a page's own"


def test_a_phone_shows_handles_whole_the_matrix_key_and_thumb_sized_copy_buttons(
    browser, report
) -> None:  # type: ignore[no-untyped-def]
    """At 390 px: a handle in the profiles and competitors tables sits on one line (it
    broke as '@modravra' / 'ta.bakery'), the keyword table's key is read whole before the
    table (as its caption it was as wide as the table and cut by the screen's edge), and
    the copy buttons and the post links beside them are at least 44 px tall to tap."""
    ctx, page, _ = _open(browser, report, 390, 844)
    try:
        handles = page.evaluate(
            """() => [...document.querySelectorAll('table.glance td:nth-child(2)')].map(td => {
                const range = document.createRange(); range.selectNodeContents(td);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                return [td.textContent, tops.size]; })"""
        )
        assert len(handles) == 3 and all(text.startswith("@") for text, _ in handles)
        assert [lines for _, lines in handles] == [1, 1, 1], handles
        key = page.locator(".keywords .matrix-note")
        box, table = key.bounding_box(), page.locator("table.matrix").bounding_box()
        assert box is not None and table is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] < table["y"]
        assert "Darker = easier to find" in key.inner_text()
        assert page.locator("table.matrix").get_attribute("aria-describedby") == "kw-note"
        taps = page.evaluate(
            """() => [...document.querySelectorAll('.s-actions button.copy, .s-actions a')]
                .filter(el => el.offsetParent).map(el => el.getBoundingClientRect().height)"""
        )
        assert len(taps) >= 4 and min(taps) >= 44, taps
    finally:
        ctx.close()


def test_copy_falls_back_to_selecting_the_text_when_the_clipboard_api_refuses(
    browser, report
) -> None:  # type: ignore[no-untyped-def]
    """A phone browser may refuse the clipboard API (a report opened from a file, a denied
    permission): the button then selects the text and copies it the older way, and says
    so; the text on the clipboard is exactly the suggestion's."""
    ctx, page, _ = _open(browser, report, 390, 844)
    try:
        ctx.grant_permissions(["clipboard-read", "clipboard-write"])
        page.evaluate(
            """() => { const clip = navigator.clipboard;
                window.readBack = clip.readText.bind(clip);
                clip.writeText = () => Promise.reject(new Error('refused')); }"""
        )
        box = page.locator(".answer .suggestion").first
        expected = box.locator(".s-text").text_content()
        assert expected
        box.locator("button.copy").click()
        box.locator(".s-status").filter(has_text="Copied").wait_for()
        assert page.evaluate("String(window.getSelection())") == expected
        assert page.evaluate("window.readBack()") == expected
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_reads_fix_then_paste_then_progress_then_profiles(browser, report, width) -> None:  # type: ignore[no-untyped-def]
    """Top to bottom, as an owner reads it: the score, the first fix, the text to paste for
    it, what improved since last time, and only then the profiles one by one."""
    ctx, page, _ = _open(browser, report, width, 844)
    try:
        tops = page.evaluate(
            """() => ['.report-head', '.answer .top-fix', '.answer .suggestion button.copy',
                      '.progress', '.progress .changes.partial', 'section.profile']
                .map(s => document.querySelector(s).getBoundingClientRect().top + scrollY)"""
        )
        assert tops == sorted(tops) and len(set(tops)) == len(tops), tops
        partly = page.locator(".progress .changes.partial").inner_text()
        assert "Images lack alt text you wrote" in partly  # one more photo described
    finally:
        ctx.close()
