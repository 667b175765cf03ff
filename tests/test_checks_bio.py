"""BIO001-BIO006: the bio exists, uses its space, fits, is clear, has a CTA, leads with a
keyword."""

from __future__ import annotations

from audit.model import Platform
from audit.result import Status
from checks import bio
from tests.checks_kit import assert_result, make_ctx, make_profile

GOOD = "Sourdough bakery in East Austin 🥖\nFresh loaves daily 7–2 · Order for pickup ↓"


class TestBioMissing:
    def test_pass_names_length(self) -> None:
        r = bio.bio_missing(make_profile(bio=GOOD), make_ctx())
        assert_result(r, Status.PASS, 1.0, f"Bio is {len(GOOD)} characters")

    def test_fail_when_empty_or_blank(self) -> None:
        for value in (None, "", "  \n "):
            r = bio.bio_missing(make_profile(bio=value), make_ctx())
            assert_result(r, Status.FAIL, 0.0, "Bio is empty")
            assert r.fix

    def test_uses_the_platform_field_name(self) -> None:
        r = bio.bio_missing(make_profile(Platform.YOUTUBE), make_ctx(Platform.YOUTUBE))
        assert_result(r, Status.FAIL, 0.0, "Channel description is empty")


class TestBioTooShort:
    def test_warn_names_length_and_limit(self) -> None:
        r = bio.bio_too_short(make_profile(bio="Bread. Love."), make_ctx())
        assert_result(r, Status.WARN, 12 / 60, "Bio is 12 of 150 characters", "at least 60")

    def test_pass(self) -> None:
        assert_result(bio.bio_too_short(make_profile(bio=GOOD), make_ctx()), Status.PASS, 1.0)

    def test_threshold_is_40_percent_of_a_short_limit(self) -> None:
        # TikTok: 80 characters -> 32 is enough
        p = make_profile(Platform.TIKTOK, bio="Sourdough bakery in East Austin!")
        r = bio.bio_too_short(p, make_ctx(Platform.TIKTOK))
        assert_result(r, Status.PASS, 1.0, "32 of 80 characters")

    def test_na_when_empty(self) -> None:
        assert_result(bio.bio_too_short(make_profile(), make_ctx()), Status.NA, None, "BIO001")


class TestBioOverLimit:
    def test_fail_names_overflow(self) -> None:
        text = "x" * 172
        r = bio.bio_over_limit(make_profile(Platform.X, bio=text), make_ctx(Platform.X))
        assert_result(r, Status.FAIL, 0.0, "Bio is 172 of 160 characters", "12 over")

    def test_pass_at_the_limit(self) -> None:
        r = bio.bio_over_limit(make_profile(bio="y" * 150), make_ctx())
        assert_result(r, Status.PASS, 1.0, "150 of 150 characters")

    def test_bluesky_counts_graphemes(self) -> None:
        # 256 family emoji are 256 graphemes but 1,792 code points: within Bluesky's limit
        family = "👨\u200d👩\u200d👧"
        p = make_profile(Platform.BLUESKY, handle="bluedoor.bsky.social", bio=family * 256)
        r = bio.bio_over_limit(p, make_ctx(Platform.BLUESKY))
        assert_result(r, Status.PASS, 1.0, "256 of 256 graphemes")

    def test_na_without_a_known_limit(self) -> None:
        rules = make_ctx().rules.model_copy(update={"bio_max": None})
        ctx = make_ctx().model_copy(update={"rules": rules})
        assert_result(bio.bio_over_limit(make_profile(bio="x"), ctx), Status.NA, None, "limit")

    def test_na_when_empty(self) -> None:
        assert_result(bio.bio_over_limit(make_profile(), make_ctx()), Status.NA, None)


class TestBioUnclear:
    def test_pass(self) -> None:
        assert_result(bio.bio_unclear(make_profile(bio=GOOD), make_ctx()), Status.PASS, 1.0)

    def test_fail_for_emoji_handles_and_hashtags_only(self) -> None:
        r = bio.bio_unclear(
            make_profile(bio="🥖🥐🍰✨💙 @bluedoor #bread linktr.ee/bd"), make_ctx()
        )
        assert_result(r, Status.FAIL, 0.0, "no words saying what you do")

    def test_warn_for_all_caps(self) -> None:
        r = bio.bio_unclear(make_profile(bio="BEST SOURDOUGH BAKERY IN AUSTIN"), make_ctx())
        assert_result(r, Status.WARN, 0.5, "capitals")

    def test_warn_for_too_many_emoji(self) -> None:
        r = bio.bio_unclear(make_profile(bio="Bakery 🥖🥐🍰✨💙"), make_ctx())
        assert_result(r, Status.WARN, 0.5, "5 of its 6 tokens are emoji")

    def test_works_in_other_scripts(self) -> None:
        r = bio.bio_unclear(make_profile(bio="Нонвойхона Тошкентда · хамиртуруш нон"), make_ctx())
        assert_result(r, Status.PASS, 1.0)

    def test_na_when_empty(self) -> None:
        assert_result(bio.bio_unclear(make_profile(), make_ctx()), Status.NA, None)


class TestBioNoCta:
    def test_pass_with_a_verb_and_arrow(self) -> None:
        r = bio.bio_no_cta(make_profile(bio=GOOD), make_ctx())
        assert_result(r, Status.PASS, 1.0, "'order'", "↓")

    def test_pass_in_another_language(self) -> None:
        r = bio.bio_no_cta(make_profile(bio="Panadería de masa madre · Reserva tu pan"), make_ctx())
        assert_result(r, Status.PASS, 1.0, "'reserva'")

    def test_pass_with_a_link(self) -> None:
        r = bio.bio_no_cta(make_profile(bio="Sourdough bakery bluedoor.com/menu"), make_ctx())
        assert_result(r, Status.PASS, 1.0, "a link")

    def test_warn_without(self) -> None:
        r = bio.bio_no_cta(make_profile(bio="Sourdough bakery in East Austin"), make_ctx())
        assert_result(r, Status.WARN, 0.5, "no call to action")

    def test_na_when_empty(self) -> None:
        assert_result(bio.bio_no_cta(make_profile(), make_ctx()), Status.NA, None)


class TestBioFirstLineWeak:
    def test_pass(self) -> None:
        r = bio.bio_first_line_weak(make_profile(bio=GOOD), make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.PASS, 1.0, "'Sourdough bakery in East Austin 🥖'", "sourdough")

    def test_warn_names_where_the_keyword_is(self) -> None:
        text = "✨ Est. 2015 ✨\nSourdough bakery in East Austin"
        r = bio.bio_first_line_weak(make_profile(bio=text), make_ctx(keywords=["sourdough"]))
        assert_result(r, Status.WARN, 0.5, "'✨ Est. 2015 ✨'", "only further down")

    def test_manual_without_keywords(self) -> None:
        r = bio.bio_first_line_weak(make_profile(bio=GOOD), make_ctx())
        assert_result(r, Status.MANUAL, None, "No target keywords")

    def test_na_when_empty(self) -> None:
        r = bio.bio_first_line_weak(make_profile(), make_ctx(keywords=["bakery"]))
        assert_result(r, Status.NA, None)
