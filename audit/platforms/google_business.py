"""Google Business Profile: URL patterns for Maps place pages (extraction: extractors issue).

The 'handle' of a place is its name as Maps shows it in the URL (`/maps/place/NAME/`), or a
place ID / CID when the URL carries one."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qs, quote_plus

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import path_segments


def normalize_handle(text: str) -> str:
    handle = " ".join(text.strip().lstrip("@").replace("+", " ").split())
    if not handle:
        raise ValueError(
            "no place given; write it like google_business:@Blue Door Bakery Ljubljana"
        )
    return handle


def match_url(parts: SplitResult) -> str | None:
    host = (parts.hostname or "").lower()
    if not (host.startswith(("google.", "www.google.", "maps.google.")) or host == "g.page"):
        return None
    segs = path_segments(parts)
    if "place" in segs:
        i = segs.index("place")
        if i + 1 < len(segs):
            return normalize_handle(segs[i + 1])
    cid = parse_qs(parts.query).get("cid")
    if cid:
        return f"cid:{cid[0]}"
    return None


def profile_url(handle: str) -> str:
    if handle.startswith("cid:"):
        return f"https://www.google.com/maps?cid={handle[4:]}"
    return f"https://www.google.com/maps/place/{quote_plus(handle)}/"


SPEC = PlatformSpec(
    platform=Platform.GOOGLE_BUSINESS,
    hosts=("google.com",),
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
