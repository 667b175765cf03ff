"""Short video: the format Instagram, TikTok, YouTube and Facebook put in front of people who
do not follow the brand yet (Reels, TikTok's For You, Shorts).

Read from what the extractors see per post (`Post.short_video`: Instagram's product type
"clips", Graph API media_product_type REELS, YouTube /shorts/ URLs, TikTok videos), never
guessed from a thumbnail.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.model import Platform, Profile
from audit.platforms.rules import rules_for
from audit.result import Category, CheckResult, Evidence, Severity
from checks.base import CheckContext, CheckMeta, brand_check, check
from checks.common import post_ev, recent_posts
from checks.sources import IG_RANKING_EXPLAINED, OWN, TIKTOK_RECOMMENDS, YOUTUBE_SHORTS

__all__ = ["short_video_profile_missing", "short_video_share_low"]

SHORT_VIDEO_PLATFORMS = frozenset(p for p in Platform if rules_for(p).short_video_label)
# Platforms built around short video: a profile there is a short-video presence by itself.
_VIDEO_FIRST = frozenset({Platform.TIKTOK, Platform.YOUTUBE})
# findable: one post in four as short video earns full credit: enough to appear in the
# short-video feed every week at the cadence CAD002 asks for, without abandoning photos.
SHORT_VIDEO_SHARE = 0.25

_SOURCES = (
    f"{IG_RANKING_EXPLAINED}; {YOUTUBE_SHORTS}; {TIKTOK_RECOMMENDS}; a quarter of the posts "
    "is "
    + OWN
    + "one post in four reaches the short-video feed every week at the cadence CAD002 asks for"
)

VID001 = CheckMeta(
    id="VID001",
    slug="short-video-share-low",
    title="Recent posts include short video",
    failure_title="Few or no short videos among recent posts",
    category=Category.VIDEO,
    severity=Severity.MEDIUM,
    weight=3,
    platforms=SHORT_VIDEO_PLATFORMS,
    needs=("posts", "short_video"),
    what="Share of the recent posts (newest 12) that are short video — Instagram Reels, "
    f"YouTube Shorts, TikTok videos, Facebook Reels: full credit from {SHORT_VIDEO_SHARE:.0%}"
    ", warn below, fail at none. Only posts the input says are or are not short video count.",
    why="Short video is how the platforms show new accounts to people who do not follow them "
    "yet: Instagram recommends Reels mostly from accounts people do not follow, TikTok's For "
    "You feed and YouTube's Shorts feed work the same way.",
    fix="Turn what you already show into 15–30 second vertical clips (work in progress, a "
    "product or place in use, a before/after) and make one of every three or four posts a "
    "Reel / Short, with the keyword in the caption.",
    example="12 recent Instagram posts, all photos, no Reels.",
    better="12 recent posts, 4 of them Reels ('Sourdough shaping at 5am, Ljubljana').",
    source=_SOURCES,
)


@check(VID001)
def short_video_share_low(profile: Profile, ctx: CheckContext) -> CheckResult:
    label = ctx.rules.short_video_label or "short video"
    recent = recent_posts(profile)
    if not recent:
        return VID001.na("No own posts were observed, so there is nothing to count.")
    known = [p for p in recent if p.short_video is not None]
    if not known:
        return VID001.na(
            f"This input does not say which of the {len(recent)} recent posts are {label}."
        )
    short = [p for p in known if p.short_video]
    share = len(short) / len(known)
    msg = f"{len(short)} of {len(known)} recent posts are {label} ({share:.0%})."
    evidence = [post_ev(profile, p, "short_video", True) for p in short[:3]]
    score = min(1.0, share / SHORT_VIDEO_SHARE)
    if not short:
        return VID001.fail(msg, [Evidence(field="posts", value=len(known))])
    if share < SHORT_VIDEO_SHARE:
        return VID001.warn(msg, evidence, score=score)
    return VID001.passed(msg, evidence)


VID002 = CheckMeta(
    id="VID002",
    slug="short-video-profile-missing",
    title="The brand is present where short video is watched",
    failure_title="No short-video presence",
    category=Category.VIDEO,
    severity=Severity.MEDIUM,
    weight=1,
    what="Brand level: the brand has a profile on a short-video platform (TikTok, YouTube) or "
    "posts short video on a platform that has a short-video surface (Instagram or Facebook "
    "Reels). Warns when it is only on such platforms without short video seen; fails when "
    "none of its profiles is on one.",
    why=VID001.why,
    fix="Start with 15–30 second vertical clips: Reels where the brand is on Instagram or "
    "Facebook, or a TikTok or YouTube account for Shorts, reusing the same clips on each.",
    example="A bakery audited on Bluesky and Mastodon only.",
    better="The same bakery posting weekly Reels on Instagram and the same clips on TikTok.",
    source=_SOURCES,
)


@brand_check(VID002)
def short_video_profile_missing(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    if not profiles:
        return VID002.na("No profile was captured.")
    first = [p for p in profiles if p.platform in _VIDEO_FIRST]
    if first:
        shown = ", ".join(f"{p.platform.label} @{p.handle}" for p in first)
        return VID002.passed(f"Short-video platform profile: {shown}.")
    posting = [p for p in profiles if any(post.short_video for post in recent_posts(p))]
    if posting:
        shown = ", ".join(
            f"{p.platform.label} @{p.handle} ({rules_for(p.platform).short_video_label})"
            for p in posting
        )
        return VID002.passed(f"Short video among recent posts on {shown}.")
    capable = [p for p in profiles if p.platform in SHORT_VIDEO_PLATFORMS]
    if capable:
        shown = ", ".join(f"{p.platform.label} @{p.handle}" for p in capable)
        formats = sorted({rules_for(p.platform).short_video_label or "" for p in capable})
        return VID002.warn(
            f"No short video seen: {shown} could post {' / '.join(formats)}"
            " but the recent posts read show none, and the brand has no TikTok or YouTube.",
            [Evidence(field="profiles", value=[p.platform.value for p in profiles])],
        )
    return VID002.fail(
        "None of the brand's profiles is on a platform with short video ("
        + ", ".join(sorted(p.label for p in SHORT_VIDEO_PLATFORMS))
        + ").",
        [Evidence(field="profiles", value=[p.platform.value for p in profiles])],
    )
