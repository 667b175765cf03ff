"""Embedded JSON is read the way browsers and extruct-style readers read it: a JSON-LD block
with a raw newline inside a string (real bsky.app pages have them), a trailing comma, an HTML
comment wrapper or HTML-escaped text must not lose the whole block."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from audit.documents import Document
from audit.platforms.base import ExtractContext
from audit.platforms.bluesky import extract
from audit.platforms.generic import embedded_json, json_ld, loads_tolerant, soup_of
from tests.realdata import realdata

CTX = ExtractContext(captured_at=datetime(2026, 2, 1, tzinfo=timezone.utc))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"bio": "Sourdough\nLjubljana"}', {"bio": "Sourdough\nLjubljana"}),
        ('{"tags": ["a", "b",],}', {"tags": ["a", "b"]}),
        ('{"t": "a, ]"}', {"t": "a, ]"}),  # a comma inside a string stays
        ('<!-- {"a": 1} -->', {"a": 1}),
        ('//<![CDATA[\n{"a": 1}\n//]]>', {"a": 1}),
        ("{&quot;name&quot;: &quot;Modra &amp; Vrata&quot;}", {"name": "Modra & Vrata"}),
        ('{"a": 1};', {"a": 1}),
    ],
)
def test_loads_tolerant_reads_what_browsers_accept(text: str, value: object) -> None:
    assert loads_tolerant(text) == value


@pytest.mark.parametrize("text", ["", "not json", "{'a': 1}", None])
def test_loads_tolerant_still_refuses_what_is_not_json(text: str | None) -> None:
    with pytest.raises(ValueError):
        loads_tolerant(text)


def test_embedded_hydration_with_a_raw_newline() -> None:
    page = '<script>window._sharedData = {"bio": "line one\nline two"};</script>'
    assert embedded_json(page, "window._sharedData") == {"bio": "line one\nline two"}


def test_the_real_bsky_post_page_json_ld_is_read() -> None:
    """The real page's DiscussionForumPosting has raw newlines in its text: a strict reader
    drops the block and with it the post's exact date and full text."""
    page = realdata("bluesky", "metascraper_bskyapp_post_forbes_rendered_2026-01.html")
    html = page.read_text(encoding="utf-8")
    soup = soup_of(html)
    raw = soup.find("script", type="application/ld+json")
    assert raw is not None and raw.string
    with pytest.raises(ValueError):
        json.loads(raw.string)  # the real block is not strict JSON
    (posting,) = json_ld(soup)
    assert posting["@type"] == "DiscussionForumPosting" and "\n" in posting["text"]
    profile = extract([Document(text=html, kind="html", url=str(page))], CTX)
    (post,) = profile.posts
    assert post.created_at == datetime(2026, 1, 26, 12, 3, 53, 754000, timezone.utc)
    assert post.caption is not None and "\n" in post.caption  # the JSON-LD text, not og:


_PROFILE_PAGE = """<html><head>
<meta property="og:title" content="Modra Vrata (@modravrata.si)">
<link rel="canonical" href="https://bsky.app/profile/modravrata.si">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ProfilePage",
"mainEntity": {"@type": "Person", "name": "Modra Vrata", "alternateName": "@modravrata.si",
"description": "Pekarna z naravnim kvasom
v centru Ljubljane",
"image": "https://cdn.bsky.app/img/avatar/plain/did:plc:abc/bafkrei@jpeg"},}</script>
</head><body></body></html>"""


def test_a_profile_page_json_ld_with_raw_newlines_keeps_bio_and_avatar() -> None:
    page = Document(text=_PROFILE_PAGE, kind="html", url="https://bsky.app/profile/modravrata.si")
    profile = extract([page], CTX)
    assert profile.bio == "Pekarna z naravnim kvasom\nv centru Ljubljane"
    assert profile.avatar is not None
    assert profile.avatar.url == "https://cdn.bsky.app/img/avatar/plain/did:plc:abc/bafkrei@jpeg"


def test_trailing_commas_are_dropped_in_one_pass_over_a_page_of_commas() -> None:
    """Hostile pages are untrusted: 400,000 commas (and one trailing comma, so the tolerant
    pass runs) are read once, not once per comma (quadratic: hours; pytest-timeout guards)."""
    text = "[" + "1, " * 400_000 + "]"
    value = loads_tolerant(text)
    assert value == [1] * 400_000
    assert loads_tolerant('{"a": "x,}", "b": [1, 2,\n ],}') == {"a": "x,}", "b": [1, 2]}
