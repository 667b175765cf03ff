"""ALT001-ALT004: alt text coverage, quality, automatic-only, visual share."""

from __future__ import annotations

from audit.model import Platform, Post
from audit.result import Status
from checks import media as alt
from tests.checks_kit import assert_result, image, make_ctx, make_profile, media, post

AUTO = "May be an image of bread"


def posts_with(custom: int, auto: int = 0, missing: int = 0) -> list[Post]:
    out = []
    for i in range(custom):
        out.append(post(f"c{i}", i, "Fresh loaf", media=[image(f"Sourdough loaf number {i}")]))
    for i in range(auto):
        out.append(post(f"a{i}", 20 + i, "Fresh loaf", media=[image(AUTO)]))
    for i in range(missing):
        out.append(post(f"m{i}", 40 + i, "Fresh loaf", media=[image(None)]))
    return out


class TestAltTextCoverage:
    def test_pass(self) -> None:
        p = make_profile(posts=posts_with(custom=9, auto=1))
        r = alt.alt_text_coverage(p, make_ctx())
        assert_result(r, Status.PASS, 0.9, "9 of 10 image posts have alt text you wrote")

    def test_fail_auto_does_not_count_and_is_named(self) -> None:
        p = make_profile(posts=posts_with(custom=2, auto=10))
        r = alt.alt_text_coverage(p, make_ctx())
        assert_result(
            r,
            Status.FAIL,
            2 / 12,
            "2 of 12 image posts have alt text you wrote",
            "10 have only Instagram's automatic text",
        )
        assert r.evidence[0].value == [AUTO]

    def test_warn_between_25_and_80_percent(self) -> None:
        p = make_profile(posts=posts_with(custom=2, missing=2))
        r = alt.alt_text_coverage(p, make_ctx())
        assert_result(r, Status.WARN, 0.5, "2 of 4", "2 have none")

    def test_partial_carousel_does_not_count(self) -> None:
        carousel = post(1, 1, "two loaves", media=[image("Round sourdough loaf"), image(None)])
        r = alt.alt_text_coverage(make_profile(posts=[carousel]), make_ctx())
        assert_result(r, Status.FAIL, 0.0, "1 has it on only some images")

    def test_reposts_and_text_posts_are_ignored(self) -> None:
        own = posts_with(custom=1)
        repost = post("r", 0, "boost", media=[image(None)], is_repost=True)
        text_only = post("t", 0, "hello")
        video = post("v", 0, "clip", media=[media("video")])
        p = make_profile(Platform.MASTODON, posts=[*own, repost, text_only, video])
        r = alt.alt_text_coverage(p, make_ctx(Platform.MASTODON))
        assert_result(r, Status.PASS, 1.0, "1 of 1 image posts")

    def test_only_the_12_newest_image_posts(self) -> None:
        p = make_profile(posts=posts_with(custom=12, missing=8))
        assert_result(alt.alt_text_coverage(p, make_ctx()), Status.PASS, 1.0, "12 of 12")

    def test_na_without_image_posts(self) -> None:
        p = make_profile(posts=[post(1, 1, "text only")])
        r = alt.alt_text_coverage(p, make_ctx())
        assert_result(r, Status.NA, None, "No own image posts")

    def test_na_where_the_platform_has_no_alt_text(self) -> None:
        p = make_profile(Platform.TIKTOK, posts=posts_with(custom=0, missing=3))
        r = alt.alt_text_coverage(p, make_ctx(Platform.TIKTOK))
        assert_result(r, Status.NA, None, "TikTok has no alt text field")


class TestAltTextQuality:
    def test_pass(self) -> None:
        p = make_profile(posts=posts_with(custom=3))
        r = alt.alt_text_quality(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "Every alt text you wrote on recent image posts (3)")

    def test_warn_generic_duplicate_and_caption_copy(self) -> None:
        posts = [
            post(1, 1, "Our new loaf", media=[image("Loaf")]),
            post(
                2,
                2,
                "Cinnamon buns fresh from the oven",
                media=[image("Cinnamon buns fresh from the oven")],
            ),
            post(3, 3, "a", media=[image("Round loaf on a wooden board")]),
            post(4, 4, "b", media=[image("Round loaf on a wooden board")]),
            post(5, 5, "c", media=[image("Baker lifting a tray of buns out of the oven")]),
        ]
        r = alt.alt_text_quality(make_profile(posts=posts), make_ctx())
        assert_result(r, Status.WARN, 1 / 5, "4 of 5 alt texts are not descriptive", "'Loaf'")
        assert len(r.evidence) == 4

    def test_warn_over_the_platform_cap(self) -> None:
        long_alt = "A detailed description of a loaf of bread " * 13  # 546 characters
        p = make_profile(Platform.PINTEREST, posts=[post(1, 1, "x", media=[image(long_alt)])])
        r = alt.alt_text_quality(p, make_ctx(Platform.PINTEREST))
        assert_result(r, Status.WARN, 0.0, "over the 500-character cap")

    def test_soft_warn_when_long(self) -> None:
        long_alt = "A golden loaf with a crackled crust " * 5  # 180 characters
        p = make_profile(posts=[post(1, 1, "x", media=[image(long_alt)])])
        r = alt.alt_text_quality(p, make_ctx())
        assert_result(r, Status.WARN, 0.0, "long for a screen reader")

    def test_na_without_custom_alt(self) -> None:
        p = make_profile(posts=posts_with(custom=0, auto=3))
        assert_result(alt.alt_text_quality(p, make_ctx()), Status.NA, None, "ALT001")

    def test_na_where_unsupported(self) -> None:
        r = alt.alt_text_quality(make_profile(Platform.YOUTUBE), make_ctx(Platform.YOUTUBE))
        assert_result(r, Status.NA, None, "YouTube has no alt text field")


class TestAltTextAutoOnly:
    def test_warn_when_all_automatic(self) -> None:
        p = make_profile(posts=posts_with(custom=0, auto=3, missing=1))
        r = alt.alt_text_auto_only(p, make_ctx())
        assert_result(
            r, Status.WARN, 0.5, "Every alt text on recent images (3)", "1 of 4 images have none"
        )

    def test_pass_with_any_custom(self) -> None:
        p = make_profile(posts=posts_with(custom=1, auto=3))
        r = alt.alt_text_auto_only(p, make_ctx())
        assert_result(r, Status.PASS, 1.0, "1 of 4 images")

    def test_na_when_no_alt_at_all(self) -> None:
        p = make_profile(posts=posts_with(custom=0, missing=3))
        assert_result(alt.alt_text_auto_only(p, make_ctx()), Status.NA, None, "No alt text at all")

    def test_na_without_images(self) -> None:
        assert_result(alt.alt_text_auto_only(make_profile(), make_ctx()), Status.NA, None)


class TestVisualContentShare:
    def test_pass(self) -> None:
        posts = [post(i, i, "x", media=[image()]) for i in range(6)]
        posts += [post(10 + i, 10 + i, "text") for i in range(4)]
        r = alt.visual_content_share(make_profile(Platform.X, posts=posts), make_ctx(Platform.X))
        assert_result(r, Status.PASS, 1.0, "6 of 10 recent posts")

    def test_warn_below_half(self) -> None:
        posts = [post(1, 1, "x", media=[media("video")])]
        posts += [post(10 + i, 10 + i, "text") for i in range(3)]
        r = alt.visual_content_share(make_profile(Platform.X, posts=posts), make_ctx(Platform.X))
        assert_result(r, Status.WARN, 0.5, "1 of 4 recent posts")

    def test_na_without_posts(self) -> None:
        r = alt.visual_content_share(make_profile(Platform.X), make_ctx(Platform.X))
        assert_result(r, Status.NA, None)

    def test_only_where_posts_can_be_text(self) -> None:
        assert not alt.visual_content_share.meta.applies_to(Platform.INSTAGRAM)
        assert alt.visual_content_share.meta.applies_to(Platform.BLUESKY)
