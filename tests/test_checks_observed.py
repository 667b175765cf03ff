"""Fields an input cannot show (`Profile.not_observed`) make checks `na` with the reason,
never a fail: findable's blind spot must not count against the brand."""

from __future__ import annotations

import pytest

from audit.model import Link, Platform
from audit.result import Status
from checks import REGISTRY, Check, cadence
from checks import links as lnk
from checks import local as geo
from checks import profile as pro
from checks.base import not_observed
from tests.checks_kit import assert_result, make_ctx, make_profile, post

GATED = [c for c in REGISTRY if c.meta.needs]


@pytest.mark.parametrize("check", GATED, ids=lambda c: c.meta.id)
def test_each_needed_field_gates_its_check(check: Check) -> None:
    for need in check.meta.needs:
        p = make_profile(Platform.FACEBOOK, not_observed={need: f"the input hides {need}"})
        r = check(p, make_ctx(Platform.FACEBOOK, keywords=["bakery"], local=True))
        assert_result(r, Status.NA, None, f"Not observable from this input: the input hides {need}")


def test_the_gated_families() -> None:
    needs = {c.meta.id: c.meta.needs for c in GATED}
    assert needs["ALT001"] == ("posts", "alt_text")
    assert needs["BIO001"] == ("bio",)
    assert needs["GEO002"] == ("posts", "geotags")
    # CAD001 judges a listed post recent enough by itself; frequency and regularity need the
    # whole timeline (not X's Media tab alone, not YouTube's long-form tab beside Shorts).
    assert needs["CAD001"] == ("posts",)
    assert all(needs[f"CAD00{i}"] == ("posts", "timeline") for i in range(2, 5))


def test_geotags_key_reads_its_reason() -> None:
    p = make_profile(not_observed={"geotags": "pins carry no location tag"})
    assert (
        not_observed(p, "geotags") == "Not observable from this input: pins carry no location tag."
    )


def test_contact_unobserved_is_na_unless_the_bio_shows_a_route() -> None:
    hidden = {"contact": "the About panel was not captured"}
    r = pro.contact_missing(make_profile(not_observed=hidden), make_ctx())
    assert_result(r, Status.NA, None, "About panel")
    p = make_profile(bio="hello@bluedoor.com", not_observed=hidden)
    assert_result(pro.contact_missing(p, make_ctx()), Status.PASS, 1.0, "email in bio")


def test_location_unobserved_is_na_unless_the_bio_shows_a_place() -> None:
    hidden = {"location": "TikTok profiles have no public location field"}
    p = make_profile(Platform.TIKTOK, bio="Sourdough bakery", not_observed=hidden)
    r = geo.location_not_public(p, make_ctx(Platform.TIKTOK, local=True))
    assert_result(r, Status.NA, None, "no public location field")
    p = make_profile(Platform.TIKTOK, bio="Sourdough bakery\n📍 Austin", not_observed=hidden)
    assert_result(geo.location_not_public(p, make_ctx(Platform.TIKTOK)), Status.PASS, 1.0)


def test_location_inconsistent_names_what_could_not_be_seen() -> None:
    p = make_profile(not_observed={"geotags": "the Graph API carries no location"})
    r = geo.location_inconsistent(p, make_ctx(location="Austin"))
    assert_result(r, Status.NA, None, "Graph API carries no location")


def test_links_unobserved_is_na_unless_the_bio_has_a_url() -> None:
    hidden = {"links": "websites are written in the bio, which was not captured"}
    p = make_profile(Platform.BLUESKY, not_observed=hidden)
    ctx = make_ctx(Platform.BLUESKY)
    for c in (
        lnk.website_link_missing,
        lnk.website_link_not_https,
        lnk.link_not_tracked,
        lnk.link_aggregator_without_context,
    ):
        assert_result(c(p, ctx), Status.NA, None, "not captured")
    seen = make_profile(links=[Link(url="https://bluedoor.com")], not_observed=hidden)
    assert_result(lnk.website_link_missing(seen, make_ctx()), Status.PASS, 1.0)


def test_observed_empty_is_still_judged() -> None:
    """An input that could show posts and found none is not the same as one that could not."""
    p = make_profile(posts=[post(1, 45, "x")], not_observed={"alt_text": "no alt here"})
    assert_result(cadence.dormant_profile(p, make_ctx()), Status.FAIL, 0.0, "45 days ago")
