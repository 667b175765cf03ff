"""One spaCy pipeline per language, built once per process and cached.

Nothing is ever downloaded: a trained pipeline is used only when one is already installed
(`<lang>_core_*` packages); otherwise `spacy.blank(lang)` gives the tokenizer and stop
words, and lemmas come from spacy-lookups-data's `lemma_lookup` table when it has one for
the language (en, pt, ru, fr, de, es, it, nl, tr, hr, sr, ... -- not sl, fa, zh), read a word
at a time from an on-disk index (`lemmas`) rather than loaded whole.
Languages spaCy has no class for (Uzbek, Kazakh, Swahili) get the multi-language `xx`
tokenizer plus the short stop-word lists in `stopwords`. Japanese and Korean need
SudachiPy / MeCab for spaCy's own tokenizers; without them Japanese falls back to
character tokens (like Chinese) and Korean to the `xx` tokenizer, which is right for
Korean's space-separated words.

Lemmas for matching come from the lookup table applied to the *lower-cased* token (spaCy's
lookup lemmatizer is keyed by the exact token text), so "Bakeries" at the start of a bio
would otherwise stay unlemmatized. Where there is no table, a light stemmer from `stem`
makes the comparison key.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import spacy
from spacy.language import Language

from .lang import UNKNOWN, normalize_lang
from .lemmas import LemmaLookup, lemma_lookup
from .regexes import fast_regexes
from .stem import STEMMERS
from .stopwords import EXTRA_STOP_WORDS, SOCIAL_STOP_WORDS

__all__ = ["Pipeline", "get_pipeline", "normalize_lang"]

log = logging.getLogger(__name__)

# Apostrophe look-alikes (Uzbek o‘/g‘ is typed five different ways) and the soft hyphen.
_KEY_TRANSLATION = str.maketrans({"ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "`": "'", "\u00ad": None})

# Preferred trained packages, fastest first (a parser is needed only for noun chunks).
_TRAINED_SUFFIXES = ("_sm", "_md", "_lg")

_build_lock = threading.Lock()


@dataclass(eq=False)
class Pipeline:
    """A spaCy `Language` plus what keyword extraction needs to know about it.

    `key()` turns a token's text into its comparison key (casefolded lemma or stem);
    `char_tokens` is True when the tokenizer yields single CJK characters rather than words.
    """

    lang: str
    nlp: Language
    stop_words: frozenset[str]
    trained: bool = False
    char_tokens: bool = False
    lemma_table: LemmaLookup | None = None
    stemmer: Callable[[str], str] | None = None
    _keys: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def has_lemmas(self) -> bool:
        """Whether inflections are reduced (lemma table, trained lemmatizer or stemmer)."""
        return self.trained or self.lemma_table is not None or self.stemmer is not None

    def key(self, text: str) -> str:
        """Comparison key of one word: NFKC, casefolded, apostrophes unified, lemmatized."""
        cached = self._keys.get(text)
        if cached is not None:
            return cached
        low = unicodedata.normalize("NFKC", text).translate(_KEY_TRANSLATION).casefold()
        out = low
        if self.lemma_table is not None:
            lemma = self.lemma_table.get(low)
            if lemma is None and text != low:
                lemma = self.lemma_table.get(text)
            if lemma:
                out = lemma.casefold()
        elif self.stemmer is not None:
            out = self.stemmer(low)
        if len(self._keys) < 200_000:
            self._keys[text] = out
        return out

    def is_stop(self, lower: str) -> bool:
        """Whether a casefolded word is a stop word for this language."""
        return lower in self.stop_words

    def docs(self, texts: list[str], batch_size: int = 256) -> Any:
        """`nlp.pipe` over `texts` (lemmas of blank pipelines come from `key()`)."""
        return self.nlp.pipe(texts, batch_size=batch_size)


def _installed_trained(lang: str) -> list[str]:
    try:
        names = spacy.util.get_installed_models()
    except Exception:  # pragma: no cover - depends on the environment's packages
        return []
    mine = [n for n in names if n.startswith(f"{lang}_")]

    def rank(name: str) -> int:
        for i, suffix in enumerate(_TRAINED_SUFFIXES):
            if name.endswith(suffix):
                return i
        return len(_TRAINED_SUFFIXES)

    return sorted(mine, key=rank)


def _load_trained(lang: str) -> Language | None:
    for name in _installed_trained(lang):
        try:
            return spacy.load(name)
        except Exception as exc:  # a broken or incompatible package: use the next option
            log.warning("could not load spaCy pipeline %s: %s", name, exc)
    return None


def _blank(lang: str) -> tuple[Language, bool, frozenset[str]]:
    """(nlp, char_tokens, stop words) for a language without a trained pipeline."""
    if lang == "zh":
        segmenter = "jieba" if importlib.util.find_spec("jieba") else "char"
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
        return nlp, segmenter == "char", frozenset(nlp.Defaults.stop_words)
    if lang in ("ja", "ko"):
        try:
            nlp = spacy.blank(lang)
            return nlp, False, frozenset(nlp.Defaults.stop_words)
        except Exception:  # SudachiPy / MeCab not installed
            stop_class = spacy.util.get_lang_class(lang)
            stops = frozenset(stop_class.Defaults.stop_words)
            if lang == "ja":
                return spacy.blank("zh"), True, stops
            return spacy.blank(UNKNOWN), False, stops
    try:
        nlp = spacy.blank(lang)
    except ImportError:  # no language class in spaCy (uz, kk, sw, ...)
        nlp = spacy.blank(UNKNOWN)
    return nlp, False, frozenset(nlp.Defaults.stop_words)


@cache
def _build(lang: str) -> Pipeline:
    trained_nlp = _load_trained(lang)
    extra = EXTRA_STOP_WORDS.get(lang, frozenset()) | SOCIAL_STOP_WORDS
    if trained_nlp is not None:
        stops = frozenset(w.casefold() for w in trained_nlp.Defaults.stop_words) | extra
        return Pipeline(lang=lang, nlp=trained_nlp, stop_words=stops, trained=True)
    with fast_regexes():  # French compiles a 1.4 MB regex on import
        nlp, char_tokens, stops = _blank(lang)
    # spaCy's lookup lemmatizer reads the `lemma_lookup` table for every language that has
    # one; `lemmas` reads the same table a word at a time from an index.
    table = lemma_lookup(nlp.lang) if nlp.lang and nlp.lang != UNKNOWN else None
    stemmer = STEMMERS.get(lang) if table is None else None
    return Pipeline(
        lang=lang,
        nlp=nlp,
        stop_words=frozenset(w.casefold() for w in stops) | extra,
        char_tokens=char_tokens,
        lemma_table=table,
        stemmer=stemmer,
    )


def get_pipeline(lang: str | None) -> Pipeline:
    """The cached pipeline for `lang` (ISO 639-1; None or unknown -> "xx").

    The same object is returned on every call in a process: building one costs from 5 ms
    (blank) to a few seconds (large lemma tables, trained pipelines).
    """
    code = normalize_lang(lang)
    with _build_lock:
        return _build(code)
