"""The value the keyword engine hands to the rest of findable.

A frozen dataclass rather than a pydantic model: keywords are created by the thousand in
batch runs and benchmarks, and a slotted dataclass is several times cheaper to build while
staying hashable and immutable (checks may put them in sets).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Keyword"]


@dataclass(frozen=True, slots=True)
class Keyword:
    """One extracted keyword.

    `text` is the phrase as it reads in the source (most frequent spelling); `lemma` is its
    comparison key (see `normalize_keyword`), so `kw.lemma == normalize_keyword(target)`
    tells whether a target keyword was found; `score` is in 0..1, higher is more
    important, and the best keyword of an extraction scores 1.0.
    """

    text: str
    score: float
    lemma: str
    lang: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (the `--jsonl` output and reports use this)."""
        return {"text": self.text, "score": self.score, "lemma": self.lemma, "lang": self.lang}
