"""Alt-text classification: platform-generated text must not pass for the owner's own words,
and the owner's own words must not be mistaken for generated text, in any language."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from audit.alttext import auto_rule, classify_alt
from audit.platforms.base import walk
from tests.realdata import python_literal_json, realdata


@pytest.mark.parametrize("text", [None, "", "   ", "\n\t"])
def test_empty_alt_is_missing(text: str | None) -> None:
    assert classify_alt(text) == "missing"
    assert classify_alt(text, platform_auto=True) == "missing"


@pytest.mark.parametrize(
    "text",
    [
        # Instagram's generated sentence, in each shape it takes (names invented)
        "Photo by Pekarna Sonček on March 16, 2025.",
        "Photo by tanshio on November 25, 2017.",
        "Video by Pekarna Sonček on March 3, 2025.",
        "Photo shared by Zlata Nit on February 08, 2025 tagging @pekarna.soncek.",
        "Photo shared by Zlata Nit on February 07, 2025 tagging @a.b, @c_d, and @e.",
        "Photo by Pekarna Sonček on March 16, 2025. May be an image of croissant and text.",
        "Photo by Pekarna Sonček in Ljubljana, Slovenia.",
        "Photo by Pekarna Sonček | Kruh & pecivo in Piran. May be an image of 2 people.",
        "Photo by Ana Novak in Piran with @ana.peka, and @sonce. May be an image of bread.",
        "Photo by KRAS 🇸🇮 in Koper, Slovenia. with @obala. May be an image of boat and text.",
        "Photo by Ana N. • Baker in Ljubljana on August 23, 2024.",
        "Photo by Pekarna Sonček on March 16, 2025. Image may contain: food",
    ],
)
def test_instagram_generated_sentences_are_auto(text: str) -> None:
    assert classify_alt(text) == "auto"
    assert auto_rule(text) == "instagram-photo-by"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("May be an image of bread and text that says 'POTICA'.", "meta-may-be"),
        ("may be a closeup of croissant", "meta-may-be"),
        ("Image may contain: food", "meta-image-may-contain"),
        ("Puede ser una imagen de pan y texto", "meta-may-be-localized"),
        ("Pode ser uma imagem de 2 pessoas", "meta-may-be-localized"),
        ("Peut être une image de texte", "meta-may-be-localized"),
        ("Potrebbe essere un'immagine raffigurante cibo", "meta-may-be-localized"),
        ("IMG_2041.JPG", "filename"),
        ("photo 3", "placeholder"),
        ("image", "placeholder"),
    ],
)
def test_other_generated_and_placeholder_texts_are_auto(text: str, rule: str) -> None:
    assert classify_alt(text) == "auto"
    assert auto_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "No photo description available.",  # Facebook, when its own description found nothing
        "No alternative text description for this image",  # LinkedIn, for any image without
        "  no alternative text description for this image ",
    ],
)
def test_a_platforms_stand_in_for_no_alt_text_is_missing(text: str) -> None:
    """LinkedIn writes 'No alternative text description for this image' on every image whose
    author wrote none: the image has no alt text, not an automatic one (a real LinkedIn page
    was told '2 have only LinkedIn's automatic text' and 'All alt text is automatic')."""
    assert classify_alt(text) == "missing"
    assert auto_rule(text) == "meta-no-description"  # evidence still says which rule


@pytest.mark.parametrize(
    "text",
    [
        # the owner's sentences that merely start like Instagram's
        "Photo by our baker Ana of fresh bread",
        "Photo by Ana on the beach",
        "Photo by Ana in the bakery, showing the sourdough crumb.",
        "Photo by Ana on our terrace in Piran.",
        "Photo by Ana of fresh bread in Ljubljana.",
        "photo by ana on March 3, 2025.",  # Instagram always capitalises
        "Photo by Ana on May 3, showing our first loaf",  # no year: not Instagram's date
        "Photo by Ana on March 3, 2025.\nOur new oven, fired for the first time.",
        "Photos of our new oven",
        "Image of a loaf on a wooden board",
        # custom alt text in other languages and scripts
        "Hlebec pirinega kruha z drožmi na leseni deski",
        "Frisches Brot auf einem Holzbrett, daneben ein Messer",
        "Свежий хлеб на деревянной доске",
        "Жаңа піскен нан ағаш тақтада",
        "نان تازه روی میز چوبی",
        "Mkate mpya kwenye meza ya mbao",
        "Yangi pishgan non yog'och taxtada",
        "木の板の上の焼きたてのパン",
    ],
)
def test_owner_written_text_is_custom(text: str) -> None:
    assert classify_alt(text) == "custom"
    assert auto_rule(text) is None


def test_platform_auto_flag_overrides_the_text() -> None:
    assert classify_alt("Three loaves on a rack", platform_auto=True) == "auto"


def test_real_instagram_accessibility_captions_are_all_auto() -> None:
    """A 2025 shortcode_media response: the post and 80 related profiles' recent posts; the
    71 captions Instagram filled in are all its generated sentence, in every shape."""
    path = realdata("instagram", "ig_post_graphql_shortcode_media_DFp17y5MymE_2025-02.pydict.txt")
    data = json.loads(python_literal_json(path))
    captions = [
        node["accessibility_caption"]
        for node in walk(data)
        if isinstance(node, dict) and "accessibility_caption" in node
    ]
    assert len(captions) == 241
    assert Counter(classify_alt(c) for c in captions) == {"missing": 170, "auto": 71}
    assert {auto_rule(c) for c in captions if c} == {"instagram-photo-by"}
