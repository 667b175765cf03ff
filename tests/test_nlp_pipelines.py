"""spaCy pipelines: one per language, built once, blank + lookup lemmas, never downloaded."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

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


def _french_like_source() -> str:
    """The shape of French's tokenizer regex: one huge class repeated in many alternatives."""
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    prefixes = ["anti", "après", "contre"]
    return (
        "(?iu)"
        + "|".join(f"(?:^{p}[-‐][{ALPHA_LOWER}][-‐{ALPHA_LOWER}']*$)" for p in prefixes)
        + f"|(?:^[{ALPHA}]+[-‐]de[-‐][{ALPHA}]+$)"
        + "|(?P<year>(?:19|20)\\d\\d)"
    )


_WORDS = ["anti-inflammatoire", "Après-midi", "CONTRE-ATTAQUE", "pot-de-vin", "anti-", "avant"]
_WORDS += ["après-ski-été", "Saint-Étienne", "pet-de-nonne", "ΑΝΤΙ-ύλη", "anti-Ωmega", "2026"]


def _match(regex: re.Pattern[str], word: str) -> tuple[str, str | None] | None:
    m = regex.match(word)
    return None if m is None else (m.group(0), m.lastgroup)


def _same_regex(one: re.Pattern[str], other: re.Pattern[str]) -> None:
    assert one is not other
    assert (one.pattern, one.flags, one.groups, one.groupindex) == (
        other.pattern,
        other.flags,
        other.groups,
        other.groupindex,
    )
    found = [_match(one, w) for w in _WORDS]
    assert found == [_match(other, w) for w in _WORDS]
    assert any(found) and not all(found)


def test_fast_regexes_compile_the_same_regexes(cache: Path) -> None:
    from audit.nlp.regexes import LARGE_PATTERN, fast_regexes

    small, large = r"(?iu)^(?:anti|après)[-‐]\w+$|(?P<year>(?:19|20)\d\d)", _french_like_source()
    assert len(small) < LARGE_PATTERN < len(large)
    for source in (small, large):
        re.purge()
        plain = re.compile(source)
        re.purge()
        with fast_regexes():
            first = re.compile(source)  # compiled, and a large one's program stored
        re.purge()
        with fast_regexes():
            again = re.compile(source)  # a large one built from the stored program
        re.purge()
        _same_regex(first, plain)
        _same_regex(again, plain)
    stored = list((cache / "regex").glob("*.bin"))
    assert len(stored) == 1  # only the large pattern is kept


def test_a_damaged_stored_regex_is_compiled_again(cache: Path) -> None:
    from audit.nlp.regexes import fast_regexes

    source = _french_like_source()
    with fast_regexes():
        re.purge()
        re.compile(source)
    (stored,) = (cache / "regex").glob("*.bin")
    plain = re.compile(source)
    for junk in (b"", b"not marshal", marshal.dumps((0, [1, 2, 3], 0, {}, ()))):
        stored.write_bytes(junk)
        re.purge()
        with fast_regexes():
            _same_regex(re.compile(source), plain)
        assert stored.stat().st_size > 1000  # stored again, whole


def test_fast_regexes_without_a_writable_cache(unwritable_cache: Path) -> None:
    from audit.nlp.regexes import fast_regexes

    source = _french_like_source()
    re.purge()
    plain = re.compile(source)
    re.purge()
    with fast_regexes():
        _same_regex(re.compile(source), plain)


def test_french_tokenizes_as_spacy_blank_does() -> None:
    import spacy

    text = "L'anti-inflammatoire d'après-midi à Saint-Étienne, aujourd'hui : 12,50 € !"
    ours = [t.text for t in get_pipeline("fr").nlp(text)]
    assert ours == [t.text for t in spacy.blank("fr")(text)]
    assert "anti-inflammatoire" in ours and "aujourd'hui" in ours
