"""Discoverability: which target keywords each profile can be found for, and how it compares.

Social search matches what people type against a handful of profile fields. For every
target keyword x every audited profile this module finds the fields that carry the keyword
(name field, handle, category, bio, captions and hashtags of the newest own posts, alt
text, locations, YouTube channel keywords) and weighs them by what that platform's search
reads (`audit.platforms.rules`: name > handle > category > bio > captions/hashtags > alt >
location; a field the platform does not index weighs 0).

Cell score = the weight of the strongest field that carries the keyword (0..1; the name
field weighs 1.0 on every platform, so no further normalization is needed). Not a sum:
a search engine lists an account once, placed by its best match, and a sum would reward
repeating the keyword in every field (the stuffing KEY004 warns about). The sum of all the
carrying fields' weights is kept as `strength`, the tie-break when two profiles' best
fields weigh the same.

Ranking every audited profile of a platform (the brand's and its competitors') by
(score, strength, handle) per keyword is a simulated social search; the sentences it yields
("for 'sourdough ljubljana' you rank 2nd of 4 on Instagram; @rivalbakery has it in its
name field") are stored in the result so reports only print them.

Also here: the keyword matcher every keyword check uses (`carries`: an exact, accent- and
case-insensitive whole-word match, or a lemma-aware match through `audit.nlp.keyword_in`),
keyword proposals when the user gave none, and keyword suggestions from competitors.
Everything is pure: no network, no clock; results are deterministic (explicit sort keys,
no set iteration reaches an output).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from audit.model import Outcome, Place, Platform, Post, Profile
from audit.platforms.rules import rules_for
from audit.result import Discoverability, KeywordCell, KeywordRank

if TYPE_CHECKING:
    from audit.nlp import Keyword
    from audit.site import SiteText

__all__ = [
    "FIELDS",
    "RECENT_POSTS",
    "ProfileTexts",
    "build_discoverability",
    "carries",
    "field_label",
    "field_weights",
    "fold",
    "handle_core",
    "handle_words",
    "keyword_cell",
    "keyword_position",
    "lemma_form",
    "ordinal",
    "profile_cells",
    "profile_language",
    "profile_languages",
    "profile_texts",
    "propose_keywords",
    "rank_keyword",
    "recent_own_posts",
    "suggest_keywords",
]

# The searchable fields, strongest first (their weights come from the platform's rules).
FIELDS: tuple[str, ...] = (
    "name",
    "handle",
    "category",
    "bio",
    "captions",
    "hashtags",
    "search_keywords",
    "alt",
    "location",
)

# "Recent" = the newest 12 own posts, as in the checks (checks.common.RECENT_POSTS).
RECENT_POSTS = 12

# How many proposals and suggestions to make.
PROPOSE_MIN = 3
PROPOSE_MAX = 6
SUGGEST_MAX = 5

# A keyword this short (letters and digits) is matched inside a run-together handle only
# as a whole chunk: 'tea' must not be found in '@steakhouse'.
_HANDLE_PART_MIN = 4


# --- the matcher -------------------------------------------------------------------------

# audit.nlp is imported on first use: importing spaCy takes a second or more, and listing
# checks or rendering reports needs none of it.


def lemma_form(text: str, lang: str | None = None) -> str:
    """`audit.nlp.normalize_keyword`: the lemmatized, casefolded comparison form."""
    from audit.nlp import normalize_keyword

    return normalize_keyword(text, lang)


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
    if text.isascii():  # no accents, nothing to compose: the same result, 20x faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFKC", stripped)


@lru_cache(maxsize=4096)
def _pattern(keyword: str) -> re.Pattern[str] | None:
    tokens = [re.escape(t) for t in re.split(r"[\s\-_·]+", fold(keyword)) if t]
    if not tokens:
        return None
    # The words of a phrase may be joined by spaces, hyphens, underscores or a middle dot.
    return re.compile(r"[\s\-_·]+".join(tokens))


def keyword_position(text: str | None, keyword: str) -> int | None:
    """Where `keyword` first occurs in `text` as whole words, ignoring case and accents (an
    index into the folded text, which for most text has the same length), or None."""
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


@lru_cache(maxsize=1 << 16)
def _lemma_match(text: str, keyword: str, lang: str | None) -> bool:
    from audit.nlp import keyword_in

    return keyword_in(text, keyword, lang)


def carries(text: str | None, keyword: str, lang: str | tuple[str, ...] | None = None) -> bool:
    """Whether `text` contains `keyword` in any case, accent or inflection.

    First the exact whole-word match (case- and accent-insensitive: 'cafe' finds 'Café'),
    then the lemma-aware one in the text's own language ('bakeries' finds 'bakery',
    'pekarni' finds 'pekarna'), then in each language `lang` names: a name or a hashtag is
    too short to detect, so callers pass the profile's languages (`profile_languages`),
    which are also the priors the text's own language is read with. Results are cached,
    so checks can ask freely.
    """
    if not text or not text.strip() or not keyword.strip():
        return False
    if keyword_position(text, keyword) is not None:
        return True
    langs = (lang,) if isinstance(lang, str) else tuple(lang or ())
    own = _detect(text, langs)
    if _lemma_match(text, keyword, own):
        return True
    return any(_lemma_match(text, keyword, code) for code in langs if code and code != own)


@lru_cache(maxsize=4096)
def _detect(text: str, priors: tuple[str, ...] = ()) -> str:
    from audit.nlp import detect_language

    return detect_language(text, priors)


@lru_cache(maxsize=1024)
def _text_languages(
    texts: tuple[str, ...], declared: tuple[str, ...], given: tuple[str, ...]
) -> tuple[str, ...]:
    from audit.nlp import text_languages

    return text_languages(texts, declared=declared, given=given)


def _language(texts: Iterable[str | None]) -> str | None:
    joined = "\n".join(t for t in texts if t and t.strip())
    if not joined:
        return None
    lang = _detect(joined)
    return None if lang == "xx" else lang


# --- what a profile shows to search ------------------------------------------------------


def _post_time(post: Post) -> datetime:
    return post.created_at or datetime.min.replace(tzinfo=timezone.utc)


def recent_own_posts(profile: Profile, limit: int = RECENT_POSTS) -> list[Post]:
    """The newest own posts (reposts excluded): by date when every post is dated, else in
    capture order (pages list newest first)."""
    own = profile.own_posts()
    if own and all(p.created_at is not None for p in own):
        own = sorted(own, key=_post_time, reverse=True)
    return own[:limit]


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_HANDLE_SEPARATORS = re.compile(r"[._\-]+")
_INLINE_HASHTAG = re.compile(r"(?<![\w&/])[#＃]([^\W_][\w·\u200c]*)")


def handle_core(profile: Profile) -> str:
    """The handle without a Mastodon instance or the '.bsky.social' suffix."""
    handle = profile.handle.split("@")[0]
    if profile.platform is Platform.BLUESKY and handle.endswith(".bsky.social"):
        handle = handle[: -len(".bsky.social")]
    return handle


def handle_words(profile: Profile) -> str:
    """The handle as words: split at '.', '_', '-' and camelCase ('Blue_DoorBakery' ->
    'Blue Door Bakery')."""
    return " ".join(_HANDLE_SEPARATORS.sub(" ", _CAMEL.sub(" ", handle_core(profile))).split())


def _place_text(place: Place | None) -> str | None:
    if place is None or place.is_empty():
        return None
    text = ", ".join(p for p in (place.name, place.address, place.city, place.country) if p)
    return text or None


def _hashtag_words(tag: str) -> str:
    from audit.nlp import split_hashtag

    return " ".join(split_hashtag(tag))


@dataclass(frozen=True)
class ProfileTexts:
    """A profile's searchable texts per field, the language most of them are in, and all
    the languages the profile writes in (`lang` first; the priors short texts are read
    with)."""

    profile: Profile
    texts: Mapping[str, tuple[str, ...]]
    lang: str | None
    langs: tuple[str, ...] = ()

    def all_texts(self, fields: Iterable[str] = FIELDS) -> list[str]:
        return [t for f in fields for t in self.texts.get(f, ())]


def _caption_prose(caption: str) -> str:
    """The caption without its hashtags (those are the hashtags field)."""
    return _INLINE_HASHTAG.sub("\n", caption)


def profile_texts(
    profile: Profile, *, default_lang: str | None = None, languages: Sequence[str] = ()
) -> ProfileTexts:
    """What search can read on `profile`, field by field (the newest own posts only).

    `languages` are ones the brand says it writes in (the brand file's `languages`)."""
    posts = recent_own_posts(profile)
    captions = tuple(c for p in posts if (c := _caption_prose(p.caption or "").strip()))
    tags: list[str] = []
    seen: set[str] = set()
    for p in posts:
        for tag in [*p.hashtags, *_INLINE_HASHTAG.findall(p.caption or "")]:
            key = tag.casefold()
            if key not in seen:
                seen.add(key)
                tags.append(_hashtag_words(tag))
    alts = tuple(
        m.alt_text.strip()
        for p in posts
        for m in p.media
        if m.alt_text and m.alt_text.strip() and m.alt_source != "auto"
    )
    places = [_place_text(profile.location), *(_place_text(p.location) for p in posts)]
    texts: dict[str, tuple[str, ...]] = {
        "name": tuple(t for t in (profile.display_name,) if t and t.strip()),
        "handle": tuple(t for t in (handle_words(profile),) if t),
        "category": tuple(t for t in (profile.category,) if t and t.strip()),
        "bio": tuple(t for t in (profile.bio,) if t and t.strip()),
        "captions": captions,
        "hashtags": tuple(t for t in tags if t),
        "search_keywords": tuple(k for k in profile.search_keywords if k.strip()),
        "alt": alts,
        "location": tuple(dict.fromkeys(t for t in places if t)),
    }
    own = [profile.bio, *captions, *alts, profile.display_name]
    lang = _language(own) or default_lang
    found = _text_languages(
        tuple(t for t in own if t and t.strip()),
        tuple(p.lang for p in posts if p.lang),
        tuple(languages),
    )
    langs = tuple(dict.fromkeys([lang, *found])) if lang else found
    return ProfileTexts(profile, texts, lang, langs)


def profile_language(profile: Profile) -> str | None:
    """The language most of the profile's own text is in (None when unknown)."""
    return profile_texts(profile).lang


def profile_languages(profile: Profile, languages: Sequence[str] = ()) -> tuple[str, ...]:
    """Every language the profile writes in, main first (see `audit.nlp.text_languages`);
    `languages` are the brand's own (brand file), always included."""
    return profile_texts(profile, languages=languages).langs


def field_weights(
    platform: Platform, search_fields: Mapping[str, float] | None = None
) -> dict[str, float]:
    """Weight of every field in FIELDS on `platform` (0 when its search does not read it).

    YouTube's channel keywords are tags for its search: they weigh what hashtags weigh
    there (the rules table counts YouTube tags as hashtags); no other platform has them.
    """
    table = rules_for(platform).search_fields if search_fields is None else search_fields
    weights = {f: float(table.get(f, 0.0)) for f in FIELDS}
    youtube = platform is Platform.YOUTUBE
    weights["search_keywords"] = float(table.get("hashtags", 0.0)) if youtube else 0.0
    return weights


def _squash(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _handle_carries(texts: ProfileTexts, keyword: str) -> bool:
    """Words of the handle carry it, or a run-together handle starts or ends with it
    ('bluedoorbakery' carries 'bakery'; 'pekarnarival' carries 'pekarni' via its stem)."""
    words = texts.texts.get("handle", ())
    if not words:
        return False
    if carries(words[0], keyword, texts.langs):
        return True
    forms = {_squash(keyword)}
    lemma = lemma_form(keyword, texts.lang) if texts.lang else None
    if lemma:
        forms.add(_squash(lemma))
    whole = _squash(words[0])
    chunks = [_squash(w) for w in words[0].split()] + [whole]
    for form in sorted(forms):
        if not form:
            continue
        for chunk in chunks:
            if chunk == form:
                return True
            if len(form) >= _HANDLE_PART_MIN and (chunk.startswith(form) or chunk.endswith(form)):
                return True
    return False


def _field_carries(texts: ProfileTexts, field: str, keyword: str) -> bool:
    if field == "handle":
        return _handle_carries(texts, keyword)
    return any(carries(t, keyword, texts.langs) for t in texts.texts.get(field, ()))


def keyword_cell(
    texts: ProfileTexts,
    keyword: str,
    weights: Mapping[str, float],
    *,
    competitor: bool = False,
) -> KeywordCell:
    """Where `keyword` appears on the profile and what it is worth (see the module doc)."""
    found = [f for f in FIELDS if _field_carries(texts, f, keyword)]
    indexed = sorted(
        (f for f in found if weights.get(f, 0.0) > 0),
        key=lambda f: (-weights[f], FIELDS.index(f)),
    )
    score = max((weights[f] for f in indexed), default=0.0)
    return KeywordCell(
        keyword=keyword,
        platform=texts.profile.platform,
        handle=texts.profile.handle,
        competitor=competitor,
        fields=indexed,
        unindexed=[f for f in found if f not in indexed],
        score=min(1.0, score),
        strength=sum(weights[f] for f in indexed),
    )


def profile_cells(
    profile: Profile,
    keywords: Sequence[str],
    search_fields: Mapping[str, float] | None = None,
    *,
    competitor: bool = False,
    default_lang: str | None = None,
    languages: Sequence[str] = (),
) -> list[KeywordCell]:
    """One cell per keyword for `profile`, in keyword order."""
    texts = profile_texts(profile, default_lang=default_lang, languages=languages)
    weights = field_weights(profile.platform, search_fields)
    return [keyword_cell(texts, k, weights, competitor=competitor) for k in keywords]


# --- words for reports -------------------------------------------------------------------

_FIELD_LABELS = {
    "name": "name field",
    "handle": "handle",
    "category": "category",
    "captions": "captions",
    "hashtags": "hashtags",
    "search_keywords": "channel keywords",
    "alt": "alt text",
    "location": "location",
}
_BIO_LABELS = {"bio": "bio", "about": "About section"}


def field_label(field: str, platform: Platform) -> str:
    """A field as a reader calls it on that platform ('bio' is YouTube's channel
    description)."""
    if field == "bio":
        label = rules_for(platform).bio_label
        return _BIO_LABELS.get(label.lower(), label.lower())
    return _FIELD_LABELS.get(field, field)


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _fields_text(fields: Sequence[str], platform: Platform) -> str:
    return _and([field_label(f, platform) for f in fields])


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- ranking -----------------------------------------------------------------------------


def _position(cell: KeywordCell, cells: Sequence[KeywordCell]) -> int:
    """1-based place of this very cell (by identity: two cells may compare equal)."""
    return next(i for i, c in enumerate(cells, 1) if c is cell)


def _rank_key(cell: KeywordCell) -> tuple[float, float, str, str]:
    """Best first: score, then field strength, then handle (so ties are deterministic)."""
    return (-cell.score, -cell.strength, cell.handle.casefold(), cell.handle)


def _sentence(
    cell: KeywordCell,
    ordered: Sequence[KeywordCell],
    of: int,
    *,
    alone: bool,
) -> str:
    platform = cell.platform
    where = platform.label
    kw = f"'{cell.keyword}'"
    carrying = [c for c in ordered if c.score > 0]
    you, your = ("you", "your") if alone else (f"@{cell.handle}", f"@{cell.handle}'s")
    verb = "rank" if alone else "ranks"
    if cell.score > 0:
        rank = _position(cell, carrying)
        ties = [
            c
            for c in carrying
            if c is not cell and (c.score, c.strength) == (cell.score, cell.strength)
        ]
        tie = f" (tied with {_and(['@' + c.handle for c in ties])})" if ties else ""
        head = f"For {kw} {you} {verb} {ordinal(rank)} of {of} on {where}{tie}"
        if rank == 1:
            text = f"{head}, with it in {your} {_fields_text(cell.fields, platform)}"
            runner = next((c for c in carrying if c is not cell), None)
            if runner is not None and not ties:
                text += (
                    f"; next is @{runner.handle}, with it in its "
                    f"{_fields_text(runner.fields, platform)}"
                )
            return text + "."
        leader = carrying[0]
        return (
            f"{head}; @{leader.handle} has it in its {_fields_text(leader.fields, platform)}, "
            f"{your} best is the {_fields_text(cell.fields[:1], platform)}."
        )
    missing = f"For {kw} {you} do{'es' if not alone else ''} not show up on {where}"
    if cell.unindexed:
        why = (
            f": {your} {_fields_text(cell.unindexed, platform)} "
            f"{'has' if len(cell.unindexed) == 1 else 'have'} it, but {where} search does not "
            "read that"
        )
    else:
        why = f": nothing on {your} profile carries it"
    if carrying:
        leader = carrying[0]
        others = len(carrying)
        return (
            f"{missing} ({others} of {of} profiles there do){why}; @{leader.handle} has it in "
            f"its {_fields_text(leader.fields, platform)}."
        )
    return f"{missing}{why}; none of the {of} profiles compared there carries it."


def rank_keyword(
    keyword: str, platform: Platform, cells: Sequence[KeywordCell]
) -> list[KeywordRank]:
    """The simulated search for `keyword` on `platform`: one KeywordRank per brand profile
    among `cells` (the brand's and competitors' cells for that keyword and platform)."""
    mine = [c for c in cells if c.keyword == keyword and c.platform is platform]
    ordered = sorted(mine, key=_rank_key)
    carrying = [c for c in ordered if c.score > 0]
    brand = [c for c in ordered if not c.competitor]
    leader = carrying[0] if carrying else None
    out = []
    for cell in sorted(brand, key=lambda c: (c.handle.casefold(), c.handle)):
        out.append(
            KeywordRank(
                keyword=keyword,
                platform=platform,
                handle=cell.handle,
                rank=_position(cell, carrying) if cell.score > 0 else None,
                of=len(ordered),
                leader_handle=leader.handle if leader else None,
                leader_fields=list(leader.fields) if leader else [],
                order=[c.handle for c in carrying],
                sentence=_sentence(cell, ordered, len(ordered), alone=len(brand) == 1),
            )
        )
    return out


# --- proposals and suggestions -----------------------------------------------------------

# (?<!\s): a match starts where a space run starts, not again at each of its spaces.
_NAME_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[|·•–—:\-/]\s+|\s*[|·•]\s*)")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def _brand_phrases(brand_name: str | None, display_names: Iterable[str | None]) -> list[str]:
    """The brand's name as phrases: the given name, and the first segment of each name
    field ('Blue Door Bakery · Sourdough' -> 'Blue Door Bakery'; what follows a separator
    is usually a keyword)."""
    out: list[str] = []
    candidates = [brand_name or ""] + [
        _NAME_SEPARATORS.split(n.strip())[0] for n in display_names if n and n.strip()
    ]
    for phrase in candidates:
        phrase = " ".join(phrase.split())
        if phrase and phrase.casefold() not in (p.casefold() for p in out):
            out.append(phrase)
    return out


def _without(text: str, phrases: Sequence[str]) -> str:
    """`text` with every occurrence of the phrases cut out (leaving a line break), links
    first (so no piece of 'http://bluedoor.com' is left behind)."""
    from audit.nlp.clean import strip_links

    text = strip_links(text)
    for phrase in phrases:
        words = [re.escape(w) for w in _WORDS.findall(phrase)]
        if words:
            text = re.sub(r"(?i)" + r"[\W_]+".join(words), "\n", text)
    return text


def _inside_only(
    candidate: str, lang: str | None, texts: Sequence[str], phrases: Sequence[str]
) -> bool:
    """True when every occurrence of `candidate` in `texts` is inside one of `phrases`
    ('east' only ever appears in 'east austin': nothing to add once that is proposed)."""
    inside = [p for p in phrases if carries(p, candidate, lang)]
    if not inside:
        return False
    return not any(carries(_without(t, inside), candidate, lang) for t in texts)


def _edge_stop(text: str, langs: Iterable[str | None]) -> bool:
    """Whether the phrase starts or ends with a stop word of one of `langs` ('in austin'
    from a caption the detector took for French is still English to its reader). A text too
    short for the detector ('Developer of Mastodon. 25' reads as `xx`, which has no stop
    words) is checked against English's, the language bios fall back to most."""
    words = text.casefold().split()
    if not words:
        return True
    from audit.nlp import get_pipeline

    known = [lang for lang in dict.fromkeys(langs) if lang and lang != "xx"]
    for lang in known or ["en"]:
        if lang:
            pipe = get_pipeline(lang)
            if pipe.is_stop(words[0]) or pipe.is_stop(words[-1]):
                return True
    return False


def _chrome(text: str) -> bool:
    """Whether a phrase is platform chrome rather than what a business offers: it names a
    platform ('official facebook page', 'youtube'), or every word of it is a generic
    platform or page word ('welcome', 'home', 'videos', 'official boards')."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from audit.nlp.stopwords import PLATFORM_NAMES, PLATFORM_WORDS

    words = [w.casefold() for w in _WORDS.findall(text)]
    if any(w in PLATFORM_NAMES for w in words):
        return True
    # English function words are ignored: page chrome is English on most platforms, and
    # a caption the detector took for another language still says 'thanks for follow'.
    return all(w in PLATFORM_WORDS or w in STOP_WORDS for w in words)


def _usable(keyword: Keyword, handles: Sequence[str], *langs: str | None) -> bool:
    """A keyword people could type: has letters, is not a handle, a URL or platform chrome,
    not 1-2 letters, and does not start or end with a stop word of the texts' main
    language."""
    text = keyword.text
    if "@" in text or "/" in text or "." in text.strip("."):
        return False
    if _chrome(text):
        return False
    if _edge_stop(text, (keyword.lang, *langs)):
        return False
    letters = len(_LETTER.findall(text))
    if letters < 3 and not any(_no_space_script(ch) for ch in text):
        return False
    squashed = _squash(text)
    return bool(squashed) and squashed not in handles


def _keyword_text(keyword: Keyword) -> str:
    """The form a keyword is proposed in: as written, in lower case, one space."""
    return " ".join(keyword.text.lower().split())


# Sentences (or lines) of a caption, for finding the ones repeated under several posts.
# (?<!\s): a line break's match starts where its space run starts, once (linear).
_SENTENCES = re.compile(r"(?<=[.!?…])\s+|(?<!\s)\s*\n\s*")
# A repeated sentence this long is boilerplate (a disclaimer, a sponsor line, a credit);
# a shorter one ("Fresh bread today!") may be the business's own refrain.
_BOILERPLATE_WORDS = 4


def _sentence_key(sentence: str) -> str:
    return " ".join(_WORDS.findall(fold(sentence)))


def _unrepeated(captions: Sequence[str]) -> list[str]:
    """The captions without the text repeated verbatim under two or more of them.

    A legal disclaimer, a sponsor line or a credit ("Specimen use made possible by the
    University of Michigan Museum of Zoology") pasted under every post is the most frequent
    text a profile has, and says nothing about what the business is or sells.
    """
    pieces = [[p for p in _SENTENCES.split(c) if p.strip()] for c in captions]
    posts_with: dict[str, int] = {}
    for ps in pieces:
        for key in {_sentence_key(p) for p in ps}:
            if len(key.split()) >= _BOILERPLATE_WORDS:
                posts_with[key] = posts_with.get(key, 0) + 1
    repeated = {key for key, n in posts_with.items() if n >= 2}
    out = []
    for ps in pieces:
        kept = [p for p in ps if _sentence_key(p) not in repeated]
        if kept:
            out.append("\n".join(kept))
    return out


def _post_texts(texts: ProfileTexts) -> list[str]:
    """Captions (without repeated boilerplate), hashtags and alt texts of the recent posts."""
    return [
        *_unrepeated(texts.texts.get("captions", ())),
        *texts.all_texts(("hashtags",)),
        *_unrepeated(texts.texts.get("alt", ())),
    ]


def _own_texts(texts: ProfileTexts) -> tuple[list[str], list[str]]:
    """(profile texts: name, bio, category; post texts: captions, hashtags, alt)."""
    return texts.all_texts(("name", "bio", "category")), _post_texts(texts)


# Where a word sits says how central it is to the business: the owner chose the words of a
# name field, a bio and a page title; a heading or one caption is weaker evidence.
# The category a platform files the page under ("Bakery", "Restaurant") says what the
# business is in the platform's own words, and weighs what the name field does.
_PLACE_WEIGHTS = {"site_title": 2.0, "site_description": 2.0, "site_headings": 1.0,
                  "name": 3.0, "bio": 2.0, "category": 3.0, "posts": 1.0}  # fmt: skip


def _prominent_places(
    profiles: Sequence[Profile],
    texts: Sequence[ProfileTexts],
    site: SiteText | None,
    names: Sequence[str],
) -> list[tuple[str, float, list[str]]]:
    """(place, weight, texts) for every place a proposal can sit, the brand's name cut out:
    the site's title, description and headings, and each profile's name, bio, category and
    posts (without their repeated boilerplate)."""
    w = _PLACE_WEIGHTS
    raw: list[tuple[str, list[str]]] = []
    if site is not None:
        raw += [
            ("site_title", [site.title or ""]),
            ("site_description", [site.description or ""]),
            ("site_headings", list(site.headings)),
        ]
    for t in texts:
        raw += [(f, t.all_texts((f,))) for f in ("name", "bio", "category")]
        raw.append(("posts", _post_texts(t)))
    out = []
    for place, side in raw:
        kept = [x for x in (_without(s, names).strip() for s in side) if x]
        if kept:
            out.append((place, w[place], kept))
    return out


def _captured(profiles: Iterable[Profile]) -> list[Profile]:
    return [p for p in profiles if p.capture.outcome is Outcome.OK]


def propose_keywords(
    profiles: Sequence[Profile],
    site: SiteText | None = None,
    *,
    brand_name: str | None = None,
    top: int = PROPOSE_MAX,
) -> list[str]:
    """Target keywords proposed from the brand's website and its own profiles' texts.

    Candidates come from `extract_keywords_multi` over the site's title, description and
    headings and the profiles' names, bios, categories, captions, hashtags (split from
    camelCase) and alt texts (own recent posts only). Text repeated verbatim under two or
    more posts (a disclaimer, a sponsor line, a credit) is left out before extraction. The
    brand's own name (and words that stand only in the name field), handles, URLs, platform
    chrome ('official facebook page', 'welcome', 'videos') and one- or two-letter words are
    dropped, and so is a shorter phrase that only ever appears inside a longer one already
    proposed ('east' inside 'east austin'). Proposals read in dictionary form where the
    language inflects nouns by case ('ljubljana' for 'v centru Ljubljane'). Phrases found
    on both the site and the profiles come first (without a site: in both the profile fields
    and the posts), then by prominence (name field 3, bio, page title and description 2,
    headings, category and posts 1, summed over every place that carries the phrase) plus
    extraction score; `PROPOSE_MIN`..`top` are returned, deduplicated
    by lemma. Empty when the brand has no text at all.
    """
    from audit.nlp import extract_keywords_multi

    captured = _captured(profiles)
    all_texts = [profile_texts(p) for p in captured]
    profile_side: list[str] = []
    post_side: list[str] = []
    for t in all_texts:
        fields, posts = _own_texts(t)
        profile_side += fields
        post_side += posts
    site_side = site.texts() if site is not None else []
    names = _brand_phrases(brand_name, [p.display_name for p in captured])
    # The brand's own name is cut out first: people who type it already find the brand,
    # and its words ('blue door') would crowd out what the business offers.
    site_side, profile_side, post_side = (
        [t for t in (_without(x, names).strip() for x in side) if t]
        for side in (site_side, profile_side, post_side)
    )
    texts = [*site_side, *profile_side, *post_side]
    if not texts:
        return []
    handles = [_squash(handle_core(p)) for p in captured]

    def found(kw: Keyword, side: Sequence[str]) -> bool:
        return any(carries(t, kw.text, kw.lang) for t in side)

    places = _prominent_places(captured, all_texts, site, names)

    def prominence(kw: Keyword) -> float:
        return sum(w for _place, w, side in places if found(kw, side))

    def beyond_the_name(kw: Keyword) -> bool:
        # Words only ever in the name field are the name ('In a Nutshell' of 'Kurzgesagt –
        # In a Nutshell'); a keyword after the name ('Blue Door · Sourdough') is in the bio
        # or the posts too.
        return any(found(kw, side) for place, _w, side in places if place != "name")

    main_lang = _language(texts)
    candidates = [
        kw
        for kw in extract_keywords_multi(texts, top=25)
        if _usable(kw, handles, main_lang) and beyond_the_name(kw)
    ]
    weight = {id(kw): prominence(kw) + kw.score for kw in candidates}
    for kw in candidates:
        # A word that sits only where a longer candidate sits ('austin' wherever 'east
        # austin' is) ranks just below that phrase: the phrase is what the owner wrote.
        size = len(_WORDS.findall(kw.text))
        for other in candidates:
            if (
                len(_WORDS.findall(other.text)) > size
                and carries(other.text, kw.text, kw.lang)
                and prominence(other) >= prominence(kw)
            ):
                weight[id(kw)] = min(weight[id(kw)], weight[id(other)] - 0.01)
    scored: list[tuple[bool, float, int, Keyword]] = []
    for index, kw in enumerate(candidates):
        profiles_have = found(kw, profile_side) or found(kw, post_side)
        if site_side:
            shared = found(kw, site_side) and profiles_have
        else:
            shared = found(kw, profile_side) and found(kw, post_side)
        scored.append((shared, weight[id(kw)], index, kw))
    scored.sort(key=lambda s: (not s[0], -s[1], s[2]))

    chosen: list[Keyword] = []
    seen: set[str] = set()
    deferred: list[Keyword] = []

    def overlaps(kw: Keyword) -> bool:
        return any(
            carries(c.text, kw.text, kw.lang) or carries(kw.text, c.text, c.lang) for c in chosen
        )

    for shared, _score, _index, kw in scored:
        if len(chosen) >= top or (not shared and len(chosen) >= PROPOSE_MIN):
            break
        keys = (kw.lemma, _squash(kw.text))  # 'gluten-free' and 'gluten free' are one
        if any(k in seen for k in keys):
            continue
        size = len(_WORDS.findall(kw.text))
        longer = [c.text for c in chosen if len(_WORDS.findall(c.text)) > size]
        if longer and _inside_only(kw.text, kw.lang, texts, longer):
            continue
        if not shared and overlaps(kw):
            # A one-source variant of a proposal ('fresh sourdough' after 'sourdough') only
            # if nothing else is left.
            deferred.append(kw)
            continue
        seen.update(keys)
        chosen.append(kw)
    for kw in deferred:
        if len(chosen) >= PROPOSE_MIN:
            break
        keys = (kw.lemma, _squash(kw.text))
        if not any(k in seen for k in keys):
            seen.update(keys)
            chosen.append(kw)
    return [_keyword_text(k) for k in chosen]


def _carried_by(texts: ProfileTexts, keyword: str) -> bool:
    return any(_field_carries(texts, f, keyword) for f in FIELDS)


@dataclass
class _Suggestion:
    keyword: Keyword
    text: str
    score: float
    carriers: list[str]
    texts: int


def suggest_keywords(
    brand_profiles: Sequence[Profile],
    competitors: Sequence[Profile],
    keywords: Sequence[str] = (),
    *,
    top: int = SUGGEST_MAX,
) -> tuple[list[str], dict[str, list[str]]]:
    """Keywords competitors carry that no brand profile does: (suggestions, suggestion ->
    the competitor profiles that carry it as '@handle (Platform)').

    Each competitor profile's texts (its own name cut out) go through
    `extract_keywords_multi`; candidates are merged by lemma or spelling ('gluten-free' and
    'gluten free' are one), and the brand's target keywords and anything a brand profile
    already carries in any field are dropped. Ranked by how many competitor profiles carry
    it, then in how many of their texts, then by summed extraction score; a candidate that
    contains, or is contained in, a better one is left out ('croissants' and 'croissants in
    austin' are one idea).
    """
    from audit.nlp import extract_keywords_multi

    rivals = [profile_texts(p) for p in _captured(competitors)]
    own = [profile_texts(p) for p in _captured(brand_profiles)]
    if not rivals:
        return [], {}
    handles = [_squash(handle_core(t.profile)) for t in (*rivals, *own)]
    fields = ("name", "bio", "category", "captions", "hashtags", "alt")
    # A one-caption competitor's language is a guess; the language of everything audited
    # also decides which words are stop words ('gluten-free too').
    main = _language(t for pt in (*rivals, *own) for t in pt.all_texts(fields))
    stripped: list[list[str]] = []
    found: list[_Suggestion] = []
    by_key: dict[str, _Suggestion] = {}
    for rival in rivals:
        names = _brand_phrases(None, [rival.profile.display_name])
        own_texts = [*rival.all_texts(("name", "bio", "category")), *_post_texts(rival)]
        texts = [t for t in (_without(x, names).strip() for x in own_texts) if t]
        stripped.append(texts)
        for kw in extract_keywords_multi(texts, top=15):
            if not _usable(kw, handles, rival.lang, main):
                continue
            text = _keyword_text(kw)
            entry = by_key.get(kw.lemma) or by_key.get(_squash(text))
            if entry is None:
                entry = _Suggestion(kw, text, 0.0, [], 0)
                found.append(entry)
            entry.score += kw.score
            by_key.setdefault(kw.lemma, entry)
            by_key.setdefault(_squash(text), entry)
    targets = {_squash(k) for k in keywords}
    ranked: list[_Suggestion] = []
    for entry in found:
        text, lang = entry.text, entry.keyword.lang
        # A variant of a target keyword ('fresh sourdough' for 'sourdough') is no news.
        if _squash(text) in targets or any(
            carries(text, k, lang) or carries(k, text, lang) for k in keywords
        ):
            continue
        if any(_carried_by(t, text) for t in own):
            continue
        entry.carriers = [
            f"@{r.profile.handle} ({r.profile.platform.label})"
            for r in rivals
            if _carried_by(r, text)
        ]
        entry.texts = sum(carries(t, text, lang) for ts in stripped for t in ts)
        ranked.append(entry)
    # `found` is in extraction order, and sorted() is stable: ties keep that order.
    ranked = sorted(ranked, key=lambda e: (-len(e.carriers), -e.texts, -e.score))
    picked: list[_Suggestion] = []
    for entry in ranked:
        if any(carries(p.text, entry.text) or carries(entry.text, p.text) for p in picked):
            continue
        picked.append(entry)
        if len(picked) >= top:
            break
    return [e.text for e in picked], {e.text: e.carriers for e in picked}


# --- the whole picture -------------------------------------------------------------------


def build_discoverability(
    brand_profiles: Sequence[Profile],
    competitors: Sequence[Profile],
    keywords: Sequence[str],
    *,
    proposed: bool = False,
    languages: Sequence[str] = (),
) -> Discoverability:
    """The matrix (every captured profile x every keyword), the competitor rankings (per
    keyword and platform where a competitor was captured) and the suggestions.
    `languages` are the brand's (brand file), priors for every profile's texts."""
    own = _captured(brand_profiles)
    rivals = _captured(competitors)
    fallback = _language(t for p in own for t in profile_texts(p).all_texts())
    cells: list[KeywordCell] = []
    per_profile = [(p, False) for p in own] + [(p, True) for p in rivals]
    by_profile = [
        profile_cells(
            p,
            keywords,
            competitor=is_rival,
            default_lang=fallback,
            languages=languages,
        )
        for p, is_rival in per_profile
    ]
    for i in range(len(keywords)):
        cells.extend(row[i] for row in by_profile)
    rankings: list[KeywordRank] = []
    rival_platforms = {p.platform for p in rivals}
    platforms = [pl for pl in dict.fromkeys(p.platform for p in own) if pl in rival_platforms]
    for keyword in keywords:
        for platform in platforms:
            rankings.extend(rank_keyword(keyword, platform, cells))
    suggestions, suggested_by = suggest_keywords(own, rivals, keywords)
    return Discoverability(
        keywords=list(keywords),
        proposed=proposed,
        cells=cells,
        rankings=rankings,
        suggestions=suggestions,
        suggested_by=suggested_by,
    )
