"""Facebook Pages: URL patterns (capture plan and extraction: see the extractors issue)."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qs

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import host_matches, path_segments, validate_handle

HOSTS = ("facebook.com", "fb.com")
_RESERVED = frozenset(
    {
        "watch",
        "groups",
        "events",
        "marketplace",
        "login",
        "share",
        "sharer",
        "photo",
        "photo.php",
        "story.php",
        "permalink.php",
        "help",
        "policies",
        "gaming",
        "hashtag",
        "search",
        "settings",
        "home.php",
        "dialog",
    }
)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9.\-]{2,80}|\d{5,20}",
        "Facebook Page username (letters, digits and .) or numeric ID",
        "facebook:@bluedoorbakery",
    )


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if segs[:1] == ["profile.php"]:
        ids = parse_qs(parts.query).get("id")
        return ids[0] if ids and ids[0].isdigit() else None
    if len(segs) >= 3 and segs[0] == "pages" and segs[-1].isdigit():
        return segs[-1]
    if not segs or segs[0].lower() in _RESERVED:
        return None
    try:
        return normalize_handle(segs[0])
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    if handle.isdigit():
        return f"https://www.facebook.com/profile.php?id={handle}"
    return f"https://www.facebook.com/{handle}"


SPEC = PlatformSpec(
    platform=Platform.FACEBOOK,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
