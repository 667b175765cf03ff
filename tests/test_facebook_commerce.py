"""Facebook Page signals for issue 10, on an invented bakery in the real structures: the Graph
API Page's `overall_star_rating`/`rating_count`, a feed with a Reel, and the logged-out mobile
Page with its recommendations line, response badge and Shop tab. (The real Facebook captures in
../shared/realdata carry none of these.)"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from audit.documents import Document, load_file
from audit.model import Engagement, Platform, Reviews, Shop
from audit.platforms import facebook
from audit.platforms.base import ExtractContext
from audit.result import Status
from checks.replies import comments_unanswered, replies_slow
from checks.reviews import review_count_low, review_rating_low, review_replies_missing
from checks.shop import shop_surface_unused, way_to_buy_missing
from checks.video import short_video_share_low
from tests.checks_kit import assert_result, make_ctx

FIXTURES = Path(__file__).parent / "fixtures" / "facebook"
CTX = ExtractContext(captured_at=datetime(2025, 6, 15, tzinfo=timezone.utc))
FB = make_ctx(Platform.FACEBOOK)


def fixture(*names: str) -> list[Document]:
    return [d for n in names for d in load_file(FIXTURES / n)]


def test_graph_page_rating_and_a_reel_in_the_feed() -> None:
    profile = facebook.extract(
        fixture("graph_page_pekarna.sonce_reviews.json", "graph_feed_pekarna.sonce_reel.json"),
        CTX,
    )
    assert profile.reviews == Reviews(rating=4.6, count=212)
    assert profile.sources["reviews"].endswith("overall_star_rating/rating_count")
    assert_result(review_count_low(profile, FB), Status.PASS, 1.0, "212 reviews")
    assert_result(review_rating_low(profile, FB), Status.PASS, 1.0, "4.6")
    assert_result(review_replies_missing(profile, FB), Status.NA, None, "no individual reviews")
    assert [p.short_video for p in profile.posts] == [True, False, False, False]
    assert_result(
        short_video_share_low(profile, FB), Status.PASS, 1.0, "1 of 3 recent posts"
    )  # the share is no own post
    assert_result(way_to_buy_missing(profile, FB), Status.PASS, 1.0, "'narocila'")
    assert profile.shop is None  # the Graph API Page says nothing about a shop tab
    assert_result(shop_surface_unused(profile, FB), Status.NA, None, "does not show")


def test_mobile_page_recommendations_badge_and_shop_tab() -> None:
    profile = facebook.extract(fixture("m_page_pekarna.sonce_loggedout.html"), CTX)
    assert profile.reviews == Reviews(count=1204)  # "96% recommend": no star rating
    assert profile.engagement == Engagement(
        response_badge="Typically replies within an hour", badge_minutes=60
    )
    assert profile.shop == Shop(
        surfaces=["Facebook shop tab"], url="https://www.facebook.com/pekarna.sonce/shop/"
    )
    assert_result(review_rating_low(profile, FB), Status.NA, None, "no star rating")
    assert_result(replies_slow(profile, FB), Status.PASS, 1.0, "within an hour")
    assert_result(comments_unanswered(profile, FB), Status.NA, None, "badge")
    assert_result(way_to_buy_missing(profile, FB), Status.PASS, 1.0, "Facebook shop tab")
    assert_result(shop_surface_unused(profile, FB), Status.PASS, 1.0)


def test_the_cafe_page_without_these_signals_stays_unjudged() -> None:
    profile = facebook.extract(fixture("m_page_kavarna.lipa_loggedout.html"), CTX)
    assert profile.reviews is None and profile.engagement is None and profile.shop is None
    assert_result(review_count_low(profile, FB), Status.NA, None, "recommendations")
    assert_result(replies_slow(profile, FB), Status.NA, None, "no comment threads")
