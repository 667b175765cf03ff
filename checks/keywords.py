"""Keywords: are the words people search for in the fields the platform's search reads?

Also home of `keyword_in`, the matcher every family uses until the keyword engine's
lemma-aware spaCy matcher replaces it: case- and accent-insensitive, whole words, any script.
It sits behind one function so the swap touches nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from audit.model import Platform, Profile
from audit.result import Category, CheckResult, Evidence, Severity
from audit.text import extract_hashtags
from checks.base import CheckContext, CheckMeta, brand_check, check
from checks.common import ev, post_ev, post_text, quote, recent_posts, word_list

__all__ = ["fold", "keyword_in", "keyword_position", "keywords_text"]

# --- the matcher -------------------------------------------------------------------------

# Scripts written without spaces between words: there a keyword may touch other letters.
_NO_SPACE_SCRIPTS = (
    ("\u0e00", "\u0eff"),  # Thai, Lao
    ("\u1000", "\u109f"),  # Myanmar
    ("\u1780", "\u17ff"),  # Khmer
    ("\u3040", "\u30ff"),  # Hiragana, Katakana
    ("\u3400", "\u4dbf"),  # CJK extension A
    ("\u4e00", "\u9fff"),  # CJK unified ideographs
    ("\uf900", "\ufaff"),  # CJK compatibility ideographs
)


def _no_space_script(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _NO_SPACE_SCRIPTS)


def _is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks (Devanagari vowel signs are marks, not letters,
    yet they are inside a word)."""
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def fold(text: str) -> str:
    """Compare-ready text: case-folded, accents removed, NFKC ('Café' -> 'cafe', 'İ' -> 'i').
    Both sides of a match are folded the same way."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFKC", stripped)


@lru_cache(maxsize=1024)
def _pattern(keyword: str) -> re.Pattern[str] | None:
    tokens = [re.escape(t) for t in re.split(r"[\s\-_·]+", fold(keyword)) if t]
    if not tokens:
        return None
    # The words of a phrase may be joined by spaces, hyphens, underscores or a middle dot.
    return re.compile(r"[\s\-_·]+".join(tokens))


def keyword_position(text: str | None, keyword: str, lang: str | None = None) -> int | None:
    """Where `keyword` first occurs in `text` as whole words (an index into the folded
    text, which for most text has the same length), or None."""
    del lang  # the spaCy matcher uses it for lemmas; a plain match needs none
    if not text:
        return None
    pattern = _pattern(keyword)
    if pattern is None:
        return None
    folded = fold(text)
    for m in pattern.finditer(folded):
        start, end = m.start(), m.end()
        before_ok = (
            start == 0 or not _is_word_char(folded[start - 1]) or _no_space_script(folded[start])
        )
        after_ok = (
            end == len(folded)
            or not _is_word_char(folded[end])
            or _no_space_script(folded[end - 1])
        )
        if before_ok and after_ok:
            return start
    return None


def keyword_in(text: str | None, keyword: str, lang: str | None = None) -> bool:
    """True when `keyword` appears in `text` as whole words, ignoring case and accents.

    `lang` is for the lemma-aware matcher that replaces this one; here "bakery" does not
    match "bakeries" (there it will)."""
    return keyword_position(text, keyword, lang) is not None


def keywords_text(keywords: Sequence[str], limit: int = 5) -> str:
    """'bakery, sourdough, austin' (and 'and 3 more') for messages."""
    shown = ", ".join(keywords[:limit])
    rest = len(keywords) - limit
    return shown + (f" and {rest} more" if rest > 0 else "")


def _found(text: str | None, keywords: Sequence[str]) -> list[str]:
    return [k for k in keywords if keyword_in(text, k)]


# --- checks ------------------------------------------------------------------------------

_ALL_KEY_CHECKS = "KEY001-KEY003, BIO006 and HSH003"


def no_keywords(meta: CheckMeta) -> CheckResult:
    """The verdict of a keyword check when the brand gave no target keywords."""
    return meta.manual(
        "No target keywords were given, so this cannot be judged. Add `keywords` to the brand "
        "file (or pass --keywords)."
    )


_MOSSERI = (
    "Adam Mosseri (Head of Instagram): search matches your name, username, bio, captions, "
    "hashtags and places (via Wordtracker; checks.md)"
)

KEY001 = CheckMeta(
    id="KEY001",
    slug="keyword-not-in-name",
    title="A target keyword is in the name field",
    failure_title="No target keyword in the name field",
    category=Category.KEYWORDS,
    severity=Severity.HIGH,
    weight=3,
    needs=("display_name",),
    what="At least one target keyword appears in the display-name field.",
    why="The name field is indexed with the highest weight: on Instagram, name and username "
    "are what account search matches first. " + _MOSSERI + ".",
    fix="Add your main keyword after the business name, e.g. 'Blue Door Bakery | Sourdough' "
    "(Instagram allows 30 characters and two name changes per 14 days).",
    example="Name: 'Blue Door' — a search for 'bakery austin' does not match it.",
    better="Name: 'Blue Door Bakery · Austin'.",
    source="checks.md KEY001; " + _MOSSERI,
)


@check(KEY001)
def keyword_not_in_name(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(KEY001)
    name = (profile.display_name or "").strip()
    evidence = [ev(profile, "display_name", profile.display_name)]
    kws = keywords_text(ctx.keywords)
    if not name:
        return KEY001.fail(
            f"The name field is empty, so no target keyword ({kws}) is in it.", evidence
        )
    found = _found(name, ctx.keywords)
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
    why="The bio is a searched field on nearly every platform (checks.md Platform rules); a bio "
    "of slogans matches no search. " + _MOSSERI + ".",
    fix="Say what you sell and where, in the words customers type: 'Sourdough bakery in Austin'.",
    example="Bio: 'Good vibes & good bread ✨'.",
    better="Bio: 'Sourdough bakery in East Austin ✨ Fresh loaves daily 7–2'.",
    source="checks.md KEY002; " + _MOSSERI,
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
    found = _found(bio, ctx.keywords)
    if found:
        return KEY002.passed(f"{label} contains {', '.join(found)}.", evidence)
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
    fix="Work one target keyword into the first sentence of each caption, naturally: "
    "'Our sourdough loaf, fresh from the oven in Austin'.",
    example="Captions: 'Monday mood ☕', 'You know what time it is 😍'.",
    better="'Monday mood: sourdough toast and coffee at our Austin bakery ☕'.",
    source="checks.md KEY003",
)


@check(KEY003)
def keyword_coverage_captions(profile: Profile, ctx: CheckContext) -> CheckResult:
    if not ctx.keywords:
        return no_keywords(KEY003)
    posts = recent_posts(profile)
    if not posts:
        return KEY003.na("No own posts were observed, so captions cannot be judged.")
    with_kw = [p for p in posts if _found(post_text(p), ctx.keywords)]
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
    what="No word or keyword repeated more than 3 times in the bio, and no hashtag wall "
    "(more than 5 hashtags) in it.",
    why="Repetition does not rank higher, reads as spam to people, and platforms demote "
    "spammy text; Instagram itself caps hashtags at 5 per post (checks.md Evidence).",
    fix="Say each keyword once, in a sentence; move hashtags out of the bio.",
    example="Bio: 'bakery bakery bakery austin bakery #bread #cake #food #yum #love #fresh'.",
    better="Bio: 'Sourdough bakery in Austin. Bread and cakes baked daily.'",
    source="checks.md KEY004",
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
_REPEAT_MAX = 3
_HASHTAG_WALL = 5


@check(KEY004)
def keyword_stuffing(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    if not bio:
        return KEY004.na(f"{ctx.rules.bio_label} is empty (see BIO001).")
    words = Counter(w for w in _WORD.findall(fold(bio)) if w not in _FUNCTION_WORDS)
    problems = [f"{w!r} appears {n} times" for w, n in words.most_common() if n > _REPEAT_MAX]
    for kw in ctx.keywords:
        pattern = _pattern(kw)
        n = len(pattern.findall(fold(bio))) if pattern else 0
        if n > _REPEAT_MAX and " " in kw.strip():
            problems.append(f"keyword {kw!r} appears {n} times")
    tags = extract_hashtags(bio)
    if len(tags) > _HASHTAG_WALL:
        problems.append(f"{len(tags)} hashtags (a hashtag wall)")
    evidence = [ev(profile, "bio", bio)]
    if problems:
        return KEY004.warn(f"{ctx.rules.bio_label} looks stuffed: {'; '.join(problems)}.", evidence)
    return KEY004.passed(
        f"No word repeats more than {_REPEAT_MAX} times and there are {len(tags)} hashtags.",
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
    why="Handles are the second-weighted search field (design.md field order) and what people "
    "type to tag you; '@bluedoor_bakery_2847' is misremembered, '@bluedoorbakery' is not.",
    fix="Change the handle to the brand name (plus the city or trade if taken), without "
    "number runs; keep it the same on every platform.",
    example="@bdb_official_2847",
    better="@bluedoorbakery",
    source="checks.md KEY005; design.md field weights",
)

_NAME_FILLERS = frozenset({"the", "and", "official", "shop", "store", "company", "inc", "llc"})


def _handle_core(profile: Profile) -> str:
    handle = profile.handle.split("@")[0]
    if profile.platform is Platform.BLUESKY and handle.endswith(".bsky.social"):
        handle = handle[: -len(".bsky.social")]
    return handle


@check(KEY005)
def handle_searchable(profile: Profile, ctx: CheckContext) -> CheckResult:
    handle = _handle_core(profile)
    squashed = "".join(ch for ch in fold(handle) if ch.isalnum())
    evidence = [ev(profile, "handle", profile.handle)]
    problems: list[str] = []
    name = ctx.brand.name or profile.display_name or ""
    digits = re.search(r"\d{4,}", handle)
    if digits and digits.group(0) not in name:
        problems.append(f"a {len(digits.group(0))}-digit run {digits.group(0)!r}")
    tokens = {w for w in _WORD.findall(fold(name)) if w not in _NAME_FILLERS | _FUNCTION_WORDS}
    for kw in ctx.keywords:
        tokens |= {w for w in _WORD.findall(fold(kw))}
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
    fix="Add 3-5 search phrases customers would type to the brand file: keywords = "
    "['sourdough bakery', 'austin bakery', 'birthday cakes'].",
    example="A brand file with no `keywords`.",
    better="keywords = ['sourdough bakery', 'austin bakery', 'custom cakes']",
    source="checks.md KEY006",
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
            "No target keywords were given; findable proposed these from the brand's own texts "
            f"and scored against them: {keywords_text(ctx.keywords)}. Confirm or replace them.",
            evidence,
        )
    return KEY006.manual(
        f"No target keywords were given, so {_ALL_KEY_CHECKS} could not judge findability. "
        "Add `keywords` to the brand file (or pass --keywords).",
        evidence,
    )
