"""Compile spaCy's tokenizer regexes without redoing the same character class 800 times.

French's tokenizer exceptions are one regex of ~800 alternatives, each with the same huge
Unicode letter class under IGNORECASE; Python's regex compiler case-folds that class anew
for every occurrence (`_optimize_charset`), which is most of the 3-10 s `spacy.blank("fr")`
takes. While a pipeline is built, `shared_charsets()` remembers each class's optimized form
by its exact input, so every repeat is a lookup. The compiled regexes are the same: the
compiler is given the very result it would have computed again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["shared_charsets"]


def _compiler() -> Any:
    module = getattr(re, "_compiler", None)  # Python 3.11+
    if module is None:  # pragma: no cover - Python 3.10
        import sre_compile as module
    return module if callable(getattr(module, "_optimize_charset", None)) else None


def _memoized(original: Callable[..., Any]) -> Callable[..., Any]:
    memo: dict[tuple[str, Any, Any, int], tuple[list[Any], bool]] = {}

    def optimize(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        key = (repr(charset), iscased, fixup, id(fixes))
        hit = memo.get(key)
        if hit is None:
            hit = original(charset, iscased, fixup, fixes)
            memo[key] = hit
        out, hascased = hit
        return list(out), hascased

    return optimize


@contextmanager
def shared_charsets() -> Iterator[None]:
    """Within the block, identical character classes are optimized once."""
    module = _compiler()
    if module is None:  # pragma: no cover - a Python whose compiler has no such step
        yield
        return
    original = module._optimize_charset
    module._optimize_charset = _memoized(original)
    try:
        yield
    finally:
        module._optimize_charset = original
