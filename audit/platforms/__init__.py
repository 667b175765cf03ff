"""The platform registry: one module per platform, one line each here."""

from __future__ import annotations

from audit.model import Platform
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
from audit.platforms.base import PlatformSpec

REGISTRY: dict[Platform, PlatformSpec] = {
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
    return REGISTRY[platform]
