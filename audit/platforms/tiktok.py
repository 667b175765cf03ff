"""TikTok: URL patterns (capture plan and extraction: see the extractors issue)."""

from __future__ import annotations

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import segment_matcher, validate_handle

HOSTS = ("tiktok.com",)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text,
        r"[A-Za-z0-9._]{2,24}",
        "TikTok username (2-24 letters, digits, . and _)",
        "tiktok:@bluedoorbakery",
    ).lower()


def profile_url(handle: str) -> str:
    return f"https://www.tiktok.com/@{handle}"


SPEC = PlatformSpec(
    platform=Platform.TIKTOK,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, at_sign=True),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
