"""Reviews (REV...): read from Google Maps place data, judged by REV001-REV004.

Real captures (../shared/realdata/google_business, skipped when absent) hold the signal in two
Maps layouts: Kipriakon (4.2 from 396 reviews; eight reviews shown with their times and the
owner's reply slots, none answered) and Tipsy Sticks (4.7 from 20; the older snippet layout
without replies). Our invented bakery adds a place whose owner answered two of four reviews.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from audit.documents import Document, load_file
from audit.model import Platform, Profile, ProfileRef, Reviews
from audit.platforms.base import ExtractContext
from audit.platforms.google_business import extract, profile_url
from audit.result import CheckResult, Status
from checks.reviews import (
    review_count_low,
    review_rating_low,
    review_replies_missing,
    reviews_stale,
)
from tests.checks_kit import NOW, assert_result, make_ctx, make_profile
from tests.realdata import realdata

FIXTURES = Path(__file__).parent / "fixtures" / "google_business"
CAPTURED = datetime(2025, 1, 10, 9, 0, tzinfo=timezone.utc)
GB = Platform.GOOGLE_BUSINESS


def real(name: str) -> list[Document]:
    return load_file(realdata("google_business", name))


def run_all(profile: Profile, now: datetime = NOW) -> dict[str, CheckResult]:
    ctx = make_ctx(GB, now=now)
    return {
        c.meta.id: c(profile, ctx)
        for c in (review_count_low, review_rating_low, review_replies_missing, reviews_stale)
    }


# --------------------------------------------------------------------------- extraction


def test_real_kipriakon_rating_count_and_unanswered_reviews() -> None:
    captured = datetime(2023, 9, 5, tzinfo=timezone.utc)
    profile = extract(
        real("gosom_gmaps_place_raw_Kipriakon_Limassol_2023-09.json"),
        ExtractContext(captured_at=captured),
    )
    reviews = profile.reviews
    assert reviews is not None
    assert (reviews.rating, reviews.count, reviews.sampled) == (4.2, 396, 8)
    assert reviews.replied_share == 0.0  # reply slots present, no reply written
    assert reviews.newest_at is not None and reviews.newest_at.date().isoformat() == "2023-08-26"
    assert profile.sources["reviews"].count("[4][7]") == 1
    results = run_all(profile, now=captured)
    assert_result(results["REV001"], Status.PASS, 1.0, "396 reviews")
    assert_result(results["REV002"], Status.PASS, 1.0, "4.2")
    assert_result(results["REV003"], Status.FAIL, 0.0, "0% of the 8 reviews shown")
    assert_result(results["REV004"], Status.PASS, 1.0, "9 days old")


def test_real_tipsy_sticks_snippets_show_no_replies() -> None:
    captured = datetime(2023, 4, 22, tzinfo=timezone.utc)
    profile = extract(
        real("gosom_gmaps_place_page_TipsySticks.html"), ExtractContext(captured_at=captured)
    )
    reviews = profile.reviews
    assert reviews is not None
    assert (reviews.rating, reviews.count) == (4.7, 20)
    assert reviews.replied_share is None
    assert "owner's replies" in profile.not_observed["review_replies"]
    results = run_all(profile, now=captured)
    assert_result(results["REV001"], Status.PASS, 1.0, "20 reviews")
    assert_result(results["REV003"], Status.NA, None, "Not observable", "owner's replies")
    assert_result(results["REV004"], Status.PASS, 1.0)


def test_real_search_results_carry_each_places_rating() -> None:
    ref = ProfileRef(platform=GB, handle="NooK", url=profile_url("NooK"))
    profile = extract(
        real("gosom_gmaps_search_coffee_results_2024-12.json"),
        ExtractContext(captured_at=CAPTURED, ref=ref),
    )
    assert profile.reviews is not None
    assert (profile.reviews.rating, profile.reviews.count) == (4.7, 1670)
    assert "review_replies" in profile.not_observed  # search results show no reviews


def test_invented_bakery_owner_answered_two_of_four() -> None:
    profile = extract(
        load_file(FIXTURES / "place_data_reviews_answered.json"),
        ExtractContext(captured_at=CAPTURED),
    )
    reviews = profile.reviews
    assert reviews is not None
    assert (reviews.rating, reviews.count, reviews.sampled) == (4.8, 87, 4)
    assert reviews.replied_share == 0.5
    assert reviews.newest_at == datetime(2025, 1, 2, 10, tzinfo=timezone.utc)
    results = run_all(profile, now=CAPTURED)
    assert_result(results["REV003"], Status.PASS, 0.5, "50% of the 4 reviews shown")
    assert_result(results["REV004"], Status.PASS, 1.0, "7 days old")


def test_meta_only_page_says_reviews_are_not_observable() -> None:
    profile = extract(
        load_file(FIXTURES / "place_page_meta_only.html"), ExtractContext(captured_at=CAPTURED)
    )
    assert profile.reviews is None
    result = review_count_low(profile, make_ctx(GB))
    assert_result(result, Status.NA, None, "Not observable", "review count")


# --------------------------------------------------------------------------- checks


def with_reviews(**fields: Any) -> Profile:
    return make_profile(GB, reviews=Reviews(**fields))


def test_review_count_thresholds() -> None:
    ctx = make_ctx(GB)
    assert_result(review_count_low(with_reviews(count=0), ctx), Status.FAIL, 0.0, "0 reviews")
    assert_result(review_count_low(with_reviews(count=3), ctx), Status.FAIL, 0.3)
    assert_result(review_count_low(with_reviews(count=7), ctx), Status.WARN, 0.7)
    assert_result(review_count_low(with_reviews(count=1), ctx), Status.FAIL, 0.1, "1 review ")
    assert_result(review_count_low(with_reviews(rating=4.5), ctx), Status.NA, None, "how many")


def test_rating_thresholds_and_no_rating() -> None:
    ctx = make_ctx(GB)
    assert_result(review_rating_low(with_reviews(rating=4.0, count=9), ctx), Status.PASS, 1.0)
    result = review_rating_low(with_reviews(rating=3.7, count=40), ctx)
    assert_result(result, Status.WARN, 0.9, "3.7")
    assert_result(review_rating_low(with_reviews(rating=2.5, count=40), ctx), Status.FAIL, 0.5)
    assert_result(review_rating_low(with_reviews(count=12), ctx), Status.NA, None, "no star")
    assert_result(review_rating_low(with_reviews(rating=5.0, count=0), ctx), Status.NA)


def test_replies_and_recency() -> None:
    ctx = make_ctx(GB)
    result = review_replies_missing(with_reviews(count=50, replied_share=0.25, sampled=8), ctx)
    assert_result(result, Status.WARN, 0.25, "25% of the 8 reviews shown")
    old = with_reviews(count=50, newest_at=NOW - timedelta(days=200))
    assert_result(reviews_stale(old, ctx), Status.WARN, 0.5, "200 days old")
    older = with_reviews(count=50, newest_at=NOW - timedelta(days=400))
    assert_result(reviews_stale(older, ctx), Status.FAIL, 0.0)


def test_checks_apply_to_review_platforms_only_and_say_why_when_nothing_is_shown() -> None:
    assert not review_count_low.meta.applies_to(Platform.INSTAGRAM)
    assert review_count_low.meta.applies_to(Platform.FACEBOOK)
    page = make_profile(Platform.FACEBOOK)
    result = review_count_low(page, make_ctx(Platform.FACEBOOK))
    assert_result(result, Status.NA, None, "recommendations")
