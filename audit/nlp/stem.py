"""Inflection for languages that spaCy has no lemma table for: a Slovenian lemmatizer and
light suffix (or prefix) stripping for Persian, Uzbek, Kazakh and Swahili.

spacy-lookups-data has lookup lemma tables for en, pt, ru, hr, sr, tr and ~30 others, but
none for Slovenian, Persian, Uzbek, Kazakh or Swahili. Matching a target keyword across
inflections is the point of lemmatizing here ("pekarna" in a bio must match the bio's
"pekarni", "v pekarni"), and a proposed keyword should read as a dictionary word
("ljubljana", not the "Ljubljane" of "v centru Ljubljane").

Slovenian: LemmaGen (`lemmagen3`), a ripple-down-rule lemmatizer trained on the
Multext-East lexicon. It gives dictionary forms ("centru" -> "center", "Ljubljane" ->
"ljubljana", "naravnim" -> "naraven"), reduces unknown words (place and brand names) by the
rules it learned, and loads its 1.2 MB model in ~5 ms (simplemma's dictionary needs ~1.3 s
and ~20 MB). Slovenian has too many stem alternations ("center"/"centru", fleeting vowels)
for a suffix list to give a word back.

The others: conservative stripping of inflectional endings that leaves the bare noun,
which in these languages is also its dictionary form -- an ending is removed only when at
least three letters remain (four for bare Persian plurals), so short roots such as "non"
stay whole; stacked endings for the agglutinative Uzbek and Kazakh; for Swahili the
locative "-ni" ("jijini" -> "jiji") and the plural noun-class prefixes whose singular is
unambiguous (mi- -> m-: "mikate" -> "mkate"; vi-/vy- -> ki-/ch-: "vyakula" -> "chakula").
The cost is an occasional over-merge of two unrelated words sharing a stem, which for
keyword matching is far less harmful than missing the inflected form.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["STEMMERS", "lemma_sl", "stem_fa", "stem_kk", "stem_sw", "stem_uz"]

# Uzbek (Latin and Cyrillic) and Kazakh: the plural and the common case endings that
# attach to it. Turkic suffixes stack (plural + case), so at most one case ending and then
# one plural ending are removed.
_UZ_CASE = (
    "dagi",
    "ning",
    "dan",
    "da",
    "ga",
    "ni",
    "даги",
    "нинг",
    "дан",
    "да",
    "га",
    "ни",
)
_UZ_PLURAL = ("lar", "лар")
_KK_CASE = (
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "да",
    "де",
    "та",
    "те",
    "ға",
    "ге",
    "қа",
    "ке",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
)
_KK_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")

_ZWNJ = "\u200c"
# Persian plural (-hā, with its ezafe -hāye) written with or without the zero-width
# non-joiner; the bare forms only on longer words ("تنها" = alone must survive).
_FA_ZWNJ_SUFFIXES = (_ZWNJ + "هایی", _ZWNJ + "های", _ZWNJ + "ها", _ZWNJ + "ی")
_FA_BARE_SUFFIXES = ("های", "ها")


def _strip_one(word: str, endings: tuple[str, ...], keep: int) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            return word[: -len(ending)]
    return word


_lemmagen_lock = threading.Lock()


@lru_cache(maxsize=1)
def _slovenian() -> Any:
    """LemmaGen's Slovenian model, loaded on first use (~5 ms)."""
    from lemmagen3 import Lemmatizer

    with _lemmagen_lock:
        return Lemmatizer("sl")


def lemma_sl(word: str) -> str:
    """Slovenian dictionary form: "pekarni" -> "pekarna", "Ljubljane" -> "ljubljana".

    Applied twice, because a few rules chain ("pečemo" -> "peči" -> "peč"): the lemma of a
    lemma must be itself, or a target keyword written in its lemma form would not match.
    """
    lemmatize = _slovenian().lemmatize
    lemma = lemmatize(word)
    return lemmatize(lemma) if lemma != word else lemma


def _strip_stacked(word: str, case: tuple[str, ...], plural: tuple[str, ...]) -> str:
    """Strip case then plural endings until nothing changes (at most three rounds).

    Stripping to a fixed point keeps the two sides of a comparison consistent when a
    root itself ends like a suffix: "Алматы" and "Алматыдағы" both reduce to "алма".
    """
    for _ in range(3):
        stripped = _strip_one(_strip_one(word, case, 3), plural, 3)
        if stripped == word:
            break
        word = stripped
    return word


def stem_uz(word: str) -> str:
    """Uzbek: "nonlar" -> "non", "novvoyxonada" -> "novvoyxona", "Toshkentdagi" -> "toshkent"."""
    return _strip_stacked(word, _UZ_CASE, _UZ_PLURAL)


def stem_kk(word: str) -> str:
    """Kazakh: "нандар" -> "нан", "наубайханада" -> "наубайхана"."""
    return _strip_stacked(word, _KK_CASE, _KK_PLURAL)


def stem_fa(word: str) -> str:
    """Persian: "نان‌ها" -> "نان", "کتاب‌های" -> "کتاب"; a trailing ZWNJ is dropped."""
    for suffix in _FA_ZWNJ_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    word = _strip_one(word, _FA_BARE_SUFFIXES, 4)
    return word.rstrip(_ZWNJ)


# Swahili nouns ending in -ni that are not locatives (the locative of "bustani" is
# "bustanini"): the business words among them ("kampuni", "saluni") must stay whole.
_SW_NOT_LOCATIVE = frozenset(
    [
        "bustani",
        "jirani",
        "kampuni",
        "saluni",
        "sabuni",
        "tani",
        "mgeni",
        "wageni",
        "zamani",
        "amani",
        "nini",
        "ndani",
        "mboni",
        "duni",
    ]
)
_SW_VOWELS = frozenset("aeiou")


def stem_sw(word: str) -> str:
    """Swahili: "mikate" -> "mkate", "vyakula" -> "chakula", "jijini" -> "jiji".

    The locative suffix -ni first (at least three letters must remain), then the plural
    prefixes of noun classes 4 and 8, which map to one singular prefix each: mi+consonant
    -> m- (mikate/mkate, miti/mti), vi+consonant -> ki- (vitabu/kitabu), vy+vowel -> ch-
    (vyakula/chakula). Class 6 (ma-) and class 2 (wa-) are left alone: "maziwa" (milk) and
    "wali" (rice) have no such singular.
    """
    if word.endswith("ni") and len(word) >= 5 and word not in _SW_NOT_LOCATIVE:
        word = word[:-2]
    if len(word) >= 5 and word[2] not in _SW_VOWELS:
        if word.startswith("mi"):
            return "m" + word[2:]
        if word.startswith("vi"):
            return "ki" + word[2:]
    if len(word) >= 5 and word.startswith("vy") and word[2] in _SW_VOWELS:
        return "ch" + word[2:]
    return word


STEMMERS: dict[str, Callable[[str], str]] = {
    "sl": lemma_sl,
    "sw": stem_sw,
    "uz": stem_uz,
    "kk": stem_kk,
    "fa": stem_fa,
}
