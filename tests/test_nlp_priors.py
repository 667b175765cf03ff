"""Language with priors: a short text is read in one of the languages its author writes in."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from audit.brandfile import load_brand
from audit.discover import carries, profile_languages
from audit.documents import Document, load_file
from audit.engine import audit
from audit.errors import InputError
from audit.model import Brand
from audit.nlp import detect_language, text_languages
from audit.platforms import bluesky, mastodon
from audit.platforms.base import ExtractContext
from tests.checks_kit import NOW, make_profile, post
from tests.test_platform_mastodon import bakery_docs as mastodon_docs
from tests.test_platform_mastodon import ctx as mastodon_ctx

FIXTURES = Path(__file__).parent / "fixtures"

SLOVENIAN_BAKERY = [
    "Pekarna z naravnim kvasom v centru Ljubljane. Naročila sprejemamo do petka.",
    "Svež kruh vsak dan iz krušne peči, odprto tudi v nedeljo.",
    "Najboljši burek v mestu, pečen vsako jutro ob šestih.",
    "Danes pečemo rženi kruh s semeni in domače pecivo.",
    "Nova moka iz mlina v Prekmurju, hvala vsem, ki pečete z nami!",
]
# Short captions a detector alone reads as Croatian and French.
SHORT_SLOVENIAN = "Topli rogljički s čokolado"
SHORT_ENGLISH = "Croissants and coffee"


def slovenian_profile(*extra: str) -> object:
    captions = [*SLOVENIAN_BAKERY[1:], *extra]
    return make_profile(
        bio=SLOVENIAN_BAKERY[0],
        posts=[post(i, i, c) for i, c in enumerate(captions)],
    )


def test_a_short_slovenian_caption_on_a_slovenian_profile_is_slovenian() -> None:
    profile = slovenian_profile(SHORT_SLOVENIAN)
    langs = profile_languages(profile)  # type: ignore[arg-type]
    assert langs == ("sl",)
    assert detect_language(SHORT_SLOVENIAN, langs) == "sl"


def test_priors_cover_every_language_the_profile_writes_in() -> None:
    english = [
        "Our sourdough starter is ten years old and still hungry every morning.",
        "Behind the counter: meet Maja, our head baker, who starts at four every day.",
        "Workshop: bake your first sourdough loaf with us, twelve places, link in bio.",
    ]
    profile = slovenian_profile(*english, SHORT_ENGLISH)
    langs = profile_languages(profile)  # type: ignore[arg-type]
    assert set(langs) == {"sl", "en"}
    assert detect_language(SHORT_ENGLISH, langs) == "en"
    assert detect_language(SHORT_SLOVENIAN, langs) == "sl"


def test_a_text_confidently_in_another_language_keeps_it() -> None:
    german = "Frische Brötchen jeden Morgen aus dem Holzofen, auch am Sonntag geöffnet."
    assert detect_language(german, ("sl", "en")) == "de"
    # No prior fits the script: Cyrillic is not read as Slovenian or English.
    assert detect_language("Свежий хлеб каждый день", ("sl", "en")) == "ru"
    # Letters only one language has beat the priors too.
    assert detect_language("Non va sut", ("en",)) == detect_language("Non va sut")


def test_text_languages_counts_declared_languages_and_keeps_given_ones() -> None:
    assert text_languages(SLOVENIAN_BAKERY) == ("sl",)
    # Declared post languages are votes: three English-declared posts make English one.
    assert text_languages(SLOVENIAN_BAKERY, declared=["en", "en-GB", "EN"]) == ("sl", "en")
    assert text_languages(SLOVENIAN_BAKERY, given=["de-AT"]) == ("sl", "de")
    assert text_languages([], given=["sl"]) == ("sl",)
    assert text_languages(["", "  "]) == ()


def test_an_inflected_keyword_is_found_in_a_short_caption_read_with_priors() -> None:
    profile = slovenian_profile("Rogljički s čokolado")
    langs = profile_languages(profile)  # type: ignore[arg-type]
    assert carries("Rogljički s čokolado", "rogljiček", langs) == carries(
        "Rogljički s čokolado", "rogljiček", "sl"
    )


def test_the_audit_reports_each_profiles_languages() -> None:
    profile = slovenian_profile(SHORT_SLOVENIAN)
    brand = Brand(name="Modra Vrata", keywords=["kruh"], languages=["sl", "en-US"])
    result = audit([profile], brand, tool_version="test", generated_at=NOW)  # type: ignore[list-item]
    assert result.profiles[0].languages == ["sl", "en"]
    data = json.loads(result.model_dump_json())
    assert data["profiles"][0]["languages"] == ["sl", "en"]
    walled = make_profile(handle="walled")
    walled.capture.outcome = walled.capture.outcome.LOGIN_WALL
    assert audit([walled], brand, tool_version="t", generated_at=NOW).profiles[0].languages == []


def test_brand_file_languages_are_normalized_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "findable.toml"
    path.write_text('name = "X"\nlanguages = ["sl", "EN", "pt-BR", "sl"]\n', encoding="utf-8")
    assert load_brand(path).languages == ["sl", "en", "pt"]
    path.write_text('languages = ["slovenian words"]\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_brand(path)
    assert "languages" in str(exc.value) and "ISO 639-1" in str(exc.value)


def test_bluesky_and_mastodon_read_the_declared_post_language() -> None:
    folder = FIXTURES / "bluesky"
    feed = json.loads((folder / "getAuthorFeed_cajnica-zarja.json").read_text(encoding="utf-8"))
    declared = ["sl", "en-US"]
    for i, item in enumerate(feed["feed"]):
        item["post"]["record"]["langs"] = [declared[i % 2]]
    docs = [
        *load_file(folder / "getProfile_cajnica-zarja.json"),
        Document(text=json.dumps(feed), kind="json", url=None),
    ]
    when = datetime(2026, 3, 20, tzinfo=timezone.utc)
    profile = bluesky.extract(docs, ExtractContext(captured_at=when))
    assert profile.posts and {p.lang for p in profile.posts} == {"sl", "en"}

    m = mastodon.extract(mastodon_docs(), mastodon_ctx("bluedoor@mastodon.social"))
    # The newest status is Slovenian; a boost carries the boosted status's language.
    assert [p.lang for p in m.posts] == ["sl", "en", "sl", "en", "en"]
