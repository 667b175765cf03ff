"""The brand's website as text: what its title, description and headings say.

The capture layer fetches the brand's own website (the brand file's `website`) and stores
its pages in the snapshot like any other document; this module only reads them. What a
site says about the business in its `<title>`, meta description and headings is the
wording the owner chose for search engines, so it is the best source for proposing target
keywords when the user gave none (issue 5, item 4).

Pure and tolerant: pages are parsed with BeautifulSoup (lxml, falling back to the stdlib
parser), junk and non-HTML documents are skipped, nothing is fetched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from bs4 import BeautifulSoup, Tag
from pydantic import BaseModel, ConfigDict, Field

from audit.documents import Document
from audit.platforms.generic import meta_tags, soup_of
from audit.text import fix_mojibake

__all__ = ["MAX_HEADINGS", "SiteText", "read_site"]

# A homepage rarely has more than a few dozen real headings; the rest (footers, cookie
# banners repeated per section) only add noise to keyword proposals.
MAX_HEADINGS = 30
# A "heading" longer than this is a paragraph styled as one (or a whole card); skip it.
_HEADING_MAX_CHARS = 160
_TEXT_MAX_CHARS = 500
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


class SiteText(BaseModel):
    """The searchable words of the brand's website (all text already trimmed)."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, description="The page the text was read from.")
    title: str | None = Field(default=None, description="<title>, else og:title.")
    description: str | None = Field(
        default=None, description="meta description, else og:description / twitter:description."
    )
    headings: list[str] = Field(
        default_factory=list,
        description=f"h1-h3 texts in page order, deduplicated, at most {MAX_HEADINGS}.",
    )
    lang: str | None = Field(
        default=None, description="The primary language subtag of <html lang> ('sl' for sl-SI)."
    )

    def texts(self) -> list[str]:
        """Title, description and headings: the texts keyword proposals read."""
        return [t for t in (self.title, self.description, *self.headings) if t]

    def is_empty(self) -> bool:
        return not self.texts()


def _clean(text: str | None, limit: int = _TEXT_MAX_CHARS) -> str | None:
    """One line of visible text: mojibake repaired, whitespace collapsed, cut at `limit`."""
    if not text:
        return None
    flat = " ".join((fix_mojibake(text) or "").split())
    # Control characters go; format characters stay (the zero-width non-joiner is part of
    # Persian words).
    flat = "".join(ch for ch in flat if unicodedata.category(ch) != "Cc")
    if not flat:
        return None
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _lang_of(soup: BeautifulSoup) -> str | None:
    html = soup.find("html")
    value = html.get("lang") if isinstance(html, Tag) else None
    if not isinstance(value, str):
        return None
    m = _LANG.match(value.strip())
    return m.group(1).lower() if m else None


def _title_of(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    tag = soup.find("title")
    title = _clean(tag.get_text(" ")) if isinstance(tag, Tag) else None
    return title or _clean(meta.get("og:title")) or _clean(meta.get("twitter:title"))


def _description_of(meta: dict[str, str]) -> str | None:
    for key in ("description", "og:description", "twitter:description"):
        text = _clean(meta.get(key))
        if text:
            return text
    return None


def _headings_of(soup: BeautifulSoup) -> Iterable[str]:
    for tag in soup.find_all(["h1", "h2", "h3"]):
        if not isinstance(tag, Tag):
            continue
        text = _clean(tag.get_text(" "), limit=10_000)
        if text and len(text) <= _HEADING_MAX_CHARS:
            yield text


def _parse(doc: Document) -> BeautifulSoup | None:
    try:
        soup = soup_of(doc.text)
    except Exception:  # a body no parser can read is junk, not an audit failure
        return None
    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        if isinstance(tag, Tag):
            tag.decompose()
    return soup


def read_site(docs: Sequence[Document]) -> SiteText | None:
    """The website's text from its captured page(s), or None when no HTML page is among them.

    Title, description, language and URL come from the first page that has each; headings
    are collected from every page in order (case-insensitively deduplicated, at most
    `MAX_HEADINGS`). Pages that fail to parse are skipped.
    """
    pages = [d for d in docs if d.kind == "html" and d.text and d.text.strip()]
    if not pages:
        return None
    site = SiteText()
    seen: set[str] = set()
    for doc in pages:
        soup = _parse(doc)
        if soup is None:
            continue
        meta = meta_tags(soup)
        if site.url is None and doc.url:
            site.url = doc.url
        site.title = site.title or _title_of(soup, meta)
        site.description = site.description or _description_of(meta)
        site.lang = site.lang or _lang_of(soup)
        for heading in _headings_of(soup):
            key = heading.casefold()
            if key in seen or len(site.headings) >= MAX_HEADINGS:
                continue
            seen.add(key)
            site.headings.append(heading)
    return site
