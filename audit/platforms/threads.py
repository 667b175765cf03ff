"""Threads: URL patterns (capture plan and extraction: see the extractors issue)."""

from __future__ import annotations

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.instagram import normalize_handle as _instagram_handle
from audit.platforms.urls import segment_matcher

HOSTS = ("threads.net", "threads.com")


def normalize_handle(text: str) -> str:
    """Threads handles are Instagram usernames."""
    return _instagram_handle(text)


def profile_url(handle: str) -> str:
    return f"https://www.threads.com/@{handle}"


SPEC = PlatformSpec(
    platform=Platform.THREADS,
    hosts=HOSTS,
    match_url=segment_matcher(HOSTS, normalize_handle, at_sign=True),
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
