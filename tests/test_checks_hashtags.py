"""HSH001-HSH003: hashtag count, generic-only hashtags, keyword before the fold."""

from __future__ import annotations

from audit.model import Platform
from audit.result import Status
from checks import hashtags as hsh
from tests.checks_kit import assert_result, make_ctx, make_profile, post


class TestHashtagCount:
    def test_pass(self) -> None:
        posts = [post(i, i, "x", hashtags=["sourdough", "austin"]) for i in range(3)]
        r = hsh.hashtag_count(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.PASS, 1.0, "Every recent post (3) has at most 5", "caps posts at 5")

    def test_warn_counts_caption_hashtags_too(self) -> None:
        wall = "Fresh! " + " ".join(f"#tag{i}x" for i in range(10))
        posts = [post(1, 1, wall), post(2, 2, "x", hashtags=["a1", "b1"])]
        r = hsh.hashtag_count(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.WARN, 0.5, "1 of 2 recent posts use more than 5", "most: 10")

    def test_threads_allows_one(self) -> None:
        p = make_profile(Platform.THREADS, posts=[post(1, 1, "x", hashtags=["a", "b"])])
        r = hsh.hashtag_count(p, make_ctx(Platform.THREADS))
        assert_result(r, Status.WARN, 0.0, "more than 1 hashtags", "Threads caps posts at 1")

    def test_na_without_a_guide(self) -> None:
        p = make_profile(Platform.BLUESKY, posts=[post(1, 1, "x")])
        r = hsh.hashtag_count(p, make_ctx(Platform.BLUESKY))
        assert_result(r, Status.NA, None, "no hashtag guide for Bluesky")

    def test_na_without_posts(self) -> None:
        assert_result(hsh.hashtag_count(make_profile(), make_ctx()), Status.NA, None)


class TestHashtagsGenericOnly:
    def test_pass(self) -> None:
        posts = [post(1, 1, "x", hashtags=["love", "Sourdough"])]
        r = hsh.hashtags_generic_only(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.PASS, 1.0, "1 of 2 distinct hashtags are specific: #Sourdough")

    def test_warn(self) -> None:
        posts = [post(1, 1, "x #InstaGood", hashtags=[]), post(2, 2, "x", hashtags=["love"])]
        r = hsh.hashtags_generic_only(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.WARN, 0.5, "All 2 distinct hashtags are generic", "#InstaGood")

    def test_na_without_hashtags(self) -> None:
        p = make_profile(posts=[post(1, 1, "no tags")])
        assert_result(hsh.hashtags_generic_only(p, make_ctx()), Status.NA, None, "No hashtags")


class TestCaptionKeywordLate:
    LATE = "So happy to finally share this with you all after weeks and weeks of testing, " * 2

    def test_pass(self) -> None:
        p = make_profile(posts=[post(1, 1, "New: our sourdough loaf 🥖 " + self.LATE)])
        r = hsh.caption_keyword_late(p, make_ctx(keywords=["sourdough"]))
        assert_result(
            r, Status.PASS, 1.0, "Every caption that mentions a target keyword (1)", "first 125"
        )

    def test_warn(self) -> None:
        posts = [
            post(1, 1, self.LATE + "our new sourdough!"),
            post(2, 2, "Sourdough day " + self.LATE),
        ]
        r = hsh.caption_keyword_late(make_profile(posts=posts), make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.WARN, 0.5, "In 1 of 2 captions", "after the first 125")

    def test_na_when_no_caption_mentions_a_keyword(self) -> None:
        p = make_profile(posts=[post(1, 1, "Monday mood")])
        r = hsh.caption_keyword_late(p, make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.NA, None, "KEY003")

    def test_manual_without_keywords(self) -> None:
        r = hsh.caption_keyword_late(make_profile(), make_ctx())
        assert_result(r, Status.MANUAL, None, "No target keywords")
