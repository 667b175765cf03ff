"""From a spaCy Doc to word units and candidate phrases.

A *unit* is what a keyword is made of: normally one token, but "gluten-free" or
"qo'ng'iroq" stay one unit (spaCy splits infix hyphens), and in pre-segmented Chinese (words
separated by spaces, as on Weibo) one unit is a run of characters. Units are split into
*segments* at punctuation and at removed noise (`clean.BOUNDARY`), so a candidate never
spans a comma, a sentence end, a URL or two separate hashtags.

A *candidate* is 1-3 consecutive units of one segment whose first and last unit are content
words -- not a stop word, not a number, not a lone letter. Inner stop words are allowed
("bank of ljubljana"). For CJK text tokenized per character a character is not a word, so
candidates there are runs of 2-4 characters instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .clean import BOUNDARY
from .pipelines import Pipeline

__all__ = [
    "Candidate",
    "Units",
    "annotated_phrases",
    "build_units",
    "connectors",
    "generate_candidates",
]

# A joined word ('gluten-free', CJK runs) stops growing at this length: each join re-keys the
# whole word, so an endless 'a-a-a-...' would cost quadratic time; no keyword is this long.
_WORD_MAX = 64
_JOINERS = frozenset("-‐‑'’ʻʼ‘`")
_SENTENCE_END = frozenset(".!?。！？…;；")

# Stop words allowed inside a candidate: the prepositions Romance and Germanic languages
# build names and compound nouns with ("base de Maceda", "Haus von Brot"). Other inner stop
# words mostly make fragments: in English "class of linear" or "rewind the tapes" (only 7 %
# of the three-word gold keyphrases of the Inspec abstracts have an inner stop word, while
# almost all Portuguese ones do). Matching (`keyword_in`) still finds "Bank of Ljubljana".
CONNECTORS = frozenset(
    ["de", "da", "do", "das", "dos", "del", "della", "di", "du", "des", "von", "van"]
)
# Swahili builds its compound nouns with the associative -a, which agrees with the noun's
# class: "duka la mikate" (bakery, "shop of breads"), "mkate wa ndizi" (banana bread),
# "chai ya tangawizi" (ginger tea). These are common words elsewhere ("la" in French), so
# they join phrases only in Swahili.
_LANG_CONNECTORS = {"sw": frozenset(["la", "ya", "wa", "za", "cha", "vya"])}


def connectors(lang: str) -> frozenset[str]:
    """The stop words that may stand inside a candidate phrase of `lang`."""
    extra = _LANG_CONNECTORS.get(lang)
    return CONNECTORS | extra if extra else CONNECTORS


KIND_WORD = 0
KIND_STOP = 1
KIND_NUMBER = 2


def _is_cjk(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\u3040" <= ch <= "\u30ff"
        or "\uf900" <= ch <= "\ufaff"
    )


@dataclass
class Units:
    """Parallel lists, one entry per unit (lists beat objects for speed here)."""

    text: list[str] = field(default_factory=list)
    key: list[str] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)
    seg: list[int] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    upper: list[bool] = field(default_factory=list)  # capitalized, not sentence-initial
    space: list[str] = field(default_factory=list)  # whitespace after the unit
    token_unit: dict[int, int] = field(default_factory=dict)  # token index -> unit index
    n_sents: int = 0
    char_mode: bool = False


@dataclass
class Candidate:
    """One distinct candidate phrase (by comparison key) with its occurrences."""

    keys: tuple[str, ...]
    forms: dict[str, int]
    first: int
    count: int = 0
    upper: int = 0


def _kind(lower: str, pipe: Pipeline) -> int:
    if lower in pipe.stop_words:
        return KIND_STOP
    if not any(ch.isalpha() for ch in lower):
        return KIND_NUMBER
    if len(lower) == 1 and not _is_cjk(lower):
        return KIND_STOP
    return KIND_WORD


def _presegmented(doc: Doc) -> bool:
    """Whether char-tokenized CJK text arrived already split into words by spaces."""
    cjk = spaced = 0
    for tok in doc:
        if len(tok.text) == 1 and _is_cjk(tok.text):
            cjk += 1
            if tok.whitespace_:
                spaced += 1
    return cjk >= 4 and spaced * 4 >= cjk


def build_units(doc: Doc, pipe: Pipeline) -> Units:
    """Units of `doc` with their comparison keys, kinds, segments and sentence numbers."""
    u = Units()
    seg = 0
    sent = 0
    at_sentence_start = True
    join_next = False
    char_mode = pipe.char_tokens
    merge_cjk = char_mode and _presegmented(doc)
    u.char_mode = char_mode and not merge_cjk
    tokens = list(doc)
    n = len(tokens)
    for i, tok in enumerate(tokens):
        text = tok.text
        if tok.is_space:
            if BOUNDARY in text:
                seg += 1
                sent += 1
                at_sentence_start = True
            elif u.text:
                u.space[-1] = " "
            continue
        end_of_sentence = False
        if len(text) > 2 and text[-1] == "." and text[-2].isalpha() and "." not in text[:-1]:
            # "dan." kept whole by a tokenizer exception, but ending a sentence here
            end_of_sentence = True
            text = text[:-1]
        if tok.is_punct or (len(text) == 1 and not text.isalnum()):
            if (
                text in _JOINERS
                and u.text
                and len(u.text[-1]) < _WORD_MAX
                and u.seg[-1] == seg
                and not tokens[i - 1].whitespace_
                and not tok.whitespace_
                and i + 1 < n
                and tokens[i + 1].text[:1].isalnum()
            ):
                u.text[-1] += text
                u.space[-1] = ""
                u.token_unit[i] = len(u.text) - 1
                join_next = True
                continue
            seg += 1
            if text in _SENTENCE_END:
                sent += 1
                at_sentence_start = True
            continue
        merge = join_next or (
            merge_cjk
            and u.text
            and u.seg[-1] == seg
            and not u.space[-1]
            and _is_cjk(text[0])
            and len(u.text[-1]) < _WORD_MAX
        )
        if merge:
            join_next = False
            full = u.text[-1] + text
            u.text[-1] = full
            lower = full.casefold()
            u.key[-1] = pipe.key(full)
            u.kind[-1] = _kind(lower, pipe)
            u.space[-1] = tok.whitespace_
            u.token_unit[i] = len(u.text) - 1
        else:
            u.token_unit[i] = len(u.text)
            u.text.append(text)
            u.key.append(pipe.key(text))
            u.kind.append(_kind(text.casefold(), pipe))
            u.seg.append(seg)
            u.sent.append(sent)
            u.upper.append(not at_sentence_start and text[:1].isupper())
            u.space.append(tok.whitespace_)
            at_sentence_start = False
        if end_of_sentence:
            seg += 1
            sent += 1
            at_sentence_start = True
    u.n_sents = sent + 1
    if not u.char_mode:
        # In segmented CJK text a one-character word is a particle, a measure word or a
        # very generic noun (年, 万, 页, 心): never a keyword on its own.
        for i, text in enumerate(u.text):
            if len(text) == 1 and _is_cjk(text):
                u.kind[i] = KIND_STOP
    return u


def generate_candidates(
    u: Units,
    max_words: int = 3,
    *,
    any_inner_stop: bool = False,
    inner: frozenset[str] = CONNECTORS,
) -> dict[tuple[str, ...], Candidate]:
    """Distinct candidates keyed by their units' comparison keys, in order of appearance.

    `any_inner_stop` lets every stop word stand inside a phrase, not only those in `inner`
    (see `connectors`; Chinese titles and names are built with particles: 花儿 与 少年).
    """
    lo, hi = (2, 4) if u.char_mode else (1, max_words)
    out: dict[tuple[str, ...], Candidate] = {}
    kinds, segs, keys, texts, spaces, upper = u.kind, u.seg, u.key, u.text, u.space, u.upper
    n = len(kinds)
    for i in range(n):
        if kinds[i] != KIND_WORD:
            continue
        seg = segs[i]
        for j in range(i + lo - 1, min(i + hi, n)):
            if segs[j] != seg:
                break
            kj = kinds[j]
            if kj != KIND_WORD:
                if kj == KIND_STOP and not any_inner_stop and keys[j] not in inner:
                    break
                continue
            ck = tuple(keys[i : j + 1])
            form = "".join(texts[k] + spaces[k] for k in range(i, j)) + texts[j]
            cand = out.get(ck)
            if cand is None:
                cand = out[ck] = Candidate(keys=ck, forms={}, first=i)
            cand.count += 1
            cand.forms[form] = cand.forms.get(form, 0) + 1
            if upper[i] or upper[j]:
                cand.upper += 1
    return out


def annotated_phrases(doc: Doc, u: Units) -> set[tuple[str, ...]]:
    """Key tuples of the doc's entities and noun chunks, stop words trimmed at both ends.

    Only a trained pipeline (or an entity ruler) annotates these; blank pipelines give an
    empty set. Used to prefer candidates a parser or NER confirms as phrases.
    """
    spans = list(doc.ents)
    if doc.has_annotation("DEP"):
        spans.extend(doc.noun_chunks)
    out: set[tuple[str, ...]] = set()
    for span in spans:
        idx = sorted({u.token_unit[t.i] for t in span if t.i in u.token_unit})
        while idx and u.kind[idx[0]] != KIND_WORD:
            idx.pop(0)
        while idx and u.kind[idx[-1]] != KIND_WORD:
            idx.pop()
        if idx:
            out.add(tuple(u.key[i] for i in idx))
    return out
