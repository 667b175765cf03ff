"""Images as perceptual hashes: decode downloaded bytes, hash them, compare the hashes.

The hash is a difference hash (dHash, Neal Krawetz, "Kind of Like That", hackerfactor.com,
2013): shrink to 9×8 grayscale pixels and record, row by row, whether each pixel is brighter
than its right neighbour. 64 bits that survive resizing, re-encoding (JPEG vs PNG, quality)
and small colour shifts, but change a lot when the picture itself changes. Pure: the same
bytes give the same hash (with the same Pillow), so replayed snapshots agree.
"""

from __future__ import annotations

import io
import itertools
import warnings

from PIL import Image, ImageOps

__all__ = ["HASH_BITS", "MAX_IMAGE_BYTES", "ImageError", "decode", "dhash", "hamming"]

HASH_BITS = 64
# Profile images are kilobytes; anything this large is not an avatar, and decoding it would
# only cost memory.
MAX_IMAGE_BYTES = 10 * 1024 * 1024
_MAX_PIXELS = 40_000_000  # refuse decompression bombs (a tiny file claiming huge pixels)
_WIDTH, _HEIGHT = 9, 8


class ImageError(ValueError):
    """The bytes are not an image findable can read (or not a sane one)."""


def decode(data: bytes) -> Image.Image:
    """The first frame of an image file, fully loaded, in RGB (transparency flattened onto
    white, so a logo on a transparent background hashes like the same logo on white)."""
    if not data:
        raise ImageError("no image data")
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"image of {len(data)} bytes is too large for a profile image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.width * opened.height > _MAX_PIXELS:
                raise ImageError(f"image of {opened.width}×{opened.height} pixels is too large")
            opened.seek(0)
            opened.load()
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise ImageError(f"not a readable image ({exc})") from exc
    except Image.DecompressionBombWarning as exc:
        raise ImageError(f"image is too large ({exc})") from exc
    image: Image.Image = ImageOps.exif_transpose(opened) or opened
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def dhash(image: Image.Image | bytes) -> str:
    """The 64-bit difference hash of an image (or of image file bytes), as 16 hex digits."""
    img = decode(image) if isinstance(image, bytes) else image
    small = img.convert("L").resize((_WIDTH, _HEIGHT), Image.Resampling.LANCZOS)
    pixels = list(small.tobytes())
    bits = 0
    for row in range(_HEIGHT):
        line = pixels[row * _WIDTH : (row + 1) * _WIDTH]
        for left, right in itertools.pairwise(line):
            bits = (bits << 1) | (left > right)
    return f"{bits:016x}"


def hamming(a: str, b: str) -> int:
    """How many of the 64 bits differ between two hashes from `dhash`."""
    if len(a) != HASH_BITS // 4 or len(b) != HASH_BITS // 4:
        raise ValueError(f"not {HASH_BITS}-bit hex hashes: {a!r}, {b!r}")
    return (int(a, 16) ^ int(b, 16)).bit_count()
