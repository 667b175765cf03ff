"""Small text helpers every layer shares: hashtags, mojibake repair, grapheme counts."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "TEXT_MAX",
    "count_graphemes",
    "extract_hashtags",
    "fix_mojibake",
    "normalize_space",
]

# The longest text any platform accepts in a bio or a caption (a Facebook post: 63,206
# characters; X's longest posts 25,000, YouTube descriptions 5,000). No one text is analysed
# beyond this: a hostile megabyte costs what the longest real post does.
TEXT_MAX = 63_206

# A hashtag: '#' then letters/marks/digits/underscore in any script (Persian, Kazakh...),
# not preceded by a word character or '&' (HTML entities like &#39;).
_HASHTAG = re.compile(r"(?<![\w&/])[#＃]([^\W_][\w·]*)", re.UNICODE)


def extract_hashtags(text: str | None) -> list[str]:
    """Hashtags as written (without '#'), in order, first occurrence only (case-insensitive).
    Like every helper here, anything but a string (an input's wrong-typed value) is no text."""
    if not isinstance(text, str) or not text:
        return []
    seen: set[str] = set()
    out: list[str] = []
    for m in _HASHTAG.finditer(text):
        tag = m.group(1).rstrip("·")
        if tag.isdigit():
            continue
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            out.append(tag)
    return out


_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def fix_mojibake(text: str | None) -> str | None:
    """Repair UTF-8 that was decoded as Latin-1 (Meta's data exports: 'CafÃ©' -> 'Café').

    Only applied when the result decodes cleanly as UTF-8, so correct text is left alone.
    """
    if not isinstance(text, str):
        return None
    if not text or not _MOJIBAKE_HINT.search(text):
        return text
    try:
        repaired = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return repaired


def normalize_space(text: str | None) -> str | None:
    """Collapse runs of spaces/tabs, keep line breaks, strip; None stays None, '' -> None."""
    if not isinstance(text, str):
        return None
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    joined = "\n".join(lines).strip()
    return joined or None


def count_graphemes(text: str) -> int:
    """Approximate user-perceived characters (Bluesky counts graphemes): combining marks,
    variation selectors and zero-width joiners do not start a new character."""
    count = 0
    prev_zwj = False
    for ch in text:
        if ch == "\u200d":
            prev_zwj = True
            continue
        if unicodedata.combining(ch) or "\ufe00" <= ch <= "\ufe0f" or prev_zwj:
            prev_zwj = False
            continue
        if "\U0001f3fb" <= ch <= "\U0001f3ff":  # skin-tone modifiers
            continue
        count += 1
    return count
