"""Google Business Profile: capture plan, and extraction from Maps' positional place data.

Real captures (../shared/realdata/google_business, skipped when absent): a rendered place page
(APP_INITIALIZATION_STATE), a raw place array and a search-results payload. Our invented bakery
(tests/fixtures/google_business) covers what they lack: every field filled in (website,
international phone, photo, "From the business" description), the same place inside a page,
a layout whose fields moved (found by shape), a page with meta tags only, and the EU consent
interstitial.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from audit.documents import Document, load_file
from audit.model import Outcome, Platform, Profile, ProfileRef
from audit.platforms import REGISTRY
from audit.platforms.base import ExtractContext
from audit.platforms.google_business import SPEC, capture_plan, extract, profile_url
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "google_business"
CAPTURED = datetime(2025, 1, 10, 9, 0, tzinfo=timezone.utc)
CTX = ExtractContext(captured_at=CAPTURED)
BAKERY = "Blue Door Bakery"


def ref(handle: str) -> ProfileRef:
    return ProfileRef(platform=Platform.GOOGLE_BUSINESS, handle=handle, url=profile_url(handle))


def ctx_for(handle: str) -> ExtractContext:
    return ExtractContext(captured_at=CAPTURED, ref=ref(handle))


def fixture(name: str) -> list[Document]:
    return load_file(FIXTURES / name)


def real(name: str) -> list[Document]:
    return load_file(realdata("google_business", name))


def link_domains(profile: Profile) -> list[str]:
    return [urlsplit(link.url).hostname or "" for link in profile.links]


# --------------------------------------------------------------------------- capture plan


def test_capture_plan_loads_the_maps_place_page_in_english() -> None:
    plan = capture_plan(ref(BAKERY))
    (step,) = plan.steps
    assert step.action == "goto"
    assert step.url == "https://www.google.com/maps/place/Blue+Door+Bakery/?hl=en"
    assert step.wait_for == "h1"
    assert plan.follow is None
    (by_cid,) = capture_plan(ref("cid:123456")).steps
    assert by_cid.url == "https://www.google.com/maps?cid=123456&hl=en"


def test_spec_is_wired_into_the_registry() -> None:
    spec = REGISTRY[Platform.GOOGLE_BUSINESS]
    assert spec is SPEC
    assert spec.capture_plan is capture_plan
    assert spec.extract is extract


# ------------------------------------------------------------- invented bakery fixtures


def assert_bakery(profile: Profile) -> None:
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == BAKERY
    assert profile.display_name == BAKERY
    assert profile.category == "Bakery"
    assert profile.bio is not None
    assert profile.bio.startswith("Sourdough bread, kifeljci and potica")
    assert link_domains(profile) == ["bluedoor.example"]
    assert profile.contact is not None and profile.contact.phone == "+386 1 234 5678"
    place = profile.location
    assert place is not None
    assert place.name == BAKERY
    assert place.address == "Trubarjeva cesta 12, 1000 Ljubljana, Slovenia"
    assert (place.city, place.country) == ("Ljubljana", "SI")
    assert (place.lat, place.lon) == (46.0521339, 14.5082546)
    assert profile.avatar is not None
    assert (profile.avatar.width, profile.avatar.height) == (3024, 3024)  # the original size
    assert profile.is_business is True
    assert profile.posts == []
    assert set(profile.not_observed) == {
        "posts",
        "alt_text",
        "geotags",
        "review_replies",  # rating and count, but no individual reviews in this place
        "review_dates",
    }
    assert profile.reviews is not None
    assert (profile.reviews.rating, profile.reviews.count) == (4.8, 87)
    assert profile.url is not None and "0x476532f5d1a2b3c4:0x9a8b7c6d5e4f3a2b" in profile.url


def test_place_data_array_gives_every_field() -> None:
    profile = extract(fixture("place_data_blue_door_bakery.json"), CTX)
    assert_bakery(profile)
    assert profile.sources["bio"].endswith("$[6][154][0][0]")
    assert profile.sources["contact"].endswith("$[6][178][0][1][international]")


def test_place_page_reads_the_guarded_array_in_its_initialization_state() -> None:
    profile = extract(fixture("place_page_blue_door_bakery.html"), ctx_for(BAKERY))
    assert_bakery(profile)
    assert profile.sources["display_name"].endswith("APP_INITIALIZATION_STATE[3][6][6][11]")
    assert profile.capture.warnings == []


def test_moved_fields_are_found_by_their_shape() -> None:
    profile = extract(fixture("place_data_shifted_layout.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == BAKERY
    assert link_domains(profile) == ["bluedoor.example"]
    assert profile.sources["links"].endswith("$[4][1][3][0]")
    assert profile.location is not None
    assert (profile.location.lat, profile.location.lon) == (46.0521339, 14.5082546)
    assert profile.contact is not None and profile.contact.phone == "+386 1 234 5678"
    assert profile.sources["contact"].endswith("[44][0][1][international]")
    assert "bio" in profile.not_observed and "avatar" in profile.not_observed
    assert any("not where Maps kept it" in w for w in profile.capture.warnings)


def test_meta_tags_are_the_last_layer() -> None:
    profile = extract(fixture("place_page_meta_only.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == BAKERY
    assert profile.category == "Bakery"  # '★★★★★ · Bakery'
    assert profile.location is not None
    assert profile.location.address == "Trubarjeva cesta 12, 1000 Ljubljana"
    assert profile.avatar is not None and profile.avatar.width == 256
    assert profile.bio is None
    assert {"bio", "links", "contact", "posts"} <= set(profile.not_observed)


def test_consent_interstitial_is_blocked_with_its_reason() -> None:
    (page,) = fixture("consent_interstitial.html")
    doc = Document(
        text=page.text,
        kind="html",
        url="https://consent.google.com/ml?continue=https://www.google.com/maps/place/x",
        status=200,
    )
    for docs in ([page], [doc]):
        profile = extract(docs, ctx_for(BAKERY))
        assert profile.capture.outcome is Outcome.BLOCKED
        assert "consent.google.com" in (profile.capture.reason or "")
        assert profile.handle == BAKERY


def test_unusual_traffic_page_is_blocked() -> None:
    doc = Document(
        text="<html><body>Our systems have detected unusual traffic from your computer "
        "network.</body></html>",
        kind="html",
        url="https://www.google.com/sorry/index?continue=x",
    )
    assert extract([doc], CTX).capture.outcome is Outcome.BLOCKED


@pytest.mark.parametrize(
    "doc",
    [
        Document(text="", kind="html", path="empty.html"),
        Document(text=")]}'\n[null, [1, 2", kind="text", path="cut.txt"),
        Document(text='{"data": {"user": {"username": "x"}}}', kind="json", path="ig.json"),
        Document(text="[[1, 2], [3]]", kind="json", path="small.json"),
        Document(text="<html><head><title>Threads</title></head></html>", kind="html"),
    ],
)
def test_junk_wrong_platform_or_truncated_input_gives_an_error_outcome(doc: Document) -> None:
    profile = extract([doc], CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "no Google Maps place data found in the documents"


# ------------------------------------------------------------------------ real captures


def test_real_place_page_tipsy_sticks() -> None:
    profile = extract(real("gosom_gmaps_place_page_TipsySticks.html"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.handle == "Tipsy Sticks"
    assert profile.display_name == "Tipsy Sticks"
    assert profile.category == "Restaurant"  # categories: Restaurant, Bar
    assert profile.bio == "Fusion Souvlaki Bar"  # "From the business"
    assert link_domains(profile) == ["www.thetipsysticks.com"]
    assert profile.contact is not None and profile.contact.phone == "+357 22 783333"
    place = profile.location
    assert place is not None
    assert place.address == "Stasandrou 10, Nicosia 1060"
    assert (place.city, place.country) == ("Nicosia", "CY")
    assert (place.lat, place.lon) == (35.1673191, 33.3635318)
    assert profile.avatar is not None
    assert profile.avatar.url is not None
    assert "AF1QipOZO3Xdn7u2Ix0bLAm6GgKza5llkI7SdwVWiY4p" in profile.avatar.url
    assert (profile.avatar.width, profile.avatar.height) == (4000, 3000)
    assert profile.posts == []
    assert "posts" in profile.not_observed


def test_real_raw_place_data_kipriakon() -> None:
    profile = extract(real("gosom_gmaps_place_raw_Kipriakon_Limassol_2023-09.json"), CTX)
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == "Kipriakon"
    assert profile.category == "Restaurant"
    assert profile.links == []  # no website on this listing
    assert profile.bio is None  # the full layout, and no description written
    assert "bio" not in profile.not_observed
    assert profile.contact is not None and profile.contact.phone == "+357 25 101555"
    place = profile.location
    assert place is not None
    assert place.address == "Old port, Limassol 3042"
    assert (place.city, place.country) == ("Limassol", "CY")
    assert (place.lat, place.lon) == (34.670595399999996, 33.042456699999995)
    assert profile.avatar is not None and profile.avatar.width == 2048


def test_real_search_results_decline_without_a_place_name() -> None:
    profile = extract(real("gosom_gmaps_search_coffee_results_2024-12.json"), CTX)
    assert profile.capture.outcome is Outcome.ERROR
    assert profile.capture.reason == "search results list several places; name the one to audit"
    assert any("search results list 20 places" in w for w in profile.capture.warnings)


def test_real_search_results_pick_the_named_place() -> None:
    profile = extract(
        real("gosom_gmaps_search_coffee_results_2024-12.json"), ctx_for("race coffee")
    )
    assert profile.capture.outcome is Outcome.OK
    assert profile.display_name == "Race Coffee"
    assert profile.category == "Coffee shop"
    assert link_domains(profile) == ["www.racecoffee.gr"]
    assert profile.contact is not None and profile.contact.phone == "+30 21 0261 7763"
    assert profile.location is not None
    assert profile.location.address == "Kon/nou Tsaldari 2, Ilion 131 23, Greece"
    assert (profile.location.city, profile.location.country) == ("Ilion", "GR")
    assert profile.not_observed["bio"] == "Maps search results carry no business description"
    assert "avatar" in profile.not_observed


def test_real_search_results_read_greek_names() -> None:
    profile = extract(
        real("gosom_gmaps_search_coffee_results_2024-12.json"), ctx_for("Coffee Berry Ίλιον")
    )
    assert profile.display_name == "Coffee Berry Ίλιον"
    assert profile.location is not None
    assert profile.location.address == "Thivon 479, Ilion 131 21, Greece"
