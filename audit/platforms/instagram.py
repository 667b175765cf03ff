"""Instagram: URL patterns, capture plan and extraction."""

from __future__ import annotations

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import segment_matcher, validate_handle

HOSTS = ("instagram.com", "instagr.am")
_RESERVED = frozenset(
    {
        "p",
        "reel",
        "reels",
        "tv",
        "explore",
        "accounts",
        "stories",
        "direct",
        "about",
        "legal",
        "developer",
        "web",
        "api",
        "graphql",
        "challenge",
        "emails",
    }
)
HANDLE_RE = r"[A-Za-z0-9._]{1,30}"


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        HANDLE_RE,
        "Instagram username (letters, digits, . and _, up to 30)",
        "instagram:@bluedoorbakery",
    ).lower()


match_url = segment_matcher(HOSTS, normalize_handle, reserved=_RESERVED)


def profile_url(handle: str) -> str:
    return f"https://www.instagram.com/{handle}/"


SPEC = PlatformSpec(
    platform=Platform.INSTAGRAM,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
