"""What a Facebook Page shows about reviews, replies and its shop, as pure readings.

- Graph API Page fields `overall_star_rating` and `rating_count` (documented Page fields; the
  rating Facebook derives from recommendations);
- the Page's visible text: "95% recommend (1,234 Reviews)" or "Rating · 4.6 (123 Reviews)",
  and the response badge "Typically replies within an hour" (about Messenger messages);
- the Page's tab bar: a "Shop" tab linking to /<page>/shop;
- Reels: a Graph API post whose permalink or attachment target is a /reel/ URL.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from audit.model import Engagement, Media, Reviews

__all__ = ["badge", "graph_reviews", "has_shop_tab", "is_reel", "text_reviews"]

_COUNT = r"(\d[\d,.\u00a0\u202f]*)"
_RECOMMEND = re.compile(rf"(\d{{1,3}})\s?% recommend\s*\(\s*{_COUNT}\s+reviews?\)", re.I)
_RATING = re.compile(rf"\b([1-5](?:[.,]\d)?)\s*\(\s*{_COUNT}\s+reviews?\)", re.I)
_BADGE = re.compile(
    r"Typically replies (?:with)?in (a few minutes|minutes|an hour|a few hours|a day|a few days)",
    re.I,
)
_BADGE_MINUTES = {
    "minutes": 5,
    "a few minutes": 5,
    "an hour": 60,
    "a few hours": 180,
    "a day": 24 * 60,
    "a few days": 3 * 24 * 60,
}


def _int(text: str) -> int | None:
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def graph_reviews(node: dict[str, Any]) -> Reviews | None:
    raw_rating, raw_count = node.get("overall_star_rating"), node.get("rating_count")
    rating = (
        float(raw_rating)
        if isinstance(raw_rating, (int, float))
        and not isinstance(raw_rating, bool)
        and 1 <= raw_rating <= 5
        else None
    )
    count = (
        raw_count
        if isinstance(raw_count, int) and not isinstance(raw_count, bool) and raw_count >= 0
        else None
    )
    if rating is None and count is None:
        return None
    return Reviews(rating=rating, count=count)


def text_reviews(text: str) -> Reviews | None:
    """Reviews as the Page's text shows them; the recommend share is no star rating."""
    m = _RATING.search(text)
    if m:
        return Reviews(rating=float(m.group(1).replace(",", ".")), count=_int(m.group(2)))
    m = _RECOMMEND.search(text)
    if m:
        return Reviews(count=_int(m.group(2)))
    return None


def badge(text: str) -> Engagement | None:
    m = _BADGE.search(text)
    if not m:
        return None
    return Engagement(
        response_badge=" ".join(m.group(0).split()),
        badge_minutes=_BADGE_MINUTES[m.group(1).lower()],
    )


def has_shop_tab(soup: BeautifulSoup) -> str | None:
    """The Page's Shop tab URL, when its tab bar has one."""
    for a in soup.find_all("a", href=True):
        href = str(a["href"])
        parts = urlsplit(href)
        host = parts.hostname or "facebook.com"
        if not host.endswith("facebook.com"):
            continue
        if re.search(r"/shop/?$", parts.path) and a.get_text(" ", strip=True).lower() == "shop":
            return href if parts.hostname else f"https://www.facebook.com{parts.path}"
    return None


def is_reel(node: dict[str, Any], media: list[Media]) -> bool | None:
    """A Graph API post that is a Reel (its permalink or an attachment's target is /reel/);
    a post without video is not one; another video is unknown (a Reel or a long video)."""
    attachments = node.get("attachments")
    data = attachments.get("data") if isinstance(attachments, dict) else None
    urls = [node.get("permalink_url")] + [
        a["target"].get("url") if isinstance(a.get("target"), dict) else a.get("url")
        for a in (data if isinstance(data, list) else [])
        if isinstance(a, dict)
    ]
    if any(isinstance(u, str) and "/reel/" in u for u in urls):
        return True
    if any(m.kind == "video" for m in media):
        return None
    return False
