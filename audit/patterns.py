"""Patterns every layer runs on untrusted text (bios, captions, pages): one copy each, and
each linear in the length of the text, whatever the text holds.

A pattern like `[\\w.+-]+@...` restarts at every character of a long word and rescans the
rest of it each time: quadratic (a 100 KB word took 575 s). These start a match only where
a word starts (a lookbehind) and bound every repetition by the standard's own limits (RFC
5321: a local part of at most 64 characters, labels of at most 63, a handful of them), so
each start costs a bounded amount of work. `bench/regex_timing.py` times every pattern of the
project on hostile inputs of two sizes; tests/test_hostile_text.py runs them on a 1 MB word.
"""

from __future__ import annotations

import re

__all__ = ["EMAIL", "TITLE_MAX", "URL_IN_TEXT", "URL_LIKE"]

# Page titles ('Blue Door (@bluedoor) • Instagram') are read with lazy patterns that would
# be quadratic on a hostile megabyte; real ones are under 200 characters, so readers look
# at this many at most.
TITLE_MAX = 500

# An e-mail address: a local part, '@', one to eight dot-separated labels, a letter TLD.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@(?:[\w-]{1,63}\.){1,8}[^\W\d_]{2,24}(?![\w-])")

# A link written in text, with or without a scheme ('bluedoor.com', 'linktr.ee/x',
# 'www.x.si/menu'): a scheme or www. followed by anything up to a space or a quote, or a
# domain (starting where a word starts) ending in a common or two-letter TLD, with a path,
# or a bare domain ending in a generic TLD.
URL_IN_TEXT = re.compile(
    r"https?://[^\s<>\"')]+"
    r"|(?<![\w.-])www\.[^\s<>\"')]+"
    r"|(?<![\w.-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|net|org|co|io|shop|store|me"
    r"|biz|info|app|bio|link|page|site|online|ly|ee|[a-z]{2})/[^\s<>\"')]*"
    r"|(?<![\w.-])[a-z0-9-]{1,63}\.(?:com|net|org|shop|store|biz)\b",
    re.IGNORECASE,
)

# Anything URL-like to remove from prose before keyword extraction: a scheme or www. and
# the rest of the word, or a dotted name ending in a common TLD (with an optional path).
URL_LIKE = re.compile(
    r"(?i)(?<![\w.-])(?:https?://|www\.)\S+"
    r"|(?<![\w.-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,8}"
    r"\.(?:com|net|org|info|biz|shop|store|app|io|co|me)(?:/\S*)?(?![\w.])"
)
