"""Ranking candidates: YAKE-style statistics, sharpened by a PositionRank word graph.

Why this mix (measured with bench/keywords.py on tweets, Inspec abstracts, Portuguese news
and Weibo; see the README for the table):

* Short social texts have almost no repetition, so pure frequency methods (TF-IDF) and
  pure graph methods (TextRank) have little to work with. YAKE's per-word features still
  do: position, casing (proper nouns are capitalized mid-sentence), spread over sentences
  and *relatedness* (a word next to many different words is function-like). They need no
  corpus, no model and no POS tagger -- we have only blank spaCy pipelines -- and are
  O(words). That is the base: a candidate's score is YAKE's
  ``prod(H) / (count * (1 + sum(H)))`` over its content words, lower is better.
* On longer texts the statistical base over-rewards frequent generic words and misses
  terms that sit at the centre of the text. A PositionRank word graph (PageRank over
  co-occurrence within 3 words, teleporting preferentially to early words) captures
  that; dividing by the square root of the candidate's summed graph centrality moved
  Inspec F1@10 above YAKE without hurting the tweets.
* Our own changes to YAKE's statistics: counts are per *lemma* (so "system"/"systems" add
  up and dedupe), hyphenated words stay whole, inner stop words are limited to the
  connectors names are built with ("base de Maceda"), and words that look like user names
  ("Rolle_Island", "jjenas8", "LifeofMo") are penalized -- social texts are full of them
  and nobody searches for them.
* Segmented Chinese/Japanese (by spaces, as on Weibo, or by jieba) is ranked without the
  graph and single words first (a strong length penalty): a segmented CJK word is already
  a compound, one-character words are particles or generic, and multi-word phrases --
  which may hold particles, as titles do (花儿 与 少年) -- only fill the remaining places.

Everything is plain Python over small dicts: a tweet takes ~0.1 ms after tokenizing.
"""

from __future__ import annotations

import math
import re

from .candidates import KIND_WORD, Candidate, Units

__all__ = ["rank_candidates", "rank_char_ngrams"]

# Looks like a user name rather than a word: an underscore, letters mixed with digits, or
# a lower-case letter followed by a capital ("LifeofMo", "jjenas8", "Rolle_Island").
_HANDLE = re.compile(r"_|[^\W\d_]\d|\d[^\W\d_]|[a-z][A-Z]")
_HANDLE_PENALTY = 3.0

_GRAPH_WINDOW = 3
_GRAPH_WEIGHT = 0.5
_DAMPING = 0.85
_ITERATIONS = 30
_TOLERANCE = 1e-4
_EPSILON = 1e-3


def _word_stats(u: Units) -> dict[str, list[float]]:
    """Per content-word key: [tf, capitalized count, sum of sentence numbers,
    distinct sentences, distinct left neighbours, distinct right neighbours]."""
    stats: dict[str, list[float]] = {}
    sents: dict[str, set[int]] = {}
    left: dict[str, set[str]] = {}
    right: dict[str, set[str]] = {}
    keys, kinds, segs, upper, sent = u.key, u.kind, u.seg, u.upper, u.sent
    n = len(keys)
    for i in range(n):
        if kinds[i] != KIND_WORD:
            continue
        k = keys[i]
        s = stats.get(k)
        if s is None:
            s = stats[k] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
            sents[k] = set()
            left[k] = set()
            right[k] = set()
        s[0] += 1
        if upper[i]:
            s[1] += 1
        s[2] += sent[i]
        sents[k].add(sent[i])
        if i > 0 and segs[i - 1] == segs[i]:
            left[k].add(keys[i - 1])
        if i + 1 < n and segs[i + 1] == segs[i]:
            right[k].add(keys[i + 1])
    for k, s in stats.items():
        s[3] = len(sents[k])
        s[4] = len(left[k])
        s[5] = len(right[k])
    return stats


def _word_weights(u: Units) -> dict[str, float]:
    """YAKE's word weight H per content-word key: lower = more important."""
    stats = _word_stats(u)
    if not stats:
        return {}
    tfs = [s[0] for s in stats.values()]
    mean = sum(tfs) / len(tfs)
    std = math.sqrt(sum((t - mean) ** 2 for t in tfs) / len(tfs))
    max_tf = max(tfs)
    n_sents = max(u.n_sents, 1)
    handles = {u.key[i] for i, t in enumerate(u.text) if _HANDLE.search(t)}
    out: dict[str, float] = {}
    for k, (tf, upper, sum_sent, n_seen, n_left, n_right) in stats.items():
        casing = upper / (1.0 + math.log(tf))
        position = math.log(math.log(3.0 + sum_sent / tf))
        frequency = tf / (mean + std)
        relatedness = 1.0 + (n_left / tf + n_right / tf) * tf / max_tf
        spread = n_seen / n_sents
        h = (relatedness * position) / (casing + frequency / relatedness + spread / relatedness)
        if k in handles:
            h *= _HANDLE_PENALTY
        out[k] = h
    return out


def _position_rank(u: Units) -> dict[str, float]:
    """PositionRank: PageRank on the co-occurrence graph of content words, teleporting to
    each word in proportion to the sum of 1/position over its occurrences."""
    keys, kinds = u.key, u.kind
    content = [i for i in range(len(keys)) if kinds[i] == KIND_WORD]
    nbrs: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for rank, i in enumerate(content):
        k = keys[i]
        bias[k] = bias.get(k, 0.0) + 1.0 / (rank + 1)
        mine = nbrs.setdefault(k, {})
        for j in content[rank + 1 : rank + _GRAPH_WINDOW]:
            if j - i > _GRAPH_WINDOW + 1:  # at most two stop words in between
                break
            k2 = keys[j]
            if k2 == k:
                continue
            mine[k2] = mine.get(k2, 0.0) + 1.0
            theirs = nbrs.setdefault(k2, {})
            theirs[k] = theirs.get(k, 0.0) + 1.0
    if not nbrs:
        return {}
    names = list(nbrs)
    index = {k: n for n, k in enumerate(names)}
    total = sum(bias.values())
    teleport = [(1.0 - _DAMPING) * bias[k] / total for k in names]
    out_weight = [sum(nbrs[k].values()) or 1.0 for k in names]
    # incoming[n] = [(m, weight of edge m-n / out-weight of m)], damped
    incoming = [
        [(index[k2], _DAMPING * w / out_weight[index[k2]]) for k2, w in nbrs[k].items()]
        for k in names
    ]
    score = [b / (1.0 - _DAMPING) for b in teleport]
    for _ in range(_ITERATIONS):
        new = [
            t + sum(score[m] * w for m, w in inc) for t, inc in zip(teleport, incoming, strict=True)
        ]
        delta = max(abs(a - b) for a, b in zip(new, score, strict=True))
        score = new
        if delta < _TOLERANCE:
            break
    return dict(zip(names, score, strict=True))


def rank_candidates(
    u: Units,
    cands: dict[tuple[str, ...], Candidate],
    *,
    graph: bool = True,
    length_penalty: float = 0.0,
    opening_boost: float = 1.0,
) -> list[tuple[Candidate, float]]:
    """Candidates best first, each with a 0..1 score (the best gets 1.0).

    `length_penalty` p multiplies a candidate's (lower-is-better) score by n**p for n
    words: 0 for alphabetic languages, high for segmented CJK where single words come first.
    `opening_boost` b divides the score of the candidates that start at the text's first
    content word by b: a bio opens with what the business is ("Pekarna z naravnim kvasom v
    centru Ljubljane", "Family-run sourdough bakery in East Austin"), while YAKE's statistics
    favour a capitalized place name later on. Not for captions or tweets, whose first words
    are as often "just" or "finally": on the kwbench tweets b = 10 halved F1@1.
    """
    weights = _word_weights(u)
    centrality = _position_rank(u) if graph else {}
    top_centrality = max(centrality.values()) if centrality else 1.0
    opening = u.kind.index(KIND_WORD) if KIND_WORD in u.kind else -1
    scored: list[tuple[float, int, Candidate]] = []
    for c in cands.values():
        prod = 1.0
        total = 0.0
        g = 0.0
        for k in c.keys:
            h = weights.get(k)
            if h is None:  # an inner connector
                continue
            prod *= h
            total += h
            g += centrality.get(k, 0.0)
        s = prod / (c.count * (1.0 + total))
        if graph:
            s /= (_EPSILON + g / top_centrality) ** _GRAPH_WEIGHT
        if length_penalty:
            s *= len(c.keys) ** length_penalty
        if c.first == opening:
            s /= opening_boost
        scored.append((s, c.first, c))
    scored.sort(key=lambda t: (t[0], t[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [(c, (best / s) if s > 0 else 1.0) for s, _, c in scored]


# Unsegmented CJK: a 3-character run is the most typical word length (面包店, 咖啡馆).
_CHAR_LENGTH_PRIOR = {2: 1.0, 3: 1.2, 4: 0.9}


def rank_char_ngrams(
    u: Units, cands: dict[tuple[str, ...], Candidate]
) -> list[tuple[Candidate, float]]:
    """Rank character n-grams of unsegmented Chinese/Japanese text.

    Without a word segmenter (spaCy uses jieba when it is installed) the best evidence that
    a run of characters is a word is that it is delimited: by punctuation, by the text's
    edges or by stop characters such as 的 and 和. So a candidate scores its count times
    one plus the number of delimited sides (best over its occurrences), times a length
    prior that favours the common three-character words.
    """
    n = len(u.key)
    bounded: dict[tuple[str, ...], int] = {}
    for c in cands.values():
        bounded[c.keys] = 0
    kinds, segs, keys = u.kind, u.seg, u.key
    for i in range(n):
        for j in range(i + 1, min(i + 4, n)):
            ck = tuple(keys[i : j + 1])
            if ck not in bounded:
                continue
            left = i == 0 or kinds[i - 1] != KIND_WORD or segs[i - 1] != segs[i]
            right = j == n - 1 or kinds[j + 1] != KIND_WORD or segs[j + 1] != segs[j]
            bounded[ck] = max(bounded[ck], int(left) + int(right))
    scored = sorted(
        (
            (c.count * (1 + bounded[c.keys]) * _CHAR_LENGTH_PRIOR.get(len(c.keys), 0.8), c)
            for c in cands.values()
        ),
        key=lambda t: (-t[0], t[1].first),
    )
    if not scored:
        return []
    best = scored[0][0]
    return [(c, s / best) for s, c in scored]
