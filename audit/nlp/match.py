"""Does a text contain a target keyword? Lemma- and case-insensitive, whole words only.

Both sides go through the same pipeline (the text's language), so "Bakeries" in a bio
matches the target "bakery" (lookup lemmas), "pekarni" matches "pekarna" (Slovenian light
stemmer), "#VeganBakery" matches "vegan bakery" (hashtags are split first) and
"gluten free" matches "gluten-free" (hyphenated words compare by their parts). Matching is
on whole units within one segment, so "art" does not match "party" and a phrase never
matches across a full stop or between two hashtags. Chinese and Japanese have no spaces
to bound words, so for them it is a substring test on the normalized text.
"""

from __future__ import annotations

import unicodedata

from .candidates import build_units
from .clean import clean_text
from .extract import join_keys
from .lang import detect_language
from .pipelines import Pipeline, get_pipeline, normalize_lang

__all__ = ["keyword_in", "normalize_keyword"]

_CJK_LANGS = frozenset({"zh", "ja"})


def _pipeline(text: str, lang: str | None) -> Pipeline:
    return get_pipeline(normalize_lang(lang) if lang else detect_language(text))


def _segments(text: str, pipe: Pipeline) -> list[list[str]]:
    """Unit keys of `text` per segment, hyphenated units split into their parts."""
    doc = next(iter(pipe.docs([clean_text(text)])))
    units = build_units(doc, pipe)
    segments: list[list[str]] = []
    last = None
    for key, seg in zip(units.key, units.seg, strict=True):
        if seg != last:
            segments.append([])
            last = seg
        segments[-1].extend(part for part in key.split("-") if part)
    return segments


def normalize_keyword(text: str, lang: str | None = None) -> str:
    """The comparison form of a keyword: lemmatized (or stemmed), casefolded, one space.

    Equal results mean "the same keyword": `normalize_keyword("Bakeries", "en") ==
    normalize_keyword("bakery", "en")`. It equals `Keyword.lemma` for extracted keywords.
    Pass `lang` when known: one or two words are too short to detect reliably.
    """
    pipe = _pipeline(text, lang)
    doc = next(iter(pipe.docs([clean_text(text)])))
    return join_keys(build_units(doc, pipe).key)


def _cjk_form(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def keyword_in(text: str, keyword: str, lang: str | None = None) -> bool:
    """Whether `keyword` (one word or a phrase) occurs in `text` in any inflection or case.

    `lang` is the text's language; detected from `text` when None.
    """
    if not keyword.strip() or not text.strip():
        return False
    pipe = _pipeline(text, lang)
    if pipe.lang in _CJK_LANGS:
        return _cjk_form(keyword.lstrip("#＃")) in _cjk_form(text)
    wanted = [k for seg in _segments(keyword, pipe) for k in seg]
    if not wanted:
        return False
    n = len(wanted)
    for seg in _segments(text, pipe):
        for i in range(len(seg) - n + 1):
            if seg[i : i + n] == wanted:
                return True
    return False
