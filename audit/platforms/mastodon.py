"""Mastodon (and other fediverse servers): URL patterns (extraction: extractors issue).

A handle is `user@instance`. Any host's `https://HOST/@user` URL that no other platform
claims is taken for a fediverse profile (resolve tries the known platforms first)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from audit.model import Platform
from audit.platforms.base import PlatformSpec
from audit.platforms.urls import path_segments

_USER = r"[A-Za-z0-9_]{1,30}"
_HOST = r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"


def normalize_handle(text: str) -> str:
    handle = text.strip().lstrip("@")
    if not handle:
        raise ValueError("no handle given; write it like mastodon:@bluedoor@mastodon.social")
    if not re.fullmatch(f"{_USER}@{_HOST}", handle):
        raise ValueError(
            f"{handle!r} is not a Mastodon handle; write user@instance, like "
            "mastodon:@bluedoor@mastodon.social"
        )
    user, host = handle.split("@")
    return f"{user}@{host.lower()}"


def match_url(parts: SplitResult) -> str | None:
    host = (parts.hostname or "").lower()
    segs = path_segments(parts)
    if not host or not segs:
        return None
    seg = segs[1] if segs[0] == "users" and len(segs) > 1 else segs[0]
    if segs[0] != "users" and not seg.startswith("@"):
        return None
    user = seg.lstrip("@")
    if "@" in user:  # https://mastodon.social/@bob@other.host: a remote account
        try:
            return normalize_handle(user)
        except ValueError:
            return None
    try:
        return normalize_handle(f"{user}@{host}")
    except ValueError:
        return None


def profile_url(handle: str) -> str:
    user, host = handle.split("@", 1)
    return f"https://{host}/@{user}"


SPEC = PlatformSpec(
    platform=Platform.MASTODON,
    hosts=(),
    match_url=match_url,
    normalize_handle=normalize_handle,
    profile_url=profile_url,
)
