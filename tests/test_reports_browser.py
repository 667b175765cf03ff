"""The HTML report in a real Chromium, as an owner on a phone and a consultant on a laptop
would see it, and as Chromium prints it to the PDF.

The report is made by the real pipeline (an invented bakery's profiles, checked and scored by
the engine, its earlier audit in a temporary history database), so what is tested is what a
user gets: the first fix above the fold at 1280x900, nothing scrolling sideways at 390 px,
axe-core clean at both widths, copy buttons that copy, no request leaving the page, and
nothing past the page box when printed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from audit import history
from audit.model import Brand, Link, Platform
from audit.pipeline import audit_profiles
from audit.result import AuditResult
from reports.html import render_html
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
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """report.html of a re-audit, with its progress since two earlier stored audits."""
    folder = tmp_path_factory.mktemp("report")
    db = folder / "history.sqlite3"  # a temporary history, never the user's
    history.record(_audit(False, 30), db)
    history.record(_audit(False, 14), db)
    result = _audit(True, 0)
    result.progress = history.progress(result, db)
    assert result.progress is not None and len(result.progress.trend) == 3
    path = folder / "report.html"
    path.write_text(render_html(result), encoding="utf-8")
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
