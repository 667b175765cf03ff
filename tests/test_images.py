"""audit.images: real images drawn with Pillow, encoded to real files, decoded and hashed."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from audit.demo import build
from audit.images import ImageError, decode, dhash, hamming
from checks.consistency import AVATAR_MAX_DISTANCE


def encode(image: Image.Image, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **kw)
    return out.getvalue()


def logo(size: int = 320) -> Image.Image:
    """A logo-like picture: a sky-to-sand gradient, a blue door with an arch, a sun."""
    img = Image.new("RGB", (size, size))
    px = img.load()
    assert px is not None
    for y in range(size):
        for x in range(size):
            px[x, y] = (120 + y * 100 // size, 160 + x * 60 // size, 230 - y * 120 // size)
    draw = ImageDraw.Draw(img)
    s = size / 320
    draw.rectangle((100 * s, 120 * s, 220 * s, 290 * s), fill=(30, 70, 160))
    draw.ellipse((100 * s, 60 * s, 220 * s, 180 * s), fill=(30, 70, 160))
    draw.ellipse((240 * s, 20 * s, 300 * s, 80 * s), fill=(250, 210, 60))
    return img


def shop_photo(size: int = 320) -> Image.Image:
    """A different picture: stripes of an awning over a dark window, light from the right."""
    img = Image.new("RGB", (size, size), (40, 40, 45))
    draw = ImageDraw.Draw(img)
    stripe = size // 8
    for i in range(8):
        colour = (200, 40, 40) if i % 2 else (245, 245, 240)
        draw.rectangle((i * stripe, 0, (i + 1) * stripe, size // 3), fill=colour)
    draw.rectangle((size // 2, size // 2, size - 10, size - 10), fill=(220, 200, 150))
    return img


def test_identical_images_hash_the_same() -> None:
    png = encode(logo(), "PNG")
    assert dhash(png) == dhash(png) == dhash(decode(png))
    assert len(dhash(png)) == 16 and int(dhash(png), 16) >= 0
    assert hamming(dhash(png), dhash(png)) == 0


def test_resized_and_reencoded_copies_stay_close() -> None:
    original = dhash(encode(logo(320), "PNG"))
    copies = {
        "jpeg q60": encode(logo(320), "JPEG", quality=60),
        "resized to 150 px": encode(logo(320).resize((150, 150), Image.Resampling.BICUBIC), "PNG"),
        "drawn at 96 px, webp": encode(logo(96), "WEBP", quality=70),
    }
    for name, data in copies.items():
        distance = hamming(original, dhash(data))
        assert distance <= 4, (name, distance)
        assert distance <= AVATAR_MAX_DISTANCE


def test_different_pictures_are_far_apart() -> None:
    a = dhash(encode(logo(), "PNG"))
    b = dhash(encode(shop_photo(), "JPEG", quality=85))
    assert hamming(a, b) > 20 > AVATAR_MAX_DISTANCE


def test_transparency_is_flattened_onto_white() -> None:
    on_white = Image.new("RGB", (200, 200), "white")
    ImageDraw.Draw(on_white).ellipse((40, 40, 160, 160), fill=(30, 70, 160))
    transparent = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(transparent).ellipse((40, 40, 160, 160), fill=(30, 70, 160, 255))
    assert hamming(dhash(encode(on_white, "PNG")), dhash(encode(transparent, "PNG"))) == 0


def test_the_demo_logos_are_real_pngs_of_the_same_picture() -> None:
    ig = decode(build.logo_png(build.IG_AVATAR_PX))
    bsky = decode(build.logo_png(build.BSKY_AVATAR_PX, build.BSKY_AVATAR_BACKGROUND))
    assert ig.size == (build.IG_AVATAR_PX,) * 2 and bsky.size == (build.BSKY_AVATAR_PX,) * 2
    assert ig.getpixel((80, 80)) == (31, 78, 160)  # the door
    assert hamming(dhash(ig), dhash(bsky)) <= AVATAR_MAX_DISTANCE


def test_what_is_not_an_image_is_refused() -> None:
    for data in (b"", b"<html>not an image</html>", encode(logo(), "PNG")[:60]):
        with pytest.raises(ImageError):
            dhash(data)
    with pytest.raises(ValueError, match="64-bit"):
        hamming("abc", "0" * 16)
