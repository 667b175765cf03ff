"""X (Twitter): URL patterns (capture plan and extraction: see the extractors issue)."""

from __future__ import annotations

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import segment_matcher, validate_handle

HOSTS = ("x.com", "twitter.com")
_RESERVED = frozenset(
    {
        "home",
        "i",
        "search",
        "explore",
        "settings",
        "intent",
        "share",
        "login",
        "signup",
        "messages",
        "notifications",
        "hashtag",
        "tos",
        "privacy",
        "compose",
    }
)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9_]{1,15}",
        "X username (up to 15 letters, digits and _)",
        "x:@bluedoorbakery",
    )


def profile_url(handle: str) -> str:
    return f"https://x.com/{handle}"


SPEC = PlatformSpec(
    platform=Platform.X,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, reserved=_RESERVED),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
