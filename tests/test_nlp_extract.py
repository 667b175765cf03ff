"""Keyword extraction on our own business bios: the obvious business words come out."""

from __future__ import annotations

import dataclasses

import pytest

from audit.nlp import Keyword, extract_keywords, extract_keywords_multi, split_hashtag
from tests.test_nlp_samples import (
    EN_BIO,
    FA_BIO,
    KK_BIO,
    SL_BIO,
    SW_BIO,
    UZ_CYRILLIC_BIO,
    UZ_LATIN_BIO,
    ZH_BIO,
)


def _words(keywords: list[Keyword]) -> set[str]:
    """Every word of every keyword's comparison form."""
    return {w for k in keywords for w in k.lemma.split()}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (EN_BIO, "en", {"sourdough", "bakery", "ljubljana", "bread"}),
        (SL_BIO, "sl", {"pekarna", "kruh", "ljubljana"}),  # "v Ljubljani": dictionary forms
        (UZ_LATIN_BIO, "uz", {"novvoyxona", "non", "toshkent"}),
        (UZ_CYRILLIC_BIO, "uz", {"новвойхона", "нон", "тошкент"}),
        (KK_BIO, "kk", {"наубайхана", "нан", "алма"}),  # Алматыдағы, stemmed
        (SW_BIO, "sw", {"mkate", "keki", "nairobi"}),  # "mikate" is the plural of "mkate"
        (FA_BIO, "fa", {"نانوایی", "نان", "تهران"}),
    ],
)
def test_business_words_are_extracted(text: str, lang: str, expected: set[str]) -> None:
    keywords = extract_keywords(text, bio=True)  # language detected, not given
    assert keywords
    assert {k.lang for k in keywords} == {lang}
    assert expected <= _words(keywords)


def test_english_bio_single_words_rank_high() -> None:
    texts = [k.text.casefold() for k in extract_keywords(EN_BIO, lang="en")]
    assert "sourdough" in texts
    assert "ljubljana" in texts


def test_slovenian_inflections_are_one_keyword() -> None:
    keywords = extract_keywords(SL_BIO, lang="sl", top=30)
    bakery = [k for k in keywords if k.lemma == "pekarna"]
    assert len(bakery) == 1  # "pekarna" and "pekarni" deduplicated by lemma
    assert bakery[0].text in ("pekarna", "pekarni")


def _pieces(keywords: list[Keyword]) -> list[tuple[str, str]]:
    """(piece, whole) pairs where one keyword's words are a run of another's."""
    out = []
    for a in keywords:
        for b in keywords:
            wa, wb = a.lemma.split(), b.lemma.split()
            if len(wa) < len(wb) and any(
                wb[i : i + len(wa)] == wa for i in range(len(wb) - len(wa) + 1)
            ):
                out.append((a.lemma, b.lemma))
    return out


def test_a_bio_leads_with_the_business_word_in_dictionary_form() -> None:
    keywords = extract_keywords("Pekarna z naravnim kvasom v centru Ljubljane", bio=True)
    assert keywords[0].lemma == "pekarna"
    assert keywords[0].text == "Pekarna"
    texts = [k.text.casefold() for k in keywords]
    assert "center ljubljana" in texts[:3]  # where: "v centru Ljubljane", read as a word
    assert not any("ljubljane" in t or "kvasom" in t for t in texts)


def test_read_as_a_caption_the_same_text_ranks_the_place_name_first() -> None:
    # Without bio=True nothing is assumed about the first words (tweets, captions).
    keywords = extract_keywords("Pekarna z naravnim kvasom v centru Ljubljane", lang="sl")
    assert keywords[0].lemma == "center ljubljana"


def test_pieces_of_a_phrase_do_not_crowd_a_bio_s_top_keywords() -> None:
    text = "Family-run sourdough bakery in East Austin. Fresh bread, croissants and coffee daily."
    keywords = extract_keywords(text, lang="en", bio=True)
    assert keywords[0].lemma == "family-run sourdough bakery"
    assert _pieces(keywords[:5]) == []
    assert {"east austin", "fresh bread", "croissant"} <= {k.lemma for k in keywords[:5]}
    scores = [k.score for k in keywords]
    assert scores == sorted(scores, reverse=True)


def test_multi_word_pieces_wait_behind_other_ideas_in_any_text() -> None:
    text = "Family-run sourdough bakery in East Austin. Fresh bread, croissants and coffee daily."
    lemmas = [k.lemma for k in extract_keywords(text, lang="en", top=20)]
    # ranked by score alone "family-run sourdough" came third, before "fresh bread"
    assert lemmas.index("fresh bread") < lemmas.index("family-run sourdough")
    assert "family-run sourdough" not in lemmas[:10]


def test_a_swahili_bakery_bio_yields_its_breads_and_cakes() -> None:
    text = "Duka la mikate la familia jijini Nairobi. Mkate mpya kila siku, keki na maandazi."
    keywords = extract_keywords(text, bio=True)
    assert {k.lang for k in keywords} == {"sw"}
    assert keywords[0].lemma == "duka la mkate"  # "shop of breads": the associative "la"
    words = _words(keywords)
    assert {"mkate", "keki", "nairobi"} <= words
    assert "mikate" not in words  # the plural reads as its singular
    edges = {w for k in keywords for w in (k.lemma.split()[0], k.lemma.split()[-1])}
    assert not edges & {"la", "na", "kila"}


def test_english_plurals_are_one_keyword() -> None:
    text = "Bakery in town. Our bakeries bake bread. The bakery sells breads."
    keywords = extract_keywords(text, lang="en", top=20)
    assert [k.lemma for k in keywords].count("bakery") == 1
    assert [k.lemma for k in keywords].count("bread") == 1


def test_chinese_bakery_words() -> None:
    texts = {k.text for k in extract_keywords(ZH_BIO)}
    assert {"面包", "面包店", "糕点"} <= texts
    assert all(k.lang == "zh" for k in extract_keywords(ZH_BIO))


def test_persian_right_to_left_text_keeps_its_words_and_order() -> None:
    keywords = extract_keywords(FA_BIO, lang="fa")
    texts = [k.text for k in keywords]
    assert "نانوایی خانوادگی" in texts  # two words, in reading order
    assert all("\u200f" not in t and "." not in t for t in texts)
    zwnj = extract_keywords("کافه و شیرینی\u200cپزی در تهران", lang="fa")
    assert "شیرینی\u200cپزی" in [k.text for k in zwnj]  # ZWNJ kept inside the word


def test_noise_is_removed() -> None:
    text = (
        "Fresh bread 🍞🥐 daily! Visit https://bluedoor.example.com/menu or www.bluedoor.com, "
        "mail hello@bluedoor.com, follow @bluedoor.bakery &amp; #SourdoughLove"
    )
    words = _words(extract_keywords(text, lang="en", top=30))
    assert {"bread", "sourdough", "love"} <= words
    assert not words & {"https", "www", "bluedoor", "hello", "com", "amp", "menu"}
    assert all(not any(ord(ch) > 0x2600 for ch in w) for w in words)


def test_candidates_do_not_start_or_end_with_stop_words_or_cross_punctuation() -> None:
    text = "The best bakery in the city, and the freshest bread of all. Order now!"
    for k in extract_keywords(text, lang="en", top=50):
        words = k.text.casefold().split()
        assert 1 <= len(words) <= 3
        assert words[0] not in {"the", "in", "and", "of", "now"}
        assert words[-1] not in {"the", "in", "and", "of", "now"}
        assert "," not in k.text and "." not in k.text


def test_hashtags_become_separate_phrases() -> None:
    keywords = extract_keywords("#vegan #bakery #VeganBakeryLjubljana", lang="en", top=20)
    lemmas = {k.lemma for k in keywords}
    assert "vegan bakery ljubljana" in lemmas
    assert "vegan bakery" in lemmas  # from the one hashtag that says it
    texts = [k.text for k in keywords]
    assert all("#" not in t for t in texts)


def test_keyword_value_object() -> None:
    keywords = extract_keywords(EN_BIO, lang="en", top=5)
    assert len(keywords) == 5
    assert keywords[0].score == 1.0
    assert all(0.0 < k.score <= 1.0 for k in keywords)
    assert [k.score for k in keywords] == sorted((k.score for k in keywords), reverse=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        keywords[0].score = 0.5  # type: ignore[misc]
    assert keywords[0].to_dict() == {
        "text": keywords[0].text,
        "score": keywords[0].score,
        "lemma": keywords[0].lemma,
        "lang": "en",
    }


def test_empty_and_symbol_only_texts_give_nothing() -> None:
    assert extract_keywords("") == []
    assert extract_keywords("🥐🥐🥐 !!! https://example.com") == []


def test_multi_merges_a_brand_s_texts_across_languages() -> None:
    texts = [
        SL_BIO,
        "Our sourdough is baked fresh every morning in Ljubljana.",
        "Sourdough croissants today! #sourdough",
        "#kruh",  # too short to detect: borrows the main Latin-script language
    ]
    keywords = extract_keywords_multi(texts, top=15)
    langs = {k.lang for k in keywords}
    assert langs == {"sl", "en"}
    words = _words(keywords)
    assert {"pekarna", "kruh", "sourdough"} <= words
    assert len({k.lemma for k in keywords}) == len(keywords)
    assert keywords[0].score == max(k.score for k in keywords)


def test_multi_of_nothing() -> None:
    assert extract_keywords_multi([]) == []
    assert extract_keywords_multi(["", "   "]) == []


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("#VeganBakeryLjubljana", ["vegan", "bakery", "ljubljana"]),
        ("VeganBakeryLjubljana", ["vegan", "bakery", "ljubljana"]),
        ("#NYCBakery", ["nyc", "bakery"]),
        ("#sourdough2024", ["sourdough", "2024"]),
        ("#vegan_bakery", ["vegan", "bakery"]),
        ("#sourdough", ["sourdough"]),
        ("#нан_тапсырыс", ["нан", "тапсырыс"]),
        ("#НоввойхонаТошкент", ["новвойхона", "тошкент"]),
        ("#شیرینی\u200cپزی_تهران", ["شیرینی\u200cپزی", "تهران"]),
        ("#面包店", ["面包店"]),
        ("#", []),
    ],
)
def test_split_hashtag(tag: str, words: list[str]) -> None:
    assert split_hashtag(tag) == words


def test_entities_from_a_pipeline_that_has_them_are_preferred() -> None:
    """With a trained pipeline (here: spaCy's rule-based entity ruler) whole entities and
    noun chunks rank higher than the same n-gram does from a blank pipeline."""
    import spacy

    from audit.nlp.extract import _keywords_from_doc
    from audit.nlp.pipelines import Pipeline

    text = (
        "Sourdough bread, croissants and cinnamon buns baked every morning. "
        "Sourdough classes on Saturdays. Find us in the old town."
    )
    annotated = spacy.blank("en")
    ruler = annotated.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "LOC", "pattern": "old town"}])  # type: ignore[attr-defined]
    pipe = Pipeline(lang="en", nlp=annotated, stop_words=frozenset(annotated.Defaults.stop_words))

    def rank_of(doc: object) -> int:
        texts = [k.text for k in _keywords_from_doc(doc, pipe, 30)]  # type: ignore[arg-type]
        return texts.index("old town")

    assert rank_of(annotated(text)) < rank_of(spacy.blank("en")(text))
