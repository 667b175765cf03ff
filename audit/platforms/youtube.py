"""YouTube: URL patterns (capture plan and extraction: see the extractors issue).

A channel is named by its @handle or its channel ID (`UC` + 22 characters); legacy
`/c/NAME` and `/user/NAME` URLs are kept as `c/NAME` and `user/NAME`."""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import host_matches, path_segments, validate_handle

HOSTS = ("youtube.com",)
CHANNEL_ID_RE = r"UC[A-Za-z0-9_-]{22}"


def normalize_handle(text: str) -> str:
    text = text.strip()
    if re.fullmatch(CHANNEL_ID_RE, text) or re.fullmatch(r"(?:c|user)/[^/\s]+", text):
        return text
    return validate_handle(
        text,
        r"[A-Za-z0-9._-]{3,30}",
        "YouTube handle (3-30 letters, digits, . _ -) or channel ID (UC...)",
        "youtube:@bluedoorbakery",
    )


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if not segs:
        return None
    head = segs[0]
    try:
        if head.startswith("@"):
            return normalize_handle(head)
        if head == "channel" and len(segs) > 1:
            return segs[1] if re.fullmatch(CHANNEL_ID_RE, segs[1]) else None
        if head in ("c", "user") and len(segs) > 1:
            return f"{head}/{segs[1]}"
    except ValueError:
        return None
    return None


def profile_url(handle: str) -> str:
    if re.fullmatch(CHANNEL_ID_RE, handle):
        return f"https://www.youtube.com/channel/{handle}"
    if handle.startswith(("c/", "user/")):
        return f"https://www.youtube.com/{handle}"
    return f"https://www.youtube.com/@{handle}"


SPEC = PlatformSpec(
    platform=Platform.YOUTUBE,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
