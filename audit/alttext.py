"""Alt text classification: did the owner write it (`custom`), did the platform generate it
(`auto`), or is there none (`missing`)? Only custom alt text counts for ALT001: automatic
descriptions ("May be an image of ...") are guesses a screen reader user cannot rely on and
carry none of the brand's words."""

from __future__ import annotations

import re

from audit.model import AltSource

__all__ = ["AUTO_PATTERNS", "classify_alt"]

# Instagram writes its automatic text in English month names: "November 25, 2017".
_IG_DATE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}, \d{4}"
)
# Instagram's generated sentence, in every shape seen in captures (2017-2025):
#   "Photo by tanshio on November 25, 2017."
#   "Photo shared by X on February 08, 2025 tagging @a, and @b."
#   "Photo by X in Bath, Somerset with @a. May be an image of nature and text."
# It is matched whole and case-sensitively (Instagram capitalises "Photo" and place names),
# and the name may not run into prose ("... of fresh bread", "... on our terrace"), so an
# owner's own sentence that merely starts the same way stays custom: "Photo by our baker Ana
# of fresh bread", "Photo by Ana on the beach", "Photo by Ana in the bakery, ...".
_INSTAGRAM_BY = (
    r"^\s*(?:Photo|Image|Video)s?(?: shared)? by (?:(?! (?:on|of|at|from|with|for) [a-z]).){1,150}?"
    rf" (?:on {_IG_DATE}|in (?![a-z])[^\n]{{1,150}}?)"
    r"(?:\.? (?:tagging|with) @[^\n]*?)?"
    r"\.(?:\s+(?:May be|Image may contain|No photo description)[^\n]*)?\s*$"
)

# Each pattern names where it comes from; they match at the start of the text.
AUTO_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, flags))
    for name, rx, flags in (
        ("instagram-photo-by", _INSTAGRAM_BY, 0),
        # Instagram/Facebook automatic alt text (2016+): "May be an image of ..."
        ("meta-may-be", r"^\s*may be (an? )?(image|photo|illustration|cartoon|meme|graphic"
         r"|screenshot|text|closeup|selfie|art|video)\b", re.I),
        # The same sentence in Meta's other interface languages (es, pt, fr, it, de).
        ("meta-may-be-localized", r"^\s*(puede ser una imagen|pode ser uma imagem"
         r"|peut (être|etre) une image|potrebbe essere un'immagine|kann ein bild)\b", re.I),
        ("meta-image-may-contain", r"^\s*(image|photo) may contain\b", re.I),
        ("meta-no-description", r"^\s*no (alternative|photo) (text )?description", re.I),
        # LinkedIn machine descriptions: "No alternative text description for this image"
        ("linkedin-no-alt", r"^\s*no alternative text description for this image", re.I),
        # Generic placeholders some platforms fill in
        ("placeholder", r"^\s*(image|photo|picture|img|untitled|thumbnail)\s*\d*\s*[.!]?\s*$",
         re.I),
    )
)  # fmt: skip

# What a platform shows in place of alt text when there is none: no one wrote a description
# and the platform could not make one, so the image has no alt text (not an automatic one).
_NO_ALT_PLACEHOLDERS = frozenset({"meta-no-description", "linkedin-no-alt"})

# Longer than any platform's generated alt text or a file name: the patterns above, some with
# runs of `\s*` that would be quadratic on a hostile megabyte, never see more than this.
_AUTO_MAX = 2000
_FILENAME = re.compile(
    r"^\s*(?!\s)[\w\-. ]+\.(jpe?g|png|gif|webp|heic|tiff?|bmp|mp4|mov)\s*$", re.I
)


def classify_alt(text: str | None, *, platform_auto: bool = False) -> AltSource:
    """`platform_auto=True` when the source field itself is the platform's generated text
    (Pinterest `auto_alt_text`, Instagram `accessibility_caption` with no custom flag...)."""
    if text is None or not text.strip():
        return "missing"
    if platform_auto:
        return "auto"
    if len(text) > _AUTO_MAX:  # generated texts and file names are short: no rule can match
        return "custom"
    for name, pattern in AUTO_PATTERNS:
        if pattern.match(text):
            return "missing" if name in _NO_ALT_PLACEHOLDERS else "auto"
    if _FILENAME.match(text):
        return "auto"  # a camera/file name the upload carried, not a description
    return "custom"


def auto_rule(text: str) -> str | None:
    """The name of the rule that marks `text` automatic (for evidence), or None."""
    if len(text) > _AUTO_MAX:
        return None
    for name, pattern in AUTO_PATTERNS:
        if pattern.match(text):
            return name
    return "filename" if _FILENAME.match(text) else None
