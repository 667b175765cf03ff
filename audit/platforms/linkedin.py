"""LinkedIn company pages: URL patterns (capture and extraction: see the extractors issue)."""

from __future__ import annotations

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import segment_matcher, validate_handle

HOSTS = ("linkedin.com",)


def normalize_handle(text: str) -> str:
    return validate_handle(
        text, r"[A-Za-z0-9\-_%.]{2,100}", "LinkedIn company page name", "linkedin:@blue-door-bakery"
    ).lower()


def profile_url(handle: str) -> str:
    return f"https://www.linkedin.com/company/{handle}/"


SPEC = PlatformSpec(
    platform=Platform.LINKEDIN,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, prefix="company"),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
