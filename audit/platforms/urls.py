"""URL helpers shared by the platform modules' `match_url` functions."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import SplitResult, unquote

__all__ = ["host_matches", "path_segments", "segment_matcher", "validate_handle"]


def host_matches(parts: SplitResult, hosts: tuple[str, ...]) -> bool:
    """True when the URL's host is one of `hosts` or a subdomain of one (www., m., ...)."""
    host = (parts.hostname or "").lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def path_segments(parts: SplitResult) -> list[str]:
    return [unquote(s) for s in parts.path.split("/") if s]


def validate_handle(text: str, pattern: str, what: str, example: str) -> str:
    """`text` without a leading '@', checked against `pattern`; ValueError names the rule."""
    handle = text.strip().lstrip("@")
    if not handle:
        raise ValueError(f"no handle given; write it like {example}")
    # '..' or '.' alone is a path step, never a name, whatever a platform's characters allow
    if not re.fullmatch(pattern, handle) or ".." in handle or not handle.strip("."):
        raise ValueError(f"{handle!r} is not a valid {what}; write it like {example}")
    return handle


def segment_matcher(
    hosts: tuple[str, ...],
    normalize: Callable[[str], str],
    *,
    prefix: str | None = None,
    at_sign: bool = False,
    reserved: frozenset[str] = frozenset(),
) -> Callable[[SplitResult], str | None]:
    """A `match_url` for the common shape `https://host/[prefix/][@]handle[/...]`."""

    def match_url(parts: SplitResult) -> str | None:
        if not host_matches(parts, hosts):
            return None
        segs = path_segments(parts)
        if prefix is not None:
            if len(segs) < 2 or segs[0].lower() != prefix:
                return None
            segs = segs[1:]
        if not segs or segs[0].lower() in reserved:
            return None
        seg = segs[0]
        if at_sign:
            if not seg.startswith("@"):
                return None
            seg = seg[1:]
        try:
            return normalize(seg)
        except ValueError:
            return None

    return match_url
