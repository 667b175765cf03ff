"""Social text to plain prose before tokenizing: hashtags split, noise removed.

People search for "vegan bakery ljubljana", not "#VeganBakeryLjubljana", so a hashtag
becomes its words; URLs, e-mail addresses, @mentions and emoji carry no searchable words
and would otherwise turn into junk candidates ("https", "🥐🥐"). HTML entities (exports
and scraped tweets contain "&amp;", "&lt;3") are decoded first so "&" and "<" are treated
as the punctuation they are.

A removed item leaves a boundary behind (`BOUNDARY`), so no keyword is formed across it:
"#vegan #bakery" gives "vegan" and "bakery", not "vegan bakery", and "daily 🥐 Order" does
not give "daily order"; a blank line does the
same, and so does a line break (the lines of a bio are separate items), except one followed
by indentation: saved pages and abstracts wrap long lines that way, mid-phrase.
"""

from __future__ import annotations

import html
import re

from audit.patterns import EMAIL, URL_LIKE

__all__ = ["BOUNDARY", "clean_text", "split_hashtag", "strip_links"]

# U+2029 PARAGRAPH SEPARATOR: spaCy keeps it as a whitespace token, and real texts
# practically never contain it.
BOUNDARY = "\u2029"
_SEP = f" {BOUNDARY} "

_URL = URL_LIKE  # audit.patterns: linear on any text
_EMAIL = EMAIL  # audit.patterns: linear on any text
_MENTION = re.compile(r"(?<![\w@])@[\w.]*\w")
# Same as audit.text.extract_hashtags, plus the zero-width non-joiner inside Persian words.
_HASHTAG = re.compile(r"(?<![\w&/])[#＃]([^\W_][\w·\u200c]*)")
_HASHTAG_SPLIT = re.compile(r"(?:[^\w\u200c]|_)+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n\s*")
# A line break followed by indentation continues the line (wrapped abstracts, saved
# pages); any other line break separates items, as the lines of a bio do.
_SOFT_WRAP = re.compile(r"(?<![ \t])[ \t]*\r?\n[ \t\u00a0]+")
_LINE_BREAK = re.compile(r"\r?\n")


# Emoji and pictographic symbols: the emoji blocks, dingbats and misc symbols, arrows,
# geometric shapes, enclosed alphanumerics, flags, keycaps, variation selectors, the
# zero-width joiner (not the non-joiner, which Persian words need) and private use.
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"
    "\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u200d\u20e3\ufe00-\ufe0f\u3030\u303d\u3297\u3299\ue000-\uf8ff"
    "\u00a9\u00ae\u2122"
    "]+"
)


def _split_case(body: str) -> list[str]:
    """Split one underscore-free hashtag chunk at case and digit changes.

    "VeganBakeryLjubljana" -> Vegan Bakery Ljubljana; "NYCBakery" -> NYC Bakery;
    "sourdough2024" -> sourdough 2024; scripts without case are left whole.
    """
    parts: list[str] = []
    current = ""
    for i, ch in enumerate(body):
        if not current:
            current = ch
            continue
        prev = body[i - 1]
        nxt = body[i + 1] if i + 1 < len(body) else ""
        boundary = (
            (ch.isdigit() != prev.isdigit())
            or (ch.isupper() and prev.islower())
            # end of an acronym: "NYCBakery" splits before the "B" of "Bakery"
            or (ch.isupper() and prev.isupper() and nxt.islower())
        )
        if boundary:
            parts.append(current)
            current = ch
        else:
            current += ch
    if current:
        parts.append(current)
    return parts


def split_hashtag(tag: str) -> list[str]:
    """Words of a hashtag, lower-cased: "#VeganBakeryLjubljana" -> vegan, bakery, ljubljana.

    Splits at underscores, camelCase/PascalCase humps, acronym ends and digit runs;
    scripts without letter case (Persian, Chinese) split only at underscores.
    """
    body = tag.strip().lstrip("#＃")
    words: list[str] = []
    for chunk in _HASHTAG_SPLIT.split(body):
        if chunk:
            words.extend(part.lower() for part in _split_case(chunk))
    return words


def strip_links(text: str) -> str:
    """`text` with URLs and e-mail addresses replaced by line breaks (they hold no words
    anyone searches for, and cutting a name out of "http://gronkh.chat" would leave
    "http")."""
    return _URL.sub("\n", _EMAIL.sub("\n", text))


def clean_text(text: str) -> str:
    """The text as prose for the tokenizer (see the module docstring for what changes)."""
    text = html.unescape(text)
    text = _BLANK_LINE.sub(_SEP, text)
    text = _SOFT_WRAP.sub(" ", text)
    text = _LINE_BREAK.sub(_SEP, text)
    text = _EMAIL.sub(_SEP, text)
    text = _URL.sub(_SEP, text)
    text = _MENTION.sub(_SEP, text)
    text = _HASHTAG.sub(lambda m: _SEP + " ".join(split_hashtag(m.group(1))) + _SEP, text)
    return _EMOJI.sub(_SEP, text)
