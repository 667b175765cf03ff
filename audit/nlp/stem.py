"""Light suffix stripping for languages that spaCy has no lemma table for.

spacy-lookups-data has lookup lemma tables for en, pt, ru, hr, sr, tr and ~30 others, but
none for Slovenian, Persian, Uzbek or Kazakh. Matching a target keyword across
inflections is the point of lemmatizing here ("pekarna" in a bio must match the bio's
"pekarni", "v pekarni"), so for those languages a comparison key is made by stripping a
short list of inflectional endings instead.

Why this and not a full lemmatizer (simplemma has Slovenian and Persian dictionaries):
matching only needs both sides to reduce to the same key, not a dictionary form; the
suffix lists below cover the endings of nouns and adjectives, which is what keywords are;
they add no dependency and no load time (simplemma needs ~1.3 s and ~20 MB per language),
and they reduce unknown words too (place names, brand words), which dictionaries miss.
The cost is an occasional over-merge of two unrelated words sharing a stem, which for
keyword matching is far less harmful than missing the inflected form.

The rules are conservative: an ending is removed only when at least three letters remain
(four for bare Persian plurals), so short roots such as "kruh" or "non" stay whole; one
ending for Slovenian and Persian, stacked endings for the agglutinative Uzbek and Kazakh.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["STEMMERS", "stem_fa", "stem_kk", "stem_sl", "stem_uz"]

# Slovenian noun and adjective endings (all cases, three numbers, three genders), longest
# first so "-ega" wins over "-a".
_SL_ENDINGS = tuple(
    sorted(
        [
            "ega",
            "emu",
            "ima",
            "imi",
            "ami",
            "ama",
            "ih",
            "im",
            "om",
            "em",
            "ov",
            "ev",
            "ah",
            "am",
            "eh",
            "a",
            "e",
            "i",
            "o",
            "u",
        ],
        key=len,
        reverse=True,
    )
)

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


def stem_sl(word: str) -> str:
    """Slovenian: "pekarni", "pekarno", "pekarnah" -> "pekarn"; "kruha" -> "kruh"."""
    return _strip_one(word, _SL_ENDINGS, 3)


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


STEMMERS: dict[str, Callable[[str], str]] = {
    "sl": stem_sl,
    "uz": stem_uz,
    "kk": stem_kk,
    "fa": stem_fa,
}
