"""PDF: the HTML report printed by Chromium, for clients who want a document to file.

The browser here is only a typesetter: it gets the self-contained HTML (which already reads
only the AuditResult) via `set_content`, every network request is refused, and nothing is
captured. PDF is not part of `--format all`, so offline replays never need a browser.
"""

from __future__ import annotations

from html import escape

from audit.result import AuditResult
from reports.html import render_html

__all__ = ["render_pdf"]

# In the bottom margin of every page: whose report it is (the page's <title>, which
# Chromium fills in as text), the version that wrote it, and 'page 3 of 11', so loose printed
# pages can be put back. The page's own footer line is not printed (it could take a page of
# its own).
_FOOTER = (
    '<div style="font: 8px system-ui, sans-serif; color: #5f6670; width: 100%; '
    'padding: 0 12mm; display: flex; justify-content: space-between; gap: 12px">'
    '<span class="title"></span><span>{version}</span><span>page <span class="pageNumber">'
    '</span> of <span class="totalPages"></span></span></div>'
)


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
            return page.pdf(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=_FOOTER.format(
                    version=escape(
                        f"findable {result.tool_version} · report schema {result.schema_version}"
                    )
                ),
            )
        finally:
            browser.close()
