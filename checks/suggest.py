"""Fixes ready to paste: proposals built from the audited profile itself.

A check says what is wrong; an owner wants the text to paste. Each builder here takes the
profile and the check's context and returns `Suggestion`s made only of what the brand already
wrote (its name, bio, captions, hashtags), its brand file (name, website, location) and its
target keywords, in the profile's own words and within the platform's limits (the rules
table). Nothing is invented: an alt-text draft is the post's own caption, cut to a sentence
and marked as a draft the owner checks against the photo.

`enrich` is the one hook the engine calls on a judged result: it adds the one-line "why it
matters", the suggestions of a failing check, and a fix sentence that names the audited
business instead of the check's generic example, on the audited platform's own screens
(checks/howto.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from audit.discover import fold, profile_language
from audit.model import Post, Profile
from audit.platforms.rules import PlatformRules
from audit.result import CheckResult, Status, Suggestion
from checks.base import CheckContext, CheckMeta
from checks.common import image_media, recent_posts, text_length
from checks.hashtags import GENERIC_HASHTAGS, post_hashtags
from checks.howto import fix_for
from checks.keywords import target_in
from checks.links import own_site_links
from checks.media import recent_image_posts

__all__ = [
    "alt_drafts",
    "bio_proposal",
    "enrich",
    "hashtag_set",
    "name_proposal",
    "one_line_why",
    "tracked_links",
    "tracked_url",
]

_FAILING = (Status.FAIL, Status.WARN)


# --- the one-line why ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[\w)'’\"])[.!?](?=\s+[A-Z(])")
_SOURCE_TAIL = re.compile(
    r"(?<!\s)\s*\((?=[^()]*(?:Help|checks\.md|https?://|et al|Hootsuite|Mosseri|via|Source))"
    r"[^()]*\)\s*$"
)


_CITES = re.compile(r"checks\.md|https?://|\bet al\b|\bHelp\b|Hootsuite|Mosseri|WCAG", re.I)


def one_line_why(why: str) -> str:
    """The first sentence of a check's 'why it matters', without its source citations (a
    trailing parenthesis or a clause naming checks.md, a help page, a study): the reason an
    owner reads, not the footnote."""
    text = " ".join(why.split())
    end = _SENTENCE_END.search(text)
    first = text[: end.start()] if end else text.rstrip(".")
    first = _SOURCE_TAIL.sub("", first)
    clauses = [c for c in first.split(";") if not _CITES.search(c)] or [first]
    return "; ".join(c.strip() for c in clauses).rstrip(" .:;,") + "."


# --- words from the brand's own texts ------------------------------------------------------


def _own_text(profile: Profile) -> str:
    """Bio and recent captions and hashtags: the brand's own words on this profile."""
    parts = [profile.bio or ""]
    for post in recent_posts(profile, limit=None):
        parts.append(post.caption or "")
        parts.extend(post_hashtags(post))
    return "\n".join(parts)


def _ordered_keywords(profile: Profile, ctx: CheckContext) -> list[str]:
    """Target keywords in the order the owner puts them: first those in the bio, by where
    they first appear (the owner's own lead words, in the profile's language: a Slovenian
    bakery's 'Pekarna z naravnim kvasom ...' puts 'pekarna' first), then those used in
    captions and hashtags, then the rest as given; the city last (it goes in the location)."""
    lang = profile_language(profile)
    bio = profile.bio or ""
    folded_bio = fold(bio)
    own = _own_text(profile)
    city = fold(ctx.brand.location.split(",")[0].strip()) if ctx.brand.location else ""

    def key(keyword: str) -> tuple[int, int, int]:
        order = ctx.keywords.index(keyword)
        if city and fold(keyword) == city:
            return (3, 0, order)
        if target_in(bio, keyword, lang):
            at = folded_bio.find(fold(keyword).split()[0][:5])
            return (0, at if at >= 0 else len(folded_bio), order)
        if target_in(own, keyword, lang):
            return (1, 0, order)
        return (2, 0, order)

    return sorted(ctx.keywords, key=key)


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].islower() else word


def city_of(profile: Profile, ctx: CheckContext) -> str | None:
    """The business's city: the brand file's location (its first part), else the profile's
    public location."""
    if ctx.brand.location:
        first = ctx.brand.location.split(",")[0].strip()
        if first:
            return first
    place = profile.location
    return place.city if place and place.city else None


def _fits(text: str, limit: int | None, rules: PlatformRules) -> bool:
    return limit is None or text_length(text, rules) <= limit


def _suggestion(kind: str, label: str, text: str, rules: PlatformRules, limit: int | None,
                **extra: object) -> Suggestion:  # fmt: skip
    return Suggestion.model_validate(
        {
            "kind": kind,
            "label": label,
            "text": text,
            "length": text_length(text, rules),
            "limit": limit,
            **extra,
        }
    )


# --- name field ----------------------------------------------------------------------------


def name_proposal(profile: Profile, ctx: CheckContext) -> Suggestion | None:
    """The business name plus the missing target keywords, as many as fit the platform's
    name limit: 'Modra Vrata | Pekarna · Bakery' (30 characters on Instagram)."""
    base = " ".join((profile.display_name or ctx.brand.name or "").split())
    if not base or not ctx.keywords:
        return None
    lang = profile_language(profile)
    rules, limit = ctx.rules, ctx.rules.name_max
    text, added = base, 0
    for keyword in _ordered_keywords(profile, ctx):
        if target_in(text, keyword, lang):
            continue
        candidate = f"{text}{' | ' if added == 0 else ' · '}{_capitalized(keyword)}"
        if _fits(candidate, limit, rules):
            text, added = candidate, added + 1
        if added == 2:
            break
    if not added:
        return None
    where = f"{profile.platform.label} name field"
    return _suggestion("name", where, text, rules, limit)


# --- bio -----------------------------------------------------------------------------------


def _first_line(words: Sequence[str]) -> str:
    return " · ".join(_capitalized(words[0]) if i == 0 else w for i, w in enumerate(words))


def bio_proposal(profile: Profile, ctx: CheckContext) -> Suggestion | None:
    """The owner's bio with the missing target keywords and the city worked into a new first
    line ('Pekarna · sourdough · Ljubljana'), within the bio limit. The owner's text is kept;
    when even the shortest first line does not fit, its last lines are left out (and the
    note says so)."""
    if not ctx.keywords:
        return None
    bio = (profile.bio or "").strip()
    lang = profile_language(profile)
    missing = [k for k in _ordered_keywords(profile, ctx) if not target_in(bio, k, lang)]
    city = city_of(profile, ctx)
    if city and (target_in(bio, city, lang) or any(fold(city) == fold(k) for k in missing)):
        city = None
    if not missing and not city:
        return None
    rules, limit = ctx.rules, ctx.rules.bio_max
    tail = [city] if city else []
    # Most words first; a keyword outranks the city, and both outrank the owner's last line.
    options = [missing[:n] + tail for n in range(min(len(missing), 3), 0, -1)]
    options += [missing[:n] for n in range(min(len(missing), 3), 0, -1)] if tail else []
    label = f"{rules.bio_label} ({profile.platform.label})"
    lines = bio.splitlines()
    note = None
    while True:
        owner = "\n".join(lines)
        for words in options or [tail]:
            head = _first_line(words)
            text = f"{head}\n{owner}" if owner else head
            if _fits(text, limit, rules):
                return _suggestion("bio", label, text, rules, limit, note=note)
        if len(lines) <= 1:
            break
        dropped = lines.pop()
        note = (
            f"Your last line ({dropped.strip()!r}) was left out to stay within "
            f"{limit} characters; put it back if you shorten something else."
        )
    if tail and options and _fits(f"{_first_line(tail)}\n{bio}", limit, rules):
        return _suggestion("bio", label, f"{_first_line(tail)}\n{bio}", rules, limit)
    return None


# --- links ---------------------------------------------------------------------------------

_UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")


def tracked_url(url: str, source: str, campaign: str = "bio") -> str:
    """`url` with UTM tags for one platform (existing utm_ tags replaced, the rest kept)."""
    full = url if "://" in url else "https://" + url
    parts = urlsplit(full)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith("utm_")]
    query += list(zip(_UTM_KEYS, (source, "social", campaign), strict=True))
    return urlunsplit(
        (parts.scheme, parts.netloc, parts.path or "/", urlencode(query), parts.fragment)
    )


def tracked_links(profile: Profile, ctx: CheckContext) -> list[Suggestion]:
    """Each own-website link of the profile with this platform's UTM tags; the brand file's
    website when the profile has none."""
    source = profile.platform.value
    links = [link.url for link in own_site_links(profile)][:3]
    if not links and ctx.brand.website:
        links = [ctx.brand.website]
    label = f"Website link ({profile.platform.label})"
    return [_suggestion("link", label, tracked_url(url, source), ctx.rules, None) for url in links]


# --- hashtags ------------------------------------------------------------------------------

_NOT_TAG = re.compile(r"[^\w]+", re.UNICODE)


def _tag(text: str) -> str:
    """A keyword as a hashtag: words joined, no spaces or punctuation ('sourdough bread' ->
    'sourdoughbread'), lower case."""
    return _NOT_TAG.sub("", text.casefold().replace("_", ""))


def hashtag_set(profile: Profile, ctx: CheckContext) -> Suggestion | None:
    """Specific and local hashtags within the platform's guide: the target keywords, the
    city, then the specific tags the brand already uses most."""
    rules = ctx.rules
    size = rules.hashtag_guide_max or rules.hashtag_cap or 5
    specific = [_tag(k) for k in _ordered_keywords(profile, ctx)]
    used = Counter(fold(t) for post in recent_posts(profile) for t in post_hashtags(post) if t)
    specific += [t for t, _ in used.most_common()]
    city = city_of(profile, ctx)
    tags: list[str] = []
    seen: set[str] = set()
    local = _tag(city) if city else ""
    for tag in specific:
        key = fold(tag)
        if not tag or key in seen or key in GENERIC_HASHTAGS or key == fold(local):
            continue
        seen.add(key)
        tags.append(tag)
    if local:  # one local tag always makes the cut
        tags.insert(min(len(tags), size - 1), local)
    tags = tags[:size]
    if not tags:
        return None
    text = " ".join("#" + t for t in tags)
    label = f"Hashtags for a post ({profile.platform.label}, up to {size})"
    return _suggestion("hashtags", label, text, rules, None)


# --- alt text ------------------------------------------------------------------------------

_STRIP = re.compile(r"https?://\S+|www\.\S+|[#＃@]\w[\w.·]*", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _plain(text: str) -> str:
    """Caption text without links, hashtags, mentions and emoji/symbols."""
    text = _STRIP.sub(" ", text)
    kept = "".join(
        ch if not unicodedata.category(ch).startswith(("S", "C")) or ch == "\n" else " "
        for ch in text
    )
    return kept


def alt_from_caption(caption: str | None, limit: int = 125) -> str | None:
    """The caption's first sentence with words, cut at a word within `limit` characters."""
    if not caption:
        return None
    for sentence in _SENTENCE.split(_plain(caption)):
        words = " ".join(sentence.split()).strip(" -–—:;,")
        if len(words.split()) >= 2:
            break
    else:
        return None
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return words


def _post_label(post: Post, index: int, profile: Profile) -> str:
    when = f" of {post.created_at:%Y-%m-%d}" if post.created_at else ""
    return f"Alt text, {profile.platform.label} post {index}{when}"


def alt_drafts(profile: Profile, ctx: CheckContext) -> list[Suggestion]:
    """One draft per recent image post without alt text you wrote, from its caption."""
    rules = ctx.rules
    limit = min(v for v in (rules.alt_soft_max, rules.alt_max, 125) if v)
    out = []
    for index, post in enumerate(recent_image_posts(profile), 1):
        images = image_media(post)
        if all(m.alt_source == "custom" for m in images):
            continue
        draft = alt_from_caption(post.caption, limit)
        if not draft:
            continue
        many = f" Write one for each of its {len(images)} images." if len(images) > 1 else ""
        out.append(
            _suggestion(
                "alt_text",
                _post_label(post, index, profile),
                draft,
                rules,
                rules.alt_max,
                draft=True,
                note="A draft from the caption: check that it says what the photo shows, and "
                "fix it before you paste it." + many,
                url=post.url,
            )
        )
    return out


# --- attaching them to results -------------------------------------------------------------


def _name_fix(result: CheckResult, found: list[Suggestion], ctx: CheckContext) -> str | None:
    limit = ctx.rules.name_max
    allows = f" ({ctx.rules.platform.label} allows {limit} characters)" if limit else ""
    return f"Add your main keyword after the business name: '{found[0].text}'{allows}."


def _link_fix(result: CheckResult, found: list[Suggestion], ctx: CheckContext) -> str | None:
    source = ctx.rules.platform.value
    return (
        f"Tag the website link with utm_source={source}&utm_medium=social&utm_campaign=bio "
        f"so visits from {ctx.rules.platform.label} show in your analytics (the tracked link "
        "is below)."
    )


def _bio_fix(result: CheckResult, found: list[Suggestion], ctx: CheckContext) -> str | None:
    label = ctx.rules.bio_label.lower()
    return (
        f"Open the {label} with the words customers type and your town, and keep the rest "
        f"of your text: the proposal below does that within {ctx.rules.bio_max} characters."
        if ctx.rules.bio_max
        else f"Open the {label} with the words customers type and your town; the proposal "
        "below keeps the rest of your text."
    )


def _hashtag_fix(result: CheckResult, found: list[Suggestion], ctx: CheckContext) -> str | None:
    return f"Use specific and local hashtags instead of generic ones, e.g. {found[0].text}."


_Builder = Callable[[Profile, CheckContext], list[Suggestion]]


def _one(fn: Callable[[Profile, CheckContext], Suggestion | None]) -> _Builder:
    def build(profile: Profile, ctx: CheckContext) -> list[Suggestion]:
        found = fn(profile, ctx)
        return [found] if found else []

    return build


_FixFn = Callable[[CheckResult, list[Suggestion], CheckContext], str | None]

# Check ID -> what to propose when it warns or fails (and, for some, a fix sentence naming
# the audited business).
_BUILDERS: dict[str, tuple[_Builder, _FixFn | None]] = {
    "KEY001": (_one(name_proposal), _name_fix),
    "PRO005": (_one(name_proposal), None),
    "KEY002": (_one(bio_proposal), _bio_fix),
    "BIO006": (_one(bio_proposal), _bio_fix),
    "BIO002": (_one(bio_proposal), _bio_fix),
    "LNK001": (tracked_links, None),
    "LNK003": (tracked_links, _link_fix),
    "HSH001": (_one(hashtag_set), None),
    "HSH002": (_one(hashtag_set), _hashtag_fix),
    "ALT001": (alt_drafts, None),
    "ALT003": (alt_drafts, None),
}


def enrich(
    result: CheckResult,
    meta: CheckMeta,
    profile: Profile | None = None,
    ctx: CheckContext | None = None,
) -> CheckResult:
    """The result with its one-line why and, when it warns or fails on a profile, the fixes
    ready to paste (and a fix sentence naming this business where the generic one would
    not). Results that passed or could not be judged come back unchanged."""
    if result.status not in _FAILING:
        return result
    update: dict[str, object] = {"why": one_line_why(meta.why)}
    if profile is not None and ctx is not None:
        own = fix_for(result, profile, ctx)
        if own:
            update["fix"] = own
    entry = _BUILDERS.get(result.id)
    if entry is not None and profile is not None and ctx is not None:
        build, fix = entry
        found = build(profile, ctx)
        if found:
            update["suggestions"] = found
            if fix is not None:
                update["fix"] = fix(result, found, ctx) or update.get("fix") or result.fix
    return result.model_copy(update=update)
