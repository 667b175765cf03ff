"""Bluesky: URL patterns, capture plan (public AppView API) and extraction."""

from __future__ import annotations

from urllib.parse import SplitResult

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import host_matches, path_segments, validate_handle

HOSTS = ("bsky.app",)
_DOMAIN_RE = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}"
_DID_RE = r"did:(?:plc|web):[A-Za-z0-9._:%-]+"


def normalize_handle(text: str) -> str:
    handle = text.strip().lstrip("@")
    if handle and "." not in handle and not handle.startswith("did:"):
        handle = f"{handle}.bsky.social"  # the default hosting provider's handles
    return validate_handle(
        handle,
        f"(?:{_DOMAIN_RE}|{_DID_RE})",
        "Bluesky handle (a domain such as name.bsky.social, or a DID)",
        "bluesky:@bluedoor.bsky.social",
    ).lower()


def match_url(parts: SplitResult) -> str | None:
    if not host_matches(parts, HOSTS):
        return None
    segs = path_segments(parts)
    if len(segs) < 2 or segs[0] != "profile":
        return None
    try:
        return normalize_handle(segs[1])
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    return f"https://bsky.app/profile/{handle}"


SPEC = PlatformSpec(
    platform=Platform.BLUESKY,
    hosts=HOSTS,
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
