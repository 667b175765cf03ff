"""Media: alt text on images, and whether posts carry visuals at all.

Alt text is read by screen readers and, on Pinterest, by search; only text the owner wrote
counts. Automatic descriptions ("May be an image of bread") are guesses that carry none of
the brand's words (audit/alttext.py classifies them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from audit.model import Media, Platform, Post, Profile
from audit.result import Category, CheckResult, Evidence, Severity
from audit.text import extract_hashtags
from checks.base import CheckContext, CheckMeta, check
from checks.common import RECENT_POSTS, image_media, post_ev, quote, recent_posts
from checks.keywords import fold
from checks.sources import GLEASON_2019, OWN, THREADS_ALT_TEXT, WAI_IMAGES, WEBAIM_ALT

_WAI = WAI_IMAGES
_GLEASON = GLEASON_2019


def recent_image_posts(profile: Profile) -> list[Post]:
    """The newest own posts that carry at least one image."""
    return [p for p in recent_posts(profile, limit=None) if image_media(p)][:RECENT_POSTS]


def _alt_unsupported(meta: CheckMeta, profile: Profile) -> CheckResult:
    return meta.na(
        f"{profile.platform.label} has no alt text field that owners can write for posts."
    )


ALT001 = CheckMeta(
    id="ALT001",
    slug="alt-text-coverage",
    title="Images have alt text you wrote",
    failure_title="Images lack alt text you wrote",
    category=Category.MEDIA,
    severity=Severity.HIGH,
    weight=3,
    needs=("posts", "alt_text"),
    what="Share of the 12 newest own image posts where every image has custom alt text "
    "(written by the owner; the platform's automatic text does not count). Fail below 25%, "
    "warn below 80%.",
    why="Alt text makes images usable for blind and low-vision customers (WCAG 1.1.1) and "
    "is indexed by Pinterest search. Almost nobody writes it: " + _GLEASON + ".",
    fix="When posting, open Advanced settings > Accessibility > Write alt text (Instagram) "
    "or the ALT button (X, Bluesky, Mastodon) and describe the photo in one sentence that "
    "names the product.",
    example="Alt: 'May be an image of bread' (Instagram's automatic text).",
    better="Alt: 'Round sourdough loaf with a dark, blistered crust on a wooden board'.",
    source=_WAI + "; WCAG 2.1 SC 1.1.1; " + _GLEASON,
)


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _alt_kind(images: Sequence[Media]) -> str:
    sources = {m.alt_source for m in images}
    if sources == {"custom"}:
        return "custom"
    if "custom" in sources:
        return "partial"
    if "auto" in sources:
        return "auto"
    return "missing"


@check(ALT001)
def alt_text_coverage(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.rules.custom_alt:
        return _alt_unsupported(ALT001, profile)
    posts = recent_image_posts(profile)
    if not posts:
        return ALT001.na("No own image posts were observed, so alt text cannot be judged.")
    kinds = {p.id: _alt_kind(image_media(p)) for p in posts}
    count = Counter(kinds.values())
    n, covered = len(posts), count["custom"]
    parts = [f"{covered} of {n} image posts have alt text you wrote"]
    if count["auto"]:
        parts.append(
            f"{count['auto']} {_have(count['auto'])} only {profile.platform.label}'s automatic text"
        )
    if count["partial"]:
        parts.append(f"{count['partial']} {_have(count['partial'])} it on only some images")
    if count["missing"]:
        parts.append(f"{count['missing']} {_have(count['missing'])} none")
    evidence = [
        post_ev(profile, p, "media.alt_text", [m.alt_text for m in image_media(p)])
        for p in posts
        if kinds[p.id] != "custom"
    ][:5]
    return ALT001.graded(
        covered / n, "; ".join(parts) + ".", evidence, warn_below=0.8, fail_below=0.25
    )


ALT002 = CheckMeta(
    id="ALT002",
    slug="alt-text-quality",
    title="Alt text is descriptive",
    failure_title="Some alt text is not descriptive",
    category=Category.MEDIA,
    severity=Severity.LOW,
    weight=1,
    needs=("posts", "alt_text"),
    what="The alt text you wrote describes the image: not a single word like 'image' or "
    "'photo', not the same text on several posts, not a copy of the caption, not keyword "
    "stuffed; soft warn above ~150 characters, and never over the platform's cap (Pinterest "
    "500, Mastodon 1500).",
    why="Alt text stands in for the image; a copy of the caption tells a screen reader user "
    "nothing new, and a single word tells them nothing. The '125 characters' rule is folklore, "
    "but screen readers read long text in one breath.",
    fix="Describe what is in the picture in one or two sentences: subject, action, setting, "
    "and the product's name where it fits.",
    example="Alt: 'photo' on every post; or the caption pasted again.",
    better="Alt: 'Baker lifting a tray of cinnamon buns out of the oven at Blue Door Bakery'.",
    source=_WAI + "; " + WEBAIM_ALT + "; " + THREADS_ALT_TEXT + ". The soft limit "
    "of ~150 characters is " + OWN + "past it a description is usually a caption again.",
)

_GENERIC_ALT = frozenset(
    {
        "image",
        "photo",
        "picture",
        "pic",
        "img",
        "foto",
        "bild",
        "imagen",
        "immagine",
        "graphic",
        "screenshot",
        "logo",
        "untitled",
        "alt",
        "alt text",
        "photo of",
        "image of",
    }
)
_ALT_WORD = re.compile(r"[^\W_]+")


def _alt_problems(
    text: str, post: Post, repeated: set[str], rules_max: int | None, soft_max: int
) -> list[str]:
    folded = fold(text).strip(" .!?")
    words = _ALT_WORD.findall(folded)
    problems = []
    if folded in _GENERIC_ALT or len(words) < 2:
        problems.append("a single generic word")
    if folded in repeated:
        problems.append("the same text as on other posts")
    caption = fold(post.caption or "").strip(" .!?")
    if caption and (folded == caption or (len(folded) >= 20 and folded in caption)):
        problems.append("a copy of the caption")
    top = Counter(w for w in words if len(w) > 3).most_common(1)
    if (top and top[0][1] > 3) or len(extract_hashtags(text)) >= 3:
        problems.append("keyword stuffed")
    if rules_max and len(text) > rules_max:
        problems.append(f"{len(text)} characters, over the {rules_max}-character cap")
    elif len(text) > soft_max:
        problems.append(f"{len(text)} characters (long for a screen reader)")
    return problems


@check(ALT002)
def alt_text_quality(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.rules.custom_alt:
        return _alt_unsupported(ALT002, profile)
    alts = [
        (p, m.alt_text)
        for p in recent_image_posts(profile)
        for m in image_media(p)
        if m.alt_source == "custom" and m.alt_text
    ]
    if not alts:
        return ALT002.na("No alt text you wrote was observed on recent image posts (see ALT001).")
    posts_per_text: dict[str, set[str]] = {}
    for post, text in alts:
        posts_per_text.setdefault(fold(text).strip(" .!?"), set()).add(post.id)
    repeated = {t for t, ids in posts_per_text.items() if len(ids) > 1}
    soft_max = ctx.rules.alt_soft_max or 150
    flagged: list[tuple[Post, str, list[str]]] = []
    for post, text in alts:
        problems = _alt_problems(text, post, repeated, ctx.rules.alt_max, soft_max)
        if problems:
            flagged.append((post, text, problems))
    n = len(alts)
    if not flagged:
        return ALT002.passed(
            f"Every alt text you wrote on recent image posts ({n}) is descriptive."
        )
    evidence = [post_ev(profile, p, "media.alt_text", t) for p, t, _ in flagged[:5]]
    _, first_text, first_problems = flagged[0]
    return ALT002.warn(
        f"{len(flagged)} of {n} alt texts are not descriptive; e.g. {quote(first_text)} is "
        f"{' and '.join(first_problems)}.",
        evidence,
        score=(n - len(flagged)) / n,
    )


ALT003 = CheckMeta(
    id="ALT003",
    slug="alt-text-auto-only",
    title="Not all alt text is automatic",
    failure_title="All alt text is the platform's automatic text",
    category=Category.MEDIA,
    severity=Severity.MEDIUM,
    weight=1,
    needs=("posts", "alt_text"),
    what="Whether every alt text on the recent image posts is the platform's automatic "
    "description ('May be an image of ...', 'Photo by ... on ...').",
    why="Automatic alt text looks like coverage but is a machine's guess: it misnames "
    "products, carries none of your words, and screen reader users learn to skip it.",
    fix="Replace the automatic text with your own on new posts (Advanced settings > "
    "Accessibility), and edit it into your pinned and best-performing posts.",
    example="Alt: 'Photo by Blue Door Bakery on May 02, 2025. May be an image of food.'",
    better="Alt: 'Three sourdough loaves cooling on a rack by the window'.",
    source=_WAI + "; " + WEBAIM_ALT + ". Which texts are automatic (May be an image "
    "of..., Photo by ... on ...) is read from the platforms' own generated phrasing.",
)


@check(ALT003)
def alt_text_auto_only(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.rules.custom_alt:
        return _alt_unsupported(ALT003, profile)
    images = [(p, m) for p in recent_image_posts(profile) for m in image_media(p)]
    if not images:
        return ALT003.na("No own image posts were observed.")
    count = Counter(m.alt_source for _, m in images)
    if count["custom"]:
        return ALT003.passed(f"{count['custom']} of {len(images)} images carry alt text you wrote.")
    if not count["auto"]:
        return ALT003.na("No alt text at all was observed on recent images (see ALT001).")
    evidence = [
        Evidence(field="media.alt_text", value=m.alt_text, url=p.url)
        for p, m in images
        if m.alt_source == "auto"
    ][:3]
    return ALT003.warn(
        f"Every alt text on recent images ({count['auto']}) is {profile.platform.label}'s "
        f"automatic description; {count['missing']} of {len(images)} images have none.",
        evidence,
    )


ALT004 = CheckMeta(
    id="ALT004",
    slug="visual-content-share",
    title="Most posts carry an image or video",
    failure_title="Few posts carry an image or video",
    category=Category.MEDIA,
    severity=Severity.LOW,
    weight=1,
    needs=("posts", "timeline"),
    platforms=frozenset(
        {
            Platform.X,
            Platform.THREADS,
            Platform.BLUESKY,
            Platform.MASTODON,
            Platform.FACEBOOK,
            Platform.LINKEDIN,
        }
    ),
    what="Share of the 12 newest own posts that carry an image or video (warn below 50%), on "
    "platforms where a post can be text only.",
    why="Posts with visuals draw more attention than text-only posts, and images with alt "
    "text are one more searchable field.",
    fix="Add a photo of the product, the shop or the people to most posts (with alt text).",
    example="9 of 12 posts are text only.",
    better="8 of 12 posts show a photo of what they talk about.",
    source=OWN + "a feed that is mostly text shows searchers nothing of the "
    "product; half the recent posts with a picture is the floor. " + _WAI,
)


@check(ALT004)
def visual_content_share(profile: Profile, ctx: CheckContext) -> CheckResult:
    posts = recent_posts(profile)
    if not posts:
        return ALT004.na("No own posts were observed.")
    visual = [p for p in posts if any(m.kind in ("image", "video") for m in p.media)]
    ratio = len(visual) / len(posts)
    msg = f"{len(visual)} of {len(posts)} recent posts carry an image or video."
    score = min(1.0, ratio / 0.5)
    if ratio < 0.5:
        return ALT004.warn(msg, score=score)
    return ALT004.passed(msg, score=score)
