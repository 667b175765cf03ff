"""Bio: the one paragraph that tells a searcher what you do, where, and what to do next."""

from __future__ import annotations

import re
import unicodedata

from audit.discover import profile_languages
from audit.model import Profile
from audit.patterns import EMAIL
from audit.result import Category, CheckResult, Severity
from checks.base import CheckContext, CheckMeta, check, not_observed
from checks.common import ev, quote, text_length, urls_in, word_list
from checks.keywords import keyword_in, keywords_text, no_keywords, targets_in
from checks.sources import (
    BSKY_PROFILE_LEXICON,
    IG_SEARCH,
    OWN,
    X_PROFILE_HELP,
    YOUTUBE_CHANNELS_API,
)

_BEFORE = "Before: 'Good vibes only ✨'"
_AFTER = "After: 'Sourdough bakery in East Austin 🥖 Fresh loaves daily 7–2 · Order below ↓'"

BIO001 = CheckMeta(
    id="BIO001",
    slug="bio-missing",
    title="The profile has a bio",
    failure_title="The profile has no bio",
    category=Category.BIO,
    severity=Severity.HIGH,
    weight=3,
    needs=("bio",),
    what="A bio / description exists.",
    why="The bio is a searched field on nearly every platform (Instagram search reads it) and "
    "the one place to say what, where and for whom; an empty bio matches no search.",
    fix="Write one line on what you sell and where, one on why you, one call to action.",
    example="Before: (empty)",
    better=_AFTER,
    source=IG_SEARCH,
)


@check(BIO001)
def bio_missing(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO001.fail(f"{label} is empty.", [ev(profile, "bio", profile.bio)])
    n = text_length(bio, ctx.rules)
    return BIO001.passed(f"{label} is {n} characters.", [ev(profile, "bio", bio)])


def _limit_text(ctx: CheckContext) -> str:
    unit = "graphemes" if ctx.rules.bio_graphemes else "characters"
    return f"{ctx.rules.bio_max} {unit}" if ctx.rules.bio_max else unit


BIO002 = CheckMeta(
    id="BIO002",
    slug="bio-too-short",
    title="The bio uses its space",
    failure_title="The bio is too short",
    category=Category.BIO,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("bio",),
    what="The bio is at least 40% of the platform's limit or 60 characters, whichever is "
    "smaller: enough to say what, where and who.",
    why="A bio that short cannot carry the business, the place and a next step, and every "
    "missing word is a search it cannot match.",
    fix="Add what you sell, the neighbourhood or city, and a call to action.",
    example="Before: 'Bread. Love.' (12 characters)",
    better=_AFTER,
    source=OWN + "40% of the platform's limit or 60 characters (whichever is smaller) is "
    "about one sentence that says what, where and who; shorter cannot carry all three.",
)


@check(BIO002)
def bio_too_short(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO002.na(f"{label} is empty (see BIO001).")
    limit = ctx.rules.bio_max
    need = min(0.4 * limit, 60.0) if limit else 60.0
    n = text_length(bio, ctx.rules)
    of = f" of {_limit_text(ctx)}" if limit else " characters"
    msg = f"{label} is {n}{of}; aim for at least {need:.0f}."
    evidence = [ev(profile, "bio", bio)]
    if n < need:
        return BIO002.warn(msg, evidence, score=n / need)
    return BIO002.passed(msg, evidence)


BIO003 = CheckMeta(
    id="BIO003",
    slug="bio-over-limit",
    title="The bio fits the platform's limit",
    failure_title="The bio is over the platform's limit",
    category=Category.BIO,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("bio",),
    what="The captured bio is within the platform's limit (Instagram 150 characters, X 160, "
    "Bluesky 256 graphemes, YouTube 1,000, Mastodon 500 by default).",
    why="A bio longer than the limit (imported, or written for another platform) is cut off "
    "on some surfaces, and the cut usually takes the call to action with it.",
    fix="Shorten the bio to the limit; keep the keyword and the call to action, drop slogans "
    "and repeated emoji.",
    example="A 172-character X bio copied from Instagram.",
    better="The same bio cut to 155 characters, keyword first.",
    source="The platforms' own limits: "
    + X_PROFILE_HELP
    + "; "
    + BSKY_PROFILE_LEXICON
    + "; "
    + YOUTUBE_CHANNELS_API
    + "; Instagram's 150 characters is what its edit-profile form "
    "accepts (the app enforces it; no help page states it).",
)


@check(BIO003)
def bio_over_limit(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO003.na(f"{label} is empty (see BIO001).")
    limit = ctx.rules.bio_max
    if not limit:
        return BIO003.na(f"findable knows no {label.lower()} limit for {profile.platform.label}.")
    n = text_length(bio, ctx.rules)
    evidence = [ev(profile, "bio", bio)]
    if n > limit:
        return BIO003.fail(
            f"{label} is {n} of {_limit_text(ctx)}: {n - limit} over, so the end is cut off "
            "on some surfaces.",
            evidence,
        )
    return BIO003.passed(f"{label} is {n} of {_limit_text(ctx)}.", evidence)


BIO004 = CheckMeta(
    id="BIO004",
    slug="bio-unclear",
    title="The bio says what the business does",
    failure_title="The bio does not say clearly what the business does",
    category=Category.BIO,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("bio",),
    what="The bio has words that say what the business does (not only emoji, slogans, "
    "handles, hashtags or links: fail); it is not ALL CAPS and emoji are at most 30% of "
    "its tokens (warn).",
    why="Search matches words, not emoji; ALL CAPS reads as shouting and is harder to read; "
    "a bio made of emoji tells a new visitor nothing.",
    fix="Lead with a plain sentence: what you sell and where. Keep emoji as bullets, not words.",
    example="Before: '🥖🥐🍰✨💙 @bluedoor #bread'",
    better=_AFTER,
    source=IG_SEARCH + ". The 30% emoji share is " + OWN + "beyond it the words "
    "that search can match are the minority.",
)

_HANDLE_OR_TAG = re.compile(r"[@#＃][\w.]+")
_WORDS = re.compile(r"[^\W\d_]+")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or "\U0001f000" <= ch <= "\U0001faff"


@check(BIO004)
def bio_unclear(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO004.na(f"{label} is empty (see BIO001).")
    plain = bio
    for url in urls_in(bio):
        plain = plain.replace(url, " ")
    plain = _HANDLE_OR_TAG.sub(" ", plain)
    words = _WORDS.findall(plain)
    content = _CONTENT_WORD.findall(plain)
    emoji = sum(1 for ch in bio if _is_emoji(ch))
    evidence = [ev(profile, "bio", bio)]
    if not content:
        return BIO004.fail(
            f"{label} {quote(bio)} has no words saying what you do: only emoji, handles, "
            "hashtags or links.",
            evidence,
        )
    problems = []
    cased = [ch for ch in plain if ch.isupper() or ch.islower()]
    upper = sum(1 for ch in cased if ch.isupper())
    if len(cased) >= 10 and upper / len(cased) >= 0.8:
        problems.append(f"it is in capitals ({upper} of {len(cased)} letters)")
    tokens = len(words) + emoji
    if tokens and emoji / tokens > 0.3:
        problems.append(f"{emoji} of its {tokens} tokens are emoji (over 30%)")
    if problems:
        return BIO004.warn(f"{label} is hard to read: {'; '.join(problems)}.", evidence)
    return BIO004.passed(
        f"{label} has {len(content)} words of content, mixed case, {emoji} emoji.", evidence
    )


BIO005 = CheckMeta(
    id="BIO005",
    slug="bio-no-cta",
    title="The bio has a call to action",
    failure_title="The bio has no call to action",
    category=Category.BIO,
    severity=Severity.LOW,
    weight=1,
    needs=("bio",),
    what="The bio gives a next step: visit / book / order / shop / DM / call / link (in "
    "several languages), a pointing arrow, or a link, email or phone number to act on.",
    why="A visitor who found you by search decides in seconds; a bio that says what to do "
    "next turns the visit into an order or a booking.",
    fix="End the bio with one next step and where to take it: a verb in the bio's language "
    "(order, book, visit, subscribe, write to us) and a route (the link ↓, DMs, an e-mail).",
    example="Before: 'Sourdough bakery in East Austin'",
    better="After: 'Sourdough bakery in East Austin · Order for pickup ↓'",
    source=OWN + "a visitor who found the profile needs a next step; the "
    "call-to-action vocabulary is findable's, in each supported language.",
)

# Call-to-action words (en, es, fr, de, it, pt, nl, tr, ru, uk, uz, kk, fa, sw, sl).
_CTA_WORDS = tuple(
    word_list(
        """visit book order shop buy call dm message text link click tap reserve subscribe join
        sign up contact email whatsapp download try get apply enquire inquire donate register
        tickets menu delivery pickup
        reserva reservar pide pedir compra comprar visita visitanos llama llamanos escribenos
        réservez reserver commandez commander visitez appelez contactez écrivez
        buchen bestellen besuchen anrufen kontakt schreib
        prenota ordina visita chiama contattaci scrivici
        reserve peça compre visite ligue encomende fale
        bestel boek bezoek
        sipariş rezervasyon arayın ziyaret
        закажите заказать звоните пишите запись бронь купить
        замовляйте замовити телефонуйте пишіть
        buyurtma yozing qo'ng'iroq
        тапсырыс жазыңыз хабарласыңыз
        سفارش تماس رزرو خرید
        agiza piga tembelea wasiliana
        naročite rezervirajte pokličite obiščite"""
    )
)
_CTA_PHRASES = ("sign up", "link in bio", "link below", "dm us", "dm me")
_CTA_SYMBOLS = ("👇", "⬇", "↓", "👉", "➡", "→", "🔗", "📩", "📞", "☎", "📲", "✉")
_EMAIL = EMAIL  # audit.patterns: linear on any text


def calls_to_action(text: str) -> list[str]:
    """The call-to-action words and pointing symbols in `text` (a few, for messages)."""
    words = [w for w in (*_CTA_PHRASES, *_CTA_WORDS) if keyword_in(text, w)]
    symbols = [s for s in _CTA_SYMBOLS if s in text]
    return [repr(w) for w in words[:3]] + symbols[:2]


@check(BIO005)
def bio_no_cta(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO005.na(f"{label} is empty (see BIO001).")
    evidence = [ev(profile, "bio", bio)]
    routes = (["a link"] if urls_in(bio) else []) + (["an email"] if _EMAIL.search(bio) else [])
    found = calls_to_action(bio) + routes
    if found:
        return BIO005.passed(f"{label} has a next step: {', '.join(found)}.", evidence)
    cut = not_observed(profile, "bio_end")
    if cut:  # the call to action usually closes a bio: the part the input does not show
        return BIO005.na(f"No call to action in the part of the {label.lower()} shown. {cut}")
    return BIO005.warn(
        f"{label} has no call to action: no verb like 'order', 'book' or 'DM', no arrow, link "
        "or email.",
        evidence,
    )


BIO006 = CheckMeta(
    id="BIO006",
    slug="bio-first-line-weak",
    title="The bio's first line carries a keyword",
    failure_title="The bio's first line carries no keyword",
    category=Category.BIO,
    severity=Severity.MEDIUM,
    weight=2,
    needs=("bio",),
    what="The first line of the bio (what shows when the bio is collapsed on mobile) contains "
    "a target keyword.",
    why="Long bios and descriptions collapse to their first line behind 'more'; a first line of "
    "slogan hides the offering from both people and previews.",
    fix="Move the line with your keyword to the top, or open with one that says what you do.",
    example="Before: '✨ Est. 2015 ✨\\nSourdough bakery in East Austin'",
    better="After: 'Sourdough bakery in East Austin\\n✨ Est. 2015 ✨'",
    source=OWN + "the first line is what shows before 'more' on mobile profile pages; " + IG_SEARCH,
)


@check(BIO006)
def bio_first_line_weak(profile: Profile, ctx: CheckContext) -> CheckResult:
    bio = (profile.bio or "").strip()
    label = ctx.rules.bio_label
    if not bio:
        return BIO006.na(f"{label} is empty (see BIO001).")
    if not ctx.keywords:
        return no_keywords(BIO006)
    first = next(line for line in bio.splitlines() if line.strip()).strip()
    evidence = [ev(profile, "bio", bio)]
    lang = profile_languages(profile, ctx.brand.languages)
    found = targets_in(first, ctx.keywords, lang)
    if found:
        return BIO006.passed(f"First line {quote(first)} contains {', '.join(found)}.", evidence)
    later = targets_in(bio, ctx.keywords, lang)
    verb = "appears" if len(later) == 1 else "appear"
    where = f" ({', '.join(later)} {verb} only further down)" if later else ""
    return BIO006.warn(
        f"First line {quote(first)} carries none of the target keywords "
        f"({keywords_text(ctx.keywords)}){where}.",
        evidence,
    )
