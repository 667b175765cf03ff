"""Generic page metadata every platform falls back on: OpenGraph/meta tags, JSON-LD, and
JSON blobs embedded in scripts (hydration data)."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

__all__ = [
    "embedded_json",
    "json_ld",
    "loads_tolerant",
    "meta_tags",
    "script_json_by_id",
    "soup_of",
]


def soup_of(html: str) -> BeautifulSoup:
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml missing or choked: the stdlib parser always works
        return BeautifulSoup(html, "html.parser")


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """`og:*`, `twitter:*`, `description`, ... -> content (first occurrence wins)."""
    out: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        if not isinstance(tag, Tag):
            continue
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str):
            out.setdefault(key.strip().lower(), content)
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and isinstance(link.get("href"), str):
        out.setdefault("canonical", str(link["href"]))
    return out


_WRAPPERS = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?://\s*\]\]>|\]\]>|-->)\s*;?\s*$"
)
_LENIENT = json.JSONDecoder(strict=False)


def _without_trailing_commas(text: str) -> str:
    """`[1, 2,]` -> `[1, 2]`, `{"a": 1,}` -> `{"a": 1}`; commas inside strings are kept."""
    out: list[str] = []
    in_string = escaped = False
    comma = -1  # where in `out` the last comma outside a string stands, until a value follows
    for ch in text:  # one pass: a page of commas must not be re-read from each comma on
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if not ch.isspace():
            if comma >= 0 and ch in "}]":
                out[comma] = ""
            comma = -1
        if ch == '"':
            in_string = True
        elif ch == ",":
            comma = len(out)
        out.append(ch)
    return "".join(out)


def loads_tolerant(text: str | None) -> Any:
    """A JSON value from an embedded script block, read as browsers and extruct-style readers
    do: raw newlines and tabs inside strings (real bsky.app pages have them), a trailing comma,
    an HTML comment or CDATA wrapper, HTML-escaped text (`{&quot;name&quot;: ...}`), and text
    after the value (`{...};`). Raises ValueError when none of that makes it JSON."""
    if text is None:
        raise ValueError("no text")
    body = _WRAPPERS.sub("", text).strip()
    candidates = [body]
    if "&quot;" in body or "&#34;" in body or "&amp;" in body:
        candidates.append(html.unescape(body))
    for candidate in candidates:
        for attempt in (candidate, _without_trailing_commas(candidate)):
            try:
                value, _ = _LENIENT.raw_decode(attempt)
            except (ValueError, RecursionError):  # RecursionError: nested past what Python reads
                continue
            return value
    raise ValueError("not JSON, even read tolerantly")


def json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """All JSON-LD objects on the page, `@graph` flattened; unparsable blocks skipped."""
    found: list[dict[str, Any]] = []
    for tag in soup.find_all("script", type="application/ld+json"):
        text = tag.string if isinstance(tag, Tag) else None
        if not text:
            continue
        try:
            data = loads_tolerant(text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                found.extend(x for x in item["@graph"] if isinstance(x, dict))
            elif isinstance(item, dict):
                found.append(item)
    return found


def script_json_by_id(soup: BeautifulSoup, element_id: str) -> Any:
    """The JSON inside `<script id=...>` (e.g. TikTok's `__UNIVERSAL_DATA_FOR_REHYDRATION__`)."""
    tag = soup.find("script", id=element_id)
    if not isinstance(tag, Tag) or not tag.string:
        return None
    try:
        return loads_tolerant(tag.string)
    except ValueError:
        return None


def embedded_json(html: str, name: str) -> Any:
    """The JSON value assigned to `name` in an inline script: `window._sharedData = {...};`,
    `var ytInitialData = {...};`. Scans brackets so nested braces and strings are safe."""
    for match in re.finditer(re.escape(name) + r"\s*=\s*", html):
        start = match.end()
        if start >= len(html) or html[start] not in "{[":
            continue
        try:
            value, _ = _LENIENT.raw_decode(html, start)
        except (ValueError, RecursionError):  # malformed, or nested past what Python reads
            continue
        return value
    return None
