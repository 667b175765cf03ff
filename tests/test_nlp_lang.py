"""Language detection on our multilingual bios: per text, offline, with a script fallback."""

from __future__ import annotations

import pytest

from audit.nlp import detect_language
from audit.nlp.lang import detect_language_scored, dominant_script, script_language
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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (EN_BIO, "en"),
        (SL_BIO, "sl"),
        (UZ_LATIN_BIO, "uz"),
        (UZ_CYRILLIC_BIO, "uz"),
        (KK_BIO, "kk"),
        (SW_BIO, "sw"),
        (FA_BIO, "fa"),
        (ZH_BIO, "zh"),
        ("東京の家族経営のパン屋です。毎日焼きたてのパンをお届けします。", "ja"),
        ("서울의 가족 운영 베이커리. 매일 신선한 빵과 케이크.", "ko"),
        ("Best coffee in town", "en"),
        ("Najboljša kava v mestu", "sl"),
    ],
)
def test_detects_the_language_of_short_bios(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_mixed_language_profile_is_detected_per_text() -> None:
    texts = [SL_BIO, "Our sourdough is baked fresh every morning in the old town.", KK_BIO]
    assert [detect_language(t) for t in texts] == ["sl", "en", "kk"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("빵집", "ko"),
        ("パン屋", "ja"),
        ("面包店", "zh"),
        ("ўғил", "uz"),
        ("нандар", "xx"),  # Cyrillic without a telling letter: unknown, not a guess
        ("тәтті", "kk"),
        ("گل", "fa"),
    ],
)
def test_one_word_falls_back_to_the_script(text: str, lang: str) -> None:
    assert detect_language_scored(text) == (lang, 0.0)


def test_uzbek_latin_apostrophe_letters_are_recognised() -> None:
    assert script_language("O‘zbekiston") == "uz"
    assert detect_language("O‘zbekiston") == "uz"


def test_unknown_and_empty_texts_are_xx() -> None:
    assert detect_language("") == "xx"
    assert detect_language("🥐🥐 !!! 123") == "xx"
    assert detect_language("bakery") == "xx"  # too short to tell English from Norwegian


def test_english_possessive_is_not_taken_for_uzbek() -> None:
    assert script_language("the dog's bowl") == "xx"
    assert detect_language("the dog's bowl is in the kitchen by the door") == "en"


def test_dominant_script() -> None:
    assert dominant_script(FA_BIO) == "ARABIC"
    assert dominant_script(KK_BIO) == "CYRILLIC"
    assert dominant_script(ZH_BIO) == "HAN"
    assert dominant_script("123 !") == ""
