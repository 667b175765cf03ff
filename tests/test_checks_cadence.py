"""CAD001-CAD004: dormancy, frequency, regularity, enough observed posts."""

from __future__ import annotations

from datetime import timedelta

from audit.model import Counts, Platform, Post
from audit.result import Status
from checks import cadence as cad
from tests.checks_kit import NOW, assert_result, make_ctx, make_profile, post


def every(days: float, n: int, start: float = 0) -> list[Post]:
    return [post(i, start + i * days, "x") for i in range(n)]


class TestDormantProfile:
    def test_pass(self) -> None:
        r = cad.dormant_profile(make_profile(posts=every(3, 4, start=2)), make_ctx())
        assert_result(r, Status.PASS, 1.0, "Last post was 2 days ago (2025-05-30)")

    def test_warn_after_14_days(self) -> None:
        r = cad.dormant_profile(make_profile(posts=every(3, 4, start=20)), make_ctx())
        assert_result(r, Status.WARN, 0.5, "20 days ago")

    def test_fail_after_30_days_and_says_approximate(self) -> None:
        p = make_profile(posts=[post(1, 47, "x", approx=True)])
        r = cad.dormant_profile(p, make_ctx())
        assert_result(r, Status.FAIL, 0.0, "47 days ago", "approximate")
        assert r.evidence[0].url == "https://www.instagram.com/p/1/"

    def test_reposts_do_not_count(self) -> None:
        p = make_profile(posts=[post("r", 1, "boost", is_repost=True), post(1, 40, "own")])
        assert_result(cad.dormant_profile(p, make_ctx()), Status.FAIL, 0.0, "40 days ago")

    def test_measured_against_capture_time_not_the_clock(self) -> None:
        p = make_profile(posts=every(1, 3, start=1))
        later = make_ctx(now=NOW + timedelta(days=60))
        assert_result(cad.dormant_profile(p, later), Status.FAIL, 0.0, "61 days ago")

    def test_fail_when_the_profile_has_no_posts(self) -> None:
        p = make_profile(counts=Counts(posts=0))
        assert_result(cad.dormant_profile(p, make_ctx()), Status.FAIL, 0.0, "no posts")

    def test_na_without_dated_posts(self) -> None:
        p = make_profile(posts=[post(1, None, "undated")])
        assert_result(cad.dormant_profile(p, make_ctx()), Status.NA, None, "No dated own posts")


class TestPostingFrequencyLow:
    def test_pass_at_the_guide(self) -> None:
        r = cad.posting_frequency_low(make_profile(posts=every(2, 40)), make_ctx())
        # 40 posts, the oldest 78 days ago: 40 / (78 / 7) = 3.6 per week
        assert_result(r, Status.PASS, 1.0, "3.6 posts per week over the last 78 days", "3-7")

    def test_warn_below_the_low_end(self) -> None:
        r = cad.posting_frequency_low(make_profile(posts=every(3.5, 30)), make_ctx())
        # 26 of the 30 posts fall in the 90-day window: 26 / (90 / 7) = 2.0 per week
        expected = 26 / (90 / 7) / 3
        assert_result(r, Status.WARN, expected, "2.0 posts per week over the last 90 days (26")

    def test_fail_below_half_the_low_end(self) -> None:
        r = cad.posting_frequency_low(make_profile(posts=every(14, 10)), make_ctx())
        assert_result(r, Status.FAIL, None, "0.5 posts per week")

    def test_uses_the_observed_span_when_shorter(self) -> None:
        # 12 posts over the last 22 days (a grid capture): 12 / (22 / 7) = 3.8 per week
        r = cad.posting_frequency_low(make_profile(posts=every(2, 12)), make_ctx())
        assert_result(r, Status.PASS, 1.0, "3.8 posts per week over the last 22 days")

    def test_platform_guide(self) -> None:
        p = make_profile(Platform.YOUTUBE, posts=every(7, 12))
        r = cad.posting_frequency_low(p, make_ctx(Platform.YOUTUBE))
        assert_result(r, Status.PASS, 1.0, "1+ per week")

    def test_na_without_a_guide(self) -> None:
        p = make_profile(Platform.MASTODON, posts=every(1, 10))
        r = cad.posting_frequency_low(p, make_ctx(Platform.MASTODON))
        assert_result(r, Status.NA, None, "no posting guide for Mastodon")

    def test_na_with_too_few_posts(self) -> None:
        r = cad.posting_frequency_low(make_profile(posts=every(1, 2)), make_ctx())
        assert_result(r, Status.NA, None, "Only 2 dated posts", "CAD004")


class TestPostingIrregular:
    def test_pass(self) -> None:
        r = cad.posting_irregular(make_profile(posts=every(3, 10)), make_ctx())
        assert_result(r, Status.PASS, 1.0, "median gap 3.0 days")

    def test_warn_on_bursts(self) -> None:
        posts = every(0.5, 5) + every(1, 3, start=45)
        r = cad.posting_irregular(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.WARN, 0.5, "coefficient of variation", "then a gap of 43 days")

    def test_na_with_too_few_posts(self) -> None:
        assert_result(cad.posting_irregular(make_profile(), make_ctx()), Status.NA, None, "Only 0")

    def test_na_when_all_share_a_timestamp(self) -> None:
        posts = [post(i, 1, "x") for i in range(3)]
        r = cad.posting_irregular(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.NA, None, "one timestamp")


class TestTooFewPostsObserved:
    def test_pass(self) -> None:
        r = cad.too_few_posts_observed(make_profile(posts=every(1, 3)), make_ctx())
        assert_result(r, Status.PASS, 1.0, "3 dated own posts")
        assert r.weight == 0

    def test_warn(self) -> None:
        p = make_profile(posts=[post(1, 1, "x"), post(2, None, "undated")])
        r = cad.too_few_posts_observed(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "Only 1 dated own post could", "CAD002, CAD003")
