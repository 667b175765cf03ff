"""Hashtags and captions: within the platform's guide, specific rather than generic, and the
keyword where it shows before "more"."""

from __future__ import annotations

from audit.discover import profile_languages
from audit.model import Post, Profile
from audit.result import Category, CheckResult, Severity
from audit.text import extract_hashtags
from checks.base import CheckContext, CheckMeta, check
from checks.common import post_ev, quote, recent_posts, word_list
from checks.keywords import fold, keywords_text, no_keywords, target_in
from checks.sources import IG_HASHTAG_LIMIT, IG_SEARCH, OWN


def post_hashtags(post: Post) -> list[str]:
    """The post's hashtags as extracted, else the ones written in its caption."""
    return post.hashtags or extract_hashtags(post.caption)


HSH001 = CheckMeta(
    id="HSH001",
    slug="hashtag-count",
    title="Hashtags per post are within the platform's guide",
    failure_title="Posts use more hashtags than the platform's guide",
    category=Category.HASHTAGS,
    severity=Severity.MEDIUM,
    weight=1,
    needs=("posts",),
    what="Hashtags per recent post within the platform's guide (Instagram hard cap 5 since "
    "Dec 2025; Threads 1 tag; X 1-2; LinkedIn 3 or fewer).",
    why="Past the guide, extra hashtags add no reach and read as spam; Instagram now refuses "
    "more than 5 and Threads allows one topic tag.",
    fix="Keep 3-5 specific hashtags on Instagram (1-2 on X, 1 topic on Threads), chosen for "
    "what the post shows.",
    example="#bakery #bread #food #foodie #yum #instafood #love #austin #sourdough #eat",
    better="#sourdough #austinbakery #austinfood",
    source=IG_HASHTAG_LIMIT + ". The guides for X (1-2) and LinkedIn (3 or fewer) "
    "are " + OWN + "both show tags inline, where more than a few crowd the post.",
)


@check(HSH001)
def hashtag_count(profile: Profile, ctx: CheckContext) -> CheckResult:
    guide = ctx.rules.hashtag_guide_max
    if guide is None:
        return HSH001.na(f"findable has no hashtag guide for {profile.platform.label}.")
    posts = recent_posts(profile)
    if not posts:
        return HSH001.na("No own posts were observed.")
    counts = {p.id: len(post_hashtags(p)) for p in posts}
    over = [p for p in posts if counts[p.id] > guide]
    cap = ctx.rules.hashtag_cap
    cap_note = f"; {profile.platform.label} caps posts at {cap}" if cap else ""
    if not over:
        return HSH001.passed(
            f"Every recent post ({len(posts)}) has at most {guide} hashtags{cap_note}."
        )
    most = max(counts.values())
    return HSH001.warn(
        f"{len(over)} of {len(posts)} recent posts use more than {guide} hashtags (most: "
        f"{most}){cap_note}.",
        [post_ev(profile, p, "hashtags", post_hashtags(p)) for p in over[:3]],
        score=(len(posts) - len(over)) / len(posts),
    )


HSH002 = CheckMeta(
    id="HSH002",
    slug="hashtags-generic-only",
    title="Hashtags include specific ones",
    failure_title="Only generic hashtags are used",
    category=Category.HASHTAGS,
    severity=Severity.LOW,
    weight=1,
    needs=("posts",),
    what="The hashtags on recent posts are not all generic (#love #instagood "
    "#photooftheday ...): at least one niche or keyword hashtag.",
    why="Generic tags are flooded by millions of posts a day, so a small business's post is "
    "gone from them in seconds; niche and local tags are where searchers find it.",
    fix="Replace generic tags with ones that name what you do and where (#whatyoumake #yourcity).",
    example="#love #instagood #photooftheday #foodie",
    better="#sourdough #austinbakery #eastaustin",
    source=IG_HASHTAG_LIMIT + " (Instagram: generic tags such as #reels and "
    "#explore do not help discovery)",
)

GENERIC_HASHTAGS = frozenset(
    word_list(
        """love instagood photooftheday fashion beautiful happy cute tbt like4like followme
        picoftheday follow me selfie summer art instadaily friends repost nature girl fun style
        smile food instalike likeforlike family travel fitness igers tagsforlikes follow4follow
        nofilter life beauty amazing instagram photography photo music motivation bestoftheday
        reels reel viral fyp foryou foryoupage explore explorepage trending instamood l4l f4f
        foodie instafood yummy delicious goodvibes weekend monday instagramreels"""
    )
)


@check(HSH002)
def hashtags_generic_only(profile: Profile, ctx: CheckContext) -> CheckResult:
    tags: dict[str, str] = {}
    for post in recent_posts(profile):
        for tag in post_hashtags(post):
            tags.setdefault(fold(tag), tag)
    if not tags:
        return HSH002.na("No hashtags were used on recent posts.")
    niche = [t for key, t in tags.items() if key not in GENERIC_HASHTAGS]
    shown = " ".join("#" + t for t in niche[:3])
    if niche:
        return HSH002.passed(
            f"{len(niche)} of {len(tags)} distinct hashtags are specific: {shown}."
        )
    generic = " ".join("#" + t for t in list(tags.values())[:4])
    return HSH002.warn(f"All {len(tags)} distinct hashtags are generic: {generic}.")


HSH003 = CheckMeta(
    id="HSH003",
    slug="caption-keyword-late",
    title="Keywords come early in captions",
    failure_title="Keywords come late in captions",
    category=Category.HASHTAGS,
    severity=Severity.MEDIUM,
    weight=1,
    needs=("posts",),
    what="In recent captions that mention a target keyword, it appears within the part shown "
    "before 'more' (the first 125 characters on Instagram; the platform's fold elsewhere).",
    why="The first line is what shows in the feed and in search previews; a keyword after "
    "the fold is invisible to a scrolling searcher.",
    fix="Open the caption with the keyword sentence, then the story.",
    example="'So happy to finally share this with you all after weeks of testing... our new "
    "sourdough!' (keyword at character 90+ of a long caption)",
    better="'New: our sourdough loaf 🥖 After weeks of testing...'",
    source=IG_SEARCH + ". The 125 characters before 'more' are " + OWN + "what "
    "Instagram's feed shows of a caption on a phone, measured, not published.",
)


@check(HSH003)
def caption_keyword_late(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(HSH003)
    fold_at = ctx.rules.caption_fold or 125
    lang = profile_languages(profile, ctx.brand.languages)
    mentioning = [
        p for p in recent_posts(profile) if any(target_in(p.caption, k, lang) for k in ctx.keywords)
    ]
    if not mentioning:
        return HSH003.na("No recent caption mentions a target keyword (see KEY003).")
    late = [
        p
        for p in mentioning
        if not any(target_in((p.caption or "")[:fold_at], k, lang) for k in ctx.keywords)
    ]
    n = len(mentioning)
    if not late:
        return HSH003.passed(
            f"Every caption that mentions a target keyword ({n}) has it within the first "
            f"{fold_at} characters."
        )
    first = late[0].caption or ""
    return HSH003.warn(
        f"In {len(late)} of {n} captions that mention a target keyword "
        f"({keywords_text(ctx.keywords)}), it comes after the first {fold_at} characters, "
        f"e.g. {quote(first)}.",
        [post_ev(profile, p, "caption", p.caption) for p in late[:3]],
        score=(n - len(late)) / n,
    )
