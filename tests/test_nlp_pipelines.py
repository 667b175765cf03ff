"""spaCy pipelines: one per language, built once, blank + lookup lemmas, never downloaded."""

from __future__ import annotations

from audit.nlp import get_pipeline
from audit.nlp.pipelines import normalize_lang


def test_same_object_every_time() -> None:
    assert get_pipeline("en") is get_pipeline("en")
    assert get_pipeline("en-GB") is get_pipeline("en")
    assert get_pipeline(None) is get_pipeline("xx")


def test_english_has_lookup_lemmas_and_spacy_stop_words() -> None:
    pipe = get_pipeline("en")
    assert pipe.nlp.lang == "en"
    assert pipe.lemma_table is not None
    assert pipe.key("Bakeries") == "bakery"
    assert pipe.is_stop("the")
    assert not pipe.is_stop("bakery")


def test_languages_without_a_spacy_class_use_xx_with_our_stop_words() -> None:
    for lang, stop in (("uz", "va"), ("kk", "және"), ("sw", "kwa")):
        pipe = get_pipeline(lang)
        assert pipe.lang == lang
        assert pipe.nlp.lang == "xx"
        assert pipe.is_stop(stop)


def test_slovenian_and_persian_have_spacy_stop_words_and_a_stemmer() -> None:
    sl = get_pipeline("sl")
    assert sl.nlp.lang == "sl"
    assert sl.is_stop("in")
    assert sl.lemma_table is None  # spacy-lookups-data has no Slovenian table
    assert sl.key("Pekarni") == sl.key("pekarna")
    fa = get_pipeline("fa")
    assert fa.is_stop("و")
    assert fa.key("نان\u200cها") == fa.key("نان")


def test_slovenian_keys_are_dictionary_words() -> None:
    sl = get_pipeline("sl")
    assert sl.key("Ljubljane") == sl.key("Ljubljani") == "ljubljana"
    assert sl.key("centru") == "center"  # a stem alternation no suffix list can undo
    assert sl.key("kruha") == sl.key("kruh") == "kruh"
    for word in ("pečemo", "Pekarni", "naravnim"):
        assert sl.key(sl.key(word)) == sl.key(word)  # a target written as the lemma matches


def test_swahili_has_stop_words_and_a_light_stemmer() -> None:
    sw = get_pipeline("sw")
    assert sw.is_stop("la") and sw.is_stop("kila") and sw.is_stop("karibu")
    assert sw.key("mikate") == sw.key("Mkate") == "mkate"  # class 4 plural -> singular
    assert sw.key("vyakula") == "chakula"
    assert sw.key("jijini") == "jiji"  # locative -ni
    assert sw.key("kampuni") == "kampuni"  # ends in -ni, but is no locative
    assert sw.key("maziwa") == "maziwa"  # class 6 is left alone


def test_chinese_without_a_segmenter_tokenizes_characters() -> None:
    pipe = get_pipeline("zh")
    doc = next(iter(pipe.docs(["面包店"])))
    assert pipe.char_tokens == (len(doc) == 3)


def test_batching_through_nlp_pipe() -> None:
    pipe = get_pipeline("sl")
    docs = list(pipe.docs(["Svež kruh.", "Domače pecivo."]))
    assert [d.text for d in docs] == ["Svež kruh.", "Domače pecivo."]


def test_normalize_lang() -> None:
    assert normalize_lang("pt-BR") == "pt"
    assert normalize_lang("ZH_Hans") == "zh"
    assert normalize_lang("") == "xx"


def test_shared_charsets_compile_the_same_regexes() -> None:
    import re

    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    from audit.nlp.charsets import shared_charsets

    # The shape of French's tokenizer regex: one huge class repeated in many alternatives.
    source = (
        "(?iu)"
        + "|".join(
            f"(?:^{p}[-‐][{ALPHA_LOWER}][-‐{ALPHA_LOWER}']*$)" for p in ("anti", "après", "contre")
        )
        + f"|(?:^[{ALPHA}]+[-‐]de[-‐][{ALPHA}]+$)"
    )
    words = ["anti-inflammatoire", "Après-midi", "CONTRE-ATTAQUE", "pot-de-vin", "anti-", "avant"]
    words += ["après-ski-été", "Saint-Étienne", "pet-de-nonne", "ΑΝΤΙ-ύλη", "anti-Ωmega"]
    re.purge()
    plain = re.compile(source)
    re.purge()
    with shared_charsets():
        shared = re.compile(source)
    re.purge()
    assert shared is not plain
    assert [bool(shared.match(w)) for w in words] == [bool(plain.match(w)) for w in words]
    assert any(plain.match(w) for w in words) and not all(plain.match(w) for w in words)


def test_french_tokenizes_as_spacy_blank_does() -> None:
    import spacy

    text = "L'anti-inflammatoire d'après-midi à Saint-Étienne, aujourd'hui : 12,50 € !"
    ours = [t.text for t in get_pipeline("fr").nlp(text)]
    assert ours == [t.text for t in spacy.blank("fr")(text)]
    assert "anti-inflammatoire" in ours and "aujourd'hui" in ours
