"""The platform registry: one module per platform, one line each here.

`REGISTRY` is built on first use (PEP 562): the extractors import BeautifulSoup and take
most of a second, and what only needs `audit.platforms.rules` or `.urls` (listing checks,
the checks themselves) should not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audit.model import Platform

if TYPE_CHECKING:
    from audit.platforms.base import PlatformSpec

    REGISTRY: dict[Platform, PlatformSpec]


def _registry() -> dict[Platform, PlatformSpec]:
    from audit.platforms import (
        bluesky,
        facebook,
        google_business,
        instagram,
        linkedin,
        mastodon,
        pinterest,
        threads,
        tiktok,
        x,
        youtube,
    )

    return {
        spec.platform: spec
        for spec in (
            instagram.SPEC,
            tiktok.SPEC,
            youtube.SPEC,
            facebook.SPEC,
            pinterest.SPEC,
            x.SPEC,
            linkedin.SPEC,
            threads.SPEC,
            bluesky.SPEC,
            google_business.SPEC,
            mastodon.SPEC,  # last: it claims any host's /@user URL
        )
    }


def __getattr__(name: str) -> Any:
    if name == "REGISTRY":
        registry = _registry()
        globals()["REGISTRY"] = registry
        return registry
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# What users may type before the colon in `platform:@handle`.
ALIASES: dict[str, Platform] = {p.value: p for p in Platform} | {
    "ig": Platform.INSTAGRAM,
    "insta": Platform.INSTAGRAM,
    "tt": Platform.TIKTOK,
    "yt": Platform.YOUTUBE,
    "fb": Platform.FACEBOOK,
    "twitter": Platform.X,
    "bsky": Platform.BLUESKY,
    "gbp": Platform.GOOGLE_BUSINESS,
    "google": Platform.GOOGLE_BUSINESS,
    "masto": Platform.MASTODON,
}


def spec_for(platform: Platform) -> PlatformSpec:
    registry: dict[Platform, PlatformSpec] = globals().get("REGISTRY") or __getattr__("REGISTRY")
    return registry[platform]
