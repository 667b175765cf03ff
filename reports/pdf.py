"""PDF: the HTML report printed by Chromium, for clients who want a document to file.

The browser here is only a typesetter: it gets the self-contained HTML (which already reads
only the AuditResult) via `set_content`, every network request is refused, and nothing is
captured. PDF is not part of `--format all`, so offline replays never need a browser.
"""

from __future__ import annotations

from audit.result import AuditResult
from reports.html import render_html

__all__ = ["render_pdf"]


def render_pdf(result: AuditResult) -> bytes:
    from playwright.sync_api import sync_playwright

    from audit.browser import find_chromium, launch_args

    html = render_html(result)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=launch_args())
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            # On paper nothing can be unfolded: every folded list (passed checks) is printed.
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
