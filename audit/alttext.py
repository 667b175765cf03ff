"""Alt text classification: did the owner write it (`custom`), did the platform generate it
(`auto`), or is there none (`missing`)? Only custom alt text counts for ALT001: automatic
descriptions ("May be an image of ...") are guesses a screen reader user cannot rely on and
carry none of the brand's words."""

from __future__ import annotations

import re

from audit.model import AltSource

__all__ = ["AUTO_PATTERNS", "classify_alt"]

# Each pattern names where it comes from; they match at the start of the text, any case.
AUTO_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE | re.DOTALL))
    for name, rx in (
        # Instagram (2017-2021): "Photo by tanshio on November 25, 2017." / "... in Paris."
        ("instagram-photo-by", r"^\s*(photo|image|video)s? (shared )?by .{1,80}? (on|in) .+"),
        # Instagram/Facebook automatic alt text (2016+): "May be an image of ..."
        ("meta-may-be", r"^\s*may be (an? )?(image|photo|illustration|cartoon|meme|graphic"
         r"|screenshot|text|closeup|selfie|art|video)\b"),
        ("meta-image-may-contain", r"^\s*(image|photo) may contain\b"),
        ("meta-no-description", r"^\s*no (alternative|photo) (text )?description"),
        # LinkedIn machine descriptions: "No alternative text description for this image"
        ("linkedin-no-alt", r"^\s*no alternative text description for this image"),
        # Generic placeholders some platforms fill in
        ("placeholder", r"^\s*(image|photo|picture|img|untitled|thumbnail)\s*\d*\s*[.!]?\s*$"),
    )
)  # fmt: skip

_FILENAME = re.compile(r"^\s*[\w\-. ]+\.(jpe?g|png|gif|webp|heic|tiff?|bmp|mp4|mov)\s*$", re.I)


def classify_alt(text: str | None, *, platform_auto: bool = False) -> AltSource:
    """`platform_auto=True` when the source field itself is the platform's generated text
    (Pinterest `auto_alt_text`, Instagram `accessibility_caption` with no custom flag...)."""
    if text is None or not text.strip():
        return "missing"
    if platform_auto:
        return "auto"
    for _name, pattern in AUTO_PATTERNS:
        if pattern.match(text):
            return "auto"
    if _FILENAME.match(text):
        return "auto"  # a camera/file name the upload carried, not a description
    return "custom"


def auto_rule(text: str) -> str | None:
    """The name of the rule that marks `text` automatic (for evidence), or None."""
    for name, pattern in AUTO_PATTERNS:
        if pattern.match(text):
            return name
    return "filename" if _FILENAME.match(text) else None
