"""Pinterest: URL patterns (capture plan and extraction: see the extractors issue)."""

from __future__ import annotations

from urllib.parse import SplitResult

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import path_segments, validate_handle

_RESERVED = frozenset(
    {
        "pin",
        "search",
        "ideas",
        "today",
        "business",
        "settings",
        "login",
        "_",
        "oauth",
        "resource",
        "categories",
        "explore",
        "videos",
    }
)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9_]{3,30}",
        "Pinterest username (3-30 letters, digits and _)",
        "pinterest:@bluedoorbakery",
    ).lower()


def match_url(parts: SplitResult) -> str | None:
    # pinterest.com, pinterest.co.uk, de.pinterest.com, pinterest.com.au ...
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if "pinterest" not in labels or host.startswith("api."):
        return None
    segs = path_segments(parts)
    if not segs or segs[0].lower() in _RESERVED:
        return None
    try:
        return normalize_handle(segs[0])
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    return f"https://www.pinterest.com/{handle}/"


SPEC = PlatformSpec(
    platform=Platform.PINTEREST,
    hosts=("pinterest.com",),
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
