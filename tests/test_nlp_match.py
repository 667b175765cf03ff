"""keyword_in / normalize_keyword: inflection-, case- and script-aware whole-word matching."""

from __future__ import annotations

import pytest

from audit.nlp import extract_keywords, keyword_in, normalize_keyword
from tests.test_nlp_samples import EN_BIO, FA_BIO, KK_BIO, SL_BIO, UZ_LATIN_BIO, ZH_BIO


@pytest.mark.parametrize(
    ("text", "keyword", "lang"),
    [
        ("We love our local bakeries!", "bakery", None),
        ("Best BAKERY in town, fresh every day", "bakeries", "en"),
        ("Sourdough Bakeries of Ljubljana", "sourdough bakery", "en"),
        ("Družinska pekarna v Ljubljani", "pekarni", "sl"),
        ("Kupite svež kruh v naši pekarni", "Pekarna", "sl"),
        ("Svež kruh iz domače pekarne vsak dan", "pekarna", None),
        ("Toshkentdagi oilaviy novvoyxona", "Toshkent", "uz"),
        ("Har kuni yangi nonlar", "non", "uz"),
        ("Алматыдағы отбасылық наубайхана", "Алматы", "kk"),
        ("نان‌ها تازه در تهران", "نان", "fa"),
        (FA_BIO, "نانوایی", None),
        (ZH_BIO, "面包店", None),
        ("Fresh bread #VeganBakeryLjubljana", "vegan bakery", "en"),
        ("gluten free cakes to order", "gluten-free", "en"),
        ("gluten-free cakes to order", "Gluten Free", "en"),
        ("O'zbekiston non", "O‘zbekiston", "uz"),
    ],
)
def test_matches_across_inflection_case_and_spelling(
    text: str, keyword: str, lang: str | None
) -> None:
    assert keyword_in(text, keyword, lang)


@pytest.mark.parametrize(
    ("text", "keyword", "lang"),
    [
        ("A party tonight", "art", "en"),  # whole words only
        ("Bakery. Ljubljana", "bakery ljubljana", "en"),  # not across a sentence end
        ("#bakery #ljubljana", "bakery ljubljana", "en"),  # not across two hashtags
        ("Fresh bread daily", "bakery", "en"),
        ("Svež kruh", "pekarna", "sl"),
        ("", "bakery", "en"),
        ("bakery", "   ", "en"),
        (ZH_BIO, "咖啡", None),
    ],
)
def test_does_not_match(text: str, keyword: str, lang: str | None) -> None:
    assert not keyword_in(text, keyword, lang)


def test_multiword_phrase_needs_its_words_in_order() -> None:
    assert keyword_in(EN_BIO, "sourdough bakery", "en")
    assert not keyword_in(EN_BIO, "bakery sourdough", "en")


def test_normalize_keyword_is_the_comparison_form() -> None:
    assert normalize_keyword("Bakeries", "en") == normalize_keyword("bakery", "en") == "bakery"
    assert normalize_keyword("  Sourdough   BAKERIES ", "en") == "sourdough bakery"
    assert normalize_keyword("pekarni", "sl") == normalize_keyword("Pekarna", "sl")
    assert normalize_keyword("#VeganBakery", "en") == "vegan bakery"
    assert normalize_keyword("面包店", "zh") == "面包店"


def test_extracted_lemma_equals_normalized_target() -> None:
    """Checks compare Keyword.lemma with normalize_keyword(target): both must agree."""
    for text, target, lang in (
        (EN_BIO, "Sourdough", "en"),
        (SL_BIO, "pekarni", "sl"),
        (UZ_LATIN_BIO, "novvoyxona", "uz"),
        (KK_BIO, "нан", "kk"),
    ):
        lemmas = {k.lemma for k in extract_keywords(text, lang=lang, top=30)}
        assert normalize_keyword(target, lang) in lemmas


def test_lemma_from_a_table_that_lists_several_is_a_word() -> None:
    """French's lookup table maps some words to a list of lemmas; the key is one word."""
    from audit.nlp import normalize_keyword

    assert normalize_keyword("croissants", "fr") == "croissant"
    assert "[" not in normalize_keyword("croissants au beurre", "fr")
