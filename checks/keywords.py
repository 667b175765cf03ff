"""Keywords: are the words people search for in the fields the platform's search reads?

Two matchers, both from `audit.discover`: `target_in` for the brand's target keywords
(whole words, any case, accent or inflection: 'bakeries' finds 'bakery', 'pekarni' finds
'pekarna'; lemma-aware through the spaCy pipelines, which are cached) and `keyword_in`, the
plain whole-word match (case- and accent-insensitive) for fixed vocabularies such as the
call-to-action words, where an inflection would be a different word.

KEY007 rolls the discoverability matrix (audit/discover.py) into the keywords category.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from audit import discover
from audit.discover import (
    carries,
    field_label,
    fold,
    handle_core,
    lemma_form,
    profile_cells,
    profile_language,
    profile_languages,
)
from audit.model import Platform, Profile
from audit.patterns import EMAIL
from audit.result import Category, CheckResult, Evidence, Severity
from audit.text import extract_hashtags
from checks.base import CheckContext, CheckMeta, brand_check, check, not_observed
from checks.common import ev, post_ev, post_text, quote, recent_posts, urls_in, word_list
from checks.sources import GBP_GUIDELINES, IG_HASHTAG_LIMIT, IG_SEARCH, OWN, TIKTOK_RECOMMENDS

__all__ = [
    "fold",
    "keyword_in",
    "keyword_position",
    "keywords_text",
    "no_keywords",
    "target_in",
    "targets_in",
]

# --- the matchers ------------------------------------------------------------------------


def keyword_position(text: str | None, keyword: str, lang: str | None = None) -> int | None:
    """Where `keyword` first occurs in `text` as whole words (case- and accent-insensitive;
    an index into the folded text), or None. `lang` is accepted for symmetry and unused."""
    del lang
    return discover.keyword_position(text, keyword)


def keyword_in(text: str | None, keyword: str, lang: str | None = None) -> bool:
    """The plain matcher: `keyword` appears in `text` as whole words, ignoring case and
    accents, not inflections (for fixed word lists; target keywords use `target_in`)."""
    return keyword_position(text, keyword, lang) is not None


def target_in(text: str | None, keyword: str, lang: str | tuple[str, ...] | None = None) -> bool:
    """A target keyword in `text` in any case, accent or inflection; `lang` is the
    profile's languages (`profile_languages`: names and hashtags are too short to detect)."""
    return carries(text, keyword, lang)


def targets_in(
    text: str | None, keywords: Sequence[str], lang: str | tuple[str, ...] | None = None
) -> list[str]:
    """The target keywords found in `text`, in the order given."""
    return [k for k in keywords if target_in(text, k, lang)]


def keywords_text(keywords: Sequence[str], limit: int = 5) -> str:
    """'bakery, sourdough, austin' (and 'and 3 more') for messages."""
    shown = ", ".join(keywords[:limit])
    rest = len(keywords) - limit
    return shown + (f" and {rest} more" if rest > 0 else "")


def _found(
    text: str | None, keywords: Sequence[str], profile: Profile, ctx: CheckContext
) -> list[str]:
    return targets_in(text, keywords, profile_languages(profile, ctx.brand.languages))


# --- checks ------------------------------------------------------------------------------

_ALL_KEY_CHECKS = "KEY001-KEY003, KEY007, BIO006 and HSH003"


def no_keywords(meta: CheckMeta) -> CheckResult:
    """The verdict of a keyword check when the brand gave no target keywords."""
    return meta.manual(
        "No target keywords were given, so this cannot be judged. Add `keywords` to the brand "
        "file (or pass --keywords)."
    )


_MOSSERI = IG_SEARCH

KEY001 = CheckMeta(
    id="KEY001",
    slug="keyword-not-in-name",
    title="A target keyword is in the name field",
    failure_title="No target keyword in the name field",
    category=Category.KEYWORDS,
    severity=Severity.HIGH,
    weight=3,
    needs=("display_name",),
    what="At least one target keyword appears in the display-name field (not on Google "
    "Business Profile, whose guidelines forbid keywords in the name).",
    why="The name field is indexed with the highest weight: on Instagram, name and username "
    "are what account search matches first. " + _MOSSERI + ".",
    fix="Add your main keyword after the business name: 'Your Name | keyword', within the "
    "platform's name limit (Instagram: 30 characters, two name changes per 14 days).",
    example="Name: 'Blue Door' — a search for 'bakery austin' does not match it.",
    better="Name: 'Blue Door Bakery · Austin'.",
    source=_MOSSERI + "; " + TIKTOK_RECOMMENDS + ". Not on Google Business Profile, whose "
    "name must be the business's real name: " + GBP_GUIDELINES,
)


@check(KEY001)
def keyword_not_in_name(profile: Profile, ctx: CheckContext) -> CheckResult:
    if profile.platform is Platform.GOOGLE_BUSINESS:
        return KEY001.na(
            "Google's guidelines forbid keywords in a Business Profile's name: it must be the "
            "name the business uses everywhere (the category and description carry keywords)."
        )
    if not ctx.keywords:
        return no_keywords(KEY001)
    name = (profile.display_name or "").strip()
    evidence = [ev(profile, "display_name", profile.display_name)]
    kws = keywords_text(ctx.keywords)
    if not name:
        return KEY001.fail(
            f"The name field is empty, so no target keyword ({kws}) is in it.", evidence
        )
    found = _found(name, ctx.keywords, profile, ctx)
    if found:
        return KEY001.passed(f"Name {quote(name)} contains {', '.join(found)}.", evidence)
    return KEY001.fail(f"Name {quote(name)} contains none of the target keywords: {kws}.", evidence)


KEY002 = CheckMeta(
    id="KEY002",
    slug="keyword-not-in-bio",
    title="A target keyword is in the bio",
    failure_title="No target keyword in the bio",
    category=Category.KEYWORDS,
    severity=Severity.HIGH,
    weight=3,
    needs=("bio",),
    what="At least one target keyword appears in the bio / description.",
    why="The bio is a searched field on nearly every platform; a bio "
    "of slogans matches no search. " + _MOSSERI + ".",
    fix="Say what you do and where in the bio's first line, in the words people search for.",
    example="Bio: 'Good vibes & good bread ✨'.",
    better="Bio: 'Sourdough bakery in East Austin ✨ Fresh loaves daily 7–2'.",
    source=_MOSSERI,
)


@check(KEY002)
def keyword_not_in_bio(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(KEY002)
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    evidence = [ev(profile, "bio", profile.bio)]
    kws = keywords_text(ctx.keywords)
    if not bio:
        return KEY002.fail(f"{label} is empty, so no target keyword ({kws}) is in it.", evidence)
    found = _found(bio, ctx.keywords, profile, ctx)
    if found:
        return KEY002.passed(f"{label} contains {', '.join(found)}.", evidence)
    cut = not_observed(profile, "bio_end")
    if cut:
        return KEY002.na(
            f"No target keyword ({kws}) in the part of the {label.lower()} shown. {cut}", evidence
        )
    return KEY002.fail(f"{label} contains none of the target keywords: {kws}.", evidence)


KEY003 = CheckMeta(
    id="KEY003",
    slug="keyword-coverage-captions",
    title="Recent captions use target keywords",
    failure_title="Few recent captions use target keywords",
    category=Category.KEYWORDS,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("posts",),
    what="Share of the 12 newest own posts whose caption or hashtags contain a target "
    "keyword (warn below 50%, fail below 20%).",
    why="Captions and hashtags are what post search matches (" + _MOSSERI + "); a post "
    "without your keyword can only be found by people who already follow you.",
    fix="Work one target keyword into the first sentence of each caption, as part of a "
    "sentence, not a list of tags.",
    example="Captions: 'Monday mood ☕', 'You know what time it is 😍'.",
    better="'Monday mood: sourdough toast and coffee at our Austin bakery ☕'.",
    source=_MOSSERI + "; " + TIKTOK_RECOMMENDS + ". The 50% and 20% "
    "thresholds are " + OWN + "half the recent posts findable for a keyword is a steady "
    "habit, under one in five is chance.",
)


@check(KEY003)
def keyword_coverage_captions(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(KEY003)
    posts = recent_posts(profile)
    if not posts:
        return KEY003.na("No own posts were observed, so captions cannot be judged.")
    langs = profile_languages(profile, ctx.brand.languages)
    with_kw = [p for p in posts if targets_in(post_text(p), ctx.keywords, langs)]
    without = [p for p in posts if p not in with_kw]
    evidence = [post_ev(profile, p, "caption", p.caption) for p in without[:5]]
    ratio = len(with_kw) / len(posts)
    msg = (
        f"{len(with_kw)} of {len(posts)} recent posts mention a target keyword "
        f"({keywords_text(ctx.keywords)}) in the caption or hashtags."
    )
    return KEY003.graded(ratio, msg, evidence, warn_below=0.5, fail_below=0.2)


KEY004 = CheckMeta(
    id="KEY004",
    slug="keyword-stuffing",
    title="The bio reads naturally",
    failure_title="The bio looks keyword-stuffed",
    category=Category.KEYWORDS,
    severity=Severity.LOW,
    weight=1,
    needs=("bio",),
    what="No word or keyword repeated more than 3 times in the bio (in a long one, such as "
    "LinkedIn's About or a YouTube description, more than once in 20 words), and no hashtag "
    "wall (more than 5 hashtags) in it.",
    why="Repetition does not rank higher, reads as spam to people, and platforms demote "
    "spammy text; Instagram itself caps hashtags at 5 per post.",
    fix="Say each keyword once, in a sentence; move hashtags out of the bio.",
    example="Bio: 'bakery bakery bakery austin bakery #bread #cake #food #yum #love #fresh'.",
    better="Bio: 'Sourdough bakery in Austin. Bread and cakes baked daily.'",
    source=IG_HASHTAG_LIMIT
    + ". More than 3 repeats of a word in a bio, or more than one in 20 words of a long one, "
    "is "
    + OWN
    + "a bio of 150-250 characters has room to say each keyword once; an About of 1,000 "
    "characters that names its subject five times is prose, not stuffing.",
)

# Function words that repeat in any natural text (en, es, fr, de, it, pt); not stuffing.
_FUNCTION_WORDS = frozenset(
    word_list(
        """the and for with our you your are from this that all not but has have was will can
        los las del con por para una que nuestro nuestra les des une pour avec dans sur nos vous
        der die das und mit fur von den dem ein eine wir gli per che della dei com uma dos das
        nos sua seu"""
    )
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_EMAIL = EMAIL  # audit.patterns: linear on any text
_REPEAT_MAX = 3
# In a long text a word may come back once per this many words (5%) before it is stuffing.
_WORDS_PER_REPEAT = 20
_HASHTAG_WALL = 5


def _lemma_words(text: str, lang: str | None) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", lemma_form(text, lang)) if w]


def _occurrences(text: str, keyword: str, lang: str | None) -> int:
    """How often `keyword` occurs in `text`, counting inflections ('cake shops' is 'cake
    shop'): the larger of the plain count and the count over lemmatized words."""
    plain = 0
    start = 0
    folded = fold(text)
    while (pos := keyword_position(folded[start:], keyword)) is not None:
        plain += 1
        start += pos + max(1, len(fold(keyword)))
    wanted = _lemma_words(keyword, lang)
    words = _lemma_words(text, lang)
    n = len(wanted)
    lemma = sum(1 for i in range(len(words) - n + 1) if n and words[i : i + n] == wanted)
    return max(plain, lemma)


_MENTION = re.compile(r"(?<![\w@])@[\w.]+")


def _prose(bio: str) -> str:
    """The bio without its links, email addresses and @mentions: '@cnn' and 'cnn.com' are
    addresses, not the word 'cnn' said again."""
    text = _MENTION.sub(" ", _EMAIL.sub(" ", bio))
    for url in urls_in(text):
        text = text.replace(url, " ")
    return text


@check(KEY004)
def keyword_stuffing(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    if not bio:
        return KEY004.na(f"{ctx.rules.bio_label} is empty (see BIO001).")
    prose = _prose(bio)
    most = max(_REPEAT_MAX, len(prose.split()) // _WORDS_PER_REPEAT)
    words = Counter(w for w in _WORD.findall(fold(prose)) if w not in _FUNCTION_WORDS)
    problems = [f"{w!r} appears {n} times" for w, n in words.most_common() if n > most]
    lang = profile_language(profile) if ctx.keywords else None
    for kw in ctx.keywords:
        n = _occurrences(prose, kw, lang)
        if n > most and " " in kw.strip():
            problems.append(f"keyword {kw!r} appears {n} times")
    tags = extract_hashtags(bio)
    if len(tags) > _HASHTAG_WALL:
        problems.append(f"{len(tags)} hashtags (a hashtag wall)")
    evidence = [ev(profile, "bio", bio)]
    if problems:
        return KEY004.warn(f"{ctx.rules.bio_label} looks stuffed: {'; '.join(problems)}.", evidence)
    return KEY004.passed(
        f"No word repeats more than {most} times and there are {len(tags)} hashtags.",
        evidence,
    )


KEY005 = CheckMeta(
    id="KEY005",
    slug="handle-searchable",
    title="The handle is readable and on-brand",
    failure_title="The handle is hard to find",
    category=Category.KEYWORDS,
    severity=Severity.LOW,
    weight=1,
    what="The handle has no long digit runs (4 or more digits) and contains a word of the "
    "brand name or a target keyword.",
    why="Handles are searched right after the name field (Instagram matches usernames) and "
    "what people "
    "type to tag you; '@bluedoor_bakery_2847' is misremembered, '@bluedoorbakery' is not.",
    fix="Change the handle to the brand name (plus the city or trade if taken), without "
    "number runs; keep it the same on every platform.",
    example="@bdb_official_2847",
    better="@bluedoorbakery",
    source=_MOSSERI + ". Four or more digits as a sign of a handle people misremember "
    "is " + OWN + "a year or a street number is remembered, a random run is not.",
)

_NAME_FILLERS = frozenset({"the", "and", "official", "shop", "store", "company", "inc", "llc"})


@check(KEY005)
def handle_searchable(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not profile.handle:
        return KEY005.na("The input shows no handle for this profile.")
    handle = handle_core(profile)
    squashed = "".join(ch for ch in fold(handle) if ch.isalnum())
    evidence = [ev(profile, "handle", profile.handle)]
    problems: list[str] = []
    name = ctx.brand.name or profile.display_name or ""
    digits = re.search(r"\d{4,}", handle)
    if digits and digits.group(0) not in name:
        problems.append(f"a {len(digits.group(0))}-digit run {digits.group(0)!r}")
    tokens = {w for w in _WORD.findall(fold(name)) if w not in _NAME_FILLERS | _FUNCTION_WORDS}
    lang = profile_language(profile) if ctx.keywords else None
    for kw in ctx.keywords:
        tokens |= {w for w in _WORD.findall(fold(kw))}
        # The lemma too: the keyword 'bakeries' is in @bluedoorbakery.
        tokens |= {w for w in _WORD.findall(fold(lemma_form(kw, lang)))}
    related = [t for t in sorted(tokens) if t in squashed]
    if tokens and not related:
        problems.append("no word of the brand name or a target keyword")
    if problems:
        return KEY005.warn(f"Handle @{profile.handle} has {' and '.join(problems)}.", evidence)
    if not tokens:
        return KEY005.passed(
            f"Handle @{profile.handle} has no long digit runs (brand relation not judged: no "
            "brand name or keywords given).",
            evidence,
        )
    return KEY005.passed(
        f"Handle @{profile.handle} is readable and contains {', '.join(related)}.", evidence
    )


KEY006 = CheckMeta(
    id="KEY006",
    slug="keywords-undefined",
    title="Target keywords are defined",
    failure_title="No target keywords defined",
    category=Category.KEYWORDS,
    severity=Severity.INFO,
    weight=0,
    what="The brand has target keywords to score against (given by the user, or proposed from "
    "the brand's own texts and website).",
    why="Every keyword check needs to know what people should find you for; without it the "
    "audit can only judge form, not findability.",
    fix="Add 3-5 phrases people would type to find you to the brand file (`keywords = [...]`) "
    "or pass them with --keywords: what you do, what you do plus your town, your main "
    "product.",
    example="A brand file with no `keywords`.",
    better="keywords = ['sourdough bakery', 'austin bakery', 'custom cakes']",
    source=OWN + "every keyword check needs to know what the brand wants to be "
    "found for; this only records whether those words were given or proposed.",
)


@brand_check(KEY006)
def keywords_undefined(profiles: Sequence[Profile], ctx: CheckContext) -> CheckResult:
    evidence = [Evidence(field="keywords", value=list(ctx.keywords))]
    if ctx.keywords and not ctx.keywords_proposed:
        return KEY006.passed(
            f"{len(ctx.keywords)} target keywords given: {keywords_text(ctx.keywords)}.",
            evidence,
        )
    if ctx.keywords:
        return KEY006.manual(
            "No target keywords were given; findable proposed these from the brand's website "
            f"and own texts and scored against them: {keywords_text(ctx.keywords)} (proposed; "
            "confirm with --keywords or the brand file).",
            evidence,
        )
    return KEY006.manual(
        f"No target keywords were given, so {_ALL_KEY_CHECKS} could not judge findability. "
        "Add `keywords` to the brand file (or pass --keywords).",
        evidence,
    )


KEY007 = CheckMeta(
    id="KEY007",
    slug="keyword-discoverability",
    title="The profile is findable for its target keywords",
    failure_title="Target keywords are missing or only in weakly searched fields",
    category=Category.KEYWORDS,
    severity=Severity.HIGH,
    weight=3,
    what="For each target keyword, the strongest field that carries it (any case or "
    "inflection), weighted by what this platform's search reads: name field 1.0 > handle 0.8 "
    "> category 0.7 > bio 0.6 > captions and hashtags 0.4 > alt text 0.2 > location 0.1, and 0 "
    "for a field the platform does not index (TikTok search does not read the bio). The score "
    "is the mean over the target keywords: warn below 0.6 (every keyword in the bio), fail "
    "below 0.2.",
    why="Social search ranks accounts by where a query's words appear, strongest in the name "
    "and username, then the bio, then posts (" + _MOSSERI + "); KEY001-KEY003 ask whether some "
    "keyword is somewhere, this asks how findable the profile is for each of them on this "
    "platform. The same score ranks the brand against its competitors in the report.",
    fix="Put each missing keyword where this platform's search looks hardest: after the "
    "business name in the name field, or in the first line of the bio; then in captions and "
    "hashtags. On platforms that do not read the bio, use the name field and captions.",
    example="Keywords 'sourdough' and 'ljubljana bakery'; name 'Modra Vrata', bio 'Good vibes "
    "only ✨', captions without either: findable for neither (0.0).",
    better="Name 'Modra Vrata · Sourdough' (1.0), bio 'Ljubljana bakery since 1998' (0.6): "
    "mean 0.8.",
    source=_MOSSERI + "; " + TIKTOK_RECOMMENDS + ". The field weights (name 1.0 down to "
    "location 0.1) are " + OWN + "no platform publishes its ranking, so the weights only keep "
    "the order the platforms describe: the name and username first, then the bio, then posts.",
)

# Full marks for a keyword in the bio (0.6): below that the profile is weakly findable.
_KEY007_WARN = 0.6

# Profile.not_observed keys -> the discoverability fields they hide.
_UNSEEN_FIELDS = {
    "display_name": ("name",),
    "category": ("category",),
    "bio": ("bio",),
    "posts": ("captions", "hashtags", "alt"),
    "alt_text": ("alt",),
    "location": ("location",),
    "geotags": ("location",),
}


@check(KEY007)
def keyword_discoverability(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(KEY007)
    cells = profile_cells(profile, ctx.keywords, ctx.rules.search_fields)
    platform = profile.platform
    where = platform.label

    def fields_text(fields: Sequence[str]) -> str:
        return ", ".join(field_label(f, platform) for f in fields)

    evidence = [
        Evidence(field=f"keyword {c.keyword!r}", value=fields_text(c.fields) or "not found")
        for c in cells
    ]
    found = [c for c in cells if c.score > 0]
    missing = [c for c in cells if c.score == 0]
    if not found:
        searched = {f for f, w in ctx.rules.search_fields.items() if w > 0}
        hidden = [
            key
            for key, fields in _UNSEEN_FIELDS.items()
            if key in profile.not_observed and searched.intersection(fields)
        ]
        unseen = not_observed(profile, *hidden)
        if unseen:
            return KEY007.na(unseen, evidence)
    score = sum(c.score for c in cells) / len(cells)
    if score >= _KEY007_WARN:
        head = (
            f"Findable on {where} for {len(found)} of {len(cells)} target keywords "
            f"(mean field weight {score:.2f})"
        )
    else:  # the same numbers, said as the shortfall they are: never "findable" under a warning
        head = (
            f"{len(found)} of {len(cells)} target keywords appear in a field {where} search "
            f"reads, with a mean field weight of {score:.2f}, under the {_KEY007_WARN:.2f} of "
            "every keyword in the bio"
        )
    parts = [head]
    if found:
        best = max(found, key=lambda c: (c.score, c.strength))
        parts.append(f"strongest: {best.keyword!r} in the {fields_text(best.fields)}")
    if missing:
        names = ", ".join(repr(c.keyword) for c in missing)
        parts.append(f"missing: {names}")
        for c in missing:
            if c.unindexed:
                parts.append(
                    f"{c.keyword!r} is only in the {fields_text(c.unindexed)}, which {where} "
                    "search does not read"
                )
    return KEY007.graded(
        score, "; ".join(parts) + ".", evidence, warn_below=_KEY007_WARN, fail_below=0.2
    )
