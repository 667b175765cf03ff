"""Builders for check tests: a Profile in code (Lighthouse style), no browser, no fixtures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from audit.alttext import classify_alt
from audit.model import (
    AltSource,
    Brand,
    CaptureInfo,
    Media,
    MediaKind,
    Place,
    Platform,
    Post,
    Profile,
)
from audit.platforms.rules import rules_for
from audit.result import CheckResult, Status
from checks.base import CheckContext

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)


def make_profile(platform: Platform = Platform.INSTAGRAM, **fields: Any) -> Profile:
    fields.setdefault("handle", "bluedoorbakery")
    fields.setdefault("capture", CaptureInfo(captured_at=NOW))
    return Profile(platform=platform, **fields)


def image(alt: str | None = None, source: AltSource | None = None) -> Media:
    return Media(kind="image", alt_text=alt, alt_source=source or classify_alt(alt))


def media(kind: MediaKind) -> Media:
    return Media(kind=kind)


def post(
    pid: str | int,
    days_ago: float | None = None,
    caption: str | None = None,
    *,
    hashtags: Sequence[str] = (),
    media: Sequence[Media] = (),
    location: Place | None = None,
    is_repost: bool = False,
    approx: bool = False,
) -> Post:
    return Post(
        id=str(pid),
        url=f"https://www.instagram.com/p/{pid}/",
        created_at=None if days_ago is None else NOW - timedelta(days=days_ago),
        created_at_approx=approx,
        caption=caption,
        hashtags=list(hashtags),
        media=list(media),
        location=location,
        is_repost=is_repost,
    )


def make_ctx(
    platform: Platform | Profile = Platform.INSTAGRAM,
    *,
    keywords: Sequence[str] = (),
    proposed: bool = False,
    now: datetime = NOW,
    **brand: Any,
) -> CheckContext:
    plat = platform.platform if isinstance(platform, Profile) else platform
    return CheckContext(
        brand=Brand(**brand),
        now=now,
        rules=rules_for(plat),
        keywords=tuple(keywords),
        keywords_proposed=proposed,
    )


def assert_result(
    result: CheckResult,
    status: Status,
    score: float | None = None,
    *facts: str,
) -> None:
    """Status, score (when given; None is checked for na/manual/error) and the message's facts."""
    assert result.status is status, f"{result.id}: {result.status} — {result.message}"
    if score is not None or not status.weighs:
        assert result.score == (None if score is None else round(score, 4)), result
    for fact in facts:
        assert fact in result.message, f"{fact!r} not in {result.message!r}"
