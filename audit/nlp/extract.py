"""Keyword extraction: text -> language -> pipeline -> candidates -> ranked `Keyword`s."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from audit.text import TEXT_MAX

from .candidates import (
    Candidate,
    annotated_phrases,
    build_units,
    connectors,
    generate_candidates,
)
from .clean import clean_text
from .lang import detect_language_scored, dominant_script, text_languages
from .pipelines import Pipeline, get_pipeline, normalize_lang
from .rank import rank_candidates, rank_char_ngrams
from .types import Keyword

__all__ = [
    "extract_keywords",
    "extract_keywords_batch",
    "extract_keywords_multi",
    "join_keys",
]


_CJK_LANGS = frozenset({"zh", "ja"})
_CJK_LENGTH_PENALTY = 4.0
# With a trained pipeline installed, candidates that are a whole named entity or noun chunk
# (the parser's word, not our n-gram guess) get their score doubled.
_ANNOTATED_BOOST = 2.0
# How much a bio's opening phrase is preferred (see rank_candidates): enough to lead over
# a place name of two or three capitalized words, which the statistics alone rank 6x
# ("centru Ljubljane" over "Pekarna") to 13x ("familia jijini Nairobi" over "Duka la
# mikate") higher.
_BIO_OPENING_BOOST = 30.0
# Languages whose nouns change form with their case (or, in Swahili and Persian, number)
# so that a bio rarely shows the dictionary form ("v centru Ljubljane"), and whose
# comparison keys are dictionary words (a lemma table, LemmaGen or a stemmer that leaves
# the bare noun): their keywords read in that form, capitals kept ("center Ljubljana").
# Not Kazakh, whose stacked-suffix stripping can go past the root ("Алматы" -> "алма").
_DICTIONARY_FORM = frozenset(
    {"sl", "hr", "sr", "bs", "cs", "sk", "pl", "ru", "uk", "be", "bg", "mk", "lt", "lv"}
    | {"et", "fi", "hu", "tr", "uz", "sw", "fa", "el", "ro"}
)


def _is_cjk(ch: str) -> bool:
    return "\u3040" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3400" <= ch <= "\u4dbf"


def join_keys(keys: Iterable[str]) -> str:
    """Join unit keys into one comparison string: a space between words, none inside CJK."""
    out = ""
    for k in keys:
        if out and not (_is_cjk(out[-1]) and _is_cjk(k[:1])):
            out += " "
        out += k
    return out


def _best_form(c: Candidate, pipe: Pipeline) -> str:
    """The most frequent spelling, or the dictionary form in `_DICTIONARY_FORM` languages."""
    form = max(c.forms.items(), key=lambda kv: kv[1])[0]
    if pipe.lang not in _DICTIONARY_FORM or not pipe.has_lemmas:
        return form
    words = form.split()
    if len(words) != len(c.keys):  # a unit with a space inside: keep what was written
        return form
    return " ".join(
        key[:1].upper() + key[1:] if word[:1].isupper() else key
        for word, key in zip(words, c.keys, strict=True)
    )


def _keywords_from_doc(doc: Doc, pipe: Pipeline, top: int, *, bio: bool = False) -> list[Keyword]:
    units = build_units(doc, pipe)
    cjk = pipe.lang in _CJK_LANGS
    # Segmented Chinese/Japanese: single words first, no graph (see rank.py); unsegmented
    # text (no jieba): runs of 2-4 characters ranked by how well they are delimited.
    cands = generate_candidates(units, 3, any_inner_stop=cjk, inner=connectors(pipe.lang))
    if not cands:
        return []
    if units.char_mode:
        ranked = rank_char_ngrams(units, cands)
    else:
        ranked = rank_candidates(
            units,
            cands,
            graph=not cjk,
            length_penalty=_CJK_LENGTH_PENALTY if cjk else 0.0,
            opening_boost=_BIO_OPENING_BOOST if bio else 1.0,
        )
    confirmed = annotated_phrases(doc, units)
    if confirmed:
        ranked = sorted(
            ((c, s * (_ANNOTATED_BOOST if c.keys in confirmed else 1.0)) for c, s in ranked),
            key=lambda cs: -cs[1],
        )
    out: list[Keyword] = []
    seen: set[str] = set()
    best = ranked[0][1] or 1.0
    if not cjk:
        ranked = _spread(ranked, top, words=bio)
    for cand, score in ranked:
        lemma = join_keys(cand.keys)
        if lemma in seen:
            continue
        seen.add(lemma)
        out.append(Keyword(_best_form(cand, pipe), round(score / best, 6), lemma, pipe.lang))
        if len(out) >= top:
            break
    return out


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short` is a run of consecutive words of `long` (and shorter than it)."""
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _spread(
    ranked: list[tuple[Candidate, float]], top: int, *, words: bool = False
) -> list[tuple[Candidate, float]]:
    """The ranking with fragments moved back: a phrase that is part of a better-ranked one
    ("family-run sourdough" after "family-run sourdough bakery") waits until the text's
    other ideas are listed, so pieces of one phrase do not fill the top k. A piece moved
    back scores no more than the last phrase ahead of it.

    Single words stay where they rank unless `words`: in a caption or a tweet the lone word
    is often the keyword its longer phrase dressed up ("newcastle" in "newcastle fans");
    measured on the kwbench sets, moving back only multi-word fragments raised F1@10 on
    all of them (Portuguese news +.011, Inspec +.010, tweets +.002), moving back single
    words too cost the tweets .006. A bio names its business in whole phrases, so for bios
    single-word pieces wait too ("family-run", "east" of "East Austin"). Not used for
    Chinese and Japanese, whose ranking already lists single words before phrases.
    """
    ahead: list[tuple[Candidate, float]] = []
    later: list[tuple[Candidate, float]] = []
    for cand, score in ranked:
        keys = cand.keys
        if (words or len(keys) > 1) and any(_inside(keys, c.keys) for c, _ in ahead):
            later.append((cand, score))
            continue
        ahead.append((cand, score))
        if len(ahead) >= top:
            break
    floor = ahead[-1][1] if ahead else 0.0
    return ahead + [(c, min(s, floor)) for c, s in later]


def _resolve_lang(text: str, lang: str | None) -> str:
    if lang:
        return normalize_lang(lang)
    return detect_language_scored(text)[0]


def extract_keywords(
    text: str, *, lang: str | None = None, top: int = 10, bio: bool = False
) -> list[Keyword]:
    """The `top` keywords of one text, best first (language detected when not given).

    `bio=True` reads the text as a profile bio: its opening phrase, which says what the
    business is, leads, and no piece of a listed phrase takes a place before the text's
    other ideas (see `_spread`).
    """
    return extract_keywords_batch([text], lang=lang, top=top, bio=bio)[0]


def extract_keywords_batch(
    texts: Sequence[str],
    *,
    lang: str | None = None,
    langs: Sequence[str | None] | None = None,
    top: int = 10,
    bio: bool = False,
) -> list[list[Keyword]]:
    """Keywords of each text separately, batched through `nlp.pipe` per language.

    `lang` applies to every text; `langs` gives one (or None = detect) per text; `bio` as
    in `extract_keywords`, for every text.
    """
    if langs is not None and len(langs) != len(texts):
        raise ValueError("langs must have one entry per text")
    texts = [t[:TEXT_MAX] for t in texts]  # spaCy refuses > 1M characters (E088); see TEXT_MAX
    resolved = [_resolve_lang(t, lang if langs is None else langs[i]) for i, t in enumerate(texts)]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, code in enumerate(resolved):
        groups[code].append(i)
    results: list[list[Keyword]] = [[] for _ in texts]
    for code, idxs in groups.items():
        pipe = get_pipeline(code)
        cleaned = [clean_text(texts[i]) for i in idxs]
        for i, doc in zip(idxs, pipe.docs(cleaned), strict=True):
            results[i] = _keywords_from_doc(doc, pipe, top, bio=bio)
    return results


# What one `extract_keywords_multi` reads at most, texts in the order given (bio first): well
# under spaCy's max_length (E088), and linear work for any number of captions.
_MULTI_MAX = 16 * TEXT_MAX


def _within_budget(texts: list[str]) -> list[str]:
    out: list[str] = []
    total = 0
    for t in texts:
        if total + len(t) > _MULTI_MAX:
            break
        out.append(t)
        total += len(t)
    return out


def extract_keywords_multi(texts: Sequence[str], *, top: int = 10) -> list[Keyword]:
    """Keywords of a brand over all its texts (bio first, then captions, alt texts...).

    Each text gets its own language (profiles mix languages), read with the languages of
    all the texts together as priors (`text_languages`); a text too short to detect
    borrows the main language of the other texts in its script. Texts of one language are
    ranked together as one document whose parts are separated by boundaries, so a word
    repeated across captions counts as frequent and the earlier texts weigh more. Each
    language's scores are weighted by the square root of its share of the words, so a
    profile written mostly in Slovenian with some English captions lists both.
    """
    texts = _within_budget([t[:TEXT_MAX] for t in texts if t and t.strip()])
    if not texts:
        return []
    priors = text_languages(texts)
    detected = [detect_language_scored(t, priors) for t in texts]
    # The main language of each script, by how much confidently detected text it has.
    volume: dict[tuple[str, str], int] = defaultdict(int)
    for t, (code, conf) in zip(texts, detected, strict=True):
        if conf > 0:
            volume[(dominant_script(t), code)] += len(t)
    main_by_script: dict[str, str] = {}
    for (script, code), _size in sorted(volume.items(), key=lambda kv: -kv[1]):
        main_by_script.setdefault(script, code)
    groups: dict[str, list[str]] = defaultdict(list)
    for t, (code, conf) in zip(texts, detected, strict=True):
        if conf == 0:
            code = main_by_script.get(dominant_script(t), code)
        groups[code].append(t)
    sizes = {code: sum(len(t) for t in ts) for code, ts in groups.items()}
    biggest = max(sizes.values())
    merged: dict[str, Keyword] = {}
    for code, ts in groups.items():
        pipe = get_pipeline(code)
        joined = clean_text(" \u2029 ".join(ts))
        doc = next(iter(pipe.docs([joined])))
        factor = math.sqrt(sizes[code] / biggest)
        for kw in _keywords_from_doc(doc, pipe, top * 2):
            scaled = Keyword(kw.text, round(kw.score * factor, 6), kw.lemma, kw.lang)
            prev = merged.get(kw.lemma)
            if prev is None or prev.score < scaled.score:
                merged[kw.lemma] = scaled
    return sorted(merged.values(), key=lambda k: -k.score)[:top]
